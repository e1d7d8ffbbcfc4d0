# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .res_partner_confidentiality import FILE


# pylint: disable=consider-merging-classes-inherited
class ResPartner(models.Model):
    """The grade's policy as it applies to the customer (R-POL-1), shown in
    the customer file."""

    _inherit = "res.partner"

    freight_resource_guarantee = fields.Text(
        string="Resource Guarantee",
        related="freight_grade_id.resource_guarantee",
        groups=FILE,
    )

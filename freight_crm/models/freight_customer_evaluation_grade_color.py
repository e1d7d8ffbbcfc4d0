# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models


class FreightCustomerEvaluation(models.Model):
    """The evaluation's grade in the colour set on the grade."""

    _inherit = "freight.customer.evaluation"

    grade_color = fields.Integer(related="grade_id.color", string="Grade Colour")

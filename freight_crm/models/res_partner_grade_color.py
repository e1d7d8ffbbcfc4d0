# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models


class ResPartner(models.Model):
    """The customer's grade in its colour: the badges and the kanban cards
    of customers take the colour set on the grade."""

    _inherit = "res.partner"

    freight_grade_color = fields.Integer(
        related="freight_grade_id.color", string="Grade Colour"
    )

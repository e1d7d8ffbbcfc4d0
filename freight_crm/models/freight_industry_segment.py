# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightIndustrySegment(models.Model):
    """Industry segment of a customer (行业分类, R-CLS-2) with the service
    focus the rulebook gives for it."""

    _name = "freight.industry.segment"
    _description = "Customer Industry Segment"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    service_focus = fields.Text(
        translate=True,
        help="What matters most to customers of this segment; shown on the customer.",
    )

    _code_uniq = models.Constraint(
        "UNIQUE(code)", "The code of an industry segment must be unique."
    )

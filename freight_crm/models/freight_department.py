# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightDepartment(models.Model):
    """A department of the forwarder as the rulebooks name them (运管中心,
    营销中心, 财务部, 公司高层): the customer evaluation panel is made of
    them (评估小组由运管中心、营销中心、财务部、公司高层组成)."""

    _name = "freight.department"
    _description = "Freight CRM Department"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    on_evaluation_panel = fields.Boolean(
        string="On the Evaluation Panel",
        default=True,
        help="New customer evaluations list this department in their panel.",
    )
    user_ids = fields.Many2many(
        "res.users",
        string="Members",
        domain=[("share", "=", False)],
        help="Who represents the department on evaluation panels.",
    )

    _name_uniq = models.Constraint(
        "UNIQUE(name)", "A department with this name already exists."
    )

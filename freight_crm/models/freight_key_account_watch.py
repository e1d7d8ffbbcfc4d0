# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightKeyAccountWatch(models.Model):
    """The special watch (特别关注) of a key account: its company news,
    project news and industry situation, as the information centre
    publishes them."""

    _name = "freight.key.account.watch"
    _description = "Key Account Special Watch"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "freight.workflow.guard",
        "freight.customer.ledger.mixin",
    )
    _order = "date desc, id desc"
    _rec_name = "title"

    partner_id = fields.Many2one(string="Key Account")
    user_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        required=True,
        default=lambda self: self.env.user,
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    category = fields.Selection(
        [
            ("company", "Company News"),
            ("project", "Project News"),
            ("industry", "Industry Situation"),
        ],
        required=True,
        default="company",
        tracking=True,
    )
    title = fields.Char(required=True)
    note = fields.Text(required=True)
    source = fields.Char(help="Where the news comes from: press, customer, website.")

    def _freight_ledger_not_customer_message(self, partner):
        return self.env._(
            "%s is not a freight customer company: the special "
            "watch follows key accounts.",
            partner.display_name,
        )

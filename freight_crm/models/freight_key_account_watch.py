# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class FreightKeyAccountWatch(models.Model):
    """The special watch (特别关注) of a key account: its company news,
    project news and industry situation, as the information centre
    publishes them."""

    _name = "freight.key.account.watch"
    _description = "Key Account Special Watch"
    _inherit = ("mail.thread", "mail.activity.mixin", "freight.workflow.guard")
    _order = "date desc, id desc"
    _rec_name = "title"

    partner_id = fields.Many2one(
        "res.partner",
        string="Key Account",
        required=True,
        index=True,
        tracking=True,
        ondelete="cascade",
        domain="[('is_company', '=', True), ('freight_customer_state', '!=', False)]",
    )
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

    @api.constrains("partner_id")
    def _check_partner_is_customer(self):
        for watch in self:
            partner = watch.partner_id.sudo()
            if not partner.is_company or not partner.freight_customer_state:
                raise ValidationError(
                    self.env._(
                        "%s is not a freight customer company: the special "
                        "watch follows key accounts.",
                        partner.display_name,
                    )
                )

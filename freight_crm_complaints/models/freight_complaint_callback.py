# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class FreightComplaintCallback(models.Model):
    """Callback to the customer (回访) after a complaint was handled."""

    _name = "freight.complaint.callback"
    _description = "Complaint Callback"
    _order = "date desc, id desc"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        required=True,
        index=True,
        ondelete="cascade",
    )
    date = fields.Datetime(
        string="Callback Time", required=True, default=fields.Datetime.now
    )
    user_id = fields.Many2one(
        "res.users",
        string="Called by",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    result = fields.Selection(
        [
            ("accepted", "Customer accepts the resolution"),
            ("rejected", "Customer rejects the resolution"),
        ],
        required=True,
        default="accepted",
    )
    satisfaction = fields.Integer(
        required=True,
        default=100,
        aggregator="avg",
        help="Customer satisfaction from 0 to 100.",
    )
    note = fields.Text(string="Callback Notes")

    @api.constrains("satisfaction")
    def _check_satisfaction(self):
        for callback in self:
            if not 0 <= callback.satisfaction <= 100:
                raise ValidationError(
                    self.env._(
                        "The satisfaction score must be between 0 and 100, not %s.",
                        callback.satisfaction,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        callbacks = super().create(vals_list)
        for callback in callbacks:
            callback.ticket_id._freight_log_callback(callback)
        return callbacks

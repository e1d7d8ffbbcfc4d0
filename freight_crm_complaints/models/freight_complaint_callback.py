# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.freight_crm.models.freight_workflow_guard import PARENT, WORKFLOW
from odoo.addons.freight_crm.tools import MeasuredInteger

# What the customer said is a record: a new callback corrects it, not an edit.
FROZEN_FIELDS = ("date", "result", "satisfaction")


class FreightComplaintCallback(models.Model):
    """Callback to the customer (回访) after a complaint was handled."""

    _name = "freight.complaint.callback"
    _inherit = ("freight.workflow.guard",)
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
    # What the customer said, asked at every callback: no default.
    satisfaction = MeasuredInteger(
        aggregator="avg",
        help="Customer satisfaction from 0 to 100, as the customer gave it.",
    )
    note = fields.Text(string="Callback Notes")

    @api.model
    def _freight_guard_policy(self):
        # The employee who called is the one recording it; a callback stays
        # on its complaint.
        return {"user_id": WORKFLOW, "ticket_id": PARENT}

    def _freight_guard_is_open(self):
        return False

    @api.constrains("ticket_id")
    def _check_ticket_is_complaint(self):
        for callback in self:
            if not callback.ticket_id.freight_is_complaint:
                raise ValidationError(
                    self.env._(
                        "Ticket %s is not a complaint: callbacks are recorded "
                        "on complaints only.",
                        callback.ticket_id.display_name,
                    )
                )

    @api.constrains("satisfaction")
    def _check_satisfaction(self):
        for callback in self:
            if callback.satisfaction is False:
                raise ValidationError(
                    self.env._(
                        "Record the satisfaction (0 to 100) the customer gave "
                        "at the callback."
                    )
                )
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
        # Constraints run on the fields given: check the one left out too.
        callbacks._check_satisfaction()
        for callback in callbacks:
            callback.ticket_id._freight_log_callback(callback)
        return callbacks

    def write(self, vals):
        if not self.env.su:
            for name in set(FROZEN_FIELDS) & set(vals):
                for callback in self:
                    if not callback._freight_guard_same(
                        name, vals[name], callback[name]
                    ):
                        raise UserError(
                            self.env._(
                                "A callback records what the customer said: "
                                "record a new callback instead of changing "
                                "%s.",
                                callback._freight_guard_label(name),
                            )
                        )
        return super().write(vals)

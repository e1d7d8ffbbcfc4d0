# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class FreightCustomerShare(models.Model):
    """A request to share a customer's file with another salesperson
    (R-SEC-3): recorded, approved by a manager, and expiring. While approved,
    the record rules let `user_id` read the customer's freight data."""

    _name = "freight.customer.share"
    _description = "Customer File Sharing Request"
    _inherit = ("mail.thread",)
    _order = "id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_company", "=", True)],
    )
    user_id = fields.Many2one(
        "res.users",
        string="Shared With",
        required=True,
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
    )
    requested_by_id = fields.Many2one(
        "res.users",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    reason = fields.Text(required=True)
    date_expiry = fields.Date(string="Expires On", required=True, tracking=True)
    state = fields.Selection(
        [
            ("requested", "Requested"),
            ("approved", "Approved"),
            ("refused", "Refused"),
            ("expired", "Expired"),
        ],
        default="requested",
        required=True,
        index=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approval_date = fields.Datetime(readonly=True, copy=False)

    @api.constrains("date_expiry")
    def _check_date_expiry(self):
        today = fields.Date.context_today(self)
        for share in self:
            if share.state == "requested" and share.date_expiry < today:
                raise ValidationError(
                    self.env._("The sharing must expire today or later.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        """A request is recorded as requested, by whoever files it: only a
        manager may file it already decided (R-SEC-3)."""
        if not (
            self.env.su or self.env.user.has_group("freight_crm.group_freight_manager")
        ):
            for vals in vals_list:
                if (
                    vals.get("state", "requested") != "requested"
                    or vals.get("approved_by_id")
                    or vals.get("approval_date")
                ):
                    raise AccessError(
                        self.env._(
                            "Only a Freight CRM manager can decide a request: "
                            "file it as requested."
                        )
                    )
                vals["requested_by_id"] = self.env.user.id
        return super().create(vals_list)

    def write(self, vals):
        if not (
            self.env.su or self.env.user.has_group("freight_crm.group_freight_manager")
        ):
            decision = {
                "state",
                "approved_by_id",
                "approval_date",
                "user_id",
                "requested_by_id",
            }
            # A decided request (e.g. approved) is frozen for non-managers:
            # extending its expiry would prolong the sharing unapproved.
            if set(vals) & decision or any(
                share.state != "requested" for share in self
            ):
                raise AccessError(
                    self.env._("Only a Freight CRM manager can decide a request.")
                )
        return super().write(vals)

    def action_approve(self):
        if any(share.state != "requested" for share in self):
            raise UserError(self.env._("Only pending requests can be approved."))
        self.write(
            {
                "state": "approved",
                "approved_by_id": self.env.user.id,
                "approval_date": fields.Datetime.now(),
            }
        )
        return True

    def action_refuse(self):
        self.write({"state": "refused"})
        return True

    @api.model
    def _cron_expire(self):
        """Daily: end the sharings past their expiry date."""
        self.search(
            [
                ("state", "=", "approved"),
                ("date_expiry", "<", fields.Date.context_today(self)),
            ]
        ).write({"state": "expired"})

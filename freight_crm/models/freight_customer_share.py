# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .freight_workflow_guard import WORKFLOW


class FreightCustomerShare(models.Model):
    """A request to share a customer's file with another salesperson
    (R-SEC-3): recorded, approved by a manager, and expiring. While approved,
    the record rules let `user_id` read the customer's freight data."""

    _name = "freight.customer.share"
    _description = "Customer File Sharing Request"
    _inherit = ("mail.thread", "freight.workflow.guard")
    _order = "id desc"
    _rec_names_search = ("partner_id",)
    # Deciding a share is the manager's: refused as an access right.
    _freight_guard_workflow_error = AccessError

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

    @api.depends("partner_id", "user_id")
    def _compute_display_name(self):
        for share in self:
            parts = (share.partner_id.display_name, share.user_id.name)
            share.display_name = " ".join(part for part in parts if part)

    @api.model
    def _freight_guard_policy(self):
        return {
            "state": WORKFLOW,
            "requested_by_id": WORKFLOW,
            "approved_by_id": WORKFLOW,
            "approval_date": WORKFLOW,
        }

    def _freight_guard_is_open(self):
        self.ensure_one()
        return self.state == "requested"

    def _freight_guard_workflow_message(self, label, record):
        return self.env._(
            "A sharing request is filed as requested and decided with "
            "the Approve and Refuse buttons of a Freight CRM manager: "
            "%s cannot be written directly.",
            label,
        )

    @api.constrains("date_expiry")
    def _check_date_expiry(self):
        today = fields.Date.context_today(self)
        for share in self:
            if not share.date_expiry:
                raise ValidationError(self._freight_expiry_missing_message())
            if share.state == "requested" and share.date_expiry < today:
                raise ValidationError(
                    self.env._("The sharing must expire today or later.")
                )

    def _freight_expiry_missing_message(self):
        return self.env._(
            "Give the date the sharing ends (Expires On): a customer's file is "
            "never shared without an end."
        )

    @api.model
    def _freight_check_expiry_given(self, vals_list, creating):
        for vals in vals_list:
            if creating and "date_expiry" not in vals:
                value = self.env.context.get("default_date_expiry")
            else:
                value = vals.get("date_expiry", True)
            if not value:
                raise ValidationError(self._freight_expiry_missing_message())

    @api.model_create_multi
    def create(self, vals_list):
        """A request is recorded as requested, by whoever files it
        (R-SEC-3)."""
        self._freight_check_expiry_given(vals_list, creating=True)
        if not self.env.su:
            for vals in vals_list:
                vals["requested_by_id"] = self.env.user.id
        return super().create(vals_list)

    def write(self, vals):
        self._freight_check_expiry_given([vals], creating=False)
        if not (self.env.su or self.env.user._freight_is_manager()):
            # A decided request (e.g. approved) is frozen for non-managers:
            # extending its expiry would prolong the sharing unapproved; and
            # whom it shares with is the manager's decision.
            for share in self:
                changed = share._freight_changed_fields(vals)
                if "user_id" in changed or (changed and share.state != "requested"):
                    raise AccessError(
                        self.env._("Only a Freight CRM manager can decide a request.")
                    )
        for share in self.filtered(lambda s: s.state != "requested"):
            if "partner_id" in share._freight_changed_fields(vals):
                raise UserError(
                    self.env._(
                        "A decided sharing request stays on its customer: file "
                        "a new request for another customer."
                    )
                )
        return super().write(vals)

    def _freight_changed_fields(self, vals):
        """The stored fields of ``vals`` whose value differs from this
        record's (the web client may send unchanged values back)."""
        self.ensure_one()
        return {
            name
            for name in vals
            if name in self._fields
            and self._fields[name].store
            and not self._freight_guard_same(name, vals[name], self[name])
        }

    def _freight_check_decide(self, action, states=("requested",), authors=()):
        self._freight_check_approval(
            action,
            states,
            authors,
            message=self.env._("Only a Freight CRM manager can decide a request."),
        )

    def action_approve(self):
        self._freight_check_decide(
            self.env._("Approve the sharing"), authors=("requested_by_id",)
        )
        return self._freight_record_approval(
            "approved_by_id", "approval_date", state="approved"
        )

    def action_refuse(self):
        """Refuse a pending request, or end an approved sharing early."""
        self._freight_check_decide(
            self.env._("Refuse the sharing"), states=("requested", "approved")
        )
        self.sudo().write({"state": "refused"})
        return True

    @api.model
    def _cron_expire(self):
        """Daily: end the sharings past their expiry date."""
        self.sudo().search(
            [
                ("state", "=", "approved"),
                ("date_expiry", "<", fields.Date.context_today(self)),
            ]
        ).write({"state": "expired"})

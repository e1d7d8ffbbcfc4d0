# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import fields, models


class FreightCustomerShare(models.Model):
    """The grant behind an approved sharing request (R-SEC-3): while the
    request is approved and not past its expiry date, the record rules of
    the customer file (res.partner, its bank accounts, contracts, risks,
    rewards, KPIs) let the named user read it. Every start and end of a
    grant is logged in the customer's chatter."""

    _inherit = "freight.customer.share"

    is_active = fields.Boolean(
        string="Access Granted",
        compute="_compute_is_active",
        help="Approved and not expired: the user reads the customer's file.",
    )

    def _compute_is_active(self):
        today = fields.Date.context_today(self)
        for share in self:
            share.is_active = share.state == "approved" and (
                not share.date_expiry or share.date_expiry >= today
            )

    def write(self, vals):
        was_approved = {share.id for share in self if share.state == "approved"}
        res = super().write(vals)
        if "state" in vals:
            started = self.filtered(
                lambda s: s.state == "approved" and s.id not in was_approved
            )
            ended = self.filtered(
                lambda s: s.state != "approved" and s.id in was_approved
            )
            started._freight_log_grant(started=True)
            ended._freight_log_grant(started=False)
        return res

    def _freight_log_grant(self, started):
        for share in self.sudo():
            if started:
                body = self.env._(
                    "File shared for reading with %(user)s until %(date)s, "
                    "approved by %(approver)s. Reason: %(reason)s",
                    user=share.user_id.name,
                    date=share.date_expiry,
                    approver=share.approved_by_id.name or self.env.user.name,
                    reason=share.reason,
                )
            else:
                body = self.env._(
                    "Read access of %(user)s to this file ended (%(state)s).",
                    user=share.user_id.name,
                    state=dict(share._fields["state"]._description_selection(self.env))[
                        share.state
                    ],
                )
            share.partner_id.message_post(
                body=Markup("<p>%s</p>") % body,
                subtype_xmlid="mail.mt_note",
            )

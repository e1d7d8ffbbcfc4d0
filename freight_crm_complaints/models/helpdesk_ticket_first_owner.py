# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of helpdesk.ticket per file.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import UserError

from .helpdesk_ticket import COMPLAINT_STAFF


class HelpdeskTicket(models.Model):
    """The first owner of a complaint (首问负责人): the employee who
    received it stays responsible, and follows it, until it is closed."""

    _inherit = "helpdesk.ticket"

    freight_first_owner_id = fields.Many2one(
        "res.users",
        string="First Owner",
        index=True,
        copy=False,
        tracking=True,
        readonly=True,
        groups=COMPLAINT_STAFF,
        domain=[("share", "=", False)],
        help="Employee who first received the complaint (首问负责人): stays "
        "responsible until it is closed, whoever it is escalated to.",
    )

    def _freight_check_first_owner(self, vals):
        """The employee who received a complaint stays its first owner."""
        if "freight_first_owner_id" not in vals:
            return
        # Clearing the first owner (writing False) is a change too.
        new_owner = vals["freight_first_owner_id"] or False
        changed = self.sudo().filtered(
            lambda t: (
                t.freight_first_owner_id and t.freight_first_owner_id.id != new_owner
            )
        )
        if changed:
            raise UserError(
                self.env._(
                    "The first owner of complaint %s cannot be changed: the "
                    "employee who received it stays responsible until it is "
                    "closed.",
                    changed[0].display_name,
                )
            )

    @api.model
    def _freight_intake_owner(self, vals):
        """Who becomes the first owner of a complaint created with ``vals``:
        the assignee, else the employee recording it. A portal or system
        intake has none yet: its first assignee becomes its first owner."""
        receiver = self.env.user
        if vals.get("user_id"):
            return vals["user_id"]
        if receiver._is_internal() and not receiver._is_superuser():
            return receiver.id
        return False

    def _freight_first_owner_after_write(self, vals):
        """A complaint without first owner gets its first assignee, or the
        employee who moved it to a complaint team."""
        if not (vals.get("user_id") or "team_id" in vals):
            return
        ownerless = self.filtered(
            lambda t: t.freight_is_complaint and not t.sudo().freight_first_owner_id
        )
        if vals.get("user_id"):
            ownerless._freight_set_first_owner(
                self.env["res.users"].browse(vals["user_id"])
            )
        else:
            ownerless._freight_set_first_owner(self.env.user)

    def _freight_set_first_owner(self, receiver):
        """Give ownerless complaints their first owner (a workflow value,
        hence through sudo) and make the first owner follow them."""
        for ticket in self.sudo():
            owner = ticket.freight_first_owner_id
            if not owner:
                owner = ticket.user_id.filtered(lambda u: u._is_internal()) or (
                    receiver
                    if receiver._is_internal() and not receiver._is_superuser()
                    else receiver.browse()
                )
                if owner:
                    ticket.with_context(mail_notrack=True).write(
                        {"freight_first_owner_id": owner.id}
                    )
            if owner:
                # The first owner follows the complaint until it is closed.
                ticket.message_subscribe(partner_ids=owner.partner_id.ids)

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of freight.visit per file, on purpose (see freight_visit.py).
# pylint: disable=consider-merging-classes-inherited
from odoo import models
from odoo.exceptions import UserError


class FreightVisit(models.Model):
    """The visit flow: planned -> done -> submitted -> approved, or
    returned -> submitted (R-VIS-3)."""

    _inherit = "freight.visit"

    def _freight_wrong_state_message(self, action, state):
        """``action`` is a verb here: "approve", "return"."""
        self.ensure_one()
        return self.env._(
            "You cannot %(action)s the visit %(visit)s: it is %(state)s.",
            action=action,
            visit=self.display_name,
            state=state,
        )

    def _check_any(self):
        if not self:
            raise UserError(self.env._("Select at least one visit."))

    def _check_actual_content(self):
        empty = self.filtered(lambda v: not (v.actual_content or "").strip())
        if empty:
            raise UserError(
                self.env._(
                    "Fill in the actual content of the visit %(visit)s before "
                    "submitting it.",
                    visit=empty[0].display_name,
                )
            )

    def action_done(self):
        self._check_any()
        self.check_access("write")
        self._freight_check_states(("planned",), self.env._("mark as done"))
        self._check_not_in_future()
        self.sudo().write({"state": "done"})
        # A held visit closes the planning activity it came with.
        self.activity_feedback(["freight_crm_visits.mail_activity_type_visit"])
        return True

    def action_submit(self):
        self._check_any()
        self.check_access("write")
        self._freight_check_states(("done", "returned"), self.env._("submit"))
        self._check_actual_content()
        self.sudo().write({"state": "submitted"})
        return True

    def action_approve(self):
        self._check_any()
        self._freight_check_manager(
            message=self.env._(
                "Only a Freight CRM manager can approve or return visits."
            )
        )
        self.check_access("write")
        self._freight_check_states(("submitted",), self.env._("approve"))
        self._check_actual_content()
        self._freight_check_authors(("user_id",), self.env._("Approve visit"))
        return self._freight_record_approval(
            "approver_id", "approval_date", state="approved", return_reason=False
        )

    def action_return(self, reason=None):
        """Return submitted visits to the salesperson with a reason. Called
        without a reason (from the button) it opens the reason wizard."""
        self._check_any()
        self._freight_check_manager(
            message=self.env._(
                "Only a Freight CRM manager can approve or return visits."
            )
        )
        self.check_access("write")
        self._freight_check_states(("submitted",), self.env._("return"))
        self._freight_check_authors(("user_id",), self.env._("Return visit"))
        if reason is None:
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Return Visit"),
                "res_model": "freight.visit.return.wizard",
                "view_mode": "form",
                "target": "new",
                "context": {"default_visit_ids": self.ids},
            }
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(
                self.env._("Give a reason for returning the visit to the salesperson.")
            )
        self.sudo().write({"state": "returned", "return_reason": reason})
        for visit in self:
            visit.message_post(
                body=self.env._("Returned: %s", reason),
                partner_ids=visit.user_id.partner_id.ids,
            )
        return True

    def action_send_survey(self):
        """Send the satisfaction survey to the customers (survey channel)."""
        self._check_any()
        return self.partner_id.action_freight_send_survey()

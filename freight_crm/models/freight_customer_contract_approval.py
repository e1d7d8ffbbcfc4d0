# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of freight.customer.contract per file, on purpose (see
# freight_customer_contract.py).
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain

from ..tools.settings_table import freight_setting_value

# Approval chain of R-CON-2: state -> (next state, approving group, activity)
APPROVAL_STEPS = {
    "manager_review": (
        "legal_review",
        "freight_crm.group_freight_manager",
        "freight_crm.mail_activity_contract_manager_review",
    ),
    "legal_review": (
        "deputy_review",
        "freight_crm.group_freight_legal",
        "freight_crm.mail_activity_contract_legal_review",
    ),
    "deputy_review": (
        "approved",
        "freight_crm.group_freight_deputy_gm",
        "freight_crm.mail_activity_contract_deputy_review",
    ),
}
REVIEW_STATES = tuple(APPROVAL_STEPS)
APPROVAL_ACTIVITIES = tuple(step[2] for step in APPROVAL_STEPS.values())


class FreightCustomerContract(models.Model):
    """The approval chain of a contract (R-CON-2): business manager, legal,
    deputy general manager, due within the working days of the settings,
    held by an open high risk of the customer (R-RSK-1)."""

    _inherit = "freight.customer.contract"

    @api.depends("partner_id")
    def _compute_risk_blocked(self):
        blocked = self.partner_id.sudo()._freight_high_risk_partner_ids()
        for contract in self:
            contract.risk_blocked = contract.partner_id.id in blocked

    @api.depends("state", "approval_deadline")
    def _compute_approval_overdue(self):
        now = fields.Datetime.now()
        for contract in self:
            contract.approval_overdue = bool(
                contract.state in REVIEW_STATES
                and contract.approval_deadline
                and contract.approval_deadline < now
            )

    def _search_approval_overdue(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        overdue = Domain("state", "in", REVIEW_STATES) & Domain(
            "approval_deadline", "<", fields.Datetime.now()
        )
        wanted = True in value
        if operator == "not in":
            wanted = not wanted
        return overdue if wanted else ~overdue

    def _check_no_high_risk(self, action):
        """An open high risk of the customer holds every approval step and
        the signing of its contracts until a manager clears it (R-RSK-1)."""
        blocked_ids = self.partner_id._freight_high_risk_partner_ids()
        blocked = self.filtered(lambda c: c.partner_id.id in blocked_ids)
        if blocked:
            raise UserError(
                self.env._(
                    "%(action)s: %(customer)s has an open high risk. Its "
                    "contracts cannot be approved or signed until a Freight CRM "
                    "manager clears the risk.",
                    action=action,
                    customer=blocked[0].partner_id.display_name,
                )
            )

    def action_submit(self):
        self.check_access("write")
        for contract in self:
            if contract.state != "draft":
                raise UserError(
                    self.env._(
                        "Contract %s can only be submitted from draft.",
                        contract.name,
                    )
                )
        self.partner_id._freight_check_risk_allows_contract()
        days = freight_setting_value(self.env, "freight_crm.contract_approval_days")
        now = fields.Datetime.now()
        for contract in self:
            contract.sudo().write(
                {
                    "state": "manager_review",
                    "submitted_by_id": self.env.user.id,
                    "approval_deadline": (
                        contract.company_id.resource_calendar_id
                    )._freight_plan_working_days(days, now),
                }
            )
            contract._schedule_step_activity()
        return True

    def action_manager_approve(self):
        return self._approve_step("manager_review")

    def action_legal_approve(self):
        return self._approve_step("legal_review")

    def action_deputy_approve(self):
        return self._approve_step("deputy_review")

    def _approve_step(self, step):
        """Approve `step` of the chain; any other state means the approval is
        given out of order and is refused."""
        next_state, group, activity = APPROVAL_STEPS[step]
        step_label = dict(self._fields["state"]._description_selection(self.env))
        for contract in self:
            if contract.state != step:
                raise UserError(
                    self.env._(
                        "Contract %(contract)s is at '%(current)s': the step "
                        "'%(step)s' cannot be approved now. Approvals go business "
                        "manager, then legal, then deputy general manager.",
                        contract=contract.name,
                        current=step_label[contract.state],
                        step=step_label[step],
                    )
                )
        if not (self.env.su or self.env.user._freight_has_role(group)):
            raise AccessError(
                self.env._(
                    "Only members of '%(group)s' can approve the step '%(step)s'.",
                    group=self.env.ref(group).sudo().name,
                    step=step_label[step],
                )
            )
        self.check_access("write")
        self._freight_check_authors(
            ("submitted_by_id",),
            lambda contract: self.env._("Approve contract %s", contract.name),
        )
        self._check_no_high_risk(step_label[step])
        prefix = {
            "manager_review": "manager",
            "legal_review": "legal",
            "deputy_review": "deputy",
        }[step]
        self._freight_record_approval(
            f"{prefix}_approver_id",
            f"{prefix}_approval_date",
            [activity],
            state=next_state,
        )
        for contract in self:
            contract._schedule_step_activity()
        return True

    def action_refuse(self):
        """Send a contract under review back to draft: a reviewer of its
        current step or a Freight CRM manager."""
        self.check_access("write")
        for contract in self:
            if contract.state not in REVIEW_STATES:
                raise UserError(
                    self.env._("Contract %s is not under review.", contract.name)
                )
            group = APPROVAL_STEPS[contract.state][1]
            if not (
                self.env.su
                or self.env.user._freight_has_role(group)
                or self.env.user._freight_is_manager()
            ):
                raise AccessError(
                    self.env._(
                        "Only a reviewer of its current step can send contract "
                        "%s back.",
                        contract.name,
                    )
                )
        self.activity_unlink(APPROVAL_ACTIVITIES)
        self._freight_back_to_draft()
        return True

    def _freight_back_to_draft(self):
        """Back to draft, without the deadline and the submitter of the last
        submission."""
        self.sudo().write(
            {"state": "draft", "approval_deadline": False, "submitted_by_id": False}
        )

    def _schedule_step_activity(self):
        """One to-do for the approver of the current step, due at the chain's
        deadline: the longest-standing member of the step's group who neither
        submitted the contract nor manages the customer (four eyes). The
        group's other members find it under the Under Review filter."""
        self.ensure_one()
        if self.state not in APPROVAL_STEPS:
            return
        _next, group, activity = APPROVAL_STEPS[self.state]
        members = self._freight_group_members(group)
        approver = (members - self.submitted_by_id - self.user_id)[:1] or members[:1]
        if not approver:
            return
        deadline = fields.Date.to_date(self.approval_deadline) or fields.Date.today()
        self.sudo().activity_schedule(
            activity, date_deadline=deadline, user_id=approver.id
        )

    def action_sign(self):
        self.check_access("write")
        for contract in self:
            if contract.state != "approved":
                raise UserError(
                    self.env._(
                        "Contract %s must go through the whole approval chain "
                        "before it is signed.",
                        contract.name,
                    )
                )
            if not contract.signed_document:
                raise UserError(
                    self.env._(
                        "Contract %s: attach the signed document before marking "
                        "it signed.",
                        contract.name,
                    )
                )
        self._check_no_high_risk(self.env._("Mark signed"))
        self.sudo().write(
            {"state": "signed", "date_signed": fields.Date.context_today(self)}
        )
        return True

    def action_cancel(self):
        self.check_access("write")
        if any(contract.state == "expired" for contract in self):
            raise UserError(self.env._("An expired contract cannot be cancelled."))
        self.activity_unlink(APPROVAL_ACTIVITIES)
        self.sudo().write({"state": "cancelled"})
        return True

    def action_draft(self):
        self.check_access("write")
        if any(contract.state != "cancelled" for contract in self):
            raise UserError(
                self.env._("Only cancelled contracts can be reset to draft.")
            )
        self._freight_back_to_draft()
        return True

    def _freight_note_risk_hold(self):
        """Tell the reviewers of these contracts, still under approval, that
        a high risk of their customer now holds them."""
        pending = self.filtered(lambda c: c.state in (*REVIEW_STATES, "approved"))
        body = self.env._(
            "The customer now has an open high risk: this contract stays where "
            "it is but cannot be approved or signed until a Freight CRM manager "
            "clears the risk."
        )
        pending.sudo()._message_log_batch(bodies=dict.fromkeys(pending.ids, body))

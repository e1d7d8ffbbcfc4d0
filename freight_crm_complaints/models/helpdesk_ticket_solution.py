# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty

from odoo.addons.freight_crm.models.freight_workflow_guard import WORKFLOW

APPROVAL_ACTIVITY = "freight_crm_complaints.mail_activity_type_solution_approval"
LEADER_GROUPS = (
    "freight_crm_complaints.group_complaint_supervisor",
    "helpdesk_mgmt.group_helpdesk_manager",
)
SOLUTION_STATES = [
    ("draft", "To Analyse"),
    ("to_approve", "Awaiting Approval"),
    ("approved", "Approved"),
    ("executed", "Executed"),
]


# One concern per file, as Odoo core does for the models it extends.
class HelpdeskTicket(models.Model):
    """The complaint's solution: analysed, approved by a leader who did not
    write it, then executed (主管领导批示后启动处理程序, R-CMP-5)."""

    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    freight_solution_state = fields.Selection(
        SOLUTION_STATES,
        string="Solution",
        required=True,
        default="draft",
        copy=False,
        tracking=True,
        readonly=True,
    )
    freight_submitted_by_id = fields.Many2one(
        "res.users", string="Submitted by", readonly=True, copy=False
    )
    freight_approved_by_id = fields.Many2one(
        "res.users", string="Approved by", readonly=True, copy=False
    )
    freight_approval_date = fields.Datetime(
        string="Approved on", readonly=True, copy=False
    )

    @api.model
    def _freight_guard_policy(self):
        policy = super()._freight_guard_policy()
        policy.update(
            dict.fromkeys(
                (
                    "freight_solution_state",
                    "freight_submitted_by_id",
                    "freight_approved_by_id",
                    "freight_approval_date",
                ),
                WORKFLOW,
            )
        )
        return policy

    # Actions -----------------------------------------------------------
    def action_freight_submit_solution(self):
        """Ask a leader to approve the analysed solution."""
        self._freight_check_solution_step(("draft",))
        for ticket in self:
            if not (
                ticket.freight_root_cause_id
                and not is_html_empty(ticket.sudo().freight_cause_analysis)
                and not is_html_empty(ticket.sudo().freight_corrective_measures)
            ):
                raise UserError(
                    self.env._(
                        "Complaint %s: fill in the root cause, the written cause "
                        "analysis and the corrective measures before asking "
                        "for approval.",
                        ticket.display_name,
                    )
                )
        self.sudo().write(
            {
                "freight_solution_state": "to_approve",
                "freight_submitted_by_id": self.env.user.id,
            }
        )
        self._freight_ask_leader_approval()
        return True

    def _freight_solution_leader(self):
        """The leader asked to approve: a customer-service supervisor (else a
        helpdesk manager) other than the submitter, the first one found."""
        for xmlid in LEADER_GROUPS:
            leaders = self._freight_group_members(xmlid) - self.env.user
            if leaders:
                return leaders[:1]
        return self.env["res.users"]

    def _freight_ask_leader_approval(self):
        leader = self._freight_solution_leader()
        if not leader:
            return
        for ticket in self.sudo():
            ticket.activity_schedule(
                APPROVAL_ACTIVITY,
                user_id=leader.id,
                note=self.env._("Submitted by %s.", self.env.user.name),
            )

    def action_freight_approve_solution(self):
        """A leader approves a solution someone else submitted."""
        label = self.env._("Approving the solution")
        for ticket in self:
            if not self.env.user._freight_is_complaint_leader():
                raise UserError(
                    self.env._(
                        "Only a customer-service supervisor, manager or "
                        "helpdesk manager can approve the solution of "
                        "complaint %s.",
                        ticket.display_name,
                    )
                )
            if ticket.freight_solution_state != "to_approve":
                raise UserError(
                    self.env._(
                        "Complaint %s: only a solution awaiting approval can "
                        "be approved.",
                        ticket.display_name,
                    )
                )
        self._freight_check_authors(("freight_submitted_by_id",), label)
        self._freight_check_solution_step(("to_approve",))
        return self._freight_record_approval(
            "freight_approved_by_id",
            "freight_approval_date",
            [APPROVAL_ACTIVITY],
            freight_solution_state="approved",
        )

    def action_freight_execute_solution(self):
        """Carry out the approved solution."""
        for ticket in self:
            if ticket.freight_solution_state != "approved":
                raise UserError(
                    self.env._(
                        "Complaint %s: the solution must be approved by a leader "
                        "before it is executed.",
                        ticket.display_name,
                    )
                )
        self._freight_check_solution_step(("approved",))
        self.sudo().write({"freight_solution_state": "executed"})
        return True

    def action_freight_reset_solution(self):
        """Take the solution back to analysis (before it was executed)."""
        self._freight_check_solution_step(("to_approve", "approved"))
        self.sudo().activity_unlink([APPROVAL_ACTIVITY])
        self.sudo().write(
            {
                "freight_solution_state": "draft",
                "freight_submitted_by_id": False,
                "freight_approved_by_id": False,
                "freight_approval_date": False,
            }
        )
        return True

    def _freight_check_solution_step(self, allowed):
        """Common preconditions of the solution actions: open complaints the
        user may edit, in one of the ``allowed`` solution states."""
        if not self:
            raise UserError(self.env._("Select at least one complaint."))
        self.check_access("write")
        states = dict(
            self._fields["freight_solution_state"]._description_selection(self.env)
        )
        for ticket in self:
            if not ticket.freight_is_complaint:
                raise UserError(
                    self.env._(
                        "Ticket %s is not a complaint: its team does not handle "
                        "complaints.",
                        ticket.display_name,
                    )
                )
            if ticket.stage_id.closed:
                raise UserError(
                    self.env._(
                        "Complaint %s is closed: its solution can no longer change.",
                        ticket.display_name,
                    )
                )
            if ticket.freight_solution_state not in allowed:
                raise UserError(
                    self.env._(
                        "Complaint %(ticket)s: not possible while the solution "
                        "is %(state)s.",
                        ticket=ticket.display_name,
                        state=states.get(ticket.freight_solution_state),
                    )
                )

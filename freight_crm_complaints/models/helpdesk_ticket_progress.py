# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty

from odoo.addons.freight_crm.models.freight_workflow_guard import COMPUTED

# The rulebook's flow: 受理 → 原因分析 → 领导批示 → 处理 → 回访 → 结案.
PROGRESS_STEPS = [
    ("received", "Received"),
    ("analysis", "Cause Analysis"),
    ("approval", "Leader Approval"),
    ("handling", "Handling"),
    ("callback", "Callback"),
    ("closed", "Closed"),
]
SOLUTION_STEP = {
    "to_approve": "approval",
    "approved": "handling",
    "executed": "callback",
}


# One concern per file, as Odoo core does for the models it extends.
class HelpdeskTicket(models.Model):
    """Where a complaint stands in the rulebook's flow, one progression
    derived from its analysis, solution and stage; the form shows it as the
    complaint's statusbar and closes the complaint from its last step."""

    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    freight_progress = fields.Selection(
        PROGRESS_STEPS,
        string="Progress",
        compute="_compute_freight_progress",
        store=True,
        index=True,
        help="The complaint's step in the flow: received, cause analysis, "
        "leader approval, handling, callback to the customer, closed.",
    )

    @api.model
    def _freight_guard_policy(self):
        policy = super()._freight_guard_policy()
        policy["freight_progress"] = COMPUTED
        return policy

    @api.depends(
        "freight_is_complaint",
        "stage_id.closed",
        "freight_solution_state",
        "freight_root_cause_id",
        "freight_cause_analysis",
    )
    def _compute_freight_progress(self):
        for ticket in self:
            ticket.freight_progress = ticket._freight_progress_step()

    def _freight_progress_step(self):
        self.ensure_one()
        if not self.freight_is_complaint:
            return False
        if self.stage_id.closed:
            return "closed"
        if self.freight_solution_state in SOLUTION_STEP:
            return SOLUTION_STEP[self.freight_solution_state]
        analysed = self.freight_root_cause_id or not is_html_empty(
            self.sudo().freight_cause_analysis
        )
        return "analysis" if analysed else "received"

    def action_freight_close_complaint(self):
        """Close the complaint in its team's closing stage, the one that
        asks for the customer's accepted callback (结案)."""
        for ticket in self:
            stage = ticket._freight_closing_stage()
            if not stage:
                raise UserError(
                    self.env._(
                        "The team of complaint %s has no closing stage that "
                        "requires the customer's callback: add one in the "
                        "helpdesk stages.",
                        ticket.display_name,
                    )
                )
            ticket.stage_id = stage
        return True

    def _freight_closing_stage(self):
        self.ensure_one()
        return self.env["helpdesk.ticket.stage"].search(
            [
                ("closed", "=", True),
                ("freight_requires_callback", "=", True),
                "|",
                ("team_ids", "=", False),
                ("team_ids", "in", self.team_id.ids),
            ],
            order="sequence, id",
            limit=1,
        )

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.roles import MANAGER
from .freight_workflow_guard import WORKFLOW

FEEDBACK_ACTIVITY = "freight_crm.mail_activity_customer_suggestion_feedback"


# Fields fixed once the suggestion is decided (and, with the feedback, once
# the customer is answered).
DECIDED = ("partner_id", "channel", "department", "name", "description", "evaluation")
FROZEN_BY_STATE = {
    "adopted": DECIDED,
    "declined": DECIDED,
    "answered": (*DECIDED, "feedback"),
}


class FreightCustomerSuggestion(models.Model):
    """A customer's suggestion (客户建议): recorded, assessed by the
    responsible department, adopted or declined by a manager, and answered:
    the customer is always told what became of it."""

    _name = "freight.customer.suggestion"
    _description = "Customer Suggestion"
    _inherit = ("mail.thread", "mail.activity.mixin", "freight.workflow.guard")
    _order = "id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    channel = fields.Selection(
        [
            ("visit", "Visit"),
            ("phone", "Phone"),
            ("email", "Email"),
            ("complaint", "Complaint"),
            ("survey", "Survey"),
            ("portal", "Portal"),
            ("other", "Other"),
        ],
        required=True,
        default="visit",
    )
    name = fields.Char(string="Subject", required=True)
    description = fields.Text()
    user_id = fields.Many2one(
        "res.users",
        string="Recorded By",
        required=True,
        default=lambda self: self.env.user,
        index=True,
    )
    department = fields.Selection(
        [
            ("operations", "Operations Centre"),
            ("marketing", "Marketing Centre"),
            ("finance", "Finance Department"),
            ("management", "Senior Management"),
        ],
        string="Responsible Department",
        tracking=True,
    )
    state = fields.Selection(
        [
            ("new", "New"),
            ("evaluating", "Evaluating"),
            ("adopted", "Adopted"),
            ("declined", "Declined"),
            ("answered", "Answered"),
        ],
        default="new",
        required=True,
        index=True,
        tracking=True,
    )
    evaluation = fields.Text(help="The responsible department's assessment.")
    feedback = fields.Text(help="What the customer was told.")
    answered_date = fields.Date(readonly=True, copy=False)

    @api.model
    def _freight_guard_policy(self):
        return {"state": WORKFLOW, "answered_date": WORKFLOW}

    def _freight_guard_frozen(self):
        """What was decided stays as decided: the suggestion and its
        evaluation once adopted or declined, the feedback once answered."""
        return FROZEN_BY_STATE.get(self.state, ())

    def _freight_guard_frozen_message(self, changed):
        return self.env._(
            "A suggestion that is %s keeps what was decided and told; these "
            "cannot be changed:",
            dict(self._fields["state"]._description_selection(self.env))[self.state],
        )

    def action_evaluate(self):
        """Hand the suggestion to the responsible department."""
        self.check_access("write")
        self._freight_check_states(("new",), self.env._("Evaluate the suggestion"))
        self.sudo().write({"state": "evaluating"})
        return True

    def action_adopt(self):
        """Adopt a feasible suggestion (如建议可行，应及时采纳)."""
        self._freight_decide("adopted", self.env._("Adopt the suggestion"))
        return True

    def action_decline(self):
        self._freight_decide("declined", self.env._("Decline the suggestion"))
        return True

    def _freight_decide(self, state, action):
        self._freight_check_group(MANAGER, action)
        self._freight_check_states(("evaluating",), action)
        missing = self.filtered(lambda suggestion: not suggestion.evaluation)
        if missing:
            raise UserError(
                self.env._(
                    "%(action)s: write the department's evaluation of "
                    "%(suggestion)s first.",
                    action=action,
                    suggestion=missing[0].display_name,
                )
            )
        self.sudo().write({"state": state})
        for suggestion in self:
            suggestion.sudo().activity_schedule(
                FEEDBACK_ACTIVITY,
                user_id=suggestion.user_id.id,
                note=self.env._(
                    "Tell %(customer)s what became of the suggestion %(suggestion)s.",
                    customer=suggestion.partner_id.display_name,
                    suggestion=suggestion.name,
                ),
            )

    def action_answer(self):
        """Record that the customer was given feedback (给予客户反馈)."""
        self.check_access("write")
        action = self.env._("Answer the customer")
        self._freight_check_states(("adopted", "declined"), action)
        missing = self.filtered(lambda suggestion: not suggestion.feedback)
        if missing:
            raise UserError(
                self.env._(
                    "%(action)s: write the feedback given to the customer on "
                    "%(suggestion)s first.",
                    action=action,
                    suggestion=missing[0].display_name,
                )
            )
        self.sudo().activity_feedback([FEEDBACK_ACTIVITY])
        self.sudo().write(
            {"state": "answered", "answered_date": fields.Date.context_today(self)}
        )
        return True

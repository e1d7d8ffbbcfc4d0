# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.cron_batch import freight_keyset_batches
from ..tools.roles import MANAGER
from ..tools.settings_table import freight_setting_value
from .freight_workflow_guard import PARENT, WORKFLOW

# Key accounts reminded per committed batch of the daily reminder.
REMINDER_BATCH = 1000
REVIEW_ACTIVITY = "freight_crm.mail_activity_key_account_plan_review"
DUE_ACTIVITY = "freight_crm.mail_activity_key_account_plan_due"
REMINDER_PARAM = "freight_crm.key_account_plan_reminder_days"
# What the approval rests on: frozen once the plan left draft.
FROZEN_ONCE_SUBMITTED = (
    "partner_id",
    "user_id",
    "period_start",
    "period_end",
    "objectives",
    "strategy",
    "contact_plan",
)


class FreightKeyAccountPlan(models.Model):
    """The relationship development plan of a key account (大客户关系发展
    计划): written by its account manager for a half year, submitted to
    management for approval and filing (每半年上报上级主管部门的审批和备案)."""

    _name = "freight.key.account.plan"
    _description = "Key Account Relationship Plan"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "freight.review.mixin",
        "freight.workflow.guard",
        "freight.customer.ledger.mixin",
    )
    _order = "period_start desc, id desc"
    _rec_names_search = ("partner_id",)

    partner_id = fields.Many2one(string="Key Account", ondelete="restrict")
    user_id = fields.Many2one(
        "res.users",
        string="Account Manager",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
    )
    period_start = fields.Date(
        required=True,
        tracking=True,
        default=lambda self: self._freight_next_half_year(
            fields.Date.context_today(self)
        ),
        help="First day of the half year the plan covers (1 January or 1 July).",
    )
    period_end = fields.Date(
        required=True,
        tracking=True,
        default=lambda self: self._freight_half_year_end(
            self._freight_next_half_year(fields.Date.context_today(self))
        ),
    )
    objectives = fields.Text(
        string="Development Objectives",
        help="Where the relationship should stand at the end of the half "
        "year: long-term strategic cooperation, not only projects.",
    )
    strategy = fields.Text(
        string="Marketing Strategy",
        help="Marketing strategy and plan tailored to this key account.",
    )
    contact_plan = fields.Text(
        string="Communication Channels",
        help="People to meet at each level of the customer, and how often.",
    )
    progress_note = fields.Text(
        string="Progress and Adjustments",
        help="How the plan is going and how it was adjusted.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("filed", "Filed"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    approved_date = fields.Datetime(readonly=True, copy=False)
    filed_date = fields.Date(readonly=True, copy=False)

    _period_unique = models.Constraint(
        "UNIQUE(partner_id, period_start)",
        "A key account has one relationship plan per half year.",
    )
    _period_order = models.Constraint(
        "CHECK(period_end >= period_start)",
        "The plan must end on or after its start.",
    )

    @api.depends("partner_id", "period_start")
    def _compute_display_name(self):
        for plan in self:
            parts = [plan.partner_id.display_name]
            if plan.period_start:
                parts.append(plan._freight_period_label())
            plan.display_name = " ".join(part for part in parts if part)

    def _freight_period_label(self):
        self.ensure_one()
        half = 1 if self.period_start.month <= 6 else 2
        return self.env._("%(year)s H%(half)s", year=self.period_start.year, half=half)

    @api.model
    def _freight_guard_policy(self):
        return {
            "state": WORKFLOW,
            "submitted_by_id": WORKFLOW,
            "submitted_date": WORKFLOW,
            "reviewer_id": WORKFLOW,
            "approved_by_id": WORKFLOW,
            "approved_date": WORKFLOW,
            "filed_date": WORKFLOW,
            "user_id": MANAGER,
            "partner_id": PARENT,
        }

    def _freight_guard_is_open(self):
        self.ensure_one()
        return self.state == "draft"

    def _freight_guard_workflow_message(self, label, record):
        return self.env._(
            "%s of a relationship plan is set by its Submit, Approve "
            "and File buttons only.",
            label,
        )

    @api.model
    def _freight_next_half_year(self, day):
        """First day of the half year after the one ``day`` lies in."""
        if day.month <= 6:
            return date(day.year, 7, 1)
        return date(day.year + 1, 1, 1)

    @api.model
    def _freight_half_year_end(self, start):
        return self._freight_next_half_year(start) - timedelta(days=1)

    @api.constrains("period_start", "period_end")
    def _check_half_year(self):
        for plan in self:
            start = plan.period_start
            if start.day != 1 or start.month not in (1, 7):
                raise ValidationError(
                    self.env._(
                        "A relationship plan covers a half year: it starts on "
                        "1 January or 1 July."
                    )
                )
            if plan.period_end != self._freight_half_year_end(start):
                raise ValidationError(
                    self.env._(
                        "A relationship plan starting on %(start)s ends on %(end)s.",
                        start=start,
                        end=self._freight_half_year_end(start),
                    )
                )

    def _freight_ledger_not_customer_message(self, partner):
        return self.env._(
            "%s is not a freight customer company: relationship "
            "plans are written for key accounts.",
            partner.display_name,
        )

    @api.onchange("period_start")
    def _onchange_period_start(self):
        if self.period_start:
            self.period_end = self._freight_half_year_end(self.period_start)

    def _freight_guard_frozen(self):
        """What management approved stays as approved: the content of a
        submitted plan changes only after it went back to draft."""
        return () if self.state == "draft" else FROZEN_ONCE_SUBMITTED

    def _freight_guard_frozen_message(self, changed):
        return self.env._(
            "%s is no longer a draft; these can no longer be changed:",
            self.display_name,
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        if any(plan.state != "draft" for plan in self):
            raise UserError(
                self.env._(
                    "A submitted, approved or filed relationship plan is kept "
                    "on file and cannot be deleted."
                )
            )

    # Workflow: draft -> submitted (account manager) -> approved -> filed
    def action_submit(self):
        """Submit the plan to management (上报审批): one activity for the
        manager who reviews it."""
        return self._freight_submit_for_review(
            self.env._("Submit the plan"),
            REVIEW_ACTIVITY,
            lambda plan: plan.env._(
                "%(user)s submitted the relationship plan %(plan)s for your approval.",
                user=self.env.user.name,
                plan=plan.display_name,
            ),
        )

    def _freight_check_complete(self):
        for plan in self:
            if not (plan.objectives or "").strip():
                raise UserError(
                    self.env._(
                        "Write the development objectives of %s before submitting it.",
                        plan.display_name,
                    )
                )

    def _freight_reviewer(self):
        """The Freight CRM manager with the smallest id other than the
        account manager and the submitter (while the four-eyes rule is
        on)."""
        self.ensure_one()
        managers = self._freight_group_members(MANAGER)
        if not self._freight_self_approval_allowed():
            managers -= self.env.user | self.user_id
        if not managers:
            raise UserError(
                self.env._(
                    "No other Freight CRM manager can approve %s: ask an "
                    "administrator to appoint one.",
                    self.display_name,
                )
            )
        return managers[0]

    def action_approve(self):
        """Approve a submitted plan (审批): a manager other than its author."""
        action = self.env._("Approve the plan")
        return self._freight_approve(
            action,
            ("submitted",),
            ("user_id", "submitted_by_id", "create_uid"),
            "approved_by_id",
            "approved_date",
            [REVIEW_ACTIVITY],
            state="approved",
        )

    def action_file(self):
        """File the approved plan (备案)."""
        action = self.env._("File the plan")
        self._freight_check_group(MANAGER, action)
        self._freight_check_states(("approved",), action)
        self.sudo().write(
            {"state": "filed", "filed_date": fields.Date.context_today(self)}
        )
        return True

    def action_draft(self):
        """Send a submitted plan back to draft: the reviewing manager returns
        it for rework, or its submitter withdraws it."""
        return self._freight_withdraw_review(
            REVIEW_ACTIVITY,
            self.env._(
                "Only its submitter or a Freight CRM manager can send a "
                "relationship plan back to draft."
            ),
        )

    # Reminder before each half year
    @api.model
    def _freight_reminder_days(self):
        return freight_setting_value(self.env, REMINDER_PARAM)

    @api.model
    def _cron_freight_plan_reminder(self):
        """Daily: within the reminder days before a half year starts, ask
        the account manager of every key account without a plan for it to
        write one (one activity per key account and half year)."""
        today = fields.Date.context_today(self)
        start = self._freight_next_half_year(today)
        if (start - today).days > self._freight_reminder_days():
            return self.env["res.partner"]
        Partner = self.env["res.partner"].sudo()
        planned = self.sudo().search([("period_start", "=", start)]).partner_id
        activity_type = self.env.ref(DUE_ACTIVITY)
        reminded = Partner.browse(
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "res.partner"),
                    ("activity_type_id", "=", activity_type.id),
                    ("date_deadline", "=", start),
                ]
            )
            .mapped("res_id")
        )
        partners = [Partner]

        def remind(batch):
            for partner in batch:
                partner.activity_schedule(
                    DUE_ACTIVITY,
                    date_deadline=start,
                    user_id=partner.user_id.id,
                    note=partner.with_context(lang=partner.user_id.lang).env._(
                        "Write the relationship plan of %(customer)s for the half "
                        "year starting on %(start)s and submit it for approval.",
                        customer=partner.display_name,
                        start=start,
                    ),
                )
            partners[0] |= batch

        # A rerun after a crash finds the reminded ones by their activity.
        freight_keyset_batches(
            Partner,
            [
                ("freight_is_key_account", "=", True),
                ("is_company", "=", True),
                ("user_id", "!=", False),
                ("id", "not in", (planned | reminded).ids),
            ],
            remind,
            batch_size=REMINDER_BATCH,
        )
        return partners[0]

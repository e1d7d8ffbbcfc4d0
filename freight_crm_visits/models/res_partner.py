# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.freight_crm.models.freight_workflow_guard import (
    COMPUTED,
    MAX_YEAR,
    WORKFLOW,
)

from .freight_visit import DONE_STATES

# Customer states with a visit plan: potential customers follow the grade's
# potential-customer policy, admission and signed ones the signed policy.
PLANNED_STATES = ("potential", "admission", "signed")
# The latest date the workflow stores: a longer interval means "not due".
LAST_DATE = date(MAX_YEAR, 12, 31)


def add_months(day, months):
    """``day`` plus ``months``, capped at LAST_DATE instead of overflowing
    the calendar on absurd intervals."""
    if months > (LAST_DATE.year - day.year) * 12:
        return LAST_DATE
    return min(day + relativedelta(months=months), LAST_DATE)


class ResPartner(models.Model):
    _inherit = ("res.partner", "freight.workflow.guard")

    freight_visit_ids = fields.One2many("freight.visit", "partner_id", string="Visits")
    freight_visit_count = fields.Integer(
        string="Visit Count", compute="_compute_freight_visit_count"
    )
    freight_last_visit_date = fields.Date(
        string="Last Visit",
        compute="_compute_freight_visit_dates",
        store=True,
    )
    freight_next_visit_date = fields.Date(
        string="Next Visit Due",
        compute="_compute_freight_visit_dates",
        store=True,
        index=True,
        help="Last held visit plus the grade's visit interval; empty when the "
        "customer has no visit plan (no grade, dormant or eliminated).",
    )
    freight_founding_mmdd = fields.Char(
        string="Founding Anniversary (MM-DD)",
        compute="_compute_freight_founding_mmdd",
        store=True,
        index=True,
    )
    freight_cooperation_mmdd = fields.Char(
        string="Cooperation Anniversary (MM-DD)",
        compute="_compute_freight_cooperation_mmdd",
        store=True,
        index=True,
    )
    freight_survey_score = fields.Float(
        string="Satisfaction Score",
        digits=(5, 2),
        readonly=True,
        tracking=True,
        help="Score (0-100) of the customer's latest completed satisfaction survey.",
    )
    freight_survey_date = fields.Date(string="Last Survey", readonly=True)

    @api.depends(
        "freight_visit_ids.state",
        "freight_visit_ids.visit_date",
        "freight_customer_state",
        "freight_grade_id.visit_interval_months",
        "freight_grade_id.freight_potential_visit_interval_months",
    )
    def _compute_freight_visit_dates(self):
        # One grouped query for the whole batch, not one per partner.
        last_dates = dict(
            self.env["freight.visit"]._read_group(
                [("partner_id", "in", self._origin.ids), ("state", "in", DONE_STATES)],
                ["partner_id"],
                ["visit_date:max"],
            )
        )
        for partner in self:
            last = last_dates.get(partner._origin)
            partner.freight_last_visit_date = last
            months = partner._freight_visit_policy()[0]
            if not months:
                partner.freight_next_visit_date = False
                continue
            if last:
                partner.freight_next_visit_date = add_months(last, months)
            else:
                # Never visited: due since the customer was created.
                created = partner.create_date or fields.Datetime.now()
                partner.freight_next_visit_date = created.date()

    def _compute_freight_visit_count(self):
        counts = dict(
            self.env["freight.visit"]._read_group(
                [("partner_id", "in", self._origin.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.freight_visit_count = counts.get(partner._origin, 0)

    @api.model
    def _freight_guard_policy(self):
        """Visit dates follow the visits, survey figures the surveys."""
        return {
            **super()._freight_guard_policy(),
            "freight_last_visit_date": COMPUTED,
            "freight_next_visit_date": COMPUTED,
            "freight_founding_mmdd": COMPUTED,
            "freight_cooperation_mmdd": COMPUTED,
            "freight_survey_score": WORKFLOW,
            "freight_survey_date": WORKFLOW,
        }

    def action_freight_view_visits(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_crm_visits.freight_visit_action"
        )
        if len(self) == 1:
            action["domain"] = [("partner_id", "=", self.id)]
            action["context"] = {"default_partner_id": self.id}
        else:
            action["domain"] = [("partner_id", "in", self.ids)]
        return action

    @api.depends("freight_founding_date")
    def _compute_freight_founding_mmdd(self):
        for partner in self:
            date = partner.freight_founding_date
            partner.freight_founding_mmdd = date and date.strftime("%m-%d")

    @api.depends("freight_cooperation_start")
    def _compute_freight_cooperation_mmdd(self):
        for partner in self:
            date = partner.freight_cooperation_start
            partner.freight_cooperation_mmdd = date and date.strftime("%m-%d")

    def _freight_visit_policy(self):
        """(interval in months, channel) of this customer per grade and state
        (R-VIS-1); (0, False) when it has no visit plan."""
        if not self:
            return 0, False
        self.ensure_one()
        grade = self.freight_grade_id
        if not grade or self.freight_customer_state not in PLANNED_STATES:
            return 0, False
        if self.freight_customer_state == "potential":
            return (
                grade.freight_potential_visit_interval_months,
                grade.freight_potential_visit_channel,
            )
        return grade.visit_interval_months, grade.visit_channel

    def _freight_account_manager(self):
        """Who gets this customer's visit, greeting and survey activities:
        its salesperson, else its grade's maintainer, else the current user."""
        self.ensure_one()
        return self.user_id or self.freight_grade_id.maintainer_user_id or self.env.user

    # Visit planning (R-VIS-2)

    @api.model
    def _freight_visit_horizon(self):
        param = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("freight_crm_visits.planning_horizon_days", "14")
        )
        return int(param)

    @api.model
    def _cron_freight_plan_visits(self, batch_size=1000):
        """Plan a visit for every customer due within the horizon that has no
        planned visit yet. Searches the stored, indexed next-visit date and
        creates each batch's visits and activities in two batched creates, so
        the number of queries does not grow with the number of customers.
        Planned customers drop out of the domain, so each batch picks up the
        next ones; in a cron run every batch is committed with its progress."""
        today = fields.Date.context_today(self)
        limit = today + timedelta(days=self._freight_visit_horizon())
        domain = Domain("freight_next_visit_date", "<=", limit) & Domain(
            "freight_visit_ids", "not any", [("state", "=", "planned")]
        )
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        visits = self.env["freight.visit"]
        while True:
            due = self.search(domain, limit=batch_size, order="id")
            visits |= due._freight_create_planned_visits(today)
            if len(due) < batch_size:
                if in_cron:
                    self.env["ir.cron"]._commit_progress(len(due), remaining=0)
                return visits
            if in_cron and not self.env["ir.cron"]._commit_progress(
                len(due), remaining=self.search_count(domain)
            ):
                # Out of time: the cron is rescheduled for the rest.
                return visits

    def _freight_create_planned_visits(self, today):
        if not self:
            return self.env["freight.visit"]
        visit_vals = []
        for partner in self:
            visit_vals.append(
                {
                    "partner_id": partner.id,
                    "user_id": partner._freight_account_manager().id,
                    "visit_date": max(partner.freight_next_visit_date, today),
                    "grade_id": partner.freight_grade_id.id,
                    "channel": partner._freight_visit_policy()[1],
                    "company_id": (partner.company_id or self.env.company).id,
                }
            )
        quiet = {
            "tracking_disable": True,
            "mail_create_nolog": True,
            "mail_create_nosubscribe": True,
            "mail_activity_quick_update": True,
        }
        visits = self.env["freight.visit"].with_context(**quiet).create(visit_vals)
        activity_type = self.env.ref("freight_crm_visits.mail_activity_type_visit")
        model_id = self.env["ir.model"]._get_id("freight.visit")
        self.env["mail.activity"].with_context(**quiet).create(
            [
                {
                    "activity_type_id": activity_type.id,
                    "summary": activity_type.with_context(
                        lang=visit.user_id.lang
                    ).summary,
                    "automated": True,
                    "date_deadline": visit.visit_date,
                    "res_model_id": model_id,
                    "res_id": visit.id,
                    "user_id": visit.user_id.id,
                }
                for visit in visits
            ]
        )
        return visits

    # Customer care (R-VIS-7)

    @api.model
    def _freight_care_lead_days(self):
        param = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("freight_crm_visits.care_lead_days", "3")
        )
        return int(param)

    @api.model
    def _cron_freight_customer_care(self):
        """Greeting activities before public holidays and on anniversaries."""
        today = fields.Date.context_today(self)
        target = today + timedelta(days=self._freight_care_lead_days())
        self._freight_holiday_greetings(today, target)
        self._freight_anniversary_greetings(target)

    def _freight_care_customers(self, care_field, extra_domain=None):
        return self.search(
            Domain("freight_customer_state", "in", PLANNED_STATES)
            & Domain(f"freight_grade_id.{care_field}", "=", True)
            & Domain(extra_domain or Domain.TRUE)
        )

    @api.model
    def _freight_holiday_greetings(self, today, target):
        holidays = self.env["freight.public.holiday"].search(
            [
                ("greeting", "=", True),
                ("greetings_sent", "=", False),
                ("date_from", ">=", today),
                ("date_from", "<=", target),
            ]
        )
        if not holidays:
            return self.browse()
        customers = self._freight_care_customers("freight_care_holiday")
        for holiday in holidays:
            customers._freight_schedule_greeting(
                holiday.date_from,
                self.env._("Greeting: %s", holiday.name),
            )
        holidays.greetings_sent = True
        return customers

    @api.model
    def _freight_anniversary_greetings(self, target):
        mmdd = target.strftime("%m-%d")
        # Searched on the stored, indexed month-day, not filtered in Python.
        founded = self._freight_care_customers(
            "freight_care_anniversary", [("freight_founding_mmdd", "=", mmdd)]
        )
        founded._freight_schedule_greeting(
            target, self.env._("Greeting: company founding anniversary")
        )
        cooperating = self._freight_care_customers(
            "freight_care_anniversary", [("freight_cooperation_mmdd", "=", mmdd)]
        )
        cooperating._freight_schedule_greeting(
            target, self.env._("Greeting: anniversary of our cooperation")
        )
        return founded | cooperating

    def _freight_schedule_greeting(self, deadline, summary):
        activity_type = self.env.ref("freight_crm_visits.mail_activity_type_greeting")
        model_id = self.env["ir.model"]._get_id("res.partner")
        return (
            self.env["mail.activity"]
            .with_context(mail_activity_quick_update=True)
            .create(
                [
                    {
                        "activity_type_id": activity_type.id,
                        "summary": summary,
                        "automated": True,
                        "date_deadline": deadline,
                        "res_model_id": model_id,
                        "res_id": partner.id,
                        "user_id": partner._freight_account_manager().id,
                    }
                    for partner in self
                ]
            )
        )

    # Satisfaction (R-SAT-1)

    @api.model
    def _cron_freight_plan_surveys(self):
        """At least one satisfaction survey a year (setting) for every active
        customer, whatever its visit channel: an activity to send it to the
        account manager, once, for customers not surveyed within the
        interval. Customers on the survey channel get theirs through the visit
        plan (half-yearly for C)."""
        today = fields.Date.context_today(self)
        months = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("freight_crm_visits.survey_interval_months", "12")
        )
        activity_type = self.env.ref("freight_crm_visits.mail_activity_type_survey")
        due = self.search(
            Domain("freight_customer_state", "in", PLANNED_STATES)
            & Domain("freight_grade_id", "!=", False)
            & (
                Domain("freight_survey_date", "=", False)
                | Domain(
                    "freight_survey_date",
                    "<=",
                    today - relativedelta(months=months),
                )
            )
            & Domain(
                "activity_ids",
                "not any",
                [("activity_type_id", "=", activity_type.id)],
            )
        )
        model_id = self.env["ir.model"]._get_id("res.partner")
        return (
            self.env["mail.activity"]
            .with_context(mail_activity_quick_update=True)
            .create(
                [
                    {
                        "activity_type_id": activity_type.id,
                        "summary": activity_type.with_context(
                            lang=partner._freight_account_manager().lang
                        ).summary,
                        "automated": True,
                        "date_deadline": today,
                        "res_model_id": model_id,
                        "res_id": partner.id,
                        "user_id": partner._freight_account_manager().id,
                    }
                    for partner in due
                ]
            )
        )

    def action_freight_send_survey(self):
        """Send the satisfaction survey to these customers."""
        if not self:
            raise UserError(self.env._("Select at least one customer."))
        survey = self.env.ref("freight_crm_visits.survey_customer_satisfaction")
        action = survey.action_send_survey()
        action["context"] = dict(action["context"], default_partner_ids=self.ids)
        return action

    def _freight_update_survey_score(self):
        """Set each customer's score from its latest completed satisfaction
        survey. Runs as superuser: the respondent is usually a portal or
        public user who cannot write on the customer."""
        partners = self.sudo()
        inputs = (
            self.env["survey.user_input"]
            .sudo()
            .search(
                [
                    ("freight_customer_id", "in", partners.ids),
                    ("survey_id.freight_is_satisfaction", "=", True),
                    ("state", "=", "done"),
                ],
                order="end_datetime desc, id desc",
            )
        )
        latest_by_partner = {}
        for user_input in inputs:
            latest_by_partner.setdefault(user_input.freight_customer_id, user_input)
        for partner, latest in latest_by_partner.items():
            partner.write(
                {
                    "freight_survey_score": latest.scoring_percentage,
                    "freight_survey_date": latest.end_datetime.date(),
                }
            )

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.freight_crm.models.freight_workflow_guard import WORKFLOW
from odoo.addons.freight_crm.tools.settings_table import freight_setting_value

from .common import PLANNED_STATES


# pylint: disable=consider-merging-classes-inherited
class ResPartner(models.Model):
    """Satisfaction (R-SAT-1): the yearly survey and its score."""

    _inherit = "res.partner"

    freight_survey_score = fields.Float(
        string="Satisfaction Score",
        digits=(5, 2),
        readonly=True,
        tracking=True,
        help="Score (0-100) of the customer's latest completed satisfaction survey.",
    )
    freight_survey_date = fields.Date(string="Last Survey", readonly=True)

    @api.model
    def _freight_guard_policy(self):
        """Survey figures come from the completed surveys only."""
        return {
            **super()._freight_guard_policy(),
            "freight_survey_score": WORKFLOW,
            "freight_survey_date": WORKFLOW,
        }

    @api.model
    def _cron_freight_plan_surveys(self):
        """At least one satisfaction survey a year (setting) for every active
        customer, whatever its visit channel: an activity to send it to the
        account manager, once, for customers not surveyed within the
        interval. Customers on the survey channel get theirs through the visit
        plan (half-yearly for C)."""
        today = fields.Date.context_today(self)
        months = freight_setting_value(
            self.env, "freight_crm_visits.survey_interval_months"
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

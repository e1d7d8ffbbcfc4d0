# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    freight_customer_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_freight_customer_id",
        store=True,
        index="btree_not_null",
    )
    freight_is_satisfaction = fields.Boolean(
        related="survey_id.freight_is_satisfaction", store=True
    )
    # scoring_percentage sums up in pivots and graphs; the satisfaction
    # reports need the quarterly average (R-SAT-1).
    freight_satisfaction_score = fields.Float(
        string="Satisfaction Score",
        related="scoring_percentage",
        store=True,
        aggregator="avg",
        help="The answer's score out of 100; averaged in reports.",
    )
    freight_quarter = fields.Char(
        string="Quarter",
        compute="_compute_freight_quarter",
        store=True,
        help="Quarter the answer was completed in, e.g. 2026-Q3.",
    )

    @api.depends("partner_id")
    def _compute_freight_customer_id(self):
        for user_input in self:
            user_input.freight_customer_id = user_input.partner_id.commercial_partner_id

    @api.depends("end_datetime")
    def _compute_freight_quarter(self):
        for user_input in self:
            end = user_input.end_datetime
            user_input.freight_quarter = (
                end and f"{end.year}-Q{(end.month - 1) // 3 + 1}"
            )

    def _mark_done(self):
        res = super()._mark_done()
        satisfaction = self.filtered("freight_is_satisfaction")
        customers = satisfaction.freight_customer_id
        customers._freight_update_survey_score()
        # The yearly survey is done: close its reminder.
        customers.sudo().activity_feedback(
            ["freight_crm_visits.mail_activity_type_survey"]
        )
        return res

    @api.model
    def _freight_quarterly_satisfaction(self, quarter):
        """Average satisfaction score of the quarter ('2026-Q3'): per customer
        and overall, with the target they are measured against."""
        domain = [
            ("freight_is_satisfaction", "=", True),
            ("state", "=", "done"),
            ("freight_quarter", "=", quarter),
        ]
        per_customer = {
            partner.id: avg
            for partner, avg in self._read_group(
                domain, ["freight_customer_id"], ["scoring_percentage:avg"]
            )
        }
        [[overall]] = self._read_group(domain, [], ["scoring_percentage:avg"])
        # One satisfaction target for the KPIs and the surveys (freight_crm's).
        target = self.env["freight.customer.kpi"]._target("satisfaction")
        return {
            "per_customer": per_customer,
            "overall": overall or 0.0,
            "target": target,
            "below_target": [pid for pid, avg in per_customer.items() if avg < target],
        }

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""KPI satisfaction when complaints and surveys both measure it (R-KPI-2):
the satisfaction survey wins, complaint callbacks fill the periods without
one, and a figure entered by hand stays where neither measured anything."""

from freezegun import freeze_time

from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestKpiSatisfactionPriority(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.service = new_test_user(
            cls.env, login="kpi_service", groups="freight_crm.group_freight_service"
        )
        cls.survey = cls.env.ref("freight_crm_visits.survey_customer_satisfaction")
        Partner = cls.env["res.partner"]
        cls.surveyed = Partner.create(
            {"name": "厦门海天物流有限公司", "is_company": True}
        )
        cls.called_back = Partner.create(
            {"name": "青岛远洋贸易有限公司", "is_company": True}
        )
        cls.neither = Partner.create(
            {"name": "天津滨海五金有限公司", "is_company": True}
        )
        for partner in cls.surveyed | cls.called_back:
            cls._complaint_called_back(partner, 40)
        with freeze_time("2026-08-20 10:00:00"):
            cls._survey(cls.surveyed, "Satisfied")

    @classmethod
    def _complaint_called_back(cls, partner, satisfaction):
        return cls.env["helpdesk.ticket"].create(
            {
                "name": "提单延误",
                "description": "<p>客户投诉提单签发延误。</p>",
                "team_id": cls.env.ref(
                    "freight_crm_complaints.helpdesk_ticket_team_complaint"
                ).id,
                "partner_id": partner.id,
                "freight_intake_date": "2026-08-10 02:00:00",
                "freight_callback_ids": [
                    Command.create({"satisfaction": satisfaction})
                ],
            }
        )

    @classmethod
    def _survey(cls, partner, label):
        user_input = cls.survey.sudo()._create_answer(
            partner=partner, check_attempts=False
        )
        for question in cls.survey.question_ids:
            answer = question.suggested_answer_ids.filtered(lambda a: a.value == label)
            user_input._save_lines(question, answer.id)
        user_input._mark_done()

    def test_survey_wins_over_callback(self):
        kpis = self.env["freight.customer.kpi"].create(
            [
                {
                    "partner_id": partner.id,
                    "date_start": "2026-07-01",
                    "date_end": "2026-09-30",
                    "satisfaction": 95,
                }
                for partner in self.surveyed | self.called_back | self.neither
            ]
        )
        kpis.with_user(self.service).action_freight_fill_actuals()
        self.assertEqual(kpis.mapped("satisfaction"), [75, 40, 95])
        self.assertEqual(kpis.mapped("freight_complaint_count"), [1, 1, 0])

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import FreightVisitCase


@tagged("post_install", "-at_install")
class TestVisitSurvey(FreightVisitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env.ref("freight_crm_visits.survey_customer_satisfaction")
        cls.contact = cls.env["res.partner"].create(
            {"name": "王经理", "parent_id": cls.customer.id}
        )

    def _answer(self, partner, choices):
        """Answer the survey as partner; choices are answer labels in question
        order."""
        user_input = self.survey.sudo()._create_answer(
            partner=partner, check_attempts=False
        )
        for question, label in zip(self.survey.question_ids, choices, strict=True):
            answer = question.suggested_answer_ids.filtered(
                lambda a, label=label: a.value == label
            )
            user_input._save_lines(question, answer.id)
        user_input._mark_done()
        return user_input

    def test_shipped_survey_scores_out_of_100(self):
        self.assertTrue(self.survey.freight_is_satisfaction)
        self.assertEqual(len(self.survey.question_ids), 5)
        best = self._answer(self.contact, ["Very satisfied"] * 5)
        self.assertEqual(best.scoring_percentage, 100)
        worst = self._answer(self.contact, ["Very dissatisfied"] * 5)
        self.assertEqual(worst.scoring_percentage, 0)

    @freeze_time("2026-05-06 10:00:00")
    def test_answers_give_customer_score(self):
        user_input = self._answer(
            self.contact,
            ["Very satisfied", "Satisfied", "Very satisfied", "Neutral", "Satisfied"],
        )
        # 20 + 15 + 20 + 10 + 15 = 80 of 100.
        self.assertEqual(user_input.scoring_percentage, 80)
        self.assertEqual(user_input.freight_customer_id, self.customer)
        self.assertEqual(user_input.freight_quarter, "2026-Q2")
        self.assertEqual(self.customer.freight_survey_score, 80)
        self.assertEqual(self.customer.freight_survey_date, date(2026, 5, 6))

    def test_quarterly_averages_against_target(self):
        with freeze_time("2026-04-10 09:00:00"):
            self._answer(self.contact, ["Very satisfied"] * 5)
        with freeze_time("2026-06-20 09:00:00"):
            self._answer(self.contact, ["Satisfied"] * 5)
        with freeze_time("2026-05-02 09:00:00"):
            self._answer(self.other_customer, ["Very satisfied"] * 5)
        with freeze_time("2026-07-02 09:00:00"):
            self._answer(self.other_customer, ["Very dissatisfied"] * 5)
        result = self.env["survey.user_input"]._freight_quarterly_satisfaction(
            "2026-Q2"
        )
        self.assertEqual(result["target"], 90)
        self.assertAlmostEqual(result["per_customer"][self.customer.id], 87.5)
        self.assertAlmostEqual(result["per_customer"][self.other_customer.id], 100)
        self.assertAlmostEqual(result["overall"], (100 + 75 + 100) / 3)
        self.assertEqual(result["below_target"], [self.customer.id])
        # The latest answer sets the customer's score.
        self.assertEqual(self.other_customer.freight_survey_score, 0)

    def test_satisfaction_report_averages_scores(self):
        # The pivot and graph measure is averaged, not summed, per quarter.
        user_inputs = self.env["survey.user_input"]
        description = user_inputs.fields_get(
            ["freight_satisfaction_score"], ["aggregator"]
        )
        self.assertEqual(description["freight_satisfaction_score"]["aggregator"], "avg")
        pivot = self.env.ref("freight_crm_visits.survey_user_input_view_pivot_freight")
        self.assertIn('name="freight_satisfaction_score"', pivot.arch)
        with freeze_time("2026-04-10 09:00:00"):
            self._answer(self.contact, ["Very satisfied"] * 5)
            self._answer(self.contact, ["Neutral"] * 5)
        [[average]] = user_inputs._read_group(
            [
                ("freight_customer_id", "=", self.customer.id),
                ("freight_quarter", "=", "2026-Q2"),
            ],
            [],
            ["freight_satisfaction_score:avg"],
        )
        self.assertAlmostEqual(average, 75)

    def test_survey_visit_opens_invitation_for_customer(self):
        visit = self._make_visit(self.customer, date(2026, 3, 1), channel="survey")
        action = visit.action_send_survey()
        self.assertEqual(action["res_model"], "survey.invite")
        self.assertEqual(action["context"]["default_partner_ids"], self.customer.ids)
        self.assertEqual(action["context"]["default_survey_id"], self.survey.id)

    def _survey_reminders(self, partner):
        survey_type = self.env.ref("freight_crm_visits.mail_activity_type_survey")
        return partner.activity_ids.filtered(
            lambda a: a.activity_type_id == survey_type
        )

    @freeze_time("2026-05-06 10:00:00")
    def test_yearly_survey_reminder_once_and_closed_by_answer(self):
        self.customer.freight_survey_date = date(2025, 4, 1)
        self.other_customer.freight_survey_date = date(2026, 1, 1)
        self.env["res.partner"]._cron_freight_plan_surveys()
        reminder = self._survey_reminders(self.customer)
        self.assertEqual(reminder.user_id, self.salesperson)
        self.assertFalse(self._survey_reminders(self.other_customer))
        self.env["res.partner"]._cron_freight_plan_surveys()
        self.assertEqual(len(self._survey_reminders(self.customer)), 1)
        self._answer(self.contact, ["Satisfied"] * 5)
        self.assertFalse(self._survey_reminders(self.customer))
        self.assertEqual(self.customer.freight_survey_date, date(2026, 5, 6))


@tagged("post_install", "-at_install")
class TestVisitSurveyAccess(FreightVisitCase):
    def test_manager_opens_the_satisfaction_surveys(self):
        action = self.env.ref(
            "freight_crm_visits.survey_user_input_action_freight_satisfaction"
        )
        Inputs = self.env[action.res_model].with_user(self.manager)
        Inputs.web_search_read([], {"scoring_percentage": {}})
        self.assertTrue(self.manager.has_group("survey.group_survey_user"))

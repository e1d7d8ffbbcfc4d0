# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import FreightVisitCase


@tagged("post_install", "-at_install")
class TestVisitKpi(FreightVisitCase):
    """The satisfaction actual of a KPI period is the average score of the
    satisfaction surveys the customer completed in it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.service = new_test_user(
            cls.env, login="fv_service", groups="freight_crm.group_freight_service"
        )
        cls.survey = cls.env.ref("freight_crm_visits.survey_customer_satisfaction")
        cls.Kpi = cls.env["freight.customer.kpi"]

    @classmethod
    def _answer(cls, partner, label, when):
        """A completed survey of ``partner`` giving ``label`` to every
        question (Very satisfied = 100, Satisfied = 75, Neutral = 50...)."""
        with freeze_time(when):
            user_input = cls.survey.sudo()._create_answer(
                partner=partner, check_attempts=False
            )
            for question in cls.survey.question_ids:
                answer = question.suggested_answer_ids.filtered(
                    lambda a: a.value == label
                )
                user_input._save_lines(question, answer.id)
            user_input._mark_done()
        return user_input

    def _kpis(self, partners, **vals):
        return self.Kpi.create(
            [
                {
                    "partner_id": partner.id,
                    "date_start": "2026-07-01",
                    "date_end": "2026-09-30",
                    **vals,
                }
                for partner in partners
            ]
        )

    def test_fill_two_customers_from_period_surveys(self):
        contact = self.env["res.partner"].create(
            {"name": "张伟", "parent_id": self.customer.id}
        )
        self._answer(contact, "Very satisfied", "2026-07-15 10:00:00")
        self._answer(self.customer, "Satisfied", "2026-09-20 10:00:00")
        # Out of the period: before it, after it, and never completed.
        self._answer(self.customer, "Very dissatisfied", "2026-06-20 10:00:00")
        self._answer(self.customer, "Very dissatisfied", "2026-10-02 10:00:00")
        self.survey.sudo()._create_answer(partner=self.customer, check_attempts=False)
        self._answer(self.other_customer, "Neutral", "2026-08-01 10:00:00")
        kpi, other_kpi = self._kpis(self.customer | self.other_customer)

        other_kpi.with_user(self.service).action_freight_fill_actuals()
        self.assertEqual(kpi.satisfaction, 0, "only the selected periods are filled")
        (kpi | other_kpi).with_user(self.service).action_freight_fill_actuals()

        self.assertAlmostEqual(kpi.satisfaction, (100 + 75) / 2)
        self.assertAlmostEqual(other_kpi.satisfaction, 50)

    def test_no_survey_keeps_entered_satisfaction(self):
        kpi = self._kpis(self.customer, satisfaction=92)
        kpi.with_user(self.manager).action_freight_fill_actuals()
        self.assertEqual(kpi.satisfaction, 92)

    def test_salesperson_sees_own_customers_and_cannot_fill(self):
        kpi, other_kpi = self._kpis(self.customer | self.other_customer)
        Kpi = self.Kpi.with_user(self.salesperson)
        self.assertEqual(Kpi.search([("id", "in", (kpi | other_kpi).ids)]), kpi)
        with self.assertRaises(AccessError):
            kpi.with_user(self.salesperson).action_freight_fill_actuals()
        with self.assertRaises(AccessError):
            other_kpi.with_user(self.salesperson).action_freight_fill_actuals()

    def _customers_with_surveys(self, count):
        partners = self.env["res.partner"].create(
            [{"name": f"嘉兴客户{i}有限公司", "is_company": True} for i in range(count)]
        )
        for partner in partners:
            self._answer(partner, "Satisfied", "2026-08-03 10:00:00")
        return self._kpis(partners)

    def _fill_queries(self, kpis):
        """Queries of filling ``kpis``, reset so that the fill writes."""
        kpis.write({"satisfaction": 0})
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        kpis.with_user(self.service).action_freight_fill_actuals()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_query_count_does_not_grow_with_customers(self):
        small = self._customers_with_surveys(2)
        large = self._customers_with_surveys(10)
        # Warm the caches (access rules, settings) once, after all creations.
        self._fill_queries(small | large)
        small_count = self._fill_queries(small)
        large_count = self._fill_queries(large)
        self.assertEqual(large.mapped("satisfaction"), [75] * 10)
        self.assertEqual(large_count, small_count)

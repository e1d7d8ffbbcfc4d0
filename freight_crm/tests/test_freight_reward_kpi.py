# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import FreightContractCase


@tagged("post_install", "-at_install")
class TestFreightRewardKpi(FreightContractCase):
    def _entry(self, kind, reason_type="arrears", **vals):
        return (
            self.env["freight.customer.reward"]
            .with_user(self.sales)
            .create(
                dict(
                    {
                        "partner_id": self.customer_a.id,
                        "kind": kind,
                        "reason_type": reason_type,
                        "reason": "连续两个月拖欠运费",
                        "amount": 2000,
                    },
                    **vals,
                )
            )
        )

    def test_credit_score_without_entries_is_none(self):
        self.assertIsNone(self.customer_b._freight_reward_credit_score())

    def test_penalties_lower_the_credit_score(self):
        self._entry("penalty")
        first = self.customer_a._freight_reward_credit_score()
        self._entry("penalty", reason_type="breach")
        second = self.customer_a._freight_reward_credit_score()
        self.assertLess(second, first)
        self._entry("reward", reason_type="outstanding")
        self.assertGreater(self.customer_a._freight_reward_credit_score(), second)
        for _i in range(10):
            self._entry("penalty")
        self.assertEqual(self.customer_a._freight_reward_credit_score(), 0.0)

    def test_negative_amount_refused(self):
        # assertRaises (unlike assertRaisesRegex) rolls back to a savepoint,
        # as the failed RPC call would.
        with self.assertRaises(ValidationError) as caught:
            self._entry("penalty", amount=-5)
        self.assertIn("cannot be negative", str(caught.exception))
        self.assertFalse(
            self.env["freight.customer.reward"].search(
                [("partner_id", "=", self.customer_a.id)]
            )
        )

    def _kpi(self, **vals):
        return (
            self.env["freight.customer.kpi"]
            .with_user(self.service)
            .create(
                dict(
                    {
                        "partner_id": self.customer_a.id,
                        "date_start": "2026-07-01",
                        "date_end": "2026-09-30",
                        "on_time_rate": 98.5,
                        "intact_rate": 99.8,
                        "document_accuracy": 100,
                        "satisfaction": 93,
                        "enquiry_response_minutes": 20,
                        "exception_notice_hours": 1,
                    },
                    **vals,
                )
            )
        )

    def test_kpi_targets_default_to_rulebook(self):
        kpi = self._kpi()
        self.assertEqual(
            (
                kpi.on_time_target,
                kpi.intact_target,
                kpi.document_target,
                kpi.satisfaction_target,
                kpi.enquiry_target,
                kpi.exception_target,
            ),
            (98.0, 99.5, 100.0, 90.0, 30.0, 2.0),
        )
        self.assertFalse(kpi.below_target)
        self.assertEqual(kpi.grade_id, self.grade_a)

    def test_kpi_below_target_flagged(self):
        kpi = self._kpi(on_time_rate=95, enquiry_response_minutes=45)
        self.assertTrue(kpi.below_target)
        self.assertEqual(kpi.shortfall_count, 2)

    def test_kpi_target_from_settings(self):
        self.env["ir.config_parameter"].set_param("freight_crm.kpi_on_time_target", 95)
        self.assertFalse(self._kpi(on_time_rate=96).below_target)

    def test_kpi_bad_input_refused(self):
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            self._kpi(on_time_rate=101)
        with self.assertRaisesRegex(ValidationError, "ends before it starts"):
            self._kpi(date_end="2026-06-30")

    def test_kpi_dashboard_groups_by_grade(self):
        self._kpi()
        self._kpi(partner_id=self.customer_c.id, satisfaction=80)
        groups = self.env["freight.customer.kpi"]._read_group(
            [("partner_id", "in", (self.customer_a | self.customer_c).ids)],
            ["grade_id"],
            ["shortfall_count:sum"],
        )
        result = {grade.code: shortfalls for grade, shortfalls in groups}
        self.assertEqual(result, {"A": 0, "C": 1})

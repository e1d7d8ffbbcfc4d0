# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import FreightGradingCase


@tagged("post_install", "-at_install")
class TestFreightPotential(FreightGradingCase):
    """Potential customers' buying potential is re-assessed periodically."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.activity_type = cls.env.ref(
            "freight_crm.mail_activity_potential_reassessment"
        )
        with freeze_time("2026-01-10"):
            cls.prospect = cls.Partner.with_user(cls.salesperson).create(
                {
                    "name": "潜在客户测试有限公司",
                    "is_company": True,
                    "freight_customer_state": "potential",
                    "user_id": cls.salesperson.id,
                }
            )
        cls.signed = cls._customer(
            "签约客户测试有限公司", freight_first_contact_date=date(2025, 1, 1)
        )

    def _reassessments(self, partner):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("activity_type_id", "=", self.activity_type.id),
            ]
        )

    def _cron(self):
        return self.Partner._cron_freight_reassess_potential()

    def test_first_contact_counts_until_evaluated(self):
        self.assertEqual(self.prospect.freight_first_contact_date, date(2026, 1, 10))
        with freeze_time("2026-07-09"):
            self._cron()
        self.assertFalse(self._reassessments(self.prospect))
        with freeze_time("2026-07-10"):
            self._cron()
        activity = self._reassessments(self.prospect)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesperson)
        self.assertEqual(activity.date_deadline, date(2026, 7, 17))
        # Signed customers are not potential customers any more.
        self.assertFalse(self._reassessments(self.signed))
        # The salesperson sees the request on their customer.
        self.assertIn(activity, self.prospect.with_user(self.salesperson).activity_ids)

    def test_exactly_once_while_open(self):
        with freeze_time("2026-07-10"):
            self._cron()
            self._cron()
        with freeze_time("2027-02-01"):
            # Past another period, still open: no second request.
            self._cron()
        self.assertEqual(len(self._reassessments(self.prospect)), 1)
        self.assertEqual(
            self.prospect.freight_potential_assessed_date, date(2026, 7, 10)
        )

    def test_done_request_starts_a_new_period(self):
        with freeze_time("2026-07-10"):
            self._cron()
            self._reassessments(self.prospect).with_user(self.salesperson).action_done()
        with freeze_time("2026-12-01"):
            self._cron()
        self.assertFalse(self._reassessments(self.prospect))
        with freeze_time("2027-01-10"):
            self._cron()
        self.assertEqual(len(self._reassessments(self.prospect)), 1)

    def test_confirmed_evaluation_resets_the_period(self):
        with freeze_time("2026-06-01"):
            evaluation = self._evaluation(self.prospect, 70, user=self.salesperson)
            evaluation.with_user(self.manager).action_confirm()
        self.assertEqual(self.prospect.freight_evaluation_date, date(2026, 6, 1))
        self.assertEqual(
            self.prospect.freight_potential_assessed_date, date(2026, 6, 1)
        )
        with freeze_time("2026-07-10"):
            self._cron()
        self.assertFalse(self._reassessments(self.prospect))
        with freeze_time("2026-12-01"):
            self._cron()
        self.assertEqual(len(self._reassessments(self.prospect)), 1)

    def test_confirmed_evaluation_completes_the_request(self):
        with freeze_time("2026-07-10"):
            self._cron()
        self.assertEqual(len(self._reassessments(self.prospect)), 1)
        with freeze_time("2026-07-12"):
            evaluation = self._evaluation(self.prospect, 70, user=self.salesperson)
            evaluation.with_user(self.manager).action_confirm()
        self.assertFalse(self._reassessments(self.prospect))
        self.assertEqual(
            self.prospect.freight_potential_assessed_date, date(2026, 7, 12)
        )
        self.assertTrue(
            self.env["mail.message"].search_count(
                [
                    ("model", "=", "res.partner"),
                    ("res_id", "=", self.prospect.id),
                    ("body", "ilike", "Re-assessed by a confirmed evaluation"),
                ]
            )
        )

    def test_months_is_a_setting(self):
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.freight_potential_reassess_months, 6)
        settings.freight_potential_reassess_months = 3
        settings.execute()
        with freeze_time("2026-04-10"):
            self._cron()
        self.assertEqual(len(self._reassessments(self.prospect)), 1)
        with self.assertRaisesRegex(ValidationError, "1 to 120 months"):
            self.env["res.config.settings"].create(
                {"freight_potential_reassess_months": 0}
            )

    def test_batches_cover_every_customer(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "freight_crm.potential_reassess_batch_size", 2
        )
        prospects = self.Partner.create(
            [
                {
                    "name": f"潜在客户{index}",
                    "is_company": True,
                    "freight_customer_state": "potential",
                    "freight_first_contact_date": date(2025, 1, 1),
                }
                for index in range(5)
            ]
        )
        with freeze_time("2026-07-10"):
            requested = self._cron()
        self.assertEqual(requested, (prospects | self.prospect).sorted("id"))
        for prospect in prospects:
            self.assertEqual(len(self._reassessments(prospect)), 1)

    def test_request_date_is_set_by_the_cron_only(self):
        with self.assertRaisesRegex(UserError, "set by the workflow"):
            self.prospect.with_user(self.salesperson).write(
                {"freight_potential_reminded_date": date(2026, 7, 1)}
            )
        with self.assertRaisesRegex(UserError, "set by the workflow"):
            self.prospect.with_user(self.salesperson).write(
                {"freight_potential_assessed_date": date(2026, 7, 1)}
            )

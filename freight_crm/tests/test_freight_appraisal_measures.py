# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFreightAppraisalMeasures(TransactionCase):
    """Appraisal actuals collected from the records of the period; blank
    (not 0) while nothing measures them; the period-end cron."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales = new_test_user(
            cls.env, login="apm_sales", groups="freight_crm.group_freight_salesperson"
        )
        cls.service = new_test_user(
            cls.env, login="apm_service", groups="freight_crm.group_freight_service"
        )
        cls.manager = new_test_user(
            cls.env, login="apm_manager", groups="freight_crm.group_freight_manager"
        )
        cls.env["ir.config_parameter"].set_param(
            "freight_crm.allow_self_approval", False
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "考核测试客户有限公司",
                "is_company": True,
                "freight_customer_state": "signed",
                "user_id": cls.sales.id,
            }
        )
        cls.Appraisal = cls.env["freight.staff.appraisal"]

    def _appraisal(self, user, **values):
        return self.Appraisal.with_user(self.manager).create(
            {
                "user_id": user.id,
                "period_start": "2026-01-01",
                "period_end": "2026-03-31",
                **values,
            }
        )

    def _line(self, appraisal, xmlid):
        indicator = self.env.ref(f"freight_crm.appraisal_indicator_{xmlid}")
        return appraisal.line_ids.filtered(lambda line: line.indicator_id == indicator)

    def _training(self, user, date, hours, state="confirmed"):
        return self.env["freight.staff.training"].create(
            {
                "user_id": user.id,
                "date": date,
                "course": "危险品运输规范",
                "hours": hours,
                "state": state,
            }
        )

    def test_actuals_match_the_records(self):
        self._training(self.sales, "2026-01-10", 3)
        self._training(self.sales, "2026-03-31", 2.5)
        self._training(self.sales, "2026-02-01", 4, state="draft")
        self._training(self.sales, "2026-04-01", 6)
        Evaluation = self.env["freight.customer.evaluation"]
        for day, confirmed in (
            ("2026-02-02", "2026-02-05 09:00:00"),
            ("2026-02-10", "2026-03-10 09:00:00"),
        ):
            Evaluation.create({"partner_id": self.customer.id, "date": day}).write(
                {"state": "confirmed", "confirmed_date": confirmed}
            )
        Kpi = self.env["freight.customer.kpi"]
        for start, end, satisfaction in (
            ("2026-01-01", "2026-01-31", 80),
            ("2026-02-01", "2026-02-28", 90),
            ("2026-03-01", "2026-03-31", False),
        ):
            Kpi.create(
                {
                    "partner_id": self.customer.id,
                    "date_start": start,
                    "date_end": end,
                    "satisfaction": satisfaction,
                }
            )
        self.env["freight.key.account.plan"].create(
            {
                "partner_id": self.customer.id,
                "user_id": self.sales.id,
                "period_start": "2026-01-01",
                "period_end": "2026-06-30",
                "objectives": "稳定华东线货量",
                "state": "submitted",
                "submitted_date": "2025-12-20 10:00:00",
            }
        )
        appraisal = self._appraisal(self.sales)
        self.assertEqual(self._line(appraisal, "training_hours").actual, 5.5)
        self.assertEqual(self._line(appraisal, "evaluations_on_time").actual, 50)
        self.assertEqual(self._line(appraisal, "satisfaction").actual, 85)
        self.assertEqual(self._line(appraisal, "key_account_plans_on_time").actual, 100)
        # No customer signed: a measured 0, not a blank.
        self.assertEqual(self._line(appraisal, "new_customers").actual, 0.0)
        self.assertTrue(self._line(appraisal, "new_customers").is_measured)
        self.assertFalse(self._line(appraisal, "volume").is_measured)
        # The employee reads the same figures.
        mine = appraisal.with_user(self.sales)
        self.assertEqual(
            mine.line_ids.mapped("actual"), appraisal.line_ids.mapped("actual")
        )

    def test_unmeasured_stays_blank(self):
        appraisal = self._appraisal(self.service)
        satisfaction = self._line(appraisal, "satisfaction")
        documents = self._line(appraisal, "documents")
        for line in satisfaction | documents:
            self.assertIs(line.actual, False)
            self.assertIs(line.score, False)
        self.assertEqual(
            documents.read(["actual", "score"])[0]["actual"], False, "blank, not 0"
        )
        Line = self.env["freight.staff.appraisal.line"]
        self.assertIn(documents, Line.search([("actual", "=", False)]))
        self.assertNotIn(documents, Line.search([("actual", "=", 0)]))
        # Training measured 0 hours: 0 is a figure.
        self.assertEqual(self._line(appraisal, "training_hours").actual, 0.0)
        self.assertEqual(self._line(appraisal, "training_hours").score, 0.0)
        # The indicator score is taken over the measured weight only.
        blank = appraisal.line_ids.filtered(lambda line: line.actual is False)
        self.assertEqual(appraisal.unmeasured_count, len(blank))
        self.assertAlmostEqual(
            appraisal.measured_weight, 100 - sum(blank.mapped("weight"))
        )
        (appraisal.line_ids - blank).write({"actual": 0})
        blank[:1].actual = blank[:1].target
        self.assertAlmostEqual(
            appraisal.indicator_score,
            100 * blank[:1].weight / appraisal.measured_weight,
        )

    def test_manual_lines_typed_and_confirm_needs_every_actual(self):
        appraisal = self._appraisal(self.sales, comment="完成良好。")
        volume = self._line(appraisal, "volume")
        self.assertIs(volume.actual, False)
        volume.with_user(self.manager).actual = 95
        self.assertEqual(volume.actual, 95)
        blank = appraisal.line_ids.filtered(lambda line: line.actual is False)
        self.assertTrue(blank)
        with self.assertRaisesRegex(UserError, re.escape(blank[0].indicator_id.name)):
            appraisal.action_confirm()
        self.assertEqual(appraisal.state, "draft")
        for line in blank:
            line.with_user(self.manager).actual = line.target
        # Collecting again keeps what was typed where nothing measures it.
        appraisal.action_freight_collect_actuals()
        self.assertEqual(volume.actual, 95)
        self.assertFalse(appraisal.line_ids.filtered(lambda l: l.actual is False))
        appraisal.action_confirm()
        self.assertEqual(appraisal.state, "confirmed")

    def test_collect_button_refreshes_drafts_for_managers_only(self):
        appraisal = self._appraisal(self.sales)
        hours = self._line(appraisal, "training_hours")
        self.assertEqual(hours.actual, 0)
        self._training(self.sales, "2026-02-15", 4)
        with self.assertRaises(AccessError):
            appraisal.with_user(self.sales).action_freight_collect_actuals()
        appraisal.action_freight_collect_actuals()
        self.assertEqual(hours.actual, 4)
        appraisal.line_ids.filtered(lambda line: line.actual is False).write(
            {"actual": 100}
        )
        appraisal.action_confirm()
        with self.assertRaisesRegex(UserError, "Collect the actuals"):
            appraisal.action_freight_collect_actuals()

    def test_cron_prepares_each_draft_once(self):
        with freeze_time("2026-04-02 05:00:00"):
            self.Appraisal._cron_freight_prepare_appraisals()
            self.Appraisal._cron_freight_prepare_appraisals()
        for user in self.sales | self.service | self.manager:
            appraisals = self.Appraisal.search([("user_id", "=", user.id)])
            self.assertEqual(len(appraisals), 1, user.login)
            self.assertEqual(str(appraisals.period_start), "2026-01-01")
            self.assertEqual(str(appraisals.period_end), "2026-03-31")
            self.assertEqual(appraisals.state, "draft")
            self.assertTrue(appraisals.line_ids)
            activity = appraisals.activity_ids
            self.assertEqual(len(activity), 1)
            self.assertTrue(
                activity.user_id.has_group("freight_crm.group_freight_manager")
            )
            self.assertNotEqual(activity.user_id, user)
        self.assertEqual(
            self._line(
                self.Appraisal.search([("user_id", "=", self.sales.id)]),
                "training_hours",
            ).actual,
            0,
        )
        # Mid-period: nothing new to prepare.
        with freeze_time("2026-05-20 05:00:00"):
            self.assertFalse(self.Appraisal._cron_freight_prepare_appraisals())

    def test_collection_cost_does_not_grow_with_appraisals(self):
        users = [
            new_test_user(
                self.env,
                login=f"apm_bulk{index}",
                groups="freight_crm.group_freight_salesperson",
            )
            for index in range(12)
        ]
        for user in users:
            self._training(user, "2026-01-20", 2)
        few = self._appraisal(users[0]) | self._appraisal(users[1])
        many = self.Appraisal.browse()
        for user in users[2:]:
            many |= self._appraisal(user)
        few.line_ids.actual = None
        many.line_ids.actual = None
        self.env.flush_all()
        self.env.invalidate_all()
        count = self.env.cr.sql_log_count
        few.action_freight_collect_actuals()
        self.env.flush_all()
        queries = self.env.cr.sql_log_count - count
        self.env.invalidate_all()
        with self.assertQueryCount(queries):
            many.action_freight_collect_actuals()
            self.env.flush_all()
        # Every appraisal got its figure, in as many queries as for two.
        self.assertEqual(
            set(
                many.line_ids.filtered(
                    lambda line: line.measure == "training_hours"
                ).mapped("actual")
            ),
            {2.0},
        )

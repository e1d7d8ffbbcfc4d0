# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFreightStaffAppraisal(TransactionCase):
    """Staff appraisals: indicator lines from the role, weighted scores,
    result bands from Settings, confirmed by another manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales = new_test_user(
            cls.env, login="ap_sales", groups="freight_crm.group_freight_salesperson"
        )
        cls.sales2 = new_test_user(
            cls.env, login="ap_sales2", groups="freight_crm.group_freight_salesperson"
        )
        cls.service = new_test_user(
            cls.env, login="ap_service", groups="freight_crm.group_freight_service"
        )
        cls.manager = new_test_user(
            cls.env, login="ap_manager", groups="freight_crm.group_freight_manager"
        )
        cls.env["ir.config_parameter"].set_param(
            "freight_crm.allow_self_approval", False
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

    def _fill(self, appraisal, ratio):
        """Every indicator's actual at ``ratio`` of its target."""
        for line in appraisal.line_ids:
            line.actual = line.target * ratio

    def test_lines_from_role_and_weighted_score(self):
        sales = self._appraisal(self.sales)
        service = self._appraisal(self.service)
        self.assertEqual(sales.role, "sales")
        self.assertEqual(service.role, "service")
        self.assertEqual(sales.weight_total, 100)
        self.assertEqual(service.weight_total, 100)
        self.assertNotEqual(
            set(sales.line_ids.indicator_id.ids), set(service.line_ids.indicator_id.ids)
        )
        self._fill(sales, 1.0)
        self.assertAlmostEqual(sales.indicator_score, 100)
        self.assertEqual(sales.result, "excellent")
        self._fill(sales, 0.7)
        self.assertAlmostEqual(sales.final_score, 70)
        self.assertEqual(sales.result, "qualified")
        self._fill(sales, 0.5)
        self.assertEqual(sales.result, "unqualified")

    def test_confirm_by_another_manager(self):
        appraisal = self._appraisal(self.sales, comment="完成良好。")
        self._fill(appraisal, 0.9)
        with self.assertRaises(AccessError):
            appraisal.with_user(self.sales).action_confirm()
        appraisal.action_confirm()
        self.assertEqual(appraisal.state, "confirmed")
        self.assertEqual(appraisal.confirmed_by_id, self.manager)
        with self.assertRaisesRegex(UserError, "stay as confirmed"):
            appraisal.line_ids[0].with_user(self.manager).actual = 1
        with self.assertRaisesRegex(UserError, "stay as confirmed"):
            appraisal.write({"comment": "改写"})
        own = self._appraisal(self.manager)
        with self.assertRaisesRegex(UserError, "your own work"):
            own.action_confirm()

    def test_unqualified_needs_improvement_plan(self):
        appraisal = self._appraisal(self.service)
        self._fill(appraisal, 0.4)
        with self.assertRaisesRegex(UserError, "improvement plan"):
            appraisal.action_confirm()
        appraisal.improvement = "参加投诉处理培训,每周复盘超时投诉。"
        appraisal.action_confirm()
        self.assertEqual(appraisal.result, "unqualified")

    def test_weights_must_add_up(self):
        appraisal = self._appraisal(self.sales)
        appraisal.line_ids[0].weight = 5
        with self.assertRaisesRegex(UserError, "add up to"):
            appraisal.action_confirm()

    def test_bad_input_refused(self):
        with self.assertRaisesRegex(ValidationError, "end on or after"):
            self._appraisal(self.sales2, period_end="2025-12-31")
        appraisal = self._appraisal(self.sales)
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            appraisal.line_ids[0].actual = -1
        with self.assertRaisesRegex(ValidationError, "weight lies"):
            appraisal.line_ids[1].weight = 0
        with self.assertRaises(UserError):
            appraisal.write({"penalty_points": 5})
        with self.assertRaises(UserError):
            appraisal.write({"state": "confirmed"})
        outsider = new_test_user(self.env, login="ap_user", groups="base.group_user")
        with self.assertRaisesRegex(ValidationError, "not a Freight CRM"):
            self._appraisal(outsider)
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create({"freight_appraisal_pass_score": 95})

    def test_bands_and_period_from_settings(self):
        self.env["res.config.settings"].create(
            {"freight_appraisal_period_months": 6, "freight_appraisal_pass_score": 50}
        ).execute()
        self.assertEqual(
            self.Appraisal._freight_period_of(date(2026, 8, 14)),
            (date(2026, 7, 1), date(2026, 12, 31)),
        )
        appraisal = self._appraisal(self.sales)
        self._fill(appraisal, 0.55)
        self.assertEqual(appraisal.result, "qualified")

    def test_employees_read_their_own(self):
        mine = self._appraisal(self.sales)
        theirs = self._appraisal(self.sales2)
        Appraisal = self.Appraisal.with_user(self.sales)
        self.assertEqual(Appraisal.search([]), mine)
        self.assertEqual(mine.with_user(self.sales).line_ids, mine.line_ids)
        with self.assertRaises(AccessError):
            theirs.with_user(self.sales).read(["final_score"])
        with self.assertRaises(AccessError):
            mine.with_user(self.sales).write({"comment": "自评优秀"})
        with self.assertRaises(AccessError):
            Appraisal.create({"user_id": self.sales.id})

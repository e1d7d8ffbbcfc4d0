# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import FreightContractCase


@tagged("post_install", "-at_install")
class TestFreightAdmission(FreightContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.prospect = cls.env["res.partner"].create(
            {
                "name": "温州华腾鞋业有限公司",
                "is_company": True,
                "user_id": cls.sales.id,
                "freight_customer_state": "potential",
                "freight_registered_capital": 800000,
            }
        )

    def _tick_all(self, partner):
        partner.with_user(self.sales).write(
            {
                "freight_adm_licence_ok": True,
                "freight_adm_no_violation": True,
                "freight_adm_needs_match": True,
                "freight_adm_accepts_credit": True,
            }
        )

    def test_due_diligence_three_working_days_across_weekend(self):
        # First contact on Friday 2026-11-20: Monday, Tuesday, Wednesday.
        with freeze_time("2026-11-20 03:00:00"):
            self.prospect.with_user(self.sales).freight_first_contact_date = date(
                2026, 11, 20
            )
        self.assertEqual(
            self.prospect.freight_due_diligence_deadline, date(2026, 11, 25)
        )
        activity = self.prospect.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("freight_crm.mail_activity_due_diligence")
            )
        )
        self.assertEqual(activity.date_deadline, date(2026, 11, 25))
        self.assertEqual(activity.user_id, self.sales)

    def test_due_diligence_within_week(self):
        partner = self.env["res.partner"].create(
            {
                "name": "台州路桥塑料制品厂",
                "is_company": True,
                "freight_first_contact_date": "2026-11-16",  # a Monday
            }
        )
        self.assertEqual(partner.freight_due_diligence_deadline, date(2026, 11, 19))

    def test_due_diligence_days_is_a_setting(self):
        self.env["ir.config_parameter"].set_param("freight_crm.due_diligence_days", 1)
        self.prospect.freight_first_contact_date = "2026-11-20"
        self.assertEqual(
            self.prospect.freight_due_diligence_deadline, date(2026, 11, 23)
        )

    def test_admission_passes_when_all_criteria_met(self):
        self.prospect.with_user(self.sales).action_freight_start_admission()
        self.assertEqual(self.prospect.freight_customer_state, "admission")
        self._tick_all(self.prospect)
        self.assertTrue(self.prospect.freight_adm_capital_ok)
        self.prospect.with_user(self.sales).action_freight_pass_admission()
        self.assertTrue(self.prospect.freight_admission_passed)
        self.assertEqual(self.prospect.freight_admission_user_id, self.sales)
        self.assertEqual(self.prospect.freight_onboarding_stage, "needs")

    def test_failed_criterion_blocks_admission(self):
        self._tick_all(self.prospect)
        self.prospect.freight_adm_no_violation = False
        with self.assertRaisesRegex(UserError, "No Major Violation"):
            self.prospect.with_user(self.sales).action_freight_pass_admission()
        self.assertFalse(self.prospect.freight_admission_passed)

    def test_capital_threshold_is_configurable(self):
        self._tick_all(self.prospect)
        self.env["ir.config_parameter"].set_param(
            "freight_crm.admission_min_capital", 1000000
        )
        self.prospect.invalidate_recordset(["freight_adm_capital_ok"])
        self.assertFalse(self.prospect.freight_adm_capital_ok)
        with self.assertRaisesRegex(UserError, "Registered Capital"):
            self.prospect.with_user(self.sales).action_freight_pass_admission()

    def test_small_capital_fails_by_default(self):
        self._tick_all(self.prospect)
        self.prospect.freight_registered_capital = 499999
        self.assertFalse(self.prospect.freight_adm_capital_ok)
        self.prospect.freight_registered_capital = 500000
        self.assertTrue(self.prospect.freight_adm_capital_ok)

    def test_manager_exception_lets_admission_pass(self):
        self._tick_all(self.prospect)
        self.prospect.freight_registered_capital = 300000
        self.prospect.with_user(
            self.sales
        ).freight_admission_exception_reason = "集团子公司，母公司提供担保"
        with self.assertRaisesRegex(AccessError, "manager"):
            self.prospect.with_user(
                self.sales
            ).action_freight_record_admission_exception()
        with self.assertRaisesRegex(AccessError, "manager"):
            self.prospect.with_user(self.sales).write(
                {"freight_admission_exception_user_id": self.sales.id}
            )
        self.prospect.with_user(
            self.manager
        ).action_freight_record_admission_exception()
        self.assertEqual(
            self.prospect.freight_admission_exception_user_id, self.manager
        )
        self.assertTrue(self.prospect.freight_admission_exception_date)
        self.prospect.with_user(self.sales).action_freight_pass_admission()
        self.assertTrue(self.prospect.freight_admission_passed)

    def test_exception_needs_reason(self):
        with self.assertRaisesRegex(UserError, "reason"):
            self.prospect.with_user(
                self.manager
            ).action_freight_record_admission_exception()
        self.assertFalse(self.prospect.freight_admission_exception_user_id)

    def test_salesperson_cannot_pass_admission_by_rpc_write(self):
        with self.assertRaisesRegex(AccessError, "manager"):
            self.prospect.with_user(self.sales).write(
                {"freight_admission_passed": True}
            )
        self.assertFalse(self.prospect.freight_admission_passed)

    def test_later_stages_need_admission(self):
        with self.assertRaisesRegex(UserError, "not passed admission"):
            self.prospect.with_user(self.sales).freight_onboarding_stage = "negotiation"
        self._tick_all(self.prospect)
        self.prospect.with_user(self.sales).action_freight_pass_admission()
        self.prospect.with_user(self.sales).freight_onboarding_stage = "negotiation"
        self.assertEqual(self.prospect.freight_onboarding_stage, "negotiation")

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import FreightGradingCase


@tagged("post_install", "-at_install")
@freeze_time("2026-11-23")
class TestFreightGradingRules(FreightGradingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param(
            "freight_crm.rule_grading", "True"
        )

    def _rule_grade(self, volume=0.0, start=None):
        partner = self._customer(
            freight_annual_volume=volume, freight_cooperation_start=start
        )
        partner.action_freight_apply_rule_grade()
        return partner.freight_grade_id

    def test_volume_clause(self):
        self.assertEqual(self._rule_grade(5000000.01), self.grade_a)
        self.assertEqual(self._rule_grade(5000000), self.grade_b)
        self.assertEqual(self._rule_grade(1000000), self.grade_b)
        self.assertEqual(self._rule_grade(999999.99), self.grade_c)

    def test_cooperation_clause(self):
        self.assertEqual(self._rule_grade(start=date(2023, 11, 22)), self.grade_a)
        self.assertEqual(self._rule_grade(start=date(2023, 11, 23)), self.grade_b)
        self.assertEqual(self._rule_grade(start=date(2025, 11, 23)), self.grade_b)
        self.assertEqual(self._rule_grade(start=date(2025, 11, 24)), self.grade_c)
        self.assertEqual(self._rule_grade(), self.grade_c)

    def test_better_grade_wins(self):
        # small volume but a long cooperation, and the other way round
        self.assertEqual(self._rule_grade(200000, date(2020, 1, 1)), self.grade_a)
        self.assertEqual(self._rule_grade(6000000, date(2026, 10, 1)), self.grade_a)
        self.assertEqual(self._rule_grade(2000000, date(2026, 10, 1)), self.grade_b)

    def test_thresholds_are_settings(self):
        settings = self.env["res.config.settings"].create({})
        self.assertTrue(settings.freight_rule_grading)
        self.assertEqual(settings.freight_rule_volume_a, 5000000)
        settings.freight_rule_volume_a = 8000000
        settings.execute()
        self.assertEqual(self._rule_grade(6000000), self.grade_b)

    def test_inconsistent_thresholds_refused(self):
        Settings = self.env["res.config.settings"]
        for vals, message in (
            ({"freight_rule_volume_b": 6000000}, "grade B volume"),
            ({"freight_rule_years_a": 0}, "grade B cooperation years"),
            ({"freight_rule_volume_b": -1}, "cannot be negative"),
            ({"freight_key_account_contribution": -5}, "cannot be negative"),
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(ValidationError, message),
            ):
                Settings.create(vals).execute()
        params = self.env["res.partner"]._freight_grading_params()
        self.assertEqual(params["freight_crm.rule_volume_a"], 5000000)
        self.assertEqual(params["freight_crm.rule_volume_b"], 1000000)
        self.assertEqual(params["freight_crm.rule_years_a"], 3)
        self.assertEqual(params["freight_crm.regrade_batch_size"], 1000)
        # The batch size is a technical knob, off the Settings screen: a
        # stored 0 is read as the smallest batch, not refused.
        self.assertNotIn("freight_regrade_batch_size", Settings._fields)
        self.env["ir.config_parameter"].sudo().set_param(
            "freight_crm.regrade_batch_size", "0"
        )
        params = self.env["res.partner"]._freight_grading_params()
        self.assertEqual(params["freight_crm.regrade_batch_size"], 1)

    def test_rule_grading_manager_only(self):
        partner = self._customer(freight_annual_volume=7000000)
        with self.assertRaisesRegex(UserError, "Only a Freight CRM manager"):
            partner.with_user(self.salesperson).action_freight_apply_rule_grade()
        self.assertFalse(partner.freight_grade_id)
        partner.with_user(self.manager).action_freight_apply_rule_grade()
        self.assertEqual(partner.freight_grade_id, self.grade_a)

    def test_key_account_threshold_setting(self):
        partner = self._customer(freight_contribution_value=600000)
        self.assertFalse(partner.freight_is_key_account)
        settings = self.env["res.config.settings"].create(
            {"freight_key_account_contribution": 500000}
        )
        settings.execute()
        self.assertTrue(partner.freight_is_key_account)

    def test_history_records_rule_source(self):
        partner = self._customer(freight_annual_volume=7000000)
        partner.action_freight_apply_rule_grade()
        self.assertEqual(partner.freight_grade_history_ids.source, "rule")
        partner.action_freight_apply_rule_grade()
        self.assertEqual(len(partner.freight_grade_history_ids), 1)


@tagged("post_install", "-at_install")
class TestFreightGradeOverride(FreightGradingCase):
    def _wizard(self, partner, grade, reason, user=None):
        model = self.env["freight.grade.override.wizard"].with_user(
            user or self.manager
        )
        form = Form(model.with_context(default_partner_id=partner.id))
        form.grade_id = grade
        form.reason = reason
        return form.save()

    def test_override_kept_in_history(self):
        partner = self._customer()
        self._evaluation(partner, 70).action_confirm()
        self._wizard(partner, self.grade_a, "战略客户,总经理批准").action_apply()
        self.assertEqual(partner.freight_grade_id, self.grade_a)
        override = partner.freight_grade_history_ids[0]
        self.assertEqual(override.source, "override")
        self.assertEqual(override.reason, "战略客户,总经理批准")
        self.assertEqual(override.old_grade_id, self.grade_b)
        self.assertEqual(override.user_id, self.manager)
        self.assertEqual(partner.sudo().freight_credit_limit, self.grade_a.credit_limit)

    def test_override_needs_reason(self):
        partner = self._customer()
        self._evaluation(partner, 70).action_confirm()
        wizard = (
            self.env["freight.grade.override.wizard"]
            .with_user(self.manager)
            .create(
                {"partner_id": partner.id, "grade_id": self.grade_a.id, "reason": "  "}
            )
        )
        with self.assertRaisesRegex(UserError, "Give the reason"):
            wizard.action_apply()
        self.assertEqual(partner.freight_grade_id, self.grade_b)
        self.assertEqual(len(partner.freight_grade_history_ids), 1)

    def test_override_manager_only(self):
        partner = self._customer()
        wizard = self.env["freight.grade.override.wizard"].create(
            {"partner_id": partner.id, "grade_id": self.grade_a.id, "reason": "x"}
        )
        with self.assertRaisesRegex(UserError, "Only a Freight CRM manager"):
            wizard.with_user(self.salesperson).action_apply()
        self.assertFalse(partner.freight_grade_id)

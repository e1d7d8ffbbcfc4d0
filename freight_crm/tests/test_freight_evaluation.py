# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import FreightGradingCase


@tagged("post_install", "-at_install")
class TestFreightEvaluation(FreightGradingCase):
    def test_shipped_criteria_total_100(self):
        self.assertEqual(len(self.criteria), 4)
        self.assertAlmostEqual(sum(self.criteria.mapped("weight")), 100.0)
        for xmlid in (
            "criterion_company_scale",
            "criterion_credit_standing",
            "criterion_cargo_volume",
            "criterion_industry_influence",
        ):
            self.assertIn(self.env.ref(f"freight_crm.{xmlid}"), self.criteria)

    def test_new_evaluation_has_one_line_per_criterion(self):
        evaluation = self.Evaluation.create({"partner_id": self._customer().id})
        self.assertEqual(evaluation.line_ids.criterion_id, self.criteria)
        self.assertEqual(
            evaluation.line_ids.mapped("weight"), self.criteria.mapped("weight")
        )
        self.assertTrue(evaluation.name.startswith("EV/"))

    def test_prefill_hook(self):
        partner = self._customer()
        credit = self.env.ref("freight_crm.criterion_credit_standing")
        self.assertIsNone(partner._freight_prefill_score(credit))
        evaluation = self.Evaluation.with_context(
            freight_prefill_scores={credit.id: 72.5}
        ).create({"partner_id": partner.id})
        line = evaluation.line_ids.filtered(lambda ln: ln.criterion_id == credit)
        self.assertEqual(line.score, 72.5)
        self.assertEqual(set((evaluation.line_ids - line).mapped("score")), {0.0})

    def test_weighted_total(self):
        # 25 x 80 + 30 x 90 + 30 x 70 + 15 x 100 = 8300 -> 83
        evaluation = self._evaluation(self._customer(), [80, 90, 70, 100])
        self.assertAlmostEqual(evaluation.total_score, 83.0)
        self.assertEqual(evaluation.grade_id, self.grade_b)

    def test_boundaries(self):
        for score, grade in (
            (86, self.grade_a),
            (85.01, self.grade_a),
            (85, self.grade_b),
            (60, self.grade_b),
            (59.99, self.grade_c),
            (59, self.grade_c),
            (0, self.grade_c),
            (100, self.grade_a),
        ):
            with self.subTest(score=score):
                partner = self._customer()
                evaluation = self._evaluation(partner, score)
                evaluation.with_user(self.manager).action_confirm()
                self.assertAlmostEqual(partner.freight_score, score)
                self.assertEqual(partner.freight_grade_id, grade)
                self.assertEqual(evaluation.grade_id, grade)

    def test_fractional_scores(self):
        partner = self._customer()
        evaluation = self._evaluation(partner, [85.5, 85.5, 85.5, 86.5])
        # 0.85 x 85.5 + 0.15 x 86.5 = 85.65 > 85 -> A
        self.assertAlmostEqual(evaluation.total_score, 85.65)
        evaluation.action_confirm()
        self.assertEqual(partner.freight_grade_id, self.grade_a)

    def test_confirm_uses_current_thresholds(self):
        partner = self._customer()
        evaluation = self._evaluation(partner, 88)
        self.assertEqual(evaluation.grade_id, self.grade_a)
        self.grade_a.score_threshold = 90
        evaluation.action_confirm()
        self.assertEqual(evaluation.grade_id, self.grade_b)
        self.assertEqual(partner.freight_grade_id, self.grade_b)

    def test_confirm_records_history_and_confirmer(self):
        partner = self._customer()
        self._evaluation(partner, 70).with_user(self.manager).action_confirm()
        evaluation = self._evaluation(partner, 90)
        evaluation.with_user(self.manager).action_confirm()
        self.assertEqual(evaluation.state, "confirmed")
        self.assertEqual(evaluation.confirmed_by_id, self.manager)
        self.assertEqual(evaluation.previous_grade_id, self.grade_b)
        history = partner.freight_grade_history_ids
        self.assertEqual(len(history), 2)
        latest = history.sorted("id")[-1]
        self.assertEqual(latest.old_grade_id, self.grade_b)
        self.assertEqual(latest.new_grade_id, self.grade_a)
        self.assertEqual(latest.score, 90)
        self.assertEqual(latest.user_id, self.manager)
        self.assertEqual(latest.source, "evaluation")
        self.assertEqual(latest.evaluation_id, evaluation)
        self.assertIn("Grade changed", partner.message_ids[0].body)

    def test_policy_reapplied(self):
        maintainer = self.other_salesperson
        self.grade_a.maintainer_user_id = maintainer
        partner = self._customer()
        self._evaluation(partner, 95).action_confirm()
        partner = partner.sudo()
        self.assertEqual(partner.user_id, maintainer)
        self.assertEqual(partner.freight_credit_limit, self.grade_a.credit_limit)
        self.assertEqual(
            partner.freight_payment_term_days, self.grade_a.payment_term_days
        )
        self.assertEqual(
            partner.freight_advance_funding_limit, self.grade_a.advance_funding_limit
        )
        self.assertIn("Policy of", partner.message_ids[0].body)
        # Dropping to C applies C's policy; C has no maintainer: kept.
        self._evaluation(partner, 40).action_confirm()
        self.assertEqual(partner.freight_payment_term_days, 0)
        self.assertEqual(partner.freight_credit_limit, 0)
        self.assertEqual(partner.user_id, maintainer)

    def test_weights_must_total_100(self):
        partner = self._customer()
        evaluation = self._evaluation(partner, 90)
        evaluation.line_ids[0].weight = 20
        with self.assertRaisesRegex(UserError, "total 95.0: adjust them"):
            evaluation.action_confirm()
        self.assertEqual(evaluation.state, "draft")
        self.assertFalse(partner.freight_grade_id)
        self.assertFalse(partner.freight_grade_history_ids)

    def test_score_out_of_range(self):
        evaluation = self._evaluation(self._customer(), 50)
        for score in (101, -1):
            with (
                self.subTest(score=score),
                self.assertRaisesRegex(ValidationError, "between 0 and 100"),
            ):
                evaluation.line_ids[0].score = score
                evaluation.line_ids.flush_recordset()

    def test_confirm_twice_refused(self):
        partner = self._customer()
        evaluation = self._evaluation(partner, 70)
        evaluation.action_confirm()
        with self.assertRaisesRegex(UserError, "already confirmed"):
            evaluation.action_confirm()
        self.assertEqual(len(partner.freight_grade_history_ids), 1)

    def test_salesperson_cannot_confirm(self):
        partner = self._customer()
        evaluation = self._evaluation(partner, 70, user=self.salesperson)
        with self.assertRaisesRegex(UserError, "Only a Freight CRM manager"):
            evaluation.with_user(self.salesperson).action_confirm()
        self.assertEqual(evaluation.state, "draft")

    def test_confirmed_evaluation_cannot_be_deleted(self):
        evaluation = self._evaluation(self._customer(), 70)
        evaluation.action_confirm()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            evaluation.unlink()

    def test_negative_figures_refused(self):
        partner = self._customer()
        for field in ("freight_registered_capital", "freight_annual_volume"):
            with (
                self.subTest(field=field),
                self.assertRaisesRegex(ValidationError, "cannot be negative"),
            ):
                partner.write({field: -1})

    def test_form_prefills_lines(self):
        partner = self._customer()
        with Form(self.Evaluation.with_user(self.salesperson)) as form:
            form.partner_id = partner
            self.assertEqual(len(form.line_ids), 4)
        self.assertEqual(form.record.line_ids.criterion_id, self.criteria)

    def test_key_account(self):
        partner = self._customer()
        self.assertFalse(partner.freight_is_key_account)
        partner.freight_contribution_value = 1500000
        self.assertTrue(partner.freight_is_key_account)
        partner.freight_contribution_value = 10
        self.assertFalse(partner.freight_is_key_account)
        partner.freight_industry_influence = True
        self.assertTrue(partner.freight_is_key_account)
        self.assertIn(
            partner, self.Partner.search([("freight_is_key_account", "=", True)])
        )

    def test_segment_service_focus(self):
        segment = self.env.ref("freight_crm.segment_ecommerce")
        partner = self._customer(freight_segment_id=segment.id)
        self.assertIn("tracking", partner.freight_service_focus)

    def test_reports_render_in_chinese_and_english(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["freight_crm"], ["zh_CN"], overwrite=True
        )
        partner = self._customer(lang="zh_CN", freight_fax="0574-86782231")
        evaluation = self._evaluation(partner, 90)
        evaluation.action_confirm()
        Report = self.env["ir.actions.report"]
        html = Report._render_qweb_html(
            "freight_crm.report_freight_customer_evaluation", evaluation.ids
        )[0].decode()
        self.assertIn(evaluation.name, html)
        self.assertIn("客户评估表", html)
        partner.lang = "en_US"
        html = Report._render_qweb_html(
            "freight_crm.report_freight_customer_file", partner.ids
        )[0].decode()
        self.assertIn("Customer Basic Information Form", html)
        self.assertIn("0574-86782231", html)

    def test_confirmed_evaluation_is_frozen(self):
        partner = self._customer()
        other = self._customer(name="宁波另一家贸易有限公司")
        evaluation = self._evaluation(partner, 70)
        evaluation.action_confirm()
        confirmed_date = evaluation.date
        for vals in (
            {"partner_id": other.id},
            {"date": "2020-01-01"},
            {"state": "draft"},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(UserError, "no longer be changed"),
            ):
                evaluation.write(vals)
        self.assertEqual(evaluation.partner_id, partner)
        self.assertEqual(evaluation.date, confirmed_date)
        self.assertEqual(evaluation.state, "confirmed")
        self.assertFalse(other.freight_evaluation_ids)
        # The note stays editable: comments after the grading are fine.
        evaluation.note = "<p>季度复核无异议</p>"
        self.assertIn("季度复核", evaluation.note)

    def test_confirmation_cannot_be_forged(self):
        partner = self._customer()
        evaluation = self._evaluation(partner, 95, user=self.salesperson)
        # The context key action_confirm() uses is no way round either.
        as_sales = evaluation.with_user(self.salesperson).with_context(
            freight_evaluation_confirm=True
        )
        for vals in (
            {"state": "confirmed"},
            {"confirmed_by_id": self.manager.id},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(
                    UserError, "set by its Submit for Review and Confirm buttons"
                ),
            ):
                as_sales.write(vals)
        with self.assertRaisesRegex(UserError, "Create the evaluation as a draft"):
            self.Evaluation.with_user(self.salesperson).create(
                {"partner_id": partner.id, "state": "confirmed"}
            )
        self.assertEqual(evaluation.state, "draft")
        self.assertFalse(evaluation.confirmed_by_id)
        self.assertEqual(
            self.Evaluation.search_count([("partner_id", "=", partner.id)]), 1
        )

    def test_salesperson_cannot_set_grade_directly(self):
        partner = self._customer()
        self._evaluation(partner, 70).action_confirm()
        as_sales = partner.with_user(self.salesperson)
        for vals in (
            {"freight_grade_id": self.grade_a.id},
            {"freight_score": 99},
            {"freight_regrade_quarter": "2099-01-01"},
        ):
            with (
                self.subTest(vals=vals),
                self.assertRaisesRegex(AccessError, "Only a Freight CRM manager"),
            ):
                as_sales.write(vals)
        with self.assertRaisesRegex(AccessError, "Only a Freight CRM manager"):
            self.Partner.with_user(self.salesperson).create(
                {
                    "name": "自评A级客户有限公司",
                    "is_company": True,
                    "user_id": self.salesperson.id,
                    "freight_grade_id": self.grade_a.id,
                }
            )
        self.assertEqual(partner.freight_grade_id, self.grade_b)
        self.assertEqual(partner.freight_score, 70)
        self.assertEqual(len(partner.freight_grade_history_ids), 1)
        # The salesperson still edits the customer file.
        as_sales.freight_annual_volume = 1200000
        self.assertEqual(partner.freight_annual_volume, 1200000)

    def test_bad_figures_leave_the_file_unchanged(self):
        partner = self._customer(
            freight_registered_capital=800000, freight_annual_volume=2000000
        )
        evaluation = self._evaluation(partner, 50)
        self.env.flush_all()
        with self.assertRaisesRegex(ValidationError, "Registered capital"):
            partner.write(
                {"freight_registered_capital": -5, "freight_annual_volume": 10}
            )
            partner.flush_recordset()
        # The refused values were never flushed: drop them as the request's
        # rollback would.
        partner.invalidate_recordset(flush=False)
        self.assertEqual(partner.freight_registered_capital, 800000)
        self.assertEqual(partner.freight_annual_volume, 2000000)
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            evaluation.line_ids[0].score = 100.5
            evaluation.line_ids.flush_recordset()
        evaluation.line_ids.invalidate_recordset(flush=False)
        self.assertEqual(evaluation.line_ids[0].score, 50)

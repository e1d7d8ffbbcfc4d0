# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Evaluations held at the server: forged totals, moved lines, the review
step and the four-eyes rule, as the restricted users and as the web form."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import FreightGradingCase

REVIEW = "freight_crm.mail_activity_evaluation_review"


@tagged("post_install", "-at_install")
class TestFreightEvaluationGuard(FreightGradingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager2 = new_test_user(
            cls.env, login="fg_manager2", groups="freight_crm.group_freight_manager"
        )
        cls.mine = cls._customer("我的客户有限公司")
        cls.theirs = cls._customer(
            "同事的客户有限公司", user_id=cls.other_salesperson.id
        )
        cls.review_type = cls.env.ref(REVIEW)

    def _scored(self, partner, scores, user=None):
        return self._evaluation(partner, scores, user=user or self.salesperson)

    # Bypasses of the rulebook -------------------------------------------
    def test_forged_total_refused_and_confirm_grades_from_lines(self):
        # 25 x 30 + 30 x 20 + 30 x 10 + 15 x 10 = 1800 -> 18
        evaluation = self._scored(self.mine, [30, 20, 10, 10])
        as_sales = evaluation.with_user(self.salesperson)
        with self.assertRaisesRegex(UserError, "computed from its criteria"):
            as_sales.write({"total_score": 99})
        with self.assertRaisesRegex(UserError, "computed from its criteria"):
            as_sales.write({"grade_id": self.grade_a.id})
        with self.assertRaisesRegex(UserError, "workflow"):
            as_sales.line_ids[0].write({"weighted_score": 99})
        # Even a total forged by superuser code is not what gets graded.
        evaluation.sudo().write({"total_score": 99, "grade_id": self.grade_a.id})
        evaluation.with_user(self.manager).action_confirm()
        self.assertAlmostEqual(evaluation.total_score, 18)
        self.assertEqual(evaluation.grade_id, self.grade_c)
        self.assertEqual(self.mine.freight_grade_id, self.grade_c)
        self.assertAlmostEqual(self.mine.freight_score, 18)

    def test_line_cannot_move_into_a_colleagues_confirmed_evaluation(self):
        theirs = self._evaluation(self.theirs, 70)
        theirs.action_confirm()
        mine = self._scored(self.mine, 100)
        line = mine.line_ids[0].with_user(self.salesperson)
        with self.assertRaises(UserError):
            line.evaluation_id = theirs
        line.invalidate_recordset()
        self.assertEqual(line.evaluation_id, mine)
        self.assertEqual(len(theirs.line_ids), len(self.criteria))
        self.assertAlmostEqual(theirs.total_score, 70)
        # Nor into one's own confirmed one, even for a manager.
        own_confirmed = self._evaluation(self.mine, 70)
        own_confirmed.action_confirm()
        with self.assertRaises(UserError):
            mine.line_ids[0].with_user(self.manager).evaluation_id = own_confirmed
        with self.assertRaises(UserError):
            self.env["freight.customer.evaluation.line"].with_user(self.manager).create(
                {
                    "evaluation_id": own_confirmed.id,
                    "criterion_id": self.criteria[0].id,
                    "score": 100,
                }
            )
        self.assertEqual(len(own_confirmed.line_ids), len(self.criteria))

    def test_confirmed_lines_frozen(self):
        evaluation = self._evaluation(self.mine, 70)
        evaluation.action_confirm()
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            evaluation.line_ids[0].with_user(self.manager).score = 100
        # Unchanged values sent back by the web client are harmless.
        evaluation.line_ids[0].with_user(self.manager).write({"score": 70})

    def test_context_default_is_no_way_round(self):
        Evaluation = self.Evaluation.with_user(self.salesperson).with_context(
            default_state="confirmed", default_confirmed_by_id=self.manager.id
        )
        with self.assertRaisesRegex(UserError, "Create the evaluation as a draft"):
            Evaluation.create({"partner_id": self.mine.id})
        self.assertFalse(self.mine.freight_evaluation_ids)

    # Submit for review (提交审核) ----------------------------------------
    def test_submit_creates_one_activity_for_one_reviewer(self):
        evaluation = self._scored(self.mine, 90)
        self.assertIs(evaluation.with_user(self.salesperson).action_submit(), True)
        self.assertEqual(evaluation.state, "submitted")
        self.assertEqual(evaluation.submitted_by_id, self.salesperson)
        activities = evaluation.activity_ids.filtered(
            lambda a: a.activity_type_id == self.review_type
        )
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, evaluation.reviewer_id)
        self.assertTrue(
            activities.user_id.has_group("freight_crm.group_freight_manager")
        )
        # Submitted: frozen for the salesperson.
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            evaluation.line_ids[0].with_user(self.salesperson).score = 10
        evaluation.with_user(self.manager).action_confirm()
        self.assertEqual(evaluation.state, "confirmed")
        self.assertEqual(self.mine.freight_grade_id, self.grade_a)
        self.assertFalse(
            evaluation.activity_ids.filtered(
                lambda a: a.activity_type_id == self.review_type
            )
        )

    def test_configured_reviewer(self):
        self.env["ir.config_parameter"].set_param(
            "freight_crm.evaluation_reviewer_id", str(self.manager2.id)
        )
        evaluation = self._scored(self.mine, 90)
        evaluation.with_user(self.salesperson).action_submit()
        self.assertEqual(evaluation.reviewer_id, self.manager2)
        self.assertEqual(evaluation.activity_ids.user_id, self.manager2)

    def test_submit_checks_weights_and_state(self):
        evaluation = self._scored(self.mine, 90)
        evaluation.line_ids[0].weight = 10
        with self.assertRaisesRegex(UserError, "adjust them"):
            evaluation.with_user(self.salesperson).action_submit()
        self.assertEqual(evaluation.state, "draft")
        evaluation.line_ids[0].weight = self.criteria[0].weight
        evaluation.with_user(self.salesperson).action_submit()
        with self.assertRaisesRegex(UserError, "not possible"):
            evaluation.with_user(self.salesperson).action_submit()

    def test_back_to_draft(self):
        evaluation = self._scored(self.mine, 90)
        evaluation.with_user(self.salesperson).action_submit()
        with self.assertRaises(UserError):
            evaluation.with_user(self.other_salesperson).action_draft()
        self.assertIs(evaluation.with_user(self.manager).action_draft(), True)
        self.assertEqual(evaluation.state, "draft")
        self.assertFalse(evaluation.activity_ids)
        evaluation.line_ids[0].with_user(self.salesperson).score = 50

    def test_several_evaluations_at_once(self):
        evaluations = self._scored(self.mine, 90) | self._scored(self.mine, 40)
        self.assertIs(evaluations.with_user(self.salesperson).action_submit(), True)
        self.assertIs(evaluations.with_user(self.manager).action_confirm(), True)
        self.assertEqual(set(evaluations.mapped("state")), {"confirmed"})

    # Four eyes -------------------------------------------------------------
    def test_nobody_confirms_what_they_created_or_submitted(self):
        own = self._evaluation(self.mine, 90, user=self.manager)
        with self.assertRaisesRegex(UserError, "your own work"):
            own.with_user(self.manager).action_confirm()
        own.with_user(self.manager).action_submit()
        with self.assertRaisesRegex(UserError, "your own work"):
            own.with_user(self.manager).action_confirm()
        self.assertEqual(own.state, "submitted")
        self.assertNotEqual(own.reviewer_id, self.manager)
        own.with_user(self.manager2).action_confirm()
        self.assertEqual(own.confirmed_by_id, self.manager2)

    def test_four_eyes_can_be_relaxed(self):
        self.env["ir.config_parameter"].set_param(
            "freight_crm.allow_self_approval", "True"
        )
        own = self._evaluation(self.mine, 90, user=self.manager)
        own.with_user(self.manager).action_confirm()
        self.assertEqual(own.state, "confirmed")

    def test_salesperson_cannot_submit_a_colleagues_evaluation(self):
        theirs = self._evaluation(self.theirs, 70)
        with self.assertRaises(AccessError):
            theirs.with_user(self.salesperson).action_submit()
        self.assertEqual(theirs.state, "draft")

    # The web form's own payload ------------------------------------------
    def test_form_new_evaluation_as_salesperson(self):
        with Form(self.Evaluation.with_user(self.salesperson)) as form:
            form.partner_id = self.mine
            for index in range(len(form.line_ids)):
                with form.line_ids.edit(index) as line:
                    line.score = 80
        evaluation = form.record
        self.assertEqual(evaluation.state, "draft")
        self.assertTrue(evaluation.name.startswith("EV/"))
        self.assertAlmostEqual(evaluation.total_score, 80)
        evaluation.with_user(self.salesperson).action_submit()
        evaluation.with_user(self.manager).action_confirm()
        self.assertEqual(self.mine.freight_grade_id, self.grade_b)

    def test_form_from_customer_context(self):
        Evaluation = self.Evaluation.with_user(self.salesperson).with_context(
            default_partner_id=self.mine.id
        )
        with Form(Evaluation) as form:
            self.assertEqual(form.partner_id, self.mine)
        self.assertEqual(form.record.partner_id, self.mine)

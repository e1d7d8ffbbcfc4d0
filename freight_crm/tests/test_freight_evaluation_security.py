# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import FreightGradingCase


@tagged("post_install", "-at_install")
class TestFreightEvaluationSecurity(FreightGradingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mine = cls._customer("我的客户")
        cls.theirs = cls._customer("别人的客户", user_id=cls.other_salesperson.id)

    def test_salesperson_sees_own_customers_evaluations(self):
        own = self._evaluation(self.mine, 70)
        other = self._evaluation(self.theirs, 70)
        own.action_confirm()
        other.action_confirm()
        Evaluation = self.Evaluation.with_user(self.salesperson)
        visible = Evaluation.search([("id", "in", (own | other).ids)])
        self.assertEqual(visible, own)
        with self.assertRaises(AccessError):
            other.with_user(self.salesperson).read(["total_score"])
        History = self.env["freight.customer.grade.history"].with_user(self.salesperson)
        self.assertEqual(
            History.search([("partner_id", "in", (self.mine | self.theirs).ids)]),
            self.mine.freight_grade_history_ids,
        )

    def test_manager_sees_all(self):
        evaluations = self._evaluation(self.mine, 70) | self._evaluation(
            self.theirs, 70
        )
        visible = self.Evaluation.with_user(self.manager).search(
            [("id", "in", evaluations.ids)]
        )
        self.assertEqual(visible, evaluations)

    def test_salesperson_creates_draft_for_own_customer(self):
        evaluation = self._evaluation(self.mine, 75, user=self.salesperson)
        self.assertEqual(evaluation.state, "draft")
        self.assertAlmostEqual(evaluation.total_score, 75)
        with self.assertRaises(AccessError):
            self._evaluation(self.theirs, 75, user=self.salesperson)

    def test_salesperson_cannot_move_draft_to_other_customer(self):
        evaluation = self._evaluation(self.mine, 75, user=self.salesperson)
        with self.assertRaises(AccessError):
            evaluation.with_user(self.salesperson).partner_id = self.theirs
        self.assertEqual(evaluation.partner_id, self.mine)
        self.assertFalse(self.theirs.freight_evaluation_ids)

    def test_money_fields_hidden_from_salesperson(self):
        partner = self.mine.with_user(self.salesperson)
        with self.assertRaises(AccessError):
            partner.read(["freight_credit_limit"])
        self.assertTrue(
            self.mine.with_user(self.manager).read(["freight_credit_limit"])
        )

    def test_views_load_for_each_role(self):
        for user in (self.salesperson, self.manager):
            for model, view_types in (
                ("res.partner", ("form", "list", "kanban", "search")),
                (
                    "freight.customer.evaluation",
                    ("form", "list", "pivot", "graph", "search"),
                ),
            ):
                with self.subTest(user=user.login, model=model):
                    views = (
                        self.env[model]
                        .with_user(user)
                        .get_views([(False, view_type) for view_type in view_types])
                    )
                    self.assertEqual(set(views["views"]), set(view_types))
        partner_form = (
            self.env["res.partner"]
            .with_user(self.salesperson)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("freight_grade_id", partner_form)
        self.assertNotIn("freight_credit_limit", partner_form)

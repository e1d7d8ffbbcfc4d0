# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, new_test_user


class FreightGradingCase(TransactionCase):
    """Users, grades and criteria shared by the grading tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.salesperson = new_test_user(
            cls.env, login="fg_sales", groups="freight_crm.group_freight_salesperson"
        )
        cls.other_salesperson = new_test_user(
            cls.env, login="fg_sales2", groups="freight_crm.group_freight_salesperson"
        )
        cls.manager = new_test_user(
            cls.env, login="fg_manager", groups="freight_crm.group_freight_manager"
        )
        cls.grade_a = cls.env.ref("freight_crm.grade_a")
        cls.grade_b = cls.env.ref("freight_crm.grade_b")
        cls.grade_c = cls.env.ref("freight_crm.grade_c")
        cls.criteria = cls.env["freight.evaluation.criterion"].search([])
        cls.Partner = cls.env["res.partner"]
        cls.Evaluation = cls.env["freight.customer.evaluation"]

    @classmethod
    def _customer(cls, name="测试客户有限公司", **values):
        return cls.env["res.partner"].create(
            dict(
                {
                    "name": name,
                    "is_company": True,
                    "freight_customer_state": "signed",
                    "user_id": cls.salesperson.id,
                },
                **values,
            )
        )

    def _evaluation(self, partner, scores, user=None):
        """An evaluation of ``partner`` scoring every criterion ``scores``
        (one number for all, or a list in criterion order)."""
        if not isinstance(scores, list | tuple):
            scores = [scores] * len(self.criteria)
        env = self.env(user=user) if user else self.env
        evaluation = env["freight.customer.evaluation"].create(
            {"partner_id": partner.id}
        )
        for line, score in zip(evaluation.line_ids, scores, strict=True):
            line.score = score
        return evaluation

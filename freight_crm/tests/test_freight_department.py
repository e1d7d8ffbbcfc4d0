# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFreightDepartment(TransactionCase):
    """评估小组由运管中心、营销中心、财务部、公司高层组成."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesperson = new_test_user(
            cls.env, login="dept_sales", groups="freight_crm.group_freight_salesperson"
        )
        cls.manager = new_test_user(
            cls.env, login="dept_manager", groups="freight_crm.group_freight_manager"
        )
        cls.finance = cls.env.ref("freight_crm.freight_department_finance")
        cls.finance.user_ids = cls.manager
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "无锡恒通机械有限公司",
                "is_company": True,
                "user_id": cls.salesperson.id,
            }
        )

    def test_new_evaluation_has_the_rulebook_panel(self):
        panel = self.env["freight.department"].search(
            [("on_evaluation_panel", "=", True)]
        )
        self.assertGreaterEqual(len(panel), 4)
        with Form(
            self.env["freight.customer.evaluation"].with_user(self.salesperson)
        ) as form:
            form.partner_id = self.customer
        evaluation = form.save()
        self.assertEqual(evaluation.panel_department_ids, panel)
        self.assertIn(self.manager, evaluation.evaluator_ids)

    def test_departments_are_managed_by_managers(self):
        with self.assertRaises(AccessError):
            self.finance.with_user(self.salesperson).name = "财务中心"
        self.finance.with_user(self.manager).on_evaluation_panel = False
        evaluation = (
            self.env["freight.customer.evaluation"]
            .with_user(self.salesperson)
            .create({"partner_id": self.customer.id})
        )
        self.assertNotIn(self.finance, evaluation.panel_department_ids)

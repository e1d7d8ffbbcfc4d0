# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, new_test_user


class FreightVisitCase(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.salesperson = new_test_user(
            cls.env, login="fv_sales", groups="freight_crm.group_freight_salesperson"
        )
        cls.salesperson2 = new_test_user(
            cls.env, login="fv_sales2", groups="freight_crm.group_freight_salesperson"
        )
        cls.manager = new_test_user(
            cls.env, login="fv_manager", groups="freight_crm.group_freight_manager"
        )
        cls.grade_a = cls.env.ref("freight_crm.grade_a")
        cls.grade_b = cls.env.ref("freight_crm.grade_b")
        cls.grade_c = cls.env.ref("freight_crm.grade_c")
        cls.customer = cls._make_customer("测试客户A有限公司", cls.grade_a)
        cls.other_customer = cls._make_customer(
            "测试客户B有限公司", cls.grade_b, user=cls.salesperson2
        )

    @classmethod
    def _make_customer(cls, name, grade, user=None, state="signed"):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "freight_grade_id": grade.id,
                "freight_customer_state": state,
                "user_id": (user or cls.salesperson).id,
            }
        )

    @classmethod
    def _make_visit(cls, partner, visit_date, state="planned", user=None, **vals):
        return cls.env["freight.visit"].create(
            {
                "partner_id": partner.id,
                "user_id": (user or partner.user_id).id,
                "visit_date": visit_date,
                "state": state,
                **vals,
            }
        )

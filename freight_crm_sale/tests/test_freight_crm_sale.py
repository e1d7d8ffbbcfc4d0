# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.freight_crm.tests.common import FreightContractCase


@tagged("post_install", "-at_install")
class TestFreightCrmSale(FreightContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "上海-洛杉矶 40HQ 海运费", "type": "service", "list_price": 2800}
        )

    def _order(self, partner):
        return self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [(0, 0, {"product_id": self.product.id})],
            }
        )

    def test_grade_a_b_order_blocked_without_contract(self):
        for partner in (self.customer_a, self.customer_b):
            order = self._order(partner)
            with self.assertRaisesRegex(UserError, "no signed contract"):
                order.action_confirm()
            self.assertEqual(order.state, "draft")

    def test_order_of_a_contact_checks_its_company(self):
        contact = self.env["res.partner"].create(
            {"name": "王采购", "parent_id": self.customer_a.id}
        )
        with self.assertRaisesRegex(UserError, "杭州顺达"):
            self._order(contact).action_confirm()

    def test_grade_a_order_confirmed_with_valid_contract(self):
        self._signed_contract(self.customer_a)
        order = self._order(self.customer_a)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_grade_c_order_confirmed_with_reminder(self):
        order = self._order(self.customer_c)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertTrue(
            order.message_ids.filtered(lambda m: "Reminder" in (m.body or ""))
        )

    def test_customer_without_grade_not_gated(self):
        partner = self.env["res.partner"].create({"name": "散客"})
        order = self._order(partner)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_grade_a_customer_under_a_grade_c_company_still_gated(self):
        self.customer_a.write({"is_company": False, "parent_id": self.customer_c.id})
        order = self._order(self.customer_a)
        with self.assertRaisesRegex(UserError, "grade A"):
            order.action_confirm()
        self.assertEqual(order.state, "draft")

    def test_salesperson_confirms_own_grade_a_order_only_with_contract(self):
        self.sales.group_ids += self.env.ref("sales_team.group_sale_salesman")
        order = self._order(self.customer_a)
        order.user_id = self.sales
        order = order.with_user(self.sales)
        with self.assertRaisesRegex(UserError, "杭州顺达"):
            order.action_confirm()
        self._signed_contract(self.customer_a)
        order.action_confirm()
        self.assertEqual(order.state, "sale")


@tagged("post_install", "-at_install")
class TestFreightCrmSalePlainSalesUser(FreightContractCase):
    """A salesperson of the Sales app without any Freight CRM group."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller = new_test_user(
            cls.env, login="fcs_seller", groups="sales_team.group_sale_salesman"
        )
        cls.product = cls.env["product.product"].create(
            {"name": "宁波-汉堡 20GP 海运费", "type": "service", "list_price": 1800}
        )
        cls.walk_in = cls.env["res.partner"].create({"name": "散客王先生"})
        cls.ungraded = cls.env["res.partner"].create(
            {
                "name": "未评级货代客户",
                "is_company": True,
                "freight_customer_state": "admission",
            }
        )

    def _order(self, partner):
        return (
            self.env["sale.order"]
            .with_user(self.seller)
            .create(
                {
                    "partner_id": partner.id,
                    "user_id": self.seller.id,
                    "order_line": [(0, 0, {"product_id": self.product.id})],
                }
            )
        )

    def _reminders(self, record):
        return record.sudo().message_ids.filtered(
            lambda m: "Reminder" in (m.body or "")
        )

    def test_non_freight_customers_confirmed_as_before(self):
        for partner in (self.walk_in, self.ungraded):
            order = self._order(partner)
            order.action_confirm()
            self.assertEqual(order.state, "sale")
            self.assertFalse(self._reminders(order))
            self.assertFalse(self._reminders(partner))

    def test_grade_a_refused_without_access_error(self):
        order = self._order(self.customer_a)
        with self.assertRaisesRegex(UserError, "no signed contract"):
            order.action_confirm()
        self.assertEqual(order.state, "draft")

    def test_grade_c_reminded_once_on_the_order(self):
        order = self._order(self.customer_c)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(len(self._reminders(order)), 1)
        self.assertFalse(self._reminders(self.customer_c))

    def test_grade_a_with_contract_confirmed(self):
        self._signed_contract(self.customer_a)
        order = self._order(self.customer_a)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

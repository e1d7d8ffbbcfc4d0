# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import FreightContractCase


@tagged("post_install", "-at_install")
class TestFreightLifecycle(FreightContractCase):
    """The customer's lifecycle and the actions of the customer form, as
    the salesperson and the manager."""

    def _partner(self, user, **vals):
        return (
            self.env["res.partner"]
            .with_user(user)
            .create(dict({"name": "宁波海运物流有限公司", "is_company": True}, **vals))
        )

    def test_new_potential_customer_is_first_contacted_today(self):
        customer = self._partner(self.sales, freight_customer_state="potential")
        self.assertEqual(
            customer.freight_first_contact_date, fields.Date.context_today(customer)
        )
        self.assertTrue(customer.freight_due_diligence_deadline)
        self.assertIn(
            self.env.ref("freight_crm.mail_activity_due_diligence"),
            customer.activity_ids.activity_type_id,
        )
        # An ordinary contact gets no first contact and no activity.
        contact = self._partner(self.sales)
        self.assertFalse(contact.freight_first_contact_date)
        self.assertFalse(contact.activity_ids)

    def test_web_form_creates_potential_customer(self):
        # The context of the My Customers action, as the web client sends it.
        action = self.env.ref("freight_crm.res_partner_action_freight_my_customer")
        context = {
            key: value
            for key, value in safe_eval(action.context).items()
            if key.startswith("default_")
        }
        form = Form(
            self.env["res.partner"].with_user(self.sales).with_context(**context)
        )
        form.name = "青岛港联国际物流有限公司"
        customer = form.save()
        self.assertEqual(customer.freight_customer_state, "potential")
        self.assertTrue(customer.freight_first_contact_date)

    def test_sign_needs_passed_admission(self):
        customer = self._partner(
            self.sales, freight_customer_state="admission", freight_grade_id=False
        )
        with self.assertRaisesRegex(UserError, "admission"):
            customer.action_freight_sign()
        customer.sudo().freight_admission_passed = True
        customer.action_freight_sign()
        self.assertEqual(customer.freight_customer_state, "signed")

    def test_dormant_and_back(self):
        customer = self._partner(
            self.sales, freight_customer_state="admission", freight_grade_id=False
        )
        with self.assertRaisesRegex(UserError, "Mark Dormant"):
            customer.action_freight_mark_dormant()
        customer.sudo().write(
            {"freight_admission_passed": True, "freight_customer_state": "signed"}
        )
        customer.action_freight_mark_dormant()
        self.assertEqual(customer.freight_customer_state, "dormant")
        customer.action_freight_reactivate()
        self.assertEqual(customer.freight_customer_state, "signed")

    def test_elimination_is_the_managers(self):
        customer = self._partner(self.sales, freight_customer_state="potential")
        with self.assertRaises(AccessError):
            customer.action_freight_eliminate()
        # Nor by a plain write, over RPC or import.
        with self.assertRaises(AccessError):
            customer.write({"freight_customer_state": "eliminated"})
        customer.with_user(self.manager).action_freight_eliminate()
        self.assertEqual(customer.freight_customer_state, "eliminated")
        with self.assertRaises(AccessError):
            customer.write({"freight_customer_state": "potential"})
        # Unchanged values are never refused.
        customer.write({"freight_customer_state": "eliminated", "comment": "已淘汰"})
        customer.with_user(self.manager).action_freight_restore_potential()
        self.assertEqual(customer.freight_customer_state, "potential")

    def test_anonymise_from_the_action_menu_needs_confirmation(self):
        customer = self._partner(self.sales, freight_customer_state="potential")
        Wizard = (
            self.env["freight.anonymise.wizard"]
            .with_user(self.manager)
            .with_context(active_model="res.partner", active_ids=customer.ids)
        )
        wizard = Wizard.create({})
        self.assertEqual(wizard.partner_ids, customer)
        result = wizard.action_anonymise()
        self.assertEqual(result["tag"], "display_notification")
        self.assertFalse(customer.freight_anonymised)
        wizard.confirmed = True
        wizard.action_anonymise()
        self.assertTrue(customer.freight_anonymised)
        with self.assertRaises(AccessError):
            self.env["freight.anonymise.wizard"].with_user(self.sales).create({})

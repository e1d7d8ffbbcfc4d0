# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import FreightContractCase


@tagged("post_install", "-at_install")
class TestFreightContractViews(FreightContractCase):
    def test_customer_form_renders_for_every_role(self):
        confidential = "freight_bank_account"
        for user in (self.sales, self.service, self.manager, self.legal, self.internal):
            arch = (
                self.env["res.partner"]
                .with_user(user)
                .get_views([(False, "form")])["views"]["form"]["arch"]
            )
            self.assertEqual(
                confidential in arch,
                user == self.manager,
                f"{user.login}: bank fields shown to managers only",
            )

    def test_contract_form_as_salesperson(self):
        with Form(self.env["freight.customer.contract"].with_user(self.sales)) as form:
            form.partner_id = self.customer_a
            form.service_scope = "空运出口、清关"
            form.date_start = "2026-12-01"
            form.date_end = "2027-11-30"
            form.is_long_term = True
        contract = form.record
        self.assertTrue(contract.name.startswith("HT"))
        contract.action_submit()
        self.assertEqual(contract.state, "manager_review")

    def test_kpi_views_render(self):
        for view_type in ("list", "pivot", "graph", "search"):
            views = (
                self.env["freight.customer.kpi"]
                .with_user(self.service)
                .get_views([(False, view_type)])
            )
            self.assertIn(view_type, views["views"])

    def test_admission_through_the_form(self):
        partner = self.env["res.partner"].create(
            {
                "name": "嘉兴新丝路纺织有限公司",
                "is_company": True,
                "user_id": self.sales.id,
                "freight_customer_state": "admission",
                "freight_registered_capital": 100000,
            }
        )
        with Form(partner.with_user(self.sales)) as form:
            form.freight_adm_licence_ok = True
            form.freight_adm_no_violation = True
            form.freight_adm_needs_match = True
            form.freight_adm_accepts_credit = True
        self.assertFalse(partner.freight_adm_capital_ok)
        with self.assertRaisesRegex(UserError, "Registered Capital Sufficient"):
            partner.with_user(self.sales).action_freight_pass_admission()

    def test_settings_carry_rulebook_defaults(self):
        # Settings are an administrator's tool (Odoo's ACL on the wizard).
        arch = (
            self.env["res.config.settings"]
            .with_user(self.env.ref("base.user_admin"))
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("freight_kpi_on_time_target", arch)
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.freight_admission_min_capital, 500000.0)
        self.assertEqual(settings.freight_contract_approval_days, 5)
        self.assertEqual(settings.freight_due_diligence_days, 3)
        self.assertEqual(settings.freight_contract_expiry_warning_days, 30)
        self.assertEqual(settings.freight_kpi_intact_target, 99.5)
        settings.freight_contract_approval_days = 7
        settings.execute()
        self.assertEqual(
            self.env["ir.config_parameter"].get_param(
                "freight_crm.contract_approval_days"
            ),
            "7",
        )

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged

from .common import FreightContractCase


@tagged("post_install", "-at_install")
class TestFreightRiskImpact(FreightContractCase):
    """A risk is assessed by its level and its impact (风险等级和影响程度)."""

    def test_salesperson_assesses_impact(self):
        Risk = self.env["freight.customer.risk"].with_user(self.sales)
        form = Form(Risk)
        form.name = "旺季回款周期拉长"
        form.partner_id = self.customer_c
        form.level = "medium"
        self.assertFalse(form.impact)
        form.impact = "moderate"
        risk = form.save()
        self.assertEqual(risk.impact, "moderate")
        risk.impact = "severe"
        self.assertEqual(
            Risk.search([("id", "=", risk.id), ("impact", "=", "severe")]), risk
        )
        self.assertIn("impact", Risk._track_get_fields())
        groups = Risk._read_group(
            [("id", "=", risk.id)], ["level", "impact"], ["__count"]
        )
        self.assertEqual(groups, [("medium", "severe", 1)])

    def test_impact_in_the_views(self):
        Risk = self.env["freight.customer.risk"].with_user(self.sales)
        for view_type in ("list", "form", "search", "pivot"):
            arch = Risk.get_view(view_type=view_type)["arch"]
            self.assertIn('name="impact"', arch, view_type)

    def test_other_salesperson_cannot_read_the_impact(self):
        risk = self.env["freight.customer.risk"].create(
            {"name": "涉诉", "partner_id": self.customer_c.id, "impact": "minor"}
        )
        with self.assertRaises(AccessError):
            risk.with_user(self.sales2).read(["impact"])


@tagged("post_install", "-at_install")
class TestFreightResourceGuarantee(FreightContractCase):
    """The grade policy's resource guarantee (资源保证)."""

    def test_shipped_grades_carry_a_resource_guarantee(self):
        for grade in self.grade_a | self.grade_b | self.grade_c:
            self.assertTrue(grade.resource_guarantee, grade.code)
        self.assertIn("priority", self.grade_a.resource_guarantee)

    def test_customer_file_shows_the_grade_guarantee(self):
        customer = self.customer_a.with_user(self.sales)
        self.assertEqual(
            customer.freight_resource_guarantee, self.grade_a.resource_guarantee
        )
        self.assertEqual(
            self.customer_a.with_user(self.service).freight_resource_guarantee,
            self.grade_a.resource_guarantee,
        )
        arch = customer.get_view(view_type="form")["arch"]
        self.assertIn('name="freight_resource_guarantee"', arch)
        with self.assertRaises(AccessError):
            self.customer_a.with_user(self.internal).read(
                ["freight_resource_guarantee"]
            )

    def test_manager_sets_the_guarantee_salesperson_cannot(self):
        with Form(self.grade_b.with_user(self.manager)) as form:
            form.resource_guarantee = "Reserved space on the main lanes."
        self.assertEqual(
            self.customer_b.freight_resource_guarantee,
            "Reserved space on the main lanes.",
        )
        with self.assertRaises(AccessError):
            self.grade_b.with_user(self.sales).resource_guarantee = "All resources."

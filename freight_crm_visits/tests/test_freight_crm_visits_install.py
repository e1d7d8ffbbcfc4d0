# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFreightCrmVisitsInstall(TransactionCase):
    def test_module_installed_on_top_of_freight_crm(self):
        module = self.env["ir.module.module"].search(
            [("name", "=", "freight_crm_visits")]
        )
        self.assertEqual(module.state, "installed")
        self.assertIn("freight_crm", module.dependencies_id.mapped("name"))
        self.assertIn("survey", module.dependencies_id.mapped("name"))

    def test_demo_visits_in_every_state(self):
        states = set(self.env["freight.visit"].search([]).mapped("state"))
        self.assertEqual(
            states, {"planned", "done", "submitted", "approved", "returned"}
        )

    def test_grade_visit_policy_defaults(self):
        grade_a = self.env.ref("freight_crm.grade_a")
        grade_c = self.env.ref("freight_crm.grade_c")
        self.assertEqual(grade_a.freight_potential_visit_interval_months, 1)
        self.assertEqual(grade_a.freight_potential_visit_channel, "face_to_face")
        self.assertEqual(grade_c.freight_potential_visit_interval_months, 6)
        self.assertEqual(grade_c.freight_potential_visit_channel, "survey")

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import FreightComplaintCase, shanghai


@tagged("post_install", "-at_install")
class TestFreightComplaintPenalty(FreightComplaintCase):
    """Penalties on the employee responsible for a complaint, confirmed by
    another manager, deducted in the employee's appraisal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager2 = new_test_user(
            cls.env, login="fcc_t_manager2", groups="freight_crm.group_freight_manager"
        )
        cls.env["ir.config_parameter"].set_param(
            "freight_crm.allow_self_approval", False
        )
        cls.complaint = cls._complaint(
            shanghai(2026, 3, 2, 10), complaint_class="important"
        )
        cls.complaint.sudo().write(
            {
                "freight_root_cause_id": cls.cause_documents.id,
                "freight_responsible_type": "department",
            }
        )
        cls.Penalty = cls.env["freight.complaint.penalty"]

    def _penalty(self, **values):
        return self.Penalty.with_user(self.manager).create(
            {
                "ticket_id": self.complaint.id,
                "date": "2026-03-05",
                "reason": "舱单品名录入错误。",
                **values,
            }
        )

    def test_penalty_proposed_from_complaint_and_confirmed(self):
        penalty = self._penalty()
        self.assertEqual(penalty.user_id, self.complaint.freight_first_owner_id)
        self.assertEqual(penalty.points, 5)
        self.assertEqual(penalty.partner_id, self.customer)
        with self.assertRaises(UserError):
            penalty.write({"state": "confirmed"})
        penalty.action_confirm()
        self.assertEqual(penalty.state, "confirmed")
        self.assertEqual(penalty.confirmed_by_id, self.manager)
        with self.assertRaisesRegex(UserError, "stays as decided"):
            penalty.write({"points": 1})
        with self.assertRaisesRegex(UserError, "kept on file"):
            penalty.unlink()
        self.assertEqual(self.complaint.freight_penalty_count, 1)

    def test_four_eyes_and_roles(self):
        penalty = self._penalty(user_id=self.manager.id)
        with self.assertRaisesRegex(UserError, "your own work"):
            penalty.action_confirm()
        penalty.with_user(self.manager2).action_confirm()
        with self.assertRaises(AccessError):
            self.Penalty.with_user(self.service).create(
                {"ticket_id": self.complaint.id, "reason": "x"}
            )
        own = self._penalty(user_id=self.service.id)
        self.assertEqual(self.Penalty.with_user(self.service).search([]), own)
        with self.assertRaises(AccessError):
            own.with_user(self.service).action_cancel()
        with self.assertRaises(AccessError):
            penalty.with_user(self.salesperson).read(["reason"])

    def test_only_own_staff_complaints_and_valid_figures(self):
        self.complaint.sudo().freight_responsible_type = "supplier"
        with self.assertRaisesRegex(ValidationError, "own staff"):
            self._penalty()
        self.complaint.sudo().freight_responsible_type = "department"
        with self.assertRaisesRegex(ValidationError, "0 to 100"):
            self._penalty(points=-3)
        with self.assertRaisesRegex(ValidationError, "0 to 100"):
            self._penalty(amount=-100)

    def test_confirmed_points_deducted_in_appraisal(self):
        self._penalty(user_id=self.service.id).action_confirm()
        self._penalty(user_id=self.service.id, date="2026-05-02").action_confirm()
        cancelled = self._penalty(user_id=self.service.id, points=8)
        cancelled.action_confirm()
        cancelled.action_cancel()
        appraisal = (
            self.env["freight.staff.appraisal"]
            .with_user(self.manager)
            .create(
                {
                    "user_id": self.service.id,
                    "period_start": "2026-01-01",
                    "period_end": "2026-03-31",
                }
            )
        )
        for line in appraisal.line_ids:
            line.actual = line.target
        appraisal.action_confirm()
        self.assertEqual(appraisal.penalty_points, 5)
        self.assertAlmostEqual(appraisal.final_score, 95)

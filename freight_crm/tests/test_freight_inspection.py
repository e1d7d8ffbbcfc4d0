# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged

DUE = "freight_crm.mail_activity_inspection_due"
RECTIFY = "freight_crm.mail_activity_inspection_rectification"
VERIFY = "freight_crm.mail_activity_inspection_verification"


@tagged("post_install", "-at_install")
class TestFreightInspection(TransactionCase):
    """Supervision inspections: held by managers, findings rectified by
    their owners and verified by another manager; the periodic plan."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales = new_test_user(
            cls.env, login="in_sales", groups="freight_crm.group_freight_salesperson"
        )
        cls.sales2 = new_test_user(
            cls.env, login="in_sales2", groups="freight_crm.group_freight_salesperson"
        )
        cls.service = new_test_user(
            cls.env, login="in_service", groups="freight_crm.group_freight_service"
        )
        cls.manager = new_test_user(
            cls.env, login="in_manager", groups="freight_crm.group_freight_manager"
        )
        cls.env["ir.config_parameter"].set_param(
            "freight_crm.allow_self_approval", False
        )
        cls.Inspection = cls.env["freight.inspection"]
        cls.Finding = cls.env["freight.inspection.finding"]

    def _inspection(self, **values):
        return self.Inspection.with_user(self.manager).create(
            {
                "name": "客户档案季度检查",
                "date": "2026-03-10",
                "department": "marketing",
                "conclusion": "档案总体完整。",
                **values,
            }
        )

    def _finding(self, inspection, owner, **values):
        return self.Finding.with_user(self.manager).create(
            {
                "inspection_id": inspection.id,
                "name": "合同过期未续签",
                "owner_id": owner.id,
                "deadline": "2026-03-31",
                **values,
            }
        )

    @freeze_time("2026-03-12")
    def test_rectified_by_owner_verified_by_manager(self):
        inspection = self._inspection()
        finding = self._finding(inspection, self.sales)
        self.assertFalse(finding.activity_ids)
        inspection.action_done()
        self.assertEqual(inspection.state, "done")
        self.assertEqual(finding.activity_ids.activity_type_id, self.env.ref(RECTIFY))
        self.assertEqual(finding.activity_ids.user_id, self.sales)
        as_owner = finding.with_user(self.sales)
        with self.assertRaisesRegex(UserError, "describe the rectification"):
            as_owner.action_rectify()
        as_owner.rectification_note = "已续签合同。"
        as_owner.action_rectify()
        self.assertEqual(finding.state, "rectified")
        self.assertEqual(finding.activity_ids.activity_type_id, self.env.ref(VERIFY))
        self.assertEqual(finding.activity_ids.user_id, self.manager)
        with self.assertRaises(AccessError):
            as_owner.action_verify()
        with self.assertRaisesRegex(UserError, "not verified yet"):
            inspection.action_close()
        finding.with_user(self.manager).action_reopen()
        self.assertEqual(finding.state, "open")
        as_owner.action_rectify()
        finding.with_user(self.manager).action_verify()
        self.assertEqual(finding.state, "verified")
        self.assertEqual(finding.verified_by_id, self.manager)
        inspection.action_close()
        self.assertEqual(inspection.state, "closed")

    @freeze_time("2026-03-12")
    def test_owner_cannot_verify_own_finding(self):
        inspection = self._inspection()
        finding = self._finding(inspection, self.manager, rectification_note="已整改")
        inspection.action_done()
        finding.with_user(self.manager).action_rectify()
        with self.assertRaisesRegex(UserError, "your own work"):
            finding.with_user(self.manager).action_verify()

    def test_deadline_before_inspection_refused(self):
        inspection = self._inspection()
        with self.assertRaisesRegex(ValidationError, "before the inspection date"):
            self._finding(inspection, self.sales, deadline="2026-03-01")
        self._finding(inspection, self.sales)
        with self.assertRaisesRegex(ValidationError, "before the inspection date"):
            inspection.date = "2026-04-15"

    @freeze_time("2026-04-05")
    def test_overdue_rectification_visible(self):
        inspection = self._inspection()
        late = self._finding(inspection, self.sales)
        on_time = self._finding(inspection, self.sales, deadline="2026-04-30")
        inspection.action_done()
        overdue = self.Finding.with_user(self.sales).search([("is_overdue", "=", True)])
        self.assertEqual(overdue, late)
        self.assertTrue(late.is_overdue)
        self.assertFalse(on_time.is_overdue)

    @freeze_time("2026-03-12")
    def test_roles_and_forged_states(self):
        inspection = self._inspection()
        mine = self._finding(inspection, self.sales)
        theirs = self._finding(inspection, self.service)
        with self.assertRaises(AccessError):
            self.Inspection.with_user(self.sales).create(
                {"name": "自查", "date": "2026-03-12"}
            )
        with self.assertRaises(AccessError):
            self.Finding.with_user(self.sales).create(
                {
                    "inspection_id": inspection.id,
                    "name": "x",
                    "owner_id": self.sales.id,
                    "deadline": "2026-04-01",
                }
            )
        self.assertEqual(self.Finding.with_user(self.sales).search([]), mine)
        self.assertEqual(self.Inspection.with_user(self.sales).search([]), inspection)
        self.assertFalse(self.Inspection.with_user(self.sales2).search([]))
        with self.assertRaises(AccessError):
            theirs.with_user(self.sales).read(["name"])
        as_owner = mine.with_user(self.sales)
        for vals in (
            {"state": "verified"},
            {"verified_by_id": self.sales.id},
            {"rectified_date": "2026-03-12"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                as_owner.write(vals)
        for vals in ({"deadline": "2026-12-31"}, {"owner_id": self.sales2.id}):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                as_owner.write(vals)
        with self.assertRaises(UserError):
            inspection.write({"state": "closed"})
        with self.assertRaises(AccessError):
            inspection.with_user(self.sales).action_done()
        with self.assertRaisesRegex(UserError, "not done yet"):
            as_owner.write({"rectification_note": "已处理"})
            as_owner.action_rectify()

    def test_cron_plans_next_inspection_when_due(self):
        self.Inspection.sudo().search([]).write({"state": "closed"})
        self.Inspection.sudo().search([]).write({"date": "2025-01-01"})
        self.env["ir.config_parameter"].set_param(
            "freight_crm.inspection_interval_months", 3
        )
        with freeze_time("2026-01-05"):
            done = self._inspection(date="2026-01-05")
            done.action_done()
        with freeze_time("2026-03-20"):
            self.assertFalse(self.Inspection._cron_freight_plan_inspection())
        with freeze_time("2026-04-05"):
            planned = self.Inspection._cron_freight_plan_inspection()
            self.assertEqual(planned.state, "planned")
            self.assertEqual(str(planned.date), "2026-04-05")
            self.assertEqual(planned.inspector_id, self.manager)
            activity = planned.activity_ids
            self.assertEqual(activity.activity_type_id, self.env.ref(DUE))
            self.assertEqual(activity.user_id, self.manager)
            # Planned once: the next run waits for it to be held.
            self.assertFalse(self.Inspection._cron_freight_plan_inspection())
        settings = self.env["res.config.settings"].create(
            {"freight_inspection_interval_months": 6}
        )
        settings.execute()
        self.assertEqual(self.Inspection._freight_interval_months(), 6)
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create(
                {"freight_inspection_interval_months": 0}
            )

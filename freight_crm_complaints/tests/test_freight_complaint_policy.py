# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The guard policy of complaints, tested field by field and role by role
from the policy table itself: a changed value is refused on create and on
write, the default or unchanged value is accepted."""

from contextlib import contextmanager
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.freight_crm.models.freight_workflow_guard import (
    COMPUTED,
    PARENT,
    WORKFLOW,
)

from .common import FreightComplaintCase, shanghai

REFUSED = (UserError, ValidationError, AccessError)
# Roles that create and edit complaints of the test customer.
HANDLERS = ("service", "salesperson", "supervisor", "manager")
ROLES = HANDLERS + ("other_salesperson", "portal")


@tagged("post_install", "-at_install")
class TestFreightComplaintPolicy(FreightComplaintCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_salesperson = new_test_user(
            cls.env,
            login="fcc_t_sales_z",
            groups="freight_crm.group_freight_salesperson",
        )
        contact = cls.env["res.partner"].create(
            {"name": "李雷", "parent_id": cls.customer.id}
        )
        cls.portal = new_test_user(
            cls.env,
            login="fcc_t_policy_portal",
            groups="base.group_portal",
            partner_id=contact.id,
        )
        cls.ticket = cls._complaint(shanghai(2026, 11, 23, 9, 0))
        cls.policy = cls.env["helpdesk.ticket"]._freight_guard_policy()
        cls.grade = cls.env["freight.customer.grade"].search([], limit=1)

    @contextmanager
    def assertRefused(self):
        """Refused with a clean error (of any of the three kinds), nothing
        written."""
        try:
            with self.env.cr.savepoint():
                yield
        except REFUSED:
            self.env.invalidate_all()
            return
        self.fail("not refused")

    def _user(self, role):
        return getattr(self, role)

    def _changed_value(self, name, current):
        """A value different from ``current`` that a client could send."""
        field = self.env["helpdesk.ticket"]._fields[name]
        if field.type == "boolean":
            return not current
        if field.type == "integer":
            return 3 if current != 3 else 1
        if field.type == "float":
            return 50.0 if current != 50.0 else 10.0
        if field.type == "datetime":
            # In the past, so that only the policy refuses it.
            current = fields.Datetime.to_datetime(current) or fields.Datetime.now()
            return current - timedelta(days=1)
        if field.type == "selection":
            values = [v for v, _label in field._description_selection(self.env)]
            return next(v for v in values if v != current)
        if field.type == "many2one":
            candidates = {
                # Nobody of ROLES: not the receiver of a new complaint.
                "res.users": self.department,
                "freight.customer.grade": self.grade,
                "freight.complaint.root.cause": self.cause_price.parent_id,
            }
            return candidates[field.comodel_name].id
        raise AssertionError(f"no test value for {name}")

    def _may_set(self, rule, user, on_create):
        if rule in (WORKFLOW, COMPUTED, PARENT):
            return False
        return user.has_group(rule)

    def test_policy_covers_the_workflow_fields(self):
        for name in (
            "freight_solution_state",
            "freight_approved_by_id",
            "freight_escalation_level",
            "freight_first_owner_id",
            "freight_intake_date",
            "freight_deadline",
        ):
            self.assertIn(name, self.policy)

    def test_create_with_changed_value_refused(self):
        base = {
            "name": "运费结算错误",
            "description": "<p>账单金额不对。</p>",
            "team_id": self.cs_team.id,
            "partner_id": self.customer.id,
            "freight_intake_date": shanghai(2026, 11, 23, 9, 0),
        }
        defaults = self.env["helpdesk.ticket"].default_get(list(self.policy))
        for name, rule in self.policy.items():
            if name == "freight_intake_date":
                continue  # set at intake by anyone: tested below
            if self.env["helpdesk.ticket"]._fields[name].type == "datetime":
                current = base["freight_intake_date"] + timedelta(days=3)
            else:
                current = defaults.get(name)
            value = self._changed_value(name, current)
            for role in ROLES:
                user = self._user(role)
                with self.subTest(field=name, role=role):
                    Ticket = self.env["helpdesk.ticket"].with_user(user)
                    if self._may_set(rule, user, True):
                        Ticket.create(dict(base, **{name: value}))
                        continue
                    with self.assertRefused():
                        Ticket.create(dict(base, **{name: value}))

    def test_create_with_default_values_accepted(self):
        """The web form sends every field with its default: never refused."""
        names = [n for n in self.policy if n != "freight_intake_date"]
        for role in HANDLERS:
            user = self._user(role)
            Ticket = self.env["helpdesk.ticket"].with_user(user)
            defaults = Ticket.default_get(names)
            with self.subTest(role=role):
                ticket = Ticket.create(
                    dict(
                        {name: defaults.get(name, False) for name in names},
                        name="订舱确认延迟",
                        description="<p>订舱确认晚了两天。</p>",
                        team_id=self.cs_team.id,
                        partner_id=self.customer.id,
                        freight_first_owner_id=user.id,
                    )
                )
                self.assertTrue(ticket.freight_is_complaint)
                self.assertEqual(ticket.sudo().freight_first_owner_id, user)

    def test_write_changed_value_refused_unchanged_accepted(self):
        ticket_su = self.ticket.sudo()
        for name, rule in self.policy.items():
            current = ticket_su[name]
            current = current.id if hasattr(current, "_name") else current
            value = self._changed_value(name, current)
            for role in ROLES:
                user = self._user(role)
                ticket = self.ticket.with_user(user)
                with self.subTest(field=name, role=role):
                    if role in HANDLERS:
                        # Unchanged value: accepted.
                        ticket.write({name: current})
                    if role in HANDLERS and self._may_set(rule, user, False):
                        ticket.write({name: value})
                        ticket.write({name: current})
                        continue
                    with self.assertRefused():
                        ticket.write({name: value})

    def test_intake_date_at_intake_only_and_never_in_the_future(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.service)
        vals = {
            "name": "报关延误",
            "description": "<p>报关晚了一天。</p>",
            "team_id": self.cs_team.id,
            "partner_id": self.customer.id,
        }
        # A complaint received by phone yesterday is recorded today.
        backdated = Ticket.create(
            dict(vals, freight_intake_date=shanghai(2026, 11, 20, 9, 0))
        )
        self.assertEqual(backdated.freight_intake_date, shanghai(2026, 11, 20, 9, 0))
        for bad in ("2099-01-01 00:00:00", "9999-12-30 00:00:00", False):
            with self.subTest(value=bad), self.assertRaises(ValidationError):
                Ticket.create(dict(vals, freight_intake_date=bad))
            with self.subTest(value=bad), self.assertRefused():
                backdated.write({"freight_intake_date": bad})
            with (
                self.subTest(value=bad, role="manager"),
                self.assertRaises(ValidationError),
            ):
                backdated.with_user(self.manager).write({"freight_intake_date": bad})
        with self.assertRaises(AccessError):
            backdated.write({"freight_intake_date": shanghai(2026, 11, 19, 9, 0)})
        backdated.with_user(self.manager).write(
            {"freight_intake_date": shanghai(2026, 11, 19, 9, 0)}
        )
        self.assertEqual(backdated.freight_intake_date, shanghai(2026, 11, 19, 9, 0))

    def test_closing_stage_gated_on_create(self):
        Ticket = self.env["helpdesk.ticket"].with_user(self.service)
        vals = {
            "name": "货物破损",
            "description": "<p>货物破损。</p>",
            "team_id": self.cs_team.id,
            "partner_id": self.customer.id,
            "freight_intake_date": shanghai(2026, 11, 23, 9, 0),
        }
        for stage in (
            self.stage_done,
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done"),
        ):
            with self.subTest(stage=stage.name), self.assertRaises(UserError):
                Ticket.create(dict(vals, stage_id=stage.id))

    def test_solution_actions_return_true_and_four_eyes(self):
        tickets = self.ticket | self._complaint(shanghai(2026, 11, 23, 10, 0))
        tickets.sudo().write(
            {
                "freight_root_cause_id": self.cause_documents.id,
                "freight_cause_analysis": "<p>单证录入错误。</p>",
                "freight_corrective_measures": "<p>双人复核。</p>",
            }
        )
        as_supervisor = tickets.with_user(self.supervisor)
        self.assertIs(as_supervisor.action_freight_submit_solution(), True)
        with self.assertRaisesRegex(UserError, "your own work"):
            as_supervisor.action_freight_approve_solution()
        self.assertEqual(set(tickets.mapped("freight_solution_state")), {"to_approve"})
        self.assertIs(as_supervisor.action_freight_reset_solution(), True)
        as_service = tickets.with_user(self.service)
        self.assertIs(as_service.action_freight_submit_solution(), True)
        self.assertIs(as_supervisor.action_freight_approve_solution(), True)
        self.assertIs(as_service.action_freight_execute_solution(), True)
        self.assertEqual(set(tickets.mapped("freight_solution_state")), {"executed"})
        with self.assertRaises(UserError):
            self.env["helpdesk.ticket"].with_user(
                self.service
            ).action_freight_submit_solution()

    def test_callback_in_own_name_only_and_not_edited(self):
        Callback = self.env["freight.complaint.callback"].with_user(self.service)
        with self.assertRaises(UserError):
            Callback.create(
                {"ticket_id": self.ticket.id, "user_id": self.supervisor.id}
            )
        callback = Callback.create(
            {"ticket_id": self.ticket.id, "result": "rejected", "satisfaction": 40}
        )
        self.assertEqual(callback.user_id, self.service)
        for vals in (
            {"result": "accepted"},
            {"satisfaction": 100 - callback.satisfaction},
            {"user_id": self.supervisor.id},
            {"ticket_id": self._complaint(shanghai(2026, 11, 23, 10, 0)).id},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                callback.write(vals)
        callback.write({"note": "客户要求再次核实。"})

    def test_no_close_after_rejected_callback(self):
        Callback = self.env["freight.complaint.callback"].with_user(self.service)
        Callback.create(
            {"ticket_id": self.ticket.id, "result": "rejected", "satisfaction": 40}
        )
        # The rejection escalated the complaint instead.
        self.assertEqual(self.ticket.sudo().freight_escalation_level, 1)
        with self.assertRaisesRegex(UserError, "rejected the resolution"):
            self.ticket.with_user(self.service).stage_id = self.stage_done
        later = Callback.create(
            {"ticket_id": self.ticket.id, "result": "accepted", "satisfaction": 85}
        )
        later.sudo().date = later.date + timedelta(minutes=1)
        self.ticket.with_user(self.service).stage_id = self.stage_done
        self.assertTrue(self.ticket.closed)

    def test_nan_deadline_factor_counts_as_one(self):
        reference = self._complaint(
            shanghai(2026, 11, 23, 9, 0), partner_id=self.other_customer.id
        )
        self.env.cr.execute(
            "UPDATE freight_customer_grade SET complaint_deadline_factor = 'NaN' "
            "WHERE id = %s",
            (self.grade.id,),
        )
        self.env.cr.execute(
            "UPDATE res_partner SET freight_grade_id = %s WHERE id = %s",
            (self.grade.id, self.customer.id),
        )
        self.env.invalidate_all()
        ticket = self._complaint(shanghai(2026, 11, 23, 9, 0))
        self.assertEqual(ticket.freight_deadline, reference.freight_deadline)

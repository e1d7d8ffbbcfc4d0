# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta
from itertools import count

import psycopg2

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.freight_crm.models.freight_workflow_guard import (
    COMPUTED,
    PARENT,
    WORKFLOW,
)
from odoo.addons.freight_crm.tools.settings_table import freight_setting_value

from ..models.common import add_months
from ..tools.settings import SETTINGS
from .common import FreightVisitCase

ROLES = ("salesperson", "other_salesperson", "service", "manager")
# AccessError is a UserError.
REFUSALS = (UserError, ValidationError)


class _Accepted(Exception):
    """Raised to roll an accepted call back."""


class FreightGuardCase(FreightVisitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.service = new_test_user(
            cls.env, login="fv_service", groups="freight_crm.group_freight_service"
        )
        cls.users = {
            "salesperson": cls.salesperson,
            "other_salesperson": cls.salesperson2,
            "service": cls.service,
            "manager": cls.manager,
        }
        cls.third_customer = cls._make_customer("测试客户C有限公司", cls.grade_b)
        cls.other_customer2 = cls._make_customer(
            "测试客户D有限公司", cls.grade_b, user=cls.salesperson2
        )
        cls.service_customer = cls._make_customer(
            "测试客户E有限公司", cls.grade_b, user=cls.service
        )
        cls.company_b = cls.env["res.company"].create({"name": "货代二公司"})
        cls.manager.company_ids |= cls.company_b
        cls.days = count(1)

    @classmethod
    def _next_date(cls):
        return date(2025, 1, 1) + timedelta(days=next(cls.days))

    @classmethod
    def _make_review(cls, user=None, state="draft"):
        return cls.env["freight.visit.review"].create(
            {
                "user_id": (user or cls.salesperson).id,
                "date": cls._next_date(),
                "state": state,
            }
        )

    def _refused(self, method, vals):
        """Whether ``method(vals)`` is refused; nothing of it is kept, even
        when it is accepted (each cell starts from the same data)."""
        try:
            with self.env.cr.savepoint(), mute_logger("odoo.sql_db"):
                method(vals)
                self.env.flush_all()
                raise _Accepted
        except _Accepted:
            self.env.invalidate_all()
            return False
        except REFUSALS:
            self.env.invalidate_all()
            return True


@tagged("post_install", "-at_install")
class TestVisitGuardPolicy(FreightGuardCase):
    """Generated from each model's policy table: every guarded field x every
    role x create and write; a changed value refused unless the rule lets
    the role set it, the default or unchanged value always accepted."""

    # Fixtures per model: the record each role acts on, a record that has
    # left its open state, the create values of a role and a changed value.

    def _customer_of(self, role):
        return {
            "salesperson": self.customer,
            "other_salesperson": self.other_customer,
            "service": self.service_customer,
            "manager": self.customer,
        }[role]

    def _visit_fixture(self, role):
        # The other salesperson acts on a colleague's visit.
        owner = self.service if role == "service" else self.salesperson
        partner = self.service_customer if role == "service" else self.customer

        def record(state="planned"):
            return self._make_visit(partner, date(2026, 3, 9), state=state, user=owner)

        def changed(name):
            second = {
                "other_salesperson": self.other_customer2,
            }.get(role, self.third_customer)
            colleague = (
                self.salesperson if role == "other_salesperson" else self.salesperson2
            )
            return {
                "state": "approved",
                "approver_id": self.manager.id,
                "approval_date": date(2026, 3, 10),
                "return_reason": "Returned by hand",
                "partner_id": second.id,
                "user_id": colleague.id,
            }[name]

        def create_vals():
            return {
                "partner_id": self._customer_of(role).id,
                "visit_date": date(2026, 3, 9),
            }

        return record, lambda: record("done"), create_vals, changed

    def _review_fixture(self, role):
        # Someone else than the role itself: a review of another salesperson.
        other = (
            self.salesperson
            if self.users[role] == self.salesperson2
            else self.salesperson2
        )

        def changed(name):
            return {
                "state": "submitted",
                "reviewer_id": self.manager.id,
                "figures_source": "invoice",
                "submitted_date": self._next_date(),
                "total_volume": 99.0,
                "total_overdue": 99.0,
                "user_id": other.id,
                "date": self._next_date(),
                "company_id": self.company_b.id,
            }[name]

        def create_vals():
            if role == "manager":
                return {"user_id": self.salesperson.id, "date": self._next_date()}
            # A salesperson files their own review, dated today.
            return {}

        return self._make_review, None, create_vals, changed

    def _line_fixture(self, role):
        def record(state="draft"):
            review = self._make_review(state=state)
            return self.env["freight.visit.review.line"].create(
                {"review_id": review.id, "partner_id": self.customer.id}
            )

        def changed(name):
            return {
                "review_id": self._make_review().id,
                "partner_id": self.third_customer.id,
                "manager_mark": "ok",
                "manager_note": "Checked",
                "user_id": self.salesperson2.id,
                "state": "reviewed",
            }[name]

        def create_vals():
            return {
                "review_id": self._make_review().id,
                "partner_id": self.customer.id,
            }

        return record, lambda: record("submitted"), create_vals, changed

    def _allowed(self, rule, user):
        if rule in (WORKFLOW, COMPUTED):
            return False
        if rule == PARENT:
            return True
        return user.has_group(rule)

    @staticmethod
    def _as_vals(field, value):
        if field.type == "many2one":
            return value.id
        return value

    def _check_policy(self, model_name, fixture):
        model = self.env[model_name]
        policy = model._freight_guard_policy()
        self.assertTrue(policy)
        for role in ROLES:
            user = self.users[role]
            record, closed_record, create_vals, changed = fixture(role)
            as_user = model.with_user(user)
            for name, rule in policy.items():
                field = model._fields[name]
                allowed = self._allowed(rule, user)
                with self.subTest(model=model_name, field=name, role=role, op="write"):
                    target = record().with_user(user)
                    writable = target.has_access("write")
                    current = self._as_vals(field, target.sudo()[name])
                    self.assertEqual(
                        self._refused(target.write, {name: current}),
                        not writable,
                        "unchanged value",
                    )
                    refused = self._refused(target.write, {name: changed(name)})
                    self.assertEqual(refused, not (writable and allowed), "changed")
                    if refused:
                        self.assertEqual(
                            self._as_vals(field, target.sudo()[name]), current, "kept"
                        )
                if rule == PARENT and closed_record:
                    with self.subTest(
                        model=model_name, field=name, role=role, op="write closed"
                    ):
                        target = closed_record().with_user(user)
                        self.assertTrue(
                            self._refused(target.write, {name: changed(name)})
                        )
                if not as_user.has_access("create"):
                    continue
                with self.subTest(model=model_name, field=name, role=role, op="create"):
                    defaults = as_user.default_get([name])
                    if name in defaults or not (field.required or field.related):
                        vals = {**create_vals(), name: defaults.get(name, False)}
                        self.assertFalse(self._refused(as_user.create, vals), "default")
                    vals = {**create_vals(), name: changed(name)}
                    self.assertEqual(
                        self._refused(as_user.create, vals), not allowed, "changed"
                    )

    def test_visit_policy(self):
        self._check_policy("freight.visit", self._visit_fixture)

    def test_review_policy(self):
        self._check_policy("freight.visit.review", self._review_fixture)

    def test_review_line_policy(self):
        self._check_policy("freight.visit.review.line", self._line_fixture)


@tagged("post_install", "-at_install")
class TestVisitGuardRegressions(FreightGuardCase):
    """Each way around the rulebook once found, tried as the restricted user."""

    def setUp(self):
        super().setUp()
        self.Visit = self.env["freight.visit"].with_user(self.salesperson)
        self.base = {"partner_id": self.customer.id, "visit_date": date(2026, 3, 9)}

    def _approved_visit(self):
        visit = self.Visit.create({**self.base, "actual_content": "Met the CEO."})
        visit.action_done()
        visit.action_submit()
        visit.with_user(self.manager).action_approve()
        return visit

    def test_create_approved_refused(self):
        with self.assertRaisesRegex(UserError, "set by the workflow"):
            self.Visit.create(
                {**self.base, "state": "approved", "approver_id": self.manager.id}
            )

    def test_create_submitted_or_returned_refused(self):
        for state in ("submitted", "returned"):
            with self.assertRaisesRegex(UserError, "set by the workflow"):
                self.Visit.create({**self.base, "state": state})
        self.assertFalse(self.Visit.search([("partner_id", "=", self.customer.id)]))

    def test_approval_date_and_return_reason_by_hand_refused(self):
        visit = self.Visit.create(self.base)
        for vals in (
            {"approval_date": date(2026, 3, 9)},
            {"return_reason": "none"},
        ):
            with self.assertRaisesRegex(UserError, "set by the workflow"):
                visit.write(vals)
            with self.assertRaisesRegex(UserError, "set by the workflow"):
                self.Visit.create({**self.base, **vals})

    def test_approved_visit_never_back_to_planned_nor_deleted(self):
        visit = self._approved_visit()
        for user in (self.salesperson, self.manager):
            with self.assertRaisesRegex(UserError, "set by the workflow"):
                visit.with_user(user).write({"state": "planned"})
            with self.assertRaisesRegex(UserError, "Only planned visits"):
                visit.with_user(user).unlink()
        # Even reset by superuser code, a visit once approved stays.
        visit.sudo().write({"state": "planned"})
        with self.assertRaisesRegex(UserError, "Only planned visits"):
            visit.with_user(self.manager).unlink()

    def test_customer_and_salesperson_fixed_once_held(self):
        visit = self.Visit.create(self.base)
        visit.write({"partner_id": self.third_customer.id})
        visit.action_done()
        with self.assertRaisesRegex(UserError, "cannot be changed any more"):
            visit.write({"partner_id": self.customer.id})
        with self.assertRaisesRegex(UserError, "cannot be changed any more"):
            visit.write({"user_id": self.salesperson2.id})

    def test_salesperson_must_be_internal_user(self):
        portal = new_test_user(self.env, login="fv_portal", groups="base.group_portal")
        with self.assertRaisesRegex(ValidationError, "internal user"):
            self.Visit.create({**self.base, "user_id": portal.id})

    def test_salesperson_cannot_mark_review_reviewed(self):
        review = self._make_review()
        with self.assertRaisesRegex(UserError, "set by the workflow"):
            review.with_user(self.salesperson).write(
                {"state": "reviewed", "reviewer_id": self.manager.id}
            )
        self.assertEqual(review.state, "draft")
        self.assertFalse(review.reviewer_id)

    def test_line_not_moved_into_colleague_review(self):
        review = self._make_review()
        line = self.env["freight.visit.review.line"].create(
            {"review_id": review.id, "partner_id": self.customer.id}
        )
        theirs = self._make_review(user=self.salesperson2)
        with self.assertRaises(UserError):
            line.with_user(self.salesperson).write({"review_id": theirs.id})
        # Nor into a review of one's own that was already submitted.
        submitted = self._make_review(state="submitted")
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            line.with_user(self.manager).write({"review_id": submitted.id})
        self.assertEqual(line.review_id, review)

    def test_four_eyes_on_visits(self):
        visit = self._make_visit(
            self.customer,
            date(2026, 3, 9),
            state="submitted",
            user=self.manager,
            actual_content="Visited myself.",
        )
        with self.assertRaisesRegex(UserError, "your own work"):
            visit.with_user(self.manager).action_approve()
        with self.assertRaisesRegex(UserError, "your own work"):
            visit.with_user(self.manager).action_return(reason="Redo")
        self.assertEqual(visit.state, "submitted")
        self.env["ir.config_parameter"].sudo().set_param(
            "freight_crm.allow_self_approval", "True"
        )
        self.assertIs(visit.with_user(self.manager).action_approve(), True)
        self.assertEqual(visit.state, "approved")

    def test_four_eyes_on_reviews(self):
        review = self._make_review(user=self.manager, state="submitted")
        with self.assertRaisesRegex(UserError, "your own work"):
            review.with_user(self.manager).action_mark_reviewed()
        self.assertEqual(review.state, "submitted")

    def test_dates_beyond_the_calendar_refused_cleanly(self):
        with self.assertRaisesRegex(ValidationError, "year must lie between"):
            self.Visit.create({**self.base, "visit_date": "9999-12-31"})
        visit = self.Visit.create(self.base)
        with self.assertRaisesRegex(ValidationError, "year must lie between"):
            visit.write({"visit_date": "9999-12-31"})
        visit.write({"visit_date": "2999-12-31"})
        with self.assertRaisesRegex(UserError, "dated in the future"):
            visit.action_done()
        self.assertEqual(visit.state, "planned")

    def test_absurd_visit_interval_does_not_overflow(self):
        self._make_visit(self.customer, date(2026, 1, 10), state="approved")
        self.grade_a.freight_potential_visit_interval_months = 1200
        self.customer.freight_customer_state = "potential"
        self.assertEqual(self.customer.freight_next_visit_date, date(2126, 1, 10))
        # A signed customer's interval comes from freight_crm's grade: an
        # absurd one is capped at the last date the workflow stores.
        self.assertEqual(add_months(date(2026, 1, 10), 2147483647), date(2999, 12, 31))
        self.assertEqual(add_months(date(2999, 6, 1), 11), date(2999, 12, 31))
        with (
            self.assertRaises(psycopg2.IntegrityError),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.grade_a.freight_potential_visit_interval_months = 2147483647
            self.env.flush_all()

    def test_actions_on_several_and_no_records(self):
        visits = self.Visit.create([self.base, self.base])
        self.assertIs(visits.action_done(), True)
        visits.write({"actual_content": "Both held."})
        self.assertIs(visits.action_submit(), True)
        self.assertIs(visits.with_user(self.manager).action_approve(), True)
        self.assertEqual(set(visits.mapped("state")), {"approved"})
        empty = self.env["freight.visit"].with_user(self.manager)
        for action in ("action_done", "action_submit", "action_approve"):
            with self.assertRaisesRegex(UserError, "at least one"):
                getattr(empty, action)()
        with self.assertRaisesRegex(UserError, "at least one"):
            empty.action_return(reason="x")
        with self.assertRaisesRegex(UserError, "at least one"):
            empty.action_send_survey()
        partners = self.env["res.partner"].with_user(self.manager)
        with self.assertRaisesRegex(UserError, "at least one"):
            partners.action_freight_send_survey()
        both = (self.customer | self.third_customer).with_user(self.manager)
        action = both.action_freight_view_visits()
        self.assertEqual(action["domain"], [("partner_id", "in", both.ids)])
        reviews = self._make_review(state="submitted") | self._make_review(
            user=self.salesperson2, state="submitted"
        )
        self.assertIs(reviews.with_user(self.manager).action_mark_reviewed(), True)
        self.assertIs(reviews.with_user(self.manager).action_reset_draft(), True)
        self.assertEqual(set(reviews.mapped("state")), {"draft"})

    def test_survey_score_not_written_by_hand(self):
        partner = self.customer.with_user(self.salesperson)
        for vals in (
            {"freight_survey_score": 100},
            {"freight_survey_date": date(2026, 3, 1)},
            {"freight_next_visit_date": date(2030, 1, 1)},
        ):
            with self.assertRaisesRegex(UserError, "set by the workflow"):
                partner.write(vals)

    def test_duplicate_review_error_discloses_nothing(self):
        theirs = self._make_review(user=self.salesperson2)
        Review = self.env["freight.visit.review"].with_user(self.manager)
        with (
            self.assertRaises(psycopg2.IntegrityError) as caught,
            self.env.cr.savepoint(),
            mute_logger("odoo.sql_db"),
        ):
            Review.create({"user_id": self.salesperson2.id, "date": theirs.date})
            self.env.flush_all()
        message = Review._sql_error_to_message(caught.exception)
        self.assertIn("already has a monthly review", message)
        for secret in (str(self.salesperson2.id), str(theirs.date), "Key"):
            self.assertNotIn(secret, message)


@tagged("post_install", "-at_install")
class TestVisitWebPayload(FreightGuardCase):
    """What the web client sends for a new visit is never refused."""

    def test_form_new_visit_as_salesperson(self):
        form = Form(self.env["freight.visit"].with_user(self.salesperson))
        form.partner_id = self.customer
        form.planned_content = "Q2 shipping plan"
        visit = form.save()
        self.assertEqual(visit.state, "planned")
        self.assertEqual(visit.user_id, self.salesperson)
        self.assertFalse(visit.approver_id)

    def test_form_new_visit_as_service(self):
        form = Form(self.env["freight.visit"].with_user(self.service))
        form.partner_id = self.service_customer
        self.assertEqual(form.save().state, "planned")

    def test_full_default_payload_as_salesperson(self):
        # The web client sends every field of the form, invisible and
        # read-only ones with their defaults.
        Visit = self.env["freight.visit"].with_user(self.salesperson)
        names = [
            name
            for name in Visit.get_views([(False, "form")])["models"]["freight.visit"][
                "fields"
            ]
            if Visit._fields[name].store
            and Visit._fields[name].type not in ("one2many", "many2many")
            and name not in ("id", "display_name")
        ]
        defaults = Visit.default_get(names)
        vals = {name: defaults.get(name, False) for name in names}
        vals.update(
            partner_id=self.customer.id,
            grade_id=self.grade_a.id,
            channel="face_to_face",
        )
        visit = Visit.create(vals)
        self.assertEqual(visit.state, "planned")
        with Form(visit) as edit:
            edit.actual_content = "Held."
        self.assertEqual(visit.actual_content, "Held.")

    def test_customer_form_payload_keeps_visit_fields(self):
        # The customer form carries the read-only visit and survey fields.
        # (As manager: a salesperson's customer form is freight_crm's case.)
        form = Form(
            self.env["res.partner"]
            .with_user(self.manager)
            .with_context(default_is_company=True)
        )
        form.name = "上海表单客户有限公司"
        partner = form.save()
        self.assertFalse(partner.freight_survey_score)


@tagged("post_install", "-at_install")
class TestVisitSettings(FreightVisitCase):
    def test_settings_table_defaults_and_bounds(self):
        icp = self.env["ir.config_parameter"].sudo()
        for name, setting in SETTINGS.items():
            default, lowest, highest = setting.default, setting.lowest, setting.highest
            with self.subTest(setting=name):
                icp.set_param(name, False)
                self.assertEqual(freight_setting_value(self.env, name), default)
                settings = self.env["res.config.settings"].create({})
                field = next(
                    f
                    for f in settings._fields.values()
                    if getattr(f, "config_parameter", None) == name
                )
                self.assertEqual(settings[field.name], default)
                icp.set_param(name, "not a number")
                self.assertEqual(freight_setting_value(self.env, name), default)
                icp.set_param(name, "999999999")
                self.assertEqual(freight_setting_value(self.env, name), highest)
                icp.set_param(name, "-5")
                self.assertEqual(freight_setting_value(self.env, name), lowest)

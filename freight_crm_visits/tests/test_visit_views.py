# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.tests import Form, tagged

from .common import FreightVisitCase


@tagged("post_install", "-at_install")
class TestVisitViews(FreightVisitCase):
    def test_all_views_load_for_salesperson(self):
        views = (
            self.env["freight.visit"]
            .with_user(self.salesperson)
            .get_views(
                [
                    (False, view_type)
                    for view_type in (
                        "list",
                        "form",
                        "kanban",
                        "calendar",
                        "pivot",
                        "graph",
                        "search",
                    )
                ]
            )
        )
        self.assertEqual(len(views["views"]), 7)

    def test_kanban_shows_every_state_column(self):
        """The kanban's columns by state, as the web client reads them: every
        state of the flow, in its order, the empty ones too."""
        self._make_visit(self.customer, date(2026, 1, 10), state="approved")
        groups = (
            self.env["freight.visit"]
            .with_user(self.salesperson)
            .with_context(read_group_expand=True)
            .web_read_group(
                [("user_id", "=", self.salesperson.id)],
                groupby=["state"],
                aggregates=["__count"],
            )["groups"]
        )
        self.assertEqual(
            [group["state"] for group in groups],
            ["planned", "done", "submitted", "returned", "approved"],
        )

    def test_customer_visit_button_and_due_filter(self):
        self._make_visit(self.customer, date(2026, 1, 10), state="approved")
        self.assertEqual(self.customer.freight_visit_count, 1)
        action = self.customer.action_freight_view_visits()
        self.assertEqual(action["domain"], [("partner_id", "=", self.customer.id)])
        self.env["res.partner"].get_views([(False, "form"), (False, "search")])

    def test_customer_form_new_and_edit(self):
        form = Form(self.env["res.partner"].with_context(default_is_company=True))
        form.name = "上海新客户有限公司"
        partner = form.save()
        self.assertEqual(partner.freight_visit_count, 0)
        with Form(self.customer) as form:
            form.freight_founding_date = date(2001, 5, 20)
        self.assertEqual(self.customer.freight_founding_mmdd, "05-20")

    def test_form_fills_grade_and_channel_from_customer(self):
        grade_b_customer = self._make_customer(
            "测试客户C有限公司", self.grade_b, user=self.salesperson
        )
        form = Form(self.env["freight.visit"].with_user(self.salesperson))
        form.partner_id = self.customer
        self.assertEqual(form.grade_id, self.grade_a)
        self.assertEqual(form.channel, "face_to_face")
        form.partner_id = grade_b_customer
        self.assertEqual(form.channel, "phone")
        visit = form.save()
        # The grade stays as it was on the visit date.
        grade_b_customer.freight_grade_id = self.grade_c
        self.assertEqual(visit.grade_id, self.grade_b)

    @freeze_time("2026-03-11")  # a Wednesday
    def test_weekly_list_of_manager_visits_next_week(self):
        next_week = self._make_visit(
            self.customer, date(2026, 3, 16), manager_visit_required=True
        )
        sunday = self._make_visit(
            self.customer, date(2026, 3, 22), manager_visit_required=True
        )
        this_week = self._make_visit(
            self.customer, date(2026, 3, 13), manager_visit_required=True
        )
        later = self._make_visit(
            self.customer, date(2026, 3, 23), manager_visit_required=True
        )
        found = self.env["freight.visit"].search(
            [("is_next_week", "=", True), ("manager_visit_required", "=", True)]
        )
        self.assertIn(next_week, found)
        self.assertIn(sunday, found)
        self.assertNotIn(this_week, found)
        self.assertNotIn(later, found)
        self.assertTrue(next_week.is_next_week)
        self.assertFalse(later.is_next_week)

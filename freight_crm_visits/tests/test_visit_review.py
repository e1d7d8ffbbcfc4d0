# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import FreightVisitCase


@tagged("post_install", "-at_install")
class TestVisitReview(FreightVisitCase):
    def _my_review(self, reviews, user):
        return reviews.filtered(lambda r: r.user_id == user)

    @freeze_time("2026-03-14")
    def test_no_review_before_the_15th(self):
        self.assertFalse(
            self.env["freight.visit.review"]._cron_freight_monthly_review()
        )

    @freeze_time("2026-03-15")
    def test_review_on_the_15th_without_invoices(self):
        review_model = self.env.registry["freight.visit.review"]
        with patch.object(
            review_model, "_freight_invoices_available", return_value=False
        ):
            reviews = self.env["freight.visit.review"]._cron_freight_monthly_review()
        review = self._my_review(reviews, self.salesperson)
        self.assertEqual(review.date, date(2026, 3, 15))
        self.assertEqual(review.figures_source, "manual")
        self.assertIn(self.customer, review.line_ids.partner_id)
        self.assertNotIn(self.other_customer, review.line_ids.partner_id)
        self.assertIn(self.salesperson, review.activity_ids.user_id)
        # Once a month: a second run the same day creates nothing.
        self.assertFalse(
            self.env["freight.visit.review"]._cron_freight_monthly_review()
        )

        line = review.line_ids.filtered(lambda x: x.partner_id == self.customer)
        line.with_user(self.salesperson).write(
            {
                "last_month_volume": 120000,
                "receivable_overdue": 5000,
                "receivable_this_month": 30000,
            }
        )
        with self.assertRaisesRegex(UserError, "Only .*Manager can change"):
            line.with_user(self.salesperson).manager_mark = "ok"
        review.with_user(self.salesperson).action_submit()
        with self.assertRaisesRegex(UserError, "was submitted"):
            line.with_user(self.salesperson).last_month_volume = 1
        with self.assertRaisesRegex(UserError, "Only a Freight CRM manager"):
            review.with_user(self.salesperson).action_mark_reviewed()
        with self.assertRaisesRegex(UserError, "Mark every customer line"):
            review.with_user(self.manager).action_mark_reviewed()
        review.line_ids.with_user(self.manager).manager_mark = "ok"
        line.with_user(self.manager).manager_mark = "attention"
        review.with_user(self.manager).action_mark_reviewed()
        self.assertEqual(review.state, "reviewed")
        self.assertEqual(review.reviewer_id, self.manager)

    @freeze_time("2026-03-15")
    def test_negative_amounts_refused(self):
        reviews = self.env["freight.visit.review"]._freight_create_reviews(
            date(2026, 3, 15)
        )
        line = self._my_review(reviews, self.salesperson).line_ids[:1]
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            line.write({"receivable_overdue": -1})

    @freeze_time("2026-03-17")
    def test_missed_review_day_caught_up_once(self):
        # The cron did not run on the 15th: it catches up on the 17th, once.
        reviews = self.env["freight.visit.review"]._cron_freight_monthly_review()
        review = self._my_review(reviews, self.salesperson)
        self.assertEqual(review.date, date(2026, 3, 17))
        self.assertFalse(
            self.env["freight.visit.review"]._cron_freight_monthly_review()
        )

    @freeze_time("2026-02-28")
    def test_review_day_past_month_end_falls_on_last_day(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "freight_crm_visits.review_day", "31"
        )
        reviews = self.env["freight.visit.review"]._cron_freight_monthly_review()
        self.assertTrue(self._my_review(reviews, self.salesperson))

    @freeze_time("2026-03-16")
    def test_salesperson_creates_own_review_prefilled(self):
        """The salesperson opens New in the web client: the review is theirs,
        lists their customers with the known figures, and is theirs to fill
        until submitted; a colleague's customers stay out of it."""
        form = Form(self.env["freight.visit.review"].with_user(self.salesperson))
        review = form.save()
        self.assertEqual(review.user_id, self.salesperson)
        self.assertIn(self.customer, review.line_ids.partner_id)
        self.assertNotIn(self.other_customer, review.line_ids.partner_id)
        line = review.line_ids.filtered(lambda x: x.partner_id == self.customer)
        line.last_month_volume = 88000
        review.action_submit()
        self.assertEqual(review.state, "submitted")
        # Nobody files a review in a colleague's name.
        with self.assertRaises(UserError):
            self.env["freight.visit.review"].with_user(self.salesperson).create(
                {"user_id": self.salesperson2.id}
            )
        # A manager's review of a salesperson gets the same lines.
        by_manager = (
            self.env["freight.visit.review"]
            .with_user(self.manager)
            .create({"user_id": self.salesperson2.id})
        )
        self.assertIn(self.other_customer, by_manager.line_ids.partner_id)

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import FreightVisitCase


@tagged("post_install", "-at_install")
class TestVisitAppraisal(FreightVisitCase):
    """The appraisal's visit indicators measured from the period's visits
    and monthly reviews."""

    def _appraisal(self, user):
        return (
            self.env["freight.staff.appraisal"]
            .with_user(self.manager)
            .create(
                {
                    "user_id": user.id,
                    "period_start": "2026-01-01",
                    "period_end": "2026-03-31",
                }
            )
        )

    def _actual(self, appraisal, xmlid):
        indicator = self.env.ref(f"freight_crm.appraisal_indicator_{xmlid}")
        return appraisal.line_ids.filtered(
            lambda line: line.indicator_id == indicator
        ).actual

    def test_visits_held_against_plan_and_reviews_on_time(self):
        for day, state in (
            ("2026-01-12", "approved"),
            ("2026-02-10", "approved"),
            ("2026-03-10", "planned"),
            ("2026-04-10", "approved"),
        ):
            self._make_visit(self.customer, day, state=state)
        Review = self.env["freight.visit.review"]
        on_time, __ = Review.create(
            [
                {"user_id": self.salesperson.id, "date": "2026-02-15"},
                {"user_id": self.salesperson.id, "date": "2026-03-15"},
            ]
        )
        with freeze_time("2026-02-18 08:00:00"):
            on_time.with_user(self.salesperson).action_submit()
        self.assertEqual(str(on_time.submitted_date), "2026-02-18")
        appraisal = self._appraisal(self.salesperson)
        self.assertAlmostEqual(self._actual(appraisal, "visits"), 66.67)
        # The review still to fill is late.
        self.assertEqual(self._actual(appraisal, "reviews_on_time"), 50)
        # No visit planned, no review: not measured, blank rather than 0.
        other = self._appraisal(self.salesperson2)
        self.assertIs(self._actual(other, "visits"), False)
        self.assertIs(self._actual(other, "reviews_on_time"), False)

    def test_submission_date_set_by_the_button_only(self):
        review = self.env["freight.visit.review"].create(
            {"user_id": self.salesperson.id, "date": "2026-02-15"}
        )
        with self.assertRaises(UserError):
            review.with_user(self.salesperson).write({"submitted_date": "2026-02-16"})
        review.with_user(self.salesperson).action_submit()
        self.assertTrue(review.submitted_date)
        review.with_user(self.manager).action_reset_draft()
        self.assertFalse(review.submitted_date)

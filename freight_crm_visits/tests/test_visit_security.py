# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import FreightVisitCase


@tagged("post_install", "-at_install")
class TestVisitSecurity(FreightVisitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.my_visit = cls._make_visit(cls.customer, date(2026, 3, 1))
        cls.their_visit = cls._make_visit(cls.other_customer, date(2026, 3, 1))
        reviews = cls.env["freight.visit.review"]._freight_create_reviews(
            date(2026, 3, 15)
        )
        cls.my_review = reviews.filtered(lambda r: r.user_id == cls.salesperson)
        cls.their_review = reviews.filtered(lambda r: r.user_id == cls.salesperson2)

    def test_salesperson_sees_only_own_visits(self):
        visits = self.env["freight.visit"].with_user(self.salesperson).search([])
        self.assertIn(self.my_visit, visits)
        self.assertNotIn(self.their_visit, visits)
        with self.assertRaises(AccessError):
            self.their_visit.with_user(self.salesperson).read(["visit_date"])

    def test_salesperson_sees_only_own_reviews(self):
        reviews = (
            self.env["freight.visit.review"].with_user(self.salesperson).search([])
        )
        self.assertEqual(reviews, self.my_review)
        lines = (
            self.env["freight.visit.review.line"].with_user(self.salesperson).search([])
        )
        self.assertEqual(lines, self.my_review.line_ids)
        with self.assertRaises(AccessError):
            self.their_review.with_user(self.salesperson).read(["date"])

    def test_manager_sees_all(self):
        visits = self.env["freight.visit"].with_user(self.manager).search([])
        self.assertIn(self.my_visit, visits)
        self.assertIn(self.their_visit, visits)
        reviews = self.env["freight.visit.review"].with_user(self.manager).search([])
        self.assertIn(self.my_review, reviews)
        self.assertIn(self.their_review, reviews)

    def test_visit_of_own_customer_by_colleague_is_visible(self):
        colleague_visit = self._make_visit(
            self.customer, date(2026, 3, 2), user=self.salesperson2
        )
        visits = self.env["freight.visit"].with_user(self.salesperson).search([])
        self.assertIn(colleague_visit, visits)

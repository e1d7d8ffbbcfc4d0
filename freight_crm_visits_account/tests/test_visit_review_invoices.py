# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from odoo.addons.freight_crm_visits.tests.common import FreightVisitCase


@tagged("post_install", "-at_install")
class TestVisitReviewInvoices(FreightVisitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create({"name": "Ocean freight"})

    def _my_review(self, reviews, user):
        return reviews.filtered(lambda r: r.user_id == user)

    def _invoice(self, invoice_date, amount, move_type="out_invoice"):
        move = self.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": self.customer.id,
                "invoice_date": invoice_date,
                "invoice_line_ids": [
                    fields.Command.create(
                        {
                            "product_id": self.product.id,
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [fields.Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    @freeze_time("2026-03-15")
    def test_review_on_the_15th_with_invoices(self):
        self._invoice(date(2026, 2, 10), 1000)
        self._invoice(date(2025, 11, 1), 300)
        self._invoice(date(2026, 3, 2), 700)
        # Not posted: not counted.
        self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_date": date(2026, 2, 12),
                "invoice_line_ids": [
                    fields.Command.create(
                        {"product_id": self.product.id, "price_unit": 9999}
                    )
                ],
            }
        )
        reviews = self.env["freight.visit.review"]._cron_freight_monthly_review()
        review = self._my_review(reviews, self.salesperson)
        self.assertEqual(review.figures_source, "invoice")
        line = review.line_ids.filtered(lambda x: x.partner_id == self.customer)
        self.assertEqual(line.last_month_volume, 1000)
        self.assertEqual(line.receivable_overdue, 300)
        self.assertEqual(line.receivable_this_month, 700)
        self.assertEqual(review.total_volume, 1000)
        self.assertEqual(review.total_overdue, 300)

    @freeze_time("2026-03-15")
    def test_review_with_credit_notes_never_negative(self):
        # A credit note larger than last month's invoices: the volume is 0,
        # and the review is still created rather than refused as negative.
        self._invoice(date(2026, 2, 10), 200)
        self._invoice(date(2026, 2, 20), 500, move_type="out_refund")
        reviews = self.env["freight.visit.review"]._cron_freight_monthly_review()
        line = self._my_review(reviews, self.salesperson).line_ids.filtered(
            lambda x: x.partner_id == self.customer
        )
        self.assertEqual(line.last_month_volume, 0)
        self.assertEqual(line.receivable_overdue, 0)

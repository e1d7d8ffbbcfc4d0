# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, models

from odoo.addons.freight_crm.tools.settings_table import freight_setting_value


class FreightVisitReview(models.Model):
    _inherit = "freight.visit.review"

    @api.model
    def _freight_invoices_available(self):
        return True

    @api.model
    def _freight_figures(self, customers, review_date):
        """({partner_id: line figures}, "invoice") from the company's posted
        customer invoices and credit notes, in one query per figure."""
        if not self._freight_invoices_available():
            return super()._freight_figures(customers, review_date)
        months = freight_setting_value(
            self.env, "freight_crm_visits.receivable_overdue_months"
        )
        month_start = review_date.replace(day=1)
        last_month_start = month_start - relativedelta(months=1)
        next_month_start = month_start + relativedelta(months=1)
        overdue_before = review_date - relativedelta(months=months)
        moves = self.env["account.move"].sudo()
        base = [
            ("move_type", "in", ("out_invoice", "out_refund")),
            ("state", "=", "posted"),
            ("commercial_partner_id", "in", customers.ids),
            ("company_id", "=", self.env.company.id),
        ]
        figures = {}

        def collect(domain, aggregate, key):
            for partner, amount in moves._read_group(
                base + domain, ["commercial_partner_id"], [aggregate]
            ):
                # Credit notes larger than last month's invoices would give a
                # negative volume, which a review line refuses: count it as 0.
                figures.setdefault(partner.id, {})[key] = max(amount, 0.0)

        collect(
            [
                ("invoice_date", ">=", last_month_start),
                ("invoice_date", "<", month_start),
            ],
            "amount_untaxed_signed:sum",
            "last_month_volume",
        )
        collect(
            [("invoice_date", "<", overdue_before), ("amount_residual_signed", ">", 0)],
            "amount_residual_signed:sum",
            "receivable_overdue",
        )
        collect(
            [
                ("invoice_date", ">=", month_start),
                ("invoice_date", "<", next_month_start),
                ("amount_residual_signed", ">", 0),
            ],
            "amount_residual_signed:sum",
            "receivable_this_month",
        )
        return figures, "invoice"

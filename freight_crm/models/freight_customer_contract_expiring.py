# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of freight.customer.contract per file, on purpose (see
# freight_customer_contract.py).
# pylint: disable=consider-merging-classes-inherited
from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain


class FreightCustomerContract(models.Model):
    """Signed contracts ending within the expiry warning period (R-CON-4),
    the period the daily expiry warning uses: what the legal reviewer's
    dashboard and the search filter list (the period is read by
    ``_freight_expiry_warning_days``, beside the cron)."""

    _inherit = "freight.customer.contract"

    expiring_soon = fields.Boolean(
        string="Ending within the Warning Period",
        compute="_compute_expiring_soon",
        search="_search_expiring_soon",
        help="Signed and ending within the contract expiry warning period "
        "of the settings (from today on, or already past its end date).",
    )

    @api.model
    def _freight_expiring_domain(self):
        limit = fields.Date.context_today(self) + timedelta(
            days=self._freight_expiry_warning_days()
        )
        return (
            Domain("state", "=", "signed")
            & Domain("date_end", "!=", False)
            & Domain("date_end", "<=", limit)
        )

    @api.depends("state", "date_end")
    def _compute_expiring_soon(self):
        limit = fields.Date.context_today(self) + timedelta(
            days=self._freight_expiry_warning_days()
        )
        for contract in self:
            contract.expiring_soon = bool(
                contract.state == "signed"
                and contract.date_end
                and contract.date_end <= limit
            )

    def _search_expiring_soon(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = self._freight_expiring_domain()
        return domain if (operator == "=") == value else ~domain

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, models

_logger = logging.getLogger(__name__)


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _freight_demo_load_local_chart(self, company):
        """Give the demo company the chart of accounts of its country.

        account's demo data always loads the generic chart (in US dollars)
        on the main company and posts entries in it, after which the
        currency can no longer change. When the localization of the
        company's country is installed (``make run`` installs ``l10n_cn``
        for the Shanghai demo company), this loads it the way account's demo
        does, with ``install_demo``: the generic chart and its demo entries
        are replaced, the company takes its country's currency and account's
        demo entries are posted again in it. Sales' pricelists and orders in
        the old currency follow. Without the localization the company keeps
        what it has.
        """
        Chart = self.env["account.chart.template"]
        template = company.country_id and Chart._guess_chart_template(
            company.country_id
        )
        mapping = Chart._get_chart_template_mapping().get(template) or {}
        module = self.env["ir.module.module"].search(
            [("name", "=", mapping.get("module")), ("state", "=", "installed")]
        )
        if not module or company.chart_template == template:
            return False
        _logger.info("Loading the %s chart of accounts on %s", template, company.name)
        old_currency = company.currency_id
        Chart.try_loading(template, company, install_demo=True)
        self.env["product.pricelist"].search(
            [
                ("company_id", "in", (company.id, False)),
                ("currency_id", "=", old_currency.id),
            ]
        ).currency_id = company.currency_id
        orders = self.env["sale.order"].search(
            [("company_id", "=", company.id), ("currency_id", "=", old_currency.id)]
        )
        orders.write({"currency_id": company.currency_id.id})
        return True

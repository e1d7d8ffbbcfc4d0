# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of freight.customer.contract per file, on purpose (see
# freight_customer_contract.py).
# pylint: disable=consider-merging-classes-inherited
from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain

from ..tools.cron_batch import freight_keyset_batches
from ..tools.settings_table import freight_setting_value

EXPIRY_BATCH = 1000


class FreightCustomerContract(models.Model):
    """Validity and expiry of a contract: which contracts open the contract
    gate (R-CON-3) and the daily expiry and warning (R-CON-4)."""

    _inherit = "freight.customer.contract"

    @api.model
    def _valid_domain(self, day=None):
        """Contracts that satisfy the contract gate on `day`."""
        day = day or fields.Date.context_today(self)
        return (
            Domain("state", "=", "signed")
            & Domain("is_long_term", "=", True)
            & Domain("date_start", "<=", day)
            & (Domain("date_end", "=", False) | Domain("date_end", ">=", day))
        )

    @api.model
    def _freight_expiry_warning_days(self):
        """Days before its end from which a signed contract is expiring."""
        return freight_setting_value(
            self.env, "freight_crm.contract_expiry_warning_days"
        )

    @api.model
    def _cron_freight_contract_expiry(self):
        """Daily: expire signed contracts past their end date, then warn the
        account manager of those ending within the warning period. Warnings
        go in batches, each committed when run by the scheduler, so a crash
        resumes where it stopped without warning twice."""
        Contract = self.sudo().with_context(
            tracking_disable=True, mail_activity_quick_update=True
        )
        today = fields.Date.context_today(self)
        warn_days = self._freight_expiry_warning_days()
        expired = Contract.search([("state", "=", "signed"), ("date_end", "<", today)])
        # One UPDATE for all of them, no chatter message per contract.
        expired.write({"state": "expired"})
        warn_domain = [
            ("state", "=", "signed"),
            ("expiry_warned", "=", False),
            ("date_end", "<=", today + timedelta(days=warn_days)),
        ]
        warned = [Contract.browse()]

        def warn(batch):
            batch._warn_expiry()
            warned[0] |= batch

        freight_keyset_batches(
            Contract,
            warn_domain,
            warn,
            batch_size=EXPIRY_BATCH,
            remaining=lambda: Contract.search_count(warn_domain),
        )
        return expired, warned[0]

    def _warn_expiry(self):
        """One activity per contract for its account manager, created in one
        batch, and the contracts flagged as warned."""
        activity_type = self.env.ref("freight_crm.mail_activity_contract_expiry")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": contract.id,
                    "activity_type_id": activity_type.id,
                    "summary": activity_type.with_context(
                        lang=contract.user_id.lang
                    ).summary,
                    "user_id": contract.user_id.id or self.env.user.id,
                    "date_deadline": contract.date_end,
                    "note": contract.with_context(lang=contract.user_id.lang).env._(
                        "Contract %(contract)s of %(customer)s ends on %(end)s: "
                        "renew it or plan the follow-up.",
                        contract=contract.name,
                        customer=contract.partner_id.display_name,
                        end=contract.date_end,
                    ),
                }
                for contract in self
            ]
        )
        self.write({"expiry_warned": True})

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.partner per file, on purpose (see res_partner.py).
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.fields import Domain

from ..tools.cron_batch import freight_keyset_batches
from ..tools.roles import ANY_ROLE, MANAGER
from .freight_workflow_guard import WORKFLOW

# Churn detection settings, defaults in tools/settings.py.
CHURN_PARAMS = ("freight_crm.churn_volume_drop_percent", "freight_crm.churn_batch_size")


class ResPartner(models.Model):
    """Key-account management (大客户管理): the business scope and the
    confidentiality agreement in the customer file, and the daily churn
    detection."""

    _inherit = "res.partner"

    freight_business_scope = fields.Text(
        string="Business Scope",
        groups=ANY_ROLE,
        help="Business scope as registered in the business licence.",
    )
    freight_nda_signed_date = fields.Date(
        string="NDA Signed On",
        groups=ANY_ROLE,
        help="Date the confidentiality agreement with the customer was signed.",
    )
    freight_volume_peak = fields.Monetary(
        string="Reference Volume",
        currency_field="freight_currency_id",
        readonly=True,
        copy=False,
        groups=MANAGER,
        help="Highest annual business volume the churn detection has seen for "
        "this key account (reset when a churn case is closed as recovered).",
    )

    @api.model
    def _freight_guard_policy(self):
        # Kept by the churn detection only.
        return dict(super()._freight_guard_policy(), freight_volume_peak=WORKFLOW)

    @api.model
    def _freight_churn_params(self):
        return self._freight_params(CHURN_PARAMS)

    @api.model
    def _freight_churn_domain(self):
        """Key accounts, and former ones whose reference volume is kept."""
        return (
            Domain("is_company", "=", True)
            & Domain("freight_customer_state", "!=", False)
            & (
                Domain("freight_is_key_account", "=", True)
                | Domain("freight_volume_peak", ">", 0)
            )
        )

    @api.model
    def _cron_freight_detect_churn(self):
        """Daily: open a churn case for each key account whose annual
        volume fell more than the churn percentage below its reference
        volume, or that went dormant. Customers are read in keyset batches
        (by id), each committed when run by the scheduler; a customer with
        an open or lost case gets no second one, so reruns open nothing
        new."""
        Partner = self.sudo().with_context(tracking_disable=True)
        params = self._freight_churn_params()
        batch_size = params["freight_crm.churn_batch_size"]
        drop = params["freight_crm.churn_volume_drop_percent"]
        domain = self._freight_churn_domain()
        cases = [self.env["freight.customer.churn"]]

        def detect(batch):
            cases[0] |= batch._freight_detect_churn_batch(drop)

        freight_keyset_batches(Partner, domain, detect, batch_size=batch_size)
        return cases[0]

    def _freight_detect_churn_batch(self, drop):
        Churn = self.env["freight.customer.churn"].sudo()
        followed = Churn.search(
            [("partner_id", "in", self.ids), ("state", "in", ("open", "lost"))]
        ).partner_id
        today = fields.Date.context_today(self)
        values = []
        for partner in self:
            volume = partner.freight_annual_volume
            peak = max(partner.freight_volume_peak, volume)
            if peak != partner.freight_volume_peak:
                partner.freight_volume_peak = peak
            if partner in followed:
                continue
            signs = partner._freight_churn_signs(peak, volume, drop)
            if signs:
                values.append(
                    {
                        "partner_id": partner.id,
                        "detected_on": today,
                        "detected_by": "cron",
                        "warning_signs": "\n".join(signs),
                        "volume_peak": peak,
                        "volume_at_detection": volume,
                        "volume_drop": partner._freight_drop_percent(peak, volume),
                    }
                )
        cases = Churn.create(values)
        cases._freight_notify_owner()
        return cases

    @api.model
    def _freight_drop_percent(self, peak, volume):
        return round((peak - volume) / peak * 100.0, 1) if peak else 0.0

    def _freight_churn_signs(self, peak, volume, drop):
        """The warning signs (translated lines) this customer shows."""
        self.ensure_one()
        signs = []
        fall = self._freight_drop_percent(peak, volume)
        if peak and fall > drop:
            signs.append(
                self.env._(
                    "Annual business volume fell %(fall)s%% below its reference "
                    "(%(volume)s against %(peak)s).",
                    fall=fall,
                    volume=volume,
                    peak=peak,
                )
            )
        if self.freight_customer_state == "dormant":
            signs.append(self.env._("The customer has gone dormant."))
        return signs

    def action_freight_open_key_account_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "freight_crm.freight_key_account_plan_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

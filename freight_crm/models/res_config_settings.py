# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # --- Grading (issue 3: R-GRD-4, R-GRD-6, R-GRD-7) -----------------------
    freight_rule_grading = fields.Boolean(
        string="Rule-based Grading",
        config_parameter="freight_crm.rule_grading",
        help="Grade customers from annual business volume and years of "
        "cooperation instead of evaluation scores.",
    )
    freight_rule_volume_a = fields.Float(
        string="Grade A Volume Above",
        config_parameter="freight_crm.rule_volume_a",
        default=5000000.0,
        help="Annual business volume (company currency) above which a "
        "customer is grade A.",
    )
    freight_rule_volume_b = fields.Float(
        string="Grade B Volume From",
        config_parameter="freight_crm.rule_volume_b",
        default=1000000.0,
        help="Annual business volume (company currency) from which a "
        "customer is at least grade B.",
    )
    freight_rule_years_a = fields.Integer(
        string="Grade A Cooperation Above (Years)",
        config_parameter="freight_crm.rule_years_a",
        default=3,
    )
    freight_rule_years_b = fields.Integer(
        string="Grade B Cooperation From (Years)",
        config_parameter="freight_crm.rule_years_b",
        default=1,
    )
    freight_key_account_contribution = fields.Float(
        string="Key Account Contribution",
        config_parameter="freight_crm.key_account_contribution",
        default=1000000.0,
        help="Contribution value (company currency) from which a customer "
        "is flagged as key account.",
    )
    freight_regrade_batch_size = fields.Integer(
        string="Re-grade Batch Size",
        config_parameter="freight_crm.regrade_batch_size",
        default=1000,
        help="Customers re-graded and committed together by the quarterly re-grade.",
    )
    # --- End of grading settings --------------------------------------------

    def set_values(self):
        old_threshold = self.env["res.partner"]._freight_grading_params()[
            "freight_crm.key_account_contribution"
        ]
        res = super().set_values()
        if self.freight_key_account_contribution != old_threshold:
            self._freight_recompute_key_accounts()
        return res

    def _freight_recompute_key_accounts(self):
        partners = (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    "|",
                    ("freight_contribution_value", "!=", 0),
                    ("freight_is_key_account", "=", True),
                ]
            )
        )
        self.env.add_to_compute(partners._fields["freight_is_key_account"], partners)

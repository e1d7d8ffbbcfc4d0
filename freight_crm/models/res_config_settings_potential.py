# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.config.settings per file, like res.partner.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .res_partner_potential import POTENTIAL_PARAMS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_potential_reassess_months = fields.Integer(
        string="Re-assess Potential Customers After (Months)",
        config_parameter="freight_crm.potential_reassess_months",
        default=POTENTIAL_PARAMS["freight_crm.potential_reassess_months"],
        help="Months after the last confirmed evaluation (or the first "
        "contact) after which the account manager is asked to re-assess a "
        "potential customer's buying potential.",
    )
    freight_potential_reassess_batch_size = fields.Integer(
        string="Re-assessment Batch Size",
        config_parameter="freight_crm.potential_reassess_batch_size",
        default=POTENTIAL_PARAMS["freight_crm.potential_reassess_batch_size"],
        help="Potential customers checked and committed together by the "
        "daily re-assessment.",
    )

    @api.constrains(
        "freight_potential_reassess_months", "freight_potential_reassess_batch_size"
    )
    def _check_freight_potential_settings(self):
        for settings in self:
            if not 1 <= settings.freight_potential_reassess_months <= 120:
                raise ValidationError(
                    self.env._(
                        "Potential customers are re-assessed after 1 to 120 months."
                    )
                )
            if settings.freight_potential_reassess_batch_size < 1:
                raise ValidationError(
                    self.env._("The re-assessment batch size must be at least 1.")
                )

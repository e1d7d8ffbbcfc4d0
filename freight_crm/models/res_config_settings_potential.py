# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.config.settings per file, like res.partner.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, models
from odoo.exceptions import ValidationError

from ..tools.settings_table import freight_setting_field


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_potential_reassess_months = freight_setting_field(
        "freight_crm.potential_reassess_months",
        string="Re-assess Potential Customers After (Months)",
        help="Months after the last confirmed evaluation (or the first "
        "contact) after which the account manager is asked to re-assess a "
        "potential customer's buying potential.",
    )

    @api.constrains("freight_potential_reassess_months")
    def _check_freight_potential_settings(self):
        for settings in self:
            if not 1 <= settings.freight_potential_reassess_months <= 120:
                raise ValidationError(
                    self.env._(
                        "Potential customers are re-assessed after 1 to 120 months."
                    )
                )

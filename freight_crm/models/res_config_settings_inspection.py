# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.config.settings per file, like res.partner.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, models
from odoo.exceptions import ValidationError

from ..tools.settings_table import freight_setting_field


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_inspection_interval_months = freight_setting_field(
        "freight_crm.inspection_interval_months",
        string="Inspection Every (Months)",
        help="Months between two supervision inspections of the customer "
        "management work; when the next one is due, one is planned for a manager.",
    )

    @api.constrains("freight_inspection_interval_months")
    def _check_freight_inspection_settings(self):
        for settings in self:
            if not 1 <= settings.freight_inspection_interval_months <= 24:
                raise ValidationError(
                    self.env._("The inspection interval lies between 1 and 24 months.")
                )

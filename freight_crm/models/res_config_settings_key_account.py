# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.config.settings per file, like res.partner.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, models
from odoo.exceptions import ValidationError

from ..tools.settings_table import freight_setting_field


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_plan_reminder_days = freight_setting_field(
        "freight_crm.key_account_plan_reminder_days",
        string="Plan Reminder (Days)",
        help="Days before each half year starts from which the account "
        "managers of key accounts without a relationship plan are reminded.",
    )
    freight_churn_volume_drop_percent = freight_setting_field(
        "freight_crm.churn_volume_drop_percent",
        string="Churn Volume Drop (%)",
        help="A key account whose annual business volume falls more than "
        "this percentage below its reference volume gets a churn case.",
    )

    @api.constrains(
        "freight_plan_reminder_days",
        "freight_churn_volume_drop_percent",
    )
    def _check_freight_key_account_settings(self):
        for settings in self:
            if not 0 <= settings.freight_plan_reminder_days <= 183:
                raise ValidationError(
                    self.env._(
                        "The plan reminder lies between 0 and 183 days (half a year)."
                    )
                )
            if not 0 < settings.freight_churn_volume_drop_percent < 100:
                raise ValidationError(
                    self.env._(
                        "The churn volume drop is a percentage between 0 and 100."
                    )
                )

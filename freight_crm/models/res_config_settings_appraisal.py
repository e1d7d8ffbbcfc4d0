# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.config.settings per file, like res.partner.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, models
from odoo.exceptions import ValidationError

from ..tools.settings_table import freight_setting_field


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_appraisal_period_months = freight_setting_field(
        "freight_crm.appraisal_period_months",
        string="Appraisal Period (Months)",
        help="Length of an appraisal period, counted from 1 January: 3 for "
        "quarters, 6 for half years, 12 for years.",
    )
    freight_appraisal_excellent_score = freight_setting_field(
        "freight_crm.appraisal_excellent_score",
        string="Excellent From (Points)",
    )
    freight_appraisal_good_score = freight_setting_field(
        "freight_crm.appraisal_good_score",
        string="Good From (Points)",
    )
    freight_appraisal_pass_score = freight_setting_field(
        "freight_crm.appraisal_pass_score",
        string="Qualified From (Points)",
    )

    freight_appraisal_on_time_days = freight_setting_field(
        "freight_crm.appraisal_on_time_days",
        string="On Time Within (Days)",
        help="An evaluation confirmed, a monthly review submitted within this "
        "many days of its date, or a key-account plan submitted within this "
        "many days of the start of its half year, counts as on time in the "
        "appraisal.",
    )

    @api.constrains(
        "freight_appraisal_on_time_days",
        "freight_appraisal_period_months",
        "freight_appraisal_excellent_score",
        "freight_appraisal_good_score",
        "freight_appraisal_pass_score",
    )
    def _check_freight_appraisal_settings(self):
        for settings in self:
            if settings.freight_appraisal_period_months not in (1, 2, 3, 4, 6, 12):
                raise ValidationError(
                    self.env._(
                        "The appraisal period divides the year: 1, 2, 3, 4, 6 or "
                        "12 months."
                    )
                )
            if not 0 <= settings.freight_appraisal_on_time_days <= 366:
                raise ValidationError(
                    self.env._("The appraisal's on-time days lie between 0 and 366.")
                )
            if not (
                0
                <= settings.freight_appraisal_pass_score
                <= settings.freight_appraisal_good_score
                <= settings.freight_appraisal_excellent_score
                <= 100
            ):
                raise ValidationError(
                    self.env._(
                        "The appraisal bands must rise from qualified to good to "
                        "excellent, between 0 and 100 points."
                    )
                )

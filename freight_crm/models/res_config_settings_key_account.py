# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.config.settings per file, like res.partner.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .freight_key_account_plan import REMINDER_DEFAULT, REMINDER_PARAM
from .res_partner_key_account import CHURN_PARAMS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_plan_reminder_days = fields.Integer(
        string="Plan Reminder (Days)",
        config_parameter=REMINDER_PARAM,
        default=REMINDER_DEFAULT,
        help="Days before each half year starts from which the account "
        "managers of key accounts without a relationship plan are reminded.",
    )
    freight_churn_volume_drop_percent = fields.Float(
        string="Churn Volume Drop (%)",
        config_parameter="freight_crm.churn_volume_drop_percent",
        default=CHURN_PARAMS["freight_crm.churn_volume_drop_percent"],
        help="A key account whose annual business volume falls more than "
        "this percentage below its reference volume gets a churn case.",
    )
    freight_churn_batch_size = fields.Integer(
        string="Churn Detection Batch Size",
        config_parameter="freight_crm.churn_batch_size",
        default=CHURN_PARAMS["freight_crm.churn_batch_size"],
        help="Customers checked and committed together by the churn detection.",
    )

    @api.constrains(
        "freight_plan_reminder_days",
        "freight_churn_volume_drop_percent",
        "freight_churn_batch_size",
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
            if settings.freight_churn_batch_size < 1:
                raise ValidationError(
                    self.env._("The churn detection batch size must be at least 1.")
                )

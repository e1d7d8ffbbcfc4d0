# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.config.settings per file, like res.partner.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .freight_staff_training import HOURS_PARAMS
from .freight_staff_training_reminder import REMINDER_DEFAULT, REMINDER_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_training_hours_account_manager = fields.Float(
        string="Account Manager Training (Hours a Year)",
        config_parameter="freight_crm.training_hours_account_manager",
        default=HOURS_PARAMS["freight_crm.training_hours_account_manager"],
        help="Class hours of business training each account manager "
        "(salesperson) must attend every year.",
    )
    freight_training_hours_staff = fields.Float(
        string="Service Staff Training (Hours a Year)",
        config_parameter="freight_crm.training_hours_staff",
        default=HOURS_PARAMS["freight_crm.training_hours_staff"],
        help="Class hours of business training each frontline customer "
        "service employee must attend every year.",
    )

    freight_training_reminder_days = fields.Integer(
        string="Training Reminder (Days before Year End)",
        config_parameter=REMINDER_PARAM,
        default=REMINDER_DEFAULT,
        help="Days before 31 December from which staff below the yearly "
        "minimum are told how many class hours are missing (once a year).",
    )

    @api.constrains(
        "freight_training_hours_account_manager",
        "freight_training_hours_staff",
        "freight_training_reminder_days",
    )
    def _check_freight_training_settings(self):
        for settings in self:
            for hours in (
                settings.freight_training_hours_account_manager,
                settings.freight_training_hours_staff,
            ):
                if not 0 <= hours <= 1000:
                    raise ValidationError(
                        self.env._("The yearly training hours lie between 0 and 1000.")
                    )
            if not 0 <= settings.freight_training_reminder_days <= 365:
                raise ValidationError(
                    self.env._("The training reminder lies between 0 and 365 days.")
                )

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.config.settings per file, like res.partner.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, models
from odoo.exceptions import ValidationError

from ..tools.settings_table import freight_setting_field


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_training_hours_account_manager = freight_setting_field(
        "freight_crm.training_hours_account_manager",
        string="Account Manager Training (Hours a Year)",
        help="Class hours of business training each account manager "
        "(salesperson) must attend every year.",
    )
    freight_training_hours_staff = freight_setting_field(
        "freight_crm.training_hours_staff",
        string="Service Staff Training (Hours a Year)",
        help="Class hours of business training each frontline customer "
        "service employee must attend every year.",
    )

    freight_training_reminder_days = freight_setting_field(
        "freight_crm.training_reminder_days",
        string="Training Reminder (Days before Year End)",
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

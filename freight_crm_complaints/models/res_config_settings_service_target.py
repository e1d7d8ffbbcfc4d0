# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.config.settings per file, like res.partner.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, models
from odoo.exceptions import ValidationError

from odoo.addons.freight_crm.tools.settings_table import freight_setting_field


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_off_hours_reply_hour = freight_setting_field(
        "freight_crm_complaints.off_hours_reply_hour",
        string="Off-hours Reply Hour",
        help="A complaint received outside the working day is answered by "
        "this hour of the next working day.",
    )
    freight_due_soon_hours = freight_setting_field(
        "freight_crm_complaints.due_soon_hours",
        string="Due Soon Within (Hours)",
        help="An open complaint whose deadline is closer than this is shown "
        "as due soon.",
    )
    freight_complex_plan_hours = freight_setting_field(
        "freight_crm_complaints.complex_plan_hours",
        string="Complex Complaint Plan (Working Hours)",
        help="Working hours from intake within which an important or major "
        "complaint gets its leader-approved handling plan.",
    )
    freight_training_feed_hours = freight_setting_field(
        "freight_crm_complaints.training_feed_hours",
        string="Corrective-measure Training Hours",
        help="Class hours of the staff training a closed complaint proposes on "
        "its corrective measures.",
    )

    @api.constrains(
        "freight_off_hours_reply_hour",
        "freight_complex_plan_hours",
        "freight_due_soon_hours",
        "freight_training_feed_hours",
    )
    def _check_freight_service_target_settings(self):
        for settings in self:
            if not 0 <= settings.freight_off_hours_reply_hour < 24:
                raise ValidationError(
                    self.env._("The off-hours reply hour lies between 0:00 and 23:59.")
                )
            if not 0 <= settings.freight_due_soon_hours <= 168:
                raise ValidationError(
                    self.env._(
                        "A complaint is due soon within 0 to 168 hours (a week) "
                        "of its deadline."
                    )
                )
            if not 0 < settings.freight_complex_plan_hours <= 1000:
                raise ValidationError(
                    self.env._(
                        "The handling plan of a complex complaint is due within "
                        "more than 0 and at most 1000 working hours."
                    )
                )
            if not 0 < settings.freight_training_feed_hours <= 1000:
                raise ValidationError(
                    self.env._(
                        "The class hours of a corrective-measure training are "
                        "more than 0 and at most 1000."
                    )
                )

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.config.settings per file, like res.partner.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .helpdesk_ticket_plan_deadline import PLAN_PARAMS
from .helpdesk_ticket_reply_target import REPLY_PARAMS
from .helpdesk_ticket_training_feed import TRAINING_PARAMS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_off_hours_reply_hour = fields.Float(
        string="Off-hours Reply Hour",
        config_parameter="freight_crm_complaints.off_hours_reply_hour",
        default=REPLY_PARAMS["freight_crm_complaints.off_hours_reply_hour"],
        help="A complaint received outside the working day is answered by "
        "this hour of the next working day.",
    )
    freight_complex_plan_hours = fields.Float(
        string="Complex Complaint Plan (Working Hours)",
        config_parameter="freight_crm_complaints.complex_plan_hours",
        default=PLAN_PARAMS["freight_crm_complaints.complex_plan_hours"],
        help="Working hours from intake within which an important or major "
        "complaint gets its leader-approved handling plan.",
    )
    freight_training_feed_hours = fields.Float(
        string="Corrective-measure Training Hours",
        config_parameter="freight_crm_complaints.training_feed_hours",
        default=TRAINING_PARAMS["freight_crm_complaints.training_feed_hours"],
        help="Class hours of the staff training a closed complaint proposes on "
        "its corrective measures.",
    )

    @api.constrains(
        "freight_off_hours_reply_hour",
        "freight_complex_plan_hours",
        "freight_training_feed_hours",
    )
    def _check_freight_service_target_settings(self):
        for settings in self:
            if not 0 <= settings.freight_off_hours_reply_hour < 24:
                raise ValidationError(
                    self.env._("The off-hours reply hour lies between 0:00 and 23:59.")
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

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.config.settings per file, like res.partner.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .freight_complaint_penalty import PENALTY_POINTS


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_penalty_points_general = fields.Float(
        string="Penalty Points, General Complaint",
        config_parameter="freight_crm_complaints.penalty_points_general",
        default=PENALTY_POINTS["freight_crm_complaints.penalty_points_general"],
    )
    freight_penalty_points_important = fields.Float(
        string="Penalty Points, Important Complaint",
        config_parameter="freight_crm_complaints.penalty_points_important",
        default=PENALTY_POINTS["freight_crm_complaints.penalty_points_important"],
    )
    freight_penalty_points_major = fields.Float(
        string="Penalty Points, Major Complaint",
        config_parameter="freight_crm_complaints.penalty_points_major",
        default=PENALTY_POINTS["freight_crm_complaints.penalty_points_major"],
    )

    @api.constrains(
        "freight_penalty_points_general",
        "freight_penalty_points_important",
        "freight_penalty_points_major",
    )
    def _check_freight_penalty_settings(self):
        for settings in self:
            points = (
                settings.freight_penalty_points_general,
                settings.freight_penalty_points_important,
                settings.freight_penalty_points_major,
            )
            if any(not 0 <= value <= 100 for value in points):
                raise ValidationError(
                    self.env._("Penalty points lie between 0 and 100.")
                )

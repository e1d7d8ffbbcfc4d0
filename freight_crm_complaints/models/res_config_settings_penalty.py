# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.config.settings per file, like res.partner.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, models
from odoo.exceptions import ValidationError

from odoo.addons.freight_crm.tools.settings_table import freight_setting_field


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_penalty_points_general = freight_setting_field(
        "freight_crm_complaints.penalty_points_general",
        string="Penalty Points, General Complaint",
    )
    freight_penalty_points_important = freight_setting_field(
        "freight_crm_complaints.penalty_points_important",
        string="Penalty Points, Important Complaint",
    )
    freight_penalty_points_major = freight_setting_field(
        "freight_crm_complaints.penalty_points_major",
        string="Penalty Points, Major Complaint",
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

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.config.settings per file, like res.partner.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .freight_inspection import INTERVAL_DEFAULT, INTERVAL_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    freight_inspection_interval_months = fields.Integer(
        string="Inspection Every (Months)",
        config_parameter=INTERVAL_PARAM,
        default=INTERVAL_DEFAULT,
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

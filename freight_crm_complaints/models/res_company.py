# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import ValidationError

from odoo.addons.freight_crm.tools.settings_table import freight_company_setting_field


class ResCompany(models.Model):
    _inherit = "res.company"

    freight_complaint_callback_required = freight_company_setting_field(
        "freight_crm_complaints.freight_complaint_callback_required",
        string="Callback Required to Close Complaints",
    )
    freight_complaint_repeat_days = freight_company_setting_field(
        "freight_crm_complaints.freight_complaint_repeat_days",
        string="Repeat Complaint Window (Days)",
    )

    @api.constrains("freight_complaint_repeat_days")
    def _check_freight_complaint_repeat_days(self):
        for company in self:
            if company.freight_complaint_repeat_days <= 0:
                raise ValidationError(
                    self.env._(
                        "The repeat complaint window must be a positive number "
                        "of days, not %s.",
                        company.freight_complaint_repeat_days,
                    )
                )

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    freight_complaint_callback_required = fields.Boolean(
        string="Callback Required to Close Complaints", default=True
    )
    freight_complaint_repeat_days = fields.Integer(
        string="Repeat Complaint Window (Days)", default=90
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

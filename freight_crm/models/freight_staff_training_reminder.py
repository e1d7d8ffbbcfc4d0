# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of freight.staff.training per file.
# pylint: disable=consider-merging-classes-inherited
from datetime import date, timedelta

from odoo import api, fields, models

from ..tools.settings_table import freight_setting_value

REMINDER_PARAM = "freight_crm.training_reminder_days"
# The year the reminder last went out, so that it goes out once a year
# even when the cron missed its day.
REMINDED_YEAR_PARAM = "freight_crm.training_reminded_year"


class FreightStaffTraining(models.Model):
    """The yearly reminder to staff below their minimum training hours."""

    _inherit = "freight.staff.training"

    @api.model
    def _freight_reminder_days(self):
        return freight_setting_value(self.env, REMINDER_PARAM)

    @api.model
    def _cron_freight_training_reminder(self):
        """Daily: once a year, from the reminder days before 31 December,
        tell every salesperson and customer service employee below the
        yearly minimum how many class hours are missing."""
        today = fields.Date.context_today(self)
        year_end = date(today.year, 12, 31)
        icp = self.env["ir.config_parameter"].sudo()
        if today < year_end - timedelta(days=self._freight_reminder_days()):
            return self.env["freight.staff.training.report"]
        if icp.get_param(REMINDED_YEAR_PARAM) == str(today.year):
            return self.env["freight.staff.training.report"]
        rows = (
            self.env["freight.staff.training.report"]
            .sudo()
            .search([("year", "=", today.year), ("below_minimum", "=", True)])
        )
        for row in rows:
            user = row.user_id
            self.with_context(lang=user.lang).message_notify(
                partner_ids=user.partner_id.ids,
                subject=self.with_context(lang=user.lang).env._(
                    "Business training hours %s", today.year
                ),
                body=self.with_context(lang=user.lang).env._(
                    "You attended %(hours)s of the %(minimum)s class hours of "
                    "business training required this year: %(missing)s hours "
                    "are missing before 31 December.",
                    hours=row.hours,
                    minimum=row.minimum_hours,
                    missing=row.shortfall,
                ),
            )
        icp.set_param(REMINDED_YEAR_PARAM, str(today.year))
        return rows

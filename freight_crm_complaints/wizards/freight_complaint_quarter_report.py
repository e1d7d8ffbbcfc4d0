# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class FreightComplaintQuarterReport(models.TransientModel):
    """Quarterly complaint analysis (每季度对投诉数据进行统计分析)."""

    _name = "freight.complaint.quarter.report"
    _description = "Quarterly Complaint Report"

    year = fields.Integer(required=True, default=lambda self: self._default_year())
    quarter = fields.Selection(
        [("1", "Q1"), ("2", "Q2"), ("3", "Q3"), ("4", "Q4")],
        required=True,
        default=lambda self: str((fields.Date.context_today(self).month - 1) // 3 + 1),
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.model
    def _default_year(self):
        return fields.Date.context_today(self).year

    @api.constrains("year")
    def _check_year(self):
        for report in self:
            if not 2000 <= report.year <= 2100:
                raise ValidationError(
                    self.env._(
                        "Enter a year between 2000 and 2100, not %s.", report.year
                    )
                )

    def action_print(self):
        self.ensure_one()
        return self.env.ref(
            "freight_crm_complaints.action_report_freight_complaint_quarter"
        ).report_action(self)

    def _get_period(self):
        self.ensure_one()
        start = datetime(self.year, (int(self.quarter) - 1) * 3 + 1, 1)
        end = start + relativedelta(months=3)
        # A quarter is the user's local quarter, as in the pivot view, while
        # intake times are stored in UTC: a complaint at 05:00 on 1 October
        # in Shanghai belongs to Q4.
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")
        return tuple(
            tz.localize(moment).astimezone(pytz.utc).replace(tzinfo=None)
            for moment in (start, end)
        )

    def _get_domain(self):
        start, end = self._get_period()
        return [
            ("freight_is_complaint", "=", True),
            ("company_id", "=", self.company_id.id),
            ("freight_intake_date", ">=", start),
            ("freight_intake_date", "<", end),
        ]

    def _group(self, groupby):
        """[(label, count, on-time rate)] of the quarter's complaints by a field."""
        rows = self.env["helpdesk.ticket"]._read_group(
            self._get_domain(),
            [groupby],
            ["__count", "freight_on_time_rate:avg"],
            order="__count desc",
        )
        result = []
        field = self.env["helpdesk.ticket"]._fields[groupby]
        labels = (
            dict(field._description_selection(self.env))
            if field.type == "selection"
            else {}
        )
        for key, count, rate in rows:
            if field.type == "selection":
                label = labels.get(key, self.env._("Undefined"))
            else:
                label = key.display_name if key else self.env._("Undefined")
            result.append((label, count, rate or 0.0))
        return result

    def _get_report_data(self):
        self.ensure_one()
        tickets = self.env["helpdesk.ticket"].search(self._get_domain())
        closed = tickets.filtered("stage_id.closed")
        on_time = closed.filtered(lambda t: t.freight_on_time_rate)
        callbacks = tickets.filtered("freight_callback_count")
        return {
            "total": len(tickets),
            "closed": len(closed),
            "on_time_rate": 100.0 * len(on_time) / len(closed) if closed else 0.0,
            "repeat": len(tickets.filtered("freight_is_repeat")),
            "escalated": len(tickets.filtered("freight_escalation_level")),
            "compensation": sum(tickets.mapped("freight_compensation_amount")),
            "satisfaction": (
                sum(callbacks.mapped("freight_satisfaction")) / len(callbacks)
                if callbacks
                else 0.0
            ),
            "by_class": self._group("freight_complaint_class"),
            "by_category": self._group("freight_root_category_id"),
            "by_cause": self._group("freight_root_cause_id"),
            "by_grade": self._group("freight_grade_id"),
            "by_team": self._group("team_id"),
            "by_customer": self._group("commercial_partner_id")[:10],
            "repeats": tickets.filtered("freight_is_repeat"),
        }

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# pylint: disable=consider-merging-classes-inherited
from collections import defaultdict
from datetime import datetime, time, timedelta

from odoo import fields, models

from ..tools.roles import MANAGER


class FreightStaffAppraisal(models.Model):
    """The appraisal's actuals measured from the addons' records: each
    measure of ``freight.appraisal.indicator.measure`` is answered by
    ``_freight_measure``, which the addons owning the records extend."""

    _inherit = "freight.staff.appraisal"

    def action_freight_collect_actuals(self):
        """Collect the measured indicators' actuals again from the period's
        records; the lines entered by hand stay as typed, and so does a
        figure typed on a measured line the records cannot measure."""
        action = self.env._("Collect the actuals")
        self._freight_check_group(MANAGER, action)
        self._freight_check_states(("draft",), action)
        self._freight_collect_actuals()
        return True

    def _freight_collect_actuals(self):
        """Write the measured lines' actuals: one query per measure and
        period, whatever the number of appraisals. A line the records cannot
        measure stays blank (or as the manager typed it)."""
        lines = self.line_ids.filtered("is_measured")
        by_value = defaultdict(lambda: self.env["freight.staff.appraisal.line"])
        for measure in set(lines.mapped("measure")):
            values = self._freight_measure(measure)
            for line in lines.filtered(lambda line, m=measure: line.measure == m):
                value = values.get(line.appraisal_id.id)
                if value is not None:
                    by_value[round(value, 2)] |= line
        # Lines of equal figures are written together.
        for value, measured in by_value.items():
            measured.sudo().write({"actual": value})

    def _freight_measure(self, measure):
        """``{appraisal id: value}`` of ``measure`` over each appraisal's
        period; an appraisal left out (or None) has nothing to measure.
        Addons measuring their own records override it: handle their
        measures and call ``super()`` for the others."""
        method = {
            "customers_signed": self._freight_measure_customers_signed,
            "evaluations_on_time": self._freight_measure_evaluations_on_time,
            "key_account_plans_on_time": self._freight_measure_plans_on_time,
            "training_hours": self._freight_measure_training_hours,
            "customer_satisfaction": lambda: self._freight_measure_kpi("satisfaction"),
            "document_accuracy": lambda: self._freight_measure_kpi("document_accuracy"),
            "on_time_delivery": lambda: self._freight_measure_kpi("on_time_rate"),
        }.get(measure)
        return method() if method else {}

    def _freight_periods(self):
        """``{(start, end, end + 1 day): appraisals}``: the measures read each
        period once for all its employees."""
        periods = defaultdict(lambda: self.browse())
        for appraisal in self:
            start, end = appraisal.period_start, appraisal.period_end
            periods[(start, end, end + timedelta(days=1))] |= appraisal
        return periods

    def _freight_period_domain(self, field, start, stop, is_datetime=False):
        """``field`` within [start, stop)."""
        if is_datetime:
            start = datetime.combine(start, time.min)
            stop = datetime.combine(stop, time.min)
        return [(field, ">=", start), (field, "<", stop)]

    def _freight_per_appraisal(self, appraisals, by_user):
        return {
            appraisal.id: by_user[appraisal.user_id.id]
            for appraisal in appraisals
            if by_user.get(appraisal.user_id.id) is not None
        }

    def _freight_measure_grouped(
        self, model, user_field, date_field, aggregate, domain=(), is_datetime=False
    ):
        """``{appraisal id: aggregate}`` over the records of ``model`` whose
        ``date_field`` lies in the period, grouped by ``user_field``, as the
        system: the appraisal counts records the manager need not see."""
        result = {}
        Model = self.env[model].sudo().with_context(active_test=False)
        for (start, __, stop), appraisals in self._freight_periods().items():
            rows = Model._read_group(
                [
                    *domain,
                    (user_field, "in", appraisals.user_id.ids),
                    *self._freight_period_domain(date_field, start, stop, is_datetime),
                ],
                [user_field],
                [aggregate],
            )
            result.update(
                self._freight_per_appraisal(
                    appraisals, {user.id: value for user, value in rows}
                )
            )
        return result

    def _freight_measure_on_time(
        self, model, user_field, date_field, done_field, domain=(), is_datetime=False
    ):
        """``{appraisal id: % on time}``: the share of the period's records
        (``date_field`` in the period) whose ``done_field`` is set at most
        the on-time days after ``date_field``. None without records."""
        days = self._freight_param("freight_crm.appraisal_on_time_days")
        result = {}
        Model = self.env[model].sudo()
        for (start, __, stop), appraisals in self._freight_periods().items():
            rows = Model._read_group(
                [
                    *domain,
                    (user_field, "in", appraisals.user_id.ids),
                    *self._freight_period_domain(date_field, start, stop, is_datetime),
                ],
                [user_field, f"{date_field}:day", f"{done_field}:day"],
                ["__count"],
            )
            totals = defaultdict(int)
            on_time = defaultdict(int)
            for user, due, done, count in rows:
                totals[user.id] += count
                if done and fields.Date.to_date(done) <= fields.Date.to_date(
                    due
                ) + timedelta(days=days):
                    on_time[user.id] += count
            result.update(
                self._freight_per_appraisal(
                    appraisals,
                    {
                        user_id: 100.0 * on_time[user_id] / total
                        for user_id, total in totals.items()
                    },
                )
            )
        return result

    def _freight_measure_customers_signed(self):
        """New customers: the account manager's customers whose first
        contract was signed in the period. Always measured (0 is a figure)."""
        result = {}
        Contract = self.env["freight.customer.contract"].sudo()
        for (start, end, __), appraisals in self._freight_periods().items():
            rows = Contract._read_group(
                [
                    ("partner_id.user_id", "in", appraisals.user_id.ids),
                    ("date_signed", "!=", False),
                    ("date_signed", "<=", end),
                ],
                ["partner_id"],
                ["date_signed:min"],
            )
            counts = defaultdict(int)
            for partner, first_signed in rows:
                if first_signed >= start:
                    counts[partner.user_id.id] += 1
            for appraisal in appraisals:
                result[appraisal.id] = float(counts[appraisal.user_id.id])
        return result

    def _freight_measure_evaluations_on_time(self):
        """Share of the customer evaluations dated in the period that were
        confirmed within the on-time days."""
        return self._freight_measure_on_time(
            "freight.customer.evaluation", "user_id", "date", "confirmed_date"
        )

    def _freight_measure_plans_on_time(self):
        """Share of the key-account plans of half years starting in the
        period that were submitted by the on-time days after that start."""
        return self._freight_measure_on_time(
            "freight.key.account.plan", "user_id", "period_start", "submitted_date"
        )

    def _freight_measure_training_hours(self):
        """Confirmed training hours of the period; 0 without training."""
        hours = self._freight_measure_grouped(
            "freight.staff.training",
            "user_id",
            "date",
            "hours:sum",
            [("state", "=", "confirmed")],
        )
        return {appraisal.id: hours.get(appraisal.id, 0.0) for appraisal in self}

    def _freight_measure_kpi(self, kpi_field):
        """Average of the employee's customers' KPI ``kpi_field`` over the
        KPI periods starting in the appraisal period: unmeasured KPIs are
        left out, and no measured KPI leaves the line blank."""
        return self._freight_measure_grouped(
            "freight.customer.kpi",
            "user_id",
            "date_start",
            f"{kpi_field}:avg",
            [(kpi_field, "!=", False)],
        )

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain

from ..tools import MeasuredFloat
from ..tools.cron_batch import freight_keyset_batches
from ..tools.local_time import freight_local_midnight, freight_naive_utc
from ..tools.settings_table import freight_setting_value
from .freight_workflow_guard import COMPUTED

# Customers given their monthly KPI period per transaction by the cron.
KPI_CRON_BATCH = 1000

# KPI field -> (setting of its target, higher is better). Targets are
# copied onto each period so history keeps its target.
KPI_TARGETS = {
    "on_time_rate": ("freight_crm.kpi_on_time_target", True),
    "intact_rate": ("freight_crm.kpi_intact_target", True),
    "document_accuracy": ("freight_crm.kpi_document_target", True),
    "satisfaction": ("freight_crm.kpi_satisfaction_target", True),
    "enquiry_response_minutes": ("freight_crm.kpi_enquiry_minutes", False),
    "exception_notice_hours": ("freight_crm.kpi_exception_hours", False),
}


class FreightCustomerKpi(models.Model):
    """Service KPI actuals of one customer over one period (R-KPI-1/2),
    entered or imported, compared with the targets of Settings."""

    _name = "freight.customer.kpi"
    _description = "Customer Service KPI"
    _inherit = ("freight.workflow.guard",)
    _order = "date_start desc, partner_id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("is_company", "=", True)],
    )
    user_id = fields.Many2one(
        related="partner_id.user_id", string="Account Manager", store=True
    )
    grade_id = fields.Many2one(
        "freight.customer.grade",
        compute="_compute_grade_id",
        store=True,
        readonly=False,
        help="Grade of the customer in this period.",
    )
    date_start = fields.Date(string="Period Start", required=True)
    date_end = fields.Date(string="Period End", required=True)
    # Blank until measured or entered: an unmeasured figure is neither 0 nor
    # below target, and averages leave it out.
    on_time_rate = MeasuredFloat(string="On-time Rate (%)", aggregator="avg")
    intact_rate = MeasuredFloat(string="Cargo Intact Rate (%)", aggregator="avg")
    document_accuracy = MeasuredFloat(string="Document Accuracy (%)", aggregator="avg")
    satisfaction = MeasuredFloat(string="Satisfaction (0-100)", aggregator="avg")
    enquiry_response_minutes = MeasuredFloat(
        string="Enquiry Response (Minutes)", aggregator="avg"
    )
    exception_notice_hours = MeasuredFloat(
        string="Exception Notice (Hours)", aggregator="avg"
    )
    on_time_target = fields.Float(
        aggregator="avg", default=lambda s: s._target("on_time_rate")
    )
    intact_target = fields.Float(
        aggregator="avg", default=lambda s: s._target("intact_rate")
    )
    document_target = fields.Float(
        aggregator="avg", default=lambda s: s._target("document_accuracy")
    )
    satisfaction_target = fields.Float(
        aggregator="avg", default=lambda s: s._target("satisfaction")
    )
    enquiry_target = fields.Float(
        aggregator="avg", default=lambda s: s._target("enquiry_response_minutes")
    )
    exception_target = fields.Float(
        aggregator="avg", default=lambda s: s._target("exception_notice_hours")
    )
    shortfall_count = fields.Integer(
        string="KPIs Below Target",
        compute="_compute_shortfall",
        store=True,
        aggregator="sum",
    )
    below_target = fields.Boolean(compute="_compute_shortfall", store=True)

    @api.model
    def _freight_guard_policy(self):
        return {"shortfall_count": COMPUTED, "below_target": COMPUTED}

    @api.model
    def _target(self, kpi):
        param, _higher = KPI_TARGETS[kpi]
        return freight_setting_value(self.env, param)

    @api.depends("partner_id")
    def _compute_grade_id(self):
        for kpi in self:
            kpi.grade_id = kpi.partner_id.commercial_partner_id.freight_grade_id

    @api.depends(
        "on_time_rate",
        "intact_rate",
        "document_accuracy",
        "satisfaction",
        "enquiry_response_minutes",
        "exception_notice_hours",
        "on_time_target",
        "intact_target",
        "document_target",
        "satisfaction_target",
        "enquiry_target",
        "exception_target",
    )
    def _compute_shortfall(self):
        targets = {
            "on_time_rate": "on_time_target",
            "intact_rate": "intact_target",
            "document_accuracy": "document_target",
            "satisfaction": "satisfaction_target",
            "enquiry_response_minutes": "enquiry_target",
            "exception_notice_hours": "exception_target",
        }
        for kpi in self:
            count = 0
            for field, target in targets.items():
                higher_is_better = KPI_TARGETS[field][1]
                actual, goal = kpi[field], kpi[target]
                if actual is False:
                    continue
                short = actual < goal if higher_is_better else actual > goal
                count += int(short)
            kpi.shortfall_count = count
            kpi.below_target = bool(count)

    @api.constrains(
        "date_start",
        "date_end",
        "on_time_rate",
        "intact_rate",
        "document_accuracy",
        "satisfaction",
        "enquiry_response_minutes",
        "exception_notice_hours",
    )
    def _check_values(self):
        for kpi in self:
            if not kpi.date_start or not kpi.date_end:
                raise ValidationError(self._freight_period_missing_message())
            if kpi.date_end < kpi.date_start:
                raise ValidationError(self.env._("The period ends before it starts."))
            rates = (
                kpi.on_time_rate,
                kpi.intact_rate,
                kpi.document_accuracy,
                kpi.satisfaction,
            )
            if any(rate is not False and not 0 <= rate <= 100 for rate in rates):
                raise ValidationError(
                    self.env._("Rates and satisfaction must be between 0 and 100.")
                )
            if kpi.enquiry_response_minutes < 0 or kpi.exception_notice_hours < 0:
                raise ValidationError(self.env._("Response times cannot be negative."))

    def _freight_period_missing_message(self):
        return self.env._(
            "A KPI period needs both a start and an end date: give the first "
            "and the last day of the period."
        )

    @api.model
    def _freight_check_period_given(self, vals_list, creating):
        """Refuse an empty period date before anything compares it."""
        for vals in vals_list:
            for name in ("date_start", "date_end"):
                if creating and name not in vals:
                    value = self.env.context.get(f"default_{name}")
                else:
                    value = vals.get(name, True)
                if not value:
                    raise ValidationError(self._freight_period_missing_message())

    @api.model_create_multi
    def create(self, vals_list):
        self._freight_check_period_given(vals_list, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        self._freight_check_period_given([vals], creating=False)
        return super().write(vals)

    # ------------------------------------------------------------------
    # Actuals measured by the installed addons (R-KPI-2)
    # ------------------------------------------------------------------
    def action_freight_fill_actuals(self):
        """Fill these periods' actuals from the addons that measure them
        (complaints, surveys...). Actuals no addon measures stay as entered."""
        # Checked first: the addons aggregate their records as superuser,
        # for the customers whose periods the user may write only.
        self.check_access("write")
        values = self._freight_collect_actuals()
        self._freight_write_actuals(values)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if values else "info",
                "message": self.env._(
                    "Actuals filled for %(filled)s of %(total)s KPI periods.",
                    filled=len(values),
                    total=len(self),
                ),
                # Show the filled figures in the list the button is on.
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _freight_collect_actuals(self):
        """Return ``{kpi id: {field: value}}``, the actuals measured for
        these periods; only periods and fields with a measure are present.

        Addons override it: call ``super()`` and add their figures. A source
        that should only fill a gap (e.g. complaint callbacks for the
        satisfaction) uses ``setdefault``; one that wins (satisfaction
        surveys) overwrites, whatever the order the addons load in.
        Overrides must work per period on the whole batch (``_read_group``
        over :meth:`_freight_periods`), never one query per customer."""
        return {}

    def _freight_periods(self):
        """``{(start, end): kpis}``: these KPIs grouped by their period, the
        period as naive UTC datetimes [first day 00:00, day after 00:00) on
        the company's clock, to compare with stored datetimes."""
        tz_name = self._freight_period_tz()

        def to_utc(day):
            return freight_naive_utc(freight_local_midnight(tz_name, day))

        ids_by_period = {}
        for kpi in self:
            period = (to_utc(kpi.date_start), to_utc(kpi.date_end + timedelta(days=1)))
            ids_by_period.setdefault(period, []).append(kpi.id)
        return {period: self.browse(ids) for period, ids in ids_by_period.items()}

    def _freight_period_tz(self):
        """Time zone the period's days are counted in: the company's working
        calendar (the office), else the user's."""
        return self.env.company.resource_calendar_id.tz or self.env.user.tz or "UTC"

    def _freight_set_actual(self, actuals, field, by_partner, overwrite=True):
        """Add ``by_partner[customer id]`` to ``actuals`` as ``field`` of each
        of these KPIs whose customer has a figure. Without ``overwrite``, a
        figure another source already gave is kept."""
        for kpi in self:
            value = by_partner.get(kpi.partner_id.id)
            if value is None:
                continue
            values = actuals.setdefault(kpi.id, {})
            if overwrite:
                values[field] = value
            else:
                values.setdefault(field, value)
        return actuals

    def _freight_write_actuals(self, values):
        """Write ``{kpi id: {field: value}}`` on these KPIs in one go; the
        caller has checked the write access to ``self``."""
        # A write per record as the user would check the record rules again,
        # one query each: the access was checked once for the batch. The ORM
        # then flushes the cached values as one UPDATE per set of fields.
        kpis = self.sudo()
        for kpi in kpis.browse([kpi_id for kpi_id in self.ids if kpi_id in values]):
            kpi.write(values[kpi.id])
        kpis.flush_recordset()

    # ------------------------------------------------------------------
    # Monthly periods (cron)
    # ------------------------------------------------------------------
    @api.model
    def _freight_previous_month(self):
        first = fields.Date.context_today(self).replace(day=1)
        return first - relativedelta(months=1), first - relativedelta(days=1)

    @api.model
    def _freight_missing_period_domain(self, date_start, date_end):
        """Signed customers without a KPI period for these dates."""
        existing = self.with_context(active_test=False)._search(
            [("date_start", "=", date_start), ("date_end", "=", date_end)]
        )
        return (
            Domain("is_company", "=", True)
            & Domain("freight_customer_state", "=", "signed")
            & Domain("id", "not in", existing.subselect("partner_id"))
        )

    @api.model
    def _cron_freight_monthly_kpis(self):
        """Create last month's KPI period of every signed customer and fill
        its actuals, in batches. A customer that already has the period is
        skipped, so a rerun after a crash only does what is left."""
        date_start, date_end = self._freight_previous_month()
        Partner = self.env["res.partner"]
        domain = self._freight_missing_period_domain(date_start, date_end)
        remaining = Partner.search_count(domain)
        if remaining:
            freight_keyset_batches(
                Partner,
                domain,
                lambda partners: self._freight_create_periods(
                    partners, date_start, date_end
                ),
                batch_size=KPI_CRON_BATCH,
                remaining=remaining,
                always_commit=True,
            )
        return True

    @api.model
    def _freight_create_periods(self, partners, date_start, date_end):
        kpis = self.create(
            [
                {
                    "partner_id": partner.id,
                    "date_start": date_start,
                    "date_end": date_end,
                }
                for partner in partners
            ]
        )
        kpis.action_freight_fill_actuals()
        return kpis

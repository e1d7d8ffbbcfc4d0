# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# KPI field -> (config parameter of its target, rulebook default, higher is
# better). Targets are copied onto each period so history keeps its target.
KPI_TARGETS = {
    "on_time_rate": ("freight_crm.kpi_on_time_target", 98.0, True),
    "intact_rate": ("freight_crm.kpi_intact_target", 99.5, True),
    "document_accuracy": ("freight_crm.kpi_document_target", 100.0, True),
    "satisfaction": ("freight_crm.kpi_satisfaction_target", 90.0, True),
    "enquiry_response_minutes": ("freight_crm.kpi_enquiry_minutes", 30.0, False),
    "exception_notice_hours": ("freight_crm.kpi_exception_hours", 2.0, False),
}


class FreightCustomerKpi(models.Model):
    """Service KPI actuals of one customer over one period (R-KPI-1/2),
    entered or imported, compared with the targets of Settings."""

    _name = "freight.customer.kpi"
    _description = "Customer Service KPI"
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
    on_time_rate = fields.Float(string="On-time Rate (%)", aggregator="avg")
    intact_rate = fields.Float(string="Cargo Intact Rate (%)", aggregator="avg")
    document_accuracy = fields.Float(string="Document Accuracy (%)", aggregator="avg")
    satisfaction = fields.Float(string="Satisfaction (0-100)", aggregator="avg")
    enquiry_response_minutes = fields.Float(
        string="Enquiry Response (Minutes)", aggregator="avg"
    )
    exception_notice_hours = fields.Float(
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
    def _target(self, kpi):
        param, default, _higher = KPI_TARGETS[kpi]
        return float(self.env["ir.config_parameter"].sudo().get_param(param, default))

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
                higher_is_better = KPI_TARGETS[field][2]
                actual, goal = kpi[field], kpi[target]
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
            if kpi.date_end < kpi.date_start:
                raise ValidationError(self.env._("The period ends before it starts."))
            rates = (
                kpi.on_time_rate,
                kpi.intact_rate,
                kpi.document_accuracy,
                kpi.satisfaction,
            )
            if any(rate < 0 or rate > 100 for rate in rates):
                raise ValidationError(
                    self.env._("Rates and satisfaction must be between 0 and 100.")
                )
            if kpi.enquiry_response_minutes < 0 or kpi.exception_notice_hours < 0:
                raise ValidationError(self.env._("Response times cannot be negative."))

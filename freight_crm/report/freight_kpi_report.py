# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# KPI field -> its target field on freight.customer.kpi, in the order shown.
INDICATORS = [
    ("on_time_rate", "on_time_target", "On-time Rate (%)"),
    ("intact_rate", "intact_target", "Cargo Intact Rate (%)"),
    ("document_accuracy", "document_target", "Document Accuracy (%)"),
    ("satisfaction", "satisfaction_target", "Satisfaction (0-100)"),
    ("enquiry_response_minutes", "enquiry_target", "Enquiry Response (Minutes)"),
    ("exception_notice_hours", "exception_target", "Exception Notice (Hours)"),
]


class FreightKpiReport(models.Model):
    """Each measured KPI of each period twice, as its actual and as its
    target, so that a graph puts them side by side. Unmeasured figures have
    no row: they are neither 0 nor below target."""

    _name = "freight.kpi.report"
    _description = "KPI Actual vs Target"
    _auto = False
    _order = "date_start desc, indicator, kind"

    kpi_id = fields.Many2one("freight.customer.kpi", string="KPI Period", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Account Manager", readonly=True)
    grade_id = fields.Many2one("freight.customer.grade", readonly=True)
    date_start = fields.Date(string="Period Start", readonly=True)
    indicator = fields.Selection(
        [(name, label) for name, _target, label in INDICATORS], readonly=True
    )
    kind = fields.Selection(
        [("actual", "Actual"), ("target", "Target")], string="Figure", readonly=True
    )
    value = fields.Float(aggregator="avg", readonly=True)

    @property
    def _table_query(self):
        rows = ", ".join(
            f"({position}, '{name}', k.{name}, k.{target})"
            for position, (name, target, _label) in enumerate(INDICATORS)
        )
        return f"""
            SELECT k.id * 16 + m.position * 2 + f.is_target AS id,
                   k.id AS kpi_id, k.partner_id, k.user_id, k.grade_id,
                   k.date_start, m.indicator,
                   CASE f.is_target WHEN 1 THEN 'target' ELSE 'actual' END AS kind,
                   CASE f.is_target WHEN 1 THEN m.target ELSE m.actual END AS value
              FROM freight_customer_kpi k
             CROSS JOIN LATERAL (VALUES {rows})
                   AS m(position, indicator, actual, target)
             CROSS JOIN (VALUES (0), (1)) AS f(is_target)
             WHERE m.actual IS NOT NULL
        """

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain

from .common import get_setting


class ResPartner(models.Model):
    """Visit planning (R-VIS-2): the cron that plans the due visits."""

    _inherit = "res.partner"

    @api.model
    def _freight_visit_horizon(self):
        return get_setting(self.env, "planning_horizon_days")

    @api.model
    def _cron_freight_plan_visits(self, batch_size=1000):
        """Plan a visit for every customer due within the horizon that has no
        planned visit yet. Searches the stored, indexed next-visit date and
        creates each batch's visits and activities in two batched creates, so
        the number of queries does not grow with the number of customers.
        Planned customers drop out of the domain, so each batch picks up the
        next ones; in a cron run every batch is committed with its progress."""
        today = fields.Date.context_today(self)
        limit = today + timedelta(days=self._freight_visit_horizon())
        domain = Domain("freight_next_visit_date", "<=", limit) & Domain(
            "freight_visit_ids", "not any", [("state", "=", "planned")]
        )
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        visits = self.env["freight.visit"]
        while True:
            due = self.search(domain, limit=batch_size, order="id")
            visits |= due._freight_create_planned_visits(today)
            if len(due) < batch_size:
                if in_cron:
                    self.env["ir.cron"]._commit_progress(len(due), remaining=0)
                return visits
            if in_cron and not self.env["ir.cron"]._commit_progress(
                len(due), remaining=self.search_count(domain)
            ):
                # Out of time: the cron is rescheduled for the rest.
                return visits

    def _freight_create_planned_visits(self, today):
        if not self:
            return self.env["freight.visit"]
        visit_vals = []
        for partner in self:
            visit_vals.append(
                {
                    "partner_id": partner.id,
                    "user_id": partner._freight_account_manager().id,
                    "visit_date": max(partner.freight_next_visit_date, today),
                    "grade_id": partner.freight_grade_id.id,
                    "channel": partner._freight_visit_policy()[1],
                    "company_id": (partner.company_id or self.env.company).id,
                }
            )
        quiet = {
            "tracking_disable": True,
            "mail_create_nolog": True,
            "mail_create_nosubscribe": True,
            "mail_activity_quick_update": True,
        }
        visits = self.env["freight.visit"].with_context(**quiet).create(visit_vals)
        activity_type = self.env.ref("freight_crm_visits.mail_activity_type_visit")
        model_id = self.env["ir.model"]._get_id("freight.visit")
        self.env["mail.activity"].with_context(**quiet).create(
            [
                {
                    "activity_type_id": activity_type.id,
                    "summary": activity_type.with_context(
                        lang=visit.user_id.lang
                    ).summary,
                    "automated": True,
                    "date_deadline": visit.visit_date,
                    "res_model_id": model_id,
                    "res_id": visit.id,
                    "user_id": visit.user_id.id,
                }
                for visit in visits
            ]
        )
        return visits

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from odoo.addons.freight_crm.models.freight_workflow_guard import COMPUTED

from .common import PLANNED_STATES, add_months
from .freight_visit import DONE_STATES


class ResPartner(models.Model):
    """The customer's visits and its visit policy. Planning, care and
    surveys extend the same model in res_partner_*.py."""

    _name = "res.partner"
    _inherit = ("res.partner", "freight.workflow.guard")

    freight_visit_ids = fields.One2many("freight.visit", "partner_id", string="Visits")
    freight_visit_count = fields.Integer(
        string="Visit Count", compute="_compute_freight_visit_count"
    )
    freight_last_visit_date = fields.Date(
        string="Last Visit",
        compute="_compute_freight_visit_dates",
        store=True,
    )
    freight_next_visit_date = fields.Date(
        string="Next Visit Due",
        compute="_compute_freight_visit_dates",
        store=True,
        index=True,
        help="Last held visit plus the grade's visit interval; empty when the "
        "customer has no visit plan (no grade, dormant or eliminated).",
    )

    @api.depends(
        "freight_visit_ids.state",
        "freight_visit_ids.visit_date",
        "freight_customer_state",
        "freight_grade_id.visit_interval_months",
        "freight_grade_id.freight_potential_visit_interval_months",
    )
    def _compute_freight_visit_dates(self):
        # One grouped query for the whole batch, not one per partner.
        last_dates = dict(
            self.env["freight.visit"]._read_group(
                [("partner_id", "in", self._origin.ids), ("state", "in", DONE_STATES)],
                ["partner_id"],
                ["visit_date:max"],
            )
        )
        for partner in self:
            last = last_dates.get(partner._origin)
            partner.freight_last_visit_date = last
            months = partner._freight_visit_policy()[0]
            if not months:
                partner.freight_next_visit_date = False
                continue
            if last:
                partner.freight_next_visit_date = add_months(last, months)
            else:
                # Never visited: due since the customer was created.
                created = partner.create_date or fields.Datetime.now()
                partner.freight_next_visit_date = created.date()

    def _compute_freight_visit_count(self):
        counts = dict(
            self.env["freight.visit"]._read_group(
                [("partner_id", "in", self._origin.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.freight_visit_count = counts.get(partner._origin, 0)

    @api.model
    def _freight_guard_policy(self):
        """Visit dates follow the visits."""
        return {
            **super()._freight_guard_policy(),
            "freight_last_visit_date": COMPUTED,
            "freight_next_visit_date": COMPUTED,
        }

    def action_freight_view_visits(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_crm_visits.freight_visit_action"
        )
        if len(self) == 1:
            action["domain"] = [("partner_id", "=", self.id)]
            action["context"] = {"default_partner_id": self.id}
        else:
            action["domain"] = [("partner_id", "in", self.ids)]
        return action

    def _freight_visit_policy(self):
        """(interval in months, channel) of this customer per grade and state
        (R-VIS-1); (0, False) when it has no visit plan."""
        if not self:
            return 0, False
        self.ensure_one()
        grade = self.freight_grade_id
        if not grade or self.freight_customer_state not in PLANNED_STATES:
            return 0, False
        if self.freight_customer_state == "potential":
            return (
                grade.freight_potential_visit_interval_months,
                grade.freight_potential_visit_channel,
            )
        return grade.visit_interval_months, grade.visit_channel

    def _freight_account_manager(self):
        """Who gets this customer's visit, greeting and survey activities:
        its salesperson, else its grade's maintainer, else the current user."""
        self.ensure_one()
        return self.user_id or self.freight_grade_id.maintainer_user_id or self.env.user

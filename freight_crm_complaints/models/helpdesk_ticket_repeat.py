# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain

from odoo.addons.freight_crm.models.freight_workflow_guard import COMPUTED
from odoo.addons.freight_crm.tools.settings_table import freight_setting_value

# Fields that decide whether two complaints are the same complaint.
REPEAT_KEYS = {"partner_id", "freight_root_cause_id", "freight_intake_date", "team_id"}


# One concern per file, as Odoo core does for the models it extends.
class HelpdeskTicket(models.Model):
    """Repeat complaints: the same customer, the same root cause, within the
    company's repeat window (R-CMP-8)."""

    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    freight_is_repeat = fields.Boolean(
        string="Repeat Complaint",
        compute="_compute_freight_is_repeat",
        store=True,
        help="The same customer complained about the same root cause within "
        "the repeat window (90 days by default) before this complaint.",
    )

    @api.model
    def _freight_guard_policy(self):
        policy = super()._freight_guard_policy()
        policy["freight_is_repeat"] = COMPUTED
        return policy

    @api.depends(
        "commercial_partner_id",
        "freight_root_cause_id",
        "freight_intake_date",
        "freight_is_complaint",
    )
    def _compute_freight_is_repeat(self):
        for ticket in self:
            ticket.freight_is_repeat = bool(ticket._freight_previous_same_complaint())

    # CRUD ----------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        # A complaint filed late (backdated intake) can make later ones repeats.
        tickets._freight_recompute_later_repeats()
        return tickets

    def write(self, vals):
        if not REPEAT_KEYS & set(vals):
            return super().write(vals)
        # Later complaints that were repeats of these ones before the write.
        was_repeated = self._freight_later_same_complaints()
        res = super().write(vals)
        self._freight_recompute_later_repeats(extra=was_repeated)
        return res

    # Helpers -------------------------------------------------------------
    def _freight_repeat_domain(self):
        """Domain of the complaints that count as the same as this one, or
        None when it cannot be compared (not a complaint, no cause...)."""
        self.ensure_one()
        if not (
            self.freight_is_complaint
            and self.commercial_partner_id
            and self.freight_root_cause_id
            and self.freight_intake_date
        ):
            return None
        return (
            Domain("freight_is_complaint", "=", True)
            & Domain("commercial_partner_id", "=", self.commercial_partner_id.id)
            & Domain("freight_root_cause_id", "=", self.freight_root_cause_id.id)
        )

    def _freight_repeat_window(self):
        self.ensure_one()
        return timedelta(
            days=freight_setting_value(
                self.env,
                "freight_crm_complaints.freight_complaint_repeat_days",
                company=self.company_id,
            )
        )

    def _freight_previous_same_complaint(self):
        """Earlier complaint of the same customer and root cause in the window."""
        self.ensure_one()
        domain = self._freight_repeat_domain()
        if domain is None:
            return self.browse()
        intake = self.freight_intake_date
        domain &= Domain("freight_intake_date", "<", intake) & Domain(
            "freight_intake_date", ">=", intake - self._freight_repeat_window()
        )
        if self.id:
            domain &= Domain("id", "!=", self.id)
        return self.sudo().with_context(active_test=False).search(domain, limit=1)

    def _freight_later_same_complaints(self):
        """Later complaints of the same customer and root cause in the window.

        Their repeat flag depends on these complaints: one search for the
        whole batch.
        """
        domains = []
        for ticket in self:
            domain = ticket._freight_repeat_domain()
            if domain is None:
                continue
            intake = ticket.freight_intake_date
            domains.append(
                domain
                & Domain("freight_intake_date", ">", intake)
                & Domain(
                    "freight_intake_date",
                    "<=",
                    intake + ticket._freight_repeat_window(),
                )
            )
        if not domains:
            return self.browse()
        later = (
            self.sudo()
            .with_context(active_test=False)
            .search(Domain.OR(domains) & Domain("id", "not in", self.ids))
        )
        return later.with_env(self.env)

    def _freight_recompute_later_repeats(self, extra=None):
        """A root cause found afterwards on an earlier complaint (or removed
        from it) changes whether later complaints are repeats."""
        later = self._freight_later_same_complaints()
        if extra:
            later |= extra
        if later:
            self.env.add_to_compute(self._fields["freight_is_repeat"], later.sudo())

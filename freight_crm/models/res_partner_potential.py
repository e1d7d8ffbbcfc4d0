# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain

from ..tools import freight_keyset_batches
from .freight_workflow_guard import COMPUTED, WORKFLOW
from .res_partner_confidentiality import FILE

# Settings of the periodic re-assessment (R-CLS-4): months since the last
# assessment, customers handled per batch (defaults in tools/settings.py).
POTENTIAL_PARAMS = (
    "freight_crm.potential_reassess_months",
    "freight_crm.potential_reassess_batch_size",
)
REASSESS_ACTIVITY = "freight_crm.mail_activity_potential_reassessment"


# pylint: disable=consider-merging-classes-inherited
class ResPartner(models.Model):
    """Potential customers' buying potential is re-assessed periodically
    (定期评估潜在客户的购买潜力): the account manager gets a re-assessment
    activity once the last assessment is older than the setting."""

    _inherit = "res.partner"

    freight_potential_reminded_date = fields.Date(
        string="Re-assessment Requested",
        readonly=True,
        copy=False,
        groups=FILE,
        help="When the account manager was last asked to re-assess the "
        "buying potential of this potential customer.",
    )
    # The latest of the last confirmed evaluation, the first contact and
    # the last request: stored and indexed, so that the daily cron is one
    # range search whatever the number of customers.
    freight_potential_assessed_date = fields.Date(
        string="Potential Last Assessed",
        compute="_compute_freight_potential_assessed_date",
        store=True,
        index=True,
        groups=FILE,
        help="Last confirmed evaluation, else first contact; a re-assessment "
        "request counts as an assessment for the next period.",
    )

    @api.model
    def _freight_guard_policy(self):
        return dict(
            super()._freight_guard_policy(),
            freight_potential_reminded_date=WORKFLOW,
            freight_potential_assessed_date=COMPUTED,
        )

    @api.depends(
        "freight_evaluation_date",
        "freight_first_contact_date",
        "freight_potential_reminded_date",
    )
    def _compute_freight_potential_assessed_date(self):
        for partner in self:
            dates = [
                day
                for day in (
                    partner.freight_evaluation_date,
                    partner.freight_first_contact_date,
                    partner.freight_potential_reminded_date,
                )
                if day
            ]
            partner.freight_potential_assessed_date = max(dates) if dates else False

    def _freight_after_write(self, vals):
        """A confirmed evaluation is the re-assessment: it completes the
        open request."""
        res = super()._freight_after_write(vals)
        if vals.get("freight_evaluation_date"):
            self.sudo().activity_feedback(
                [REASSESS_ACTIVITY],
                feedback=self.env._("Re-assessed by a confirmed evaluation."),
            )
        return res

    @api.model
    def _freight_reassess_domain(self, today):
        months = self._freight_params(POTENTIAL_PARAMS)[
            "freight_crm.potential_reassess_months"
        ]
        cutoff = today - relativedelta(months=months)
        return Domain("freight_customer_state", "=", "potential") & Domain(
            "freight_potential_assessed_date", "<=", cutoff
        )

    @api.model
    def _cron_freight_reassess_potential(self):
        """Daily: one re-assessment activity per potential customer whose
        last assessment is older than the setting, in keyset batches
        (committed when run by the scheduler)."""
        Partner = self.sudo().with_context(
            tracking_disable=True, mail_activity_quick_update=True
        )
        today = fields.Date.context_today(self)
        params = self._freight_params(POTENTIAL_PARAMS)
        batch_size = params["freight_crm.potential_reassess_batch_size"]
        domain = Partner._freight_reassess_domain(today)
        requested = Partner.browse()

        def request(batch):
            nonlocal requested
            requested |= batch._freight_request_reassessment(today)

        freight_keyset_batches(Partner, domain, request, batch_size=batch_size)
        return requested

    def _freight_request_reassessment(self, today):
        """Schedule the activity on those of these customers without an open
        one, in one create, and note the request on them: the next period
        starts today."""
        activity_type = self.env.ref(REASSESS_ACTIVITY)
        open_ids = {
            res_id
            for [res_id] in self.env["mail.activity"]
            .sudo()
            ._read_group(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("activity_type_id", "=", activity_type.id),
                ],
                ["res_id"],
            )
        }
        todo = self.filtered(lambda partner: partner.id not in open_ids)
        model_id = self.env["ir.model"]._get_id(self._name)
        deadline = today + relativedelta(days=activity_type.delay_count or 0)
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": partner.id,
                    "activity_type_id": activity_type.id,
                    "summary": activity_type.with_context(
                        lang=partner._freight_reassessor().lang
                    ).summary,
                    "automated": True,
                    "user_id": partner._freight_reassessor().id,
                    "date_deadline": deadline,
                }
                for partner in todo
            ]
        )
        todo.write({"freight_potential_reminded_date": today})
        return todo

    def _freight_reassessor(self):
        """The account manager, else the grade's maintainer, else the user
        running the cron."""
        self.ensure_one()
        return self.user_id or self.freight_grade_id.maintainer_user_id or self.env.user

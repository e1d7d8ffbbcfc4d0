# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.freight_crm.models.freight_workflow_guard import COMPUTED
from odoo.addons.freight_crm.tools import MeasuredInteger

ESCALATION_ACTIVITY = "freight_crm_complaints.mail_activity_type_complaint_escalation"


# One concern per file, as Odoo core does for the models it extends.
class HelpdeskTicket(models.Model):
    """Close-out of a complaint after the customer's callback (R-CMP-7)
    and the figures of the analysis (R-CMP-8).

    A complaint reaches a closing stage that requires the callback (the
    complaint team's "Closed") only once the latest callback says the
    customer accepts the resolution, when the company's close-out rule is
    on. Any other closing stage (helpdesk_mgmt's Done, Cancelled, Rejected)
    closes a complaint without a callback, so only a complaint leader may
    choose it. Tickets that are no complaints close as in helpdesk_mgmt.
    """

    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    freight_callback_ids = fields.One2many(
        "freight.complaint.callback", "ticket_id", string="Callbacks"
    )
    freight_callback_count = fields.Integer(
        string="Callback Count", compute="_compute_freight_callback", store=True
    )
    freight_satisfaction = MeasuredInteger(
        string="Satisfaction",
        compute="_compute_freight_callback",
        store=True,
        aggregator="avg",
        help="Satisfaction (0-100) given at the latest callback.",
    )
    freight_on_time_rate = fields.Float(
        string="On-time Resolution (%)",
        compute="_compute_freight_on_time_rate",
        store=True,
        aggregator="avg",
        help="100 for a complaint closed by its deadline, 0 otherwise: its "
        "average is the on-time resolution rate.",
    )

    @api.model
    def _freight_guard_policy(self):
        policy = super()._freight_guard_policy()
        policy.update(
            dict.fromkeys(
                (
                    "freight_callback_count",
                    "freight_satisfaction",
                    "freight_on_time_rate",
                ),
                COMPUTED,
            )
        )
        return policy

    @api.depends("freight_callback_ids.date", "freight_callback_ids.satisfaction")
    def _compute_freight_callback(self):
        for ticket in self:
            callbacks = ticket._freight_latest_callbacks()
            ticket.freight_callback_count = len(callbacks)
            ticket.freight_satisfaction = callbacks[:1].satisfaction

    @api.depends("closed_date", "freight_deadline", "stage_id.closed")
    def _compute_freight_on_time_rate(self):
        for ticket in self:
            on_time = (
                ticket.stage_id.closed
                and ticket.closed_date
                and ticket.freight_deadline
                and ticket.closed_date <= ticket.freight_deadline
            )
            ticket.freight_on_time_rate = 100.0 if on_time else 0.0

    # CRUD ----------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        # A complaint created straight into a closing stage passes the same
        # gate as one moved there (data files and upgrades run as superuser).
        if not self.env.su:
            for stage in tickets.filtered("freight_is_complaint").stage_id:
                tickets.filtered(
                    lambda t, stage=stage: (
                        t.freight_is_complaint and t.stage_id == stage
                    )
                )._freight_check_close_out(stage)
        return tickets

    def write(self, vals):
        if vals.get("stage_id"):
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            self.filtered(lambda t: t.stage_id != stage)._freight_check_close_out(stage)
        res = super().write(vals)
        if vals.get("stage_id"):
            self.filtered("closed")._freight_close_escalation_activities()
        return res

    def _freight_close_escalation_activities(self):
        """A closed complaint needs no one to chase it any more: the to-dos
        its escalation gave the ladder's managers are done with it."""
        escalation = self.env.ref(ESCALATION_ACTIVITY, raise_if_not_found=False)
        activities = self.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == escalation
        )
        if activities:
            activities.action_feedback(feedback=self.env._("The complaint was closed."))

    # Close-out gate ------------------------------------------------------
    def _freight_latest_callbacks(self):
        self.ensure_one()
        return self.sudo().freight_callback_ids.sorted(
            lambda c: (c.date, c.id), reverse=True
        )

    def _freight_close_out_refusal(self, stage):
        """Why the current user may not put this complaint into ``stage``,
        or None when nothing stops it."""
        self.ensure_one()
        if not (self.freight_is_complaint and stage.closed):
            return None
        if not stage.freight_requires_callback:
            if self.env.su or self.env.user._freight_is_complaint_leader():
                return None
            return self.env._(
                "Complaint %(ticket)s can only be resolved in a stage that "
                "requires the customer's callback; closing it as %(stage)s "
                "is a customer-service supervisor's or manager's decision.",
                ticket=self.display_name,
                stage=stage.name,
            )
        if not self.company_id.freight_complaint_callback_required:
            return None
        latest = self._freight_latest_callbacks()[:1]
        if not latest:
            return self.env._(
                "Complaint %s cannot be closed before the customer has been "
                "called back: record the callback first.",
                self.display_name,
            )
        if latest.result != "accepted":
            return self.env._(
                "Complaint %s cannot be closed: at the latest callback the "
                "customer rejected the resolution. Handle it again and record "
                "a new callback.",
                self.display_name,
            )
        return None

    def _freight_check_close_out(self, stage):
        for ticket in self:
            reason = ticket._freight_close_out_refusal(stage)
            if reason:
                raise UserError(reason)

    def _freight_portal_closing_stages(self, stages):
        """The closing stages of ``stages`` the portal may offer for this
        ticket: those the server accepts now, for the current user."""
        self.ensure_one()
        return stages.filtered(
            lambda stage: (
                stage.close_from_portal and not self._freight_close_out_refusal(stage)
            )
        )

    def _freight_log_callback(self, callback):
        self.ensure_one()
        self.sudo().message_post(
            body=self.env._(
                "Callback by %(user)s: %(result)s, satisfaction %(score)s.",
                user=callback.user_id.name,
                result=dict(
                    callback._fields["result"]._description_selection(self.env)
                )[callback.result],
                score=callback.satisfaction,
            ),
            subtype_xmlid="mail.mt_note",
        )
        if callback.result == "rejected":
            self._freight_escalate_on_rejection()

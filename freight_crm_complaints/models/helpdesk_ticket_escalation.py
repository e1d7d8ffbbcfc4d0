# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.freight_crm.models.freight_workflow_guard import (
    COMPUTED,
    WORKFLOW,
)

from .helpdesk_ticket import COMPLAINT_STAFF

# Due complaints escalated per transaction by the cron.
ESCALATION_BATCH = 200


# One concern per file, as Odoo core does for the models it extends.
class HelpdeskTicket(models.Model):
    """Escalation ladder of unresolved complaints (R-CMP-4) and the
    emergency plan of major ones."""

    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    freight_escalation_level = fields.Integer(
        string="Escalation Level",
        aggregator="max",
        default=0,
        copy=False,
        tracking=True,
        readonly=True,
        groups=COMPLAINT_STAFF,
        help="0: not escalated; 1: customer-service supervisor; 2: regional "
        "manager; 3: customer-service department manager.",
    )
    freight_next_escalation = fields.Datetime(
        string="Next Escalation",
        compute="_compute_freight_next_escalation",
        store=True,
        index=True,
        copy=False,
        help="When the complaint reaches the next escalation step if it is "
        "still unresolved.",
    )

    @api.model
    def _freight_guard_policy(self):
        policy = super()._freight_guard_policy()
        policy.update(
            {
                "freight_escalation_level": WORKFLOW,
                "freight_next_escalation": COMPUTED,
            }
        )
        return policy

    @api.depends(
        "freight_escalation_level",
        "freight_intake_date",
        "stage_id.closed",
        "active",
        "team_id",
        "freight_is_complaint",
    )
    def _compute_freight_next_escalation(self):
        steps = self.env["freight.complaint.escalation.step"]._get_ladder()
        hours_by_ticket = {}
        for ticket in self:
            step = ticket._freight_next_step(steps)
            ticket.freight_next_escalation = False
            if (
                ticket.freight_is_complaint
                and step
                and not ticket.stage_id.closed
                and ticket.active
                and ticket.freight_intake_date
            ):
                hours_by_ticket[ticket] = step.hours
        for ticket, moment in self._freight_add_working_hours(hours_by_ticket).items():
            ticket.freight_next_escalation = moment

    @api.constrains("freight_escalation_level")
    def _check_freight_escalation_level(self):
        for ticket in self.sudo():
            if not 0 <= ticket.freight_escalation_level <= 3:
                raise ValidationError(
                    self.env._(
                        "Complaint %s: the escalation level must be between 0 and 3.",
                        ticket.display_name,
                    )
                )

    # CRUD ----------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        tickets.filtered(
            lambda t: t.freight_is_complaint and t.freight_complaint_class == "major"
        )._freight_schedule_emergency_plan()
        return tickets

    def write(self, vals):
        became_major = self.browse()
        if vals.get("freight_complaint_class") == "major" or "team_id" in vals:
            became_major = self.filtered(
                lambda t: (
                    not (
                        t.freight_is_complaint and t.freight_complaint_class == "major"
                    )
                )
            )
        res = super().write(vals)
        became_major.filtered(
            lambda t: t.freight_is_complaint and t.freight_complaint_class == "major"
        )._freight_schedule_emergency_plan()
        return res

    # Ladder ----------------------------------------------------------------
    @api.model
    def _cron_freight_escalate(self):
        """Escalate every open complaint whose next escalation time has passed.

        Only the stored, indexed ``freight_next_escalation`` is searched, so
        the cost depends on the due complaints, not on all open ones. Rows are
        locked with SKIP LOCKED: a second run at the same moment skips the
        complaints the first one is escalating, so each level fires once.
        """
        now = fields.Datetime.now()
        while True:
            tickets = self._freight_lock_due_tickets(now, ESCALATION_BATCH)
            tickets._freight_escalate_due(now)
            if len(tickets) < ESCALATION_BATCH:
                return
            if not self.env["ir.cron"]._commit_progress(len(tickets)):
                return

    @api.model
    def _freight_lock_due_tickets(self, now, limit):
        self.flush_model(["freight_next_escalation", "freight_is_complaint"])
        self.env.cr.execute(
            """
            SELECT id FROM helpdesk_ticket
             WHERE freight_next_escalation <= %s
               AND freight_is_complaint
             ORDER BY freight_next_escalation
             LIMIT %s
               FOR UPDATE SKIP LOCKED
            """,
            (now, limit),
        )
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    def _freight_escalate_due(self, now):
        """Climb every step each complaint missed (a complaint found long
        after its time climbs each one, logged once), then notify the
        targets of the batch together. The batch climbs one step per round,
        its next escalation times recomputed together after each."""
        steps = self.env["freight.complaint.escalation.step"]._get_ladder()
        reached = defaultdict(list)
        due = self.sudo().filtered(
            lambda t: t.freight_next_escalation and t.freight_next_escalation <= now
        )
        while due:
            climbing = defaultdict(list)
            for ticket in due:
                step = ticket._freight_next_step(steps)
                if not step:
                    # Ladder shortened meanwhile: nothing left to wait for.
                    ticket.freight_next_escalation = False
                    continue
                reached[ticket].append((ticket.freight_escalation_level, step))
                climbing[step].append(ticket.id)
            for step, ticket_ids in climbing.items():
                due.browse(ticket_ids)._freight_raise_level(step)
            due = due.browse(
                [ticket_id for ids in climbing.values() for ticket_id in ids]
            ).filtered(
                lambda t: t.freight_next_escalation and t.freight_next_escalation <= now
            )
        self._freight_notify_escalations(
            reached,
            lambda env, step: env._(
                "still unresolved %s working hours after intake", step.hours
            ),
        )

    def _freight_escalate_on_rejection(self):
        """The customer rejects the resolution: climb one step at once."""
        steps = self.env["freight.complaint.escalation.step"]._get_ladder()
        reached = {}
        for ticket in self.sudo().filtered("freight_is_complaint"):
            step = ticket._freight_next_step(steps)
            if step:
                reached[ticket] = [(ticket.freight_escalation_level, step)]
                ticket._freight_raise_level(step)
        self._freight_notify_escalations(
            reached, lambda env, step: env._("the customer rejected the resolution")
        )

    def _freight_raise_level(self, step):
        """The level of ``step``, its change logged on the escalation note
        (``_freight_log_escalations``) rather than in a tracking message of
        its own per complaint."""
        self.with_context(mail_notrack=True).write(
            {"freight_escalation_level": step.level}
        )

    def _freight_next_step(self, steps):
        self.ensure_one()
        level = self.sudo().freight_escalation_level
        return steps.filtered(lambda s: s.level > level)[:1]

    @api.model
    def _freight_notify_escalations(self, reached, reason):
        """Log, add followers, notify and schedule activities for
        ``{ticket: [(level before, step reached)]}``, in a number of queries
        that does not grow with the batch: the targets of each step are
        looked up once, each step's notes created in one call, and each
        notified user told once for the whole batch (inbox, or one digest
        e-mail). ``reason(env, step)`` words why, in ``env``'s language.

        The assignee does not change: the first owner stays responsible and
        keeps following the complaint.
        """
        if not reached:
            return
        targets = {}
        for climbs in reached.values():
            for _level, step in climbs:
                if step not in targets:
                    targets[step] = step._get_target_users()
        self._freight_subscribe_escalation_followers(reached, targets)
        notes = self._freight_log_escalations(reached, targets, reason)
        self._freight_notify_escalation_targets(notes, targets, reason)
        self._freight_schedule_escalation_activities(reached, targets)

    @api.model
    def _freight_schedule_escalation_activities(self, reached, targets):
        """One activity per complaint and notified user, created in one call.
        The targets were told by the escalation notification: the activity's
        own assignment notice (one message per activity) is not sent."""
        activity_type = self.env.ref(
            "freight_crm_complaints.mail_activity_type_complaint_escalation"
        )
        model_id = self.env["ir.model"]._get_id("helpdesk.ticket")
        activities = []
        for ticket, climbs in reached.items():
            deadline = fields.Date.context_today(ticket, ticket.freight_deadline)
            for _level, step in climbs:
                activities += [
                    {
                        "res_model_id": model_id,
                        "res_id": ticket.id,
                        "activity_type_id": activity_type.id,
                        "date_deadline": deadline,
                        "summary": ticket.with_context(lang=user.lang).env._(
                            "Escalated complaint: %s", ticket.name
                        ),
                        "user_id": user.id,
                    }
                    for user in targets[step]
                ]
        if activities:
            self.env["mail.activity"].sudo().with_context(
                mail_activity_quick_update=True
            ).create(activities)

    def _freight_schedule_emergency_plan(self):
        """A major complaint starts the emergency plan at once (立即启动应急预案)."""
        rules = self.env["freight.complaint.deadline"]._get_rules_by_class()
        steps = self.env["freight.complaint.escalation.step"]._get_ladder()
        managers = steps[-1:]._get_target_users() if steps else self.env.user
        for ticket in self:
            rule = rules.get(ticket.freight_complaint_class)
            if not rule or not rule.emergency_plan:
                continue
            for user in managers or ticket.team_id.user_id or self.env.user:
                ticket.sudo().activity_schedule(
                    "freight_crm_complaints.mail_activity_type_emergency_plan",
                    date_deadline=fields.Date.context_today(ticket),
                    summary=ticket.with_context(lang=user.lang).env._(
                        "Start the emergency plan: %s", ticket.name
                    ),
                    user_id=user.id,
                )

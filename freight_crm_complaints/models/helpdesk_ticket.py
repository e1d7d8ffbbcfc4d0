# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import is_html_empty

from .freight_complaint_deadline import COMPLAINT_CLASSES
from .freight_complaint_root_cause import RESPONSIBLE_TYPES

# A deadline closer than this is shown as "due soon".
DUE_SOON_HOURS = 4
# Due tickets escalated per transaction by the cron.
ESCALATION_BATCH = 200


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # Service KPIs aggregate a customer's complaints over a period.
    _freight_customer_intake_idx = models.Index(
        "(commercial_partner_id, freight_intake_date)"
    )

    # ------------------------------------------------------------------
    # Intake, class and deadline (R-CMP-1, R-CMP-3)
    # ------------------------------------------------------------------
    freight_complaint_class = fields.Selection(
        COMPLAINT_CLASSES,
        string="Complaint Class",
        required=True,
        default="general",
        index=True,
        tracking=True,
        help="General: attitude, wrong information (24 h). Important: delay, "
        "partial damage (48 h). Major: loss, serious damage, major delay "
        "(emergency plan at once, 72 h).",
    )
    freight_intake_date = fields.Datetime(
        string="Intake Time",
        required=True,
        default=fields.Datetime.now,
        copy=False,
        help="When the complaint was received; deadlines and escalations "
        "count from here.",
    )
    freight_deadline = fields.Datetime(
        string="Resolution Deadline",
        compute="_compute_freight_deadline",
        store=True,
        readonly=False,
        index=True,
        copy=False,
        tracking=True,
        help="Intake time plus the class deadline in working hours of the "
        "team's calendar (else the company's), shortened by the customer "
        "grade's complaint deadline factor.",
    )
    freight_is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_freight_deadline_state",
        search="_search_freight_is_overdue",
    )
    freight_is_due_soon = fields.Boolean(
        string="Due Soon",
        compute="_compute_freight_deadline_state",
        search="_search_freight_is_due_soon",
    )
    freight_grade_id = fields.Many2one(
        "freight.customer.grade",
        string="Customer Grade",
        compute="_compute_freight_grade_id",
        store=True,
        help="Grade of the customer when the complaint was received.",
    )

    # ------------------------------------------------------------------
    # First-contact ownership and escalation (R-CMP-2, R-CMP-4)
    # ------------------------------------------------------------------
    freight_first_owner_id = fields.Many2one(
        "res.users",
        string="First Owner",
        index=True,
        copy=False,
        tracking=True,
        domain=[("share", "=", False)],
        help="Employee who first received the complaint (首问负责人): stays "
        "responsible until it is closed, whoever it is escalated to.",
    )
    freight_escalation_level = fields.Integer(
        string="Escalation Level",
        default=0,
        copy=False,
        tracking=True,
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

    # ------------------------------------------------------------------
    # Handling record (R-CMP-5, R-CMP-6)
    # ------------------------------------------------------------------
    freight_root_cause_id = fields.Many2one(
        "freight.complaint.root.cause",
        string="Root Cause",
        index=True,
        tracking=True,
    )
    freight_root_category_id = fields.Many2one(
        "freight.complaint.root.cause",
        string="Cause Category",
        compute="_compute_freight_root_category_id",
        store=True,
    )
    freight_responsible_type = fields.Selection(
        RESPONSIBLE_TYPES,
        string="Responsible Party",
        compute="_compute_freight_responsible_type",
        store=True,
        readonly=False,
    )
    freight_responsible_department = fields.Char(string="Responsible Department")
    freight_responsible_partner_id = fields.Many2one(
        "res.partner",
        string="Responsible Supplier / Agent",
    )
    freight_cause_analysis = fields.Html(
        string="Cause Analysis", help="Written cause analysis (书面原因分析)."
    )
    freight_corrective_measures = fields.Html(
        string="Corrective Measures", help="Handling and corrective measures."
    )
    freight_solution_state = fields.Selection(
        [
            ("draft", "To Analyse"),
            ("to_approve", "Awaiting Approval"),
            ("approved", "Approved"),
            ("executed", "Executed"),
        ],
        string="Solution",
        required=True,
        default="draft",
        copy=False,
        tracking=True,
    )
    freight_approved_by_id = fields.Many2one(
        "res.users", string="Approved by", readonly=True, copy=False
    )
    freight_approval_date = fields.Datetime(
        string="Approved on", readonly=True, copy=False
    )
    freight_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company Currency"
    )
    freight_compensation_amount = fields.Monetary(
        string="Compensation",
        currency_field="freight_currency_id",
        tracking=True,
        copy=False,
    )
    freight_evidence_ids = fields.Many2many(
        "ir.attachment",
        "helpdesk_ticket_freight_evidence_rel",
        "ticket_id",
        "attachment_id",
        string="Evidence",
        copy=False,
    )

    # ------------------------------------------------------------------
    # Close-out (R-CMP-7) and analysis (R-CMP-8)
    # ------------------------------------------------------------------
    freight_callback_ids = fields.One2many(
        "freight.complaint.callback", "ticket_id", string="Callbacks"
    )
    freight_callback_count = fields.Integer(
        string="Callback Count", compute="_compute_freight_callback", store=True
    )
    freight_satisfaction = fields.Integer(
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
    freight_is_repeat = fields.Boolean(
        string="Repeat Complaint",
        compute="_compute_freight_is_repeat",
        store=True,
        help="The same customer complained about the same root cause within "
        "the repeat window (90 days by default) before this complaint.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    # Calendars are read, not depended on: editing a calendar must not rewrite
    # the deadlines of every past complaint.
    @api.depends(
        "freight_complaint_class",
        "freight_intake_date",
        "team_id",
        "commercial_partner_id",
    )
    def _compute_freight_deadline(self):
        rules = self.env["freight.complaint.deadline"]._get_rules_by_class()
        for ticket in self:
            rule = rules.get(ticket.freight_complaint_class)
            if not rule or not ticket.freight_intake_date:
                ticket.freight_deadline = False
                continue
            grade = ticket.commercial_partner_id.sudo().freight_grade_id
            # The grade policy may tighten the rulebook deadline, never
            # loosen it.
            factor = min(grade.complaint_deadline_factor or 1.0, 1.0)
            hours = rule.hours * factor
            ticket.freight_deadline = ticket._freight_add_working_hours(hours)

    @api.depends("freight_deadline", "stage_id.closed")
    def _compute_freight_deadline_state(self):
        now = fields.Datetime.now()
        soon = now + timedelta(hours=DUE_SOON_HOURS)
        for ticket in self:
            deadline = ticket.freight_deadline
            is_open = deadline and not ticket.stage_id.closed
            ticket.freight_is_overdue = is_open and deadline < now
            ticket.freight_is_due_soon = is_open and now <= deadline < soon

    def _search_freight_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = Domain("freight_deadline", "<", fields.Datetime.now()) & Domain(
            "stage_id.closed", "=", False
        )
        return domain if (operator == "=") == value else ~domain

    def _search_freight_is_due_soon(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        now = fields.Datetime.now()
        domain = (
            Domain("freight_deadline", ">=", now)
            & Domain("freight_deadline", "<", now + timedelta(hours=DUE_SOON_HOURS))
            & Domain("stage_id.closed", "=", False)
        )
        return domain if (operator == "=") == value else ~domain

    @api.depends("commercial_partner_id")
    def _compute_freight_grade_id(self):
        for ticket in self:
            ticket.freight_grade_id = (
                ticket.commercial_partner_id.sudo().freight_grade_id
            )

    @api.depends(
        "freight_escalation_level",
        "freight_intake_date",
        "stage_id.closed",
        "active",
        "team_id",
    )
    def _compute_freight_next_escalation(self):
        steps = self.env["freight.complaint.escalation.step"]._get_ladder()
        for ticket in self:
            step = ticket._freight_next_step(steps)
            if not step or ticket.stage_id.closed or not ticket.active:
                ticket.freight_next_escalation = False
                continue
            ticket.freight_next_escalation = ticket._freight_add_working_hours(
                step.hours
            )

    @api.depends("freight_root_cause_id")
    def _compute_freight_root_category_id(self):
        for ticket in self:
            cause = ticket.freight_root_cause_id
            ticket.freight_root_category_id = cause and cause._get_category()

    @api.depends("freight_root_cause_id")
    def _compute_freight_responsible_type(self):
        for ticket in self:
            cause = ticket.freight_root_cause_id
            # Keep what the user chose when the cause proposes nothing.
            ticket.freight_responsible_type = (
                cause.responsible_type
                or (cause and cause._get_category().responsible_type)
                or ticket.freight_responsible_type
            )

    @api.depends("freight_callback_ids.date", "freight_callback_ids.satisfaction")
    def _compute_freight_callback(self):
        for ticket in self:
            callbacks = ticket.freight_callback_ids.sorted(
                lambda c: (c.date, c.id), reverse=True
            )
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

    @api.depends(
        "commercial_partner_id", "freight_root_cause_id", "freight_intake_date"
    )
    def _compute_freight_is_repeat(self):
        for ticket in self:
            ticket.freight_is_repeat = bool(ticket._freight_previous_same_complaint())

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("freight_deadline", "freight_intake_date")
    def _check_freight_deadline(self):
        for ticket in self:
            if (
                ticket.freight_deadline
                and ticket.freight_intake_date
                and ticket.freight_deadline <= ticket.freight_intake_date
            ):
                raise ValidationError(
                    self.env._(
                        "Complaint %(ticket)s: the deadline %(deadline)s must be "
                        "after the intake time %(intake)s.",
                        ticket=ticket.display_name,
                        deadline=ticket.freight_deadline,
                        intake=ticket.freight_intake_date,
                    )
                )

    @api.constrains("freight_compensation_amount")
    def _check_freight_compensation_amount(self):
        for ticket in self:
            if ticket.freight_compensation_amount < 0:
                raise ValidationError(
                    self.env._(
                        "Complaint %s: the compensation cannot be negative.",
                        ticket.display_name,
                    )
                )

    @api.constrains("freight_escalation_level")
    def _check_freight_escalation_level(self):
        for ticket in self:
            if not 0 <= ticket.freight_escalation_level <= 3:
                raise ValidationError(
                    self.env._(
                        "Complaint %s: the escalation level must be between 0 and 3.",
                        ticket.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        receiver = self.env.user
        for vals in vals_list:
            if not vals.get("freight_first_owner_id"):
                # A portal or system intake has no employee yet: the first
                # employee it is assigned to becomes its first owner.
                owner = vals.get("user_id") or (
                    receiver.id
                    if receiver._is_internal() and not receiver._is_superuser()
                    else False
                )
                vals["freight_first_owner_id"] = owner
        tickets = super().create(vals_list)
        # A complaint filed late (backdated intake) can make later ones repeats.
        tickets._freight_recompute_later_repeats()
        tickets._freight_subscribe_first_owner()
        tickets.filtered(
            lambda t: t.freight_complaint_class == "major"
        )._freight_schedule_emergency_plan()
        return tickets

    def write(self, vals):
        self._freight_check_write(vals)
        if vals.get("user_id") and "freight_first_owner_id" not in vals:
            ownerless = self.filtered(lambda t: not t.freight_first_owner_id)
            if ownerless:
                super(HelpdeskTicket, ownerless).write(
                    {"freight_first_owner_id": vals["user_id"]}
                )
        became_major = self.browse()
        if vals.get("freight_complaint_class") == "major":
            became_major = self.filtered(lambda t: t.freight_complaint_class != "major")
        repeat_keys = {"partner_id", "freight_root_cause_id", "freight_intake_date"}
        # Later complaints that were repeats of these ones before the write.
        was_repeated = (
            self._freight_later_same_complaints()
            if repeat_keys & set(vals)
            else self.browse()
        )
        res = super().write(vals)
        if was_repeated or repeat_keys & set(vals):
            self._freight_recompute_later_repeats(extra=was_repeated)
        if vals.get("freight_first_owner_id") or vals.get("user_id"):
            self._freight_subscribe_first_owner()
        became_major._freight_schedule_emergency_plan()
        return res

    def _freight_check_write(self, vals):
        """Refuse the writes the rulebook forbids, before anything is written."""
        # Clearing the first owner (writing False) is a change too.
        if "freight_first_owner_id" in vals:
            new_owner = vals["freight_first_owner_id"] or False
            changed = self.filtered(
                lambda t: (
                    t.freight_first_owner_id
                    and t.freight_first_owner_id.id != new_owner
                )
            )
            if changed:
                raise UserError(
                    self.env._(
                        "The first owner of complaint %s cannot be changed: the "
                        "employee who received it stays responsible until it "
                        "is closed.",
                        changed[0].display_name,
                    )
                )
        # A manual deadline must lie ahead; one the form recomputed for a new
        # class, team or customer of an overdue complaint may be past.
        recomputed = {"freight_complaint_class", "team_id", "partner_id"} & set(vals)
        if vals.get("freight_deadline") and not recomputed:
            deadline = fields.Datetime.to_datetime(vals["freight_deadline"])
            if deadline < fields.Datetime.now():
                raise UserError(
                    self.env._(
                        "The deadline %s is in the past: choose a later time.",
                        deadline,
                    )
                )
        if vals.get("freight_solution_state"):
            self._freight_check_solution_state(vals["freight_solution_state"])
        if vals.get("stage_id"):
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            self._freight_check_close_out(stage)

    def _freight_check_solution_state(self, new_state):
        """Leader approval comes before execution (主管领导批示后启动处理程序)."""
        for ticket in self:
            if new_state == "to_approve" and not (
                ticket.freight_root_cause_id
                and not is_html_empty(ticket.freight_cause_analysis)
                and not is_html_empty(ticket.freight_corrective_measures)
            ):
                raise UserError(
                    self.env._(
                        "Complaint %s: fill in the root cause, the written cause "
                        "analysis and the corrective measures before asking "
                        "for approval.",
                        ticket.display_name,
                    )
                )
            if new_state == "approved":
                if ticket.freight_solution_state != "to_approve":
                    raise UserError(
                        self.env._(
                            "Complaint %s: only a solution awaiting approval can "
                            "be approved.",
                            ticket.display_name,
                        )
                    )
                if not self.env.user._freight_is_complaint_leader():
                    raise UserError(
                        self.env._(
                            "Only a customer-service supervisor, manager or "
                            "helpdesk manager can approve the solution of "
                            "complaint %s.",
                            ticket.display_name,
                        )
                    )
            if new_state == "executed" and ticket.freight_solution_state != "approved":
                raise UserError(
                    self.env._(
                        "Complaint %s: the solution must be approved by a leader "
                        "before it is executed.",
                        ticket.display_name,
                    )
                )

    def _freight_check_close_out(self, stage):
        """A complaint closes only after a callback, when the setting is on."""
        if not (stage.closed and stage.freight_requires_callback):
            return
        missing = self.filtered(
            lambda t: (
                t.company_id.freight_complaint_callback_required
                and not t.freight_callback_ids
            )
        )
        if missing:
            raise UserError(
                self.env._(
                    "Complaint %s cannot be closed before the customer has been "
                    "called back: record the callback first.",
                    missing[0].display_name,
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_freight_submit_solution(self):
        self.write({"freight_solution_state": "to_approve"})

    def action_freight_approve_solution(self):
        self.write(
            {
                "freight_solution_state": "approved",
                "freight_approved_by_id": self.env.user.id,
                "freight_approval_date": fields.Datetime.now(),
            }
        )

    def action_freight_execute_solution(self):
        self.write({"freight_solution_state": "executed"})

    def action_freight_reset_solution(self):
        self.write(
            {
                "freight_solution_state": "draft",
                "freight_approved_by_id": False,
                "freight_approval_date": False,
            }
        )

    # ------------------------------------------------------------------
    # Escalation ladder
    # ------------------------------------------------------------------
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
        self.flush_model(["freight_next_escalation"])
        self.env.cr.execute(
            """
            SELECT id FROM helpdesk_ticket
             WHERE freight_next_escalation <= %s
             ORDER BY freight_next_escalation
             LIMIT %s
               FOR UPDATE SKIP LOCKED
            """,
            (now, limit),
        )
        return self.browse([row[0] for row in self.env.cr.fetchall()])

    def _freight_escalate_due(self, now):
        steps = self.env["freight.complaint.escalation.step"]._get_ladder()
        for ticket in self:
            # A complaint found long after its time climbs every step it
            # missed, each one logged once.
            while (
                ticket.freight_next_escalation and ticket.freight_next_escalation <= now
            ):
                step = ticket._freight_next_step(steps)
                if not step:
                    # Ladder shortened meanwhile: nothing left to wait for.
                    ticket.sudo().freight_next_escalation = False
                    break
                ticket._freight_escalate_to(
                    step,
                    self.env._(
                        "still unresolved %s working hours after intake", step.hours
                    ),
                )

    def _freight_escalate_on_rejection(self):
        """The customer rejects the resolution: climb one step at once."""
        steps = self.env["freight.complaint.escalation.step"]._get_ladder()
        for ticket in self:
            step = ticket._freight_next_step(steps)
            if step:
                ticket._freight_escalate_to(
                    step, self.env._("the customer rejected the resolution")
                )

    def _freight_next_step(self, steps):
        self.ensure_one()
        return steps.filtered(lambda s: s.level > self.freight_escalation_level)[:1]

    def _freight_escalate_to(self, step, reason):
        """Reach ``step``: log, notify, add followers, schedule activities.

        The assignee does not change: the first owner stays responsible and
        keeps following the complaint.
        """
        self.ensure_one()
        users = step._get_target_users()
        self.sudo().write({"freight_escalation_level": step.level})
        partners = users.partner_id | self.freight_first_owner_id.partner_id
        self.message_subscribe(partner_ids=partners.ids)
        self.message_post(
            body=self.env._(
                "Escalated to level %(level)s (%(step)s): %(reason)s. Notified: "
                "%(users)s.",
                level=step.level,
                step=step.name,
                reason=reason,
                users=", ".join(users.mapped("name")) or "-",
            ),
            partner_ids=users.partner_id.ids,
            subtype_xmlid="mail.mt_note",
        )
        deadline = fields.Date.context_today(self, self.freight_deadline)
        for user in users:
            self.activity_schedule(
                "freight_crm_complaints.mail_activity_type_complaint_escalation",
                date_deadline=deadline,
                summary=self.with_context(lang=user.lang).env._(
                    "Escalated complaint: %s", self.name
                ),
                user_id=user.id,
            )

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
                ticket.activity_schedule(
                    "freight_crm_complaints.mail_activity_type_emergency_plan",
                    date_deadline=fields.Date.context_today(ticket),
                    summary=ticket.with_context(lang=user.lang).env._(
                        "Start the emergency plan: %s", ticket.name
                    ),
                    user_id=user.id,
                )

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _freight_add_working_hours(self, hours):
        """Intake time plus ``hours`` working hours of the team's calendar."""
        self.ensure_one()
        calendar = (
            self.team_id.sudo().freight_resource_calendar_id
            or self.company_id.sudo().resource_calendar_id
        )
        intake = self.freight_intake_date
        planned = calendar and calendar.plan_hours(hours, intake, compute_leaves=True)
        return planned or intake + timedelta(hours=hours)

    def _freight_subscribe_first_owner(self):
        for ticket in self.filtered("freight_first_owner_id"):
            ticket.message_subscribe(
                partner_ids=ticket.freight_first_owner_id.partner_id.ids
            )

    def _freight_previous_same_complaint(self):
        """Earlier complaint of the same customer and root cause in the window."""
        self.ensure_one()
        if not (
            self.commercial_partner_id
            and self.freight_root_cause_id
            and self.freight_intake_date
        ):
            return self.browse()
        window = timedelta(days=self.company_id.freight_complaint_repeat_days or 90)
        domain = [
            ("commercial_partner_id", "=", self.commercial_partner_id.id),
            ("freight_root_cause_id", "=", self.freight_root_cause_id.id),
            ("freight_intake_date", "<", self.freight_intake_date),
            ("freight_intake_date", ">=", self.freight_intake_date - window),
        ]
        if self.id:
            domain.append(("id", "!=", self.id))
        return self.sudo().with_context(active_test=False).search(domain, limit=1)

    def _freight_later_same_complaints(self):
        """Later complaints of the same customer and root cause in the window.

        Their repeat flag depends on these complaints: one search for the
        whole batch.
        """
        domains = []
        for ticket in self:
            if not (
                ticket.commercial_partner_id
                and ticket.freight_root_cause_id
                and ticket.freight_intake_date
            ):
                continue
            window = timedelta(
                days=ticket.company_id.freight_complaint_repeat_days or 90
            )
            domains.append(
                Domain("commercial_partner_id", "=", ticket.commercial_partner_id.id)
                & Domain("freight_root_cause_id", "=", ticket.freight_root_cause_id.id)
                & Domain("freight_intake_date", ">", ticket.freight_intake_date)
                & Domain(
                    "freight_intake_date", "<=", ticket.freight_intake_date + window
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

    def _freight_log_callback(self, callback):
        self.ensure_one()
        self.message_post(
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

    @api.model
    def _freight_portal_complaint_vals(self, complaint_class):
        """Values a complaint filed in the portal gets (R-CMP-1)."""
        classes = dict(COMPLAINT_CLASSES)
        channel = self.env.ref(
            "freight_crm_complaints.helpdesk_ticket_channel_portal",
            raise_if_not_found=False,
        )
        vals = {"freight_complaint_class": complaint_class or "general"}
        if complaint_class not in classes:
            vals["freight_complaint_class"] = "general"
        if channel:
            vals["channel_id"] = channel.id
        return vals

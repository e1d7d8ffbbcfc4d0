# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain

from .freight_workflow_guard import PARENT, WORKFLOW

# Approval chain of R-CON-2: state -> (next state, approving group, activity)
APPROVAL_STEPS = {
    "manager_review": (
        "legal_review",
        "freight_crm.group_freight_manager",
        "freight_crm.mail_activity_contract_manager_review",
    ),
    "legal_review": (
        "deputy_review",
        "freight_crm.group_freight_legal",
        "freight_crm.mail_activity_contract_legal_review",
    ),
    "deputy_review": (
        "approved",
        "freight_crm.group_freight_deputy_gm",
        "freight_crm.mail_activity_contract_deputy_review",
    ),
}
REVIEW_STATES = tuple(APPROVAL_STEPS)
EXPIRY_BATCH = 1000
# The terms approved by the chain: frozen once the contract is submitted
# (the customer is the policy's parent link, fixed once it left draft).
TERM_FIELDS = frozenset(
    {
        "date_start",
        "date_end",
        "is_long_term",
        "service_scope",
        "price_basis",
        "settlement_cycle",
        "liability",
    }
)


def plan_working_days(company, days, start):
    """Return the datetime (UTC, naive) at the end of the `days`-th working day
    counted from `start` (aware or naive UTC) on the company's calendar, its
    public holidays skipped and its make-up working days counted."""
    calendar = company.resource_calendar_id
    if not calendar:
        return start + timedelta(days=days)
    if start.tzinfo is None:
        start = pytz.utc.localize(start)
    end = calendar.plan_days(days, start, compute_leaves=True)
    if not end:
        return (start + timedelta(days=days)).replace(tzinfo=None)
    return end_of_working_day(calendar, end).astimezone(pytz.utc).replace(tzinfo=None)


def end_of_working_day(calendar, moment):
    """The end of the last work interval of `moment`'s day (aware), e.g. the
    afternoon's end rather than the morning's on a day with a lunch break."""
    tz = pytz.timezone(calendar.tz or "UTC")
    local_day = moment.astimezone(tz).date()
    midnight = tz.localize(datetime.combine(local_day + timedelta(days=1), time.min))
    intervals = calendar._work_intervals_batch(moment, midnight)[False]
    stops = [stop for _start, stop, _meta in intervals]
    return max(stops) if stops else moment


def start_of_next_day(company, day):
    """Midnight after `day` in the company calendar's time zone, as aware
    datetime: working days are counted from the day after an event."""
    tz = pytz.timezone(company.resource_calendar_id.tz or "UTC")
    return tz.localize(datetime.combine(day + timedelta(days=1), time.min))


class FreightCustomerContract(models.Model):
    """A customer contract (R-CON-1) with its approval chain (R-CON-2) and
    expiry (R-CON-4). A signed, valid, long-term contract opens the contract
    gate of A/B customers (R-CON-3)."""

    _name = "freight.customer.contract"
    _description = "Customer Contract"
    _inherit = ("mail.thread", "mail.activity.mixin", "freight.workflow.guard")
    _order = "date_start desc, id desc"

    name = fields.Char(
        string="Contract Number",
        required=True,
        copy=False,
        readonly=True,
        default=lambda self: self.env._("New"),
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
        ondelete="restrict",
    )
    user_id = fields.Many2one(
        related="partner_id.user_id",
        string="Account Manager",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    service_scope = fields.Text(required=True, help="Services the contract covers.")
    price_basis = fields.Text(help="Price standard agreed with the customer.")
    settlement_cycle = fields.Selection(
        [
            ("per_shipment", "Per Shipment"),
            ("monthly", "Monthly"),
            ("quarterly", "Quarterly"),
            ("other", "Other"),
        ],
        required=True,
        default="monthly",
        tracking=True,
    )
    liability = fields.Text(string="Liability for Breach")
    date_start = fields.Date(
        string="Start Date", required=True, tracking=True, index=True
    )
    date_end = fields.Date(
        string="End Date",
        tracking=True,
        index=True,
        help="Leave empty for an open-ended contract.",
    )
    is_long_term = fields.Boolean(
        string="Long-term Agreement",
        tracking=True,
        help="A long-term cooperation agreement, required of A and B customers.",
    )
    signed_document = fields.Binary(
        attachment=True, copy=False, help="Scan of the signed contract."
    )
    signed_document_name = fields.Char(copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("manager_review", "Business Manager Review"),
            ("legal_review", "Legal Review"),
            ("deputy_review", "Deputy GM Approval"),
            ("approved", "Approved"),
            ("signed", "Signed"),
            ("expired", "Expired"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        copy=False,
        index=True,
        tracking=True,
    )
    approval_deadline = fields.Datetime(
        copy=False,
        readonly=True,
        help="The whole approval chain is due within this many working days "
        "of submission (Settings).",
    )
    approval_overdue = fields.Boolean(
        compute="_compute_approval_overdue", search="_search_approval_overdue"
    )
    submitted_by_id = fields.Many2one("res.users", copy=False, readonly=True)
    # Computed here rather than related to the customer's flag, which only
    # salespeople read: legal reviewers need it for the contracts they see.
    risk_blocked = fields.Boolean(
        compute="_compute_risk_blocked",
        string="Customer Has an Open High Risk",
    )
    manager_approver_id = fields.Many2one(
        "res.users", string="Business Manager", copy=False, readonly=True
    )
    manager_approval_date = fields.Datetime(copy=False, readonly=True)
    legal_approver_id = fields.Many2one(
        "res.users", string="Legal Reviewer", copy=False, readonly=True
    )
    legal_approval_date = fields.Datetime(copy=False, readonly=True)
    deputy_approver_id = fields.Many2one(
        "res.users", string="Deputy GM", copy=False, readonly=True
    )
    deputy_approval_date = fields.Datetime(copy=False, readonly=True)
    date_signed = fields.Date(copy=False, readonly=True)
    expiry_warned = fields.Boolean(
        copy=False,
        readonly=True,
        help="The account manager has been warned of the coming end date.",
    )

    # Says nothing of the other contract: it may be another salesperson's.
    _name_company_uniq = models.Constraint(
        "UNIQUE(name, company_id)",
        "This contract number is already used: leave the number to the sequence.",
    )

    @api.depends("partner_id")
    def _compute_risk_blocked(self):
        blocked = self.partner_id.sudo()._freight_high_risk_partner_ids()
        for contract in self:
            contract.risk_blocked = contract.partner_id.id in blocked

    @api.depends("state", "approval_deadline")
    def _compute_approval_overdue(self):
        now = fields.Datetime.now()
        for contract in self:
            contract.approval_overdue = bool(
                contract.state in REVIEW_STATES
                and contract.approval_deadline
                and contract.approval_deadline < now
            )

    def _search_approval_overdue(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        overdue = Domain("state", "in", REVIEW_STATES) & Domain(
            "approval_deadline", "<", fields.Datetime.now()
        )
        wanted = True in value
        if operator == "not in":
            wanted = not wanted
        return overdue if wanted else ~overdue

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if not contract.date_start:
                raise ValidationError(self.env._("A contract needs a start date."))
            if contract.date_end and contract.date_end < contract.date_start:
                raise ValidationError(
                    self.env._(
                        "Contract %(contract)s: the end date %(end)s is before "
                        "the start date %(start)s.",
                        contract=contract.name,
                        end=contract.date_end,
                        start=contract.date_start,
                    )
                )

    @api.model
    def _freight_guard_policy(self):
        # The contract number is held by create() and write(): the sequence
        # fills it in before the record exists.
        return {
            "state": WORKFLOW,
            "approval_deadline": WORKFLOW,
            "submitted_by_id": WORKFLOW,
            "manager_approver_id": WORKFLOW,
            "manager_approval_date": WORKFLOW,
            "legal_approver_id": WORKFLOW,
            "legal_approval_date": WORKFLOW,
            "deputy_approver_id": WORKFLOW,
            "deputy_approval_date": WORKFLOW,
            "date_signed": WORKFLOW,
            "expiry_warned": WORKFLOW,
            "partner_id": PARENT,
        }

    def _freight_guard_is_open(self):
        self.ensure_one()
        return self.state == "draft"

    def _freight_guard_refuse(self, name, rule, value, record):
        if rule != WORKFLOW:
            return super()._freight_guard_refuse(name, rule, value, record)
        label = self._freight_guard_label(name)
        if record is None:
            raise AccessError(
                self.env._(
                    "A new contract starts as a draft: its number, status and "
                    "approvals are set by the approval chain, not on creation "
                    "(%s).",
                    label,
                )
            )
        raise AccessError(
            self.env._(
                "Use the contract's buttons to submit, approve, sign or cancel "
                "it: its status and approvals cannot be written directly (%s).",
                label,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        partners = self.env["res.partner"].browse(
            [vals["partner_id"] for vals in vals_list if vals.get("partner_id")]
        )
        partners._freight_check_risk_allows_contract()
        new = self.env._("New")
        for vals in vals_list:
            # The number is the sequence's (unique per company), never the
            # client's; only superuser code (imports of old contracts) sets it.
            if not self.env.su and vals.get("name", new) != new:
                self._freight_guard_refuse("name", WORKFLOW, vals["name"], None)
            if vals.get("name", new) == new:
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("freight.customer.contract")
                    or new
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            for contract in self:
                if "name" in vals and not self._freight_guard_same(
                    "name", vals["name"], contract.name
                ):
                    self._freight_guard_refuse("name", WORKFLOW, vals["name"], contract)
            self._check_editable(vals)
        if vals.get("partner_id"):
            self.env["res.partner"].browse(
                vals["partner_id"]
            )._freight_check_risk_allows_contract()
        return super().write(vals)

    def _check_editable(self, vals):
        """Refuse, through any entry point, to change approved terms or a
        signed document (the workflow fields are the guard policy's)."""
        frozen = self.filtered(lambda c: c.state not in ("draft", "cancelled"))
        for contract in frozen:
            changed = [
                name
                for name in TERM_FIELDS & set(vals)
                if not self._freight_guard_same(name, vals[name], contract[name])
            ]
            if changed:
                raise UserError(
                    self.env._(
                        "Contract %s is under approval or signed: its terms can "
                        "no longer change. Cancel it and reset it to draft to "
                        "amend it.",
                        contract.name,
                    )
                )
        signed = self.filtered(lambda c: c.state in ("signed", "expired"))
        if signed and "signed_document" in vals:
            raise UserError(
                self.env._(
                    "Contract %s is signed: its signed document cannot be replaced.",
                    signed[0].name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(contract.state not in ("draft", "cancelled") for contract in self):
            raise UserError(
                self.env._("Only draft or cancelled contracts can be deleted.")
            )

    # ------------------------------------------------------------------
    # Approval chain (R-CON-2)
    # ------------------------------------------------------------------
    def _check_no_high_risk(self, action):
        """An open high risk of the customer holds every approval step and
        the signing of its contracts until a manager clears it (R-RSK-1)."""
        blocked_ids = self.partner_id._freight_high_risk_partner_ids()
        blocked = self.filtered(lambda c: c.partner_id.id in blocked_ids)
        if blocked:
            raise UserError(
                self.env._(
                    "%(action)s: %(customer)s has an open high risk. Its "
                    "contracts cannot be approved or signed until a Freight CRM "
                    "manager clears the risk.",
                    action=action,
                    customer=blocked[0].partner_id.display_name,
                )
            )

    def action_submit(self):
        self.check_access("write")
        for contract in self:
            if contract.state != "draft":
                raise UserError(
                    self.env._(
                        "Contract %s can only be submitted from draft.",
                        contract.name,
                    )
                )
        self.partner_id._freight_check_risk_allows_contract()
        days = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("freight_crm.contract_approval_days", 5)
        )
        now = fields.Datetime.now()
        for contract in self:
            contract.sudo().write(
                {
                    "state": "manager_review",
                    "submitted_by_id": self.env.user.id,
                    "approval_deadline": plan_working_days(
                        contract.company_id, days, now
                    ),
                }
            )
            contract._schedule_step_activity()
        return True

    def action_manager_approve(self):
        return self._approve_step("manager_review")

    def action_legal_approve(self):
        return self._approve_step("legal_review")

    def action_deputy_approve(self):
        return self._approve_step("deputy_review")

    def _approve_step(self, step):
        """Approve `step` of the chain; any other state means the approval is
        given out of order and is refused."""
        next_state, group, activity = APPROVAL_STEPS[step]
        step_label = dict(self._fields["state"]._description_selection(self.env))
        for contract in self:
            if contract.state != step:
                raise UserError(
                    self.env._(
                        "Contract %(contract)s is at '%(current)s': the step "
                        "'%(step)s' cannot be approved now. Approvals go business "
                        "manager, then legal, then deputy general manager.",
                        contract=contract.name,
                        current=step_label[contract.state],
                        step=step_label[step],
                    )
                )
        if not (self.env.su or self.env.user.has_group(group)):
            raise AccessError(
                self.env._(
                    "Only members of '%(group)s' can approve the step '%(step)s'.",
                    group=self.env.ref(group).sudo().name,
                    step=step_label[step],
                )
            )
        self.check_access("write")
        for contract in self:
            contract._freight_check_four_eyes(
                contract.submitted_by_id,
                self.env._("Approve contract %s", contract.name),
            )
        self._check_no_high_risk(step_label[step])
        prefix = {
            "manager_review": "manager",
            "legal_review": "legal",
            "deputy_review": "deputy",
        }[step]
        self.sudo().write(
            {
                "state": next_state,
                f"{prefix}_approver_id": self.env.user.id,
                f"{prefix}_approval_date": fields.Datetime.now(),
            }
        )
        self.activity_feedback([activity])
        for contract in self:
            contract._schedule_step_activity()
        return True

    def action_refuse(self):
        """Send a contract under review back to draft: a reviewer of its
        current step or a Freight CRM manager."""
        self.check_access("write")
        for contract in self:
            if contract.state not in REVIEW_STATES:
                raise UserError(
                    self.env._("Contract %s is not under review.", contract.name)
                )
            group = APPROVAL_STEPS[contract.state][1]
            if not (
                self.env.su
                or self.env.user.has_group(group)
                or self.env.user.has_group("freight_crm.group_freight_manager")
            ):
                raise AccessError(
                    self.env._(
                        "Only a reviewer of its current step can send contract "
                        "%s back.",
                        contract.name,
                    )
                )
        self.activity_unlink([step[2] for step in APPROVAL_STEPS.values()])
        self.sudo().write(
            {"state": "draft", "approval_deadline": False, "submitted_by_id": False}
        )
        return True

    def _schedule_step_activity(self):
        """One activity per member of the group approving the current step,
        due at the chain's deadline."""
        self.ensure_one()
        if self.state not in APPROVAL_STEPS:
            return
        _next, group, activity = APPROVAL_STEPS[self.state]
        users = (
            self.env.ref(group)
            .sudo()
            .all_user_ids.filtered(lambda u: not u.share and u.active)
            .filtered(lambda u: u.id != self.env.ref("base.user_root").id)
        )
        deadline = fields.Date.to_date(self.approval_deadline) or fields.Date.today()
        for user in users:
            self.sudo().activity_schedule(
                activity, date_deadline=deadline, user_id=user.id
            )

    def action_sign(self):
        self.check_access("write")
        for contract in self:
            if contract.state != "approved":
                raise UserError(
                    self.env._(
                        "Contract %s must go through the whole approval chain "
                        "before it is signed.",
                        contract.name,
                    )
                )
            if not contract.signed_document:
                raise UserError(
                    self.env._(
                        "Contract %s: attach the signed document before marking "
                        "it signed.",
                        contract.name,
                    )
                )
        self._check_no_high_risk(self.env._("Mark signed"))
        self.sudo().write(
            {"state": "signed", "date_signed": fields.Date.context_today(self)}
        )
        return True

    def action_cancel(self):
        self.check_access("write")
        if any(contract.state == "expired" for contract in self):
            raise UserError(self.env._("An expired contract cannot be cancelled."))
        self.activity_unlink([step[2] for step in APPROVAL_STEPS.values()])
        self.sudo().write({"state": "cancelled"})
        return True

    def action_draft(self):
        self.check_access("write")
        if any(contract.state != "cancelled" for contract in self):
            raise UserError(
                self.env._("Only cancelled contracts can be reset to draft.")
            )
        self.sudo().write(
            {"state": "draft", "approval_deadline": False, "submitted_by_id": False}
        )
        return True

    def _freight_note_risk_hold(self):
        """Tell the reviewers of these contracts, still under approval, that
        a high risk of their customer now holds them."""
        pending = self.filtered(lambda c: c.state in (*REVIEW_STATES, "approved"))
        body = self.env._(
            "The customer now has an open high risk: this contract stays where "
            "it is but cannot be approved or signed until a Freight CRM manager "
            "clears the risk."
        )
        pending.sudo()._message_log_batch(bodies=dict.fromkeys(pending.ids, body))

    # ------------------------------------------------------------------
    # Validity and expiry (R-CON-3, R-CON-4)
    # ------------------------------------------------------------------
    @api.model
    def _valid_domain(self, day=None):
        """Contracts that satisfy the contract gate on `day`."""
        day = day or fields.Date.context_today(self)
        return (
            Domain("state", "=", "signed")
            & Domain("is_long_term", "=", True)
            & Domain("date_start", "<=", day)
            & (Domain("date_end", "=", False) | Domain("date_end", ">=", day))
        )

    @api.model
    def _cron_freight_contract_expiry(self):
        """Daily: expire signed contracts past their end date, then warn the
        account manager of those ending within the warning period. Warnings
        go in batches, each committed when run by the scheduler, so a crash
        resumes where it stopped without warning twice."""
        Contract = self.sudo().with_context(
            tracking_disable=True, mail_activity_quick_update=True
        )
        today = fields.Date.context_today(self)
        warn_days = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("freight_crm.contract_expiry_warning_days", 30)
        )
        expired = Contract.search([("state", "=", "signed"), ("date_end", "<", today)])
        # One UPDATE for all of them, no chatter message per contract.
        expired.write({"state": "expired"})
        warn_domain = [
            ("state", "=", "signed"),
            ("expiry_warned", "=", False),
            ("date_end", "<=", today + timedelta(days=warn_days)),
        ]
        warned = Contract.browse()
        while batch := Contract.search(warn_domain, order="id", limit=EXPIRY_BATCH):
            batch._warn_expiry()
            warned |= batch
            if self.env.context.get("ir_cron_progress_id"):
                self.env["ir.cron"]._commit_progress(
                    processed=len(batch),
                    remaining=Contract.search_count(warn_domain),
                )
        return expired, warned

    def _warn_expiry(self):
        """One activity per contract for its account manager, created in one
        batch, and the contracts flagged as warned."""
        activity_type = self.env.ref("freight_crm.mail_activity_contract_expiry")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": contract.id,
                    "activity_type_id": activity_type.id,
                    "summary": activity_type.with_context(
                        lang=contract.user_id.lang
                    ).summary,
                    "user_id": contract.user_id.id or self.env.user.id,
                    "date_deadline": contract.date_end,
                    "note": contract.with_context(lang=contract.user_id.lang).env._(
                        "Contract %(contract)s of %(customer)s ends on %(end)s: "
                        "renew it or plan the follow-up.",
                        contract=contract.name,
                        customer=contract.partner_id.display_name,
                        end=contract.date_end,
                    ),
                }
                for contract in self
            ]
        )
        self.write({"expiry_warned": True})

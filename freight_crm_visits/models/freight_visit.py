# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

from odoo.addons.freight_crm.models.freight_workflow_guard import PARENT, WORKFLOW

from .common import CHANNELS

DONE_STATES = ("done", "submitted", "approved", "returned")


class FreightVisit(models.Model):
    """A customer visit, the form 附表3 客户拜访记录表 (R-VIS-3). Its flow
    is in freight_visit_approval.py, the abnormal relationship (R-VIS-4) in
    freight_visit_abnormal.py."""

    _name = "freight.visit"
    _description = "Customer Visit"
    _inherit = ("mail.thread", "mail.activity.mixin", "freight.workflow.guard")
    _order = "visit_date desc, id desc"
    _rec_names_search = ("partner_id",)

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
    )
    visit_date = fields.Date(
        required=True,
        index=True,
        tracking=True,
        default=fields.Date.context_today,
    )
    state = fields.Selection(
        [
            ("planned", "Planned"),
            ("done", "Done"),
            ("submitted", "Submitted"),
            ("returned", "Returned"),
            ("approved", "Approved"),
        ],
        default="planned",
        required=True,
        index=True,
        tracking=True,
        copy=False,
        group_expand=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    grade_id = fields.Many2one(
        "freight.customer.grade",
        string="Customer Grade",
        compute="_compute_grade_id",
        store=True,
        readonly=False,
        help="The customer's grade on the visit date, kept as it was.",
    )
    channel = fields.Selection(
        CHANNELS,
        compute="_compute_channel",
        store=True,
        readonly=False,
        help="Set from the grade policy; change it if the visit was held another way.",
    )
    address = fields.Char(
        string="Meeting Address",
        compute="_compute_address",
        store=True,
        readonly=False,
        help="The customer's address unless the meeting is held elsewhere.",
    )
    companion_ids = fields.Many2many(
        "res.users",
        "freight_visit_companion_rel",
        "visit_id",
        "user_id",
        string="Accompanying Staff",
    )
    interlocutor_ids = fields.Many2many(
        "res.partner",
        "freight_visit_interlocutor_rel",
        "visit_id",
        "partner_id",
        string="Customer Interlocutors",
        domain="[('parent_id', '=', partner_id)]",
        help="The customer's people met, with their job title and phone.",
    )
    planned_content = fields.Text()
    actual_content = fields.Text()
    satisfaction = fields.Selection(
        [
            ("5", "Very Satisfied"),
            ("4", "Satisfied"),
            ("3", "Neutral"),
            ("2", "Dissatisfied"),
            ("1", "Very Dissatisfied"),
        ],
        string="Customer Satisfaction",
    )
    logistics_needs = fields.Text()
    competitors = fields.Text()
    operating_situation = fields.Text(string="Customer's Operating Situation")
    next_steps = fields.Text()
    support_needed = fields.Boolean(
        string="Other Departments' Support Needed",
    )
    support_details = fields.Char(string="Support Needed From")
    remarks = fields.Text()
    manager_visit_required = fields.Boolean(
        string="Manager Visit",
        tracking=True,
        help="Decided at the weekly meeting: a department manager or above "
        "must visit this customer.",
    )
    approver_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    approval_date = fields.Date(readonly=True, copy=False)
    return_reason = fields.Text(readonly=True, copy=False, tracking=True)
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="Planned and its date has passed.",
    )
    is_next_week = fields.Boolean(
        string="Next Week",
        compute="_compute_is_next_week",
        search="_search_is_next_week",
        help="Dated Monday to Sunday of next week: the weekly meeting's list.",
    )

    # The planning cron looks for customers without a planned visit.
    _partner_planned_idx = models.Index("(partner_id) WHERE state = 'planned'")

    @api.depends("partner_id")
    def _compute_address(self):
        for visit in self:
            partner = visit.partner_id
            visit.address = ", ".join(
                part
                for part in (
                    partner.street,
                    partner.street2,
                    partner.city,
                    partner.state_id.name,
                    partner.country_id.name,
                )
                if part
            )

    @api.depends("partner_id", "visit_date")
    def _compute_display_name(self):
        for visit in self:
            visit.display_name = self.env._(
                "%(customer)s – %(date)s",
                customer=visit.partner_id.display_name or "",
                date=visit.visit_date or "",
            )

    @api.depends("partner_id")
    def _compute_grade_id(self):
        for visit in self:
            visit.grade_id = visit.partner_id.freight_grade_id

    @api.depends("partner_id")
    def _compute_channel(self):
        for visit in self:
            channel = visit.partner_id._freight_visit_policy()[1]
            visit.channel = channel or visit.channel or "face_to_face"

    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for visit in self:
            visit.is_overdue = bool(
                visit.state == "planned"
                and visit.visit_date
                and visit.visit_date < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        overdue = Domain("state", "=", "planned") & Domain(
            "visit_date", "<", fields.Date.context_today(self)
        )
        return overdue if (True in value) == (operator == "in") else ~overdue

    @api.model
    def _next_week_range(self):
        today = fields.Date.context_today(self)
        monday = today + timedelta(days=7 - today.weekday())
        return monday, monday + timedelta(days=6)

    def _compute_is_next_week(self):
        monday, sunday = self._next_week_range()
        for visit in self:
            visit.is_next_week = bool(
                visit.visit_date and monday <= visit.visit_date <= sunday
            )

    def _search_is_next_week(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        monday, sunday = self._next_week_range()
        next_week = Domain("visit_date", ">=", monday) & Domain(
            "visit_date", "<=", sunday
        )
        return next_week if (True in value) == (operator == "in") else ~next_week

    @api.model
    def _freight_guard_policy(self):
        """The flow planned -> done -> submitted -> approved (or returned ->
        submitted) moves only through the action methods; customer and
        salesperson are fixed once the visit was held."""
        return {
            **super()._freight_guard_policy(),
            "state": WORKFLOW,
            "approver_id": WORKFLOW,
            "approval_date": WORKFLOW,
            "return_reason": WORKFLOW,
            "partner_id": PARENT,
            "user_id": PARENT,
        }

    def _freight_guard_is_open(self):
        self.ensure_one()
        return self.state == "planned"

    @api.model
    def _freight_guard_parent(self, name, value):
        """A visit is about a customer, it does not change it: the user must
        see the customer (its record rules), not be able to edit it, which
        customer service usually cannot. The salesperson must be a staff
        member."""
        if name not in ("partner_id", "user_id") or not value:
            return super()._freight_guard_parent(name, value)
        record_id = value.id if isinstance(value, models.BaseModel) else value
        comodel = self.env[self._fields[name].comodel_name]
        target = comodel.sudo().browse(record_id).exists()
        if not target or (name == "user_id" and target.share):
            raise ValidationError(
                self.env._(
                    "%(field)s: choose an existing internal user or customer.",
                    field=self._freight_guard_label(name),
                )
            )
        if name == "partner_id":
            comodel.browse(record_id).check_access("read")

    def write(self, vals):
        if "visit_date" in vals:
            # A held visit keeps a date on which it could have been held.
            self.filtered(lambda v: v.state != "planned")._check_not_in_future(
                vals["visit_date"]
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_planned(self):
        # An approver set means the visit went through approval once: it is
        # a record of the rulebook, whatever its state says now.
        if any(visit.state != "planned" or visit.approver_id for visit in self):
            raise UserError(
                self.env._("Only planned visits can be deleted, not held ones.")
            )

    def _check_not_in_future(self, new_date=None):
        """new_date: the date about to be written, else the visits' own."""
        today = fields.Date.context_today(self)
        new_date = fields.Date.to_date(new_date)
        future = self.filtered(lambda v: (new_date or v.visit_date) > today)
        if future:
            raise UserError(
                self.env._(
                    "The visit %(visit)s is dated in the future: change its date "
                    "to the day it was held before marking it done.",
                    visit=future[0].display_name,
                )
            )

    def _freight_subscribe_salespeople(self):
        """Subscribe each visit's salesperson with the default subtypes, in
        two queries for any number of visits (the planning cron creates
        thousands; the ORM would create the followers one by one). Followers
        already there are kept as they are."""
        if not self:
            return
        self.flush_recordset(["user_id"])
        self.env["mail.followers"].flush_model()
        subtype_ids = self.env["mail.message.subtype"]._default_subtypes(self._name)[0]
        self.env.cr.execute(
            SQL(
                """
                WITH new_followers AS (
                    INSERT INTO mail_followers (res_model, res_id, partner_id)
                    SELECT %(model)s, visit.id, users.partner_id
                      FROM freight_visit visit
                      JOIN res_users users ON users.id = visit.user_id
                     WHERE visit.id = ANY(%(ids)s)
                    ON CONFLICT DO NOTHING
                    RETURNING id
                )
                INSERT INTO mail_followers_mail_message_subtype_rel
                       (mail_followers_id, mail_message_subtype_id)
                SELECT new_followers.id, subtype.id
                  FROM new_followers, unnest(%(subtypes)s::int[]) AS subtype(id)
                """,
                model=self._name,
                ids=self.ids,
                subtypes=subtype_ids,
            )
        )
        self.invalidate_recordset(["message_follower_ids", "message_partner_ids"])
        self.env["mail.followers"].invalidate_model()

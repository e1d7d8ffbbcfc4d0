# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.freight_crm.models.freight_workflow_guard import WORKFLOW
from odoo.addons.freight_crm.tools.roles import MANAGER

VISIT_ACTIVITY = "freight_crm_visits.mail_activity_type_visit"


class FreightWeeklyMeeting(models.Model):
    """The weekly business meeting (业务小组会议) the business and customer
    service department managers hold together: the problems met in
    business development and customer maintenance, guidance to salespeople,
    and the customers a department manager or above visits next week."""

    _name = "freight.weekly.meeting"
    _description = "Weekly Business Meeting"
    _inherit = ("mail.thread", "mail.activity.mixin", "freight.workflow.guard")
    _order = "date desc, id desc"

    date = fields.Date(
        string="Meeting Date",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    week_start = fields.Date(
        string="Visits Week",
        compute="_compute_week_start",
        store=True,
        help="Monday of the week after the meeting: the week the decided "
        "manager visits are planned in.",
    )
    chair_id = fields.Many2one(
        "res.users",
        string="Chaired By",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    attendee_ids = fields.Many2many(
        "res.users",
        "freight_weekly_meeting_attendee_rel",
        "meeting_id",
        "user_id",
        string="Attendees",
        domain=[("share", "=", False)],
        help="Business and customer service department managers, and the "
        "salespeople attending.",
    )
    problems = fields.Text(
        string="Problems Analysed",
        help="Problems met in business development and customer maintenance.",
    )
    guidance = fields.Text(
        string="Guidance to Salespeople",
        help="The business guidance given to salespeople.",
    )
    line_ids = fields.One2many(
        "freight.weekly.meeting.line", "meeting_id", string="Manager Visits Next Week"
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    visit_count = fields.Integer(compute="_compute_visit_count", string="Visits")

    @api.depends("date")
    def _compute_week_start(self):
        for meeting in self:
            day = meeting.date
            meeting.week_start = (
                day + timedelta(days=7 - day.weekday()) if day else False
            )

    @api.depends("date")
    def _compute_display_name(self):
        for meeting in self:
            meeting.display_name = self.env._(
                "Weekly business meeting %s", meeting.date or ""
            )

    @api.depends("line_ids.visit_id")
    def _compute_visit_count(self):
        for meeting in self:
            meeting.visit_count = len(meeting.line_ids.visit_id)

    @api.model
    def _freight_guard_policy(self):
        return {"state": WORKFLOW, "confirmed_by_id": WORKFLOW}

    @api.constrains("date")
    def _check_lines_in_visits_week(self):
        self.line_ids._check_visit_date()

    def _freight_guard_workflow_message(self, label, record):
        return self.env._(
            "%s of a weekly meeting is set by its Confirm button only.",
            label,
        )

    def write(self, vals):
        if not self.env.su and "date" in vals:
            confirmed = self.filtered(lambda m: m.state == "confirmed")
            if any(
                not self._freight_guard_same("date", vals["date"], m.date)
                for m in confirmed
            ):
                raise UserError(
                    self.env._(
                        "The date of a confirmed weekly meeting cannot be changed."
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(meeting.state != "draft" for meeting in self):
            raise UserError(
                self.env._(
                    "A confirmed weekly meeting is kept on file and cannot be deleted."
                )
            )

    def action_confirm(self):
        """Confirm the minutes: every customer on the list gets a planned
        visit in the visits week, flagged as a manager visit."""
        action = self.env._("Confirm the weekly meeting")
        self._freight_check_approval(action, ("draft",))
        for meeting in self:
            if not (meeting.problems or "").strip():
                raise UserError(
                    self.env._(
                        "%(action)s: write the problems analysed at %(meeting)s first.",
                        action=action,
                        meeting=meeting.display_name,
                    )
                )
        self._freight_record_approval("confirmed_by_id", state="confirmed")
        self.line_ids._freight_plan_visit()
        return True

    def action_open_visits(self):
        action = self.env["ir.actions.actions"]._for_xml_id(
            "freight_crm_visits.freight_visit_action"
        )
        action["domain"] = [("id", "in", self.line_ids.visit_id.ids)]
        action["context"] = {}
        return action

    # The draft the weekly cron prepares
    @api.model
    def _freight_week_of(self, day):
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)

    @api.model
    def _cron_freight_prepare_meeting(self):
        """Daily: the first run of each week prepares the draft minutes of
        the week's meeting, with the list of manager visits to decide on."""
        today = fields.Date.context_today(self)
        monday, sunday = self._freight_week_of(today)
        Meeting = self.sudo()
        if Meeting.search_count(
            [("date", ">=", monday), ("date", "<=", sunday)], limit=1
        ):
            return self.browse()
        chair = self.env["freight.visit"]._freight_department_managers()[:1]
        if not chair:
            return self.browse()
        meeting = Meeting.create(
            {
                "date": today,
                "chair_id": chair.id,
                "attendee_ids": [
                    fields.Command.set(self._freight_group_members(MANAGER).ids)
                ],
            }
        )
        meeting._freight_prefill_lines(chair)
        return meeting

    def _freight_prefill_lines(self, manager):
        """The customers to decide on: the visits of the visits week already
        flagged as manager visits, and the customers whose relationship was
        reported abnormal on a visit of the past week."""
        self.ensure_one()
        Visit = self.env["freight.visit"].sudo()
        sunday = self.week_start + timedelta(days=6)
        flagged = Visit.search(
            [
                ("manager_visit_required", "=", True),
                ("state", "=", "planned"),
                ("visit_date", ">=", self.week_start),
                ("visit_date", "<=", sunday),
            ]
        )
        abnormal = Visit.search(
            [
                ("relationship_abnormal", "=", True),
                ("visit_date", ">=", self.date - timedelta(days=7)),
                ("visit_date", "<=", self.date),
                ("partner_id", "not in", flagged.partner_id.ids),
            ]
        )
        lines = [
            {
                "partner_id": visit.partner_id.id,
                "manager_id": manager.id,
                "visit_date": visit.visit_date,
                "purpose": visit.planned_content,
            }
            for visit in flagged
        ]
        lines += [
            {
                "partner_id": partner.id,
                "manager_id": manager.id,
                "visit_date": self.week_start,
                "purpose": self.env._("Abnormal relationship reported on a visit"),
            }
            for partner in abnormal.partner_id
        ]
        self.write({"line_ids": [fields.Command.create(vals) for vals in lines]})

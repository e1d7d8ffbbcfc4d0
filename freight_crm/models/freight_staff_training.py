# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.roles import MANAGER
from ..tools.settings_table import freight_setting_values
from .freight_workflow_guard import WORKFLOW

# The rulebook leaves the figures blank (不得少于__课时): the yearly class
# hours of account managers and of frontline staff are settings (defaults
# in tools/settings.py).
HOURS_PARAMS = (
    "freight_crm.training_hours_account_manager",
    "freight_crm.training_hours_staff",
)
# Who signed the hours off, and the hours themselves once counted.
CONFIRMED_FROZEN = ("user_id", "date", "course", "category", "hours")


class FreightStaffTraining(models.Model):
    """A business training an account manager or a frontline sales or
    service employee attended (业务培训): the hours count towards the
    yearly minimum once a manager confirmed them."""

    _name = "freight.staff.training"
    _description = "Staff Business Training"
    _inherit = ("mail.thread", "freight.workflow.guard")
    _order = "date desc, id desc"
    _rec_name = "course"

    user_id = fields.Many2one(
        "res.users",
        string="Employee",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    year = fields.Integer(compute="_compute_year", store=True, aggregator=False)
    course = fields.Char(required=True, tracking=True)
    category = fields.Selection(
        [
            ("business", "Business Training"),
            ("customer_industry", "Customer's Industry"),
            ("service", "Service Philosophy"),
            ("marketing", "Marketing Skills"),
            ("operations", "Logistics Operations"),
            ("system", "Information System"),
        ],
        required=True,
        default="business",
    )
    organiser = fields.Char(help="Who gave the training: HR, a carrier, a customer.")
    hours = fields.Float(string="Class Hours", digits=(6, 1), required=True)
    state = fields.Selection(
        [("draft", "To Confirm"), ("confirmed", "Confirmed")],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    confirmed_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    @api.depends("date")
    def _compute_year(self):
        for training in self:
            training.year = training.date.year if training.date else 0

    @api.model
    def _freight_guard_policy(self):
        return {
            "state": WORKFLOW,
            "confirmed_by_id": WORKFLOW,
            "user_id": MANAGER,
        }

    def _freight_guard_workflow_message(self, label, record):
        return self.env._(
            "%s of a staff training is set by its Confirm button only.",
            label,
        )

    @api.constrains("hours")
    def _check_hours(self):
        for training in self:
            if not 0 < training.hours <= 1000:
                raise ValidationError(
                    self.env._(
                        "The class hours of %s must be more than 0 and at most 1000.",
                        training.course,
                    )
                )

    @api.constrains("user_id")
    def _check_user_is_staff(self):
        self._freight_check_staff()

    def _freight_guard_frozen(self):
        """Confirmed hours stay as confirmed."""
        self.ensure_one()
        return CONFIRMED_FROZEN if self.state == "confirmed" else ()

    def _freight_guard_frozen_message(self, changed):
        return self.env._(
            "%s is confirmed; these can no longer be changed:", self.display_name
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        if any(training.state == "confirmed" for training in self):
            raise UserError(self.env._("Confirmed training hours cannot be deleted."))

    def action_confirm(self):
        """A manager other than the employee confirms the hours attended."""
        action = self.env._("Confirm the training hours")
        return self._freight_approve(
            action,
            ("draft",),
            ("user_id",),
            "confirmed_by_id",
            state="confirmed",
        )

    def action_draft(self):
        action = self.env._("Back to draft")
        self._freight_check_group(MANAGER, action)
        self._freight_check_states(("confirmed",), action)
        self.sudo().write({"state": "draft", "confirmed_by_id": False})
        return True

    @api.model
    def _freight_minimum_hours(self):
        """{param: minimum class hours a year}, from Settings."""
        return freight_setting_values(self.env, HOURS_PARAMS)

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .freight_workflow_guard import PARENT, WORKFLOW

EVALUATION_ACTIVITY = "freight_crm.mail_activity_customer_training_evaluation"
# What was held stays as held; what was evaluated stays as evaluated.
HELD = ("partner_id", "user_id", "date", "duration")
EVALUATED = (
    *HELD,
    "topic",
    "content",
    "attendee_ids",
    "attendees",
    "evaluation_score",
    "evaluation_result",
    "evaluation_comment",
)
FROZEN_BY_STATE = {"done": HELD, "evaluated": EVALUATED}


class FreightCustomerTraining(models.Model):
    """A training session for a customer unfamiliar with the company's
    operating and business processes (客户培训), and the follow-up of its
    effect (培训效果评估)."""

    _name = "freight.customer.training"
    _description = "Customer Training"
    _inherit = (
        "mail.thread",
        "mail.activity.mixin",
        "freight.workflow.guard",
        "freight.customer.ledger.mixin",
    )
    _order = "date desc, id desc"
    _rec_name = "topic"
    _rec_names_search = ("topic", "partner_id")

    user_id = fields.Many2one(
        "res.users",
        string="Trainer",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    topic = fields.Char(required=True, tracking=True)
    attendee_ids = fields.Many2many(
        "res.partner",
        "freight_customer_training_attendee_rel",
        "training_id",
        "partner_id",
        string="Customer Attendees",
        domain="[('parent_id', '=', partner_id)]",
        help="The customer's people trained.",
    )
    attendees = fields.Text(
        string="Other Attendees",
        help="Attendees who are not contacts of the customer in the system.",
    )
    duration = fields.Float(string="Duration (Hours)", digits=(6, 1))
    content = fields.Text(
        string="Training Content",
        help="The company's operating and business processes explained.",
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("evaluated", "Evaluated")],
        default="planned",
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    evaluation_score = fields.Integer(
        string="Effect Score",
        aggregator="avg",
        help="Effect of the training, 0 to 100, from following up with the customer.",
    )
    evaluation_result = fields.Selection(
        [
            ("effective", "Effective"),
            ("partly", "Partly Effective"),
            ("ineffective", "Not Effective"),
        ],
        string="Effect",
    )
    evaluation_comment = fields.Text(
        string="Evaluation and Improvement",
        help="How the customer applies what was trained, and what to improve "
        "in the next training.",
    )
    evaluated_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    evaluated_date = fields.Date(readonly=True, copy=False)

    @api.depends("topic", "partner_id")
    def _compute_display_name(self):
        for training in self:
            parts = (training.partner_id.display_name, training.topic)
            training.display_name = " – ".join(part for part in parts if part)

    @api.model
    def _freight_guard_policy(self):
        return {
            "state": WORKFLOW,
            "evaluated_by_id": WORKFLOW,
            "evaluated_date": WORKFLOW,
            "partner_id": PARENT,
        }

    def _freight_guard_is_open(self):
        self.ensure_one()
        return self.state == "planned"

    def _freight_guard_workflow_message(self, label, record):
        return self.env._(
            "%s of a customer training is set by its Done and Evaluate buttons only.",
            label,
        )

    @api.model
    def _freight_guard_parent(self, name, value):
        """A training is about a customer, it does not change it: the user
        must see the customer, not be able to edit it (customer service
        trains customers it cannot edit)."""
        if name != "partner_id" or not value:
            return super()._freight_guard_parent(name, value)
        record_id = value.id if isinstance(value, models.BaseModel) else value
        partner = self.env["res.partner"].browse(record_id)
        if not partner.sudo().exists():
            raise ValidationError(
                self.env._(
                    "%(field)s: the record does not exist.",
                    field=self._freight_guard_label(name),
                )
            )
        partner.check_access("read")

    @api.constrains("duration")
    def _check_duration(self):
        for training in self:
            if training.duration < 0 or training.duration > 24:
                raise ValidationError(
                    self.env._(
                        "The duration of a training session lies between 0 and "
                        "24 hours: record a longer training as several sessions."
                    )
                )

    @api.constrains("evaluation_score")
    def _check_evaluation_score(self):
        for training in self:
            if not 0 <= training.evaluation_score <= 100:
                raise ValidationError(
                    self.env._("The effect score lies between 0 and 100.")
                )

    def _freight_ledger_not_customer_message(self, partner):
        return self.env._(
            "%s is not a freight customer company: trainings are given to customers.",
            partner.display_name,
        )

    def write(self, vals):
        if not self.env.su:
            self._freight_check_frozen(vals)
        return super().write(vals)

    def _freight_check_frozen(self, vals):
        for training in self:
            for name in FROZEN_BY_STATE.get(training.state, ()):
                if name not in vals:
                    continue
                if not self._freight_guard_same(name, vals[name], training[name]):
                    raise UserError(
                        self.env._(
                            "%(field)s of a training that is %(state)s cannot be "
                            "changed: it is what was held and evaluated.",
                            field=self._freight_guard_label(name),
                            state=dict(
                                self._fields["state"]._description_selection(self.env)
                            )[training.state],
                        )
                    )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_planned(self):
        if any(training.state != "planned" for training in self):
            raise UserError(
                self.env._(
                    "A training that was held is kept on file and cannot be deleted."
                )
            )

    # Workflow: planned -> done -> evaluated
    def action_done(self):
        """The training was held: its effect is to be evaluated (an activity
        for the trainer)."""
        self.check_access("write")
        action = self.env._("Mark the training as done")
        self._freight_check_states(("planned",), action)
        today = fields.Date.context_today(self)
        for training in self:
            if training.date > today:
                raise UserError(
                    self.env._(
                        "%(action)s: %(training)s is dated in the future; change "
                        "its date to the day it was held.",
                        action=action,
                        training=training.display_name,
                    )
                )
            if training.duration <= 0 or not (training.content or "").strip():
                raise UserError(
                    self.env._(
                        "%(action)s: record the duration and the content of "
                        "%(training)s first.",
                        action=action,
                        training=training.display_name,
                    )
                )
        self.sudo().write({"state": "done"})
        for training in self:
            training.sudo().activity_schedule(
                EVALUATION_ACTIVITY,
                user_id=training.user_id.id,
                note=training.with_context(lang=training.user_id.lang).env._(
                    "Follow up with %(customer)s and evaluate the effect of the "
                    "training %(topic)s.",
                    customer=training.partner_id.display_name,
                    topic=training.topic,
                ),
            )
        return True

    def action_evaluate(self):
        """Record the effect evaluation (培训效果评估)."""
        self.check_access("write")
        action = self.env._("Evaluate the training")
        self._freight_check_states(("done",), action)
        missing = self.filtered(
            lambda t: (
                not t.evaluation_result or not (t.evaluation_comment or "").strip()
            )
        )
        if missing:
            raise UserError(
                self.env._(
                    "%(action)s: give the effect and the evaluation of "
                    "%(training)s first.",
                    action=action,
                    training=missing[0].display_name,
                )
            )
        self.sudo().activity_feedback([EVALUATION_ACTIVITY])
        self.sudo().write(
            {
                "state": "evaluated",
                "evaluated_by_id": self.env.user.id,
                "evaluated_date": fields.Date.context_today(self),
            }
        )
        return True

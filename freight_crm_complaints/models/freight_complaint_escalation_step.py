# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import itertools

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class FreightComplaintEscalationStep(models.Model):
    """One rung of the escalation ladder (投诉升级).

    A complaint still open ``hours`` working hours after intake reaches
    ``level``: the step's user (or the members of its group) are notified,
    added as followers and given an activity.
    """

    _name = "freight.complaint.escalation.step"
    _description = "Complaint Escalation Step"
    _order = "level, id"

    name = fields.Char(required=True, translate=True)
    level = fields.Integer(required=True, help="Escalation level reached, 1 to 3.")
    hours = fields.Float(
        string="After (Working Hours)",
        required=True,
        help="Working hours after intake at which an unresolved complaint "
        "reaches this level.",
    )
    group_id = fields.Many2one(
        "res.groups",
        string="Escalate to Group",
        help="Every user of this group is notified and follows the complaint.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Escalate to User",
        domain=[("share", "=", False)],
        help="When set, only this user is notified, whatever the group.",
    )
    active = fields.Boolean(default=True)

    _level_unique = models.UniqueIndex(
        "(level) WHERE active",
        lambda env, diag: env._("Each escalation level has only one active step."),
    )

    @api.constrains("level", "hours", "group_id", "user_id", "active")
    def _check_ladder(self):
        for step in self:
            if not 1 <= step.level <= 3:
                raise ValidationError(
                    self.env._(
                        "Escalation step %(step)s: the level must be 1, 2 or 3, "
                        "not %(level)s.",
                        step=step.name,
                        level=step.level,
                    )
                )
            if step.hours <= 0:
                raise ValidationError(
                    self.env._(
                        "Escalation step %(step)s: the hours after intake must "
                        "be positive, not %(hours)s.",
                        step=step.name,
                        hours=step.hours,
                    )
                )
            if not step.group_id and not step.user_id:
                raise ValidationError(
                    self.env._(
                        "Escalation step %s: choose the group or the user to "
                        "escalate to.",
                        step.name,
                    )
                )
        self._check_ladder_order()

    def _check_ladder_order(self):
        steps = self._get_ladder()
        for lower, higher in itertools.pairwise(steps):
            if higher.hours <= lower.hours:
                raise ValidationError(
                    self.env._(
                        "Escalation steps out of order: level %(high)s "
                        "(%(high_hours)s h) must come later than level %(low)s "
                        "(%(low_hours)s h).",
                        high=higher.level,
                        high_hours=higher.hours,
                        low=lower.level,
                        low_hours=lower.hours,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        steps = super().create(vals_list)
        self._reschedule_open_complaints()
        return steps

    def write(self, vals):
        res = super().write(vals)
        if {"level", "hours", "active"} & set(vals):
            self._reschedule_open_complaints()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_reschedule(self):
        # Recomputed after the deletion by the next flush.
        self.env.add_to_compute(
            self.env["helpdesk.ticket"]._fields["freight_next_escalation"],
            self._open_complaints(),
        )

    @api.model
    def _open_complaints(self):
        return (
            self.env["helpdesk.ticket"]
            .sudo()
            .search(
                [("stage_id.closed", "=", False), ("freight_escalation_level", "<", 3)]
            )
        )

    @api.model
    def _reschedule_open_complaints(self):
        """A changed ladder moves the next escalation of open complaints."""
        self.env.add_to_compute(
            self.env["helpdesk.ticket"]._fields["freight_next_escalation"],
            self._open_complaints(),
        )

    @api.model
    def _get_ladder(self):
        """The active steps, lowest level first."""
        return self.sudo().search([("active", "=", True)], order="level, id")

    def _get_target_users(self):
        self.ensure_one()
        if self.user_id:
            return self.user_id
        return self.group_id.user_ids.filtered(lambda u: u.active and not u.share)

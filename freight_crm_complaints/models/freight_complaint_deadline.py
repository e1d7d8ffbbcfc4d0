# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

COMPLAINT_CLASSES = [
    ("general", "General"),
    ("important", "Important"),
    ("major", "Major"),
]


class FreightComplaintDeadline(models.Model):
    """Resolution deadline of one complaint class, in working hours."""

    _name = "freight.complaint.deadline"
    _description = "Complaint Deadline per Class"
    _order = "hours, id"
    _rec_name = "complaint_class"

    complaint_class = fields.Selection(COMPLAINT_CLASSES, required=True)
    hours = fields.Float(
        string="Deadline (Working Hours)",
        required=True,
        help="Working hours of the team's calendar (else the company's) "
        "between intake and the resolution deadline.",
    )
    requirement = fields.Text(
        translate=True, help="What must be done within the deadline."
    )
    emergency_plan = fields.Boolean(
        help="Schedule the emergency-plan activity for the customer-service "
        "department manager as soon as such a complaint is received."
    )

    _complaint_class_unique = models.UniqueIndex(
        "(complaint_class)",
        lambda env, diag: env._("Each complaint class has only one deadline."),
    )

    @api.constrains("hours")
    def _check_hours(self):
        for deadline in self:
            if deadline.hours <= 0:
                raise ValidationError(
                    self.env._(
                        "The deadline of a complaint class must be a positive "
                        "number of hours, not %s.",
                        deadline.hours,
                    )
                )

    @api.model
    def _get_rules_by_class(self):
        """One search for a whole batch of tickets: {class: deadline record}."""
        return {rule.complaint_class: rule for rule in self.sudo().search([])}

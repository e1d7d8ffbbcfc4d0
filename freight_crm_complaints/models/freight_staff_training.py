# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.freight_crm.models.freight_workflow_guard import COMPUTED

# Set when a complaint is closed, never by hand.
COMPLAINT_FIELDS = ("freight_ticket_id", "freight_content")


class FreightStaffTraining(models.Model):
    """A staff training proposed by a closed complaint: its corrective
    measures become training content (制定改进措施并纳入员工培训内容)."""

    _inherit = "freight.staff.training"

    freight_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        help="The complaint whose corrective measures this training teaches.",
    )
    freight_content = fields.Html(
        string="Training Content",
        readonly=True,
        copy=False,
        help="The complaint's corrective measures when it was closed.",
    )

    @api.model
    def _freight_guard_policy(self):
        policy = super()._freight_guard_policy()
        policy.update(dict.fromkeys(COMPLAINT_FIELDS, COMPUTED))
        return policy

    def _freight_guard_refuse(self, name, rule, value, record):
        if name in COMPLAINT_FIELDS:
            raise UserError(
                self.env._(
                    "%s of a staff training is filled in when its complaint is "
                    "closed, not by hand.",
                    self._freight_guard_label(name),
                )
            )
        return super()._freight_guard_refuse(name, rule, value, record)

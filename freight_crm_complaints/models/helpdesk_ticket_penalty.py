# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of helpdesk.ticket per file.
# pylint: disable=consider-merging-classes-inherited
from odoo import fields, models

from .helpdesk_ticket import COMPLAINT_STAFF


class HelpdeskTicket(models.Model):
    """The penalties given for a complaint (客户投诉处罚)."""

    _inherit = "helpdesk.ticket"

    freight_penalty_ids = fields.One2many(
        "freight.complaint.penalty",
        "ticket_id",
        string="Penalties",
        groups=COMPLAINT_STAFF,
    )
    freight_penalty_count = fields.Integer(
        string="Penalty Count",
        compute="_compute_freight_penalty_count",
        groups=COMPLAINT_STAFF,
    )

    def _compute_freight_penalty_count(self):
        for ticket in self:
            ticket.freight_penalty_count = len(ticket.freight_penalty_ids)

    def action_freight_open_penalties(self):
        action = self.env["ir.actions.actions"]._for_xml_id(
            "freight_crm_complaints.freight_complaint_penalty_action"
        )
        action["domain"] = [("ticket_id", "in", self.ids)]
        action["context"] = {"default_ticket_id": self.id} if len(self) == 1 else {}
        return action

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of helpdesk.ticket per file.
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.tools import is_html_empty

from odoo.addons.freight_crm.models.freight_workflow_guard import WORKFLOW
from odoo.addons.freight_crm.tools.settings_table import freight_setting_value

from .helpdesk_ticket import COMPLAINT_STAFF


class HelpdeskTicket(models.Model):
    """Corrective measures fed into staff training (制定改进措施并纳入员工培训
    内容): closing a complaint with corrective measures proposes, once, a
    draft staff training on them to its first owner and its assignee."""

    _inherit = "helpdesk.ticket"

    freight_include_in_training = fields.Boolean(
        string="Include in Staff Training",
        default=True,
        tracking=True,
        help="On closing, the corrective measures become a draft staff "
        "training of the first owner and the assignee (纳入员工培训内容).",
    )
    freight_training_fed = fields.Boolean(
        string="Training Proposed", readonly=True, copy=False
    )
    freight_training_ids = fields.One2many(
        "freight.staff.training",
        "freight_ticket_id",
        string="Staff Trainings",
        groups=COMPLAINT_STAFF,
    )
    freight_training_count = fields.Integer(
        string="Training Count",
        compute="_compute_freight_training_count",
        groups=COMPLAINT_STAFF,
    )

    @api.model
    def _freight_guard_policy(self):
        policy = super()._freight_guard_policy()
        policy["freight_training_fed"] = WORKFLOW
        return policy

    def _compute_freight_training_count(self):
        for ticket in self:
            ticket.freight_training_count = len(ticket.freight_training_ids)

    # CRUD ----------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        tickets.filtered("closed")._freight_feed_training()
        return tickets

    def write(self, vals):
        res = super().write(vals)
        if vals.get("stage_id"):
            self.filtered("closed")._freight_feed_training()
        return res

    # Actions ---------------------------------------------------------------
    def action_freight_open_trainings(self):
        action = self.env["ir.actions.actions"]._for_xml_id(
            "freight_crm.freight_staff_training_action"
        )
        action["domain"] = [("freight_ticket_id", "in", self.ids)]
        action["context"] = {}
        return action

    # Business methods ----------------------------------------------------
    def _freight_trainees(self):
        """The complaint's responsible employees who keep training hours:
        its first owner and its assignee, if sales or service staff."""
        self.ensure_one()
        ticket = self.sudo()
        users = ticket.freight_first_owner_id | ticket.user_id
        return users.filtered(lambda u: u._freight_is_staff())

    def _freight_feed_training(self):
        """Propose the training once per complaint, whoever closes it."""
        hours = freight_setting_value(
            self.env, "freight_crm_complaints.training_feed_hours"
        )
        today = fields.Date.context_today(self)
        trainings = self.env["freight.staff.training"].sudo()
        for ticket in self.sudo():
            if not (
                ticket.freight_is_complaint
                and ticket.freight_include_in_training
                and not ticket.freight_training_fed
                and not is_html_empty(ticket.freight_corrective_measures)
            ):
                continue
            trainees = ticket._freight_trainees()
            if not trainees:
                continue
            created = trainings.create(
                [
                    {
                        "user_id": user.id,
                        "date": today,
                        "course": ticket.with_context(lang=user.lang).env._(
                            "Corrective measures: %s", ticket.display_name
                        ),
                        "category": "service",
                        "organiser": ticket.team_id.name,
                        "hours": hours,
                        "freight_ticket_id": ticket.id,
                        "freight_content": ticket.freight_corrective_measures,
                    }
                    for user in trainees
                ]
            )
            ticket.write({"freight_training_fed": True})
            # In the acting user's language also where the context has none
            # (a data file, a scheduled action), as the creation line.
            ticket.message_post(
                body=ticket._fallback_lang().env._(
                    "Corrective measures proposed as staff training for %s.",
                    ", ".join(created.user_id.mapped("name")),
                ),
                subtype_xmlid="mail.mt_note",
            )

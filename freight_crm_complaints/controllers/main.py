# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController


class HelpdeskTicketControllerFreight(HelpdeskTicketController):
    """The portal ticket form files a complaint: class and portal channel."""

    @http.route("/new/ticket", type="http", auth="user", website=True)
    def create_new_ticket(self, **kw):
        response = super().create_new_ticket(**kw)
        response.qcontext["freight_complaint_classes"] = (
            request.env["helpdesk.ticket"]
            ._fields["freight_complaint_class"]
            ._description_selection(request.env)
        )
        return response

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        vals.update(
            request.env["helpdesk.ticket"]._freight_portal_complaint_vals(
                kw.get("freight_complaint_class")
            )
        )
        return vals

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk

REFUSALS = (UserError, ValidationError, AccessError, MissingError)


def render_refusal(error, back_url=None):
    """A refused portal request: a page with the reason, not an HTTP 422."""
    return request.render(
        "freight_crm_complaints.portal_ticket_refused",
        {"reason": error.args[0] if error.args else str(error), "back_url": back_url},
    )


class HelpdeskTicketControllerFreight(HelpdeskTicketController):
    """The portal ticket form also files complaints: ticked as a complaint
    (or filed with a complaint team) the ticket goes to a complaint team,
    with the shipment it is about."""

    @http.route("/new/ticket", type="http", auth="user", website=True)
    def create_new_ticket(self, **kw):
        response = super().create_new_ticket(**kw)
        response.qcontext["freight_complaint_form"] = bool(
            request.env["helpdesk.ticket.team"].sudo()._freight_default_complaint_team()
        )
        return response

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        team = request.env["helpdesk.ticket.team"].sudo().browse(vals.get("team_id"))
        # The customer says it is a complaint and about which shipment; the
        # class is customer service's assessment (an API client may send it).
        complaint_class = kw.get("freight_complaint_class")
        is_complaint = kw.get("freight_is_complaint") or complaint_class
        if kw.get("freight_shipment_ref"):
            vals["freight_shipment_ref"] = kw["freight_shipment_ref"].strip()[:128]
        if is_complaint or team.freight_is_complaint_team:
            vals.update(
                request.env["helpdesk.ticket"]._freight_portal_complaint_vals(
                    complaint_class, team=team
                )
            )
        return vals

    @http.route("/submitted/ticket", type="http", auth="user", website=True, csrf=True)
    def submit_ticket(self, **kw):
        try:
            with request.env.cr.savepoint():
                return super().submit_ticket(**kw)
        except REFUSALS as error:
            return render_refusal(error, "/new/ticket")

    @http.route("/ticket/close", type="http", auth="user")
    def support_ticket_close(self, **kw):
        """Close a ticket the user may read, in a stage the server accepts
        for it; a refusal is shown with its reason."""
        try:
            ticket_id = int(kw.get("ticket_id") or 0)
            stage_id = int(kw.get("stage_id") or 0)
        except ValueError:
            return request.redirect("/my/tickets")
        ticket = request.env["helpdesk.ticket"].browse(ticket_id).exists()
        if not ticket:
            return request.redirect("/my/tickets")
        back_url = f"/my/ticket/{ticket_id}"
        try:
            ticket.check_access("read")
            stage = request.env["helpdesk.ticket.stage"].sudo().browse(stage_id)
            if ticket.freight_is_complaint and stage.exists():
                ticket._freight_check_close_out(stage)
            with request.env.cr.savepoint():
                return super().support_ticket_close(**kw)
        except REFUSALS as error:
            return render_refusal(error, back_url)


class CustomerPortalHelpdeskFreight(CustomerPortalHelpdesk):
    def _ticket_get_page_view_values(self, ticket, access_token, **kwargs):
        """Offer only the closing stages the server accepts for this ticket
        and this user (a complaint closes after its callback)."""
        values = super()._ticket_get_page_view_values(ticket, access_token, **kwargs)
        if ticket.freight_is_complaint:
            as_user = ticket.with_env(request.env(su=False))
            values["closed_stages"] = as_user._freight_portal_closing_stages(
                values["closed_stages"]
            )
        return values

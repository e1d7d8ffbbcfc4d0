# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

TICKET_COUNT_FIELDS = (
    "helpdesk_ticket_count",
    "helpdesk_ticket_active_count",
    "helpdesk_ticket_count_string",
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _compute_helpdesk_ticket_count(self):
        """helpdesk_mgmt counts with the record's id in a domain, which a
        partner form being edited does not have (a NewId): count the saved
        partner behind it, or nothing for a new one."""
        new = self.filtered(lambda partner: not partner._origin.id)
        new.update({"helpdesk_ticket_count": 0, "helpdesk_ticket_active_count": 0})
        new.helpdesk_ticket_count_string = "0 / 0"
        edited = (self - new).filtered(lambda partner: partner.id != partner._origin.id)
        if edited:
            super(ResPartner, edited._origin)._compute_helpdesk_ticket_count()
            for partner in edited:
                partner.update(
                    {name: partner._origin[name] for name in TICKET_COUNT_FIELDS}
                )
        return super(ResPartner, self - new - edited)._compute_helpdesk_ticket_count()

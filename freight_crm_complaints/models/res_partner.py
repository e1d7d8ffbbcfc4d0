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
        partner form being edited does not have yet (a NewId): count the
        saved partner behind it, or nothing for a new one."""
        for partner in self:
            origin = partner._origin
            if not origin.id:
                partner.update(
                    dict.fromkeys(TICKET_COUNT_FIELDS[:2], 0)
                    | {"helpdesk_ticket_count_string": "0 / 0"}
                )
            elif partner.id == origin.id:
                super(ResPartner, partner)._compute_helpdesk_ticket_count()
            else:
                super(ResPartner, origin)._compute_helpdesk_ticket_count()
                partner.update({name: origin[name] for name in TICKET_COUNT_FIELDS})

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

MAKEUP_WORKDAY = "freight_makeup_workday"


class ResourceCalendarLeaves(models.Model):
    """A make-up working day (调休上班) is kept with the calendar's public
    holidays, as a day of the calendar of its own kind: the working-time
    computations add it to the calendar's attendances (see
    resource.calendar), the leave computations, which only take time off,
    leave it aside."""

    _inherit = "resource.calendar.leaves"

    time_type = fields.Selection(
        selection_add=[(MAKEUP_WORKDAY, "Make-up Working Day")],
        ondelete={MAKEUP_WORKDAY: "cascade"},
    )

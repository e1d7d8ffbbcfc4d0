# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class FreightPublicHoliday(models.Model):
    """A public holiday that brings customer greetings (R-VIS-7)."""

    _name = "freight.public.holiday"
    _description = "Public Holiday"
    _order = "date_from"

    name = fields.Char(required=True, translate=True)
    date_from = fields.Date(string="First Day", required=True, index=True)
    date_to = fields.Date(string="Last Day", required=True)
    greeting = fields.Boolean(
        string="Send Greetings",
        default=True,
        help="Customers whose grade asks for holiday greetings get a greeting "
        "activity a few days before the first day.",
    )
    greetings_sent = fields.Boolean(readonly=True, copy=False)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for holiday in self:
            if holiday.date_to < holiday.date_from:
                raise ValidationError(
                    self.env._(
                        "The holiday %s ends before it starts: fix its last day.",
                        holiday.name,
                    )
                )

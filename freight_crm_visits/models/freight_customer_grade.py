# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .common import CHANNELS


class FreightCustomerGrade(models.Model):
    """Visit and care policy per grade (R-VIS-1, R-VIS-7). The policy for
    signed customers lives in freight_crm (visit_interval_months,
    visit_channel); potential customers of the grade get their own."""

    _inherit = "freight.customer.grade"

    freight_potential_visit_interval_months = fields.Integer(
        string="Potential Customers: Visit Every (Months)",
        default=6,
        help="Months between two visits of a potential customer of this grade. "
        "0 disables the visit plan for potential customers.",
    )
    freight_potential_visit_channel = fields.Selection(
        CHANNELS,
        string="Potential Customers: Visit Channel",
        default="survey",
    )
    freight_care_holiday = fields.Boolean(
        string="Holiday Greetings",
        default=True,
        help="Customers of this grade get a greeting before public holidays.",
    )
    freight_care_anniversary = fields.Boolean(
        string="Anniversary Greetings",
        default=True,
        help="Customers of this grade get a greeting on their company's "
        "founding anniversary and on the anniversary of the cooperation.",
    )
    freight_care_birthday = fields.Boolean(
        string="Birthday Greetings",
        default=True,
        help="The contact persons of customers of this grade get a birthday greeting.",
    )

    _freight_potential_interval_positive = models.Constraint(
        "CHECK(freight_potential_visit_interval_months BETWEEN 0 AND 1200)",
        "The visit interval of potential customers must lie between 0 and 1200 months.",
    )

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .freight_workflow_guard import COMPUTED
from .res_partner_confidentiality import FILE


# pylint: disable=consider-merging-classes-inherited
class ResPartner(models.Model):
    """Birthdays of the customers' contact persons (R-FILE-4, 生日祝福):
    part of the customer file, read by the freight roles only; the
    greetings are scheduled by customer care (freight_crm_visits)."""

    _inherit = "res.partner"

    freight_birthday = fields.Date(
        string="Birthday",
        groups=FILE,
        help="Birthday of the contact person: the account manager is "
        "reminded to send a birthday greeting.",
    )
    # Month and day as one integer (March 7 = 307): the greeting cron
    # searches a window of days on it through its index, whatever the
    # number of contacts.
    freight_birthday_mmdd = fields.Integer(
        string="Birthday (MMDD)",
        compute="_compute_freight_birthday_mmdd",
        store=True,
        index=True,
        groups=FILE,
    )

    @api.model
    def _freight_guard_policy(self):
        return dict(super()._freight_guard_policy(), freight_birthday_mmdd=COMPUTED)

    @api.depends("freight_birthday")
    def _compute_freight_birthday_mmdd(self):
        for partner in self:
            birthday = partner.freight_birthday
            partner.freight_birthday_mmdd = (
                birthday.month * 100 + birthday.day if birthday else 0
            )

    @api.constrains("freight_birthday")
    def _check_freight_birthday(self):
        today = fields.Date.context_today(self)
        for partner in self:
            if partner.freight_birthday and partner.freight_birthday > today:
                raise ValidationError(
                    self.env._(
                        "The birthday of %s cannot lie in the future.",
                        partner.display_name,
                    )
                )

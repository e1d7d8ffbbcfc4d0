# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import api, fields, models
from odoo.fields import Domain

from odoo.addons.freight_crm.models.freight_workflow_guard import WORKFLOW
from odoo.addons.freight_crm.models.res_partner_confidentiality import FILE

from .common import PLANNED_STATES

# Contacts greeted per batch of the birthday search.
BIRTHDAY_BATCH = 1000


def _mmdd(day):
    return day.month * 100 + day.day


def _birthday_on(mmdd, year):
    """The birthday ``mmdd`` in ``year``; February 29 falls on the 28th in
    common years."""
    month, day = divmod(mmdd, 100)
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, day - 1)


# pylint: disable=consider-merging-classes-inherited
class ResPartner(models.Model):
    """Birthday greetings (R-VIS-7, 生日祝福): the customer care cron asks the
    account manager to greet each contact person of a customer a few days
    before the birthday, once a year."""

    _inherit = "res.partner"

    freight_birthday_greeted_year = fields.Integer(
        string="Birthday Greeted In",
        readonly=True,
        copy=False,
        groups=FILE,
        help="Year of the last birthday for which a greeting was scheduled: "
        "one greeting per contact and year.",
    )

    @api.model
    def _freight_guard_policy(self):
        return dict(
            super()._freight_guard_policy(), freight_birthday_greeted_year=WORKFLOW
        )

    @api.model
    def _freight_birthday_domain(self, today, target):
        """Contacts whose birthday falls between today and ``target``, on
        the indexed month-day, so that a day the cron missed is caught up."""
        start, end = _mmdd(today), _mmdd(target)
        if (target - today).days >= 365:
            window = Domain("freight_birthday_mmdd", ">", 0)
        elif start <= end and today.year == target.year:
            window = Domain("freight_birthday_mmdd", ">=", start) & Domain(
                "freight_birthday_mmdd", "<=", end
            )
        else:
            # Across the new year; 0 is "no birthday".
            window = Domain("freight_birthday_mmdd", ">", 0) & (
                Domain("freight_birthday_mmdd", ">=", start)
                | Domain("freight_birthday_mmdd", "<=", end)
            )
        return (
            window
            & Domain("freight_is_customer", "=", True)
            & Domain(
                "commercial_partner_id.freight_customer_state", "in", PLANNED_STATES
            )
            & Domain(
                "commercial_partner_id.freight_grade_id.freight_care_birthday",
                "=",
                True,
            )
        )

    @api.model
    def _freight_birthday_greetings(self, today, target):
        """Schedule the greetings of the birthdays up to ``target`` not yet
        greeted this year, in keyset batches."""
        Partner = self.sudo().with_context(
            tracking_disable=True, mail_activity_quick_update=True
        )
        domain = Partner._freight_birthday_domain(today, target)
        greeted = Partner.browse()
        last_id = 0
        while batch := Partner.search(
            domain & Domain("id", ">", last_id), order="id", limit=BIRTHDAY_BATCH
        ):
            last_id = batch[-1].id
            greeted |= batch._freight_greet_birthdays(today)
        return greeted

    def _freight_greet_birthdays(self, today):
        by_year = {}
        for contact in self:
            mmdd = contact.freight_birthday_mmdd
            year = today.year if mmdd >= _mmdd(today) else today.year + 1
            if contact.freight_birthday_greeted_year != year:
                by_year.setdefault(year, self.browse())
                by_year[year] |= contact
        greeted = self.browse()
        for year, contacts in by_year.items():
            contacts._freight_schedule_birthday_greeting(year)
            contacts.write({"freight_birthday_greeted_year": year})
            greeted |= contacts
        return greeted

    def _freight_schedule_birthday_greeting(self, year):
        """One activity per contact, on its customer, for the customer's
        account manager, due on the birthday."""
        activity_type = self.env.ref("freight_crm_visits.mail_activity_type_birthday")
        model_id = self.env["ir.model"]._get_id("res.partner")
        vals_list = []
        for contact in self:
            customer = contact.commercial_partner_id
            manager = customer._freight_account_manager()
            vals_list.append(
                {
                    "activity_type_id": activity_type.id,
                    "summary": self.with_context(lang=manager.lang).env._(
                        "Birthday greeting: %s", contact.name
                    ),
                    "automated": True,
                    "date_deadline": _birthday_on(contact.freight_birthday_mmdd, year),
                    "res_model_id": model_id,
                    "res_id": customer.id,
                    "user_id": manager.id,
                }
            )
        return self.env["mail.activity"].create(vals_list)

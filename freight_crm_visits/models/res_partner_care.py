# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.fields import Domain

from odoo.addons.freight_crm.models.freight_workflow_guard import COMPUTED
from odoo.addons.freight_crm.tools.settings_table import freight_setting_value

from .common import PLANNED_STATES


# pylint: disable=consider-merging-classes-inherited
class ResPartner(models.Model):
    """Customer care (R-VIS-7): greetings before public holidays, on the
    founding and cooperation anniversaries and on the contact persons'
    birthdays (res_partner_birthday.py)."""

    _inherit = "res.partner"

    freight_founding_mmdd = fields.Char(
        string="Founding Anniversary (MM-DD)",
        compute="_compute_freight_founding_mmdd",
        store=True,
        index=True,
    )
    freight_cooperation_mmdd = fields.Char(
        string="Cooperation Anniversary (MM-DD)",
        compute="_compute_freight_cooperation_mmdd",
        store=True,
        index=True,
    )

    @api.model
    def _freight_guard_policy(self):
        return {
            **super()._freight_guard_policy(),
            "freight_founding_mmdd": COMPUTED,
            "freight_cooperation_mmdd": COMPUTED,
        }

    @api.depends("freight_founding_date")
    def _compute_freight_founding_mmdd(self):
        for partner in self:
            date = partner.freight_founding_date
            partner.freight_founding_mmdd = date and date.strftime("%m-%d")

    @api.depends("freight_cooperation_start")
    def _compute_freight_cooperation_mmdd(self):
        for partner in self:
            date = partner.freight_cooperation_start
            partner.freight_cooperation_mmdd = date and date.strftime("%m-%d")

    @api.model
    def _freight_care_lead_days(self):
        return freight_setting_value(self.env, "freight_crm_visits.care_lead_days")

    @api.model
    def _cron_freight_customer_care(self):
        """Greeting activities before public holidays, anniversaries and
        birthdays."""
        today = fields.Date.context_today(self)
        target = today + timedelta(days=self._freight_care_lead_days())
        self._freight_holiday_greetings(today, target)
        self._freight_anniversary_greetings(target)
        self._freight_birthday_greetings(today, target)

    def _freight_care_customers(self, care_field, extra_domain=None):
        return self.search(
            Domain("freight_customer_state", "in", PLANNED_STATES)
            & Domain(f"freight_grade_id.{care_field}", "=", True)
            & Domain(extra_domain or Domain.TRUE)
        )

    @api.model
    def _freight_holiday_greetings(self, today, target):
        """Greetings before the public holidays of the working calendar of
        each customer's company (the current company's for a customer
        without one)."""
        companies = self.env["res.company"].search(
            [("resource_calendar_id", "!=", False)]
        )
        calendars = (companies | self.env.company).resource_calendar_id
        holidays = self.env["resource.calendar.leaves"]._freight_holidays_to_greet(
            calendars, today, target
        )
        if not holidays:
            return self.browse()
        customers = self._freight_care_customers("freight_care_holiday")
        company = self.env.company
        by_calendar = customers.grouped(
            lambda partner: (partner.company_id or company).resource_calendar_id
        )
        greeted = self.browse()
        for first_day, leaves in holidays:
            calendar_customers = by_calendar.get(leaves.calendar_id, self.browse())
            calendar_customers._freight_schedule_greeting(
                first_day,
                self.env._("Greeting: %s", leaves[0].display_name),
            )
            greeted |= calendar_customers
        self.env["resource.calendar.leaves"].union(
            *(leaves for _first_day, leaves in holidays)
        ).freight_greetings_sent = True
        return greeted

    @api.model
    def _freight_anniversary_greetings(self, target):
        mmdd = target.strftime("%m-%d")
        # Searched on the stored, indexed month-day, not filtered in Python.
        founded = self._freight_care_customers(
            "freight_care_anniversary", [("freight_founding_mmdd", "=", mmdd)]
        )
        founded._freight_schedule_greeting(
            target, self.env._("Greeting: company founding anniversary")
        )
        cooperating = self._freight_care_customers(
            "freight_care_anniversary", [("freight_cooperation_mmdd", "=", mmdd)]
        )
        cooperating._freight_schedule_greeting(
            target, self.env._("Greeting: anniversary of our cooperation")
        )
        return founded | cooperating

    def _freight_schedule_greeting(self, deadline, summary):
        activity_type = self.env.ref("freight_crm_visits.mail_activity_type_greeting")
        model_id = self.env["ir.model"]._get_id("res.partner")
        return (
            self.env["mail.activity"]
            .with_context(mail_activity_quick_update=True)
            .create(
                [
                    {
                        "activity_type_id": activity_type.id,
                        "summary": summary,
                        "automated": True,
                        "date_deadline": deadline,
                        "res_model_id": model_id,
                        "res_id": partner.id,
                        "user_id": partner._freight_account_manager().id,
                    }
                    for partner in self
                ]
            )
        )

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# pylint: disable=consider-merging-classes-inherited
from datetime import timedelta

from odoo import api, fields, models

from ..tools import freight_cron_batches
from ..tools.roles import MANAGER, SALESPERSON, SERVICE

# Draft appraisals created per transaction by the period-end cron.
APPRAISAL_CRON_BATCH = 200


class FreightStaffAppraisal(models.Model):
    """Period-end preparation of the appraisals."""

    _inherit = "freight.staff.appraisal"

    @api.model
    def _cron_freight_prepare_appraisals(self):
        """Daily: once a period has ended, prepare the draft appraisal of
        every active salesperson and customer-service employee for it, with
        the measured actuals collected and a to-do for a manager (the
        longest-standing one who is not the employee). An appraisal already
        there (created by hand or by an earlier run) is kept as it is."""
        start, __ = self._freight_period_of(fields.Date.context_today(self))
        period_start, period_end = self._freight_period_of(start - timedelta(days=1))
        staff = (
            self._freight_group_members(SALESPERSON)
            | self._freight_group_members(SERVICE)
        ).sorted("id")
        Appraisal = self.sudo()
        done = Appraisal.search(
            [("period_start", "=", period_start), ("user_id", "in", staff.ids)]
        ).user_id
        todo = staff - done
        created = self.browse()

        def fetch(last_id):
            return todo.filtered(lambda user: user.id > last_id)[:APPRAISAL_CRON_BATCH]

        def prepare(users):
            nonlocal created
            appraisals = Appraisal.create(
                [
                    {
                        "user_id": user.id,
                        "period_start": period_start,
                        "period_end": period_end,
                    }
                    for user in users
                ]
            )
            appraisals._freight_schedule_appraisal_activity()
            created |= appraisals

        freight_cron_batches(self.env, fetch, prepare, remaining=len(todo))
        return created

    def _freight_schedule_appraisal_activity(self):
        managers = self._freight_group_members(MANAGER)
        for appraisal in self:
            manager = (managers - appraisal.user_id)[:1]
            if not manager:
                continue
            env = self.with_context(lang=manager.lang).env
            appraisal.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=fields.Date.context_today(self),
                summary=env._("Appraise %s", appraisal.user_id.name),
                note=env._(
                    "The period has ended: check the collected actuals, enter "
                    "the others and confirm the appraisal."
                ),
                user_id=manager.id,
            )

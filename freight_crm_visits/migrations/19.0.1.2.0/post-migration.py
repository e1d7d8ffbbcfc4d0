# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""After the update to 19.0.1.2.0: customer care reads the public holidays
of the company working calendars. The greeting choices of the holidays kept
until now by customer care go onto the calendars' holidays of the same
days, so that no greeting is sent twice; then the old holidays go.

Odoo removes the model's metadata (ir.model, fields, access rights, views,
menu) at the end of the update, but neither its table, once its code is
gone, nor the external ids of its ``noupdate`` records: both go here."""

import logging

from odoo.tools import sql

_logger = logging.getLogger(__name__)

OLD_MODEL = "freight.public.holiday"
# The public holidays of the company working calendars, with their first and
# last local days, as the CTE ``calendar_holiday``.
CALENDAR_HOLIDAYS = """
    WITH calendar_holiday AS (
        SELECT leave.id,
               (leave.date_from AT TIME ZONE 'UTC'
                    AT TIME ZONE COALESCE(calendar.tz, 'UTC'))::date AS first_day,
               (leave.date_to AT TIME ZONE 'UTC'
                    AT TIME ZONE COALESCE(calendar.tz, 'UTC'))::date AS last_day
          FROM resource_calendar_leaves leave
          JOIN resource_calendar calendar ON calendar.id = leave.calendar_id
         WHERE leave.resource_id IS NULL
           AND leave.time_type = 'leave'
           AND calendar.id IN (
                   SELECT resource_calendar_id FROM res_company
                    WHERE resource_calendar_id IS NOT NULL
               )
    )
"""
# A calendar holiday overlapping old holidays (local days of the calendar)
# takes their choices: not greeted if one of them is switched off, already
# greeted if one of them was.
CARRY_CHOICES = (
    CALENDAR_HOLIDAYS
    + """
    UPDATE resource_calendar_leaves leave
       SET freight_greeting = choice.greeting,
           freight_greetings_sent = choice.greetings_sent
      FROM (
            SELECT holiday.id,
                   bool_and(COALESCE(old.greeting, FALSE)) AS greeting,
                   bool_or(COALESCE(old.greetings_sent, FALSE)) AS greetings_sent
              FROM calendar_holiday holiday
              JOIN freight_public_holiday old
                ON old.date_from <= holiday.last_day
               AND old.date_to >= holiday.first_day
             GROUP BY holiday.id
           ) choice
     WHERE choice.id = leave.id
"""
)
# Old holidays that no calendar holiday covers: left for a consultant to
# enter on the calendar, if they are days off.
UNMATCHED = (
    CALENDAR_HOLIDAYS
    + """
    SELECT old.name->>'en_US', old.date_from, old.date_to
      FROM freight_public_holiday old
     WHERE NOT EXISTS (
               SELECT FROM calendar_holiday holiday
                WHERE old.date_from <= holiday.last_day
                  AND old.date_to >= holiday.first_day
           )
     ORDER BY old.date_from
"""
)


def migrate(cr, version):
    if not version or not sql.table_exists(cr, "freight_public_holiday"):
        return
    cr.execute(CARRY_CHOICES)
    cr.execute(UNMATCHED)
    for name, date_from, date_to in cr.fetchall():
        _logger.info(
            "Public holiday %s (%s to %s) is on no company working calendar: "
            "enter it there for its greetings.",
            name,
            date_from,
            date_to,
        )
    cr.execute("DELETE FROM ir_model_data WHERE model = %s", (OLD_MODEL,))
    cr.execute("DROP TABLE freight_public_holiday CASCADE")

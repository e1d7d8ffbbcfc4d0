# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""After the update to 19.0.1.2.0: the open complex complaints already on
file get their handling-plan to-do, as new ones do at intake, and the
complaint indicators of the appraisal are measured from the complaints. The
reply targets and plan deadlines are stored computes: the update fills
them."""

from odoo import SUPERUSER_ID, api

from odoo.addons.freight_crm.tools import freight_update_shipped_indicators


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["helpdesk.ticket"].search(
        [
            ("freight_is_complex", "=", True),
            ("freight_approval_date", "=", False),
            ("stage_id.closed", "=", False),
        ]
    )._freight_sync_plan_activity()
    freight_update_shipped_indicators(
        env,
        {
            "freight_crm.appraisal_indicator_complaints_on_time": (
                "complaints_on_time"
            ),
            "freight_crm.appraisal_indicator_callbacks": "callbacks_done",
            "freight_crm.appraisal_indicator_complaints_escalated": (
                "complaints_escalated"
            ),
        },
    )

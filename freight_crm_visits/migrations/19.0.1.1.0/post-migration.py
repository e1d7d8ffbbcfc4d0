# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""After the update to 19.0.1.1.0: the visit indicators of the appraisal
already on file are measured from the visits and monthly reviews."""

from odoo import SUPERUSER_ID, api

from odoo.addons.freight_crm.tools import freight_update_shipped_indicators


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    freight_update_shipped_indicators(
        env,
        {
            "freight_crm.appraisal_indicator_visits": "visits_done",
            "freight_crm.appraisal_indicator_reviews_on_time": "reviews_on_time",
        },
    )

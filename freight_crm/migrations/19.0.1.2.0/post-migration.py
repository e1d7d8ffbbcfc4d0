# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""After the update to 19.0.1.2.0: the shipped appraisal indicators are
measured from the records and re-weighted for the new ones, so each role's
weights total 100 again (weights a consultant changed are kept)."""

from odoo import SUPERUSER_ID, api

from odoo.addons.freight_crm.tools import freight_update_shipped_indicators

MEASURES = {
    "freight_crm.appraisal_indicator_new_customers": "customers_signed",
    "freight_crm.appraisal_indicator_satisfaction": "customer_satisfaction",
    "freight_crm.appraisal_indicator_documents": "document_accuracy",
    "freight_crm.appraisal_indicator_on_time_delivery": "on_time_delivery",
}
WEIGHTS = {
    "freight_crm.appraisal_indicator_new_customers": (20, 15),
    "freight_crm.appraisal_indicator_volume": (30, 25),
    "freight_crm.appraisal_indicator_visits": (20, 15),
    "freight_crm.appraisal_indicator_satisfaction": (20, 15),
    "freight_crm.appraisal_indicator_documents": (20, 15),
    "freight_crm.appraisal_indicator_on_time_delivery": (20, 15),
}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    freight_update_shipped_indicators(env, MEASURES, WEIGHTS)

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""After the update to 19.0.1.2.0, in the records shipped as ``noupdate``
data: the grades get the rulebook's resource guarantee, unless an
administrator already wrote one; the appraisal indicators are measured from
the records and re-weighted for the new ones, so each role's weights total
100 again (weights a consultant changed are kept)."""

from odoo import SUPERUSER_ID, api

from odoo.addons.freight_crm.tools import freight_update_shipped_indicators

RESOURCE_GUARANTEES = {
    "freight_crm.grade_a": "Guaranteed resources: priority space, equipment and "
    "trucks, also in peak season.",
    "freight_crm.grade_b": "Resources reserved on request, confirmed before each "
    "shipment.",
    "freight_crm.grade_c": "Resources as available.",
}
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
    for xmlid, text in RESOURCE_GUARANTEES.items():
        grade = env.ref(xmlid, raise_if_not_found=False)
        if grade and not grade.resource_guarantee:
            grade.resource_guarantee = text
    freight_update_shipped_indicators(env, MEASURES, WEIGHTS)

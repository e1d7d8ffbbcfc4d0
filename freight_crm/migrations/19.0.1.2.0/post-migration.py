# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""After the update to 19.0.1.2.0: the shipped grades (noupdate) get the
rulebook's resource guarantee, unless an administrator already wrote one."""

from odoo import SUPERUSER_ID, api

RESOURCE_GUARANTEES = {
    "freight_crm.grade_a": "Guaranteed resources: priority space, equipment and "
    "trucks, also in peak season.",
    "freight_crm.grade_b": "Resources reserved on request, confirmed before each "
    "shipment.",
    "freight_crm.grade_c": "Resources as available.",
}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, text in RESOURCE_GUARANTEES.items():
        grade = env.ref(xmlid, raise_if_not_found=False)
        if grade and not grade.resource_guarantee:
            grade.resource_guarantee = text

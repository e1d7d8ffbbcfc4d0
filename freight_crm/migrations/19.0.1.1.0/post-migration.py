# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""After the update to 19.0.1.1.0: the messages and activities already on
freight customers join their customer file."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    customers = (
        env["res.partner"]
        .with_context(active_test=False)
        .search([("freight_is_customer", "=", True)])
    )
    customers._freight_sync_confidential_chatter()

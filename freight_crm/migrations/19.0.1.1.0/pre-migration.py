# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Before the update to 19.0.1.1.0: the record rules of the addon are
dropped, so that the update creates them again from their (noupdate)
files: a shared customer file stops being readable on its expiry date."""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        WITH rules AS (
            DELETE FROM ir_model_data
             WHERE module = 'freight_crm' AND model = 'ir.rule'
         RETURNING res_id
        )
        DELETE FROM ir_rule WHERE id IN (SELECT res_id FROM rules)
        """
    )

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Before the update to 19.0.1.3.0: the cron batch sizes left the Settings
screen (they are technical knobs, kept as system parameters). The two
settings views that still show them are dropped here and loaded again from
the addon's files; otherwise the main settings view, updated first, would
be checked against their old fields and refused."""

VIEWS = (
    "res_config_settings_view_form_key_account",
    "res_config_settings_view_form_potential",
)


def migrate(cr, version):
    cr.execute(
        """
        WITH dropped AS (
            DELETE FROM ir_model_data
             WHERE module = 'freight_crm' AND model = 'ir.ui.view' AND name IN %s
         RETURNING res_id
        )
        DELETE FROM ir_ui_view WHERE id IN (SELECT res_id FROM dropped)
        """,
        (VIEWS,),
    )

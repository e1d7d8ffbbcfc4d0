# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""After the update to 19.0.1.1.0: complaints without a team go to the
shipped complaint team, and helpdesk_mgmt's own Done stage loses the
callback rule an earlier version had put on it (complaints close in their
own "Closed" stage now)."""

from odoo import SUPERUSER_ID, api


def move_teamless_complaints(env):
    team = env.ref(
        "freight_crm_complaints.helpdesk_ticket_team_complaint",
        raise_if_not_found=False,
    )
    if not team:
        return
    # SQL, not write(): helpdesk_mgmt's computes would clear the assignee of
    # a ticket moved to a team it is no member of.
    env.cr.execute(
        """
        UPDATE helpdesk_ticket
           SET team_id = %s, freight_is_complaint = TRUE
         WHERE team_id IS NULL AND freight_complaint_class IS NOT NULL
        """,
        (team.id,),
    )
    env["helpdesk.ticket"].invalidate_model(["team_id", "freight_is_complaint"])


def release_upstream_done_stage(env):
    done = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done", raise_if_not_found=False)
    if done and done.freight_requires_callback:
        done.freight_requires_callback = False


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    move_teamless_complaints(env)
    release_upstream_done_stage(env)

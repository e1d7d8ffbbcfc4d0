# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Before 19.0.1.1.0 every ticket was a complaint (its class was required).
Now a ticket is a complaint when its team handles complaints: flag the teams
that hold tickets with a complaint class, and fill the tickets' stored flag
in SQL so that the update does not recompute it ticket by ticket."""

RULES = (
    "helpdesk_ticket_rule_freight_salesperson",
    "freight_complaint_callback_rule_own",
    "freight_complaint_callback_rule_all",
)


def flag_complaint_teams(cr):
    cr.execute(
        """
        ALTER TABLE helpdesk_ticket_team
            ADD COLUMN IF NOT EXISTS freight_is_complaint_team boolean;
        ALTER TABLE helpdesk_ticket
            ADD COLUMN IF NOT EXISTS freight_is_complaint boolean;
        UPDATE helpdesk_ticket_team team
           SET freight_is_complaint_team = TRUE
         WHERE EXISTS (
                SELECT 1 FROM helpdesk_ticket ticket
                 WHERE ticket.team_id = team.id
                   AND ticket.freight_complaint_class IS NOT NULL);
        -- Tickets without a team are moved to the complaint team after the
        -- update (post-migration): they are complaints already.
        UPDATE helpdesk_ticket ticket
           SET freight_is_complaint = COALESCE(
                (SELECT team.freight_is_complaint_team
                   FROM helpdesk_ticket_team team
                  WHERE team.id = ticket.team_id), FALSE)
                OR (ticket.team_id IS NULL
                    AND ticket.freight_complaint_class IS NOT NULL);
        """
    )


def reset_rules_noupdate(cr):
    """The record rules now load on every update: the code relies on them."""
    cr.execute(
        """
        UPDATE ir_model_data SET noupdate = FALSE
         WHERE module = 'freight_crm_complaints' AND name IN %s
        """,
        (RULES,),
    )


def migrate(cr, version):
    if not version:
        return
    flag_complaint_teams(cr)
    reset_rules_noupdate(cr)

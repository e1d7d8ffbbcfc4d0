from . import controllers
from . import models
from . import tools
from . import wizards


def post_init_hook(env):
    """Give the tickets that existed before the install their complaint data.

    Their intake is when they were created; deadlines and escalation times
    need the deadline and ladder records, loaded after the columns were made.
    """
    env.cr.execute(
        """
        UPDATE helpdesk_ticket
           SET freight_intake_date = create_date,
               freight_first_owner_id = COALESCE(freight_first_owner_id, user_id)
         WHERE create_date < %s
        """,
        (env.cr.now(),),
    )
    tickets = env["helpdesk.ticket"].with_context(active_test=False).search([])
    tickets.invalidate_recordset()
    for fname in ("freight_deadline", "freight_next_escalation", "freight_grade_id"):
        env.add_to_compute(tickets._fields[fname], tickets)
    tickets.flush_recordset()


def uninstall_hook(env):
    """The staff trainings proposed from complaints' corrective measures and
    never held go with the complaints; confirmed training hours stay on
    file in freight_crm."""
    env["freight.staff.training"].sudo().search(
        [("freight_ticket_id", "!=", False), ("state", "=", "draft")]
    ).unlink()

# ruff: noqa: F821
"""Setup of the concurrency proof, run by scripts/proofs.sh through
`odoo shell` (``env`` is the shell's superuser environment).

Creates two Freight CRM managers and a salesperson (password read from the
file in FREIGHT_PROOF_PASSWORD_FILE), submitted evaluations of one customer
for the two managers to confirm at once, complaints overdue on every step of
the escalation ladder, and customers due for a visit with no planned visit;
prints one ``PROOF {json}`` line for scripts/proof_concurrency.py."""

import json
import os
from datetime import timedelta

from odoo import fields

ROUNDS = int(os.environ.get("FREIGHT_PROOF_ROUNDS", "5"))
COMPLAINTS = int(os.environ.get("FREIGHT_PROOF_COMPLAINTS", "40"))
with open(os.environ["FREIGHT_PROOF_PASSWORD_FILE"]) as f:
    password = f.read().strip()

env = env(context=dict(env.context, tracking_disable=True))
Users = env["res.users"].with_context(no_reset_password=True)


def user(login, group):
    found = Users.search([("login", "=", login)])
    vals = {
        "name": login,
        "login": login,
        "password": password,
        "group_ids": [(4, env.ref(group).id), (4, env.ref("base.group_user").id)],
    }
    if found:
        found.write(vals)
        return found
    return Users.create(vals)


sales = user("proof_sales", "freight_crm.group_freight_salesperson")
managers = [user(f"proof_mgr{n}", "freight_crm.group_freight_manager") for n in (1, 2)]
customer = env.ref("freight_crm.partner_demo_customer_01")
customer.write({"user_id": sales.id})


def submitted_evaluation(score):
    evaluation = (
        env["freight.customer.evaluation"]
        .with_user(sales)
        .create({"partner_id": customer.id})
    )
    for line in evaluation.line_ids:
        line.score = score
    evaluation.action_submit()
    return evaluation.id


rounds = []
for n in range(ROUNDS):
    rounds.append(
        {
            # One evaluation both managers confirm at once.
            "same": submitted_evaluation(60 + 5 * n),
            # Two evaluations of the same customer, one per manager, at once.
            "pair": [submitted_evaluation(70 + 3 * n), submitted_evaluation(90 - n)],
        }
    )

# Complaints received long ago, never resolved: due on every ladder step.
team = env.ref("freight_crm_complaints.helpdesk_ticket_team_complaint")
intake = fields.Datetime.now() - timedelta(days=30)
tickets = env["helpdesk.ticket"].create(
    [
        {
            "name": f"Concurrency proof complaint {n}",
            "description": f"<p>Concurrency proof complaint {n}</p>",
            "partner_id": customer.id,
            "team_id": team.id,
            "freight_intake_date": intake,
        }
        for n in range(COMPLAINTS)
    ]
)
steps = env["freight.complaint.escalation.step"]._get_ladder()

# Every customer due for a visit, none planned yet: drop the planned visits.
env["freight.visit"].search([("state", "=", "planned")]).unlink()
env.flush_all()
Partner = env["res.partner"]
horizon = fields.Date.context_today(Partner) + timedelta(
    days=Partner._freight_visit_horizon()
)
due = Partner._freight_due_for_visit_ids(horizon)

# Only the proof starts these two crons (ir.cron triggers, "Run manually"
# and direct calls, see scripts/proof_concurrency.py).
crons = {
    "escalate": env.ref("freight_crm_complaints.ir_cron_freight_complaint_escalate"),
    "plan": env.ref("freight_crm_visits.ir_cron_freight_plan_visits"),
}
for cron in crons.values():
    cron.nextcall = fields.Datetime.now() + timedelta(days=1)
env.cr.commit()
print(
    "PROOF "
    + json.dumps(
        {
            "customer": customer.id,
            "managers": [m.login for m in managers],
            "rounds": rounds,
            "tickets": tickets.ids,
            "ladder_levels": steps.mapped("level"),
            "escalation_targets": sum(len(step._get_target_users()) for step in steps),
            "due_partners": due,
            "crons": {key: cron.id for key, cron in crons.items()},
        }
    )
)

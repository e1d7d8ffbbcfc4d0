# ruff: noqa: F821
"""The escalation's own lock, proven without ir.cron's job lock: run by
scripts/proofs.sh through `odoo shell` (``env`` is the shell's superuser
environment), one stage per process, chosen by FREIGHT_PROOF_STAGE:

- ``setup``: complaints received 30 days ago (overdue on every ladder step);
  prints ``TICKETS <ids>``;
- ``race`` (two processes): waits for the epoch second FREIGHT_PROOF_AT,
  then calls the escalation method itself and commits;
- ``check``: every complaint at the top level, each step logged once, the
  level change tracked once, one activity per step and target; prints the
  figures, ``FAILED`` on a mismatch."""

import os
import time
from datetime import timedelta

from odoo import fields

stage = os.environ["FREIGHT_PROOF_STAGE"]
Ticket = env["helpdesk.ticket"].with_context(tracking_disable=True)
COUNT = int(os.environ.get("FREIGHT_PROOF_COMPLAINTS", "40"))

if stage == "setup":
    team = env.ref("freight_crm_complaints.helpdesk_ticket_team_complaint")
    intake = fields.Datetime.now() - timedelta(days=30)
    tickets = Ticket.create(
        [
            {
                "name": f"Direct escalation proof {n}",
                "description": f"<p>Direct escalation proof {n}</p>",
                "team_id": team.id,
                "freight_intake_date": intake,
            }
            for n in range(COUNT)
        ]
    )
    env.cr.commit()
    print("TICKETS " + ",".join(map(str, tickets.ids)))
elif stage == "race":
    at = float(os.environ["FREIGHT_PROOF_AT"])
    while time.time() < at:
        time.sleep(0.01)
    started = time.time()
    env["helpdesk.ticket"]._cron_freight_escalate()
    env.cr.commit()
    print(f"DONE {started:.3f} {time.time():.3f}")
elif stage == "check":
    tickets = Ticket.browse(map(int, os.environ["FREIGHT_PROOF_TICKETS"].split(",")))
    steps = env["freight.complaint.escalation.step"]._get_ladder()
    top = max(steps.mapped("level"))
    messages = env["mail.message"].search(
        [("model", "=", "helpdesk.ticket"), ("res_id", "in", tickets.ids)]
    )
    notes = {t.id: 0 for t in tickets}
    tracked, assigned = dict(notes), dict(notes)
    for message in messages:
        if message.message_type == "user_notification":
            counter = assigned  # "activity assigned to you", one per target
        elif message.tracking_value_ids:
            counter = tracked
        else:
            counter = notes
        counter[message.res_id] += 1
    # One activity (and its notice) per step and target user.
    targets = sum(len(step._get_target_users()) for step in steps)
    activities = env["mail.activity"].search_count(
        [("res_model", "=", "helpdesk.ticket"), ("res_id", "in", tickets.ids)]
    )
    figures = [
        (
            f"complaints at the top level {top}",
            sum(t.freight_escalation_level == top for t in tickets),
            len(tickets),
        ),
        (
            f"escalation notes ({len(steps)} steps x {len(tickets)} complaints)",
            sum(notes.values()),
            len(steps) * len(tickets),
        ),
        (
            "complaints with a step logged twice or not at all",
            sum(n != len(steps) for n in notes.values()),
            0,
        ),
        ("level changes tracked", sum(tracked.values()), len(tickets)),
        ("escalation activities", activities, targets * len(tickets)),
        ("activity notices", sum(assigned.values()), targets * len(tickets)),
    ]
    for label, got, want in figures:
        mark = "ok" if got == want else "FAILED"
        print(
            f"concurrency: direct escalation: {label}: {got} (expected {want}) {mark}"
        )

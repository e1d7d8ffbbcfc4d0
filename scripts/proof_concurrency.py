"""Concurrency proof against a running multi-worker Odoo (scripts/proofs.sh
starts it with WORKERS=2 and a cron worker, and runs the setup first).

Over JSON-RPC, each client its own session, released together by a barrier:
1. two managers confirm the same submitted evaluation at once, then two
   evaluations of the same customer at once (one each), for every round;
2. two clients start the complaint escalation cron at the same moment
   (ir.cron, "Run manually"), then two the visit planning cron.

Each effect must happen exactly once (one grade history row per confirmed
evaluation, one confirmation per evaluation, each ladder step logged once
per complaint and its level change tracked once, one planned visit per due
customer), and no client may see a serialization failure: only success or a
clear UserError. Prints the figures; exits 1 on any failure.

    python scripts/proof_concurrency.py --url http://127.0.0.1:8241 \
        --db freight_proofs --password-file .local/proof-users.password \
        --setup setup.json
"""

import argparse
import collections
import json
import re
import sys
import threading

from soak_load import Client

LEAKED = ("serializ", "concurrent update", "deadlock", "TransactionRollback")


def race(calls):
    """Run every ``(client, model, method, args)`` at the same moment; return
    ``("ok", result)`` or ``("error", message)`` for each, in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, client, model, method, args):
        barrier.wait()
        try:
            results[index] = ("ok", client.execute(model, method, *args))
        except (RuntimeError, OSError) as error:  # reported, not raised
            results[index] = ("error", str(error))

    threads = [
        threading.Thread(target=run, args=(i, *call)) for i, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


class Tally:
    def __init__(self):
        self.outcomes = collections.Counter()
        self.failures = []

    def add(self, what, results):
        for status, value in results:
            if status == "ok":
                self.outcomes[f"{what}: success"] += 1
            elif any(word.lower() in value.lower() for word in LEAKED):
                self.outcomes[f"{what}: SERIALIZATION ERROR SEEN"] += 1
                self.failures.append(f"{what}: a client saw {value}")
            elif value.startswith("odoo.exceptions.UserError"):
                # One line per kind of message, whatever record it names.
                message = re.sub(r"\S*/\d+/\d+", "<name>", value.split(": ", 1)[-1])
                message = message.strip()
                self.outcomes[f"{what}: UserError '{message}'"] += 1
            else:
                self.outcomes[f"{what}: other error"] += 1
                self.failures.append(f"{what}: {value}")

    def check(self, label, got, want):
        mark = "ok" if got == want else "MISMATCH"
        print(f"concurrency: {label}: {got} (expected {want}) {mark}")
        if got != want:
            self.failures.append(f"{label}: {got}, expected {want}")


def prove_evaluations(args, setup, password, tally):
    clients = [
        Client(args.url, args.db, login, password) for login in setup["managers"]
    ]
    model = "freight.customer.evaluation"
    for batch in setup["rounds"]:
        same = batch["same"]
        tally.add(
            "confirm the same evaluation twice",
            race([(c, model, "action_confirm", [[same]]) for c in clients]),
        )
        tally.add(
            "confirm two evaluations of one customer",
            race(
                [
                    (client, model, "action_confirm", [[evaluation]])
                    for client, evaluation in zip(clients, batch["pair"], strict=True)
                ]
            ),
        )


def history_counts(admin, evaluation_ids):
    rows = admin.execute(
        "freight.customer.grade.history",
        "search_read",
        [("evaluation_id", "in", evaluation_ids)],
        fields=["evaluation_id"],
    )
    return collections.Counter(row["evaluation_id"][0] for row in rows)


def check_evaluations(admin, setup, tally):
    ids = [e for batch in setup["rounds"] for e in [batch["same"], *batch["pair"]]]
    states = admin.execute("freight.customer.evaluation", "read", ids, fields=["state"])
    tally.check(
        "evaluations confirmed",
        sum(row["state"] == "confirmed" for row in states),
        len(ids),
    )
    per_evaluation = history_counts(admin, ids)
    tally.check("grade history rows", sum(per_evaluation.values()), len(ids))
    tally.check(
        "evaluations with more than one history row",
        sum(n > 1 for n in per_evaluation.values()),
        0,
    )


def message_counts(admin, ticket_ids):
    """Per complaint: (notes, tracking messages) posted on it."""
    rows = admin.execute(
        "mail.message",
        "search_read",
        [("model", "=", "helpdesk.ticket"), ("res_id", "in", ticket_ids)],
        fields=["res_id", "tracking_value_ids"],
    )
    notes = collections.Counter(
        r["res_id"] for r in rows if not r["tracking_value_ids"]
    )
    tracked = collections.Counter(r["res_id"] for r in rows if r["tracking_value_ids"])
    return notes, tracked


def prove_crons(args, setup, tally):
    """Each cron started by two clients at once (two HTTP workers): one
    race per cron, so that both workers are free for it."""
    admins = [
        Client(args.url, args.db, args.admin_login, args.admin_password)
        for _ in range(2)
    ]
    for key, label in (("escalate", "escalation cron"), ("plan", "planning cron")):
        cron = setup["crons"][key]
        tally.add(
            label,
            race([(a, "ir.cron", "method_direct_trigger", [[cron]]) for a in admins]),
        )


def check_escalation(admin, setup, before, tally):
    tickets = setup["tickets"]
    levels = admin.execute(
        "helpdesk.ticket", "read", tickets, fields=["freight_escalation_level"]
    )
    top = max(setup["ladder_levels"])
    tally.check(
        f"complaints at the top level {top}",
        sum(row["freight_escalation_level"] == top for row in levels),
        len(tickets),
    )
    notes, tracked = message_counts(admin, tickets)
    steps = len(setup["ladder_levels"])
    added_notes = [notes[t] - before[0][t] for t in tickets]
    added_tracking = [tracked[t] - before[1][t] for t in tickets]
    tally.check(
        f"escalation notes ({steps} steps x {len(tickets)} complaints)",
        sum(added_notes),
        steps * len(tickets),
    )
    tally.check(
        "complaints with a step logged twice or not at all",
        sum(n != steps for n in added_notes),
        0,
    )
    tally.check(
        "level changes tracked (one per complaint)",
        sum(added_tracking),
        len(tickets),
    )


def check_planning(admin, setup, tally):
    due = setup["due_partners"]
    rows = admin.execute(
        "freight.visit",
        "search_read",
        [("state", "=", "planned")],
        fields=["partner_id"],
    )
    per_partner = collections.Counter(row["partner_id"][0] for row in rows)
    tally.check("planned visits", len(rows), len(due))
    tally.check(
        "due customers with exactly one planned visit",
        sum(per_partner[p] == 1 for p in due),
        len(due),
    )
    tally.check(
        "customers with two planned visits", sum(n > 1 for n in per_partner.values()), 0
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--password-file", required=True)
    parser.add_argument("--setup", required=True, help="JSON printed by the setup")
    parser.add_argument("--admin-login", default="admin")
    parser.add_argument("--admin-password", default="admin")
    args = parser.parse_args()
    if not args.url.startswith(("http://127.0.0.1", "http://localhost")):
        raise SystemExit("loopback URLs only")
    with open(args.password_file) as f:
        password = f.read().strip()
    with open(args.setup) as f:
        setup = json.load(f)
    admin = Client(args.url, args.db, args.admin_login, args.admin_password)
    tally = Tally()

    prove_evaluations(args, setup, password, tally)
    check_evaluations(admin, setup, tally)
    before = message_counts(admin, setup["tickets"])
    prove_crons(args, setup, tally)
    check_escalation(admin, setup, before, tally)
    check_planning(admin, setup, tally)

    for outcome, count in sorted(tally.outcomes.items()):
        print(f"concurrency: {outcome}: {count}")
    if tally.failures:
        for failure in tally.failures:
            print(f"concurrency: FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
    print("concurrency: OK, every effect exactly once, no serialization error seen.")


if __name__ == "__main__":
    main()

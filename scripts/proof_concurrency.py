"""Concurrency proof against a running multi-worker Odoo (scripts/proofs.sh
starts it with WORKERS=2 and a cron worker, and runs the setup first).

1. Over JSON-RPC, each client its own session, released together by a
   barrier: two managers confirm the same submitted evaluation at once, then
   two evaluations of the same customer at once (one each), for every round.
2. Each cron (the complaint escalation, then the visit planning) raced at
   one agreed second by five competitors: the running server's cron worker
   (woken by an ir.cron trigger committed 0.3 s before), two JSON-RPC
   clients pressing "Run manually" (``method_direct_trigger``, two HTTP
   workers), and two `odoo shell` processes calling the cron's method itself,
   outside ir.cron and its job lock (scripts/proof_cron_race.py).

Each effect must happen exactly once (one grade history row per confirmed
evaluation, one confirmation per evaluation, each ladder step logged, its
activities created and the level change tracked once per complaint, one
planned visit per due customer, planned by one competitor only), and no
client may see a serialization failure: only success or a clear UserError.
Who did what is read from the server's log (ir.cron's job lines, the pid of
its cron worker). Prints the figures; exits 1 on any failure.

    python scripts/proof_concurrency.py --url http://127.0.0.1:8241 \
        --db freight_proofs --password-file .local/proof-users.password \
        --setup setup.json --server-log .local/proof-server.log \
        --racer-command "python odoo-bin shell -c odoo.conf -d freight_proofs"
"""

import argparse
import collections
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import threading
import time

from soak_load import Client

LEAKED = ("serializ", "concurrent update", "deadlock", "TransactionRollback")


def race(calls, at=None):
    """Run every ``(client, model, method, args)`` at the same moment (the
    epoch second ``at`` if given); return ``("ok", result)`` or ``("error",
    message)`` for each, in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, client, model, method, args):
        barrier.wait()
        if at:
            time.sleep(max(0.0, at - time.time()))
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
    """Per complaint: notes and tracking messages (the activity notices are
    only readable by their recipients)."""
    rows = admin.execute(
        "mail.message",
        "search_read",
        [("model", "=", "helpdesk.ticket"), ("res_id", "in", ticket_ids)],
        fields=["res_id", "tracking_value_ids", "message_type"],
    )
    counts = {kind: collections.Counter() for kind in ("note", "tracked", "notice")}
    for row in rows:
        if row["message_type"] == "user_notification":
            kind = "notice"
        elif row["tracking_value_ids"]:
            kind = "tracked"
        else:
            kind = "note"
        counts[kind][row["res_id"]] += 1
    return counts


CRONS = (
    (
        "escalate",
        "escalation cron",
        "freight_crm_complaints.ir_cron_freight_complaint_escalate",
    ),
    ("plan", "planning cron", "freight_crm_visits.ir_cron_freight_plan_visits"),
)
JOB_LINE = re.compile(
    r"^\S+ \S+ (?P<pid>\d+) \w+ \S+ odoo\.addons\.base\.models\.ir_cron: "
    r"Job .* \((?P<cron>\d+)\) (?P<status>starting|fully done|partially done|failed)"
    r"(?: \(#loop \d+; done (?P<done>\d+);.*duration (?P<duration>[\d.]+)s\))?"
)
WORKER_LINE = re.compile(
    r" (\d+) \w+ \S+ odoo\.service\.server: Worker (\w+) \(\d+\) alive"
)


class Racers:
    """The two `odoo shell` processes of scripts/proof_cron_race.py, started
    once (they take a while to load) and released race by race."""

    def __init__(self, command, script, go_dir):
        self.go_dir = go_dir
        self.processes = []
        for racer in (1, 2):
            env = dict(
                os.environ,
                FREIGHT_PROOF_RACER=str(racer),
                FREIGHT_PROOF_GO_DIR=go_dir,
            )
            with open(script) as stdin:
                self.processes.append(
                    subprocess.Popen(
                        shlex.split(command),
                        stdin=stdin,
                        stdout=subprocess.PIPE,
                        stderr=subprocess.DEVNULL,
                        text=True,
                        env=env,
                    )
                )

    def _line(self, process, prefix):
        for line in process.stdout:
            if line.startswith(prefix):
                return line.split()
        raise SystemExit(f"a cron racer stopped before printing {prefix!r}")

    def ready(self):
        for process in self.processes:
            self._line(process, "READY")

    def go(self, race, xmlid, at):
        path = os.path.join(self.go_dir, str(race))
        with open(path + ".tmp", "w") as f:
            json.dump({"cron": xmlid, "at": at}, f)
        os.rename(path + ".tmp", path)

    def results(self, race):
        """Per racer: (racer, start, end, outcome)."""
        rows = [self._line(p, f"RACE {race} ") for p in self.processes]
        return [(int(r[2]), float(r[3]), float(r[4]), " ".join(r[5:])) for r in rows]

    def stop(self):
        open(os.path.join(self.go_dir, "end"), "w").close()
        for process in self.processes:
            process.wait(timeout=120)


def server_workers(log_path):
    with open(log_path, errors="replace") as f:
        return {int(m.group(1)): m.group(2) for m in map(WORKER_LINE.search, f) if m}


def job_runs(log_path, offset, cron_id):
    """The cron's runs logged since ``offset``: (pid, status, done, duration)."""
    with open(log_path, errors="replace") as f:
        f.seek(offset)
        matches = [JOB_LINE.match(line) for line in f]
    return [
        (int(m["pid"]), m["status"], m["done"], m["duration"])
        for m in matches
        if m and int(m["cron"]) == cron_id
    ]


def wait_cron_idle(admin, log_path, offset, cron_id, timeout=900):
    """Until the cron has no pending trigger and each run it started has
    ended, then a few seconds more for a late start of the cron worker."""
    deadline = time.monotonic() + timeout
    quiet_since = None
    while time.monotonic() < deadline:
        runs = job_runs(log_path, offset, cron_id)
        starts = sum(status == "starting" for _pid, status, *_ in runs)
        pending = admin.execute(
            "ir.cron.trigger",
            "search_count",
            [("cron_id", "=", cron_id)],
        )
        if not pending and starts * 2 == len(runs):
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since > 5:
                return runs
        else:
            quiet_since = None
        time.sleep(0.5)
    raise SystemExit(f"cron {cron_id} still running after {timeout} s")


def race_cron(args, admins, racers, number, cron, tally):
    """At one agreed second: the server's cron worker (triggered by racer
    1), two JSON-RPC clients pressing "Run manually" and the two racers
    calling the cron's method directly. Prints who did what."""
    key, label, xmlid = cron
    cron_id = args.setup_data["crons"][key]
    offset = os.path.getsize(args.server_log)
    at = time.time() + 3
    racers.go(number, xmlid, at)
    results = race(
        [(a, "ir.cron", "method_direct_trigger", [[cron_id]]) for a in admins], at
    )
    tally.add(f"{label} (Run manually)", results)
    direct = racers.results(number)
    runs = wait_cron_idle(admins[0], args.server_log, offset, cron_id)
    workers = server_workers(args.server_log)
    moment = time.strftime("%H:%M:%S", time.gmtime(at))
    print(f"concurrency: {label}: race at {moment} UTC")
    for racer, start, end, outcome in direct:
        print(
            f"concurrency: {label}:   direct call, process {racer}: "
            f"{start - at:+.2f} s to {end - at:+.2f} s, {outcome}"
        )
        if outcome.startswith("error="):
            tally.failures.append(f"{label}: direct call {racer}: {outcome}")
            if any(word.lower() in outcome.lower() for word in LEAKED):
                tally.outcomes[f"{label} (direct call): SERIALIZATION ERROR SEEN"] += 1
    by_worker = collections.Counter()
    for pid, status, done, duration in runs:
        if status == "starting":
            continue
        worker = workers.get(pid, f"pid {pid}")
        by_worker[worker] += 1
        print(
            f"concurrency: {label}:   ir.cron run in {worker} (pid {pid}): "
            f"{status}, done {done}, {duration} s"
        )
        if status == "failed":
            tally.failures.append(f"{label}: the ir.cron run in {worker} failed")
    if not by_worker.get("WorkerCron"):
        print(
            f"concurrency: {label}:   cron worker (woken by the trigger): no run, "
            "the job was running or already done"
        )
    tally.check(
        f"{label}: ir.cron runs (cron worker or Run manually), at least one",
        sum(by_worker.values()) >= 1,
        True,
    )
    ended = [run for run in runs if run[1] != "starting"]
    return {"direct": direct, "runs": ended}


def prove_crons(args, racers, tally):
    """Each cron raced by the server's cron worker, two "Run manually"
    clients (two HTTP workers) and two processes calling it directly."""
    admins = [
        Client(args.url, args.db, args.admin_login, args.admin_password)
        for _ in range(2)
    ]
    racers.ready()
    return {
        cron[0]: race_cron(args, admins, racers, number, cron, tally)
        for number, cron in enumerate(CRONS, start=1)
    }


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
    after = message_counts(admin, tickets)
    added = {
        kind: [after[kind][t] - before[kind][t] for t in tickets] for kind in after
    }
    steps = len(setup["ladder_levels"])
    tally.check(
        f"escalation notes ({steps} steps x {len(tickets)} complaints)",
        sum(added["note"]),
        steps * len(tickets),
    )
    tally.check(
        "complaints with a step logged twice or not at all",
        sum(n != steps for n in added["note"]),
        0,
    )
    tally.check(
        "level changes tracked (one per complaint)",
        sum(added["tracked"]),
        len(tickets),
    )
    targets = setup["escalation_targets"]
    activities = admin.execute(
        "mail.activity",
        "search_count",
        [("res_model", "=", "helpdesk.ticket"), ("res_id", "in", tickets)],
    )
    tally.check(
        f"escalation activities ({targets} per complaint, all steps)",
        activities,
        targets * len(tickets),
    )


def check_planning(admin, setup, runners, tally):
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
    # Who planned: each direct call and each ir.cron run (its "done").
    planned = [
        int(outcome.split("=", 1)[1])
        for _racer, _start, _end, outcome in runners["direct"]
        if outcome.startswith("planned=")
    ]
    planned += [int(done or 0) for _pid, _status, done, _duration in runners["runs"]]
    tally.check(
        "visits planned, summed over every competitor",
        sum(planned),
        len(due),
    )
    tally.check(
        "competitors that planned anything (one planner at a time)",
        sum(n > 0 for n in planned),
        1 if due else 0,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--password-file", required=True)
    parser.add_argument("--setup", required=True, help="JSON printed by the setup")
    parser.add_argument("--server-log", required=True, help="the server's log file")
    parser.add_argument(
        "--racer-command", required=True, help="the `odoo shell` command line"
    )
    parser.add_argument(
        "--racer-script",
        default=os.path.join(os.path.dirname(__file__), "proof_cron_race.py"),
    )
    parser.add_argument("--admin-login", default="admin")
    parser.add_argument("--admin-password", default="admin")
    args = parser.parse_args()
    if not args.url.startswith(("http://127.0.0.1", "http://localhost")):
        raise SystemExit("loopback URLs only")
    with open(args.password_file) as f:
        password = f.read().strip()
    with open(args.setup) as f:
        args.setup_data = setup = json.load(f)
    admin = Client(args.url, args.db, args.admin_login, args.admin_password)
    tally = Tally()

    with tempfile.TemporaryDirectory() as go_dir:
        # Loading takes a while: the racers load while the evaluations race.
        racers = Racers(args.racer_command, args.racer_script, go_dir)
        try:
            prove_evaluations(args, setup, password, tally)
            check_evaluations(admin, setup, tally)
            before = message_counts(admin, setup["tickets"])
            runners = prove_crons(args, racers, tally)
        finally:
            racers.stop()
    check_escalation(admin, setup, before, tally)
    check_planning(admin, setup, runners["plan"], tally)

    for outcome, count in sorted(tally.outcomes.items()):
        print(f"concurrency: {outcome}: {count}")
    if tally.failures:
        for failure in tally.failures:
            print(f"concurrency: FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
    print("concurrency: OK, every effect exactly once, no serialization error seen.")


if __name__ == "__main__":
    main()

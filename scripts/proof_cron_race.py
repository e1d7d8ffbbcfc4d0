# ruff: noqa: F821
"""A competitor in the cron races of the concurrency proof, run by
scripts/proof_concurrency.py through `odoo shell` (``env`` is the shell's
superuser environment), two processes at once.

Prints ``READY``, then for race 1, 2, ... waits for the file
``<FREIGHT_PROOF_GO_DIR>/<n>`` (JSON: the cron's xml id, the epoch second
``at``) and, at that second, in a fresh transaction:

- racer 1 has triggered the cron through ir.cron 0.3 s before
  (``_trigger()``, which wakes the running server's cron worker at its
  commit: it starts the job about when the others start);
- both racers call the cron's method itself, outside ir.cron and its job
  lock, and commit.

Prints ``RACE <n> <racer> <start> <end> <result>`` (``planned=<count>`` for
the planning, ``error=<message>`` if the call failed); stops at the file
``<FREIGHT_PROOF_GO_DIR>/end``."""

import json
import os
import time

racer = int(os.environ["FREIGHT_PROOF_RACER"])
TRIGGER_AHEAD = 0.3  # seconds
go_dir = os.environ["FREIGHT_PROOF_GO_DIR"]
CALLS = {
    "freight_crm_complaints.ir_cron_freight_complaint_escalate": (
        "helpdesk.ticket",
        "_cron_freight_escalate",
    ),
    "freight_crm_visits.ir_cron_freight_plan_visits": (
        "res.partner",
        "_cron_freight_plan_visits",
    ),
}


def wait_until(moment):
    while time.time() < moment:
        time.sleep(0.002)


def wait_for(*names):
    while True:
        for name in names:
            if os.path.exists(os.path.join(go_dir, name)):
                return name
        time.sleep(0.01)


def compete(xmlid, at):
    model, method = CALLS[xmlid]
    env.cr.rollback()
    try:
        if racer == 1:
            # The cron worker takes a moment to wake up and start the job:
            # triggered just before, it runs it when the others start.
            wait_until(at - TRIGGER_AHEAD)
            env.ref(xmlid)._trigger()
            env.cr.commit()
        wait_until(at)  # the call's transaction starts at the agreed second
        started = time.time()
        result = getattr(env[model], method)()
        env.cr.commit()
    except Exception as error:  # noqa: BLE001 (reported to the proof)
        env.cr.rollback()
        return time.time(), f"error={type(error).__name__}: {error}".replace("\n", " ")
    if model == "res.partner":
        return started, f"planned={len(result)}"
    return started, "done"


print("READY", flush=True)
race = 1
while wait_for(str(race), "end") != "end":
    with open(os.path.join(go_dir, str(race))) as f:
        order = json.load(f)
    started, outcome = compete(order["cron"], order["at"])
    print(f"RACE {race} {racer} {started:.3f} {time.time():.3f} {outcome}", flush=True)
    race += 1

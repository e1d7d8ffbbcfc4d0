"""Load proof: N concurrent JSON-RPC clients for S seconds against a running
Odoo on loopback, each creating complaints (helpdesk.ticket), visits
(freight.visit) and evaluations (freight.customer.evaluation) in turn.

Prints errors, created vs counted records, throughput and p50/p95 latency;
exits 1 on any error or count mismatch.

    python scripts/soak_load.py --url http://127.0.0.1:8131 --db freight_soak \
        --login admin --password admin --clients 20 --seconds 60
"""

import argparse
import itertools
import json
import statistics
import sys
import threading
import time
import urllib.request
from urllib.parse import urlparse

MODELS = ("helpdesk.ticket", "freight.visit", "freight.customer.evaluation")


class Client:
    def __init__(self, url, db, login, password):
        self.url = url.rstrip("/") + "/jsonrpc"
        self.db, self.password = db, password
        self.ids = itertools.count()
        self.uid = self.call("common", "login", db, login, password)
        if not self.uid:
            raise SystemExit(f"login {login} refused by {db}")

    def call(self, service, method, *args):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": next(self.ids),
            "params": {"service": service, "method": method, "args": args},
        }
        req = urllib.request.Request(
            self.url,
            json.dumps(payload).encode(),
            {"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=120) as resp:
            answer = json.loads(resp.read())
        if "error" in answer:
            data = answer["error"].get("data", {})
            raise RuntimeError(f"{data.get('name')}: {data.get('message')}")
        return answer["result"]

    def execute(self, model, method, *args, **kw):
        return self.call(
            "object",
            "execute_kw",
            self.db,
            self.uid,
            self.password,
            model,
            method,
            list(args),
            kw,
        )


def values(model, partner_id, tag, n):
    if model == "helpdesk.ticket":
        return {
            "name": f"{tag} complaint {n}",
            "description": f"<p>{tag} load test complaint {n}</p>",
            "partner_id": partner_id,
        }
    # Visits and evaluations: the partner is all they need, the rest defaults.
    return {"partner_id": partner_id}


def worker(args, index, partners, tag, deadline, results, lock):
    client = Client(args.url, args.db, args.login, args.password)
    latencies, created, errors = [], {m: [] for m in MODELS}, []
    n = 0
    while time.monotonic() < deadline and n < args.max_requests:
        model = MODELS[n % len(MODELS)]
        partner_id = partners[(index * 7 + n) % len(partners)]
        start = time.monotonic()
        try:
            created[model].append(
                client.execute(model, "create", values(model, partner_id, tag, n))
            )
        except (OSError, RuntimeError, ValueError) as exc:  # counted, printed
            errors.append(f"{model}: {exc}")
        latencies.append(time.monotonic() - start)
        n += 1
    with lock:
        results.append((latencies, created, errors))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", default="http://127.0.0.1:8131")
    parser.add_argument("--db", required=True)
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=100000)
    args = parser.parse_args()
    if urlparse(args.url).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("soak_load only runs against loopback addresses")

    admin = Client(args.url, args.db, args.login, args.password)
    partners = admin.execute(
        "res.partner",
        "search",
        [("is_company", "=", True), ("customer_rank", ">", 0)],
        limit=40,
    ) or admin.execute("res.partner", "search", [("is_company", "=", True)], limit=40)
    before = {m: admin.execute(m, "search_count", []) for m in MODELS}
    tag = f"soak-{int(time.time())}"
    results, lock = [], threading.Lock()
    deadline = time.monotonic() + args.seconds
    started = time.monotonic()
    threads = [
        threading.Thread(
            target=worker, args=(args, i, partners, tag, deadline, results, lock)
        )
        for i in range(args.clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started

    latencies = sorted(lat for r in results for lat in r[0])
    errors = [e for r in results for e in r[2]]
    created = {m: [i for r in results for i in r[1][m]] for m in MODELS}
    after = {m: admin.execute(m, "search_count", []) for m in MODELS}
    ok = not errors
    print(
        f"load: {args.clients} clients x {elapsed:.1f} s against {args.url} ({args.db})"
    )
    for model in MODELS:
        exist = admin.execute(model, "search_count", [("id", "in", created[model])])
        delta = after[model] - before[model]
        match = exist == len(created[model]) == delta
        ok = ok and match
        print(
            f"load: {model}: created {len(created[model])}, found {exist}, "
            f"table grew by {delta} -> {'match' if match else 'MISMATCH'}"
        )
    if latencies:
        p50 = statistics.median(latencies)
        p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
        print(
            f"load: {len(latencies)} requests, {len(errors)} errors, "
            f"{len(latencies) / elapsed:.1f} req/s, p50 {p50 * 1000:.0f} ms, "
            f"p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
        )
    for error in sorted(set(errors))[:10]:
        print(f"load: error: {error}")
    print(f"load: {'OK' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

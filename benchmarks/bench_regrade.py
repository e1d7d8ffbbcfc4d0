# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the quarterly re-grade (R-GRD-6) against a one-statement
SQL lower bound.

Not a test (pytest does not collect it: no ``test_`` prefix). Run it on a
database where freight_crm is installed, preferably a scratch one, e.g.::

    KEEP_DB=1 TEST_DB=bench make test          # once, builds the database
    bash -c 'source scripts/common.sh; ensure_postgres'   # if stopped
    .venv/bin/python benchmarks/bench_regrade.py \\
        -c .local/odoo-test.conf -d bench -n 100000

It inserts N signed customers named ``BENCH-<n>`` with bulk SQL (annual
volumes and cooperation dates spread over the three grades), switches on
rule-based grading, then

1. times one SQL ``UPDATE`` that grades and stamps them all (the lower
   bound: no history, chatter or activities);
2. resets them and times ``res.partner._cron_freight_regrade()`` (batches,
   history rows, chatter messages, activities, one commit per batch);

and prints both figures. The benchmark customers and everything the
re-grade wrote for them are deleted at the end (``--keep`` keeps them).
"""

import argparse
import time
from datetime import date

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

PREFIX = "BENCH-"


def insert_customers(cr, count, user_id):
    cr.execute(
        """
        INSERT INTO res_partner (
            name, complete_name, is_company, active, type, user_id,
            freight_customer_state, freight_annual_volume,
            freight_cooperation_start, create_date, write_date,
            create_uid, write_uid
        )
        SELECT %(prefix)s || n, %(prefix)s || n, TRUE, TRUE, 'contact',
               %(user_id)s, 'signed',
               (ARRAY[7000000, 2500000, 300000])[1 + n %% 3],
               CURRENT_DATE - ((n %% 2000) || ' days')::interval,
               now() at time zone 'UTC', now() at time zone 'UTC', 1, 1
        FROM generate_series(1, %(count)s) AS n
        """,
        {"prefix": PREFIX, "count": count, "user_id": user_id},
    )


def reset(cr):
    cr.execute(
        "UPDATE res_partner SET freight_grade_id = NULL, "
        "freight_regrade_quarter = NULL WHERE name LIKE %s",
        [PREFIX + "%"],
    )


def sql_lower_bound(env, quarter):
    params = env["res.partner"]._freight_grading_params()
    grades = {g.code: g.id for g in env["freight.customer.grade"].search([])}
    today = date.today()
    start = time.perf_counter()
    env.cr.execute(
        """
        UPDATE res_partner SET
            freight_grade_id = CASE
                WHEN freight_annual_volume > %(vol_a)s
                  OR freight_cooperation_start
                     < %(today)s::date - make_interval(years => %(years_a)s)
                THEN %(a)s
                WHEN freight_annual_volume >= %(vol_b)s
                  OR freight_cooperation_start
                     <= %(today)s::date - make_interval(years => %(years_b)s)
                THEN %(b)s
                ELSE %(c)s END,
            freight_regrade_quarter = %(quarter)s
        WHERE freight_customer_state = 'signed'
          AND (freight_regrade_quarter IS NULL
               OR freight_regrade_quarter < %(quarter)s)
        """,
        {
            "vol_a": params["freight_crm.rule_volume_a"],
            "vol_b": params["freight_crm.rule_volume_b"],
            "years_a": params["freight_crm.rule_years_a"],
            "years_b": params["freight_crm.rule_years_b"],
            "today": today,
            "quarter": quarter,
            "a": grades["A"],
            "b": grades["B"],
            "c": grades["C"],
        },
    )
    rows = env.cr.rowcount
    env.cr.commit()
    return time.perf_counter() - start, rows


def cleanup(cr):
    cr.execute("SELECT id FROM res_partner WHERE name LIKE %s", [PREFIX + "%"])
    ids = [row[0] for row in cr.fetchall()]
    if not ids:
        return
    cr.execute(
        "DELETE FROM mail_message WHERE model = 'res.partner' AND res_id = ANY(%s)",
        [ids],
    )
    cr.execute(
        "DELETE FROM mail_activity WHERE res_model = 'res.partner' "
        "AND res_id = ANY(%s)",
        [ids],
    )
    cr.execute(
        "DELETE FROM mail_followers WHERE res_model = 'res.partner' "
        "AND res_id = ANY(%s)",
        [ids],
    )
    cr.execute("DELETE FROM res_partner WHERE id = ANY(%s)", [ids])
    cr.commit()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-n", "--count", type=int, default=100000)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        icp = env["ir.config_parameter"]
        saved = {
            key: icp.get_param(key)
            for key in ("freight_crm.rule_grading", "freight_crm.regrade_batch_size")
        }
        icp.set_param("freight_crm.rule_grading", "True")
        icp.set_param("freight_crm.regrade_batch_size", str(args.batch_size))
        cleanup(cr)
        # Only the benchmark customers are due this quarter.
        quarter = env["res.partner"]._freight_quarter_start(date.today())
        cr.execute(
            "UPDATE res_partner SET freight_regrade_quarter = %s "
            "WHERE freight_customer_state = 'signed'",
            [quarter],
        )
        start = time.perf_counter()
        insert_customers(cr, args.count, env.ref("base.user_admin").id)
        cr.commit()
        print(f"Inserted {args.count} customers in {time.perf_counter() - start:.1f} s")

        seconds, rows = sql_lower_bound(env, quarter)
        print(f"SQL lower bound (one UPDATE): {rows} customers in {seconds:.2f} s")

        reset(cr)
        cr.commit()
        env.invalidate_all()
        start = time.perf_counter()
        env["res.partner"]._cron_freight_regrade()
        seconds_cron = time.perf_counter() - start
        cr.execute(
            "SELECT count(*) FROM res_partner WHERE name LIKE %s "
            "AND freight_regrade_quarter = %s",
            [PREFIX + "%", quarter],
        )
        done = cr.fetchone()[0]
        print(
            f"_cron_freight_regrade(): {done} customers in {seconds_cron:.2f} s "
            f"({seconds_cron / max(seconds, 1e-9):.0f}x the lower bound, "
            f"{1000 * seconds_cron / max(done, 1):.2f} ms per customer, "
            f"batch size {args.batch_size})"
        )
        if not args.keep:
            cleanup(cr)
        for key, value in saved.items():
            icp.set_param(key, value or False)
        cr.commit()


if __name__ == "__main__":
    main()

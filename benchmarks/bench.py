# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the crons against their PostgreSQL lower bound (make bench).

Not a test (pytest does not collect it). On a database where the addons are
installed, it inserts N signed customers ``BENCH-<n>`` and N open complaints
with set-based SQL (valid data: the grades and policies of the rules, one
customer in ten due for a grade change, one in twenty due for a visit, 100
complaints due for escalation, their deadlines from 2 days past to 4 days
ahead), then times each job in its own process
beside a reference, and prints one table: wall time, queries, peak memory,
reference, ratio. The reference of a cron is the same table effects
written in plain SQL (rolled back); of the escalation among N open
complaints, the same run among 1,000; of a list or grouping view, the same
call in base Odoo (the base view's fields, or a base field to group by).

    python benchmarks/bench.py -c .local/odoo-bench.conf -d freight_crm_bench
        [-n 100000] [--profile DIR] [--jobs regrade,planning,escalation,views]
"""

import argparse
import cProfile
import json
import pstats
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta

from lxml import etree

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

PREFIX = "BENCH-"
MANAGERS = 20
DUE_TICKETS = 100
# A list view loads this many rows (the web client's default page).
LIST_ROWS = 80
# Timed calls of a view job (after one warm-up call); the median is shown.
VIEW_RUNS = 11
VACUUMED = (
    "res_partner",
    "mail_message",
    "mail_activity",
    "freight_visit",
    "freight_customer_grade_history",
)


def _env(cr):
    return api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})


def _grades(env):
    grades = env["freight.customer.grade"].search([])
    return {grade.code: grade for grade in grades}


def _managers(env):
    users = env["res.users"].search([("login", "like", "bench_manager_")])
    for index in range(len(users), MANAGERS):
        users |= (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": f"Bench Manager {index}",
                    "login": f"bench_manager_{index}",
                    "group_ids": [
                        (4, env.ref("freight_crm.group_freight_salesperson").id)
                    ],
                }
            )
        )
    return users.ids


def _view_users(env):
    """The bench's freight manager, created once; the salesperson is the
    first bench account manager."""
    manager = env["res.users"].search([("login", "=", "bench_freight_manager")])
    if not manager:
        manager = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": "Bench Freight Manager",
                    "login": "bench_freight_manager",
                    "group_ids": [(4, env.ref("freight_crm.group_freight_manager").id)],
                }
            )
        )
    salesperson = env["res.users"].search([("login", "=", "bench_manager_0")], limit=1)
    return {"manager": manager, "salesperson": salesperson}


def _escalation_targets(env):
    """One bench user in the group of each escalation step, told by e-mail
    and in the inbox by turns, so that the escalation notifies someone."""
    users = env["res.users"]
    for step in env["freight.complaint.escalation.step"]._get_ladder():
        login = f"bench_escalation_{step.level}"
        user = users.search([("login", "=", login)])
        if not user and step.group_id:
            user = users.with_context(no_reset_password=True).create(
                {
                    "name": f"Bench Escalation {step.level}",
                    "login": login,
                    "email": f"{login}@example.com",
                    "group_ids": [(4, step.group_id.id)],
                }
            )
            if step.level % 2:
                user.notification_type = "inbox"
        users |= user
    return users


def generate(env, count):
    """N customers with the grade the rules give them, except one in ten
    (the grade changes), and N open complaints, 100 due for escalation."""
    cr = env.cr
    grades = _grades(env)
    managers = _managers(env)
    today = date.today()
    company = env.ref("base.main_company")
    cr.execute(
        """
        INSERT INTO res_partner (
            id, commercial_partner_id, name, complete_name, is_company, active,
            type, user_id, company_id,
            freight_customer_state, freight_annual_volume,
            freight_cooperation_start, freight_grade_id, freight_credit_limit,
            freight_payment_term_days, freight_advance_funding_limit,
            freight_next_visit_date, create_date, write_date, create_uid,
            write_uid, autopost_bills)
        SELECT seq.id, seq.id, %(prefix)s || n, %(prefix)s || n, TRUE, TRUE,
               'contact',
               (%(managers)s::int[])[1 + n %% %(m)s], %(company)s, 'signed',
               (ARRAY[7000000, 2500000, 300000])[1 + n %% 3],
               %(today)s::date - 200, g.id, g.credit_limit,
               g.payment_term_days, g.advance_funding_limit,
               CASE WHEN n %% 20 = 0 THEN %(today)s::date - 1
                    ELSE %(today)s::date + 200 END,
               now() at time zone 'UTC', now() at time zone 'UTC', 1, 1, 'ask'
          FROM (SELECT n, nextval('res_partner_id_seq') AS id
                  FROM generate_series(1, %(count)s) AS n) AS seq
          JOIN freight_customer_grade g ON g.id = CASE
               WHEN n %% 10 = 0 THEN (%(shifted)s::int[])[1 + n %% 3]
               ELSE (%(rules)s::int[])[1 + n %% 3] END
        """,
        {
            "prefix": PREFIX,
            "count": count,
            "managers": managers,
            "m": len(managers),
            "company": company.id,
            "today": today,
            "rules": [grades["A"].id, grades["B"].id, grades["C"].id],
            "shifted": [grades["B"].id, grades["C"].id, grades["A"].id],
        },
    )
    # Fresh statistics before the complaints join the customers.
    cr.execute("ANALYZE res_partner")
    stage = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new", raise_if_not_found=False)
    team = env["helpdesk.ticket.team"].search([], limit=1)
    cr.execute(
        """
        INSERT INTO helpdesk_ticket (
            name, description, company_id, partner_id, commercial_partner_id,
            stage_id, team_id, active, priority, freight_is_complaint,
            freight_complaint_class, freight_solution_state,
            freight_escalation_level, freight_intake_date, freight_deadline,
            freight_next_escalation, create_date, write_date, create_uid,
            write_uid)
        SELECT %(prefix)s || n, 'Bench complaint', %(company)s, p.id, p.id,
               %(stage)s, %(team)s, TRUE, '1', TRUE, 'general', 'draft', 0,
               now() at time zone 'UTC',
               now() at time zone 'UTC' + (n %% 7 - 2) * interval '1 day',
               CASE WHEN n <= %(due)s
                    THEN now() at time zone 'UTC' - interval '1 hour'
                    ELSE now() at time zone 'UTC' + interval '30 days' END,
               now() at time zone 'UTC', now() at time zone 'UTC', 1, 1
          FROM generate_series(1, %(count)s) AS n
          JOIN res_partner p ON p.name = %(prefix)s || n
        """,
        {
            "prefix": PREFIX,
            "count": count,
            "company": company.id,
            "stage": stage.id if stage else None,
            "team": team.id or None,
            "due": DUE_TICKETS,
        },
    )
    cr.commit()
    _vacuum(cr.dbname)


def _timed(cr, statements):
    """Seconds ``statements`` take, rolled back; then the tables vacuumed so
    that the job after it starts without the lower bound's dead rows."""
    start = time.perf_counter()
    for statement, params in statements:
        cr.execute(statement, params)
    seconds = time.perf_counter() - start
    cr.rollback()
    _vacuum(cr.dbname)
    return seconds


def _vacuum(dbname):
    with Registry(dbname).cursor() as cr:
        cr.rollback()
        cr._cnx.autocommit = True
        for table in VACUUMED:
            cr.execute(f"VACUUM ANALYZE {table}")
        cr._cnx.autocommit = False


def lower_bound_regrade(env):
    """The table effects of the re-grade in plain SQL: grade and policy of
    the changed customers, one history row and one chatter message each."""
    params = env["res.partner"]._freight_grading_params()
    grades = _grades(env)
    subtype = env.ref("mail.mt_note").id
    return _timed(
        env.cr,
        [
            (
                """
                CREATE TEMP TABLE bench_changed ON COMMIT DROP AS
                SELECT id, old_id, new_id FROM (
                    SELECT id, freight_grade_id AS old_id,
                           CASE WHEN freight_annual_volume > %(vol_a)s
                                  OR freight_cooperation_start < %(start_a)s
                                THEN %(a)s
                                WHEN freight_annual_volume >= %(vol_b)s
                                  OR freight_cooperation_start <= %(start_b)s
                                THEN %(b)s ELSE %(c)s END AS new_id
                      FROM res_partner
                     WHERE freight_customer_state = 'signed' AND active) t
                 WHERE new_id IS DISTINCT FROM old_id
                """,
                {
                    "vol_a": params["freight_crm.rule_volume_a"],
                    "vol_b": params["freight_crm.rule_volume_b"],
                    "start_a": date.today()
                    - timedelta(days=365 * params["freight_crm.rule_years_a"]),
                    "start_b": date.today()
                    - timedelta(days=365 * params["freight_crm.rule_years_b"]),
                    "a": grades["A"].id,
                    "b": grades["B"].id,
                    "c": grades["C"].id,
                },
            ),
            (
                """
                UPDATE res_partner p
                   SET freight_grade_id = g.id,
                       freight_credit_limit = g.credit_limit,
                       freight_payment_term_days = g.payment_term_days,
                       freight_advance_funding_limit = g.advance_funding_limit
                  FROM bench_changed c JOIN freight_customer_grade g
                    ON g.id = c.new_id
                 WHERE p.id = c.id
                """,
                None,
            ),
            (
                """
                INSERT INTO freight_customer_grade_history (
                    partner_id, old_grade_id, new_grade_id, source, date,
                    create_date, write_date, create_uid, write_uid)
                SELECT id, old_id, new_id, 'regrade', now(), now(), now(), 1, 1
                  FROM bench_changed
                """,
                None,
            ),
            (
                """
                INSERT INTO mail_message (
                    model, res_id, body, message_type, subtype_id, author_id,
                    date, create_date, write_date, create_uid, write_uid)
                SELECT 'res.partner', id, '<p>Grade changed</p>',
                       'notification', %s, 3, now(), now(), now(), 1, 1
                  FROM bench_changed
                """,
                [subtype],
            ),
        ],
    )


def lower_bound_planning(env):
    """The visits and their activities of the due customers in plain SQL."""
    today = date.today()
    activity_type = env.ref("freight_crm_visits.mail_activity_type_visit").id
    model_id = env["ir.model"]._get_id("freight.visit")
    return _timed(
        env.cr,
        [
            (
                """
                WITH visit AS (
                    INSERT INTO freight_visit (
                        partner_id, user_id, company_id, grade_id, state,
                        channel, visit_date, create_date, write_date,
                        create_uid, write_uid)
                    SELECT p.id, p.user_id, p.company_id, p.freight_grade_id,
                           'planned', 'onsite', GREATEST(p.freight_next_visit_date,
                           %(today)s), now(), now(), 1, 1
                      FROM res_partner p
                     WHERE p.freight_next_visit_date <= %(limit)s AND p.active
                       AND NOT EXISTS (SELECT 1 FROM freight_visit v
                                        WHERE v.partner_id = p.id
                                          AND v.state = 'planned')
                    RETURNING id, user_id, visit_date)
                INSERT INTO mail_activity (
                    res_model_id, res_model, res_id, activity_type_id,
                    user_id, date_deadline, automated, create_date,
                    write_date, create_uid, write_uid)
                SELECT %(model)s, 'freight.visit', id, %(type)s, user_id,
                       visit_date, TRUE, now(), now(), 1, 1
                  FROM visit
                """,
                {
                    "today": today,
                    "limit": today
                    + timedelta(days=env["res.partner"]._freight_visit_horizon()),
                    "model": model_id,
                    "type": activity_type,
                },
            )
        ],
    )


JOBS = {
    "regrade": ("res.partner", "_cron_freight_regrade"),
    "planning": ("res.partner", "_cron_freight_plan_visits"),
    "escalation": ("helpdesk.ticket", "_cron_freight_escalate"),
}

CUSTOMERS = [("is_company", "=", True)]
OPEN_COMPLAINTS = [("freight_is_complaint", "=", True), ("closed", "=", False)]
# The list and grouping views as the web client loads them, beside "base
# Odoo": the same call on the same rows with the base view's fields (the
# list view as its module defines it, without our additions) or grouped by
# a base field of the same kind.
VIEWS = {
    "customers-sales": {
        "label": f"customer list, {LIST_ROWS} rows (salesperson)",
        "model": "res.partner",
        "user": "salesperson",
        "domain": CUSTOMERS,
        "ours": {"list": "freight_crm.res_partner_view_list"},
        "base": {"list": "base.view_partner_tree", "raw": True},
    },
    "customers-manager": {
        "label": f"customer list, {LIST_ROWS} rows (manager)",
        "model": "res.partner",
        "user": "manager",
        "domain": CUSTOMERS,
        "ours": {"list": "freight_crm.res_partner_view_list"},
        "base": {"list": "base.view_partner_tree", "raw": True},
    },
    "complaints": {
        "label": f"complaint list, {LIST_ROWS} rows (manager)",
        "model": "helpdesk.ticket",
        "user": "manager",
        "domain": OPEN_COMPLAINTS,
        "ours": {"list": "helpdesk_mgmt.ticket_view_tree"},
        "base": {"list": "helpdesk_mgmt.ticket_view_tree", "raw": True},
    },
    "customers-by-grade": {
        "label": "customers grouped by grade (manager)",
        "model": "res.partner",
        "user": "manager",
        "domain": CUSTOMERS,
        "ours": {"groupby": "freight_grade_id"},
        "base": {"groupby": "user_id"},
    },
    "complaints-by-class": {
        "label": "complaints grouped by class (manager)",
        "model": "helpdesk.ticket",
        "user": "manager",
        "domain": OPEN_COMPLAINTS,
        "ours": {"groupby": "freight_complaint_class"},
        "base": {"groupby": "priority"},
    },
}
VIEW_JOBS = [f"view-{key}-{side}" for key in VIEWS for side in ("ours", "base")]


def _list_specification(model, view_xmlid, raw):
    """The ``web_search_read`` specification the web client sends for a
    list view: its columns, a many2one or x2many as its display name. A
    ``raw`` view is read as its module wrote it, without the views that
    extend it; fields the user may not read are left out, as the view
    itself would leave them."""
    view = model.env.ref(view_xmlid)
    if raw:
        arch = view.sudo().arch
    else:
        arch = model.get_views([(view.id, "list")])["views"]["list"]["arch"]
    names = [node.get("name") for node in etree.fromstring(arch).xpath("/list/field")]
    readable = model.fields_get(names, attributes=["type"])
    return {
        name: (
            {"fields": {"display_name": {}}}
            if readable[name]["type"] in ("many2one", "many2many", "one2many")
            else {}
        )
        for name in names
        if name in readable
    }


def _view_call(model, view, side):
    setup = view[side]
    if "list" in setup:
        spec = _list_specification(model, setup["list"], setup.get("raw"))
        return lambda: model.web_search_read(
            view["domain"], spec, limit=LIST_ROWS, count_limit=10001
        )
    return lambda: model.web_read_group(
        view["domain"], [setup["groupby"]], aggregates=["__count"], limit=LIST_ROWS
    )


def run_view(args):
    """In its own process: one list or grouping call as the view's user,
    warmed up once then timed ``VIEW_RUNS`` times, each on an empty cache
    as a new request would be; the median and the queries of one call."""
    _prefix, *key, side = args.job.split("-")
    view = VIEWS["-".join(key)]
    registry = Registry(args.database)
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with registry.cursor() as cr:
        env = _env(cr)
        user = _view_users(env)[view["user"]]
        model = env[view["model"]].with_user(user).with_context(lang="en_US")
        call = _view_call(model, view, side)
        call()
        profile = cProfile.Profile() if args.profile else None
        times = []
        queries = 0
        for _run in range(VIEW_RUNS):
            env.invalidate_all()
            start_queries = cr.sql_log_count
            start = time.perf_counter()
            if profile:
                profile.enable()
            call()
            if profile:
                profile.disable()
            times.append(time.perf_counter() - start)
            queries = cr.sql_log_count - start_queries
        cr.rollback()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if profile:
        with open(f"{args.profile}/{args.job}.txt", "w") as out:
            pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(25)
    print(
        json.dumps(
            {
                "seconds": statistics.median(times),
                "queries": queries,
                "peak_mb": peak / 1024,
                "job_mb": (peak - baseline) / 1024,
            }
        )
    )


def run_job(args):
    """In its own process: run one cron, report wall time, queries, memory."""
    registry = Registry(args.database)
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with registry.cursor() as cr:
        env = _env(cr)
        model_name, method = JOBS[args.job]
        model = env[model_name]
        if args.job == "regrade":
            env["ir.config_parameter"].set_param("freight_crm.rule_grading", "True")
            cr.commit()
        start_queries = cr.sql_log_count
        profile = cProfile.Profile() if args.profile else None
        start = time.perf_counter()
        if profile:
            profile.enable()
        getattr(model, method)()
        env.flush_all()
        cr.commit()
        if profile:
            profile.disable()
        seconds = time.perf_counter() - start
        queries = cr.sql_log_count - start_queries
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if profile:
        with open(f"{args.profile}/{args.job}-{args.tag}.txt", "w") as out:
            pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(25)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "queries": queries,
                "peak_mb": peak / 1024,
                "job_mb": (peak - baseline) / 1024,
            }
        )
    )


def spawn(args, job, tag=""):
    command = [
        sys.executable,
        __file__,
        "-c",
        args.config,
        "-d",
        args.database,
        "--job",
        job,
        "--tag",
        tag or job,
    ]
    if args.profile:
        command += ["--profile", args.profile]
    output = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(output.stdout.strip().splitlines()[-1])


def _keep_only_open(cr, count):
    """Close all bench complaints but the first ``count``, the due ones among
    them made due again."""
    cr.execute(
        "DELETE FROM mail_message WHERE model = 'helpdesk.ticket' AND res_id IN "
        "(SELECT id FROM helpdesk_ticket WHERE name LIKE %s)",
        [PREFIX + "%"],
    )
    cr.execute(
        "DELETE FROM mail_activity WHERE res_model = 'helpdesk.ticket' AND res_id IN "
        "(SELECT id FROM helpdesk_ticket WHERE name LIKE %s)",
        [PREFIX + "%"],
    )
    cr.execute(
        """
        UPDATE helpdesk_ticket SET active = FALSE, freight_next_escalation = NULL
         WHERE name LIKE %s AND substr(name, %s)::int > %s
        """,
        [PREFIX + "%", len(PREFIX) + 1, count],
    )
    cr.execute(
        """
        UPDATE helpdesk_ticket SET freight_escalation_level = 0,
               freight_intake_date = now() at time zone 'UTC',
               freight_next_escalation = now() at time zone 'UTC' - interval '1 hour'
         WHERE name LIKE %s AND substr(name, %s)::int <= %s
        """,
        [PREFIX + "%", len(PREFIX) + 1, DUE_TICKETS],
    )
    cr.execute("ANALYZE helpdesk_ticket")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-n", "--count", type=int, default=100000)
    parser.add_argument("--profile", help="directory for the cProfile tops")
    parser.add_argument(
        "--jobs",
        default="regrade,planning,escalation,views",
        help="comma-separated jobs to run (default: all)",
    )
    parser.add_argument(
        "--job", choices=sorted(JOBS) + VIEW_JOBS, help=argparse.SUPPRESS
    )
    parser.add_argument("--tag", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    if args.job in VIEW_JOBS:
        return run_view(args)
    if args.job:
        return run_job(args)
    jobs = args.jobs.split(",")
    registry = Registry(args.database)
    with registry.cursor() as cr:
        env = _env(cr)
        env["ir.config_parameter"].set_param("freight_crm.rule_grading", "True")
        # Only the bench customers are signed, due for a visit or escalation.
        cr.execute(
            "UPDATE res_partner SET freight_customer_state = 'dormant' "
            "WHERE freight_customer_state = 'signed'"
        )
        cr.execute("UPDATE res_partner SET freight_next_visit_date = NULL")
        cr.execute("UPDATE helpdesk_ticket SET freight_next_escalation = NULL")
        # The users first, committed: the foreign-key checks of 100,000
        # customers on account managers created in the same transaction
        # would each take a new lock on them (minutes instead of seconds).
        _managers(env)
        _view_users(env)
        _escalation_targets(env)
        cr.commit()
        start = time.perf_counter()
        generate(env, args.count)
        cr.commit()
        print(
            f"Generated {args.count} customers and {args.count} complaints "
            f"in {time.perf_counter() - start:.1f} s",
            flush=True,
        )
        print_header(args.count)
        # Planning first: the re-grade moves the next visit date of the
        # customers whose grade changes, which would make more of them due.
        if "planning" in jobs:
            bound = lower_bound_planning(env)
            result = spawn(args, "planning")
            cr.commit()
            cr.execute("SELECT COUNT(*) FROM freight_visit WHERE state = 'planned'")
            print_row(f"visit planning, {cr.fetchone()[0]} due", result, bound)
        if "regrade" in jobs:
            bound = lower_bound_regrade(env)
            result = spawn(args, "regrade")
            cr.commit()
            cr.execute(
                "SELECT COUNT(*) FROM freight_customer_grade_history "
                "WHERE source = 'regrade'"
            )
            print_row(f"quarterly re-grade, {cr.fetchone()[0]} change", result, bound)
        if "views" in jobs:
            cr.commit()
            for key, view in VIEWS.items():
                ours = spawn(args, f"view-{key}-ours")
                base = spawn(args, f"view-{key}-base")
                print_row(f"{view['label']}, base Odoo", base)
                print_row(view["label"], ours, base["seconds"])
        if "escalation" in jobs:
            cr.commit()  # a fresh snapshot after each job's own process
            large = spawn(args, "escalation", "escalation-large")
            cr.commit()
            _keep_only_open(cr, 1000)
            cr.commit()
            small = spawn(args, "escalation", "escalation-small")
            print_row(f"escalation, {DUE_TICKETS} due among 1000 open", small)
            print_row(
                f"escalation, {DUE_TICKETS} due among {args.count} open",
                large,
                small["seconds"],
            )


def print_header(count):
    print(f"\nN = {count}")
    print(
        "| job | wall (s) | queries | peak RSS (MB) | job RSS (MB) "
        "| reference (s) | ratio |"
    )
    print("|---|---|---|---|---|---|---|", flush=True)


def print_row(name, result, bound=None):
    ratio = f"{result['seconds'] / bound:.2f}x" if bound else "-"
    print(
        f"| {name} | {result['seconds']:.3f} | {result['queries']} "
        f"| {result['peak_mb']:.0f} | {result['job_mb']:.0f} "
        f"| {f'{bound:.3f}' if bound else '-'} | {ratio} |",
        flush=True,
    )


if __name__ == "__main__":
    main()

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""make screenshots: the key screens of each demo role, in every language
asked for, shot by headless Chromium over the DevTools protocol
(websocket-client, as Odoo's own test browser does).

    python scripts/screenshots.py --url http://127.0.0.1:8151 --db freight_shots \
        --out docs/screenshots --langs zh_CN,en_US [--only sales-home,legal-contract]

Each user logs in through /web/session/authenticate; its language is
switched over JSON-RPC before its screens and restored afterwards. A screen
is shot once the page has no request in flight and its view is rendered.
Prints one line per screen and, at the end, the screens that showed an error
or were skipped."""

import argparse
import base64
import contextlib
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

import requests
import websocket

WIDTH, HEIGHT = 1440, 900
TIMEZONE = "Asia/Shanghai"

# Counts the page's XMLHttpRequest and fetch calls in flight.
PENDING_COUNTER = """
(() => {
    window.__shotPending = 0;
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (...args) {
        window.__shotPending++;
        this.addEventListener("loadend", () => window.__shotPending--, { once: true });
        return send.apply(this, args);
    };
    const origFetch = window.fetch;
    window.fetch = function (...args) {
        window.__shotPending++;
        return origFetch.apply(this, args).finally(() => window.__shotPending--);
    };
})();
"""

# Ready when the selector is there, nothing is in flight or loading, and the
# fonts are in.
READY_CHECK = """
(() => {
    if (document.readyState !== "complete" || (window.__shotPending || 0) > 0) {
        return false;
    }
    if (document.fonts && document.fonts.status !== "loaded") {
        return false;
    }
    const busy = ".o_loading_indicator, .o_blockUI, .o_view_nocontent_loading";
    if (document.querySelector(busy)) {
        return false;
    }
    return Boolean(document.querySelector(%s));
})()
"""

ERROR_CHECK = """
(() => {
    const text = (node, box) => node.closest(box).innerText.slice(0, 200);
    const dialog = document.querySelector(".o_error_dialog, .o_dialog .modal-title");
    const danger = document.querySelector(
        ".o_notification.border-danger, .o_notification_bar.bg-danger"
    );
    const parts = [];
    if (dialog) parts.push("dialog: " + text(dialog, ".modal-content, .o_dialog"));
    if (danger) parts.push("notification: " + text(danger, ".o_notification"));
    return parts.join(" | ");
})()
"""

BACKEND = ".o_action_manager .o_view_controller"


class Browser:
    """One headless Chromium and the websocket of its page."""

    def __init__(self, executable, lang):
        self.profile = tempfile.mkdtemp(prefix="freight_shots_chrome_")
        # The browser's own words (file inputs) in the language shot.
        locale = lang.replace("_", "-")
        cmd = [
            executable,
            f"--accept-lang={locale}",
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-extensions",
            "--disable-translate",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--window-size={WIDTH},{HEIGHT}",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            f"--user-data-dir={self.profile}",
            "about:blank",
        ]
        self.log = open(os.path.join(self.profile, "chrome.log"), "wb")  # noqa: SIM115
        # On Linux, Chromium takes its own language from the environment.
        env = dict(os.environ, LANGUAGE=lang, LANG=f"{lang}.UTF-8")
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=self.log, env=env)
        port_file = pathlib.Path(self.profile, "DevToolsActivePort")
        for _ in range(300):
            if port_file.is_file() and port_file.stat().st_size > 5:
                break
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        else:
            self.close()
            sys.exit(f"Chromium did not start: see {self.profile}/chrome.log")
        if not port_file.is_file():
            sys.exit(f"Chromium stopped at start: see {self.profile}/chrome.log")
        port = int(port_file.read_text().splitlines()[0])
        targets = requests.get(f"http://127.0.0.1:{port}/json", timeout=10).json()
        page = next(t for t in targets if t["type"] == "page")
        self.ws = websocket.create_connection(
            page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True
        )
        self.next_id = 0
        self.events = []
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Network.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=WIDTH,
            height=HEIGHT,
            deviceScaleFactor=1,
            mobile=False,
        )
        # The web client shows dates in the browser's time zone: the demo
        # company's and its staff's, as a browser in China shows them.
        self.send("Emulation.setTimezoneOverride", timezoneId=TIMEZONE)
        self.send("Page.addScriptToEvaluateOnNewDocument", source=PENDING_COUNTER)

    def send(self, method, **params):
        self.next_id += 1
        msg_id = self.next_id
        self.ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == msg_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True
        )
        return result.get("result", {}).get("value")

    def console_errors(self):
        """Uncaught exceptions and console errors since the last call."""
        errors = []
        for event in self.events:
            if event["method"] == "Runtime.exceptionThrown":
                details = event["params"]["exceptionDetails"]
                text = details.get("exception", {}).get("description") or details.get(
                    "text"
                )
                errors.append(str(text).splitlines()[0])
            elif (
                event["method"] == "Runtime.consoleAPICalled"
                and event["params"]["type"] == "error"
            ):
                args = event["params"].get("args", [])
                errors.append(
                    " ".join(
                        str(a.get("value", a.get("description", ""))) for a in args
                    )[:200]
                )
        self.events = []
        return errors

    def set_session(self, base_url, session_id):
        self.send("Network.clearBrowserCookies")
        host = urllib.parse.urlparse(base_url).hostname
        self.send(
            "Network.setCookie",
            name="session_id",
            value=session_id,
            domain=host,
            path="/",
            httpOnly=True,
        )

    def open(self, url, selector, timeout=60):
        """Navigate and wait until ready; quiet for 0.8 s in a row."""
        self.events = []
        self.send("Page.navigate", url=url)
        check = READY_CHECK % json.dumps(selector)
        deadline = time.time() + timeout
        quiet_since = None
        while time.time() < deadline:
            if self.evaluate(check):
                quiet_since = quiet_since or time.time()
                if time.time() - quiet_since >= 0.8:
                    # Charts animate, dropdowns settle.
                    time.sleep(0.7)
                    return self.evaluate(check)
            else:
                quiet_since = None
            time.sleep(0.1)
        return False

    def screenshot(self, path):
        self.evaluate("document.activeElement && document.activeElement.blur()")
        data = self.send(
            "Page.captureScreenshot", format="png", captureBeyondViewport=False
        )
        path.write_bytes(base64.b64decode(data["data"]))

    def close(self):
        with contextlib.suppress(Exception):
            self.ws.close()
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)


class Odoo:
    """A JSON-RPC session of one user."""

    def __init__(self, url, db, login, password):
        self.url = url
        self.http = requests.Session()
        result = self.call(
            "/web/session/authenticate",
            {"db": db, "login": login, "password": password},
        )
        self.uid = result["uid"]
        self.session_id = self.http.cookies["session_id"]
        # Sent with every call, as the web client does: the session keeps
        # the language of its login.
        self.context = dict(result.get("user_context") or {})

    def call(self, path, params):
        response = self.http.post(
            self.url + path,
            json={"jsonrpc": "2.0", "method": "call", "params": params},
            timeout=120,
        )
        response.raise_for_status()
        body = response.json()
        if body.get("error"):
            raise RuntimeError(body["error"]["data"].get("message", body["error"]))
        return body["result"]

    def kw(self, model, method, args, **kwargs):
        kwargs.setdefault("context", self.context)
        return self.call(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
        )

    def first(self, model, *domains, order="id"):
        """The first record of the first domain that finds one."""
        for domain in domains:
            ids = self.kw(model, "search", [domain], limit=1, order=order)
            if ids:
                return ids[0]
        return None

    def set_lang(self, lang):
        self.kw("res.users", "write", [[self.uid], {"lang": lang}])
        self.context["lang"] = lang

    def lang(self):
        return self.kw("res.users", "read", [[self.uid], ["lang"]])[0]["lang"]


def act(xmlid, record=None, view_type=None):
    """The web client URL of an action, a record of it, or one of its views."""
    url = f"/odoo/action-{xmlid}"
    if record:
        url += f"/{record}"
    if view_type:
        url += f"?view_type={view_type}"
    return url


CUSTOMER = "freight_crm.res_partner_action_freight_customer"
EVALUATION = "freight_crm.freight_customer_evaluation_action"
CONTRACT = "freight_crm.freight_customer_contract_action"
KPI = "freight_crm.freight_customer_kpi_action"
KPI_REPORT = "freight_crm.freight_kpi_report_action"
DEPARTMENT = "freight_crm.freight_department_action"
SETTINGS = "freight_crm.res_config_settings_action_freight_crm"
COMPLAINT = "freight_crm_complaints.helpdesk_ticket_action_freight_complaint"
VISIT = "freight_crm_visits.freight_visit_action"
REVIEW = "freight_crm_visits.freight_visit_review_action"

COMPANY_CUSTOMER = [("freight_is_customer", "=", True), ("is_company", "=", True)]


def customer_form(odoo):
    """A graded customer the user looks after, else any graded one."""
    graded = [*COMPANY_CUSTOMER, ("freight_grade_id", "!=", False)]
    record = odoo.first(
        "res.partner",
        [*graded, ("freight_owner_id", "=", odoo.uid)],
        graded,
        COMPANY_CUSTOMER,
        order="freight_grade_id, id",
    )
    return record and act(CUSTOMER, record)


def evaluation_form(*states):
    def url(odoo):
        domains = [[("state", "=", state)] for state in states] + [[]]
        record = odoo.first("freight.customer.evaluation", *domains)
        return record and act(EVALUATION, record)

    return url


def contract_form(*states):
    def url(odoo):
        domains = [[("state", "=", state)] for state in states] + [[]]
        record = odoo.first("freight.customer.contract", *domains)
        return record and act(CONTRACT, record)

    return url


def visit_form(odoo):
    """A visit reported with its content (附表3), the user's own first."""
    reported = [("state", "in", ("submitted", "approved", "done"))]
    record = odoo.first(
        "freight.visit",
        [*reported, ("user_id", "=", odoo.uid)],
        reported,
        [],
        order="visit_date desc, id desc",
    )
    return record and act(VISIT, record)


def review_form(odoo):
    """The newest monthly review the user may read (the salesperson's own)."""
    record = odoo.first(
        "freight.visit.review",
        [("user_id", "=", odoo.uid)],
        [],
        order="date desc, id desc",
    )
    return record and act(REVIEW, record)


def complaint_form(odoo):
    record = odoo.first(
        "helpdesk.ticket",
        [("freight_is_complaint", "=", True), ("freight_escalation_level", ">", 0)],
        [("freight_is_complaint", "=", True)],
        order="id desc",
    )
    return record and act(COMPLAINT, record)


# login -> role name, and its screens: (name, url or url(odoo), selector).
ROLES = {
    "sales": (
        "salesperson",
        [
            ("home", "/odoo", BACKEND),
            ("customers", act(CUSTOMER, view_type="list"), BACKEND),
            ("customer", customer_form, BACKEND),
            ("evaluation", evaluation_form("draft"), BACKEND),
            ("contract", contract_form("draft", "manager_review"), BACKEND),
            ("visits", act(VISIT, view_type="kanban"), BACKEND),
            ("visit", visit_form, BACKEND),
            ("review", review_form, BACKEND),
        ],
    ),
    "service": (
        "service",
        [
            ("home", "/odoo", BACKEND),
            ("complaints", act(COMPLAINT), BACKEND),
            ("complaint", complaint_form, BACKEND),
            ("customer", customer_form, BACKEND),
        ],
    ),
    "manager": (
        "manager",
        [
            ("home", "/odoo", BACKEND),
            ("customer", customer_form, BACKEND),
            ("evaluation", evaluation_form("submitted"), BACKEND),
            ("contract", contract_form("manager_review", "deputy_review"), BACKEND),
            ("review", review_form, BACKEND),
            ("kpi-pivot", act(KPI, view_type="pivot"), BACKEND),
            ("kpi-graph", act(KPI, view_type="graph"), BACKEND),
            ("kpi-report", act(KPI_REPORT, view_type="graph"), BACKEND),
            ("departments", act(DEPARTMENT), BACKEND),
        ],
    ),
    "legal": (
        "legal",
        [
            ("home", "/odoo", BACKEND),
            ("contracts", act(CONTRACT), BACKEND),
            ("contract", contract_form("legal_review"), BACKEND),
        ],
    ),
    "admin": (
        "admin",
        [("settings", act(SETTINGS), BACKEND + " .settings")],
    ),
    "portal": (
        "portal",
        [
            ("tickets", "/my/tickets", "#wrap, main"),
            ("new-ticket", "/new/ticket", "form"),
        ],
    ),
}


def prepare(args):
    """What the demo data lacks for the managers' screens, done as the
    salesperson would in the web client: a draft evaluation and a new
    contract submitted for review (a signed grade A or B customer's without
    one), the month's review created. Each only when
    nothing of its kind awaits already. In the first language, for the
    salesperson and the managers who receive the activities: stored texts
    (chatter, activity summaries) are written in their language."""
    users = [
        Odoo(args.url, args.db, login, login) for login in ("sales", "manager", "admin")
    ]
    langs = [user.lang() for user in users]
    for user in users:
        user.set_lang(args.langs[0])
    try:
        return _prepare(users[0])
    finally:
        for user, lang in zip(users, langs, strict=True):
            user.set_lang(lang)


def _prepare(sales):
    done = []
    submitted = [("state", "=", "submitted")]
    if not sales.first("freight.customer.evaluation", submitted):
        draft = sales.first(
            "freight.customer.evaluation",
            [("state", "=", "draft"), ("user_id", "=", sales.uid)],
        )
        if draft:
            sales.kw("freight.customer.evaluation", "action_submit", [[draft]])
            done.append(f"evaluation {draft} submitted for review")
    in_review = [("state", "=", "manager_review")]
    if not sales.first("freight.customer.contract", in_review):
        partner = sales.first(
            "res.partner",
            [
                *COMPANY_CUSTOMER,
                ("freight_owner_id", "=", sales.uid),
                ("freight_customer_state", "=", "signed"),
                ("freight_grade_id.code", "in", ("A", "B")),
                ("freight_contract_ids", "=", False),
            ],
        )
        if partner:
            today = time.strftime("%Y-%m-%d")
            year_on = f"{int(today[:4]) + 1}{today[4:]}"
            contract = sales.kw(
                "freight.customer.contract",
                "create",
                [
                    {
                        "partner_id": partner,
                        "service_scope": "义乌至洛杉矶、长滩拼箱海运，目的港清关及派送",
                        "price_basis": "按季度报价单执行，旺季附加费另议",
                        "liability": "延误超过72小时按运费的5%赔付",
                        "date_start": today,
                        "date_end": year_on,
                        "is_long_term": True,
                    }
                ],
            )
            sales.kw("freight.customer.contract", "action_submit", [[contract]])
            done.append(f"contract {contract} submitted for review")
    if not sales.first("freight.visit.review", [("user_id", "=", sales.uid)]):
        review = sales.kw("freight.visit.review", "create", [{}])
        done.append(f"monthly review {review} created")
    return done


def shoot_role(browser, args, login, lang, findings):
    """The role's screens in one language: the user's language switched over
    JSON-RPC, restored afterwards."""
    role, screens = ROLES[login]
    try:
        odoo = Odoo(args.url, args.db, login, login)
    except Exception as exc:  # noqa: BLE001 - reported, the next role goes on
        findings.append(f"{login}: cannot log in ({exc})")
        return 0
    browser.set_session(args.url, odoo.session_id)
    original = odoo.lang()
    folder = pathlib.Path(args.out, lang)
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    odoo.set_lang(lang)
    try:
        for name, target, selector in screens:
            key = f"{role}-{name}"
            if args.only and key not in args.only:
                continue
            url = target(odoo) if callable(target) else target
            if not url:
                findings.append(f"{lang}/{key}: skipped, no record to show")
                continue
            count += shoot(
                browser, args, url, selector, folder / f"{key}.png", findings
            )
    finally:
        odoo.set_lang(original)
    return count


def shoot(browser, args, url, selector, path, findings):
    start = time.time()
    ready = browser.open(args.url + url, selector, timeout=args.timeout)
    problems = browser.evaluate(ERROR_CHECK) or ""
    errors = browser.console_errors()
    browser.screenshot(path)
    state = "ok" if ready else "NOT READY"
    print(f"  {path}  {state}  {time.time() - start:.1f} s  {url}", flush=True)
    if not ready:
        findings.append(f"{path}: not ready after {args.timeout} s")
    if problems:
        findings.append(f"{path}: {problems}")
    findings.extend(f"{path}: console: {e}" for e in errors)
    return 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--langs", default="zh_CN,en_US")
    parser.add_argument("--roles", default=",".join(ROLES))
    parser.add_argument("--only", default="", help="role-screen names, comma separated")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument(
        "--prepare",
        action="store_true",
        help="submit an evaluation and a contract, create a monthly review "
        "as the demo salesperson when none awaits (changes the database)",
    )
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()
    args.langs = [lang for lang in args.langs.split(",") if lang]
    args.only = {name for name in args.only.split(",") if name}
    roles = [role for role in args.roles.split(",") if role]
    unknown = set(roles) - set(ROLES)
    if unknown:
        sys.exit(f"Unknown roles {sorted(unknown)}: known are {', '.join(ROLES)}.")

    start = time.time()
    findings = []
    if args.prepare:
        for line in prepare(args):
            print(f"  prepared: {line}")
    total = 0
    for lang in args.langs:
        browser = Browser(args.chromium, lang)
        try:
            total += sum(
                shoot_role(browser, args, login, lang, findings) for login in roles
            )
        finally:
            browser.close()
    print(f"{total} screenshots in {time.time() - start:.0f} s under {args.out}")
    for finding in findings:
        print(f"  ! {finding}")
    return 1 if any("cannot log in" in f for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hostile input over JSON-RPC, driven by hypothesis.

Each example is a short sequence of `call_kw` requests sent exactly as the web
client sends them (`/web/dataset/call_kw/<model>/<method>`), as a salesperson
or a customer-service user: creates from a valid base (an existing record's
`copy_data()`) with random overrides, writes of random fields on one's own and
on other people's records, and `action_*` calls on 0, 1 or 2 random ids. The
values are well typed but hostile: NaN, +/-inf, huge and negative numbers,
dates at the ends of the calendar or empty, every selection value (every
state), many2one ids of other salespeople's and managers' records.

Every call must either succeed and leave the rulebook's invariants true
(checked as superuser after the call) or be refused with an
``odoo.exceptions`` error. Anything else (a traceback, the equivalent of
XML-RPC fault code 1, or NaN/inf in a response) fails the test.

The default run is small enough for `make test`; set
``FREIGHT_HYPOTHESIS_EXAMPLES`` (examples per model, default 12) for a longer
run, e.g. ``FREIGHT_HYPOTHESIS_EXAMPLES=500``.
"""

import json
import math
import os
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

EXAMPLES = int(os.environ.get("FREIGHT_HYPOTHESIS_EXAMPLES", "12"))

HOSTILE_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)

FLOATS = [
    float("nan"),
    float("inf"),
    float("-inf"),
    1e308,
    -1e9,
    -1.0,
    0.0,
    19.5,
    99.0,
    100.0,
    101.0,
]
INTEGERS = [0, -1, 3, 99, 2147483647, -2147483648]
DATES = ["9999-12-31", "9999-12-30", "0001-01-01", False, "2099-01-01", "2026-06-01"]
DATETIMES = [
    "9999-12-31 23:59:59",
    "0001-01-01 00:00:00",
    False,
    "2099-01-01 00:00:00",
    "2026-06-01 08:00:00",
]
TEXTS = ["", "x", "Hostile 测试", False]

# Fields never worth fuzzing: bookkeeping, mail, and the contact's identity.
SKIPPED_FIELDS = {
    "id",
    "create_uid",
    "create_date",
    "write_uid",
    "write_date",
    "display_name",
    "company_id",
    "currency_id",
    "access_token",
    "lang",
    "tz",
    "email",
    "image_1920",
}
# Fields of the standard models that the freight workflow depends on.
EXTRA_FIELDS = {
    "res.partner": ["user_id", "parent_id", "is_company", "active"],
    "helpdesk.ticket": ["user_id", "partner_id", "stage_id", "team_id"],
}
FUZZED_MODELS = [
    "freight.customer.evaluation",
    "freight.customer.evaluation.line",
    "freight.customer.contract",
    "freight.customer.risk",
    "freight.customer.share",
    "freight.customer.kpi",
    "freight.visit",
    "freight.visit.review",
    "freight.visit.review.line",
    "res.partner",
    "helpdesk.ticket",
]


def _reject_constant(name):
    raise ValueError(f"{name} in a JSON-RPC response")


@tagged("post_install", "-at_install")
class TestHostileRpc(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.salesperson = new_test_user(
            env,
            login="hostile_sales",
            groups="freight_crm.group_freight_salesperson",
            lang="en_US",
        )
        cls.other_salesperson = new_test_user(
            env,
            login="hostile_sales2",
            groups="freight_crm.group_freight_salesperson",
            lang="en_US",
        )
        cls.service = new_test_user(
            env,
            login="hostile_service",
            groups="freight_crm.group_freight_service",
            lang="en_US",
        )
        cls.manager = new_test_user(
            env,
            login="hostile_manager",
            groups="freight_crm.group_freight_manager",
            lang="en_US",
        )
        cls.owners = {
            "own": cls.salesperson,
            "other": cls.other_salesperson,
            "manager": cls.manager,
        }
        cls.customers = {}
        for key, user in cls.owners.items():
            cls.customers[key] = env["res.partner"].create(
                {
                    "name": f"Hostile {key} customer",
                    "is_company": True,
                    "user_id": user.id,
                    "freight_customer_state": "signed",
                    "freight_admission_passed": True,
                }
            )
        cls.customers["own_potential"] = env["res.partner"].create(
            {
                "name": "Hostile own prospect",
                "is_company": True,
                "user_id": cls.salesperson.id,
            }
        )
        cls.customers["own_contact"] = env["res.partner"].create(
            {"name": "Hostile contact", "parent_id": cls.customers["own"].id}
        )
        cls.fixture_errors = {}
        cls.confirm_error = None
        cls.records = {"res.partner": {}}
        cls.records["res.partner"] = dict(cls.customers)
        for model in FUZZED_MODELS:
            if model in env and model != "res.partner":
                cls.records[model] = cls._make_records(model)
        cls._confirm_other_evaluation()
        cls.fields_info = {
            model: cls._fuzzed_fields(model) for model in cls.records if model in env
        }
        cls.actions = {model: cls._action_names(model) for model in cls.fields_info}
        cls.baseline = cls._violations()

    # -- fixtures -------------------------------------------------------------

    @classmethod
    def _base_values(cls, model, key):
        """Values a record of `model` owned by `owners[key]` needs."""
        env = cls.env
        Model = env[model]
        user = cls.owners.get(key, cls.salesperson)
        customer = cls.customers.get(key, cls.customers["own"])
        vals = {}
        parents = {
            "evaluation_id": "freight.customer.evaluation",
            "review_id": "freight.visit.review",
        }
        for name, comodel in parents.items():
            if name in Model._fields and cls.records.get(comodel, {}).get(key):
                vals[name] = cls.records[comodel][key].id
        for name, field in Model._fields.items():
            if name in vals or not field.store or field.compute:
                continue
            if name == "partner_id":
                vals[name] = customer.id
            elif name == "user_id" and field.comodel_name == "res.users":
                vals[name] = user.id
            elif not field.required or name in Model.default_get([name]):
                continue
            elif field.type in ("char", "text", "html"):
                vals[name] = f"Hostile {key}"
            elif field.type == "date":
                vals[name] = fields.Date.today() + timedelta(days=60)
            elif field.type == "datetime":
                vals[name] = fields.Datetime.now()
            elif field.type == "selection":
                vals[name] = field.get_values(env)[0]
            elif field.type in ("float", "monetary", "integer"):
                vals[name] = 1
            elif field.type == "many2one":
                vals[name] = env[field.comodel_name].search([], limit=1).id
        return vals

    @classmethod
    def _make_records(cls, model):
        records = {}
        for key in ("own", "other", "manager"):
            try:
                with cls.env.cr.savepoint():
                    records[key] = cls.env[model].create(cls._base_values(model, key))
            except Exception as error:  # noqa: BLE001 - reported by the fixtures test
                cls.fixture_errors[f"{model} ({key})"] = str(error)
        if model == "freight.customer.evaluation.line":
            for key, evaluation in cls.records.get(
                "freight.customer.evaluation", {}
            ).items():
                if evaluation.line_ids:
                    records[key] = evaluation.line_ids[0]
        return records

    @classmethod
    def _confirm_other_evaluation(cls):
        """A colleague's confirmed evaluation: the target of parent switches."""
        evaluation = cls.records.get("freight.customer.evaluation", {}).get("other")
        if not evaluation:
            return
        evaluation.line_ids.write({"score": 10})
        try:
            with cls.env.cr.savepoint():
                evaluation.with_user(cls.manager).action_confirm()
        except Exception as error:  # noqa: BLE001 - stays a draft target then
            cls.confirm_error = str(error)

    @classmethod
    def _fuzzed_fields(cls, model):
        Model = cls.env[model]
        names = []
        for name, field in Model._fields.items():
            if name in SKIPPED_FIELDS or field.type in (
                "one2many",
                "many2many",
                "binary",
                "html",
                "properties",
                "json",
                "reference",
                "many2one_reference",
            ):
                continue
            if model in EXTRA_FIELDS and not (
                name.startswith("freight_") or name in EXTRA_FIELDS[model]
            ):
                continue
            if field.related or (field.compute and not field.store):
                continue
            if name.startswith(("message_", "activity_", "website_")):
                continue
            names.append(name)
        return names

    @classmethod
    def _action_names(cls, model):
        Model = type(cls.env[model])
        names = []
        for name in dir(Model):
            if not name.startswith("action_"):
                continue
            if model in EXTRA_FIELDS and not name.startswith("action_freight_"):
                continue
            method = getattr(Model, name, None)
            module = getattr(method, "__module__", "") or ""
            if callable(method) and module.startswith("odoo.addons.freight_crm"):
                names.append(name)
        return sorted(names)

    # -- strategies -----------------------------------------------------------

    def _ids_of(self, comodel):
        env = self.env
        ids = [False]
        if comodel == "res.users":
            ids += [u.id for u in self.owners.values()] + [self.service.id]
        elif comodel in self.records:
            ids += [r.id for r in self.records[comodel].values()]
        ids += env[comodel].sudo().search([], limit=3, order="id desc").ids
        return ids

    def _values_for(self, model, name):
        field = self.env[model]._fields[name]
        kind = field.type
        if kind in ("float", "monetary"):
            return st.sampled_from(FLOATS)
        if kind == "integer":
            return st.sampled_from(INTEGERS)
        if kind == "boolean":
            return st.booleans()
        if kind == "date":
            return st.sampled_from(DATES)
        if kind == "datetime":
            return st.sampled_from(DATETIMES)
        if kind == "selection":
            values = [v for v, _label in field._description_selection(self.env)]
            return st.sampled_from(values + [False])
        if kind == "many2one":
            return st.sampled_from(self._ids_of(field.comodel_name))
        return st.sampled_from(TEXTS)

    def _vals(self, draw, model):
        names = draw(
            st.lists(
                st.sampled_from(self.fields_info[model]),
                min_size=1,
                max_size=4,
                unique=True,
            )
        )
        return {name: draw(self._values_for(model, name)) for name in names}

    def _call(self, draw, model):
        records = self.records[model]
        keys = sorted(records)
        operations = ["create", "write"]
        if self.actions[model]:
            operations.append("action")
        operation = draw(st.sampled_from(operations))
        role = "sales"
        if model == "helpdesk.ticket":
            role = draw(st.sampled_from(["sales", "service"]))
        if operation == "create":
            base = records[draw(st.sampled_from(keys))]
            vals = {
                key: value
                for key, value in base.sudo().copy_data()[0].items()
                if isinstance(value, (str, int, float, bool))
                and key not in ("number", "properties")
            }
            vals.update(self._vals(draw, model))
            return role, model, "create", [[vals]]
        if operation == "write":
            targets = draw(st.lists(st.sampled_from(keys), min_size=1, max_size=2))
            ids = sorted({records[key].id for key in targets})
            return role, model, "write", [ids, self._vals(draw, model)]
        method = draw(st.sampled_from(self.actions[model]))
        targets = draw(st.lists(st.sampled_from(keys), min_size=0, max_size=2))
        ids = [records[key].id for key in targets]
        return role, model, method, [ids]

    # -- JSON-RPC -------------------------------------------------------------

    def _login(self, role):
        if getattr(self, "_role", None) != role:
            user = self.salesperson if role == "sales" else self.service
            self.authenticate(user.login, user.login)
            self._role = role

    def _rpc(self, model, method, args):
        payload = {
            "id": 1,
            "jsonrpc": "2.0",
            "method": "call",
            "params": {
                "model": model,
                "method": method,
                "args": args,
                "kwargs": {"context": {"lang": "en_US", "tz": "Asia/Shanghai"}},
            },
        }
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(payload, default=str),
            headers={"Content-Type": "application/json"},
            timeout=60,
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        return json.loads(response.text, parse_constant=_reject_constant)

    # -- invariants -----------------------------------------------------------

    @classmethod
    def _violations(cls):
        """Every broken invariant, as a set of readable strings."""
        env = cls.env
        env.invalidate_all()
        found = cls._evaluation_violations() | cls._workflow_violations()
        found |= cls._non_finite_floats()
        return found

    @classmethod
    def _evaluation_violations(cls):
        """A confirmed evaluation's total is its lines' and its grade the
        grade for that total."""
        env = cls.env
        found = set()
        if "freight.customer.evaluation" in env:
            grades = env["freight.customer.grade"]._freight_active_grades()
            for evaluation in env["freight.customer.evaluation"].search(
                [("state", "=", "confirmed")]
            ):
                lines_total = round(
                    sum(line.weight * line.score / 100 for line in evaluation.line_ids),
                    2,
                )
                if not math.isclose(evaluation.total_score, lines_total, abs_tol=0.01):
                    found.add(
                        f"evaluation {evaluation.id}: total "
                        f"{evaluation.total_score} != lines {lines_total}"
                    )
                expected = grades._freight_grade_for_score(evaluation.total_score)
                if evaluation.grade_id != expected:
                    found.add(
                        f"evaluation {evaluation.id}: grade "
                        f"{evaluation.grade_id.code} for score "
                        f"{evaluation.total_score}, expected {expected.code}"
                    )
        return found

    @classmethod
    def _workflow_violations(cls):
        env = cls.env
        found = set()
        managers = env.ref("freight_crm.group_freight_manager").all_user_ids
        for partner in env["res.partner"].search(
            [
                ("freight_customer_state", "=", "signed"),
                ("parent_id", "=", False),
                ("freight_admission_passed", "=", False),
            ]
        ):
            if partner.freight_admission_exception_user_id not in managers:
                found.add(f"customer {partner.id}: signed without admission")
        if "freight.visit" in env:
            for visit in env["freight.visit"].search([("state", "=", "approved")]):
                if not visit.approver_id or visit.approver_id == visit.user_id:
                    found.add(f"visit {visit.id}: approved by {visit.approver_id.id}")
        if "freight.visit.review" in env:
            for review in env["freight.visit.review"].search(
                [("state", "=", "reviewed")]
            ):
                if not review.reviewer_id or review.reviewer_id == review.user_id:
                    found.add(
                        f"review {review.id}: reviewed by {review.reviewer_id.id}"
                    )
        if "freight.customer.contract" in env:
            for contract in env["freight.customer.contract"].search(
                [("state", "in", ("approved", "signed"))]
            ):
                if not (contract.manager_approver_id and contract.legal_approver_id):
                    found.add(
                        f"contract {contract.id}: {contract.state} without approvals"
                    )
        if "freight_intake_date" in env["helpdesk.ticket"]._fields:
            for ticket in env["helpdesk.ticket"].search(
                [
                    ("freight_intake_date", "!=", False),
                    ("freight_deadline", "!=", False),
                ]
            ):
                if ticket.freight_deadline <= ticket.freight_intake_date:
                    found.add(f"complaint {ticket.id}: deadline not after intake")
        return found

    @classmethod
    def _non_finite_floats(cls):
        found = set()
        for model in FUZZED_MODELS + ["freight.customer.grade"]:
            if model not in cls.env:
                continue
            Model = cls.env[model]
            for name, field in Model._fields.items():
                if field.type not in ("float", "monetary") or not field.store:
                    continue
                if not field.column_type or field.column_type[0] not in (
                    "float8",
                    "numeric",
                ):
                    continue
                cls.env.cr.execute(
                    f'SELECT id FROM "{Model._table}" WHERE "{name}" '
                    "IN ('NaN', 'Infinity', '-Infinity') LIMIT 1"
                )
                for (record_id,) in cls.env.cr.fetchall():
                    found.add(f"{model} {record_id}: {name} is not finite")
        return found

    # -- the test -------------------------------------------------------------

    def _run_sequence(self, model, data):
        # Each example starts from the fixtures, so a failure replays alike.
        self.env.flush_all()
        self.env.cr.execute("SAVEPOINT hostile_example")
        try:
            self._run_calls(model, data)
        finally:
            self.env.cr.execute("ROLLBACK TO SAVEPOINT hostile_example")
            self.env.invalidate_all()
            self.env.registry.clear_cache()

    def _run_calls(self, model, data):
        for _index in range(data.draw(st.integers(min_value=1, max_value=3))):
            role, model_name, method, args = self._call(data.draw, model)
            self._login(role)
            with mute_logger("odoo.http", "odoo.sql_db", "odoo.models"):
                answer = self._rpc(model_name, method, args)
            call = f"{role}: {model_name}.{method}{json.dumps(args, default=str)}"
            if "error" in answer:
                error = answer["error"].get("data", {})
                self.assertTrue(
                    str(error.get("name", "")).startswith("odoo.exceptions."),
                    f"{call} crashed: {error.get('name')}: {error.get('message')}",
                )
                continue
            new = self._violations() - self.baseline
            self.assertFalse(new, f"{call} was accepted and broke: {sorted(new)}")

    def _fuzz(self, model):
        if not self.records.get(model):
            self.skipTest(f"no base record of {model}")

        @HOSTILE_SETTINGS
        @given(data=st.data())
        def run(data):
            self._run_sequence(model, data)

        run()

    def test_evaluation(self):
        self._fuzz("freight.customer.evaluation")

    def test_evaluation_line(self):
        self._fuzz("freight.customer.evaluation.line")

    def test_contract(self):
        self._fuzz("freight.customer.contract")

    def test_risk(self):
        self._fuzz("freight.customer.risk")

    def test_share(self):
        self._fuzz("freight.customer.share")

    def test_kpi(self):
        self._fuzz("freight.customer.kpi")

    def test_visit(self):
        self._fuzz("freight.visit")

    def test_visit_review(self):
        self._fuzz("freight.visit.review")

    def test_visit_review_line(self):
        self._fuzz("freight.visit.review.line")

    def test_partner(self):
        self._fuzz("res.partner")

    def test_complaint(self):
        self._fuzz("helpdesk.ticket")

    def test_fixtures_cover_every_model(self):
        """The fuzzing is only worth something if every model has a base."""
        missing = [m for m in FUZZED_MODELS if not self.records.get(m)]
        self.assertFalse(missing, f"no base record for {missing}")
        self.assertFalse(self.fixture_errors)

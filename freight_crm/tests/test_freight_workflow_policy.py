# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Tests generated from the guard policy of each freight model: every
guarded field x every role x create and write. A changed value is refused
(or, for the requester of a sharing request, replaced by the truth); the
default and the unchanged value are accepted wherever the role may create
or write the record at all."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.freight_crm.models.freight_workflow_guard import (
    COMPUTED,
    PARENT,
    WORKFLOW,
)

from .common import FreightContractCase

# AccessError and ValidationError are UserErrors: any clean refusal.
REFUSED = UserError
ROLES = ("sales", "sales2", "service", "legal", "manager")


@tagged("post_install", "-at_install")
class TestFreightWorkflowPolicy(FreightContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager2 = new_test_user(
            cls.env, login="fc4_manager2", groups="freight_crm.group_freight_manager"
        )
        cls.mine = cls.customer_c
        cls.theirs = cls.other_customer
        cls.criterion = cls.env["freight.evaluation.criterion"].search([], limit=1)
        cls.owned = {
            "sales": cls.mine,
            "sales2": cls.theirs,
            "service": cls.mine,
            "legal": cls.mine,
            "manager": cls.mine,
        }

    # ------------------------------------------------------------------
    # One record of each model, and the values a client could send
    # ------------------------------------------------------------------
    def _base_vals(self, model, partner):
        """Values a role sends to create a record of ``model`` for its
        customer ``partner``."""
        if model == "freight.customer.evaluation":
            return {"partner_id": partner.id}
        if model == "freight.customer.evaluation.line":
            evaluation = self.env["freight.customer.evaluation"].create(
                {"partner_id": partner.id, "line_ids": []}
            )
            return {"evaluation_id": evaluation.id, "criterion_id": self.criterion.id}
        if model == "freight.customer.contract":
            return self._contract_vals(partner)
        if model == "freight.customer.risk":
            return {"name": "运费拖欠", "partner_id": partner.id, "level": "low"}
        if model == "freight.customer.share":
            other = self.theirs if partner == self.mine else self.mine
            return {
                "partner_id": other.id,
                "reason": "客户交接",
                "date_expiry": "2099-01-01",
            }
        if model == "freight.customer.kpi":
            return {
                "partner_id": partner.id,
                "date_start": "2026-07-01",
                "date_end": "2026-09-30",
            }
        if model == "freight.customer.reward":
            return {"partner_id": partner.id, "reason": "按时付款", "kind": "reward"}
        raise AssertionError(model)

    def _record(self, model, partner=None):
        """A record of ``model`` for the first salesperson's customer, made
        by superuser, in the first state of its workflow."""
        vals = self._base_vals(model, partner or self.mine)
        if model == "freight.customer.share":
            vals["requested_by_id"] = self.sales.id
        return self.env[model].create(vals)

    def _changed_value(self, record, name, current=None):
        """A value of field ``name`` different from ``record``'s (or from
        ``current``, a default)."""
        field = record._fields[name]
        current = record[name] if current is None else current
        if field.type == "selection":
            values = [key for key, _label in field._description_selection(self.env)]
            return next(value for value in reversed(values) if value != current)
        if field.type == "many2one":
            candidates = {
                "res.users": self.manager2,
                "freight.customer.grade": self.grade_a,
                "res.partner": self.theirs,
            }
            if field.comodel_name in candidates:
                candidate = candidates[field.comodel_name]
                current_id = current.id if hasattr(current, "id") else current
                return (candidate if candidate.id != current_id else self.manager).id
            return False
        if field.type == "datetime":
            return "2026-03-01 08:00:00"
        if field.type == "date":
            return "2026-03-01"
        if field.type in ("float", "monetary", "integer"):
            return 99
        if field.type == "boolean":
            return not current
        return "FORGED-1"

    @staticmethod
    def _sendable(record, name):
        value = record[name]
        field = record._fields[name]
        return field.convert_to_write(value, record)

    def _can(self, user, model, operation, record=None):
        Model = self.env[model].with_user(user)
        if not Model.has_access(operation):
            return False
        if record is not None:
            return bool(record.with_user(user)._filtered_access(operation))
        return True

    def _guarded(self, model, rules):
        policy = self.env[model]._freight_guard_policy()
        return [name for name, rule in policy.items() if rule in rules]

    # ------------------------------------------------------------------
    # WORKFLOW and COMPUTED fields: create and write, every role
    # ------------------------------------------------------------------
    MODELS = (
        "freight.customer.evaluation",
        "freight.customer.evaluation.line",
        "freight.customer.contract",
        "freight.customer.risk",
        "freight.customer.share",
        "freight.customer.kpi",
        "freight.customer.reward",
    )

    def test_write_changed_refused_unchanged_accepted(self):
        accepted = set()
        for model in self.MODELS:
            record = self._record(model)
            for name in self._guarded(model, (WORKFLOW, COMPUTED)):
                changed = self._changed_value(record, name)
                before = self._sendable(record, name)
                for role in ROLES:
                    user = getattr(self, role)
                    with self.subTest(model=model, field=name, role=role):
                        with self.assertRaises(REFUSED):
                            record.with_user(user).write({name: changed})
                        record.invalidate_recordset()
                        self.assertEqual(self._sendable(record, name), before)
                        if self._can(user, model, "write", record):
                            record.with_user(user).write({name: before})
                            accepted.add((model, role))
        for pair in (
            ("freight.customer.evaluation", "sales"),
            ("freight.customer.evaluation.line", "sales"),
            ("freight.customer.contract", "sales"),
            ("freight.customer.contract", "legal"),
            ("freight.customer.risk", "sales"),
            ("freight.customer.share", "sales"),
            ("freight.customer.kpi", "service"),
            ("freight.customer.evaluation", "manager"),
        ):
            self.assertIn(pair, accepted)

    def test_create_changed_refused_default_accepted(self):
        accepted = set()
        for model in self.MODELS:
            sample = self._record(model)
            for name in self._guarded(model, (WORKFLOW, COMPUTED)):
                for role in ROLES:
                    user = getattr(self, role)
                    Model = self.env[model].with_user(user)
                    default = Model.default_get([name]).get(name, False)
                    changed = self._changed_value(sample, name, default)
                    vals = self._base_vals(model, self.owned[role])
                    with self.subTest(model=model, field=name, role=role):
                        try:
                            with self.env.cr.savepoint():
                                created = Model.create(dict(vals, **{name: changed}))
                                created.flush_recordset()
                        except REFUSED:
                            created = None
                        if created is not None:
                            # Only the sharing's requester is replaced by
                            # the truth instead of refused.
                            self.assertEqual(name, "requested_by_id")
                            self.assertEqual(created[name], user)
                        if self._can(user, model, "create"):
                            try:
                                with self.env.cr.savepoint():
                                    base = Model.create(dict(vals))
                            except AccessError:
                                continue  # record rules: not the role's customer
                            self.assertTrue(base)
                            self.assertTrue(Model.create(dict(vals, **{name: default})))
                            accepted.add((model, role))
        # The roles that keep these records did send their defaults.
        for pair in (
            ("freight.customer.evaluation", "sales"),
            ("freight.customer.evaluation", "manager"),
            ("freight.customer.contract", "sales"),
            ("freight.customer.risk", "sales"),
            ("freight.customer.share", "sales"),
            ("freight.customer.kpi", "service"),
        ):
            self.assertIn(pair, accepted)

    # ------------------------------------------------------------------
    # PARENT fields: fixed once the record left draft, and on a draft only
    # a parent the user may write
    # ------------------------------------------------------------------
    def _closed(self, model):
        """A record of ``model`` that left draft (superuser)."""
        record = self._record(model)
        if model == "freight.customer.evaluation":
            record.line_ids.score = 70
            record.action_confirm()
        elif model == "freight.customer.evaluation.line":
            evaluation = self._record("freight.customer.evaluation")
            evaluation.line_ids.score = 70
            evaluation.action_confirm()
            record = evaluation.line_ids[:1]
        elif model == "freight.customer.contract":
            record.action_submit()
        elif model == "freight.customer.risk":
            record.level = "high"
        return record

    def test_parent_fixed_once_left_draft(self):
        targets = {
            "freight.customer.evaluation": lambda: self.customer_b,
            "freight.customer.evaluation.line": lambda: self._record(
                "freight.customer.evaluation", self.customer_b
            ),
            "freight.customer.contract": lambda: self.customer_b,
            "freight.customer.risk": lambda: self.customer_b,
        }
        for model, target in targets.items():
            for name in self._guarded(model, (PARENT,)):
                record = self._closed(model)
                new_parent = target()
                before = record[name]
                for role in ROLES:
                    with self.subTest(model=model, field=name, role=role):
                        with self.assertRaises(REFUSED):
                            record.with_user(getattr(self, role)).write(
                                {name: new_parent.id}
                            )
                        record.invalidate_recordset()
                        self.assertEqual(record[name], before)
                        user = getattr(self, role)
                        if self._can(user, model, "write", record):
                            record.with_user(user).write({name: before.id})

    def test_parent_on_draft_must_be_writable(self):
        """A salesperson cannot create or move a draft onto a colleague's
        customer (or evaluation); onto their own it works."""
        for model in (
            "freight.customer.evaluation",
            "freight.customer.contract",
            "freight.customer.risk",
        ):
            Model = self.env[model].with_user(self.sales)
            with self.subTest(model=model, operation="create"):
                with self.assertRaises(REFUSED):
                    Model.create(self._base_vals(model, self.theirs))
                self.assertTrue(Model.create(self._base_vals(model, self.mine)))
            with self.subTest(model=model, operation="write"):
                record = Model.create(self._base_vals(model, self.mine))
                with self.assertRaises(REFUSED):
                    record.write({"partner_id": self.theirs.id})
                record.invalidate_recordset()
                self.assertEqual(record.partner_id, self.mine)
                record.write({"partner_id": self.customer_b.id})
                self.assertEqual(record.partner_id, self.customer_b)
        line = self._record("freight.customer.evaluation").line_ids[:1]
        theirs = self._record("freight.customer.evaluation", self.theirs)
        with self.assertRaises(REFUSED):
            line.with_user(self.sales).evaluation_id = theirs
        line.invalidate_recordset()
        self.assertNotEqual(line.evaluation_id, theirs)

    def test_manager_moves_a_draft(self):
        evaluation = self._record("freight.customer.evaluation")
        evaluation.with_user(self.manager).partner_id = self.theirs
        self.assertEqual(evaluation.partner_id, self.theirs)
        contract = self._record("freight.customer.contract")
        contract.with_user(self.manager).partner_id = self.theirs
        self.assertEqual(contract.partner_id, self.theirs)

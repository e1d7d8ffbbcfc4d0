# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import math
from datetime import date, datetime

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.measured_fields import is_measured

# Rules of the guard policy (see FreightWorkflowGuard._freight_guard_policy).
WORKFLOW = "workflow"
COMPUTED = "computed"
PARENT = "parent"
# Dates the working-calendar arithmetic handles; anything outside is a typo.
MIN_YEAR = 1900
MAX_YEAR = 2999
# What an integer column (int4) holds.
INT_MIN = -(2**31)
INT_MAX = 2**31 - 1


# No figure of the rulebook comes near it; beyond it, rounding to a currency
# or summing overflows.
MAX_FIGURE = 1e15


class FreightWorkflowGuard(models.AbstractModel):
    """One mechanism that holds the rulebook's workflow fields at the server.

    A model lists in ``_freight_guard_policy()`` which of its fields belong
    to the workflow and who may change them:

    - ``WORKFLOW``: states, approvers, approval dates, levels, owners. Only
      the model's ``action_*`` methods change them; they check the state,
      the role and the preconditions, then write through ``sudo()``.
    - ``COMPUTED``: stored computed totals, never written by a client.
    - ``PARENT``: the link to the record this one belongs to (customer,
      evaluation, review, ticket). Set on a draft, it must point to a
      record the user may write; once the record has left draft
      (``_freight_guard_is_open()`` false) it is fixed.
    - a group XML id: only members of that group change the field.

    It is enforced on ``create`` and ``write`` alike, for every client: a
    value equal to the default (create) or to the current value (write) is
    never refused, so the web form's own payload always passes. Superuser
    code (actions after their checks, crons, data files) is not limited.

    Every Float and Monetary field is also refused NaN and infinity, and
    every Date and Datetime field a year outside 1900-2999, with a
    translated error before any arithmetic runs.
    """

    _name = "freight.workflow.guard"
    _description = "Freight CRM Workflow Guard"
    # What a client writing a WORKFLOW field gets (see
    # _freight_guard_workflow_message); AccessError where the refusal is
    # about who decides rather than how.
    _freight_guard_workflow_error = UserError

    @api.model
    def _freight_guard_policy(self):
        """{field name: WORKFLOW | COMPUTED | PARENT | group xml id}."""
        return {}

    def _freight_guard_is_open(self):
        """Whether the record may still be moved to another parent."""
        self.ensure_one()
        return "state" not in self._fields or self.state in (False, "draft")

    # CRUD --------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self._freight_guard_values(vals_list)
        records = self
        if not self.env.su:
            records, vals_list = self._freight_guard_context_defaults(vals_list)
            records._freight_guard_create(vals_list)
        return super(FreightWorkflowGuard, records).create(vals_list)

    def write(self, vals):
        self._freight_guard_values([vals])
        if not self.env.su:
            self._freight_guard_write(vals)
            self._freight_guard_check_frozen(vals)
        res = super().write(vals)
        policy = self._freight_guard_policy()
        if not self.env.su and any(policy.get(name) == PARENT for name in vals):
            # Record rules are checked before a write only: the record must
            # still be one the user may write under its new parent.
            self.check_access("write")
        return res

    @api.model
    def _freight_guard_context_defaults(self, vals_list):
        """``default_<field>`` context keys are sent by the client like
        values: move those of guarded fields into the values, so that they
        are compared with the field's own default instead of slipping past
        the guard as defaults."""
        policy = self._freight_guard_policy()
        context = self.env.context
        sent = {
            name: context[f"default_{name}"]
            for name in policy
            if f"default_{name}" in context
        }
        if not sent:
            return self, vals_list
        cleaned = {
            key: value
            for key, value in context.items()
            if not (key.startswith("default_") and key[8:] in sent)
        }
        vals_list = [dict(sent, **vals) for vals in vals_list]
        # The whole context is replaced: removing keys is the point.
        return self.with_env(self.env(context=cleaned)), vals_list

    # Checks ------------------------------------------------------------
    @api.model
    def _freight_guard_values(self, vals_list):
        """Refuse NaN, infinity, dates out of range, integers the database
        cannot store and unknown selection values, for any caller."""
        for vals in vals_list:
            for name, value in vals.items():
                field = self._fields.get(name)
                if field is None or value in (None, False, ""):
                    continue
                if field.type in ("float", "monetary"):
                    self._freight_guard_finite(field, value)
                elif field.type in ("date", "datetime"):
                    self._freight_guard_date(field, value)
                elif field.type == "integer":
                    self._freight_guard_integer(field, value)
                elif field.type == "selection" and field.store:
                    self._freight_guard_selection(field, value)

    @api.model
    def _freight_guard_integer(self, field, value):
        try:
            number = int(value)
        except (TypeError, ValueError, OverflowError):
            number = None
        if number is None or not INT_MIN <= number <= INT_MAX:
            raise ValidationError(
                self.env._(
                    "%(field)s: %(value)s is not a valid whole number.",
                    field=self._freight_guard_label(field.name),
                    value=value,
                )
            )

    @api.model
    def _freight_guard_selection(self, field, value):
        if value not in field.get_values(self.env):
            raise ValidationError(
                self.env._(
                    "%(field)s: %(value)s is not one of the allowed values.",
                    field=self._freight_guard_label(field.name),
                    value=value,
                )
            )

    @api.model
    def _freight_guard_finite(self, field, value):
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not math.isfinite(number):
            raise ValidationError(
                self.env._(
                    "%(field)s must be a finite number, not %(value)s.",
                    field=self._freight_guard_label(field.name),
                    value=value,
                )
            )
        if abs(number) >= MAX_FIGURE:
            raise ValidationError(
                self.env._(
                    "%(field)s is too large (%(value)s): enter a figure below "
                    "one thousand trillion.",
                    field=self._freight_guard_label(field.name),
                    value=value,
                )
            )

    @api.model
    def _freight_guard_date(self, field, value):
        try:
            if isinstance(value, datetime | date):
                parsed = value
            elif field.type == "date":
                parsed = fields.Date.to_date(value)
            else:
                parsed = fields.Datetime.to_datetime(value)
        except (TypeError, ValueError) as error:
            raise ValidationError(
                self.env._(
                    "%(field)s: %(value)s is not a valid date.",
                    field=self._freight_guard_label(field.name),
                    value=value,
                )
            ) from error
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:
            raise ValidationError(
                self.env._(
                    "%(field)s: the year must lie between %(min)s and %(max)s.",
                    field=self._freight_guard_label(field.name),
                    min=MIN_YEAR,
                    max=MAX_YEAR,
                )
            )

    @api.model
    def _freight_guard_create(self, vals_list):
        policy = self._freight_guard_policy()
        names = {name for vals in vals_list for name in vals} & set(policy)
        if not names:
            return
        defaults = self.default_get(list(names))
        for vals in vals_list:
            for name in set(vals) & names:
                if self._freight_guard_same(name, vals[name], defaults.get(name)):
                    continue
                self._freight_guard_refuse(name, policy[name], vals[name], None)

    def _freight_guard_write(self, vals):
        policy = self._freight_guard_policy()
        names = set(vals) & set(policy)
        for name in names:
            for record in self:
                if record._freight_guard_same(name, vals[name], record[name]):
                    continue
                record._freight_guard_refuse(name, policy[name], vals[name], record)

    def _freight_guard_frozen(self):
        """The fields this record's state no longer lets anyone change
        (what was approved, decided or signed). Override per model; the
        guard refuses a change of any of them on write."""
        self.ensure_one()
        return ()

    def _freight_guard_frozen_message(self, changed):
        """The translated refusal for changing the frozen fields ``changed``
        (their labels are appended); override to say how to proceed."""
        self.ensure_one()
        return self.env._("%s can no longer be changed:", self.display_name)

    def _freight_guard_check_frozen(self, vals):
        """Refuse changing a field frozen in the record's state; a value
        equal to the current one is no change."""
        for record in self:
            changed = sorted(
                name
                for name in set(record._freight_guard_frozen()) & set(vals)
                if not record._freight_guard_same(name, vals[name], record[name])
            )
            if changed:
                labels = ", ".join(record._freight_guard_label(n) for n in changed)
                # The translated refusal, then the translated field labels.
                message = f"{record._freight_guard_frozen_message(changed)} {labels}"
                raise UserError(message)

    @api.model
    def _freight_guard_same(self, name, new, old):
        """Whether ``new`` (a value as a client sends it) equals ``old`` (a
        default or the record's current value)."""
        field = self._fields[name]
        if field.type in ("one2many", "many2many"):
            return False
        record = self.browse()
        new_cache = field.convert_to_cache(new, record, validate=False)
        if isinstance(old, models.BaseModel):
            old = old.id if field.type == "many2one" else old
        old_cache = field.convert_to_cache(old, record, validate=False)
        if is_measured(field) and (new_cache is None or old_cache is None):
            # A blank measured figure is "not measured", not 0: entering 0
            # over a blank (or clearing a 0) is a change.
            return new_cache is None and old_cache is None
        if field.type in ("float", "monetary"):
            return math.isclose(new_cache or 0.0, old_cache or 0.0, abs_tol=1e-9)
        return (new_cache or False) == (old_cache or False)

    def _freight_guard_workflow_message(self, label, record):
        """The translated refusal for a client setting the workflow field
        ``label`` (on ``record``, or on a new record when it is None).
        Override to name the model's buttons; the error raised is of class
        ``_freight_guard_workflow_error``."""
        return self.env._(
            "%(field)s is set by the workflow, not by hand: use the "
            "buttons of the form.",
            field=label,
        )

    def _freight_guard_computed_message(self, label):
        """The translated refusal for a client setting the computed field
        ``label``; override to say what to change instead."""
        return self.env._(
            "%(field)s is set by the workflow, not by hand: use the "
            "buttons of the form.",
            field=label,
        )

    def _freight_guard_refuse(self, name, rule, value, record):
        """Raise unless the rule ``rule`` lets the current user set ``name``
        to ``value`` (on ``record``, or on a new record when it is None)."""
        label = self._freight_guard_label(name)
        if rule == WORKFLOW:
            raise self._freight_guard_workflow_error(
                self._freight_guard_workflow_message(label, record)
            )
        if rule == COMPUTED:
            raise UserError(self._freight_guard_computed_message(label))
        if rule == PARENT:
            if record is not None and not record._freight_guard_is_open():
                raise UserError(
                    self.env._(
                        "%(field)s cannot be changed any more: the record has "
                        "left draft.",
                        field=label,
                    )
                )
            self._freight_guard_parent(name, value)
            return
        if not self.env.user._freight_has_role(rule):
            raise AccessError(
                self.env._(
                    "Only %(group)s can change %(field)s.",
                    group=self.env.ref(rule).sudo().display_name,
                    field=label,
                )
            )

    @api.model
    def _freight_guard_parent(self, name, value):
        """A new parent must be a record the user may write and, if it has
        a workflow itself, one still open."""
        field = self._fields[name]
        if not value:
            return
        parent = self.env[field.comodel_name].browse(
            value.id if isinstance(value, models.BaseModel) else value
        )
        if not parent.exists():
            raise ValidationError(
                self.env._(
                    "%(field)s: the record does not exist.",
                    field=self._freight_guard_label(name),
                )
            )
        parent.check_access("write")
        if (
            hasattr(parent, "_freight_guard_is_open")
            and not parent._freight_guard_is_open()
        ):
            raise UserError(
                self.env._(
                    "%(field)s: %(parent)s is no longer a draft and takes no "
                    "new lines.",
                    field=self._freight_guard_label(name),
                    parent=parent.display_name,
                )
            )

    @api.model
    def _freight_guard_label(self, name):
        return self._fields[name].get_description(self.env)["string"]

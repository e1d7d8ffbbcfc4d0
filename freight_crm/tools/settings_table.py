# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every setting of the Freight CRM addons, written once.

Each addon lists its settings in ``<addon>/tools/settings.py`` as
:class:`FreightSetting` rows: the key, the type, the rulebook's default,
the range a value is kept in, whether it is a technical knob and its
scope. That row is the only place the default is written:

- the Settings screen's field is made from it (:func:`freight_setting_field` on
  ``res.config.settings``, :func:`freight_company_setting_field` on
  ``res.company``);
- the code reads the value through it (:func:`freight_setting_value`,
  :func:`freight_setting_values`), typed, brought back into its range, and
  the default when unset or unreadable;
- the Settings screen shows the value the code reads and refuses a value
  typed outside the row's range (``res_config_settings_table.py``, for the
  fields without a check of their own).

Scope:

- ``database``: an ``ir.config_parameter``, the same for every company of
  the database. The rulebook's figures (grade thresholds, deadlines,
  points, targets) are the group's policy, written once for all its
  companies.
- ``company``: a field of ``res.company`` (the key's ``<name>``). What
  follows a company's own organisation: who its people are, how its
  complaint desk closes a case.

A technical knob (``technical=True``: batch sizes of the crons) is not on
the Settings screen; an administrator changes it under *Settings →
Technical → System Parameters*."""

import importlib
import math
from dataclasses import dataclass

from odoo import fields

DATABASE = "database"
COMPANY = "company"

_FIELD_TYPES = {
    bool: fields.Boolean,
    int: fields.Integer,
    float: fields.Float,
    str: fields.Char,
}

# Every registered setting: key -> FreightSetting.
SETTINGS = {}


@dataclass(frozen=True)
class FreightSetting:
    """One setting. ``key`` is ``<addon>.<name>``: the
    ``ir.config_parameter`` key of a database setting; for a company
    setting, ``<name>`` is the ``res.company`` field."""

    key: str
    type: type
    default: object
    lowest: float | None = None
    highest: float | None = None
    technical: bool = False
    scope: str = DATABASE

    @property
    def name(self):
        return self.key.split(".", 1)[1]

    def parse(self, raw):
        """The typed value of the stored text ``raw``, in range; the
        default when unset or unreadable."""
        if self.type is bool:
            return raw not in (None, False, "", "False", "0")
        if raw in (None, False, ""):
            return self.default
        try:
            value = self.type(float(raw)) if self.type is int else self.type(raw)
        except (TypeError, ValueError):
            return self.default
        if self.type is float and not math.isfinite(value):
            return self.default
        return self.clamp(value)

    def clamp(self, value):
        if self.lowest is not None and value < self.lowest:
            return type(value)(self.lowest)
        if self.highest is not None and value > self.highest:
            return type(value)(self.highest)
        return value

    def in_range(self, value):
        return self.clamp(value) == value

    def field(self, **kwargs):
        """The ``res.config.settings`` field of a database setting."""
        assert self.scope == DATABASE and not self.technical, self.key
        return _FIELD_TYPES[self.type](
            config_parameter=self.key, default=self.default, **kwargs
        )

    def company_field(self, **kwargs):
        """The ``res.company`` field of a company setting."""
        assert self.scope == COMPANY, self.key
        return _FIELD_TYPES[self.type](default=self.default, **kwargs)


def freight_register(*settings):
    """Register an addon's settings; returns them by key."""
    table = {}
    for setting in settings:
        known = SETTINGS.setdefault(setting.key, setting)
        assert known == setting, f"setting {setting.key} defined twice"
        table[setting.key] = setting
    return table


def freight_setting(key):
    """The row of setting ``key``. A database setting's key starts with
    its addon's name: the addon's table is loaded on first use, whatever
    order Python imports the addon's files in."""
    if key not in SETTINGS:
        importlib.import_module(f"odoo.addons.{key.split('.')[0]}.tools.settings")
    return SETTINGS[key]


def freight_setting_value(env, key, company=None):
    """The value of setting ``key``: typed, in range, its default when
    unset. Company settings are read on ``company`` (default: the
    environment's company)."""
    setting = freight_setting(key)
    if setting.scope == COMPANY:
        return (company or env.company).sudo()[setting.name]
    return setting.parse(env["ir.config_parameter"].sudo().get_param(key))


def freight_setting_values(env, keys):
    """The values of several settings, by key (``get_param`` is cached:
    no query once read)."""
    return {key: freight_setting_value(env, key) for key in keys}


def freight_setting_field(key, **kwargs):
    """The ``res.config.settings`` field of database setting ``key``."""
    return freight_setting(key).field(**kwargs)


def freight_company_setting_field(key, **kwargs):
    """The ``res.company`` field of company setting ``key``."""
    return freight_setting(key).company_field(**kwargs)


def freight_setting_default(key):
    return freight_setting(key).default

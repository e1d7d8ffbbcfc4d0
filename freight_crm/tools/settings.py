# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One table of the Freight CRM settings: each setting is written once.

Every addon registers its settings here (``freight_register``): key, type,
rulebook default, scope and whether it is a technical knob. The
``res.config.settings`` fields take ``default=freight_setting_default(key)``
and the code reads ``freight_setting(env, key)``, which falls back to the
default for an unset or unreadable value and keeps the value within its
bounds. ``tests/test_freight_settings.py`` checks the table against the
settings fields.

- ``DATABASE``: an ``ir.config_parameter``, the same for every company.
- ``COMPANY``: a ``res.company`` field (``company_field``), because it
  follows a company's own policy, calendar or team; Settings shows it
  through a ``related="company_id.…"`` field.
- ``technical``: a knob for administrators (batch sizes), kept as a system
  parameter with its default here and left off the Settings screen.
"""

from dataclasses import dataclass

DATABASE = "database"
COMPANY = "company"

_FALSE_WORDS = (None, False, "", "False", "false", "0")


@dataclass(frozen=True)
class FreightSetting:
    key: str
    type: type
    default: object
    scope: str = DATABASE
    technical: bool = False
    lowest: object = None
    highest: object = None
    # The res.company field holding a COMPANY setting.
    company_field: str = None

    def parse(self, raw):
        """The typed value of ``raw`` (a stored parameter), the default
        when it is unset or unreadable, brought within the bounds."""
        if self.type is bool:
            return raw not in _FALSE_WORDS if raw is not None else self.default
        if raw in (None, False, ""):
            return self.default
        try:
            value = self.type(float(raw)) if self.type is int else self.type(raw)
        except (TypeError, ValueError, OverflowError):
            return self.default
        if self.type in (int, float) and value != value:  # NaN
            return self.default
        if self.lowest is not None:
            value = max(value, self.lowest)
        if self.highest is not None:
            value = min(value, self.highest)
        return value


FREIGHT_SETTINGS = {}


def freight_register(*settings):
    """Add ``settings`` to the table; returns them as {key: setting}."""
    table = {}
    for setting in settings:
        if setting.scope == COMPANY and not setting.company_field:
            raise ValueError(f"{setting.key}: a company setting names its field")
        FREIGHT_SETTINGS[setting.key] = setting
        table[setting.key] = setting
    return table


def freight_setting_default(key):
    return FREIGHT_SETTINGS[key].default


def freight_setting(env, key, company=None):
    """The value of setting ``key``: the system parameter for a database
    setting, the company's field (``company`` or the current one) for a
    company setting."""
    setting = FREIGHT_SETTINGS[key]
    if setting.scope == COMPANY:
        value = (company or env.company)[setting.company_field]
        return setting.default if value is None else value
    return setting.parse(env["ir.config_parameter"].sudo().get_param(key))


def freight_settings(env, keys):
    """{key: value} of ``keys``."""
    return {key: freight_setting(env, key) for key in keys}

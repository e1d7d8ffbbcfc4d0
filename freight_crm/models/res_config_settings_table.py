# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.config.settings per file, like res.partner.
# pylint: disable=consider-merging-classes-inherited
from inspect import getmembers

from odoo import api, models
from odoo.exceptions import ValidationError

from ..tools.settings_table import SETTINGS, freight_setting_value


class ResConfigSettings(models.TransientModel):
    """The settings table on the Settings screen: each Freight CRM field
    shows the value the code reads (typed, in range, the default when unset
    or unreadable), and a value typed outside the row's range is refused
    for the fields without a check of their own (those word their refusal
    for the rule, e.g. grade B below grade A)."""

    _inherit = "res.config.settings"

    @api.model
    def get_values(self):
        values = super().get_values()
        for name, field in self._fields.items():
            setting = SETTINGS.get(getattr(field, "config_parameter", None))
            if setting:
                values[name] = freight_setting_value(self.env, setting.key)
        return values

    def _freight_ranged_fields(self):
        """``{field name: table row}`` of the Freight CRM settings fields
        with a range and no constraint method of their own."""
        checked = {
            name
            for _attr, method in getmembers(
                type(self),
                lambda member: isinstance(getattr(member, "_constrains", None), tuple),
            )
            for name in method._constrains
        }
        ranged = {}
        for name, field in self._fields.items():
            setting = SETTINGS.get(getattr(field, "config_parameter", None))
            if (
                setting
                and name not in checked
                and (setting.lowest is not None or setting.highest is not None)
            ):
                ranged[name] = setting
        return ranged

    @api.constrains(lambda self: list(self._freight_ranged_fields()))
    def _check_freight_setting_ranges(self):
        ranged = self._freight_ranged_fields()
        for settings in self:
            for name, setting in ranged.items():
                value = settings[name]
                if setting.in_range(value):
                    continue
                label = self._fields[name].get_description(self.env)["string"]
                if setting.highest is None:
                    message = self.env._(
                        "%(setting)s cannot be below %(lowest)s (%(value)s was "
                        "entered).",
                        setting=label,
                        lowest=setting.lowest,
                        value=value,
                    )
                elif setting.lowest is None:
                    message = self.env._(
                        "%(setting)s cannot be above %(highest)s (%(value)s was "
                        "entered).",
                        setting=label,
                        highest=setting.highest,
                        value=value,
                    )
                else:
                    message = self.env._(
                        "%(setting)s lies between %(lowest)s and %(highest)s "
                        "(%(value)s was entered).",
                        setting=label,
                        lowest=setting.lowest,
                        highest=setting.highest,
                        value=value,
                    )
                raise ValidationError(message)

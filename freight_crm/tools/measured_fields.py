# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Figures that may not have been measured.

Odoo's numeric fields store 0 for "no value", so an unmeasured KPI reads as
0 %, counts as below target and drags every average down. These fields keep
NULL in the database instead: clients read ``False`` (the web client shows
a blank cell), ``avg`` in lists, pivots and graphs leaves them out, and
``('field', '=', False)`` finds exactly the unmeasured ones. A 0 entered or
measured stays 0.
"""

from odoo import fields


def _is_unset(value):
    return value is None or value is False


class _Measured:
    """NULL for unset values; mixed in front of a numeric field class."""

    falsy_value = None

    def convert_to_column(self, value, record, values=None, validate=True):
        if _is_unset(value):
            return None
        return super().convert_to_column(value, record, values, validate)

    def convert_to_cache(self, value, record, validate=True):
        if _is_unset(value):
            return None
        return super().convert_to_cache(value, record, validate)

    def convert_to_record(self, value, record):
        return False if value is None else super().convert_to_record(value, record)

    def convert_to_read(self, value, record, use_display_name=True):
        if value is None:
            return False
        return super().convert_to_read(value, record, use_display_name)


def is_measured(field):
    """Whether ``field`` keeps NULL for "not measured" (blank is not 0)."""
    return isinstance(field, _Measured)


class MeasuredFloat(_Measured, fields.Float):
    """A float that stays blank until measured."""


class MeasuredInteger(_Measured, fields.Integer):
    """An integer that stays blank until measured."""

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class IrRule(models.Model):
    """The rules of shared customer files compare the expiry date of the
    sharing with ``today`` (an ISO date in the rules' evaluation context).
    The day is part of the cache key of the computed rule domains, so a
    grant ends at midnight, not when a cron runs."""

    _inherit = "ir.rule"

    @api.model
    def _eval_context(self):
        return dict(super()._eval_context(), today=fields.Date.to_string(self._today()))

    @api.model
    def _today(self):
        return fields.Date.today()

    def _compute_domain_context_values(self):
        yield from super()._compute_domain_context_values()
        yield self._today()

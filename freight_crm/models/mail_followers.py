# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import functools

from odoo import models
from odoo.fields import Domain


class MailFollowers(models.Model):
    """Followers of a contact follow the contact's visibility: a user who
    may not read a customer does not learn who follows it, nor that it
    exists. Followers of other documents keep Odoo's behaviour."""

    _inherit = "mail.followers"

    def _freight_filters_followers(self):
        return not self.env.su and self.env.user._is_internal()

    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        if self._freight_filters_followers() and not kwargs.get("bypass_access"):
            readable = (
                self.env["res.partner"].with_context(active_test=False)._search([])
            )
            domain = Domain(domain) & (
                Domain("res_model", "!=", "res.partner")
                | Domain("res_id", "in", readable)
            )
        return super()._search(domain, offset, limit, order, **kwargs)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if operation != "read" or not self or not self._freight_filters_followers():
            return result
        allowed = (self - result[0] if result else self).sudo()
        on_partners = allowed.filtered(lambda f: f.res_model == "res.partner")
        readable = set(
            self.env["res.partner"]
            .with_context(active_test=False)
            .search([("id", "in", on_partners.mapped("res_id"))])
            .ids
        )
        hidden = on_partners.filtered(lambda f: f.res_id not in readable)
        if not hidden:
            return result
        forbidden = self.browse((hidden + result[0] if result else hidden).ids)
        return forbidden, functools.partial(
            self.env["ir.rule"]._make_access_error, operation, forbidden
        )

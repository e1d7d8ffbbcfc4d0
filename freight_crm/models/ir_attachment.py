# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import functools

from odoo import models
from odoo.fields import Domain


class IrAttachment(models.Model):
    """Files attached to a freight customer (licence scans, contracts,
    quotations) are part of its file: users without a Freight CRM role do
    not read them, unless they uploaded them or they are public. The
    Freight CRM roles read them within their rules on the customer, as Odoo
    checks the document. Images of the customer's fields (its logo) stay
    as in Odoo."""

    _inherit = "ir.attachment"

    def _freight_hides_customer_files(self):
        return not self.env.su and not self.env.user._freight_has_role()

    def _freight_visible_files(self):
        customers = (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=False)
            ._search([("freight_is_customer", "=", True)])
        )
        return (
            Domain("res_model", "!=", "res.partner")
            | Domain("res_id", "not in", customers)
            | Domain("public", "=", True)
            | Domain("create_uid", "=", self.env.uid)
        )

    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        if not kwargs.get("bypass_access") and self._freight_hides_customer_files():
            domain = Domain(domain) & self._freight_visible_files()
        return super()._search(domain, offset, limit, order, **kwargs)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if operation != "read" or not self or not self._freight_hides_customer_files():
            return result
        allowed = (self - result[0] if result else self).sudo()
        files = allowed.filtered(
            lambda a: a.res_model == "res.partner" and a.res_id and not a.res_field
        )
        customers = self.env["res.partner"]._freight_confidential_ids(
            files.mapped("res_id")
        )
        hidden = files.filtered(
            lambda a: (
                a.res_id in customers
                and not a.public
                and a.create_uid.id != self.env.uid
            )
        )
        if not hidden:
            return result
        forbidden = self.browse((hidden + result[0] if result else hidden).ids)
        return forbidden, functools.partial(
            self.env["ir.rule"]._make_access_error, operation, forbidden
        )

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.partner per file, on purpose (see res_partner.py).
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .freight_workflow_guard import WORKFLOW


class ResPartner(models.Model):
    """Anonymisation of customers no longer needed (R-SEC-3)."""

    _inherit = "res.partner"

    freight_anonymised = fields.Boolean(string="Anonymised", readonly=True, copy=False)
    freight_anonymised_date = fields.Datetime(
        string="Anonymised On", readonly=True, copy=False
    )
    freight_anonymised_user_id = fields.Many2one(
        "res.users", string="Anonymised By", readonly=True, copy=False
    )

    @api.model
    def _freight_guard_policy(self):
        # Only the anonymisation button sets them, after erasing the data.
        return dict(
            super()._freight_guard_policy(),
            freight_anonymised=WORKFLOW,
            freight_anonymised_date=WORKFLOW,
            freight_anonymised_user_id=WORKFLOW,
        )

    def _freight_check_write(self, vals):
        res = super()._freight_check_write(vals)
        undo = "freight_anonymised" in vals and not vals["freight_anonymised"]
        if undo and any(self.mapped("freight_anonymised")):
            raise UserError(self.env._("An anonymisation cannot be undone."))
        return res

    def action_freight_anonymise(self):
        """Irreversibly erase the personal and business data of customers no
        longer needed (已不需要的客户信息及时销毁); who and when are kept."""
        if not self.env.user._freight_is_manager():
            raise AccessError(
                self.env._("Only a Freight CRM manager can anonymise a customer.")
            )
        if any(partner.freight_anonymised for partner in self):
            raise UserError(self.env._("This customer is already anonymised."))
        now = fields.Datetime.now()
        for partner in self.sudo():
            contacts = partner.child_ids.with_context(active_test=False)
            erase = {
                "name": self.env._("Anonymised customer %s", partner.id),
                "email": False,
                "phone": False,
                "street": False,
                "street2": False,
                "city": False,
                "zip": False,
                "website": False,
                "vat": False,
                "comment": False,
                "freight_bank_name": False,
                "freight_bank_account": False,
                "freight_first_contact_date": False,
                "freight_admission_exception_reason": False,
            }
            contacts.write(dict(erase, name=self.env._("Anonymised contact")))
            contacts.action_archive()
            partner.bank_ids.unlink()
            # The chatter keeps old values in tracking: erase it too.
            partner.message_ids.unlink()
            partner.with_context(tracking_disable=True).write(
                dict(
                    erase,
                    freight_anonymised=True,
                    freight_anonymised_date=now,
                    freight_anonymised_user_id=self.env.user.id,
                )
            )
            partner.message_post(
                body=self.env._(
                    "Customer data anonymised by %(user)s on %(date)s.",
                    user=self.env.user.name,
                    date=now,
                )
            )
        return True

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class FreightVisitReturnWizard(models.TransientModel):
    _name = "freight.visit.return.wizard"
    _description = "Return Visit with a Reason"

    visit_ids = fields.Many2many("freight.visit", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        for wizard in self:
            wizard.visit_ids.action_return(reason=wizard.reason or "")
        return {"type": "ir.actions.act_window_close"}

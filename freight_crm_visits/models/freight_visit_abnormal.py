# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of freight.visit per file, on purpose (see freight_visit.py).
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models


class FreightVisit(models.Model):
    """Abnormal relationship (客户关系异常, R-VIS-4): flagging it on a visit
    notifies the department manager at once."""

    _inherit = "freight.visit"

    relationship_abnormal = fields.Boolean(
        string="Abnormal Relationship",
        tracking=True,
        help="Flag it when the relationship with the customer shows a problem: "
        "the department manager is notified at once.",
    )
    abnormal_description = fields.Text(string="Abnormality")

    @api.model_create_multi
    def create(self, vals_list):
        visits = super().create(vals_list)
        visits.filtered("relationship_abnormal")._freight_notify_abnormal()
        return visits

    def write(self, vals):
        newly_abnormal = (
            self.filtered(lambda v: not v.relationship_abnormal)
            if vals.get("relationship_abnormal")
            else self.browse()
        )
        res = super().write(vals)
        newly_abnormal._freight_notify_abnormal()
        return res

    def _freight_department_managers(self):
        manager = self.env.company.freight_visit_manager_id
        if manager:
            return manager
        return self._freight_group_members("freight_crm.group_freight_manager")

    def _freight_notify_abnormal(self):
        if not self:
            return
        managers = self._freight_department_managers()
        for visit in self:
            visit._freight_post_in_recipient_lang(
                managers,
                lambda record: record.env._(
                    "Abnormal customer relationship reported on this visit: %s",
                    record.abnormal_description or "-",
                ),
                subtype_xmlid="mail.mt_comment",
            )
            for manager in managers:
                visit.activity_schedule(
                    "freight_crm_visits.mail_activity_type_abnormal",
                    user_id=manager.id,
                    note=visit.abnormal_description,
                )

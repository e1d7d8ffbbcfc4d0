# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailActivityMixin(models.AbstractModel):
    """An activity reads in its assignee's language: the activity type's
    default summary and note are taken in that language, not in the one of
    the user (or cron) who schedules it, as the assignment notification
    Odoo sends the assignee already is."""

    _inherit = "mail.activity.mixin"

    def activity_schedule(
        self, act_type_xmlid="", date_deadline=None, summary="", note="", **act_values
    ):
        assignee = self.env["res.users"].sudo().browse(act_values.get("user_id"))
        lang = assignee.exists().lang if assignee else False
        records = self
        if lang and lang != (self.env.lang or "en_US"):
            records = self.with_context(lang=lang)
        return super(MailActivityMixin, records).activity_schedule(
            act_type_xmlid,
            date_deadline=date_deadline,
            summary=summary,
            note=note,
            **act_values,
        )

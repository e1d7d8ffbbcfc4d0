# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailThread(models.AbstractModel):
    """Chatter lines in one language, and notices in their recipients'."""

    _inherit = "mail.thread"

    def _creation_message(self):
        # Without a language in the context Odoo translates "%s created" in
        # the user's language but reads the model's name in English
        # ("Contact 创建" for a Chinese user, as every record loaded from a
        # data file reads): both in the user's language.
        return super(MailThread, self._fallback_lang())._creation_message()

    def _freight_post_in_recipient_lang(self, users, body, **kwargs):
        """Post a notice to ``users`` in their own language: one message per
        language among them, its body ``body(record)`` rendered with the
        record in that language (one message, in the current language, when
        there is nobody to notify). Returns the messages."""
        self.ensure_one()
        groups = {}
        for user in users:
            lang = user.sudo().lang or self.env.lang or "en_US"
            groups[lang] = groups.get(lang, users.browse()) | user
        if not groups:
            return self.message_post(body=body(self), **kwargs)
        messages = self.env["mail.message"]
        for lang, group in groups.items():
            record = self.with_context(lang=lang)
            messages |= record.message_post(
                body=body(record), partner_ids=group.partner_id.ids, **kwargs
            )
        return messages

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from urllib.parse import urlencode

from markupsafe import Markup

from odoo import Command, api, models

from odoo.addons.mail.tools.discuss import Store


# One concern per file, as Odoo core does for the models it extends.
class HelpdeskTicket(models.Model):
    """The notes, followers and notifications of a batch of escalations,
    written per step and per notified user rather than per complaint."""

    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _freight_subscribe_escalation_followers(self, reached, targets):
        """The first owner and each step's targets follow the complaint: the
        existing followers of the whole batch read in one query, the missing
        ones created in one call (``message_subscribe`` per complaint
        otherwise)."""
        wanted = {}
        for ticket, climbs in reached.items():
            partners = ticket.freight_first_owner_id.partner_id
            for _level, step in climbs:
                partners |= targets[step].partner_id
            wanted[ticket.id] = set(partners.filtered("active").ids)
        partner_ids = list(set().union(*wanted.values()))
        Followers = self.env["mail.followers"].sudo()
        new, _existing = Followers._add_default_followers(
            self._name, list(wanted), partner_ids
        )
        values = [
            dict(vals, res_id=res_id)
            for res_id, vals_list in new.items()
            for vals in vals_list
            if vals["partner_id"] in wanted[res_id]
        ]
        if values:
            Followers.with_context(default_partner_id=False).create(values)

    @api.model
    def _freight_log_escalations(self, reached, targets, reason):
        """One internal note per complaint and step reached, naming the
        notified users and carrying the level's change; the notes of a step
        created in one call, lowest step first. Returns ``{(ticket, step):
        note}``."""
        by_step = defaultdict(list)
        for ticket, climbs in reached.items():
            for level, step in climbs:
                by_step[step].append((ticket, level))
        col_info = self.fields_get(
            ["freight_escalation_level"],
            attributes=("string", "type", "selection", "currency_field"),
        )["freight_escalation_level"]
        Tracking = self.env["mail.tracking.value"].sudo()
        notes = {}
        trackings = []
        for step in sorted(by_step, key=lambda s: (s.level, s.id)):
            users = targets[step]
            body = self.env._(
                "Escalated to level %(level)s (%(step)s): %(reason)s. "
                "Notified: %(users)s.",
                level=step.level,
                step=step.name,
                reason=reason(self.env, step),
                users=", ".join(users.mapped("name")) or "-",
            )
            tickets = self.browse([ticket.id for ticket, _level in by_step[step]])
            logged = tickets._message_log_batch(
                {ticket.id: body for ticket in tickets},
                partner_ids=users.partner_id.ids,
            )
            for (ticket, level), note in zip(by_step[step], logged, strict=True):
                notes[ticket, step] = note
                trackings.append(
                    dict(
                        Tracking._create_tracking_values(
                            level,
                            step.level,
                            "freight_escalation_level",
                            col_info,
                            ticket,
                        ),
                        mail_message_id=note.id,
                    )
                )
        Tracking.create(trackings)
        return notes

    @api.model
    def _freight_notify_escalation_targets(self, notes, targets, reason):
        """Tell each notified user once for the batch, as their notification
        preference says: in their inbox (one notification per note), or by
        one digest e-mail listing their escalated complaints in their
        language."""
        author = self.env.user.partner_id
        notes_by_user = defaultdict(list)
        for (ticket, step), note in notes.items():
            for user in targets[step]:
                if user.partner_id != author:
                    notes_by_user[user].append((ticket, step, note))
        inbox = {
            user: items
            for user, items in notes_by_user.items()
            if user.notification_type == "inbox"
        }
        by_email = {
            user: items for user, items in notes_by_user.items() if user not in inbox
        }
        notifications = self._freight_notify_escalations_by_inbox(inbox)
        notifications += self._freight_notify_escalations_by_email(by_email, reason)
        if notifications:
            self.env["mail.notification"].sudo().create(notifications)

    @api.model
    def _freight_notify_escalations_by_inbox(self, notes_by_user):
        """Inbox notifications of the notes, and one bus push per note to
        each user's open web client, their messages formatted once per user."""
        if not notes_by_user:
            return []
        all_notes = self.env["mail.message"].union(
            *(item[2] for items in notes_by_user.values() for item in items)
        )
        followers = (
            self.env["mail.followers"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", list(set(all_notes.mapped("res_id")))),
                    (
                        "partner_id",
                        "in",
                        [user.partner_id.id for user in notes_by_user],
                    ),
                ]
            )
        )
        values = []
        for user, items in notes_by_user.items():
            user_notes = self.env["mail.message"].union(*(item[2] for item in items))
            values += [
                {
                    "author_id": note.author_id.id,
                    "mail_message_id": note.id,
                    "notification_status": "sent",
                    "notification_type": "inbox",
                    "res_partner_id": user.partner_id.id,
                }
                for note in user_notes
            ]
            store = Store(bus_channel=user).add(
                user_notes.with_user(user).with_context(allowed_company_ids=[]),
                add_followers=True,
                followers=followers,
            )
            # The first push carries the store of all the user's notes; the
            # next ones, delivered after it, only name their note.
            store_data = store.get_result()
            for note in user_notes:
                user._bus_send(
                    "mail.message/inbox",
                    {"message_id": note.id, "store_data": store_data},
                )
                store_data = {}
        return values

    @api.model
    def _freight_notify_escalations_by_email(self, notes_by_user, reason):
        """One digest e-mail per user, sent after the commit; each note's
        e-mail notification points at it, so its delivery shows on the
        note as for a posted message."""
        if not notes_by_user:
            return []
        users = list(notes_by_user)
        first_note = next(iter(notes_by_user.values()))[0][2]
        digests = (
            self.env["mail.mail"]
            .sudo()
            .create(
                [
                    self._freight_escalation_digest_values(
                        user, notes_by_user[user], reason, first_note
                    )
                    for user in users
                ]
            )
        )
        values = [
            {
                "author_id": note.author_id.id,
                "is_read": True,
                "mail_mail_id": digest.id,
                "mail_message_id": note.id,
                "notification_status": "ready",
                "notification_type": "email",
                "res_partner_id": user.partner_id.id,
            }
            for user, digest in zip(users, digests, strict=True)
            for _ticket, _step, note in notes_by_user[user]
        ]
        digests.send_after_commit()
        return values

    @api.model
    def _freight_escalation_digest_values(self, user, items, reason, note):
        env = self.with_context(lang=user.lang).env
        base_url = self.browse().get_base_url()
        lines = Markup("").join(
            Markup('<li><a href="%s">%s</a>: %s</li>')
            % (
                f"{base_url}/mail/view?"
                + urlencode({"model": self._name, "res_id": ticket.id}),
                ticket.display_name,
                env._(
                    "level %(level)s (%(step)s), %(reason)s",
                    level=step.level,
                    step=step.with_env(env).name,
                    reason=reason(env, step),
                ),
            )
            for ticket, step, _note in items
        )
        return {
            "subject": env._("Complaints escalated to you: %s", len(items)),
            "body_html": Markup("<p>%s</p><ul>%s</ul>")
            % (env._("These complaints were escalated to you:"), lines),
            "author_id": note.author_id.id,
            "email_from": note.email_from,
            "reply_to": note.reply_to,
            "recipient_ids": [Command.link(user.partner_id.id)],
            "auto_delete": True,
        }

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# The guard's second concern, on the same abstract model.
# pylint: disable=consider-merging-classes-inherited

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.roles import MANAGER
from ..tools.settings_table import freight_setting_value

# Off by default: four eyes on every approval (Settings relaxes it).
SELF_APPROVAL_PARAM = "freight_crm.allow_self_approval"


class FreightWorkflowGuard(models.AbstractModel):
    """The steps the guarded models' ``action_*`` methods are made of: the
    state, the role and four eyes checked, a submission for review with an
    activity for the reviewer, an approval by another manager recorded."""

    _inherit = "freight.workflow.guard"

    def _freight_check_states(self, allowed, action):
        """Refuse ``action`` (a translated label) unless every record is in
        one of ``allowed`` states."""
        wrong = self.filtered(lambda record: record.state not in allowed)
        if wrong:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                wrong[0]._freight_wrong_state_message(
                    action, states.get(wrong[0].state, wrong[0].state)
                )
            )

    def _freight_wrong_state_message(self, action, state):
        """The translated refusal of ``action`` for this record in the state
        labelled ``state``; override to word it for the model."""
        self.ensure_one()
        return self.env._(
            "%(action)s is not possible for %(record)s in state %(state)s.",
            action=action,
            record=self.display_name,
            state=state,
        )

    def _freight_check_four_eyes(self, author, action):
        """Nobody approves their own work, unless the company switched the
        four-eyes rule off (Settings)."""
        if self.env.su or not author or author != self.env.user:
            return
        if self._freight_self_approval_allowed():
            return
        raise UserError(
            self.env._(
                "%(action)s: you cannot approve your own work. Ask another "
                "manager, or switch off the four-eyes rule in Settings.",
                action=action,
            )
        )

    @api.model
    def _freight_group_members(self, group_xmlid):
        """The active internal users of a group, OdooBot excluded, the
        longest-standing first: who approvals and notices can go to."""
        root = self.env.ref("base.user_root")
        return (
            self.env.ref(group_xmlid)
            .sudo()
            .all_user_ids.filtered(lambda u: u.active and not u.share and u != root)
            .sorted("id")
        )

    @api.model
    def _freight_self_approval_allowed(self):
        """Whether the company switched the four-eyes rule off."""
        return freight_setting_value(self.env, SELF_APPROVAL_PARAM)

    def _freight_check_group(self, group, action):
        """Refuse ``action`` unless the user belongs to ``group``."""
        if self.env.su or self.env.user._freight_has_role(group):
            return
        raise AccessError(
            self.env._(
                "%(action)s is reserved to %(group)s.",
                action=action,
                group=self.env.ref(group).sudo().display_name,
            )
        )

    def _freight_check_manager(self, action=None, message=None):
        """Refuse ``action`` (a translated label) unless the user is a
        Freight CRM manager; ``message`` (translated) replaces the generic
        refusal, and then no label is needed."""
        if self.env.su or self.env.user._freight_is_manager():
            return
        if message is not None:
            raise AccessError(message)
        self._freight_check_group(MANAGER, action)

    def _freight_check_authors(self, author_fields, action):
        """Four eyes on every record: none of the users in ``author_fields``
        (the employee, the author, the submitter) approves it. ``action`` is
        a translated label, or a function of the record returning one."""
        for record in self:
            label = action(record) if callable(action) else action
            for name in author_fields:
                record._freight_check_four_eyes(record[name], label)

    def _freight_check_staff(self, field_name="user_id"):
        """Refuse a record whose user ``field_name`` is not sales or service
        staff (see ``res.users._freight_is_staff``)."""
        for record in self:
            user = record[field_name].sudo()
            if not user._freight_is_staff():
                raise ValidationError(
                    self.env._(
                        "%s is not a Freight CRM salesperson or customer service "
                        "employee.",
                        user.name,
                    )
                )

    # Submission for review and approval by another manager ---------------
    def _freight_check_complete(self):
        """Refuse submitting records that lack what their review needs;
        override per model."""

    def _freight_reviewer(self):
        """The user who reviews this submitted record; models submitted with
        ``_freight_submit_for_review`` override it."""
        raise NotImplementedError

    def _freight_submit_for_review(self, action, activity_type, note_of):
        """Submit drafts for review (提交审核): each record goes to the
        reviewer its ``_freight_reviewer()`` chooses, with the submitter and
        the date, and that reviewer gets an activity of ``activity_type``
        with the note ``note_of(record)``: ``record`` comes in the
        reviewer's language, so a note written with ``record.env._`` reads
        in it."""
        self.check_access("write")
        self._freight_check_states(("draft",), action)
        self._freight_check_complete()
        now = fields.Datetime.now()
        for record in self:
            reviewer = record._freight_reviewer()
            record.sudo().write(
                {
                    "state": "submitted",
                    "submitted_by_id": self.env.user.id,
                    "submitted_date": now,
                    "reviewer_id": reviewer.id,
                }
            )
            note = note_of(record.with_context(lang=reviewer.lang or None))
            record.sudo().activity_schedule(
                activity_type, user_id=reviewer.id, note=note
            )
        return True

    def _freight_withdraw_review(self, activity_type, message):
        """Send submitted records back to draft: the reviewing manager
        returns them, or their submitter withdraws them; anyone else gets
        ``message`` (translated). Their review activity goes."""
        self.check_access("write")
        self._freight_check_states(("submitted",), self.env._("Back to draft"))
        is_manager = self.env.su or self.env.user._freight_is_manager()
        if not is_manager and any(r.submitted_by_id != self.env.user for r in self):
            raise UserError(message)
        self.activity_unlink([activity_type])
        self.sudo().write(
            {
                "state": "draft",
                "submitted_by_id": False,
                "submitted_date": False,
                "reviewer_id": False,
            }
        )
        return True

    def _freight_check_approval(self, action, states, author_fields=(), message=None):
        """What every approval by a manager checks: the user is a Freight CRM
        manager (``message`` replaces the generic refusal), the records are
        in one of ``states``, and four eyes on ``author_fields``."""
        self._freight_check_manager(action, message)
        self._freight_check_states(states, action)
        self._freight_check_authors(author_fields, action)

    def _freight_record_approval(
        self, approver_field, date_field=None, activities=(), **values
    ):
        """Write the approval: ``values`` (the new state and what goes with
        it), the user as ``approver_field``, now (or today, for a Date) as
        ``date_field``; the review activities ``activities`` are done."""
        if activities:
            self.sudo().activity_feedback(list(activities))
        values[approver_field] = self.env.user.id
        if date_field:
            values[date_field] = (
                fields.Datetime.now()
                if self._fields[date_field].type == "datetime"
                else fields.Date.context_today(self)
            )
        self.sudo().write(values)
        return True

    def _freight_approve(
        self,
        action,
        states,
        author_fields,
        approver_field,
        date_field=None,
        activities=(),
        **values,
    ):
        """Approved or confirmed by another manager, in one step: see
        ``_freight_check_approval`` and ``_freight_record_approval``."""
        self._freight_check_approval(action, states, author_fields)
        return self._freight_record_approval(
            approver_field, date_field, activities, **values
        )

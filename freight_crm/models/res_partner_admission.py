# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.partner per file, on purpose (see res_partner.py).
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .freight_workflow_guard import WORKFLOW
from .res_partner import MANAGER

# Admission checklist (R-ONB-3): boolean field -> label of the criterion.
ADMISSION_CHECKS = (
    "freight_adm_licence_ok",
    "freight_adm_capital_ok",
    "freight_adm_no_violation",
    "freight_adm_needs_match",
    "freight_adm_accepts_credit",
)
# Admission settings, defaults in tools/settings.py.
ADMISSION_PARAMS = (
    "freight_crm.admission_min_capital",
    "freight_crm.due_diligence_days",
)
# States from which a customer may still be admitted.
ADMISSION_STATES = (False, "potential", "admission")


class ResPartner(models.Model):
    """Onboarding and admission of a new customer (R-ONB-1..3)."""

    _inherit = "res.partner"

    # Onboarding (R-ONB-1, R-ONB-2)
    freight_onboarding_stage = fields.Selection(
        [
            ("qualification", "Qualification Review"),
            ("needs", "Needs Assessment"),
            ("negotiation", "Commercial Negotiation"),
            ("contract", "Contract Signing"),
        ],
        string="Onboarding Stage",
        default="qualification",
        tracking=True,
        help="Stage of a new customer's development (R-ONB-1). Moving past "
        "qualification review needs a passed admission.",
    )
    freight_first_contact_date = fields.Date(
        string="First Contact",
        tracking=True,
        help="Setting it schedules the due-diligence activity (business "
        "licence, operating status, reputation) within the configured number "
        "of working days.",
    )
    freight_due_diligence_deadline = fields.Date(
        string="Due Diligence Deadline", readonly=True, copy=False
    )
    # Admission checklist (R-ONB-3)
    freight_adm_licence_ok = fields.Boolean(
        string="Lawful Business Licence",
        tracking=True,
        help="Holds a lawful business licence and is qualified to operate.",
    )
    freight_adm_capital_ok = fields.Boolean(
        string="Registered Capital Sufficient",
        compute="_compute_freight_adm_capital_ok",
        help="Registered capital at least the admission threshold in Settings.",
    )
    freight_adm_no_violation = fields.Boolean(
        string="No Major Violation in 2 Years",
        tracking=True,
        help="No major violation of laws or regulations in the last two years.",
    )
    freight_adm_needs_match = fields.Boolean(
        string="Needs Match Our Capabilities",
        tracking=True,
    )
    freight_adm_accepts_credit = fields.Boolean(
        string="Accepts Credit Evaluation and Deposit",
        tracking=True,
        help="Accepts the company's credit evaluation and the performance "
        "deposit (if required).",
    )
    freight_admission_passed = fields.Boolean(
        string="Admission Passed", tracking=True, copy=False
    )
    freight_admission_date = fields.Datetime(copy=False, readonly=True)
    freight_admission_user_id = fields.Many2one(
        "res.users", string="Admitted By", copy=False, readonly=True
    )
    freight_admission_exception_reason = fields.Text(
        string="Exception Reason",
        copy=False,
        help="Why a manager admits the customer although a criterion fails.",
    )
    freight_admission_exception_user_id = fields.Many2one(
        "res.users", string="Exception Granted By", copy=False, readonly=True
    )
    freight_admission_exception_date = fields.Datetime(
        string="Exception Date", copy=False, readonly=True
    )

    @api.depends("freight_registered_capital")
    def _compute_freight_adm_capital_ok(self):
        threshold = self._freight_admission_min_capital()
        for partner in self:
            partner.freight_adm_capital_ok = (
                partner.freight_registered_capital >= threshold
            )

    @api.model
    def _freight_guard_policy(self):
        # Admission is passed by its button, after the checklist or a
        # manager's exception (R-ONB-3): by hand only a manager sets it.
        return dict(
            super()._freight_guard_policy(),
            freight_admission_passed=MANAGER,
            freight_admission_date=MANAGER,
            freight_admission_user_id=MANAGER,
            freight_admission_exception_user_id=MANAGER,
            freight_admission_exception_date=MANAGER,
            freight_due_diligence_deadline=WORKFLOW,
        )

    # CRUD hooks
    @api.model
    def default_get(self, fields_list):
        """The new-customer form shows today as the first contact."""
        res = super().default_get(fields_list)
        if (
            "freight_first_contact_date" in fields_list
            and not res.get("freight_first_contact_date")
            and res.get("freight_customer_state") in ("potential", "admission")
        ):
            res["freight_first_contact_date"] = fields.Date.context_today(self)
        return res

    def _freight_create_defaults(self, vals):
        """A new potential customer is first contacted today, unless told
        otherwise: the due-diligence activity is planned from it."""
        vals = super()._freight_create_defaults(vals)
        state = vals.get(
            "freight_customer_state",
            self.env.context.get("default_freight_customer_state"),
        )
        if state in ("potential", "admission") and (
            "freight_first_contact_date" not in vals
        ):
            vals = dict(
                vals, freight_first_contact_date=fields.Date.context_today(self)
            )
        return vals

    def _freight_after_create(self, vals_list):
        res = super()._freight_after_create(vals_list)
        self.filtered("freight_first_contact_date")._freight_plan_due_diligence()
        return res

    def _freight_check_write(self, vals):
        res = super()._freight_check_write(vals)
        self._freight_check_onboarding_stage(vals)
        if "freight_admission_exception_reason" in vals:
            self._freight_check_exception_reason(vals)
        return res

    def _freight_after_write(self, vals):
        res = super()._freight_after_write(vals)
        if vals.get("freight_first_contact_date"):
            self._freight_plan_due_diligence()
        return res

    def _freight_check_signing(self):
        res = super()._freight_check_signing()
        self._freight_check_admission_gate()
        return res

    @api.model
    def _freight_admission_min_capital(self):
        return self._freight_params(ADMISSION_PARAMS)[
            "freight_crm.admission_min_capital"
        ]

    def _freight_check_admission_gate(self):
        """No customer is signed without passed admission or a manager's
        recorded exception (R-ONB-3); a contact counts its company's."""
        for partner in self:
            commercial = partner.commercial_partner_id
            if any(
                p.freight_admission_passed or p.freight_admission_exception_user_id
                for p in partner | commercial
            ):
                continue
            raise UserError(
                self.env._(
                    "%s has not passed admission: pass the admission (or have "
                    "a manager record an exception) before signing the "
                    "customer.",
                    partner.display_name,
                )
            )

    def _freight_check_exception_reason(self, vals):
        """Once a manager granted the exception, its reason is part of the
        record: only a manager rewrites it."""
        if self.env.su or self.env.user._freight_is_manager():
            return
        reason = vals["freight_admission_exception_reason"] or False
        for partner in self:
            granted = partner.freight_admission_exception_user_id
            if granted and (partner.freight_admission_exception_reason or False) != (
                reason
            ):
                raise AccessError(
                    self.env._(
                        "Only a Freight CRM manager can set: %s.",
                        self._freight_guard_label("freight_admission_exception_reason"),
                    )
                )

    def _freight_check_onboarding_stage(self, vals):
        """Stages after qualification review need a passed admission."""
        if vals.get("freight_onboarding_stage") in (None, False, "qualification"):
            return
        if vals.get("freight_admission_passed"):
            return
        for partner in self:
            if not partner.freight_admission_passed:
                raise UserError(
                    self.env._(
                        "%s has not passed admission yet: complete the "
                        "qualification review first.",
                        partner.display_name,
                    )
                )

    def _freight_plan_due_diligence(self):
        """Due-diligence activity within N working days after first contact,
        on the company's working calendar (R-ONB-2)."""
        days = self._freight_params(ADMISSION_PARAMS)["freight_crm.due_diligence_days"]
        for partner in self:
            calendar = (partner.company_id or self.env.company).resource_calendar_id
            start = calendar._freight_start_of_next_day(
                partner.freight_first_contact_date
            )
            deadline = calendar._freight_plan_working_days(days, start).date()
            partner.sudo().freight_due_diligence_deadline = deadline
            partner.activity_unlink(["freight_crm.mail_activity_due_diligence"])
            assignee = partner.user_id or self.env.user
            # The activity's summary reads in the assignee's language.
            partner.with_context(lang=assignee.lang).activity_schedule(
                "freight_crm.mail_activity_due_diligence",
                date_deadline=deadline,
                user_id=assignee.id,
            )

    def _freight_failed_admission_criteria(self):
        """Labels of the admission criteria this customer fails."""
        self.ensure_one()
        return [
            self._fields[name].get_description(self.env)["string"]
            for name in ADMISSION_CHECKS
            if not self[name]
        ]

    def action_freight_start_admission(self):
        """Potential customers enter admission; those already in it keep
        their stage."""
        self._freight_check_admission_states(self.env._("Start Admission"))
        self.filtered(lambda p: p.freight_customer_state != "admission").write(
            {
                "freight_customer_state": "admission",
                "freight_onboarding_stage": "qualification",
            }
        )
        return True

    def action_freight_pass_admission(self):
        """Record the passed admission of the selected customers. Customers
        already admitted are left as they are: their onboarding stage may
        have moved on."""
        self.check_access("write")
        pending = self.filtered(lambda p: not p.freight_admission_passed)
        pending._freight_check_admission_states(self.env._("Pass Admission"))
        for partner in pending:
            failed = partner._freight_failed_admission_criteria()
            if failed and not partner.freight_admission_exception_user_id:
                raise UserError(
                    self.env._(
                        "%(customer)s fails the admission criteria: %(criteria)s. "
                        "Fix them, or ask a manager to record an exception.",
                        customer=partner.display_name,
                        criteria=", ".join(failed),
                    )
                )
        values = {
            "freight_admission_passed": True,
            "freight_admission_date": fields.Datetime.now(),
            "freight_admission_user_id": self.env.user.id,
        }
        early = pending.filtered(
            lambda p: p.freight_onboarding_stage in (False, "qualification")
        )
        early.sudo().write(dict(values, freight_onboarding_stage="needs"))
        (pending - early).sudo().write(values)
        return True

    def _freight_check_admission_states(self, action):
        wrong = self.filtered(
            lambda p: p.freight_customer_state not in ADMISSION_STATES
        )
        if wrong:
            states = dict(
                self._fields["freight_customer_state"]._description_selection(self.env)
            )
            raise UserError(
                self.env._(
                    "%(action)s is not possible for %(customer)s: it is "
                    "already %(state)s.",
                    action=action,
                    customer=wrong[0].display_name,
                    state=states[wrong[0].freight_customer_state],
                )
            )

    def action_freight_record_admission_exception(self):
        """A manager admits a customer despite a failed criterion; who, when
        and why are recorded (R-ONB-3)."""
        if not self.env.user._freight_is_manager():
            raise AccessError(
                self.env._("Only a Freight CRM manager can record an exception.")
            )
        for partner in self:
            if not (partner.freight_admission_exception_reason or "").strip():
                raise UserError(
                    self.env._(
                        "%s: write the reason of the admission exception first.",
                        partner.display_name,
                    )
                )
        self.write(
            {
                "freight_admission_exception_user_id": self.env.user.id,
                "freight_admission_exception_date": fields.Datetime.now(),
            }
        )
        for partner in self:
            partner.message_post(
                body=self.env._(
                    "Admission exception granted: %s",
                    partner.freight_admission_exception_reason,
                )
            )
        return True

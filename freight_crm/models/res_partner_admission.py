# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .freight_customer_contract import plan_working_days, start_of_next_day
from .res_partner import MANAGER

# Admission checklist (R-ONB-3): boolean field -> label of the criterion.
ADMISSION_CHECKS = (
    "freight_adm_licence_ok",
    "freight_adm_capital_ok",
    "freight_adm_no_violation",
    "freight_adm_needs_match",
    "freight_adm_accepts_credit",
)
# Fields only a manager may set, whatever the entry point.
ADMISSION_MANAGER_FIELDS = (
    "freight_admission_passed",
    "freight_admission_date",
    "freight_admission_user_id",
    "freight_admission_exception_user_id",
    "freight_admission_exception_date",
    "freight_anonymised",
    "freight_anonymised_date",
    "freight_anonymised_user_id",
)


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

    # CRUD hooks
    @api.model
    def _freight_check_create(self, vals_list):
        super()._freight_check_create(vals_list)
        self._freight_check_manager_fields(vals_list)

    def _freight_after_create(self, vals_list):
        super()._freight_after_create(vals_list)
        self.filtered("freight_first_contact_date")._freight_plan_due_diligence()

    def _freight_check_write(self, vals):
        super()._freight_check_write(vals)
        self._freight_check_manager_fields([vals])
        self._freight_check_onboarding_stage(vals)

    def _freight_after_write(self, vals):
        super()._freight_after_write(vals)
        if vals.get("freight_first_contact_date"):
            self._freight_plan_due_diligence()

    @api.model
    def _freight_admission_min_capital(self):
        return float(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("freight_crm.admission_min_capital", 500000.0)
        )

    def _freight_check_manager_fields(self, vals_list):
        if self.env.su or self.env.user.has_group(MANAGER):
            return
        for vals in vals_list:
            forbidden = set(vals) & set(ADMISSION_MANAGER_FIELDS)
            forbidden |= self._freight_grade_fields_changed(vals)
            if forbidden:
                raise AccessError(
                    self.env._(
                        "Only a Freight CRM manager can set: %s.",
                        ", ".join(
                            self._fields[name].get_description(self.env)["string"]
                            for name in sorted(forbidden)
                        ),
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
        days = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("freight_crm.due_diligence_days", 3)
        )
        for partner in self:
            company = partner.company_id or self.env.company
            start = start_of_next_day(company, partner.freight_first_contact_date)
            deadline = plan_working_days(company, days, start).date()
            partner.freight_due_diligence_deadline = deadline
            partner.activity_unlink(["freight_crm.mail_activity_due_diligence"])
            partner.activity_schedule(
                "freight_crm.mail_activity_due_diligence",
                date_deadline=deadline,
                user_id=partner.user_id.id or self.env.user.id,
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
        self.write(
            {
                "freight_customer_state": "admission",
                "freight_onboarding_stage": "qualification",
            }
        )
        return True

    def action_freight_pass_admission(self):
        for partner in self:
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
        self.sudo().write(
            {
                "freight_admission_passed": True,
                "freight_admission_date": fields.Datetime.now(),
                "freight_admission_user_id": self.env.user.id,
                "freight_onboarding_stage": "needs",
            }
        )
        return True

    def action_freight_record_admission_exception(self):
        """A manager admits a customer despite a failed criterion; who, when
        and why are recorded (R-ONB-3)."""
        if not self.env.user.has_group(MANAGER):
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

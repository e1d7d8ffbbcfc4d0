# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain

from .freight_customer_contract import plan_working_days, start_of_next_day

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
MANAGER = "freight_crm.group_freight_manager"
# Credit standing from the rewards and penalties ledger (R-REW-1): a clean
# ledger starts here, each reward adds and each penalty takes away points.
REWARD_BASE_SCORE = 80.0
REWARD_POINTS = 5.0
PENALTY_POINTS = 15.0


class ResPartner(models.Model):
    _inherit = "res.partner"

    freight_customer_state = fields.Selection(
        [
            ("potential", "Potential Customer"),
            ("admission", "In Admission"),
            ("signed", "Signed Customer"),
            ("dormant", "Dormant"),
            ("eliminated", "Eliminated"),
        ],
        string="Customer State",
        index=True,
        tracking=True,
        help="Lifecycle of the customer (R-CLS-1).",
    )
    freight_grade_id = fields.Many2one(
        "freight.customer.grade",
        string="Customer Grade",
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    freight_score = fields.Float(
        string="Evaluation Score",
        digits=(5, 2),
        tracking=True,
        help="Weighted score of the latest confirmed evaluation (0-100).",
    )
    freight_currency_id = fields.Many2one(
        "res.currency", compute="_compute_freight_currency_id"
    )
    freight_annual_volume = fields.Monetary(
        string="Annual Business Volume",
        currency_field="freight_currency_id",
        help="Business volume of the last twelve months, in company currency.",
    )
    freight_cooperation_start = fields.Date(
        string="Cooperation Since",
        help="Date the first business with this customer was confirmed.",
    )
    freight_registered_capital = fields.Monetary(
        string="Registered Capital",
        currency_field="freight_currency_id",
    )

    @api.depends("company_id")
    def _compute_freight_currency_id(self):
        for partner in self:
            company = partner.company_id or self.env.company
            partner.freight_currency_id = company.currency_id

    # --- Admission, contracts, risk (issue 4) ---
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
    # Contracts (R-CON-*)
    freight_contract_ids = fields.One2many(
        "freight.customer.contract",
        "partner_id",
        string="Contracts",
        groups="freight_crm.group_freight_salesperson,freight_crm.group_freight_legal",
    )
    freight_contract_count = fields.Integer(
        compute="_compute_freight_contract_count",
        groups="freight_crm.group_freight_salesperson,freight_crm.group_freight_legal",
    )
    freight_has_valid_contract = fields.Boolean(
        string="Valid Contract",
        compute="_compute_freight_contract_gate",
        help="Has a signed, valid, long-term contract today (R-CON-3).",
    )
    freight_contract_warning = fields.Char(
        compute="_compute_freight_contract_gate",
        help="What the contract gate misses for this customer.",
    )
    # Risk (R-RSK-1) and rewards/penalties (R-REW-1)
    freight_risk_ids = fields.One2many(
        "freight.customer.risk",
        "partner_id",
        string="Risks",
        groups="freight_crm.group_freight_salesperson",
    )
    freight_risk_blocked = fields.Boolean(
        string="High Risk",
        compute="_compute_freight_risk_blocked",
        search="_search_freight_risk_blocked",
        help="An open high risk blocks new contracts until a manager clears it.",
    )
    freight_reward_ids = fields.One2many(
        "freight.customer.reward",
        "partner_id",
        string="Rewards and Penalties",
        groups="freight_crm.group_freight_salesperson",
    )
    # Confidential financial data (R-SEC-1): managers only, in every entry
    # point (read, search_read, read_group, export, reports).
    freight_bank_name = fields.Char(string="Opening Bank", groups=MANAGER)
    freight_bank_account = fields.Char(string="Bank Account", groups=MANAGER)
    freight_credit_limit = fields.Monetary(
        string="Approved Credit Line",
        currency_field="freight_currency_id",
        groups=MANAGER,
    )
    freight_receivable_amount = fields.Monetary(
        string="Outstanding Receivables",
        currency_field="freight_currency_id",
        groups=MANAGER,
    )
    freight_share_ids = fields.One2many(
        "freight.customer.share",
        "partner_id",
        string="File Sharing Requests",
        groups="freight_crm.group_freight_salesperson",
    )
    freight_anonymised = fields.Boolean(string="Anonymised", readonly=True, copy=False)
    freight_anonymised_date = fields.Datetime(
        string="Anonymised On", readonly=True, copy=False
    )
    freight_anonymised_user_id = fields.Many2one(
        "res.users", string="Anonymised By", readonly=True, copy=False
    )

    @api.depends("freight_registered_capital")
    def _compute_freight_adm_capital_ok(self):
        threshold = self._freight_admission_min_capital()
        for partner in self:
            partner.freight_adm_capital_ok = (
                partner.freight_registered_capital >= threshold
            )

    def _compute_freight_contract_count(self):
        counts = dict(
            self.env["freight.customer.contract"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.freight_contract_count = counts.get(partner, 0)

    @api.depends("freight_grade_id")
    def _compute_freight_contract_gate(self):
        missing = self._freight_contract_gate_missing()
        for partner in self:
            partner.freight_has_valid_contract = partner.id not in missing
            partner.freight_contract_warning = missing.get(partner.id, False)

    def _compute_freight_risk_blocked(self):
        blocked = self._freight_high_risk_partner_ids()
        for partner in self:
            partner.freight_risk_blocked = partner.id in blocked

    def _search_freight_risk_blocked(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        risks = (
            self.env["freight.customer.risk"]
            .sudo()
            ._read_group(
                [("level", "=", "high"), ("state", "=", "open")], ["partner_id"]
            )
        )
        ids = [partner.id for (partner,) in risks]
        wanted = (True in value) == (operator == "in")
        return [("id", "in" if wanted else "not in", ids)]

    @api.model_create_multi
    def create(self, vals_list):
        self._freight_check_manager_fields(vals_list)
        partners = super().create(vals_list)
        if not self.env.su:
            # A new customer has no contract yet: created signed, A/B fail.
            partners.filtered(
                lambda p: p.freight_customer_state == "signed"
            )._freight_check_contract_gate()
        partners.filtered("freight_first_contact_date")._freight_plan_due_diligence()
        return partners

    def write(self, vals):
        self._freight_check_manager_fields([vals])
        undo = "freight_anonymised" in vals and not vals["freight_anonymised"]
        if undo and any(self.mapped("freight_anonymised")):
            raise UserError(self.env._("An anonymisation cannot be undone."))
        self._freight_check_onboarding_stage(vals)
        if "user_id" in vals:
            self._freight_check_reassignment(vals["user_id"])
        if vals.get("freight_customer_state") == "signed" and not self.env.su:
            becoming_signed = self.filtered(
                lambda p: p.freight_customer_state != "signed"
            )
            grade = (
                self.env["freight.customer.grade"].browse(vals["freight_grade_id"])
                if "freight_grade_id" in vals
                else None
            )
            becoming_signed._freight_check_contract_gate(grade=grade)
        res = super().write(vals)
        if vals.get("freight_first_contact_date"):
            self._freight_plan_due_diligence()
        return res

    # Onboarding and admission --------------------------------------------
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

    def _freight_check_reassignment(self, new_user_id):
        """The account manager decides who sees a customer's freight data
        (record rules): only managers move a customer away from another
        salesperson (R-SEC-1, R-VIS-6)."""
        if self.env.su or self.env.user.has_group(MANAGER):
            return
        taken = self.filtered(
            lambda p: (
                p.freight_customer_state
                and p.user_id
                and p.user_id != self.env.user
                and p.user_id.id != new_user_id
            )
        )
        if taken:
            raise AccessError(
                self.env._(
                    "%s belongs to another salesperson: only a Freight CRM "
                    "manager can reassign it.",
                    taken[0].display_name,
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

    # Contract gate (R-CON-3) --------------------------------------------
    def _freight_contract_gate_missing(self):
        """{partner id: what is missing} for partners without a signed,
        valid, long-term contract today. Three queries, whatever the number
        of partners."""
        partners = self.filtered("id")
        if not partners:
            return {}
        Contract = self.env["freight.customer.contract"].sudo()
        ids = partners.commercial_partner_id.ids
        valid = {
            partner.id
            for (partner,) in Contract._read_group(
                Contract._valid_domain() & Domain("partner_id", "in", ids),
                ["partner_id"],
            )
        }
        signed = {
            partner.id: count
            for partner, count in Contract._read_group(
                [("partner_id", "in", ids), ("state", "in", ("signed", "expired"))],
                ["partner_id"],
                ["__count"],
            )
        }
        missing = {}
        for partner in partners:
            commercial = partner.commercial_partner_id.id
            if commercial in valid:
                continue
            if signed.get(commercial):
                missing[partner.id] = self.env._(
                    "its contract is expired, not yet started or not a "
                    "long-term agreement"
                )
            else:
                missing[partner.id] = self.env._("no signed contract")
        return missing

    def _freight_check_contract_gate(self, grade=None):
        """Refuse confirming business for grade A/B customers (grade requires
        a contract) without a valid contract; return the customers that only
        get a warning (grade C). `grade` overrides the current grade."""
        missing = self._freight_contract_gate_missing()
        warned = self.browse()
        for partner in self:
            if partner.id not in missing:
                continue
            partner_grade = (
                grade
                if grade is not None
                else partner.commercial_partner_id.freight_grade_id
            )
            if partner_grade.contract_required:
                raise UserError(
                    self.env._(
                        "%(customer)s (grade %(grade)s) needs a signed, valid, "
                        "long-term contract before business is confirmed: "
                        "%(missing)s.",
                        customer=partner.display_name,
                        grade=partner_grade.code,
                        missing=missing[partner.id],
                    )
                )
            warned |= partner
        for partner in warned:
            partner.commercial_partner_id.message_post(
                body=self.env._(
                    "Reminder: %(customer)s has no signed, valid contract "
                    "(%(missing)s). Sign one as soon as possible.",
                    customer=partner.display_name,
                    missing=missing[partner.id],
                )
            )
        return warned

    def action_freight_view_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_crm.freight_customer_contract_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    # Risk and rewards (R-RSK-1, R-REW-1) ---------------------------------
    def _freight_high_risk_partner_ids(self):
        risks = (
            self.env["freight.customer.risk"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", self.commercial_partner_id.ids),
                    ("level", "=", "high"),
                    ("state", "=", "open"),
                ],
                ["partner_id"],
            )
        )
        blocked = {partner.id for (partner,) in risks}
        return {p.id for p in self if p.commercial_partner_id.id in blocked}

    def _freight_check_risk_allows_contract(self):
        blocked = self.browse(self._freight_high_risk_partner_ids())
        if blocked:
            raise UserError(
                self.env._(
                    "%s has an open high risk: a manager must clear it before a "
                    "new contract is started.",
                    ", ".join(blocked.mapped("display_name")),
                )
            )

    def _freight_reward_credit_score(self):
        """Credit-standing score 0-100 from the rewards and penalties ledger,
        or None without entries. Meant to pre-fill the credit standing line
        of the next evaluation (R-REW-1)."""
        self.ensure_one()
        entries = (
            self.env["freight.customer.reward"]
            .sudo()
            ._read_group(
                [("partner_id", "=", self.commercial_partner_id.id)],
                ["kind"],
                ["__count"],
            )
        )
        if not entries:
            return None
        counts = dict(entries)
        score = (
            REWARD_BASE_SCORE
            + REWARD_POINTS * counts.get("reward", 0)
            - PENALTY_POINTS * counts.get("penalty", 0)
        )
        return max(0.0, min(100.0, score))

    # Confidentiality (R-SEC-3) ------------------------------------------
    def action_freight_anonymise(self):
        """Irreversibly erase the personal and business data of customers no
        longer needed (已不需要的客户信息及时销毁); who and when are kept."""
        if not self.env.user.has_group(MANAGER):
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

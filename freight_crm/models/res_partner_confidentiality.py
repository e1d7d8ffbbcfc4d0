# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who may see a customer's file (R-SEC-1, R-SEC-2, R-SEC-3).

Two layers, both held by the ORM for every entry point (read, search,
group, export, onchange, reports, chatter):

- record rules (security/res_partner_security.xml) on two stored, indexed
  keys computed here from the commercial partner: whether the partner
  belongs to a freight customer and who its account manager is. A
  salesperson sees ordinary partners, their own and unassigned customers
  and the customers shared with them by an approved, unexpired request.
- ``groups=`` on every freight field, re-declared below with only that
  attribute (Odoo merges field attributes across ``_inherit`` classes), so
  internal users without a freight role, portal and public users read the
  partner row that Odoo's other apps need, never its freight data.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

from ..tools.roles import ANY_ROLE, LEGAL, MANAGER, SALESPERSON, SERVICE

SALES = SALESPERSON
# Every freight role reads the customer file; managers imply both others.
FILE = ANY_ROLE
# Grading and evaluations: the roles with access to the evaluations.
GRADING = f"{SALESPERSON},{SERVICE}"
# Contract status: the roles with access to the contracts.
CONTRACTS = f"{SALESPERSON},{LEGAL}"
# Paths of res.partner that reach bank data; exported by managers only.
BANK_PATHS = ("bank_ids", "freight_bank_name", "freight_bank_account")
# Values whose change may move a partner into or out of a customer file.
CONFIDENTIALITY_KEYS = {"freight_customer_state", "parent_id", "is_company"}
# Marks the freight business logic of create/write while it reads the freight
# fields of the records it checks: an object, so that no RPC context (JSON
# only) can forge it.
_INTERNAL_READ = object()


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Keys of the record rules: stored and indexed, so the rules stay plain
    # comparisons on res_partner whatever the number of customers.
    freight_is_customer = fields.Boolean(
        string="Freight Customer",
        compute="_compute_freight_confidentiality_keys",
        store=True,
        index=True,
        compute_sudo=True,
        help="The partner or its company is a freight customer: its file is "
        "confidential.",
    )
    freight_owner_id = fields.Many2one(
        "res.users",
        string="File Owner",
        compute="_compute_freight_confidentiality_keys",
        store=True,
        index=True,
        compute_sudo=True,
        help="Account manager of the customer (of its company for a contact): "
        "the salesperson whose file it is.",
    )

    # The customer file (R-FILE-1, R-FILE-2, R-ONB-*).
    freight_customer_state = fields.Selection(groups=FILE)
    freight_grade_id = fields.Many2one(groups=FILE)
    freight_grade_code = fields.Char(groups=FILE)
    freight_score = fields.Float(groups=FILE)
    freight_annual_volume = fields.Monetary(groups=FILE)
    freight_cooperation_start = fields.Date(groups=FILE)
    freight_registered_capital = fields.Monetary(groups=FILE)
    freight_signed_type = fields.Selection(groups=FILE)
    freight_segment_id = fields.Many2one(groups=FILE)
    freight_service_focus = fields.Text(groups=FILE)
    freight_fax = fields.Char(groups=FILE)
    freight_legal_representative = fields.Char(groups=FILE)
    freight_founding_date = fields.Date(groups=FILE)
    freight_floor_area = fields.Float(groups=FILE)
    freight_headcount = fields.Integer(groups=FILE)
    freight_company_size = fields.Selection(groups=FILE)
    freight_annual_revenue = fields.Monetary(groups=FILE)
    freight_resources = fields.Text(groups=FILE)
    freight_current_providers = fields.Text(groups=FILE)
    freight_logistics_needs = fields.Text(groups=FILE)
    freight_other_notes = fields.Text(groups=FILE)
    freight_industry_position = fields.Text(groups=FILE)
    freight_competitor_notes = fields.Text(groups=FILE)
    freight_project_start_date = fields.Date(groups=FILE)
    freight_milestones = fields.Text(groups=FILE)
    freight_contribution_period = fields.Char(groups=FILE)
    freight_industry_influence = fields.Boolean(groups=FILE)
    freight_evaluation_date = fields.Date(groups=FILE)
    freight_regrade_quarter = fields.Date(groups=FILE)
    freight_onboarding_stage = fields.Selection(groups=FILE)
    freight_first_contact_date = fields.Date(groups=FILE)
    freight_due_diligence_deadline = fields.Date(groups=FILE)
    freight_adm_licence_ok = fields.Boolean(groups=FILE)
    freight_adm_capital_ok = fields.Boolean(groups=FILE)
    freight_adm_no_violation = fields.Boolean(groups=FILE)
    freight_adm_needs_match = fields.Boolean(groups=FILE)
    freight_adm_accepts_credit = fields.Boolean(groups=FILE)
    freight_admission_passed = fields.Boolean(groups=FILE)
    freight_admission_date = fields.Datetime(groups=FILE)
    freight_admission_user_id = fields.Many2one(groups=FILE)
    freight_admission_exception_reason = fields.Text(groups=FILE)
    freight_admission_exception_user_id = fields.Many2one(groups=FILE)
    freight_admission_exception_date = fields.Datetime(groups=FILE)
    freight_anonymised = fields.Boolean(groups=FILE)
    freight_anonymised_date = fields.Datetime(groups=FILE)
    freight_anonymised_user_id = fields.Many2one(groups=FILE)
    freight_evaluation_ids = fields.One2many(groups=GRADING)
    freight_evaluation_count = fields.Integer(groups=GRADING)
    freight_grade_history_ids = fields.One2many(groups=GRADING)
    # Flags computed with elevated rights: restricted like what they
    # summarise. Key account = contribution above the threshold (the
    # contribution is a manager-only figure); contract status = contracts;
    # high risk = risks (salespeople and managers only).
    freight_is_key_account = fields.Boolean(groups=MANAGER)
    freight_has_valid_contract = fields.Boolean(groups=CONTRACTS)
    freight_contract_warning = fields.Char(groups=CONTRACTS)
    freight_risk_blocked = fields.Boolean(groups=SALES)

    @api.depends(
        "freight_customer_state",
        "user_id",
        "commercial_partner_id.freight_customer_state",
        "commercial_partner_id.user_id",
    )
    def _compute_freight_confidentiality_keys(self):
        for partner in self:
            commercial = partner.commercial_partner_id or partner
            if commercial.freight_customer_state:
                partner.freight_is_customer = True
                partner.freight_owner_id = commercial.user_id
            elif partner.freight_customer_state:
                partner.freight_is_customer = True
                partner.freight_owner_id = partner.user_id
            else:
                partner.freight_is_customer = False
                partner.freight_owner_id = False

    @api.model
    def _has_field_access(self, field, operation):
        if operation == "read" and self.env.context.get("freight_internal_read") is (
            _INTERNAL_READ
        ):
            return True
        return super()._has_field_access(field, operation)

    def _freight_without_role(self):
        """Whether the current user runs the freight business logic of a
        create or write without the right to read the freight fields it
        checks (an internal user without a freight role creating a
        contact, a sales user confirming an order)."""
        return not self.env.su and not self.env.user._freight_has_role()

    @api.model_create_multi
    def create(self, vals_list):
        if not self._freight_without_role():
            return super().create(vals_list)
        vals_list = self._freight_drop_restricted_defaults(vals_list)
        # The checks of the freight logic read freight fields of the new
        # partners; the caller gets them back in its own environment.
        internal = self.with_context(freight_internal_read=_INTERNAL_READ)
        return super(ResPartner, internal).create(vals_list).with_env(self.env)

    @api.model
    def _freight_drop_restricted_defaults(self, vals_list):
        """Values of freight fields the user may not write, equal to the
        field's default, are left to the default: a user created by an
        administrator without a freight role carries the partner defaults
        (res.users inherits res.partner), and a default is never refused."""
        restricted = {
            name
            for vals in vals_list
            for name in vals
            if name in self._fields
            and self._fields[name].groups
            and not self._has_field_access(self._fields[name], "write")
        }
        if not restricted:
            return vals_list
        defaults = self.default_get(list(restricted))
        return [
            {
                name: value
                for name, value in vals.items()
                if name not in restricted
                or name not in defaults
                or value != defaults[name]
            }
            for vals in vals_list
        ]

    def write(self, vals):
        if not self._freight_without_role():
            res = super().write(vals)
        else:
            internal = self.with_context(freight_internal_read=_INTERNAL_READ)
            res = super(ResPartner, internal).write(vals)
        if CONFIDENTIALITY_KEYS.intersection(vals):
            self._freight_sync_confidential_chatter()
        return res

    @api.model
    def _freight_confidential_ids(self, ids):
        """The ids among ``ids`` of partners whose file is confidential."""
        if not ids:
            return set()
        return set(
            self.sudo()
            .with_context(active_test=False)
            .search([("id", "in", list(ids)), ("freight_is_customer", "=", True)])
            .ids
        )

    def _freight_sync_confidential_chatter(self):
        """A partner that becomes (or stops being) a freight customer takes
        its existing messages and activities, and those of its contacts,
        into (or out of) its file: one UPDATE per table."""
        partners = (
            self.sudo()
            .with_context(active_test=False)
            .search([("commercial_partner_id", "in", self.commercial_partner_id.ids)])
        ) | self.sudo()
        partners.flush_recordset(["freight_is_customer"])
        for table, model_column in (
            ("mail_message", "model"),
            ("mail_activity", "res_model"),
        ):
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE %(table)s t SET freight_confidential = p.freight_is_customer
                      FROM res_partner p
                     WHERE t.%(model)s = 'res.partner' AND t.res_id = p.id
                       AND p.id = ANY(%(ids)s)
                       AND t.freight_confidential
                           IS DISTINCT FROM p.freight_is_customer
                    """,
                    table=SQL.identifier(table),
                    model=SQL.identifier(model_column),
                    ids=partners.ids,
                )
            )
        self.env["mail.message"].invalidate_model(["freight_confidential"])
        self.env["mail.activity"].invalidate_model(["freight_confidential"])

    def export_data(self, fields_to_export):
        """Bank accounts of freight customers are exported by managers only,
        whatever path reaches them (bank_ids/acc_number, the file's bank
        fields)."""
        if not self.env.su and not self.env.user._freight_is_manager():
            wants_bank = any(
                path.replace("/", ".").split(".")[0] in BANK_PATHS
                for path in fields_to_export
            )
            if wants_bank and any(self.sudo().mapped("freight_is_customer")):
                raise AccessError(
                    self.env._(
                        "Only a Freight CRM manager can export the bank "
                        "accounts of customers."
                    )
                )
        return super().export_data(fields_to_export)

    def _freight_prefill_score(self, criterion):
        """Only what the evaluator may read pre-fills the evaluation: the
        credit standing comes from the rewards and penalties ledger, which
        the evaluator must be allowed to read in full."""
        if not self.env.su and not self._freight_reads_reward_ledger():
            prefill = self.env.context.get("freight_prefill_scores", {})
            return prefill.get(criterion.id)
        return super()._freight_prefill_score(criterion)

    def _freight_reads_reward_ledger(self):
        self.ensure_one()
        Reward = self.env["freight.customer.reward"]
        if not Reward.has_access("read"):
            return False
        domain = [("partner_id", "=", self.commercial_partner_id.id)]
        return Reward.search_count(domain) == Reward.sudo().search_count(domain)

    def _freight_check_contract_gate(self, grade=None, notify=True):
        """Confirming an order runs the contract gate for sales users who
        may hold no freight role: its checks read the grade as the freight
        logic, the answer only says whether business may be confirmed."""
        if not self._freight_without_role():
            return super()._freight_check_contract_gate(grade=grade, notify=notify)
        internal = self.with_context(freight_internal_read=_INTERNAL_READ)
        warned = super(ResPartner, internal)._freight_check_contract_gate(
            grade=grade, notify=notify
        )
        return warned.with_env(self.env)

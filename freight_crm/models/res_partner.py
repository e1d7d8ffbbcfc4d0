# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import nullcontext

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.roles import MANAGER
from ..tools.settings_table import freight_setting_values

# Writes that can move a customer into ``signed`` or under another company:
# the signing gates (admission, contract) are held on each of them.
SIGNING_FIELDS = ("freight_customer_state", "parent_id", "is_company")


class ResPartner(models.Model):
    """The freight customer and its customer file (附表2, R-FILE-1/2).

    The other concerns extend ``res.partner`` in their own files: grading
    (``res_partner_grading.py``, ``res_partner_regrade.py``), admission,
    contract gate, risk and rewards, anonymisation. ``create`` and
    ``write`` only dispatch to the hooks those files extend; each file adds
    its workflow fields to ``_freight_guard_policy()``."""

    _name = "res.partner"
    _inherit = ("res.partner", "freight.workflow.guard")

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

    # Customer basic information (附表2 客户基本资料表, R-FILE-1)
    freight_signed_type = fields.Selection(
        [("long_term", "Long-term Cooperation"), ("temporary", "Temporary")],
        string="Cooperation Type",
        tracking=True,
        help="For signed customers: long-term partner or temporary customer.",
    )
    freight_segment_id = fields.Many2one(
        "freight.industry.segment",
        string="Industry Segment",
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    freight_service_focus = fields.Text(
        related="freight_segment_id.service_focus", string="Service Focus"
    )
    freight_fax = fields.Char(string="Fax")
    freight_legal_representative = fields.Char(string="Person in Charge")
    freight_founding_date = fields.Date(string="Founding Date")
    freight_floor_area = fields.Float(string="Floor Area (m²)")
    freight_headcount = fields.Integer(string="Headcount")
    freight_company_size = fields.Selection(
        [
            ("small", "Small (< 50 staff)"),
            ("medium", "Medium (50-300 staff)"),
            ("large", "Large (> 300 staff)"),
        ],
        string="Company Size",
    )
    freight_annual_revenue = fields.Monetary(
        string="Annual Revenue", currency_field="freight_currency_id"
    )
    freight_bank_name = fields.Char(
        string="Opening Bank", groups="freight_crm.group_freight_manager"
    )
    freight_bank_account = fields.Char(
        string="Bank Account", groups="freight_crm.group_freight_manager"
    )
    freight_resources = fields.Text(string="Resource Status")
    freight_current_providers = fields.Text(string="Current Logistics Providers")
    freight_logistics_needs = fields.Text(string="Main Logistics Needs and Solutions")
    freight_other_notes = fields.Text(string="Other Notes")
    # Key-account file (R-FILE-2)
    freight_credit_record = fields.Text(
        string="Credit Record", groups="freight_crm.group_freight_manager"
    )
    freight_financial_status = fields.Text(
        string="Financial Status", groups="freight_crm.group_freight_manager"
    )
    freight_industry_position = fields.Text(string="Industry Position")
    freight_competitor_notes = fields.Text(string="Competitor Notes")
    freight_project_start_date = fields.Date(string="Project Start Date")
    freight_milestones = fields.Text(string="Milestones and Anniversaries")
    # Money the grade policy and finance set (R-POL-2, R-SEC-1)
    freight_credit_limit = fields.Monetary(
        string="Approved Credit Line",
        currency_field="freight_currency_id",
        groups="freight_crm.group_freight_manager",
    )
    freight_payment_term_days = fields.Integer(
        string="Payment Term (Days)", groups="freight_crm.group_freight_manager"
    )
    freight_advance_funding_limit = fields.Monetary(
        string="Advance-funding Limit",
        currency_field="freight_currency_id",
        groups="freight_crm.group_freight_manager",
    )
    freight_receivable_amount = fields.Monetary(
        string="Receivables",
        currency_field="freight_currency_id",
        groups="freight_crm.group_freight_manager",
    )
    freight_overdue_receivable = fields.Monetary(
        string="Receivables over 3 Months",
        currency_field="freight_currency_id",
        groups="freight_crm.group_freight_manager",
    )
    freight_share_ids = fields.One2many(
        "freight.customer.share",
        "partner_id",
        string="File Sharing Requests",
        groups="freight_crm.group_freight_salesperson",
    )

    _freight_money_positive = models.Constraint(
        "CHECK(freight_registered_capital >= 0 AND freight_annual_volume >= 0)",
        "Registered capital and annual business volume cannot be negative.",
    )

    @api.depends("company_id")
    def _compute_freight_currency_id(self):
        default_currency = self.env.company.currency_id
        for partner in self:
            partner.freight_currency_id = (
                partner.company_id.currency_id or default_currency
            )

    @api.constrains(
        "freight_registered_capital",
        "freight_annual_volume",
        "freight_annual_revenue",
        "freight_floor_area",
        "freight_headcount",
    )
    def _check_freight_figures(self):
        labels = {
            "freight_registered_capital": self.env._("Registered capital"),
            "freight_annual_volume": self.env._("Annual business volume"),
            "freight_annual_revenue": self.env._("Annual revenue"),
            "freight_floor_area": self.env._("Floor area"),
            "freight_headcount": self.env._("Headcount"),
        }
        for partner in self:
            for fname, label in labels.items():
                if partner[fname] < 0:
                    raise ValidationError(
                        self.env._(
                            "%(field)s of %(customer)s cannot be negative.",
                            field=label,
                            customer=partner.display_name,
                        )
                    )

    # CRUD: thin dispatchers to the hooks of each concern ------------------
    @api.model_create_multi
    def create(self, vals_list):
        self._freight_check_create(vals_list)
        signing = not self.env.su and any(
            vals.get("freight_customer_state") == "signed" for vals in vals_list
        )
        # A refused signing undoes the whole create, cache included.
        with self.env.cr.savepoint() if signing else nullcontext():
            partners = super().create(
                [
                    self._freight_plain_vals(self._freight_create_defaults(vals))
                    for vals in vals_list
                ]
            )
            partners._freight_after_create(vals_list)
            if signing:
                partners.sudo().filtered(
                    lambda p: p.freight_customer_state == "signed"
                )._freight_check_signing()
        return partners

    def write(self, vals):
        self._freight_check_write(vals)
        before = self._freight_signing_snapshot(vals)
        # A refused signing undoes the whole write, cache included.
        with self.env.cr.savepoint() if before else nullcontext():
            res = super().write(self._freight_plain_vals(vals))
            self._freight_after_write(vals)
            if before:
                self._freight_entering_signed(before)._freight_check_signing()
        return res

    @api.model
    def _freight_check_create(self, vals_list):
        """Refuse ``vals_list`` before anything is created."""
        # NaN, infinity and impossible dates, before any flow computes with
        # them (the guard checks them again, cheaply, in its own create).
        self._freight_guard_values(vals_list)

    def _freight_check_write(self, vals):
        """Refuse ``vals`` before anything is written."""
        self._freight_guard_values([vals])
        if "user_id" in vals or "freight_customer_state" in vals:
            self._freight_check_reassignment(vals)

    def _freight_create_defaults(self, vals):
        """``vals`` completed with what the system knows of a new record."""
        return vals

    def _freight_plain_vals(self, vals):
        """The part of ``vals`` the plain create/write stores; a concern
        removes what its own flow applies in ``_freight_after_*``."""
        return vals

    def _freight_after_create(self, vals_list):
        """Follow-up of a create (flows, activities) on the new records."""

    def _freight_after_write(self, vals):
        """Follow-up of a write (flows, activities) on the written records."""

    def _freight_check_signing(self):
        """Gates a customer passes when it becomes signed, or when a signed
        customer moves under another company (its contracts and admission
        are then those of another commercial entity). Runs as superuser:
        the caller may be a user without access to the freight fields."""

    def _freight_signing_snapshot(self, vals):
        """{partner id: (state, commercial partner id)} before a write that
        can lead into ``signed``; empty for any other write, or for
        superuser code (data files, flows after their checks)."""
        if self.env.su or not set(vals) & set(SIGNING_FIELDS):
            return {}
        before = {
            partner.id: (
                partner.freight_customer_state,
                partner.commercial_partner_id.id,
            )
            for partner in self.sudo()
        }
        # Only a signing, or a move of a signed customer, needs the gates.
        if vals.get("freight_customer_state") == "signed" or any(
            state == "signed" for state, _commercial in before.values()
        ):
            return before
        return {}

    def _freight_entering_signed(self, before):
        """Partners signed now that were not, or whose commercial entity
        changed: values unchanged by the write are never re-checked."""
        return self.sudo().filtered(
            lambda p: (
                p.freight_customer_state == "signed"
                and before.get(p.id, (False, False))
                != ("signed", p.commercial_partner_id.id)
            )
        )

    # Workflow guard --------------------------------------------------------
    def _freight_guard_refuse(self, name, rule, value, record):
        if rule == MANAGER and not self.env.user._freight_is_manager():
            raise AccessError(
                self.env._(
                    "Only a Freight CRM manager can set: %s.",
                    self._freight_guard_label(name),
                )
            )
        return super()._freight_guard_refuse(name, rule, value, record)

    def _freight_check_reassignment(self, vals):
        """The account manager decides who sees a customer's freight data
        (record rules): only managers move a freight customer away from
        another salesperson (R-SEC-1, R-VIS-6). Checked against the stored
        owner, so clearing the state, taking the customer and setting the
        state back is refused as well as the direct reassignment."""
        if self.env.su or self.env.user._freight_is_manager():
            return
        new_state = vals.get("freight_customer_state")
        for partner in self.sudo():
            owner = partner.user_id
            if not owner or owner == self.env.user:
                continue
            moved = "user_id" in vals and (vals["user_id"] or False) != owner.id
            state_changed = "freight_customer_state" in vals and (
                new_state or False
            ) != (partner.freight_customer_state or False)
            if (moved and partner.freight_customer_state) or state_changed:
                raise AccessError(
                    self.env._(
                        "%s belongs to another salesperson: only a Freight CRM "
                        "manager can reassign it or change its state.",
                        partner.display_name,
                    )
                )

    # Helpers -----------------------------------------------------------------
    def _freight_ensure_one(self, action):
        """``ensure_one`` as a clear refusal instead of a traceback."""
        if len(self) != 1:
            raise UserError(
                self.env._(
                    "%(action)s works on one customer at a time (%(count)s selected).",
                    action=action,
                    count=len(self),
                )
            )

    @api.model
    def _freight_params(self, keys):
        """The settings ``keys`` as typed values, by key (tools/settings.py
        is the one place each default is written)."""
        return freight_setting_values(self.env, keys)

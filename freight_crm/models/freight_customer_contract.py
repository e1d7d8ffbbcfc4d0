# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .freight_workflow_guard import PARENT, WORKFLOW

# The terms approved by the chain: frozen once the contract is submitted
# (the customer is the policy's parent link, fixed once it left draft).
TERM_FIELDS = frozenset(
    {
        "date_start",
        "date_end",
        "is_long_term",
        "service_scope",
        "price_basis",
        "settlement_cycle",
        "liability",
    }
)


class FreightCustomerContract(models.Model):
    """A customer contract (R-CON-1): its terms, frozen once submitted. The
    approval chain (R-CON-2) is in freight_customer_contract_approval.py,
    validity and expiry (R-CON-3, R-CON-4) in
    freight_customer_contract_expiry.py."""

    _name = "freight.customer.contract"
    _description = "Customer Contract"
    _inherit = ("mail.thread", "mail.activity.mixin", "freight.workflow.guard")
    _order = "date_start desc, id desc"
    # Who approves a contract is an access right, not a form detail.
    _freight_guard_workflow_error = AccessError

    name = fields.Char(
        string="Contract Number",
        required=True,
        copy=False,
        readonly=True,
        default=lambda self: self.env._("New"),
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
        ondelete="restrict",
    )
    user_id = fields.Many2one(
        related="partner_id.user_id",
        string="Account Manager",
        store=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    service_scope = fields.Text(required=True, help="Services the contract covers.")
    price_basis = fields.Text(help="Price standard agreed with the customer.")
    settlement_cycle = fields.Selection(
        [
            ("per_shipment", "Per Shipment"),
            ("monthly", "Monthly"),
            ("quarterly", "Quarterly"),
            ("other", "Other"),
        ],
        required=True,
        default="monthly",
        tracking=True,
    )
    liability = fields.Text(string="Liability for Breach")
    date_start = fields.Date(
        string="Start Date", required=True, tracking=True, index=True
    )
    date_end = fields.Date(
        string="End Date",
        tracking=True,
        index=True,
        help="Leave empty for an open-ended contract.",
    )
    is_long_term = fields.Boolean(
        string="Long-term Agreement",
        tracking=True,
        help="A long-term cooperation agreement, required of A and B customers.",
    )
    signed_document = fields.Binary(
        attachment=True, copy=False, help="Scan of the signed contract."
    )
    signed_document_name = fields.Char(copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("manager_review", "Business Manager Review"),
            ("legal_review", "Legal Review"),
            ("deputy_review", "Deputy GM Approval"),
            ("approved", "Approved"),
            ("signed", "Signed"),
            ("expired", "Expired"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        copy=False,
        index=True,
        tracking=True,
    )
    approval_deadline = fields.Datetime(
        copy=False,
        readonly=True,
        help="The whole approval chain is due within this many working days "
        "of submission (Settings).",
    )
    approval_overdue = fields.Boolean(
        compute="_compute_approval_overdue", search="_search_approval_overdue"
    )
    submitted_by_id = fields.Many2one("res.users", copy=False, readonly=True)
    # Computed here rather than related to the customer's flag, which only
    # salespeople read: legal reviewers need it for the contracts they see.
    risk_blocked = fields.Boolean(
        compute="_compute_risk_blocked",
        string="Customer Has an Open High Risk",
    )
    manager_approver_id = fields.Many2one(
        "res.users", string="Business Manager", copy=False, readonly=True
    )
    manager_approval_date = fields.Datetime(copy=False, readonly=True)
    legal_approver_id = fields.Many2one(
        "res.users", string="Legal Reviewer", copy=False, readonly=True
    )
    legal_approval_date = fields.Datetime(copy=False, readonly=True)
    deputy_approver_id = fields.Many2one(
        "res.users", string="Deputy GM", copy=False, readonly=True
    )
    deputy_approval_date = fields.Datetime(copy=False, readonly=True)
    date_signed = fields.Date(copy=False, readonly=True)
    expiry_warned = fields.Boolean(
        copy=False,
        readonly=True,
        help="The account manager has been warned of the coming end date.",
    )

    # Says nothing of the other contract: it may be another salesperson's.
    _name_company_uniq = models.Constraint(
        "UNIQUE(name, company_id)",
        "This contract number is already used: leave the number to the sequence.",
    )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if not contract.date_start:
                raise ValidationError(self.env._("A contract needs a start date."))
            if contract.date_end and contract.date_end < contract.date_start:
                raise ValidationError(
                    self.env._(
                        "Contract %(contract)s: the end date %(end)s is before "
                        "the start date %(start)s.",
                        contract=contract.name,
                        end=contract.date_end,
                        start=contract.date_start,
                    )
                )

    @api.model
    def _freight_guard_policy(self):
        # The contract number is held by create() and write(): the sequence
        # fills it in before the record exists.
        return {
            "state": WORKFLOW,
            "approval_deadline": WORKFLOW,
            "submitted_by_id": WORKFLOW,
            "manager_approver_id": WORKFLOW,
            "manager_approval_date": WORKFLOW,
            "legal_approver_id": WORKFLOW,
            "legal_approval_date": WORKFLOW,
            "deputy_approver_id": WORKFLOW,
            "deputy_approval_date": WORKFLOW,
            "date_signed": WORKFLOW,
            "expiry_warned": WORKFLOW,
            "partner_id": PARENT,
        }

    def _freight_guard_is_open(self):
        self.ensure_one()
        return self.state == "draft"

    def _freight_guard_workflow_message(self, label, record):
        if record is None:
            return self.env._(
                "A new contract starts as a draft: its number, status and "
                "approvals are set by the approval chain, not on creation "
                "(%s).",
                label,
            )
        return self.env._(
            "Use the contract's buttons to submit, approve, sign or cancel "
            "it: its status and approvals cannot be written directly (%s).",
            label,
        )

    @api.model_create_multi
    def create(self, vals_list):
        partners = self.env["res.partner"].browse(
            [vals["partner_id"] for vals in vals_list if vals.get("partner_id")]
        )
        partners._freight_check_risk_allows_contract()
        new = self.env._("New")
        for vals in vals_list:
            # The number is the sequence's (unique per company), never the
            # client's; only superuser code (imports of old contracts) sets it.
            if not self.env.su and vals.get("name", new) != new:
                self._freight_guard_refuse("name", WORKFLOW, vals["name"], None)
            if vals.get("name", new) == new:
                vals["name"] = (
                    self.env["ir.sequence"].next_by_code("freight.customer.contract")
                    or new
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            for contract in self:
                if "name" in vals and not self._freight_guard_same(
                    "name", vals["name"], contract.name
                ):
                    self._freight_guard_refuse("name", WORKFLOW, vals["name"], contract)
        if vals.get("partner_id"):
            self.env["res.partner"].browse(
                vals["partner_id"]
            )._freight_check_risk_allows_contract()
        return super().write(vals)

    def _freight_guard_frozen(self):
        """Approved terms and a signed document (the workflow fields are the
        guard policy's)."""
        if self.state in ("draft", "cancelled"):
            return ()
        if self.state in ("signed", "expired"):
            return (*TERM_FIELDS, "signed_document")
        return tuple(TERM_FIELDS)

    def _freight_guard_frozen_message(self, changed):
        if changed == ["signed_document"]:
            return self.env._(
                "Contract %s is signed: its signed document cannot be replaced.",
                self.name,
            )
        return self.env._(
            "Contract %s is under approval or signed: its terms can no longer "
            "change. Cancel it and reset it to draft to amend it. Changed:",
            self.name,
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(contract.state not in ("draft", "cancelled") for contract in self):
            raise UserError(
                self.env._("Only draft or cancelled contracts can be deleted.")
            )

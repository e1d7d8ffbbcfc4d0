# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# One concern of res.partner per file, on purpose (see res_partner.py).
# pylint: disable=consider-merging-classes-inherited
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain


class ResPartner(models.Model):
    """Contract gate (R-CON-3): grade A/B customers need a signed, valid,
    long-term contract before business is confirmed; grade C customers
    get a reminder."""

    _inherit = "res.partner"

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

    def _freight_check_signing(self):
        # The contract first: it names what the customer still lacks.
        self._freight_check_contract_gate()
        res = super()._freight_check_signing()
        return res

    def freight_check_contract_gate(self, notify=True):
        """Contract gate for confirming business with these customers, for
        other addons (``freight_crm_sale`` calls it on order confirmation).

        Only customers the rulebook concerns are checked: freight customers
        (a customer state on them or their company) with a grade. Grade A/B
        without a signed, valid, long-term contract are refused with a
        UserError; the grade C ones are returned (in the caller's
        environment) and, if ``notify``, get a reminder on their company's
        chatter. The caller may be a user without access to the freight
        fields (a plain Sales user): they are read, and the reminder posted,
        as superuser."""
        concerned = self.sudo().filtered(
            lambda p: (
                p.freight_customer_state
                or p.commercial_partner_id.freight_customer_state
            )
        )
        warned = concerned._freight_check_contract_gate(notify=notify)
        return self.browse(warned.ids)

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

    def _freight_check_contract_gate(self, grade=None, notify=True):
        """Refuse confirming business for grade A/B customers (grade requires
        a contract) without a valid contract; return the customers that only
        get a warning (grade C), after posting them a reminder if ``notify``.
        Ungraded customers are not concerned: a grade decides whether a
        contract is required. `grade` overrides the current grade."""
        missing = self._freight_contract_gate_missing()
        warned = self.browse()
        for partner in self:
            if partner.id not in missing:
                continue
            if grade is not None:
                partner_grade = grade
            else:
                # The stricter of its own grade and its company's: attaching
                # an A customer under a C company must not open the gate.
                partner_grade = partner.commercial_partner_id.freight_grade_id
                if partner.freight_grade_id.contract_required:
                    partner_grade = partner.freight_grade_id
            if not partner_grade:
                continue
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
        for partner in warned if notify else ():
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
        self._freight_ensure_one(self.env._("Contracts"))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "freight_crm.freight_customer_contract_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

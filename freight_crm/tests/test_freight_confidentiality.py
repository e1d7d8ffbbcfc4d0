# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import FreightContractCase

FREIGHT_MODELS = (
    "freight.customer.contract",
    "freight.customer.risk",
    "freight.customer.reward",
    "freight.customer.kpi",
    "freight.customer.share",
)


@tagged("post_install", "-at_install")
class TestFreightConfidentiality(FreightContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own_contract = cls._signed_contract(cls.customer_a)
        cls.other_contract = cls._signed_contract(cls.other_customer)
        cls.records = {}
        for partner, key in ((cls.customer_a, "own"), (cls.other_customer, "other")):
            cls.records[key] = {
                "freight.customer.contract": (
                    cls.own_contract if key == "own" else cls.other_contract
                ),
                **cls._ledger_records(partner),
            }

    def _can_read(self, user, record):
        try:
            record.with_user(user).check_access("read")
        except AccessError:
            return False
        return True

    def test_access_matrix(self):
        # model -> (salesperson own, salesperson other, service, manager, internal)
        expected = {
            "freight.customer.contract": (True, False, False, True, False),
            "freight.customer.risk": (True, False, False, True, False),
            "freight.customer.reward": (True, False, False, True, False),
            "freight.customer.kpi": (True, False, True, True, False),
            "freight.customer.share": (True, False, False, True, False),
        }
        for model, (own, other, service, manager, internal) in expected.items():
            own_rec = self.records["own"][model]
            other_rec = self.records["other"][model]
            self.assertEqual(self._can_read(self.sales, own_rec), own, model)
            self.assertEqual(self._can_read(self.sales, other_rec), other, model)
            self.assertEqual(self._can_read(self.service, other_rec), service, model)
            self.assertEqual(self._can_read(self.manager, other_rec), manager, model)
            self.assertEqual(self._can_read(self.internal, own_rec), internal, model)

    def test_legal_reads_all_contracts_only(self):
        self.assertTrue(self._can_read(self.legal, self.other_contract))
        self.assertFalse(
            self._can_read(self.legal, self.records["other"]["freight.customer.risk"])
        )

    def test_salesperson_writes_own_not_others(self):
        risk = self.records["own"]["freight.customer.risk"]
        risk.with_user(self.sales).description = "已购买汇率保险"
        other = self.records["other"]["freight.customer.risk"]
        with self.assertRaises(AccessError):
            other.with_user(self.sales).description = "篡改"
        with self.assertRaises(AccessError):
            self.env["freight.customer.risk"].with_user(self.sales).create(
                {"name": "x", "partner_id": self.other_customer.id}
            )

    def test_service_and_internal_cannot_write_contracts(self):
        for user in (self.service, self.internal):
            with self.assertRaises(AccessError):
                self.env["freight.customer.contract"].with_user(user).create(
                    self._contract_vals(self.customer_c)
                )

    def test_other_salesperson_contract_hidden_in_every_entry_point(self):
        Contract = self.env["freight.customer.contract"].with_user(self.sales)
        rows = Contract.search_read([], ["partner_id"])
        partners = {row["partner_id"][0] for row in rows}
        self.assertIn(self.customer_a.id, partners)
        self.assertNotIn(self.other_customer.id, partners)
        groups = Contract.formatted_read_group([], ["partner_id"], ["__count"])
        self.assertNotIn(
            self.other_customer.id,
            [g["partner_id"][0] for g in groups if g["partner_id"]],
        )
        self.assertFalse(Contract.search([("partner_id", "=", self.other_customer.id)]))
        with self.assertRaises(AccessError):
            self.other_contract.with_user(self.sales).export_data(["name"])
        with self.assertRaises(AccessError):
            self.other_contract.with_user(self.sales).read(["name"])
        exported = Contract.search([]).export_data(["name", "partner_id/name"])
        self.assertNotIn(
            self.other_contract.name, [row[0] for row in exported["datas"]]
        )

    def test_bank_fields_managers_only(self):
        Partner = self.env["res.partner"].with_user(self.sales)
        other = self.other_customer.with_user(self.sales)
        # Another salesperson's customer is out of reach, row and fields,
        # through every entry point.
        with self.assertRaises(AccessError):
            other.read(["name"])
        with self.assertRaises(AccessError):
            Partner.search_read(
                [("id", "=", self.other_customer.id)], ["freight_bank_account"]
            )
        with self.assertRaises(AccessError):
            Partner.formatted_read_group(
                [("id", "=", self.other_customer.id)], ["freight_bank_name"]
            )
        with self.assertRaises(AccessError):
            other.export_data(["freight_bank_account"])
        with self.assertRaises(AccessError):
            Partner.search([("freight_bank_account", "like", "6217")])
        for field in ("freight_credit_limit", "freight_receivable_amount"):
            with self.assertRaises(AccessError):
                other.read([field])
        self.assertEqual(
            self.other_customer.with_user(self.manager).freight_bank_account,
            "6217 0000 1111 2222",
        )

    def test_sharing_request_approved_and_expiring(self):
        Share = self.env["freight.customer.share"].with_user(self.sales2)
        share = Share.create(
            {
                "partner_id": self.customer_a.id,
                "reason": "客户交接",
                "date_expiry": "2099-01-01",
            }
        )
        self.assertEqual(share.user_id, self.sales2)
        self.assertFalse(self._can_read(self.sales2, self.own_contract))
        with self.assertRaisesRegex(AccessError, "manager"):
            share.action_approve()
        share.with_user(self.manager).action_approve()
        self.assertEqual(share.approved_by_id, self.manager)
        self.assertTrue(self._can_read(self.sales2, self.own_contract))
        with self.assertRaises(AccessError):
            self.own_contract.with_user(self.sales2).write(
                {"signed_document_name": "x.pdf"}
            )
        share.with_user(self.manager).date_expiry = "2020-01-01"
        self.env["freight.customer.share"]._cron_expire()
        self.assertEqual(share.state, "expired")
        self.assertFalse(self._can_read(self.sales2, self.own_contract))

    def test_anonymise_is_manager_only_logged_and_irreversible(self):
        partner = self.other_customer
        contact = self.env["res.partner"].create(
            {"name": "陈经理", "parent_id": partner.id, "phone": "13800000000"}
        )
        with self.assertRaisesRegex(AccessError, "manager"):
            partner.with_user(self.sales2).action_freight_anonymise()
        partner.with_user(self.manager).action_freight_anonymise()
        self.assertTrue(partner.freight_anonymised)
        self.assertEqual(partner.freight_anonymised_user_id, self.manager)
        self.assertTrue(partner.freight_anonymised_date)
        self.assertNotIn("广州", partner.name)
        self.assertFalse(partner.freight_bank_account)
        self.assertFalse(contact.phone)
        self.assertFalse(contact.active)
        self.assertEqual(len(partner.message_ids), 1)
        with self.assertRaisesRegex(UserError, "already anonymised"):
            partner.with_user(self.manager).action_freight_anonymise()
        with self.assertRaisesRegex(UserError, "cannot be undone"):
            partner.with_user(self.manager).write({"freight_anonymised": False})

    def test_salesperson_cannot_take_over_another_customer(self):
        # The record rules already hide the customer from the salesperson.
        with self.assertRaises(AccessError):
            self.other_customer.with_user(self.sales).user_id = self.sales
        self.assertEqual(self.other_customer.user_id, self.sales2)
        self.assertFalse(self._can_read(self.sales, self.other_contract))
        self.other_customer.with_user(self.manager).user_id = self.sales
        self.assertTrue(self._can_read(self.sales, self.other_contract))

    def test_salesperson_cannot_rewrite_the_ledger(self):
        entry = self.records["own"]["freight.customer.reward"]
        with self.assertRaises(AccessError):
            entry.with_user(self.sales).kind = "penalty"

    def test_salesperson_cannot_lower_the_grade_to_pass_the_gate(self):
        customer = self.customer_b.with_user(self.sales)
        with self.assertRaisesRegex(AccessError, "Customer Grade"):
            customer.write(
                {
                    "freight_grade_id": self.grade_c.id,
                    "freight_customer_state": "signed",
                }
            )
        with self.assertRaisesRegex(AccessError, "Customer Grade"):
            customer.freight_grade_id = self.grade_c
        with self.assertRaisesRegex(AccessError, "Evaluation Score"):
            customer.freight_score = 10
        with self.assertRaisesRegex(AccessError, "Customer Grade"):
            self.env["res.partner"].with_user(self.sales).create(
                {"name": "宁波新客户", "freight_grade_id": self.grade_c.id}
            )
        self.assertEqual(self.customer_b.freight_grade_id, self.grade_b)
        self.assertEqual(self.customer_b.freight_customer_state, "admission")
        with self.assertRaisesRegex(UserError, "no signed contract"):
            customer.freight_customer_state = "signed"
        # Unchanged values sent back by the web client are harmless.
        customer.write({"freight_grade_id": self.grade_b.id, "comment": "老客户"})
        self.customer_b.with_user(self.manager).freight_grade_id = self.grade_c
        self.assertEqual(self.customer_b.freight_grade_id, self.grade_c)

    def test_contract_cannot_be_created_signed_by_rpc(self):
        Contract = self.env["freight.customer.contract"].with_user(self.sales)
        for forged in (
            {"state": "signed"},
            {"state": "approved"},
            {"deputy_approver_id": self.sales.id},
            {"date_signed": "2026-01-01"},
        ):
            with self.assertRaisesRegex(AccessError, "starts as a draft"):
                Contract.create(self._contract_vals(self.customer_b, **forged))
        self.assertFalse(Contract.search([("partner_id", "=", self.customer_b.id)]))
        draft = Contract.create(self._contract_vals(self.customer_b, state="draft"))
        self.assertEqual(draft.state, "draft")
        with self.assertRaisesRegex(UserError, "no signed contract"):
            self.customer_b.with_user(self.sales).freight_customer_state = "signed"

    def test_sharing_cannot_be_self_approved_or_extended(self):
        Share = self.env["freight.customer.share"].with_user(self.sales2)
        vals = {
            "partner_id": self.customer_a.id,
            "reason": "客户交接",
            "date_expiry": "2099-01-01",
        }
        for forged in (
            {"state": "approved"},
            {"approved_by_id": self.manager.id},
        ):
            with self.assertRaisesRegex(AccessError, "manager"):
                Share.create(dict(vals, **forged))
        share = Share.create(dict(vals, requested_by_id=self.manager.id))
        self.assertEqual(share.requested_by_id, self.sales2)
        self.assertFalse(self._can_read(self.sales2, self.own_contract))
        share.with_user(self.manager).action_approve()
        share.with_user(self.manager).date_expiry = "2099-01-01"
        with self.assertRaisesRegex(AccessError, "manager"):
            share.with_user(self.sales2).date_expiry = "2199-01-01"
        self.assertEqual(str(share.date_expiry), "2099-01-01")

    def test_salesperson_cannot_record_a_cleared_risk(self):
        Risk = self.env["freight.customer.risk"].with_user(self.sales)
        with self.assertRaisesRegex(AccessError, "manager"):
            Risk.create(
                {
                    "name": "客户拖欠运费",
                    "partner_id": self.customer_a.id,
                    "level": "high",
                    "state": "cleared",
                }
            )
        risk = Risk.create(
            {"name": "客户拖欠运费", "partner_id": self.customer_a.id, "level": "high"}
        )
        with self.assertRaisesRegex(AccessError, "manager"):
            risk.cleared_by_id = self.manager
        self.assertTrue(self.customer_a.freight_risk_blocked)

    def test_reports_keep_confidential_data(self):
        Report = self.env["ir.actions.report"].with_user(self.sales)
        with self.assertRaises(AccessError):
            Report._render_qweb_html(
                "freight_crm.report_freight_customer_file", self.other_customer.ids
            )
        html = Report._render_qweb_html(
            "freight_crm.report_freight_customer_file", self.customer_a.ids
        )[0].decode()
        self.assertNotIn("6217 0000 1111 2222", html)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            ._render_qweb_html(
                "freight_crm.report_freight_customer_file", self.other_customer.ids
            )[0]
            .decode()
        )
        self.assertIn("6217 0000 1111 2222", html)
        evaluation = self.env["freight.customer.evaluation"].create(
            {"partner_id": self.other_customer.id}
        )
        with self.assertRaises(AccessError):
            Report._render_qweb_html(
                "freight_crm.report_freight_customer_evaluation", evaluation.ids
            )

    def test_plain_internal_user_sees_no_freight_data(self):
        for model in FREIGHT_MODELS:
            Model = self.env[model].with_user(self.internal)
            with self.assertRaises(AccessError, msg=model):
                Model.search_read([], ["id"])
            with self.assertRaises(AccessError, msg=model):
                Model.formatted_read_group([], ["partner_id"], ["__count"])
        # Refused either way (AccessError is a UserError): no export right,
        # or no right on the field.
        with self.assertRaises(UserError):
            self.other_customer.with_user(self.internal).export_data(
                ["freight_bank_account"]
            )
        with self.assertRaises(AccessError):
            self.other_customer.with_user(self.service).read(["freight_credit_limit"])
        # Sums over confidential amounts leak them as surely as reading them.
        for user in (self.sales, self.service, self.internal):
            with self.assertRaises(AccessError):
                self.env["res.partner"].with_user(user).formatted_read_group(
                    [("id", "=", self.other_customer.id)],
                    ["user_id"],
                    ["freight_receivable_amount:sum"],
                )

    def test_gate_not_bypassed_by_moving_under_a_grade_c_company(self):
        customer = self.customer_a.with_user(self.sales)
        customer.write({"is_company": False, "parent_id": self.customer_c.id})
        self.assertEqual(customer.commercial_partner_id, self.customer_c)
        with self.assertRaisesRegex(UserError, "grade A"):
            customer.freight_customer_state = "signed"

    def test_user_without_role_creates_users_and_contacts(self):
        """Defaults of the freight fields are never refused: an
        administrator without a freight role creates users (which carry the
        partner defaults) and contacts; a non-default value stays refused."""
        admin = new_test_user(
            self.env, login="fc_plain_admin", groups="base.group_user,base.group_system"
        )
        user = (
            self.env["res.users"]
            .with_user(admin)
            .create({"name": "王芳", "login": "fc_plain_created"})
        )
        self.assertEqual(
            user.partner_id.sudo().freight_onboarding_stage, "qualification"
        )
        Partner = self.env["res.partner"].with_user(admin)
        contact = Partner.create(
            {"name": "周强", "freight_onboarding_stage": "qualification"}
        )
        self.assertFalse(contact.sudo().freight_is_customer)
        with self.assertRaises(AccessError):
            Partner.create({"name": "吴磊", "freight_onboarding_stage": "needs"})

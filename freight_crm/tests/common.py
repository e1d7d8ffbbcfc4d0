# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from odoo.tests import TransactionCase, new_test_user


class FreightGradingCase(TransactionCase):
    """Users, grades and criteria shared by the grading tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.salesperson = new_test_user(
            cls.env, login="fg_sales", groups="freight_crm.group_freight_salesperson"
        )
        cls.other_salesperson = new_test_user(
            cls.env, login="fg_sales2", groups="freight_crm.group_freight_salesperson"
        )
        cls.manager = new_test_user(
            cls.env, login="fg_manager", groups="freight_crm.group_freight_manager"
        )
        cls.grade_a = cls.env.ref("freight_crm.grade_a")
        cls.grade_b = cls.env.ref("freight_crm.grade_b")
        cls.grade_c = cls.env.ref("freight_crm.grade_c")
        cls.criteria = cls.env["freight.evaluation.criterion"].search([])
        cls.Partner = cls.env["res.partner"]
        cls.Evaluation = cls.env["freight.customer.evaluation"]

    @classmethod
    def _customer(cls, name="测试客户有限公司", **values):
        return cls.env["res.partner"].create(
            dict(
                {
                    "name": name,
                    "is_company": True,
                    "freight_customer_state": "signed",
                    "user_id": cls.salesperson.id,
                },
                **values,
            )
        )

    def _evaluation(self, partner, scores, user=None):
        """An evaluation of ``partner`` scoring every criterion ``scores``
        (one number for all, or a list in criterion order)."""
        if not isinstance(scores, list | tuple):
            scores = [scores] * len(self.criteria)
        env = self.env(user=user) if user else self.env
        evaluation = env["freight.customer.evaluation"].create(
            {"partner_id": partner.id}
        )
        for line, score in zip(evaluation.line_ids, scores, strict=True):
            line.score = score
        return evaluation


class FreightContractCase(TransactionCase):
    """Users of every role and three customers, one per grade, owned by the
    first salesperson."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        sales_groups = "freight_crm.group_freight_salesperson,base.group_allow_export"
        cls.sales = new_test_user(cls.env, login="fc4_sales", groups=sales_groups)
        cls.sales2 = new_test_user(cls.env, login="fc4_sales2", groups=sales_groups)
        cls.service = new_test_user(
            cls.env, login="fc4_service", groups="freight_crm.group_freight_service"
        )
        cls.manager = new_test_user(
            cls.env,
            login="fc4_manager",
            groups="freight_crm.group_freight_manager,base.group_allow_export",
        )
        cls.legal = new_test_user(
            cls.env, login="fc4_legal", groups="freight_crm.group_freight_legal"
        )
        cls.deputy = new_test_user(
            cls.env, login="fc4_deputy", groups="freight_crm.group_freight_deputy_gm"
        )
        cls.internal = new_test_user(
            cls.env, login="fc4_internal", groups="base.group_user"
        )
        cls.grade_a = cls.env.ref("freight_crm.grade_a")
        cls.grade_b = cls.env.ref("freight_crm.grade_b")
        cls.grade_c = cls.env.ref("freight_crm.grade_c")
        # The shipped grades decide; make the test independent of later edits.
        (cls.grade_a | cls.grade_b).contract_required = True
        cls.grade_c.contract_required = False
        Partner = cls.env["res.partner"]
        cls.customer_a = Partner.create(
            {
                "name": "杭州顺达电子商务有限公司",
                "is_company": True,
                "user_id": cls.sales.id,
                "freight_grade_id": cls.grade_a.id,
                "freight_customer_state": "admission",
            }
        )
        cls.customer_b = Partner.create(
            {
                "name": "苏州精工制造有限公司",
                "is_company": True,
                "user_id": cls.sales.id,
                "freight_grade_id": cls.grade_b.id,
                "freight_customer_state": "admission",
            }
        )
        cls.customer_c = Partner.create(
            {
                "name": "南京小商品贸易有限公司",
                "is_company": True,
                "user_id": cls.sales.id,
                "freight_grade_id": cls.grade_c.id,
                "freight_customer_state": "admission",
            }
        )
        cls.other_customer = Partner.create(
            {
                "name": "广州远航商贸有限公司",
                "is_company": True,
                "user_id": cls.sales2.id,
                "freight_grade_id": cls.grade_b.id,
                "freight_customer_state": "admission",
                "freight_bank_name": "中国银行广州分行",
                "freight_bank_account": "6217 0000 1111 2222",
            }
        )
        cls.document = base64.b64encode(b"%PDF-1.4 signed contract")

    @classmethod
    def _ledger_records(cls, partner):
        """{model: record}: one risk, reward, KPI and sharing request of
        ``partner``, for the access tests."""
        return {
            "freight.customer.risk": cls.env["freight.customer.risk"].create(
                {"name": "汇率风险", "partner_id": partner.id, "level": "low"}
            ),
            "freight.customer.reward": cls.env["freight.customer.reward"].create(
                {"partner_id": partner.id, "kind": "reward", "reason": "全年零投诉"}
            ),
            "freight.customer.kpi": cls.env["freight.customer.kpi"].create(
                {
                    "partner_id": partner.id,
                    "date_start": "2026-07-01",
                    "date_end": "2026-09-30",
                    "on_time_rate": 99,
                }
            ),
            "freight.customer.share": cls.env["freight.customer.share"].create(
                {
                    "partner_id": partner.id,
                    "user_id": cls.manager.id,
                    "reason": "年度审计",
                    "date_expiry": "2099-12-31",
                }
            ),
        }

    @classmethod
    def _contract_vals(cls, partner, **vals):
        return dict(
            {
                "partner_id": partner.id,
                "service_scope": "海运整柜、报关、仓储",
                "date_start": "2026-01-01",
                "date_end": "2027-12-31",
                "is_long_term": True,
            },
            **vals,
        )

    @classmethod
    def _signed_contract(cls, partner, **vals):
        """A contract taken through the whole chain by superuser."""
        contract = cls.env["freight.customer.contract"].create(
            cls._contract_vals(partner, **vals)
        )
        contract.action_submit()
        contract.action_manager_approve()
        contract.action_legal_approve()
        contract.action_deputy_approve()
        contract.signed_document = cls.document
        contract.action_sign()
        return contract

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user, tagged

FEEDBACK = "freight_crm.mail_activity_customer_suggestion_feedback"


@tagged("post_install", "-at_install")
class TestFreightCustomerSuggestion(TransactionCase):
    """Customer suggestions as the roles that handle them: recorded,
    evaluated, adopted or declined by a manager, answered to the customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales = new_test_user(
            cls.env, login="sg_sales", groups="freight_crm.group_freight_salesperson"
        )
        cls.sales2 = new_test_user(
            cls.env, login="sg_sales2", groups="freight_crm.group_freight_salesperson"
        )
        cls.service = new_test_user(
            cls.env, login="sg_service", groups="freight_crm.group_freight_service"
        )
        cls.manager = new_test_user(
            cls.env, login="sg_manager", groups="freight_crm.group_freight_manager"
        )
        cls.customer = cls._customer("宁波远洋进出口有限公司", cls.sales)
        cls.customer2 = cls._customer("青岛海达国际贸易有限公司", cls.sales2)
        cls.Suggestion = cls.env["freight.customer.suggestion"]

    @classmethod
    def _customer(cls, name, user):
        return cls.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "freight_customer_state": "signed",
                "user_id": user.id,
            }
        )

    def _suggestion(self, user, partner, **values):
        return (
            self.Suggestion.with_user(user)
            .create(
                {
                    "partner_id": partner.id,
                    "channel": "visit",
                    "name": "希望提供整柜实时轨迹推送",
                    **values,
                }
            )
            .with_user(user)
        )

    def test_workflow_adopt_then_answer(self):
        suggestion = self._suggestion(self.sales, self.customer)
        self.assertEqual(suggestion.state, "new")
        self.assertEqual(suggestion.user_id, self.sales)
        suggestion.action_evaluate()
        suggestion.evaluation = "运管中心评估可行,下月上线。"
        suggestion.with_user(self.manager).action_adopt()
        self.assertEqual(suggestion.state, "adopted")
        activity = suggestion.activity_ids
        self.assertEqual(activity.activity_type_id, self.env.ref(FEEDBACK))
        self.assertEqual(activity.user_id, self.sales)
        suggestion.feedback = "已电话告知客户物流经理,下月起推送。"
        suggestion.action_answer()
        self.assertEqual(suggestion.state, "answered")
        self.assertTrue(suggestion.answered_date)
        self.assertFalse(suggestion.activity_ids)

    def test_decision_and_answer_are_kept(self):
        suggestion = self._suggestion(self.sales, self.customer)
        suggestion.action_evaluate()
        suggestion.evaluation = "营销中心评估：暂不具备条件。"
        suggestion.with_user(self.manager).action_decline()
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            suggestion.write({"evaluation": "改写的评估"})
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            suggestion.write({"partner_id": self.customer2.id})
        # Unchanged values, and the feedback still to give, are accepted.
        suggestion.write(
            {"evaluation": suggestion.evaluation, "feedback": "已回复客户"}
        )
        suggestion.action_answer()
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            suggestion.write({"feedback": "改写的答复"})

    def test_decline_needs_evaluation(self):
        suggestion = self._suggestion(self.service, self.customer)
        suggestion.action_evaluate()
        as_manager = suggestion.with_user(self.manager)
        with self.assertRaises(UserError):
            as_manager.action_decline()
        suggestion.evaluation = "与协议价周期冲突,暂不采纳。"
        as_manager.action_decline()
        self.assertEqual(suggestion.state, "declined")

    def test_adopt_and_decline_refused_to_salesperson(self):
        suggestion = self._suggestion(
            self.sales, self.customer, evaluation="营销中心评估可行。"
        )
        suggestion.action_evaluate()
        with self.assertRaises(AccessError):
            suggestion.action_adopt()
        with self.assertRaises(AccessError):
            suggestion.action_decline()
        self.assertEqual(suggestion.state, "evaluating")

    def test_answer_needs_feedback(self):
        suggestion = self._suggestion(
            self.sales, self.customer, evaluation="财务部评估可行。"
        )
        suggestion.action_evaluate()
        suggestion.with_user(self.manager).action_adopt()
        with self.assertRaises(UserError):
            suggestion.action_answer()
        self.assertEqual(suggestion.state, "adopted")
        self.assertFalse(suggestion.answered_date)

    def test_answer_refused_before_decision(self):
        suggestion = self._suggestion(self.sales, self.customer, feedback="已答复。")
        with self.assertRaises(UserError):
            suggestion.action_answer()
        self.assertEqual(suggestion.state, "new")

    def test_forged_state_refused(self):
        with self.assertRaises(UserError):
            self._suggestion(self.sales, self.customer, state="adopted")
        suggestion = self._suggestion(self.sales, self.customer, state="new")
        with self.assertRaises(UserError):
            suggestion.write({"state": "answered"})
        with self.assertRaises(UserError):
            suggestion.write({"answered_date": "2026-06-01"})
        suggestion.write({"state": "new", "name": "按周调整淡季运价"})
        self.assertEqual(suggestion.state, "new")
        self.assertEqual(suggestion.name, "按周调整淡季运价")

    def test_salesperson_cannot_read_other_customers_suggestion(self):
        mine = self._suggestion(self.sales, self.customer)
        theirs = self._suggestion(self.sales2, self.customer2)
        self.assertEqual(self.Suggestion.with_user(self.sales).search([]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.sales).read(["name"])
        found = self.Suggestion.with_user(self.service).search([])
        self.assertEqual(found & (mine | theirs), mine | theirs)

    def test_recorder_reads_suggestion_of_other_customer(self):
        recorded = self._suggestion(self.sales, self.customer2)
        as_recorder = recorded.with_user(self.sales)
        self.assertEqual(as_recorder.search([("id", "=", recorded.id)]), recorded)
        self.assertEqual(as_recorder.name, "希望提供整柜实时轨迹推送")

    def test_customer_form_opens_its_suggestions(self):
        action = self.env.ref("freight_crm.freight_customer_suggestion_action")
        arch = (
            self.env["res.partner"]
            .with_user(self.sales)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn(f'name="{action.id}"', arch)

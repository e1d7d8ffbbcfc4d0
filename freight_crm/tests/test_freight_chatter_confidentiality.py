# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import FreightContractCase


@tagged("post_install", "-at_install")
class TestFreightChatterConfidentiality(FreightContractCase):
    """The chatter, activities and followers of a freight customer follow
    its file; an approved sharing ends on its expiry date."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.note = cls.other_customer.message_post(
            body="客户年货量预计 1200 TEU，竞争对手报价低 5%", message_type="comment"
        )
        cls.activity = cls.other_customer.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="复核客户信用额度",
            user_id=cls.sales2.id,
        )
        cls.other_customer.message_subscribe(partner_ids=cls.sales2.partner_id.ids)
        cls.ordinary = cls.env["res.partner"].create({"name": "上海港务集团"})
        cls.ordinary_note = cls.ordinary.message_post(body="港口联系人变更")

    def _messages(self, user, partner):
        return (
            self.env["mail.message"]
            .with_user(user)
            .search([("model", "=", "res.partner"), ("res_id", "=", partner.id)])
        )

    def test_customer_messages_read_by_freight_roles_only(self):
        self.assertTrue(self.note.freight_confidential)
        self.assertFalse(self.ordinary_note.freight_confidential)
        # The account manager, customer service and managers read it.
        for user in (self.sales2, self.service, self.manager):
            self.assertIn(self.note, self._messages(user, self.other_customer))
            self.note.with_user(user).check_access("read")
        # Another salesperson and an internal user without a freight role
        # do not, through search or read; ordinary contacts stay open.
        for user in (self.sales, self.internal):
            self.assertNotIn(self.note, self._messages(user, self.other_customer))
            with self.assertRaises(AccessError):
                self.note.with_user(user).read(["body"])
            self.assertIn(self.ordinary_note, self._messages(user, self.ordinary))

    def test_author_keeps_reading_own_message(self):
        posted = self.env["mail.message"].create(
            {
                "model": "res.partner",
                "res_id": self.other_customer.id,
                "body": "报关资料已寄出",
                "author_id": self.internal.partner_id.id,
                "message_type": "comment",
            }
        )
        self.assertTrue(posted.freight_confidential)
        posted.with_user(self.internal).check_access("read")
        self.assertIn(posted, self._messages(self.internal, self.other_customer))

    def test_customer_activities_read_by_freight_roles_and_holder(self):
        self.assertTrue(self.activity.freight_confidential)
        Activity = self.env["mail.activity"]
        self.assertIn(
            self.activity,
            Activity.with_user(self.sales2).search([("id", "=", self.activity.id)]),
        )
        for user in (self.sales, self.internal):
            self.assertFalse(
                Activity.with_user(user).search([("id", "=", self.activity.id)])
            )
            with self.assertRaises(AccessError):
                self.activity.with_user(user).read(["summary"])

    def test_followers_follow_the_customer(self):
        followers = self.other_customer.message_follower_ids
        self.assertTrue(followers)
        Followers = self.env["mail.followers"]
        domain = [
            ("res_model", "=", "res.partner"),
            ("res_id", "=", self.other_customer.id),
        ]
        self.assertEqual(Followers.with_user(self.sales2).search(domain), followers)
        self.assertFalse(Followers.with_user(self.sales).search(domain))
        self.assertFalse(Followers.with_user(self.sales).search_count(domain))
        with self.assertRaises(AccessError):
            followers.with_user(self.sales).read(["partner_id"])
        # Followers of ordinary contacts and of other documents stay visible.
        self.ordinary.message_subscribe(partner_ids=self.sales2.partner_id.ids)
        self.assertTrue(
            Followers.with_user(self.sales).search(
                [("res_model", "=", "res.partner"), ("res_id", "=", self.ordinary.id)]
            )
        )

    def test_becoming_a_customer_takes_the_chatter_into_the_file(self):
        self.assertFalse(self.ordinary_note.freight_confidential)
        self.ordinary.write(
            {"freight_customer_state": "potential", "user_id": self.sales2.id}
        )
        self.assertTrue(self.ordinary_note.freight_confidential)
        self.assertNotIn(
            self.ordinary_note, self._messages(self.internal, self.ordinary)
        )

    def test_sharing_ends_on_its_expiry_date_without_the_cron(self):
        share = (
            self.env["freight.customer.share"]
            .with_user(self.sales)
            .create(
                {
                    "partner_id": self.other_customer.id,
                    "reason": "协助跟进报关",
                    "date_expiry": fields.Date.today(),
                }
            )
        )
        share.with_user(self.manager).action_approve()
        Partner = self.env["res.partner"].with_user(self.sales)
        self.assertTrue(Partner.search([("id", "=", self.other_customer.id)]))
        tomorrow = date.today() + timedelta(days=1)
        # The next day, before any cron has expired the sharing.
        with patch.object(self.registry["ir.rule"], "_today", return_value=tomorrow):
            self.assertEqual(share.state, "approved")
            self.assertFalse(Partner.search([("id", "=", self.other_customer.id)]))

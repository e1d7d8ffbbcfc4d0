# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Who sees salesperson X's customer file, one assertion per cell: every
freight model and the customer itself x every role x every ORM entry point,
plus the customer's chatter, activities, followers, attachments and reports.
Always as the restricted user, never as superuser."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import FreightContractCase

ROLES = (
    "sales_x",
    "sales_z",
    "service",
    "legal",
    "manager",
    "internal",
    "portal_own",
    "portal_other",
)
# (model, field read) -> roles that see the record of X's customer.
MATRIX = {
    ("res.partner", "name"): {
        "sales_x",
        "service",
        "legal",
        "manager",
        "internal",
        "portal_own",
    },
    ("res.partner", "freight_competitor_notes"): {
        "sales_x",
        "service",
        "legal",
        "manager",
    },
    ("res.partner.bank", "acc_number"): {
        "sales_x",
        "service",
        "legal",
        "manager",
        "internal",
    },
    ("freight.customer.contract", "display_name"): {"sales_x", "legal", "manager"},
    ("freight.customer.risk", "display_name"): {"sales_x", "manager"},
    ("freight.customer.reward", "display_name"): {"sales_x", "manager"},
    ("freight.customer.kpi", "display_name"): {"sales_x", "service", "manager"},
    ("freight.customer.share", "display_name"): {"sales_x", "manager"},
    ("freight.customer.evaluation", "display_name"): {"sales_x", "manager"},
    ("freight.customer.grade.history", "display_name"): {"sales_x", "manager"},
    # The customer's chatter, activities, followers and attachments follow
    # the visibility of the customer.
    # Its messages are part of the file: the freight roles read them.
    ("mail.message", "body"): {"sales_x", "service", "legal", "manager"},
    ("mail.followers", "partner_id"): {
        "sales_x",
        "service",
        "legal",
        "manager",
        "internal",
    },
    # Odoo shows an activity to its assignee and to who may write the
    # customer: stricter than the customer's visibility.
    ("mail.activity", "summary"): {"sales_x", "manager"},
    ("ir.attachment", "name"): {"sales_x", "service", "legal", "manager"},
}
ENTRY_POINTS = (
    "read",
    "search_read",
    "search_count",
    "name_search",
    "formatted_read_group",
    "export_data",
    "web_search_read",
)
# Models whose search/read is not open to every entry point by design
# (chatter models have their own access logic; export needs the group).
EXPORT_EXEMPT = {"mail.message", "mail.activity", "mail.followers", "ir.attachment"}


@tagged("post_install", "-at_install")
class TestFreightAccessMatrix(FreightContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        export = "base.group_allow_export"
        cls.other_company = cls.env["res.partner"].create(
            {"name": "无关客户有限公司", "is_company": True}
        )
        cls.customer = cls.customer_a
        cls.customer.freight_competitor_notes = "竞争对手报价低5%"
        portal_own = new_test_user(
            cls.env, login="mx_portal_own", groups="base.group_portal"
        )
        portal_own.partner_id.parent_id = cls.customer
        portal_other = new_test_user(
            cls.env, login="mx_portal_other", groups="base.group_portal"
        )
        portal_other.partner_id.parent_id = cls.other_customer
        cls.users = {
            "sales_x": cls.sales,
            "sales_z": cls.sales2,
            "service": cls.service,
            "legal": cls.legal,
            "manager": cls.manager,
            "internal": new_test_user(
                cls.env, login="mx_internal", groups=f"base.group_user,{export}"
            ),
            "portal_own": portal_own,
            "portal_other": portal_other,
        }
        for login in ("service", "legal"):
            cls.users[login].group_ids |= cls.env.ref(export)
        partner = cls.customer
        cls.records = {
            "res.partner": partner,
            "res.partner.bank": cls.env["res.partner.bank"].create(
                {"partner_id": partner.id, "acc_number": "6222 0000 3333 4444"}
            ),
            "freight.customer.contract": cls._signed_contract(partner),
            **cls._ledger_records(partner),
            "freight.customer.evaluation": cls.env[
                "freight.customer.evaluation"
            ].create({"partner_id": partner.id}),
            "freight.customer.grade.history": cls.env[
                "freight.customer.grade.history"
            ].create(
                {
                    "partner_id": partner.id,
                    "new_grade_id": cls.env.ref("freight_crm.grade_b").id,
                    "source": "override",
                    "reason": "测试",
                }
            ),
            "mail.message": partner.message_post(
                body="内部备注：客户报价底线", message_type="comment"
            ),
            "mail.activity": partner.activity_schedule(
                "mail.mail_activity_data_todo", summary="回访", user_id=cls.sales.id
            ),
            "mail.followers": cls._follower(partner, cls.sales),
            "ir.attachment": cls.env["ir.attachment"].create(
                {
                    "name": "营业执照.txt",
                    "raw": b"licence",
                    "res_model": "res.partner",
                    "res_id": partner.id,
                }
            ),
        }

    @classmethod
    def _follower(cls, partner, user):
        partner.message_subscribe(partner_ids=user.partner_id.ids)
        return partner.message_follower_ids.filtered(
            lambda f: f.partner_id == user.partner_id
        )

    def _sees(self, user, model, field, entry_point):
        record = self.records[model]
        Model = self.env[model].with_user(user)
        domain = [("id", "=", record.id)]
        if field != "display_name":
            # The entry points that do not return the field must not
            # reveal it through the domain either.
            domain.append((field, "!=", False))
        try:
            if entry_point == "read":
                return bool(record.with_user(user).read([field]))
            if entry_point == "search_read":
                return bool(Model.search_read(domain, [field]))
            if entry_point == "search_count":
                return Model.search_count(domain) == 1
            if entry_point == "name_search":
                name = record.sudo().display_name or ""
                found = Model.name_search(name[:4], limit=None)
                return record.id in [row[0] for row in found]
            if entry_point == "formatted_read_group":
                groups = Model.formatted_read_group(domain, [], ["__count"])
                return bool(groups and groups[0]["__count"])
            if entry_point == "export_data":
                return bool(record.with_user(user).export_data([field])["datas"])
            if entry_point == "web_search_read":
                return Model.web_search_read(domain, {field: {}})["length"] == 1
        except (AccessError, UserError):
            # UserError: the export right itself is missing.
            return False
        raise AssertionError(entry_point)

    def test_matrix(self):
        for (model, field), seen_by in MATRIX.items():
            for entry_point in ENTRY_POINTS:
                if entry_point == "export_data" and model in EXPORT_EXEMPT:
                    continue
                if entry_point == "name_search" and (
                    model in EXPORT_EXEMPT or field == "freight_competitor_notes"
                ):
                    continue
                for role in ROLES:
                    with self.subTest(
                        model=model, field=field, entry=entry_point, role=role
                    ):
                        expected = role in seen_by
                        if entry_point == "export_data":
                            # Portal users have no export right at all.
                            expected = expected and not role.startswith("portal")
                        self.assertEqual(
                            self._sees(self.users[role], model, field, entry_point),
                            expected,
                        )

    def test_reports_follow_the_records(self):
        report = "freight_crm.report_freight_customer_file"
        # Report groups: salespeople and customer service (managers imply both).
        printers = {"sales_x", "service", "manager"}
        for role in ROLES:
            with self.subTest(role=role):
                Report = self.env["ir.actions.report"].with_user(self.users[role])
                try:
                    html = Report._render_qweb_html(report, self.customer.ids)[0]
                except AccessError:
                    html = None
                self.assertEqual(html is not None, role in printers)
        evaluation = self.records["freight.customer.evaluation"]
        for role in ROLES:
            with self.subTest(role=role, report="evaluation"):
                Report = self.env["ir.actions.report"].with_user(self.users[role])
                try:
                    Report._render_qweb_pdf(
                        "freight_crm.freight_customer_evaluation_report",
                        evaluation.ids,
                    )
                    printed = True
                except AccessError:
                    printed = False
                self.assertEqual(
                    printed,
                    role in MATRIX[("freight.customer.evaluation", "display_name")],
                )

    def test_share_grants_read_until_refused(self):
        share = self.env["freight.customer.share"].create(
            {
                "partner_id": self.customer.id,
                "user_id": self.sales2.id,
                "reason": "协同投标",
                "date_expiry": "2099-12-31",
            }
        )
        customer = self.customer.with_user(self.sales2)
        with self.assertRaises(AccessError):
            customer.read(["freight_competitor_notes"])
        share.with_user(self.manager).action_approve()
        self.assertEqual(
            customer.read(["freight_competitor_notes"])[0]["freight_competitor_notes"],
            "竞争对手报价低5%",
        )
        self.assertIn(
            self.sales2.name, self.customer.message_ids[0].body, "grant logged"
        )
        with self.assertRaises(AccessError):
            customer.write({"freight_competitor_notes": "x"})
        share.sudo().write({"state": "expired"})
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            customer.read(["name"])

    def test_flags_need_the_role(self):
        for role in ("internal", "portal_own", "service", "legal"):
            partner = self.customer.with_user(self.users[role])
            with self.subTest(role=role), self.assertRaises(AccessError):
                partner.read(["freight_risk_blocked"])
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.sales).search(
                [("freight_is_key_account", "=", True)]
            )

    def test_internal_user_creates_a_contact(self):
        contact = (
            self.env["res.partner"]
            .with_user(self.users["internal"])
            .sudo(False)
            .with_context(tracking_disable=True)
        )
        self.users["internal"].group_ids |= self.env.ref("base.group_partner_manager")
        created = contact.create({"name": "普通联系人"})
        self.assertFalse(created.sudo().freight_is_customer)
        with self.assertRaises(AccessError):
            created.read(["freight_customer_state"])

    def test_bank_accounts_export_refused(self):
        partner = self.customer.with_user(self.sales)
        with self.assertRaises(AccessError):
            partner.export_data(["bank_ids/acc_number"])
        rows = self.customer.with_user(self.manager).export_data(
            ["bank_ids/acc_number"]
        )
        self.assertEqual(rows["datas"][0][0], "6222 0000 3333 4444")

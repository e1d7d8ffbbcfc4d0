# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The HTTP entry points of the customer file, as authenticated users:
report HTML and PDF and attachment download, one assertion per cell."""

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

# role -> (customer file report, attachment download) allowed on X's customer
HTTP_MATRIX = {
    "sales_x": (True, True),
    "sales_z": (False, False),
    "service": (True, True),
    "manager": (True, True),
    "legal": (False, True),
    "internal": (False, False),
    "portal_own": (False, False),
}


@tagged("post_install", "-at_install")
class TestFreightAccessHttp(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = {
            "sales_x": "freight_crm.group_freight_salesperson",
            "sales_z": "freight_crm.group_freight_salesperson",
            "service": "freight_crm.group_freight_service",
            "manager": "freight_crm.group_freight_manager",
            "legal": "freight_crm.group_freight_legal",
            "internal": "base.group_user",
            "portal_own": "base.group_portal",
        }
        cls.users = {
            role: new_test_user(
                cls.env, login=f"mxh_{role}", password=f"mxh_{role}_pw1", groups=group
            )
            for role, group in groups.items()
        }
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "HTTP测试客户有限公司",
                "is_company": True,
                "freight_customer_state": "potential",
                "user_id": cls.users["sales_x"].id,
            }
        )
        cls.users["portal_own"].partner_id.parent_id = cls.customer
        cls.attachment = cls.env["ir.attachment"].create(
            {
                "name": "licence.txt",
                "raw": b"licence",
                "res_model": "res.partner",
                "res_id": cls.customer.id,
            }
        )

    # Refused requests are logged by odoo.http as warnings: expected here.
    @mute_logger("odoo.http")
    def test_http_matrix(self):
        report = "freight_crm.report_freight_customer_file"
        for role, (prints, downloads) in HTTP_MATRIX.items():
            self.authenticate(f"mxh_{role}", f"mxh_{role}_pw1")
            for converter in ("html", "pdf"):
                with self.subTest(role=role, entry=f"report {converter}"):
                    response = self.url_open(
                        f"/report/{converter}/{report}/{self.customer.id}"
                    )
                    self.assertEqual(response.status_code == 200, prints)
            with self.subTest(role=role, entry="attachment"):
                response = self.url_open(f"/web/content/{self.attachment.id}")
                self.assertEqual(response.status_code == 200, downloads)

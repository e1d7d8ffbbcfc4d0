# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Each role's home dashboard opens for that role the way the board app of
the web client opens it: the board view loads with its parts, and each part
loads its action, its views and its records with the board's context, the
search filters it names applied like the search panel applies them."""

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import fields
from odoo.fields import Domain
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

BOARDS = {
    "salesperson": (
        "freight_crm.group_freight_salesperson",
        "freight_crm_board.board_board_action_salesperson",
        {
            "My Draft Evaluations",
            "My Contracts in Progress",
            "My Customers by Grade",
            "My Due and Overdue Visits",
            "My Visit Records to Submit",
            "My Monthly Review to Fill",
        },
    ),
    "service": (
        "freight_crm.group_freight_service",
        "freight_crm_complaints.board_board_action_service",
        {
            "Open Complaints by Class",
            "Overdue or Due Soon",
            "Escalated Complaints by Level",
            "Callbacks Due",
        },
    ),
    "manager": (
        "freight_crm.group_freight_manager",
        "freight_crm_board.board_board_action_manager",
        {
            "Evaluations Submitted for Review",
            "Contracts Awaiting Approval",
            "File Sharing Requests",
            "Visit Records to Approve",
            "Monthly Reviews to Review",
            "Complaint Solutions Awaiting Approval",
            "Grade Distribution",
            "Service KPI Shortfalls",
            "Overdue Visits by Salesperson",
            "Complaints per Quarter by Class",
        },
    ),
    "legal": (
        "freight_crm.group_freight_legal",
        "freight_crm_board.board_board_action_legal",
        {
            "Contracts Awaiting Legal Review",
            "Signed Contracts Ending within the Warning Period",
            "Signed Contracts",
        },
    ),
}


def _apply_filters(search_arch, defaults, eval_context):
    """Domain and group-by of the filters a context turns on by default:
    domains OR inside a group of filters and AND across groups, group-bys
    ordered by their default value, as the web client's search model does."""
    groups, current, group_by, found = [], [], {}, set()
    for node in etree.fromstring(search_arch).iter("filter", "separator", "group"):
        name = node.get("name")
        if node.tag != "filter":
            groups.append(current)
            current = []
        elif name in defaults:
            found.add(name)
            if node.get("domain"):
                current.append(Domain(safe_eval(node.get("domain"), eval_context)))
            if node.get("context"):
                filter_context = safe_eval(node.get("context"), eval_context)
                group_by[filter_context["group_by"]] = defaults[name]
    groups.append(current)
    domain = Domain.AND(Domain.OR(group) for group in groups if group)
    return domain, sorted(group_by, key=group_by.get), found


@tagged("post_install", "-at_install")
class TestRoleHomes(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            role: new_test_user(cls.env, login=f"home_{role}", groups=group)
            for role, (group, _xmlid, _titles) in BOARDS.items()
        }

    def _parts(self, user, xmlid):
        board = self.env.ref(xmlid)
        env = self.env(user=user)
        action = env["ir.actions.actions"]._for_xml_id(xmlid)
        self.assertEqual(action["res_model"], "board.board")
        views = env["board.board"].get_views([(board.view_id.id, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        self.assertEqual(arch.get("js_class"), "board")
        return arch.get("string"), arch.iter("action")

    def _open_part(self, user, part):
        env = self.env(user=user)
        # What the web client's domain evaluation offers to search filters.
        eval_context = {
            **env["ir.actions.actions"]._get_eval_context(),
            "context_today": lambda: fields.Date.context_today(env.user),
            "relativedelta": relativedelta,
        }
        # /web/action/load: the action read as superuser, its model as the user.
        action_id = int(part.get("name"))
        action_type = env["ir.actions.actions"].sudo().browse(action_id).type
        self.assertEqual(action_type, "ir.actions.act_window")
        loaded = env[action_type].sudo().browse(action_id)._get_action_dict()
        context = safe_eval(part.get("context") or "{}", eval_context)
        model = env[loaded["res_model"]].with_context(**context)
        mode = part.get("view_mode")
        view_ids = {view_mode: view_id for view_id, view_mode in loaded["views"]}
        views = model.get_views(
            [
                (view_ids.get(mode, False), mode),
                (
                    loaded["search_view_id"] and loaded["search_view_id"][0] or False,
                    "search",
                ),
            ]
        )
        defaults = {
            key.removeprefix("search_default_"): value
            for key, value in context.items()
            if key.startswith("search_default_") and value
        }
        domain, group_by, found = _apply_filters(
            views["views"]["search"]["arch"], defaults, eval_context
        )
        self.assertEqual(found, set(defaults), "every filter the part names exists")
        domain &= Domain(safe_eval(part.get("domain") or "[]", eval_context))
        if context.get("group_by"):
            group_by = [context["group_by"]]
        if mode == "list":
            arch = etree.fromstring(views["views"]["list"]["arch"])
            specification = {
                node.get("name"): {}
                for node in arch.iter("field")
                if not any(parent.tag == "field" for parent in node.iterancestors())
            }
            if group_by:
                model.web_read_group(list(domain), group_by, ["__count"])
            model.web_search_read(list(domain), specification, limit=10)
        else:
            arch = etree.fromstring(views["views"][mode]["arch"])
            group_by = group_by or [
                node.get("name")
                for node in arch.iter("field")
                if node.get("type") != "measure"
            ]
            model.formatted_read_group(list(domain), group_by[:1], ["__count"])
        return domain

    def test_each_role_opens_its_dashboard_and_every_part(self):
        for role, (_group, xmlid, titles) in BOARDS.items():
            user = self.users[role]
            title, parts = self._parts(user, xmlid)
            self.assertTrue(title)
            parts = list(parts)
            self.assertEqual({part.get("string") for part in parts}, titles)
            for part in parts:
                with self.subTest(role=role, part=part.get("string")):
                    self._open_part(user, part)

    def test_my_parts_show_my_records_only(self):
        user = self.users["salesperson"]
        other = new_test_user(
            self.env, login="home_other", groups="freight_crm.group_freight_salesperson"
        )
        partner = self.env["res.partner"].create(
            {"name": "Home Customer", "is_company": True, "user_id": other.id}
        )
        _title, parts = self._parts(
            user, "freight_crm_board.board_board_action_salesperson"
        )
        part = next(p for p in parts if p.get("string") == "My Customers by Grade")
        domain = self._open_part(user, part)
        found = self.env["res.partner"].with_user(user).search(domain)
        self.assertNotIn(partner, found)
        partner.user_id = user
        self.assertIn(partner, self.env["res.partner"].with_user(user).search(domain))

    def test_dashboard_menu_opens_the_highest_role_home(self):
        expected = {
            "salesperson": "freight_crm_board.board_board_action_salesperson",
            "service": "freight_crm_complaints.board_board_action_service",
            "manager": "freight_crm_board.board_board_action_manager",
            "legal": "freight_crm_board.board_board_action_legal",
        }
        server = self.env.ref("freight_crm_board.board_board_action_freight_home")
        for role, xmlid in expected.items():
            with self.subTest(role=role):
                result = server.with_user(self.users[role]).run()
                self.assertEqual(result["id"], self.env.ref(xmlid).id)
        both = new_test_user(
            self.env,
            login="home_both",
            groups="freight_crm.group_freight_salesperson,freight_crm.group_freight_service",
        )
        result = server.with_user(both).run()
        self.assertEqual(
            result["id"],
            self.env.ref("freight_crm_complaints.board_board_action_service").id,
        )
        menu = self.env.ref("freight_crm_board.board_board_menu_freight_home")
        root = self.env.ref("freight_crm.freight_crm_menu_root")
        first = root.child_id.sorted(lambda m: (m.sequence, m.id))[:1]
        self.assertEqual(first, menu)

    def test_demo_users_land_on_their_dashboard(self):
        sales = "freight_crm_board.board_board_action_salesperson"
        service = "freight_crm_complaints.board_board_action_service"
        manager = "freight_crm_board.board_board_action_manager"
        homes = {
            "freight_crm.user_demo_salesperson": sales,
            "freight_crm.user_demo_service": service,
            "freight_crm.user_demo_manager": manager,
            "base.user_admin": manager,
            "freight_crm_complaints.user_demo_cs_supervisor": service,
            "freight_crm_complaints.user_demo_regional_manager": service,
            "freight_crm.user_demo_legal": "freight_crm_board.board_board_action_legal",
        }
        if not self.env.ref(next(iter(homes)), raise_if_not_found=False):
            self.skipTest("demo data not loaded")
        for user_xmlid, action_xmlid in homes.items():
            with self.subTest(user=user_xmlid):
                user = self.env.ref(user_xmlid)
                self.assertEqual(user.action_id.id, self.env.ref(action_xmlid).id)


@tagged("post_install", "-at_install")
class TestSalesHomeTour(HttpCase):
    def test_salesperson_lands_on_the_sales_dashboard(self):
        user = new_test_user(
            self.env,
            login="home_tour_sales",
            groups="freight_crm.group_freight_salesperson",
            lang="en_US",
        )
        user.action_id = self.env.ref(
            "freight_crm_board.board_board_action_salesperson"
        ).id
        self.start_tour("/odoo", "freight_crm_board_sales_home", login=user.login)

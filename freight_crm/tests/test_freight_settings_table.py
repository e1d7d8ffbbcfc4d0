# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools import mute_logger

from ..tools.settings_table import (
    COMPANY,
    SETTINGS,
    freight_setting_value,
    freight_setting_values,
)


@tagged("post_install", "-at_install")
class TestFreightSettingsTable(TransactionCase):
    """Every setting of the installed Freight CRM addons is one row of its
    addon's table, and the Settings screen and the code both follow it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        installed = set(
            cls.env["ir.module.module"]
            .search([("state", "=", "installed"), ("name", "=like", "freight_crm%")])
            .mapped("name")
        )
        cls.settings = {
            key: setting
            for key, setting in SETTINGS.items()
            if key.split(".", 1)[0] in installed
        }
        cls.screen_fields = {
            field.config_parameter: field
            for field in cls.env["res.config.settings"]._fields.values()
            if getattr(field, "config_parameter", None)
        }

    def _database_settings(self):
        return {
            key: setting
            for key, setting in self.settings.items()
            if setting.scope != COMPANY
        }

    def test_every_addon_has_its_table(self):
        addons = {key.split(".", 1)[0] for key in self.settings}
        self.assertLessEqual(
            {"freight_crm", "freight_crm_complaints", "freight_crm_visits"}, addons
        )

    def test_screen_fields_take_key_type_and_default_from_the_table(self):
        for key, setting in self._database_settings().items():
            with self.subTest(setting=key):
                field = self.screen_fields.get(key)
                if setting.technical:
                    self.assertIsNone(field, "a technical knob is off the screen")
                    continue
                self.assertIsNotNone(field)
                self.assertEqual(
                    field.default(self.env["res.config.settings"]), setting.default
                )
                expected = {
                    bool: "boolean",
                    int: "integer",
                    float: "float",
                    str: "char",
                }
                self.assertEqual(field.type, expected[setting.type])

    def test_no_freight_setting_outside_the_tables(self):
        for key in self.screen_fields:
            if key.startswith("freight_crm"):
                with self.subTest(key=key):
                    self.assertIn(key, self.settings)

    def test_company_settings_are_company_fields(self):
        company_settings = {
            key: setting
            for key, setting in self.settings.items()
            if setting.scope == COMPANY
        }
        self.assertTrue(company_settings)
        company = self.env["res.company"].create({"name": "设置测试公司"})
        for key, setting in company_settings.items():
            with self.subTest(setting=key):
                self.assertEqual(company[setting.name], setting.default)
                self.assertEqual(
                    freight_setting_value(self.env, key, company=company),
                    setting.default,
                )

    def test_technical_knobs_not_in_the_settings_view(self):
        view = self.env["res.config.settings"].get_view(view_type="form")
        names = set(etree.fromstring(view["arch"]).xpath("//field/@name"))
        for key, setting in self._database_settings().items():
            if setting.technical:
                with self.subTest(setting=key):
                    self.assertFalse(
                        {
                            name
                            for name, field in self.env[
                                "res.config.settings"
                            ]._fields.items()
                            if getattr(field, "config_parameter", None) == key
                        }
                        & names
                    )

    def test_reader_defaults_and_ranges(self):
        icp = self.env["ir.config_parameter"].sudo()
        for key, setting in self._database_settings().items():
            if setting.type not in (int, float):
                continue
            with self.subTest(setting=key):
                icp.set_param(key, False)
                self.assertEqual(freight_setting_value(self.env, key), setting.default)
                icp.set_param(key, "not a number")
                self.assertEqual(freight_setting_value(self.env, key), setting.default)
                if setting.type is float:
                    icp.set_param(key, "inf")
                    self.assertEqual(
                        freight_setting_value(self.env, key), setting.default
                    )
                if setting.lowest is not None:
                    icp.set_param(key, str(setting.lowest - 1000))
                    self.assertEqual(
                        freight_setting_value(self.env, key), setting.lowest
                    )
                if setting.highest is not None:
                    icp.set_param(key, str(setting.highest + 1000))
                    self.assertEqual(
                        freight_setting_value(self.env, key), setting.highest
                    )

    def test_values_typed(self):
        icp = self.env["ir.config_parameter"].sudo()
        icp.set_param("freight_crm.rule_years_a", "4")
        icp.set_param("freight_crm.rule_grading", "True")
        values = freight_setting_values(
            self.env, ("freight_crm.rule_years_a", "freight_crm.rule_grading")
        )
        self.assertEqual(values["freight_crm.rule_years_a"], 4)
        self.assertIs(values["freight_crm.rule_grading"], True)
        icp.set_param("freight_crm.rule_grading", "False")
        self.assertIs(
            freight_setting_value(self.env, "freight_crm.rule_grading"), False
        )

    def test_screen_refuses_values_outside_the_range(self):
        Settings = self.env["res.config.settings"]
        ranged = Settings._freight_ranged_fields()
        self.assertIn("freight_kpi_on_time_target", ranged)
        # A field with its own check words its refusal itself.
        self.assertNotIn("freight_potential_reassess_months", ranged)
        with self.assertRaisesRegex(ValidationError, "lies between 0 and 100"):
            Settings.create({"freight_kpi_on_time_target": 150})
        with self.assertRaisesRegex(ValidationError, "cannot be below 0"):
            Settings.create({"freight_kpi_enquiry_minutes": -5})
        for name, setting in ranged.items():
            with self.subTest(field=name):
                if setting.highest is not None:
                    with self.assertRaises(ValidationError):
                        Settings.create({name: setting.highest + 1})
                if setting.lowest is not None:
                    with self.assertRaises(ValidationError):
                        Settings.create({name: setting.lowest - 1})
                # The default is accepted.
                Settings.create({name: setting.default})

    @mute_logger("odoo.addons.base.models.res_config")
    def test_screen_shows_what_the_code_reads(self):
        # Odoo logs the unreadable value each time it converts it for the
        # screen; the screen then takes the table's reading.
        icp = self.env["ir.config_parameter"].sudo()
        # Stored out of range or unreadable (System Parameters, RPC): the
        # screen shows the value in use and other settings still save.
        icp.set_param("freight_crm.kpi_on_time_target", "150")
        icp.set_param("freight_crm.rule_years_a", "not a number")
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.freight_kpi_on_time_target, 100)
        self.assertEqual(settings.freight_rule_years_a, 3)
        settings.freight_kpi_intact_target = 99.0
        settings.execute()
        self.assertEqual(
            freight_setting_value(self.env, "freight_crm.kpi_intact_target"), 99.0
        )

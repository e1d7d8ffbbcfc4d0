# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every printed form of the rulebook comes out as a real PDF, in Chinese
and in English: 附表1 (evaluation), 附表2 (customer file), 附表3 (visit
record) and the quarterly complaint report. Rendered by wkhtmltopdf and read
back with pdftotext; skipped where either tool is missing (the setup and CI
install Debian's wkhtmltopdf and poppler-utils)."""

import shutil
import subprocess
import tempfile
import unicodedata
import unittest

from odoo.tests import HttpCase, tagged

TOOLS = ("wkhtmltopdf", "pdftotext")
# pdftotext reads some glyphs of the CJK font back as the radicals that
# share them (户 as ⼾, 青 as ⻘): map them to the characters printed.
RADICALS = str.maketrans(
    "戶⻘⻝⻔⻢⻅⻓⻚⻛⻋⻥⻜⻩⻬⻰",
    "户青食门马见长页风车鱼飞黄齐龙",
)


def readable(text):
    return unicodedata.normalize("NFKC", text).translate(RADICALS)


@tagged("post_install", "-at_install")
@unittest.skipUnless(
    all(shutil.which(tool) for tool in TOOLS), "wkhtmltopdf or pdftotext missing"
)
class TestReportsPdf(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["freight_crm", "freight_crm_complaints", "freight_crm_visits"],
            ["zh_CN"],
            overwrite=True,
        )
        cls.customer = cls.env.ref("freight_crm.partner_demo_ningbo_mfg")

    def _pdf_text(self, report, records, lang):
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True, lang=lang)
            ._render_qweb_pdf(report, records.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"), "wkhtmltopdf gave no PDF")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(pdf)
            handle.flush()
            return readable(
                subprocess.run(
                    ["pdftotext", "-layout", handle.name, "-"],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
            )

    def _both_languages(self, report, records, partners, chinese, english):
        for lang, expected in (("zh_CN", chinese), ("en_US", english)):
            partners.write({"lang": lang})
            text = self._pdf_text(report, records, lang)
            for needle in expected:
                self.assertIn(needle, text, f"{report} in {lang}")

    def test_evaluation_form(self):
        evaluation = self.env["freight.customer.evaluation"].search(
            [("partner_id", "=", self.customer.id)], limit=1
        ) or self.env["freight.customer.evaluation"].search([], limit=1)
        self._both_languages(
            "freight_crm.report_freight_customer_evaluation",
            evaluation,
            evaluation.partner_id,
            ["客户评估表", evaluation.name],
            ["Customer Evaluation", evaluation.name],
        )

    def test_customer_file(self):
        self._both_languages(
            "freight_crm.report_freight_customer_file",
            self.customer,
            self.customer,
            ["客户基本资料表", "宁波恒达机械制造有限公司"],
            ["Customer Basic Information Form", "宁波恒达机械制造有限公司"],
        )

    def test_visit_record(self):
        visit = self.env["freight.visit"].search([], limit=1)
        self.assertTrue(visit, "the demo data has visits")
        self._both_languages(
            "freight_crm_visits.report_freight_visit",
            visit,
            visit.partner_id,
            ["客户拜访记录表", visit.partner_id.name],
            ["Visit Record", visit.partner_id.name],
        )

    def test_quarterly_complaint_report(self):
        today = self.env.cr.now().date()
        wizard = self.env["freight.complaint.quarter.report"].create(
            {"year": today.year, "quarter": str((today.month - 1) // 3 + 1)}
        )
        for lang, needle in (("zh_CN", "投诉"), ("en_US", "Complaint")):
            text = self._pdf_text(
                "freight_crm_complaints.report_freight_complaint_quarter",
                wizard,
                lang,
            )
            self.assertIn(needle, text)
            self.assertIn(str(today.year), text)

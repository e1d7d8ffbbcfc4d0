# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError

# Report names of the freight addons (module prefix of their templates).
FREIGHT_REPORTS = ("freight_crm.", "freight_crm_")


class IrActionsReport(models.Model):
    """Reports print what their reader may read, whoever calls them: the
    web client's print menu, /report/html, /report/pdf or RPC. The groups
    of the freight reports are enforced (other apps' reports keep Odoo's
    behaviour, where groups only hide the print menu entry), and the
    records printed are checked against the access rights and record rules
    of the reader before anything is rendered (a template may read with
    elevated rights)."""

    _inherit = "ir.actions.report"

    def _freight_check_report_access(self, report, docids):
        if self.env.su:
            return
        if (
            report.report_name.startswith(FREIGHT_REPORTS)
            and report.group_ids
            and not (report.group_ids & self.env.user.all_group_ids)
        ):
            raise AccessError(
                self.env._("You are not allowed to print the report %s.", report.name)
            )
        if not docids or report.model not in self.env:
            return
        ids = [docids] if isinstance(docids, int) else list(docids)
        records = self.env[report.model].browse(ids).exists()
        # Same error as reading the records: nothing about them is shown.
        records.check_access("read")

    def _get_rendering_context(self, report, docids, data):
        self._freight_check_report_access(report, docids)
        return super()._get_rendering_context(report, docids, data)

    def _pre_render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        # A PDF may come from a stored attachment without rendering.
        self._freight_check_report_access(self._get_report(report_ref), res_ids)
        return super()._pre_render_qweb_pdf(report_ref, res_ids=res_ids, data=data)

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.freight_crm.models.freight_workflow_guard import COMPUTED, WORKFLOW
from odoo.addons.freight_crm.tools.roles import MANAGER
from odoo.addons.freight_crm.tools.settings_table import freight_setting_value

from .common import PLANNED_STATES


class FreightVisitReview(models.Model):
    """The monthly review of the 15th (每月15号, R-VIS-5): per salesperson,
    one line per customer with last month's business volume, receivables
    older than three months and this month's receivables."""

    _name = "freight.visit.review"
    _description = "Monthly Customer Review"
    _inherit = ("mail.thread", "mail.activity.mixin", "freight.workflow.guard")
    _order = "date desc, user_id"

    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        index=True,
        default=lambda self: self.env.user,
    )
    date = fields.Date(
        string="Review Date", required=True, default=fields.Date.context_today
    )
    state = fields.Selection(
        [
            ("draft", "To Fill"),
            ("submitted", "Submitted"),
            ("reviewed", "Reviewed"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    figures_source = fields.Selection(
        [("invoice", "Customer Invoices"), ("manual", "Entered by Hand")],
        default="manual",
        required=True,
        readonly=True,
        help="Customer invoices when Invoicing is installed; otherwise the "
        "salesperson enters the figures.",
    )
    line_ids = fields.One2many("freight.visit.review.line", "review_id")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    reviewer_id = fields.Many2one("res.users", readonly=True, copy=False)
    total_volume = fields.Monetary(
        string="Last Month's Volume",
        compute="_compute_totals",
        currency_field="currency_id",
    )
    total_overdue = fields.Monetary(
        string="Overdue Receivables",
        compute="_compute_totals",
        currency_field="currency_id",
    )

    # A message of our own: the database's would show the other review's key.
    _user_date_uniq = models.UniqueIndex(
        "(user_id, date, company_id)",
        "This salesperson already has a monthly review on this date: open "
        "that review instead of creating another one.",
    )

    @api.depends("user_id", "date")
    def _compute_display_name(self):
        for review in self:
            review.display_name = self.env._(
                "%(user)s – %(month)s",
                user=review.user_id.name or "",
                month=review.date and review.date.strftime("%Y-%m") or "",
            )

    @api.depends("line_ids.last_month_volume", "line_ids.receivable_overdue")
    def _compute_totals(self):
        for review in self:
            review.total_volume = sum(review.line_ids.mapped("last_month_volume"))
            review.total_overdue = sum(review.line_ids.mapped("receivable_overdue"))

    @api.model
    def _freight_guard_policy(self):
        """The salesperson fills the lines; the review moves on only through
        the action methods, and only a manager reassigns or re-dates it."""
        return {
            **super()._freight_guard_policy(),
            "state": WORKFLOW,
            "reviewer_id": WORKFLOW,
            "figures_source": WORKFLOW,
            "total_volume": COMPUTED,
            "total_overdue": COMPUTED,
            "user_id": MANAGER,
            "date": MANAGER,
            "company_id": MANAGER,
        }

    def _check_any(self):
        if not self:
            raise UserError(self.env._("Select at least one monthly review."))

    def action_submit(self):
        self._check_any()
        self.check_access("write")
        if any(review.state != "draft" for review in self):
            raise UserError(self.env._("Only reviews to fill can be submitted."))
        self.sudo().write({"state": "submitted"})
        return True

    def action_mark_reviewed(self):
        self._check_any()
        self._freight_check_manager(
            message=self.env._("Only a Freight CRM manager can review.")
        )
        self.check_access("write")
        if any(review.state != "submitted" for review in self):
            raise UserError(self.env._("Only submitted reviews can be reviewed."))
        self._freight_check_authors(("user_id",), self.env._("Review monthly review"))
        unmarked = self.line_ids.filtered(lambda line: not line.manager_mark)
        if unmarked:
            raise UserError(
                self.env._(
                    "Mark every customer line before closing the review "
                    "(first unmarked: %s).",
                    unmarked[0].partner_id.sudo().display_name,
                )
            )
        return self._freight_record_approval("reviewer_id", state="reviewed")

    def action_reset_draft(self):
        self._check_any()
        self._freight_check_manager(
            message=self.env._("Only a Freight CRM manager can send a review back.")
        )
        self.check_access("write")
        if any(review.state == "draft" for review in self):
            raise UserError(self.env._("This review is still to fill."))
        self.sudo().write({"state": "draft", "reviewer_id": False})
        return True

    # Creation on the 15th

    @api.model
    def _freight_review_day(self):
        return freight_setting_value(self.env, "freight_crm_visits.review_day")

    @api.model
    def _cron_freight_monthly_review(self):
        """Create the month's reviews on the review day (the 15th). A cron
        that did not run that day (server down) catches up on a later day of
        the month: the reviews already created are not created twice. A review
        day past the end of a short month falls on its last day."""
        today = fields.Date.context_today(self)
        month_end = today + relativedelta(day=31)
        review_day = min(self._freight_review_day(), month_end.day)
        if today.day < review_day:
            return self.browse()
        return self._freight_create_reviews(today)

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        # A user's New (web client, RPC); the review day's cron brings its
        # own lines.
        if not self.env.su:
            reviews.filtered(lambda review: not review.line_ids)._freight_fill_lines()
        return reviews

    def _freight_review_customers(self, users):
        """The active company customers of ``users``, read as the system:
        a review lists them whoever creates it."""
        return (
            self.env["res.partner"]
            .sudo()
            .search(
                [
                    ("freight_customer_state", "in", PLANNED_STATES),
                    ("user_id", "in", users.ids),
                    ("is_company", "=", True),
                ]
            )
        )

    def _freight_fill_lines(self):
        """A review created by hand (the salesperson's own, or a manager's)
        gets the same lines and figures as the review day's."""
        for review in self:
            customers = self._freight_review_customers(review.user_id)
            if not customers:
                continue
            figures, source = self._freight_figures(customers, review.date)
            review.sudo().write(
                {
                    "figures_source": source,
                    "line_ids": [
                        fields.Command.create(
                            {"partner_id": partner.id, **figures.get(partner.id, {})}
                        )
                        for partner in customers
                    ],
                }
            )

    @api.model
    def _freight_create_reviews(self, review_date):
        """One review per salesperson for the month of review_date, unless it
        exists; lines for all of their active customers."""
        month_start = review_date.replace(day=1)
        existing = self.search(
            [
                ("date", ">=", month_start),
                ("date", "<", month_start + relativedelta(months=1)),
                ("company_id", "=", self.env.company.id),
            ]
        ).user_id
        customers = self.env["res.partner"].search(
            [
                ("freight_customer_state", "in", PLANNED_STATES),
                ("user_id", "!=", False),
                ("user_id", "not in", existing.ids),
                ("is_company", "=", True),
            ]
        )
        if not customers:
            return self.browse()
        figures, source = self._freight_figures(customers, review_date)
        vals_list = []
        for user, partners in customers.grouped("user_id").items():
            lines = [
                fields.Command.create(
                    {"partner_id": partner.id, **figures.get(partner.id, {})}
                )
                for partner in partners
            ]
            vals_list.append(
                {
                    "user_id": user.id,
                    "date": review_date,
                    "figures_source": source,
                    "line_ids": lines,
                }
            )
        reviews = self.with_context(mail_create_nolog=True).create(vals_list)
        for review in reviews:
            review.activity_schedule(
                "freight_crm_visits.mail_activity_type_review",
                date_deadline=review_date,
                user_id=review.user_id.id,
            )
        return reviews

    @api.model
    def _freight_invoices_available(self):
        """Whether posted customer invoices give the figures: the
        auto-install ``freight_crm_visits_account`` bridge says so."""
        return False

    @api.model
    def _freight_figures(self, customers, review_date):
        """({partner_id: line figures}, source): nothing to fill here, the
        salesperson enters the figures; ``freight_crm_visits_account`` fills
        them from posted customer invoices."""
        return {}, "manual"

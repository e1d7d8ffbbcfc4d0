# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

RESPONSIBLE_TYPES = [
    ("department", "Own Department"),
    ("supplier", "Supplier"),
    ("agent", "Agent"),
    ("customer", "Customer"),
    ("none", "No One (Force Majeure)"),
]


class FreightComplaintRootCause(models.Model):
    """Complaint cause (投诉原因): six categories with their sub-causes."""

    _name = "freight.complaint.root.cause"
    _description = "Complaint Root Cause"
    _order = "complete_name, id"
    _parent_store = True
    _rec_name = "complete_name"
    _rec_names_search = ("name", "parent_id.name")

    name = fields.Char(required=True, translate=True)
    # Stored for the order, in the database's source language; what users
    # see and search is the display name, in their own language.
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, recursive=True
    )
    parent_id = fields.Many2one(
        "freight.complaint.root.cause",
        string="Category",
        index=True,
        ondelete="restrict",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many(
        "freight.complaint.root.cause", "parent_id", string="Sub-causes"
    )
    responsible_type = fields.Selection(
        RESPONSIBLE_TYPES,
        string="Usual Responsible Party",
        help="Proposed as the responsible party of a complaint with this cause.",
    )
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for cause in self:
            if cause.parent_id:
                cause.complete_name = f"{cause.parent_id.complete_name} / {cause.name}"
            else:
                cause.complete_name = cause.name

    @api.depends("name", "parent_id")
    @api.depends_context("lang")
    def _compute_display_name(self):
        for cause in self:
            if not cause.parent_path:
                cause.display_name = cause.name
                continue
            path = self.browse(int(i) for i in cause.parent_path.split("/")[:-1])
            cause.display_name = " / ".join(path.mapped("name"))

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(
                self.env._("A root cause cannot be its own sub-cause.")
            )

    def _get_category(self):
        """The top-level category (one of the six) of this cause."""
        self.ensure_one()
        return self.browse(int(self.parent_path.split("/")[0]))

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..tools.settings_table import freight_setting_default

AM_PARAM = "freight_crm.training_hours_account_manager"
STAFF_PARAM = "freight_crm.training_hours_staff"


class FreightStaffTrainingReport(models.Model):
    """Class hours of each salesperson and customer service employee per
    year against the yearly minimum (客户经理每年接受的业务培训时间不得
    少于…课时; 基层营销或服务人员…不少于…课时). Every active Freight CRM
    staff member has a row for the current year, trained or not; the
    minimums are read from Settings when the report is queried."""

    _name = "freight.staff.training.report"
    _description = "Staff Training Hours per Year"
    _auto = False
    _order = "year desc, shortfall desc, user_id"
    # Flushed before the view is queried.
    _depends = {  # noqa: RUF012
        "freight.staff.training": ["user_id", "year", "hours", "state"],
        "ir.config_parameter": ["key", "value"],
        "res.users": ["active", "group_ids"],
    }

    user_id = fields.Many2one("res.users", string="Employee", readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
    role = fields.Selection(
        [("account_manager", "Account Manager"), ("staff", "Sales or Service Staff")],
        readonly=True,
    )
    hours = fields.Float(string="Confirmed Hours", digits=(6, 1), readonly=True)
    course_count = fields.Integer(string="Trainings", readonly=True)
    minimum_hours = fields.Float(digits=(6, 1), readonly=True, aggregator="max")
    shortfall = fields.Float(string="Hours Missing", digits=(6, 1), readonly=True)
    below_minimum = fields.Boolean(readonly=True)

    def _freight_param_sql(self, param):
        """The setting as a number, its default when unset or not a number."""
        return SQL(
            """COALESCE((SELECT CASE WHEN value ~ '^[0-9]+(\\.[0-9]+)?$'
                                     THEN value::float END
                           FROM ir_config_parameter WHERE key = %(key)s),
                        %(default)s)""",
            key=param,
            default=freight_setting_default(param),
        )

    def _freight_query(self):
        return SQL(
            """
            WITH RECURSIVE implied(gid, hid) AS (
                SELECT gid, hid FROM res_groups_implied_rel
                 UNION
                SELECT implied.gid, rel.hid
                  FROM implied JOIN res_groups_implied_rel rel ON rel.gid = implied.hid
            ), roles AS (
                SELECT res_id AS gid, name = 'group_freight_salesperson' AS am
                  FROM ir_model_data
                 WHERE module = 'freight_crm' AND model = 'res.groups'
                   AND name IN ('group_freight_salesperson', 'group_freight_service')
            ), staff AS (
                SELECT users.id AS user_id, bool_or(roles.am) AS am
                  FROM res_users users
                  JOIN res_groups_users_rel member ON member.uid = users.id
                  JOIN roles ON roles.gid = member.gid OR EXISTS (
                       SELECT 1 FROM implied
                        WHERE implied.gid = member.gid AND implied.hid = roles.gid)
                 WHERE users.active AND users.id != 1
                 GROUP BY users.id
            ), trained AS (
                SELECT user_id, year,
                       SUM(hours) FILTER (WHERE state = 'confirmed') AS hours,
                       COUNT(*) FILTER (WHERE state = 'confirmed') AS course_count
                  FROM freight_staff_training
                 GROUP BY user_id, year
            ), years AS (
                SELECT user_id, year FROM trained
                 UNION
                SELECT user_id, EXTRACT(YEAR FROM CURRENT_DATE)::int FROM staff
            ), rows AS (
                SELECT years.user_id, years.year,
                       CASE WHEN staff.am THEN 'account_manager'
                            ELSE 'staff' END AS role,
                       COALESCE(trained.hours, 0) AS hours,
                       COALESCE(trained.course_count, 0) AS course_count,
                       CASE WHEN staff.am THEN %(am)s
                            ELSE %(staff)s END AS minimum_hours
                  FROM years
                  JOIN staff ON staff.user_id = years.user_id
                  LEFT JOIN trained ON trained.user_id = years.user_id
                                   AND trained.year = years.year
            )
            SELECT user_id * 10000 + year AS id, user_id, year, role, hours,
                   course_count, minimum_hours,
                   GREATEST(minimum_hours - hours, 0) AS shortfall,
                   hours < minimum_hours AS below_minimum
              FROM rows
            """,
            am=self._freight_param_sql(AM_PARAM),
            staff=self._freight_param_sql(STAFF_PARAM),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._freight_query(),
            )
        )

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.helpdesk_mgmt.tests.common import TestHelpdeskTicketBase

SHANGHAI_OFFSET = 8  # hours ahead of UTC, no daylight saving


def shanghai(*args):
    """A naive UTC datetime from a Shanghai wall-clock time."""
    local = datetime(*args)
    return local.replace(hour=local.hour - SHANGHAI_OFFSET)


class FreightComplaintCase(TestHelpdeskTicketBase):
    """helpdesk_mgmt's fixtures plus a Shanghai office, the complaint roles and
    a customer looked after by a salesperson."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Shanghai office 9-12 13-18",
                "tz": "Asia/Shanghai",
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {
                            "name": f"Day {day} {period}",
                            "dayofweek": str(day),
                            "hour_from": hour_from,
                            "hour_to": hour_to,
                            "day_period": period,
                        }
                    )
                    for day in range(5)
                    for hour_from, hour_to, period in (
                        (9, 12, "morning"),
                        (13, 18, "afternoon"),
                    )
                ],
            }
        )
        cls.service = new_test_user(
            cls.env,
            login="fcc_t_service",
            groups="freight_crm.group_freight_service",
        )
        cls.salesperson = new_test_user(
            cls.env,
            login="fcc_t_sales",
            groups="freight_crm.group_freight_salesperson",
        )
        cls.manager = new_test_user(
            cls.env,
            login="fcc_t_manager",
            groups="freight_crm.group_freight_manager",
        )
        cls.supervisor = new_test_user(
            cls.env,
            login="fcc_t_supervisor",
            groups="freight_crm_complaints.group_complaint_supervisor",
        )
        cls.regional = new_test_user(
            cls.env,
            login="fcc_t_regional",
            groups="freight_crm_complaints.group_complaint_regional_manager",
        )
        cls.department = new_test_user(
            cls.env,
            login="fcc_t_department",
            groups="freight_crm_complaints.group_complaint_department_manager",
        )
        cls.step_1 = cls.env.ref(
            "freight_crm_complaints.complaint_escalation_step_supervisor"
        )
        cls.step_2 = cls.env.ref(
            "freight_crm_complaints.complaint_escalation_step_regional"
        )
        cls.step_3 = cls.env.ref(
            "freight_crm_complaints.complaint_escalation_step_department"
        )
        # Demo users may sit in the role groups: aim each step at one user.
        cls.step_1.user_id = cls.supervisor
        cls.step_2.user_id = cls.regional
        cls.step_3.user_id = cls.department
        cls.cs_team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Shanghai customer service",
                "freight_is_complaint_team": True,
                "freight_resource_calendar_id": cls.calendar.id,
                "user_ids": [Command.set([cls.service.id, cls.supervisor.id])],
            }
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "苏州华新电子有限公司",
                "is_company": True,
                "user_id": cls.salesperson.id,
            }
        )
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "杭州远景纺织有限公司", "is_company": True}
        )
        cls.cause_price = cls.env.ref(
            "freight_crm_complaints.complaint_root_cause_sales_price"
        )
        cls.cause_documents = cls.env.ref(
            "freight_crm_complaints.complaint_root_cause_operations_documents"
        )
        cls.stage_done = cls.env.ref(
            "freight_crm_complaints.helpdesk_ticket_stage_complaint_closed"
        )
        cls.stage_progress = cls.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
        )

    @classmethod
    def _complaint(cls, intake, complaint_class="general", **vals):
        values = {
            "name": "舱单信息错误",
            "description": "<p>客户投诉舱单品名错误。</p>",
            "team_id": cls.cs_team.id,
            "user_id": cls.service.id,
            "partner_id": cls.customer.id,
            "freight_complaint_class": complaint_class,
            "freight_intake_date": intake,
        }
        values.update(vals)
        return cls.env["helpdesk.ticket"].with_user(cls.service).create(values)

from . import models
from . import report
from . import tools
from . import wizards


def uninstall_hook(env):
    """China's working calendar leaves with the addon: the companies working
    on it go back to Odoo's standard calendar first."""
    calendar = env.ref("freight_crm.resource_calendar_china", raise_if_not_found=False)
    if not calendar:
        return
    fallback = env.ref(
        "resource.resource_calendar_std", raise_if_not_found=False
    ) or env["resource.calendar"].search([("id", "!=", calendar.id)], limit=1)
    companies = env["res.company"].search([("resource_calendar_id", "=", calendar.id)])
    companies.resource_calendar_id = fallback

# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""XML ids of the Freight CRM roles, defined once.

Code asks ``user._freight_is_manager()`` and the other ``res.users``
helpers (models/res_users.py); these constants are for what needs the
XML id itself: ``groups=`` of a field, a workflow-guard policy, the
members of a group."""

SALESPERSON = "freight_crm.group_freight_salesperson"
SERVICE = "freight_crm.group_freight_service"
MANAGER = "freight_crm.group_freight_manager"
LEGAL = "freight_crm.group_freight_legal"
DEPUTY_GM = "freight_crm.group_freight_deputy_gm"
# Every freight role reads the customer file; managers imply both of the
# first two.
ANY_ROLE = f"{SALESPERSON},{SERVICE},{LEGAL}"

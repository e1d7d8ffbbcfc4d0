"""Run inside `odoo shell`: uninstall the project's addons, dependants first,
and fail unless every one ends uninstalled. Used by scripts/test.sh."""

import os
import sys

names = os.environ["FREIGHT_ADDONS"].split(",")
Module = env["ir.module.module"]  # noqa: F821 (odoo shell provides env)
# Bridges and the addons built on freight_crm go first, freight_crm last.
for batch in ([n for n in names if n != "freight_crm"], ["freight_crm"]):
    Module.search([("name", "in", batch)]).button_immediate_uninstall()
    env.cr.commit()  # noqa: F821
left = Module.search([("name", "in", names), ("state", "!=", "uninstalled")])
if left:
    print("not uninstalled: " + ", ".join(left.mapped("name")))
    sys.exit(1)
print("uninstalled: " + ", ".join(names))

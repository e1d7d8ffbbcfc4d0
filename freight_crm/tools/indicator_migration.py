# Copyright 2026 freight_crm contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Bring the shipped appraisal indicators of an existing database in line
with the shipped data: indicator records are ``noupdate`` data, so an
update creates the new ones but leaves the old ones as they were."""


def freight_update_shipped_indicators(env, measures=None, weights=None):
    """``measures``: {xml id: measure} set where the indicator is still
    typed by hand; ``weights``: {xml id: (old weight, new weight)} set
    where the weight is still the one shipped before, so a weight a
    consultant changed is kept."""
    for xmlid, measure in (measures or {}).items():
        indicator = env.ref(xmlid, raise_if_not_found=False)
        if indicator and indicator.measure == "manual":
            indicator.measure = measure
    for xmlid, (old, new) in (weights or {}).items():
        indicator = env.ref(xmlid, raise_if_not_found=False)
        if indicator and abs(indicator.weight - old) < 0.05:
            indicator.weight = new

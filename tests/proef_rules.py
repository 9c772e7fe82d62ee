"""A test municipality whose rules change between versions: what the register must notice years later.

Shared by the register's tests (the reproducibility check and the page).
"""

# A plan with room to decide: it advises more than adviseren under the base rules
OPEN_PLAN = {"beleidsruimte": "open", "initiatiefnemer": "gemeente", "ingrijpendheid": "hoog", "soort_opgave": "ontwerp",
             "bindendheid": "overnemen_binnen_kaders", "fase": ["voorbereiding"]}
# The same plan as a shared link carries it (several answers joined by commas)
OPEN_PLAN_LINK = {trait: ",".join(value) if isinstance(value, list) else value for trait, value in OPEN_PLAN.items()}

PROEF = """\
extends: base
name: Proefgemeente
version: "{version}"
date: 2026-06-01
status: concept
"""
# Version 1.3 caps every project with room to decide at adviseren: a change in the rules that changes advice.
PROEF_CAPPED = PROEF + """\
kaders:
  - id: proef_hooguit_adviseren
    when:
      trait: beleidsruimte
      equals: open
    max: adviseren
    reason: "Proef: bij open beleidsruimte hooguit adviseren."
"""
# Version 1.2 only renames a rung: other rules (another content hash), the same advice.
PROEF_RENAMED = PROEF + """\
rename_rungs:
  informeren:
    name: "Informeren (hernoemd)"
"""

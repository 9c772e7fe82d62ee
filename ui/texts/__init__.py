"""UI texts, Dutch first: one catalogue per page (each owns its keys), joined here with the report texts.

Per call, never global: several people use the app at once, each in their own language.
"""

from __future__ import annotations

from ladder.reports.texts import REPORT
from ladder.text import Catalogue
from ui.texts import (
    advies,
    common,
    ladder_page,
    netwerk,
    plan,
    portfolio,
    regels,
    register,
    start,
    vergelijken,
    werkgroep,
)

UI: Catalogue = REPORT.extended(
    ("common", common.TEXTS), ("start", start.TEXTS), ("advies", advies.TEXTS), ("ladder_page", ladder_page.TEXTS),
    ("regels", regels.TEXTS), ("werkgroep", werkgroep.TEXTS), ("register", register.TEXTS),
    ("vergelijken", vergelijken.TEXTS), ("portfolio", portfolio.TEXTS), ("plan", plan.TEXTS),
    ("netwerk", netwerk.TEXTS),
)

t = UI.t

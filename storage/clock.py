"""The one clock of the working groups: when a join code expires, and when wrong codes were tried.

Everything that asks the time for those asks `clock.now()`, looked up at each call, so a test replaces this one
function (monkeypatch) and moves time forward instead of sleeping.
"""

from __future__ import annotations

import datetime as dt


def now() -> dt.datetime:
    """The moment, in UTC (stored as such; shown in the municipalities' own time)."""
    return dt.datetime.now(dt.UTC)

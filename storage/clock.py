"""The one clock of the storage: when a join code expires, when wrong codes were tried, when something was saved.

Everything that asks the time for those asks `clock.now()`, looked up at each call, so a test replaces this one
function (monkeypatch) and moves time forward instead of sleeping. `utc` reads a stored moment back.
"""

from __future__ import annotations

import datetime as dt


def now() -> dt.datetime:
    """The moment, in UTC (stored as such; shown in the municipalities' own time)."""
    return dt.datetime.now(dt.UTC)


def utc(moment: dt.datetime) -> dt.datetime:
    """A stored moment with its zone: SQLite gives it back without one, and it was stored in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)

"""Wrong codes, counted so that guessing a code does not pay.

Two limits, each simple:
- per browser session: after FREE_TRIES wrong codes, each next try waits 2, 4, 8, ... seconds (2^n, n the wrong
  tries from the fifth on), at most MAX_WAIT_SECONDS. The page keeps the count (`Tries`) in its session_state;
  the arithmetic is here, as pure functions. It slows one person who mistypes, or one script in one browser.
- per installation: failed code look-ups from all browsers together, counted per minute in `code_failures`. When
  a minute reaches INSTALLATION_LIMIT, every look-up by a typed code is refused ('flooded') to the end of the next
  minute. It stops guessing spread over many browsers: at most about 100 guesses in 2 minutes, against join codes
  of 60 bits.
The count table holds a minute and a number, nothing else: no code, no hash, no address, no name.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from storage import clock
from storage.database import Database
from storage.errors import StorageError
from storage.tables import code_failures

FREE_TRIES = 4  # wrong codes a browser session may try without waiting: the fifth one starts the wait
MAX_WAIT_SECONDS = 2 ** 10  # about 17 minutes: long enough to stop a script, short enough for a person to wait
INSTALLATION_LIMIT = 100  # failed look-ups in one minute from all browsers: far more than people mistyping

T = TypeVar("T")


# --- per browser session: pure arithmetic ---------------------------------------------------------------------


@dataclass(frozen=True)
class Tries:
    """The wrong codes of one browser session: how many, and when the last one was typed."""

    wrong: int = 0
    last_wrong_at: dt.datetime | None = None


def wait_seconds(wrong: int) -> int:
    """How long to wait after `wrong` wrong codes: nothing for the first four, then 2, 4, 8, ... up to the maximum."""
    if wrong <= FREE_TRIES:
        return 0
    return min(2 ** (wrong - FREE_TRIES), MAX_WAIT_SECONDS)


def after_wrong(tries: Tries, now: dt.datetime) -> Tries:
    return Tries(wrong=tries.wrong + 1, last_wrong_at=now)


def seconds_left(tries: Tries, now: dt.datetime) -> int:
    """Whole seconds still to wait before the next try (rounded up, so '0' means: try now)."""
    if tries.last_wrong_at is None:
        return 0
    left = (tries.last_wrong_at + dt.timedelta(seconds=wait_seconds(tries.wrong)) - now).total_seconds()
    return max(0, math.ceil(left))


# --- per installation: the count table ------------------------------------------------------------------------


def minute_of(moment: dt.datetime) -> dt.datetime:
    return moment.replace(second=0, microsecond=0)


def flooded(db: Database, now: dt.datetime) -> bool:
    """Whether this minute or the one before reached the limit (a read that writes nothing)."""
    this = minute_of(now)
    with db.reading() as conn:
        most = conn.execute(sa.select(sa.func.max(code_failures.c.failures))
                            .where(code_failures.c.minute.in_([this, this - dt.timedelta(minutes=1)]))).scalar()
    return most is not None and most >= INSTALLATION_LIMIT


def count_failure(db: Database, now: dt.datetime) -> None:
    """One more failed look-up this minute; minutes that no longer matter are removed in the same transaction."""
    this = minute_of(now)
    with db.transaction() as conn:
        # One statement that adds or inserts: two servers counting the same minute at once both count.
        insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        conn.execute(insert(code_failures).values(minute=this, failures=1).on_conflict_do_update(
            index_elements=[code_failures.c.minute], set_={"failures": code_failures.c.failures + 1}))
        conn.execute(code_failures.delete().where(code_failures.c.minute < this - dt.timedelta(minutes=1)))


def guarded(db: Database, look_up: Callable[[], T]) -> T:
    """A look-up by a code someone typed: refused ('flooded') while the installation is flooded with wrong codes;
    a code that finds nothing ('not_found') is counted."""
    now = clock.now()
    if flooded(db, now):
        raise StorageError("flooded")
    try:
        return look_up()
    except StorageError as error:
        if error.kind == "not_found":
            count_failure(db, now)
        raise

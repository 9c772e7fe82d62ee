"""Wrong codes: the back-off of one browser session (pure arithmetic) and the count for the whole installation.

The database tests run on SQLite and on PostgreSQL (the `database` fixture); time is the fake `clock`.
"""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa

from storage import attempts
from storage.attempts import (
    INSTALLATION_LIMIT,
    MAX_WAIT_SECONDS,
    Tries,
    after_wrong,
    count_failure,
    flooded,
    seconds_left,
    wait_seconds,
)
from storage.errors import StorageError
from storage.sessions import come_back, create_session, join_session, open_as_facilitator
from storage.tables import code_failures

START = dt.datetime(2026, 12, 4, 12, 0, 30, tzinfo=dt.UTC)


# --- one browser session --------------------------------------------------------------------------------


@pytest.mark.parametrize(("wrong", "seconds"), [(0, 0), (1, 0), (4, 0), (5, 2), (6, 4), (7, 8), (10, 64), (13, 512),
                                                (14, 1024), (15, MAX_WAIT_SECONDS), (1000, MAX_WAIT_SECONDS)])
def test_after_five_wrong_codes_each_try_waits_twice_as_long(wrong, seconds):
    assert wait_seconds(wrong) == seconds


@pytest.mark.parametrize(("wrong", "later", "left"), [
    (0, 0, 0), (4, 0, 0),  # no wrong codes to speak of: try now
    (5, 0, 2), (5, 0.5, 2), (5, 1, 1), (5, 1.01, 1), (5, 2, 0), (5, 60, 0),  # rounded up to whole seconds
    (7, 3, 5),
])
def test_the_seconds_left_count_down_from_the_last_wrong_code(wrong, later, left):
    tries = Tries(wrong=wrong, last_wrong_at=START)
    assert seconds_left(tries, START + dt.timedelta(seconds=later)) == left


def test_a_browser_starts_without_wrong_codes_and_counts_each_one():
    assert seconds_left(Tries(), START) == 0
    tries = Tries()
    for _ in range(5):
        tries = after_wrong(tries, START)
    assert tries == Tries(wrong=5, last_wrong_at=START)
    assert seconds_left(tries, START) == 2


# --- the whole installation -----------------------------------------------------------------------------


@pytest.fixture
def created(database, bundled, clock):
    return create_session(database, "Plein", "", bundled["voorbeeldgemeente"])


def _failures(database) -> list[tuple]:
    with database.reading() as conn:
        return [tuple(r) for r in conn.execute(sa.select(code_failures).order_by(code_failures.c.minute))]


def test_the_count_holds_only_minutes_and_numbers():
    assert [c.name for c in code_failures.columns] == ["minute", "failures"]


def test_wrong_codes_of_every_kind_are_counted_per_minute(database, created, clock):
    for look_up in (lambda: join_session(database, "AAAA-BBBB-CCCC", "Anna", "inwoner"),
                    lambda: come_back(database, "AAAA-BBBB-CCCC-DDDD"),
                    lambda: open_as_facilitator(database, "niet de code")):
        with pytest.raises(StorageError) as raised:
            look_up()
        assert raised.value.kind == "not_found"
    assert [n for _, n in _failures(database)] == [3]
    join_session(database, created.join_code, "Anna", "inwoner")  # a right code is not counted
    assert [n for _, n in _failures(database)] == [3]


def test_an_expired_code_is_not_a_guess(database, created, clock):
    clock.advance(days=31)
    with pytest.raises(StorageError):
        join_session(database, created.join_code, "Anna", "inwoner")
    assert _failures(database) == []


def test_above_the_limit_every_look_up_is_refused_to_the_end_of_the_next_minute(database, created, clock):
    clock.moment = START  # 12:00:30
    for _ in range(INSTALLATION_LIMIT - 1):
        count_failure(database, clock.now())
    assert not flooded(database, clock.now())
    count_failure(database, clock.now())
    assert flooded(database, clock.now())
    with pytest.raises(StorageError) as raised:
        join_session(database, created.join_code, "Anna", "inwoner")  # even the right code
    assert raised.value.kind == "flooded"
    assert "twee minuten" in raised.value.message("nl") and "two minutes" in raised.value.message("en")
    assert _failures(database)[0][1] == INSTALLATION_LIMIT  # a refused look-up is not counted again
    clock.advance(seconds=89)  # 12:01:59: the next minute
    assert flooded(database, clock.now())
    clock.advance(seconds=1)  # 12:02:00
    assert not flooded(database, clock.now())
    assert join_session(database, created.join_code, "Anna", "inwoner").member.name == "Anna"


def test_minutes_that_no_longer_matter_are_removed(database, clock):
    for minutes in range(5):
        count_failure(database, START + dt.timedelta(minutes=minutes))
    assert [n for _, n in _failures(database)] == [1, 1]  # this minute and the one before


def test_the_limit_may_be_set_lower_for_a_test(database, monkeypatch, clock):
    monkeypatch.setattr(attempts, "INSTALLATION_LIMIT", 2)
    count_failure(database, clock.now())
    assert not flooded(database, clock.now())
    count_failure(database, clock.now())
    assert flooded(database, clock.now())


def test_failures_counted_at_the_same_moment_are_all_counted(database):
    # Twenty browsers typing wrong codes at once, five each: one statement adds or inserts, so none is lost.
    barrier = threading.Barrier(20, timeout=60)

    def fail_five(_: int) -> None:
        barrier.wait()
        for _ in range(5):
            count_failure(database, START)

    with ThreadPoolExecutor(20) as pool:
        list(pool.map(fail_five, range(20), timeout=120))
    assert [n for _, n in _failures(database)] == [100]

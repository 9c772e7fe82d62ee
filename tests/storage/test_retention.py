"""Closed sessions are deleted with their members' data N days after closing (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from storage.database import open_database
from storage.errors import StorageError
from storage.retention import DAYS_VARIABLE, DEFAULT_DAYS, delete_closed_sessions, retention_days
from storage.sessions import close_session, create_session, join_session, save_answers
from storage.tables import group_members, group_sessions

SECRET = "Zwaluwstaart-Geheimenaam"  # a name to look for in the database's files


def _titles(database) -> list[str]:
    with database.reading() as conn:
        return list(conn.execute(sa.select(group_sessions.c.title).order_by(group_sessions.c.id)).scalars())


def _member_count(database) -> int:
    with database.reading() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(group_members)).scalar_one()


def test_ninety_days_unless_the_administrator_says_otherwise(monkeypatch):
    monkeypatch.delenv(DAYS_VARIABLE, raising=False)
    assert retention_days() == DEFAULT_DAYS == 90
    monkeypatch.setenv(DAYS_VARIABLE, " 30 ")
    assert retention_days() == 30
    monkeypatch.setenv(DAYS_VARIABLE, "0")
    assert retention_days() == 0


@pytest.mark.parametrize("value", ["abc", "-1", "1.5", "90 dagen"])
def test_a_retention_that_is_not_a_whole_number_is_refused_and_named(monkeypatch, value):
    monkeypatch.setenv(DAYS_VARIABLE, value)
    with pytest.raises(StorageError) as raised:
        retention_days()
    assert raised.value.kind == "invalid" and DAYS_VARIABLE in raised.value.message("nl")


def test_a_closed_session_is_deleted_with_its_members_after_the_days_and_not_before(database, rules, clock):
    closed = create_session(database, "Gesloten", "", rules)
    joined = join_session(database, closed.join_code, SECRET, "inwoner")
    save_answers(database, joined.member_code, {"ingrijpendheid": ["hoog"]}, rules, submit=True)
    close_session(database, closed.facilitator_code)
    still_open = create_session(database, "Open", "", rules)
    join_session(database, still_open.join_code, "Piet", "inwoner")

    clock.advance(days=90, seconds=-1)
    assert delete_closed_sessions(database, 90) == 0
    assert _titles(database) == ["Gesloten", "Open"]
    clock.advance(seconds=1)
    assert delete_closed_sessions(database, 90) == 1
    assert _titles(database) == ["Open"]  # an open session stays, however old
    assert _member_count(database) == 1
    clock.advance(days=1000)
    assert delete_closed_sessions(database, 90) == 0
    assert _titles(database) == ["Open"]


def test_a_shorter_retention_deletes_sooner(database, rules, clock):
    first = create_session(database, "Eerst", "", rules)
    close_session(database, first.facilitator_code)
    clock.advance(days=10)
    later = create_session(database, "Later", "", rules)
    close_session(database, later.facilitator_code)
    assert delete_closed_sessions(database, 10) == 1
    assert _titles(database) == ["Later"]


def _files(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(f"{path.name}*"))  # the file, its -wal and -shm


def test_on_sqlite_the_deleted_names_are_overwritten_not_left_in_the_files(tmp_path, rules, clock):
    path = tmp_path / "ladder.db"
    database = open_database(f"sqlite:///{path}")
    created = create_session(database, "Gesloten", "", rules)
    join_session(database, created.join_code, SECRET, "inwoner")
    close_session(database, created.facilitator_code)
    assert SECRET.encode() in _files(path)  # the test can see it while it is stored
    clock.advance(days=90)
    assert delete_closed_sessions(database, 90) == 1
    database.dispose()
    assert SECRET.encode() not in _files(path)

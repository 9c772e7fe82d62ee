"""Deleting personal data is real (AVG art. 17): on SQLite an erased name is in neither the database file nor its
write-ahead log afterwards, whichever way it was erased. (The retention purge: tests/storage/test_retention.py.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from proef_rules import OPEN_PLAN

from ladder.engine.advisor import advise
from storage.database import Database, open_database
from storage.register import NewEntry, delete_entry, remove_contact_person, save_entry, update_choice
from storage.sessions import create_session, delete_member, delete_session, join_session

SECRET = "Zeldzame-Naam-Vd9Q"


def _files(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(f"{path.name}*"))  # the file, its -wal and -shm


def _member(db: Database, rules) -> Callable[[], None]:
    created = create_session(db, "Plein", "", rules)
    joined = join_session(db, created.join_code, SECRET, "inwoner")
    return lambda: delete_member(db, joined.member_code)


def _session(db: Database, rules) -> Callable[[], None]:
    created = create_session(db, "Plein", "", rules)
    join_session(db, created.join_code, SECRET, "inwoner")
    return lambda: delete_session(db, created.facilitator_code)


def _entry(db: Database, rules) -> int:
    advice = advise(rules, OPEN_PLAN)
    return save_entry(db, NewEntry("Plein", dt.date(2026, 5, 1), advice.recommended, contact_person=SECRET), advice,
                      rules)


def _deleted_entry(db: Database, rules) -> Callable[[], None]:
    number = _entry(db, rules)
    return lambda: delete_entry(db, number)


def _contact_removed(db: Database, rules) -> Callable[[], None]:
    _entry(db, rules)
    return lambda: remove_contact_person(db, SECRET)


def _contact_cleared(db: Database, rules) -> Callable[[], None]:
    number = _entry(db, rules)
    return lambda: update_choice(db, number, "raadplegen", "Zo gekozen", "")


@pytest.mark.parametrize("erasure", [_member, _session, _deleted_entry, _contact_removed, _contact_cleared],
                         ids=["a member deletes their entry", "the facilitator deletes the session",
                              "a register entry is deleted", "a contact person is removed on request",
                              "a contact person is cleared"])
def test_an_erased_name_is_gone_from_the_sqlite_files(tmp_path, rules, erasure):
    path = tmp_path / "ladder.db"
    db = open_database(f"sqlite:///{path}")
    erase = erasure(db, rules)
    assert SECRET.encode() in _files(path)  # the test can see it while it is stored
    erase()
    assert SECRET.encode() not in _files(path)  # at once, while the app keeps running
    db.dispose()

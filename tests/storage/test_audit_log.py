"""The audit log of the register, on SQLite and on PostgreSQL (BIO: changes are logged, logs hold no personal data).

Every change to the register writes exactly one log row, in the same transaction as the change: who, what,
which entry and the names of the fields that changed. A change that fails writes no row; a log row that cannot
be written undoes the change. What people typed (a contact person, a reason) never appears in the log.
"""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from proef_rules import OPEN_PLAN

from ladder.engine.advisor import advise
from storage.audit import LOCAL, Actor, audit_entries, audit_rows, record
from storage.database import MIGRATIONS, open_database
from storage.errors import StorageError
from storage.register import (
    NewEntry,
    NewEvaluation,
    add_evaluation,
    delete_entry,
    get_entry,
    record_export,
    save_entry,
    update_choice,
)
from storage.tables import audit_log

CONTACT = "Jan Jansen, jan.jansen@example.org"  # personal data: never in the log
REASON = "Wethouder Pietersen wilde het anders"  # typed text: never in the log
SCORES = {"inclusie": 3, "invloed": 0}


@pytest.fixture
def entry(database, bundled) -> int:
    """One saved entry, chosen differently, with a reason and a contact person."""
    rule_set = bundled["voorbeeldgemeente"]
    advice = advise(rule_set, OPEN_PLAN)
    return save_entry(database, NewEntry("Marktplein", dt.date(2026, 3, 1), "informeren", REASON, CONTACT),
                      advice, rule_set)


def _actions(db) -> list[tuple[str, int | None]]:
    return [(e.action, e.subject_id) for e in audit_entries(db)]


def _everything_in_the_log(db) -> str:
    with db.reading() as conn:
        return str(conn.execute(sa.select(audit_log)).all())


def test_saving_an_entry_logs_which_fields_were_filled_in(database, entry):
    (row,) = audit_entries(database)
    assert (row.action, row.subject_kind, row.subject_id, row.actor) == ("entry_saved", "register_entry", entry, LOCAL)
    assert row.fields == ("choice_reason", "chosen_rung", "contact_person", "project_name", "saved_on")
    assert row.at.tzinfo is not None and abs(row.at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


def test_changing_the_choice_logs_only_the_fields_that_changed(database, entry):
    update_choice(database, entry, "informeren", REASON, "Team participatie")
    latest = audit_entries(database)[0]
    assert (latest.action, latest.subject_id, latest.fields) == ("choice_updated", entry, ("contact_person",))
    update_choice(database, entry, "informeren", REASON, "Team participatie")  # saved again, nothing different
    assert audit_entries(database)[0].fields == ()
    assert len(audit_entries(database)) == 3


def test_adding_an_evaluation_logs_the_fields_filled_in(database, entry):
    add_evaluation(database, entry, NewEvaluation("Ging goed", SCORES))
    latest = audit_entries(database)[0]
    assert (latest.action, latest.subject_id) == ("evaluation_added", entry)
    assert latest.fields == ("how_it_went", "score_inclusie", "score_invloed")  # a score of 0 is a score


def test_a_deleted_entry_keeps_its_log_and_the_log_shows_the_delete(database, entry):
    add_evaluation(database, entry, NewEvaluation("Ging goed", SCORES))
    delete_entry(database, entry)
    assert get_entry(database, entry) is None
    assert _actions(database) == [("entry_deleted", entry), ("evaluation_added", entry), ("entry_saved", entry)]


def test_an_export_is_logged_for_the_whole_register(database, entry):
    record_export(database)
    latest = audit_entries(database)[0]
    assert (latest.action, latest.subject_kind, latest.subject_id, latest.fields) == (
        "register_exported", "register", None, ())


def test_the_actor_is_logged_as_given(database, entry):
    user = Actor("gebruiker", "7f3a9c")  # an opaque id, as a login would give
    delete_entry(database, entry, actor=user)
    assert audit_entries(database)[0].actor == user


@pytest.mark.parametrize("write", [
    lambda db, n: delete_entry(db, 999),
    lambda db, n: update_choice(db, 999, "informeren", "", ""),
    lambda db, n: add_evaluation(db, 999, NewEvaluation("Ging goed", SCORES)),
    lambda db, n: add_evaluation(db, n, NewEvaluation("Ging goed", {"invloed": 7})),  # refused by the table
])
def test_a_change_that_fails_writes_no_log_row(database, entry, write):
    with pytest.raises(StorageError):
        write(database, entry)
    assert _actions(database) == [("entry_saved", entry)]


def test_a_log_row_written_in_a_transaction_that_fails_is_not_kept(database, entry):
    with pytest.raises(RuntimeError), database.transaction() as conn:
        record(conn, LOCAL, "entry_deleted", "register_entry", entry)
        raise RuntimeError("something after the log row fails")
    assert _actions(database) == [("entry_saved", entry)]


def test_when_the_log_row_cannot_be_written_the_change_is_undone(database, entry, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("the log cannot be written")

    monkeypatch.setattr("storage.register.record", broken)
    with pytest.raises(RuntimeError):
        update_choice(database, entry, "informeren", REASON, "Iemand anders")
    with pytest.raises(RuntimeError):
        delete_entry(database, entry)
    assert get_entry(database, entry).summary.contact_person == CONTACT


def test_what_people_typed_never_appears_in_the_log(database, entry):
    update_choice(database, entry, "informeren", REASON + " (aangevuld)", "Piet Pietersen, piet@example.org")
    add_evaluation(database, entry, NewEvaluation("Mevrouw De Vries vond het goed", SCORES, "Bel Karin eerder"))
    delete_entry(database, entry)
    stored = _everything_in_the_log(database)
    for typed in ("Jan Jansen", "jan.jansen@example.org", "Pietersen", "piet@example.org", "De Vries", "Karin",
                  "Marktplein"):
        assert typed not in stored
        assert typed not in str(audit_rows(audit_entries(database)))
    assert len(audit_entries(database)) == 4


def test_the_log_is_newest_first_limited_and_from_a_moment(database, entry):
    for _ in range(3):
        update_choice(database, entry, "informeren", REASON, "")
    assert len(audit_entries(database, limit=2)) == 2
    assert len(audit_entries(database, limit=None)) == 4
    ids = [e.id for e in audit_entries(database)]
    assert ids == sorted(ids, reverse=True)
    assert audit_entries(database, since=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=1)) == []
    assert len(audit_entries(database, since=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1))) == 4


def test_the_rows_for_a_csv_are_flat(database, entry):
    (row,) = audit_rows(audit_entries(database))
    assert row == {"at": row["at"], "actor_kind": "lokaal", "actor_id": None, "action": "entry_saved",
                   "subject_kind": "register_entry", "subject_id": entry,
                   "fields": "choice_reason, chosen_rung, contact_person, project_name, saved_on"}
    assert dt.datetime.fromisoformat(row["at"]).utcoffset() == dt.timedelta(0)


def test_a_database_from_before_the_log_gets_it_and_keeps_its_entries(database, database_url, entry):
    def migrate(step, revision: str) -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with database.engine.begin() as conn:
            config.attributes["connection"] = conn
            step(config, revision)

    migrate(command.downgrade, "0003")  # as a database that was made before the log existed
    assert not sa.inspect(database.engine).has_table("audit_log")
    database.dispose()
    reopened = open_database(database_url)  # starting the app migrates it
    try:
        assert audit_entries(reopened) == []
        assert get_entry(reopened, entry).summary.contact_person == CONTACT
        delete_entry(reopened, entry)
        assert _actions(reopened) == [("entry_deleted", entry)]
    finally:
        reopened.dispose()

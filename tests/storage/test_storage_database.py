"""Opening the database: migrations at start, one transaction per write, clear messages when it fails."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import get_args

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext

from storage.database import MIGRATIONS, URL_VARIABLE, Database, database_url, open_database
from storage.errors import Kind, StorageError
from storage.tables import group_members, group_sessions, metadata

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


def _session_row(code: str) -> dict:
    return {"title": "Herinrichting Stationsplein", "description": "", "municipality_id": "leusden",
            "rule_set_version": "1.0", "rule_set_hash": "0" * 64, "join_code_hash": code * 64,
            "facilitator_code_hash": code.upper() * 64, "status": "open", "created_at": NOW,
            "join_code_expires_at": NOW + dt.timedelta(days=30), "member_limit": 30}


def _count(db, table: sa.Table) -> int:
    with db.transaction() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def test_first_start_creates_every_table(database):
    tables = set(sa.inspect(database.engine).get_table_names())
    assert {t.name for t in metadata.sorted_tables} <= tables
    assert "alembic_version" in tables


def test_the_migrations_build_exactly_the_tables_the_code_uses(database):
    with database.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == []


def test_opening_again_keeps_what_was_stored(database_url):
    first = open_database(database_url)
    with first.transaction() as conn:
        conn.execute(group_sessions.insert().values(_session_row("a")))
    first.dispose()
    second = open_database(database_url)
    assert _count(second, group_sessions) == 1
    second.dispose()


def _to_revision(url: str, revision: str) -> None:
    """The schema as it was at `revision`, from a new database or (PostgreSQL's shared one) from the latest."""
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = conn
            current = MigrationContext.configure(conn).get_current_revision()
            if current is None or current < revision:
                command.upgrade(config, revision)
            elif current > revision:
                command.downgrade(config, revision)
    finally:
        engine.dispose()


def test_sessions_from_before_expiry_get_thirty_days_from_the_migration_and_room_for_their_members(database_url,
                                                                                                    clock):
    _to_revision(database_url, "0001")
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        for code, members in (("a", 2), ("b", 40), ("c", 120)):
            row = {k: v for k, v in _session_row(code).items() if k not in ("join_code_expires_at", "member_limit")}
            row["created_at"] = NOW - dt.timedelta(days=200)  # long before: its code must not expire at once
            session_id = conn.execute(group_sessions.insert().values(row).returning(group_sessions.c.id)).scalar_one()
            conn.execute(group_members.insert(), [
                {"session_id": session_id, "token_hash": f"{code}{i:063d}", "name": f"Lid {i}", "role": "inwoner",
                 "answers": {}, "created_at": NOW, "updated_at": NOW} for i in range(members)])
    engine.dispose()
    migrated = open_database(database_url)  # brings it to the latest revision
    with migrated.reading() as conn:
        rows = conn.execute(sa.select(group_sessions).order_by(group_sessions.c.join_code_hash)).all()
    migrated.dispose()
    expires = [r.join_code_expires_at if r.join_code_expires_at.tzinfo else r.join_code_expires_at.replace(tzinfo=dt.UTC)
               for r in rows]
    assert expires == [clock.moment + dt.timedelta(days=30)] * 3
    assert [r.member_limit for r in rows] == [30, 40, 100]


def test_the_second_migration_can_be_undone(database_url):
    _to_revision(database_url, "0002")
    _to_revision(database_url, "0001")
    engine = sa.create_engine(database_url)
    columns = {c["name"] for c in sa.inspect(engine).get_columns("group_sessions")}
    engine.dispose()
    assert "join_code_expires_at" not in columns and "member_limit" not in columns
    open_database(database_url).dispose()  # and done again


def test_sqlite_runs_in_wal_mode(tmp_path: Path):
    db = open_database(f"sqlite:///{tmp_path / 'sub' / 'ladder.db'}")
    with db.transaction() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    db.dispose()
    assert (tmp_path / "sub" / "ladder.db").exists()  # the folder is created on first run


def test_a_write_that_fails_midway_leaves_the_database_as_before(database):
    with database.transaction() as conn:
        conn.execute(group_sessions.insert().values(_session_row("a")))
    with pytest.raises(StorageError) as raised:
        with database.transaction() as conn:
            conn.execute(group_sessions.insert().values(_session_row("b")))
            conn.execute(group_sessions.insert().values(_session_row("a")))  # same codes: violates uniqueness
    assert raised.value.kind == "failed"
    assert _count(database, group_sessions) == 1


def test_an_error_raised_inside_a_transaction_rolls_it_back(database):
    with pytest.raises(RuntimeError):
        with database.transaction() as conn:
            conn.execute(group_sessions.insert().values(_session_row("a")))
            raise RuntimeError("the program stopped halfway")
    assert _count(database, group_sessions) == 0


@pytest.mark.parametrize("url", [
    "postgresql://postgres@127.0.0.1:1/test",  # nothing listens on port 1
    "postgresql://postgres@db.invalid:5432/test",  # no such host
])
def test_a_database_that_cannot_be_reached_gives_a_clear_message(url):
    with pytest.raises(StorageError) as raised:
        open_database(url)
    assert raised.value.kind == "unreachable"
    assert "niet bereikbaar" in raised.value.message("nl")
    assert "cannot be reached" in raised.value.message("en")


@pytest.mark.parametrize("url", ["not a url", "nosuchdb://x/y"])
def test_a_malformed_database_url_is_named(url):
    with pytest.raises(StorageError) as raised:
        open_database(url)
    assert raised.value.kind == "invalid"
    assert URL_VARIABLE in raised.value.message("nl")


def test_the_database_going_away_after_start_gives_a_clear_message():
    # As when the server stops while the app runs: the next write must say so, not show a traceback.
    gone = Database(sa.create_engine("postgresql+psycopg://postgres@127.0.0.1:1/test",
                                     connect_args={"connect_timeout": 2}))
    with pytest.raises(StorageError) as raised:
        with gone.transaction() as conn:
            conn.execute(group_sessions.insert().values(_session_row("a")))
    assert raised.value.kind == "unreachable"


def test_the_default_is_the_sqlite_file_and_the_variable_overrides_it(monkeypatch):
    monkeypatch.delenv(URL_VARIABLE, raising=False)
    assert database_url().endswith("data/ladder.db")
    monkeypatch.setenv(URL_VARIABLE, "postgresql://postgres@127.0.0.1:5432/test")
    assert database_url() == "postgresql://postgres@127.0.0.1:5432/test"


@pytest.mark.parametrize("kind", get_args(Kind))
def test_every_kind_of_problem_has_a_message_in_dutch_and_in_english(kind):
    assert StorageError(kind).message("nl") != StorageError(kind).message("en")



# One app process: opens the database at a given moment, prints "ok" or the kind of StorageError
OPEN_AT = """
import sys, time
from storage.database import open_database
from storage.errors import StorageError
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
try:
    open_database(sys.argv[1]).dispose()
    print("ok")
except StorageError as error:
    print(error.kind)
"""


@pytest.mark.postgres
def test_app_processes_starting_together_on_a_new_postgresql_database_all_open_it(postgres_url):
    # The shared installation (scripts/run-shared.sh) starts several app processes on one new database, and each
    # migrates it on first use: they must wait for each other, not fail on the tables another one is creating.
    # Processes, not threads: Alembic's migration context is one per process.
    import subprocess
    import sys
    import time
    import uuid

    admin = sa.create_engine(sa.engine.make_url(postgres_url), isolation_level="AUTOCOMMIT")
    name = f"ladder_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.engine.make_url(postgres_url).set(database=name).render_as_string(hide_password=False)
    moment = str(time.time() + 5)  # time enough for every process to import the app's code first
    root = Path(__file__).resolve().parents[2]
    try:
        processes = [subprocess.Popen([sys.executable, "-c", OPEN_AT, url, moment], cwd=root, text=True,
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) for _ in range(4)]
        results = [process.communicate(timeout=60)[0].strip() for process in processes]
        assert results == ["ok"] * 4
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

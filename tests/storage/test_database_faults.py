"""When the database misbehaves: every fault ends within seconds with its own message, and the log names only a code.

Each fault is made for real where this machine allows it: a slow query (pg_sleep), a table another connection
has locked, a transaction left hanging, a full pool, a closed port, a read-only file, a full SQLite file
(max_page_count), a disk-full error raised by PostgreSQL itself, and a frozen network: in a network namespace of
its own (root only) a traffic-control rule lets no packet through, see frozen_network_probe.py.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from storage.database import (
    IDLE_IN_TRANSACTION_TIMEOUT_MS,
    KEEPALIVE_COUNT,
    KEEPALIVE_IDLE_SECONDS,
    KEEPALIVE_INTERVAL_SECONDS,
    LOCK_TIMEOUT_MS,
    POOL_TIMEOUT_SECONDS,
    SQLITE_BUSY_MS,
    STATEMENT_TIMEOUT_MS,
    TCP_USER_TIMEOUT_MS,
    Database,
    Limits,
    open_database,
)
from storage.errors import StorageError
from storage.register import get_entry, list_entries
from storage.snapshots import get_snapshot
from storage.tables import group_sessions, metadata

NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
QUICK = Limits(statement_timeout_ms=1_000, lock_timeout_ms=500, idle_in_transaction_timeout_ms=1_000,
               pool_timeout_seconds=1, sqlite_busy_ms=500)
BOUND_SECONDS = 15  # generous: each fault above is set to end within about a second
HOLD_SECONDS = 30  # how long a blocker holds on, so a test without the limit fails instead of hanging forever
FROZEN_BOUND_SECONDS = 60  # the probe hung for more than 90 s; with the limits it takes about 15 s
PROBE = Path(__file__).with_name("frozen_network_probe.py")
ROOT = Path(__file__).resolve().parents[2]
PERSONAL = "Marieke de Vries"  # a name someone typed: it must never reach the log


def _session_row(code: str, title: str = "Herinrichting Stationsplein") -> dict[str, Any]:
    return {"title": title, "description": "", "municipality_id": "leusden",
            "rule_set_version": "1.0", "rule_set_hash": "0" * 64, "join_code_hash": code * 64,
            "facilitator_code_hash": code.upper() * 64, "status": "open", "created_at": NOW,
            "join_code_expires_at": NOW + dt.timedelta(days=30), "member_limit": 30}


def _write(db: Database, code: str = "a", title: str = "Herinrichting Stationsplein") -> None:
    with db.transaction() as conn:
        conn.execute(group_sessions.insert().values(_session_row(code, title)))


def _fault(action: Callable[[], object]) -> tuple[StorageError, float]:
    """Runs `action`, which must fail with a StorageError; returns it and how many seconds it took."""
    started = time.monotonic()
    with pytest.raises(StorageError) as raised:
        action()
    return raised.value, time.monotonic() - started


@contextmanager
def _open(url: str, limits: Limits = QUICK) -> Iterator[Database]:
    db = open_database(url, limits)
    try:
        yield db
    finally:
        db.dispose()


def _within(seconds: float, action: Callable[[], object]) -> object:
    """The result of `action`, which must finish within `seconds` (a stuck action fails the test, not hangs it)."""
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(action).result(timeout=seconds)
    finally:
        pool.shutdown(wait=False)  # a stuck action is left to end when what blocks it lets go


# --- PostgreSQL: the limits every connection carries ------------------------------------------------------------

@pytest.fixture
def postgres(postgres_url) -> str:
    """The run's PostgreSQL database, migrated and empty of rows."""
    with _open(postgres_url, Limits()) as db, db.transaction() as conn:
        for table in reversed(metadata.sorted_tables):
            conn.execute(table.delete())
    return postgres_url


@pytest.mark.postgres
def test_every_postgresql_connection_carries_the_timeouts(postgres):
    with _open(postgres, Limits()) as db, db.transaction() as conn:
        def setting(name: str) -> str:
            return conn.exec_driver_sql(f"SELECT setting FROM pg_settings WHERE name = '{name}'").scalar_one()

        assert int(setting("statement_timeout")) == STATEMENT_TIMEOUT_MS
        assert int(setting("lock_timeout")) == LOCK_TIMEOUT_MS
        assert int(setting("idle_in_transaction_session_timeout")) == IDLE_IN_TRANSACTION_TIMEOUT_MS
    assert db.engine.pool.timeout() == POOL_TIMEOUT_SECONDS


@pytest.mark.postgres
def test_every_postgresql_socket_has_keepalives_and_a_user_timeout(postgres):
    # A frozen network: the server's answers never arrive. Keepalive probes (when nothing is in flight) and the
    # user timeout (when a request waits for its acknowledgement) make the kernel end the connection.
    with _open(postgres, Limits()) as db, db.engine.connect() as conn:
        fd = conn.connection.dbapi_connection.pgconn.socket  # type: ignore[union-attr]
        sock = socket.socket(fileno=os.dup(fd))
        try:
            assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) == 1
            assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE) == KEEPALIVE_IDLE_SECONDS
            assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL) == KEEPALIVE_INTERVAL_SECONDS
            assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT) == KEEPALIVE_COUNT
            assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT) == TCP_USER_TIMEOUT_MS
        finally:
            sock.close()


@pytest.mark.postgres
def test_a_statement_that_runs_too_long_is_stopped_with_a_clear_message(postgres):
    with _open(postgres) as db:
        def slow_read() -> None:
            with db.transaction() as conn:
                conn.exec_driver_sql(f"SELECT pg_sleep({HOLD_SECONDS})")

        error, seconds = _fault(slow_read)
    assert error.kind == "busy"
    assert seconds < BOUND_SECONDS


@pytest.fixture
def holder(postgres_url) -> Iterator[sa.Connection]:
    """A second connection, of someone else, that ends by itself after HOLD_SECONDS at the latest."""
    engine = sa.create_engine(postgres_url)
    with engine.connect() as conn:
        conn.exec_driver_sql(f"SET idle_in_transaction_session_timeout = '{HOLD_SECONDS}s'")
        conn.commit()
        yield conn
    engine.dispose()


@pytest.mark.postgres
def test_a_table_locked_by_someone_else_gives_a_clear_message_within_seconds(postgres, holder, caplog):
    with _open(postgres) as db:
        holder.exec_driver_sql("LOCK TABLE group_sessions IN ACCESS EXCLUSIVE MODE")
        error, seconds = _fault(lambda: _write(db))
        holder.rollback()
        assert error.kind == "busy"
        assert "SQLSTATE 55P03" in caplog.text  # lock_not_available: the lock timeout, not the statement timeout
        assert seconds < BOUND_SECONDS
        _write(db)  # the lock gone, the same write lands: trying again works


@pytest.mark.postgres
def test_a_transaction_left_hanging_is_ended_by_the_server_and_frees_its_locks(postgres):
    # As when an app thread stops halfway through a write: its locks must not block everyone else for good.
    with _open(postgres) as db:
        _write(db, "a")
        with pytest.raises(StorageError) as raised:
            with db.transaction() as hanging:
                hanging.execute(group_sessions.update().values(title="half"))  # locks the row
                time.sleep(QUICK.idle_in_transaction_timeout_ms / 1000 + 1)  # ... and then nothing happens

                def someone_else_writes() -> None:  # would wait for the row lock if the server kept it
                    with db.transaction() as conn:
                        conn.execute(group_sessions.update().values(title="whole"))

                _within(BOUND_SECONDS, someone_else_writes)
        assert raised.value.kind == "busy"  # the hanging one learns at its commit that the server ended it
        with db.reading() as conn:
            assert conn.execute(sa.select(group_sessions.c.title)).scalar_one() == "whole"


@pytest.mark.postgres
def test_a_full_pool_gives_a_clear_message_within_seconds(postgres):
    with _open(postgres) as db:
        pool = db.engine.pool
        taken = [db.engine.connect() for _ in range(pool.size() + db.engine.pool._max_overflow)]  # type: ignore[attr-defined]
        try:
            error, seconds = _fault(lambda: _write(db))
        finally:
            for conn in taken:
                conn.close()
        assert error.kind == "busy"
        assert seconds < BOUND_SECONDS


@pytest.mark.postgres
def test_a_read_only_postgresql_database_says_so(postgres):
    # As on a standby server, or when the administrator set the database read-only for maintenance.
    read_only = sa.engine.make_url(postgres).update_query_dict(
        {"options": "-c default_transaction_read_only=on"}).render_as_string(hide_password=False)
    with _open(read_only) as db:
        error, _ = _fault(lambda: _write(db))
    assert error.kind == "read_only"


@pytest.mark.postgres
def test_a_full_postgresql_disk_says_so(postgres):
    # PostgreSQL reports a full disk as SQLSTATE 53100; the server raises exactly that error here.
    with _open(postgres) as db:
        def write_on_a_full_disk() -> None:
            with db.transaction() as conn:
                conn.execute(group_sessions.insert().values(_session_row("a")))
                conn.exec_driver_sql("DO $$ BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = '53100'; END $$")

        error, _ = _fault(write_on_a_full_disk)
        assert error.kind == "disk_full"
        with db.transaction() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(group_sessions)).scalar_one() == 0


def _can_make_a_private_network() -> bool:
    return sys.platform == "linux" and os.geteuid() == 0 and all(shutil.which(c) for c in ("unshare", "ip", "tc"))


@pytest.mark.postgres
@pytest.mark.skipif(not _can_make_a_private_network(), reason="needs root, unshare, ip and tc (iproute2)")
@pytest.mark.parametrize("moment", ["between", "during"])
def test_a_frozen_network_gives_a_clear_message_within_seconds(postgres, moment):
    # "between": the network freezes between two visits of the page; "during": halfway through a transaction.
    with _open(postgres) as db, db.reading() as conn:
        socket_dir = conn.exec_driver_sql("SHOW unix_socket_directories").scalar_one().split(",")[0].strip()
    if not Path(socket_dir, ".s.PGSQL.5432").exists():
        pytest.skip("the probe reaches the server through its Unix socket on this machine")
    done = subprocess.run(
        ["unshare", "-n", sys.executable, str(PROBE), sa.engine.make_url(postgres).database, socket_dir, moment],
        env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
        timeout=FROZEN_BOUND_SECONDS + 40, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["outcome"] == "unreachable"
    assert result["seconds"] < FROZEN_BOUND_SECONDS


def test_a_closed_port_is_unreachable_within_seconds():
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error, seconds = _fault(lambda: open_database(f"postgresql://postgres@127.0.0.1:{port}/test"))
    assert error.kind == "unreachable"
    assert seconds < BOUND_SECONDS


# --- SQLite -------------------------------------------------------------------------------------------------------

@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ladder.db'}"


@contextmanager
def _write_lock_held_by_another_program(url: str) -> Iterator[None]:
    other = sqlite3.connect(sa.engine.make_url(url).database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_sqlite_reads_do_not_wait_for_a_writer(sqlite_url):
    with _open(sqlite_url, Limits(sqlite_busy_ms=60_000)) as db:
        _write(db)
        with _write_lock_held_by_another_program(sqlite_url):
            def read() -> int:
                with db.reading() as conn:
                    return conn.execute(sa.select(sa.func.count()).select_from(group_sessions)).scalar_one()

            assert _within(BOUND_SECONDS, read) == 1


def test_the_register_can_be_listed_and_opened_while_another_program_writes(sqlite_url):
    with _open(sqlite_url, Limits(sqlite_busy_ms=60_000)) as db:
        with _write_lock_held_by_another_program(sqlite_url):
            assert _within(BOUND_SECONDS, lambda: list_entries(db)) == []
            assert _within(BOUND_SECONDS, lambda: get_entry(db, 1)) is None
            assert _within(BOUND_SECONDS, lambda: get_snapshot(db, "0" * 64)) is None


def test_sqlite_writes_still_take_the_write_lock_first(sqlite_url):
    with _open(sqlite_url) as db, db.transaction() as conn:
        assert conn.connection.dbapi_connection.in_transaction  # type: ignore[union-attr]
        other = sqlite3.connect(sa.engine.make_url(sqlite_url).database, timeout=0)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
        other.close()


def test_a_sqlite_write_waits_for_another_writer_then_says_the_database_is_busy(sqlite_url):
    with _open(sqlite_url) as db:
        assert db.engine.pool.timeout() == QUICK.pool_timeout_seconds
        with _write_lock_held_by_another_program(sqlite_url):
            error, seconds = _fault(lambda: _write(db))
    assert error.kind == "busy"
    assert seconds < BOUND_SECONDS


def test_sqlite_waits_the_busy_timeout_by_default(sqlite_url):
    with _open(sqlite_url, Limits()) as db, db.transaction() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() == SQLITE_BUSY_MS


def _make_read_only(path: Path) -> None:
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    if os.geteuid() == 0 and shutil.which("chattr"):  # root writes through permissions; not through +i
        subprocess.run(["chattr", "+i", str(path)], check=True)


def _make_writable(path: Path) -> None:
    if os.geteuid() == 0 and shutil.which("chattr"):
        subprocess.run(["chattr", "-i", str(path)], check=True)
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_read_only_sqlite_file_can_be_read_and_a_write_says_it_is_read_only(sqlite_url, tmp_path):
    with _open(sqlite_url) as db:
        _write(db, "a")
    path = tmp_path / "ladder.db"
    _make_read_only(path)
    try:
        with _open(sqlite_url) as db:
            with db.reading() as conn:
                assert conn.execute(sa.select(sa.func.count()).select_from(group_sessions)).scalar_one() == 1
            error, _ = _fault(lambda: _write(db, "b"))
    finally:
        _make_writable(path)
    assert error.kind == "read_only"
    with _open(sqlite_url) as db, db.reading() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(group_sessions)).scalar_one() == 1


def test_a_full_sqlite_file_says_so_and_stores_nothing_of_that_write(sqlite_url):
    with _open(sqlite_url) as db:
        def write_too_much() -> None:
            with db.transaction() as conn:
                pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()
                conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")  # the disk is full from here on
                conn.execute(group_sessions.insert().values(_session_row("a", "x" * 100_000)))

        error, _ = _fault(write_too_much)
        assert error.kind == "disk_full"
        with db.reading() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(group_sessions)).scalar_one() == 0


# --- Messages and the log -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "dutch", "english"), [
    ("unreachable", "niet bereikbaar", "cannot be reached"),
    ("busy", "bezet", "busy"),
    ("disk_full", "vol", "full"),
    ("read_only", "alleen gelezen", "only be read"),
])
def test_each_fault_has_its_own_message_that_says_nothing_changed_and_to_try_again(kind, dutch, english):
    dutch_text, english_text = StorageError(kind).message("nl"), StorageError(kind).message("en")
    assert dutch in dutch_text and english in english_text
    assert "niets" in dutch_text and "opnieuw" in dutch_text
    assert "Nothing" in english_text and "again" in english_text


def test_the_log_names_the_sqlite_error_and_no_personal_data(sqlite_url, caplog):
    with _open(sqlite_url) as db:
        _write(db, "a", PERSONAL)
        with caplog.at_level(logging.DEBUG, logger="storage"):
            error, _ = _fault(lambda: _write(db, "a", PERSONAL))  # the same codes again: not unique
    assert error.kind == "failed"
    assert "SQLITE_CONSTRAINT_UNIQUE" in caplog.text
    assert PERSONAL not in caplog.text and "INSERT" not in caplog.text
    assert PERSONAL not in str(error)


@pytest.mark.postgres
def test_the_log_names_the_sqlstate_and_no_personal_data(postgres, caplog):
    with _open(postgres) as db:
        _write(db, "a", PERSONAL)
        with caplog.at_level(logging.DEBUG, logger="storage"):
            error, _ = _fault(lambda: _write(db, "a", PERSONAL))
    assert error.kind == "failed"
    assert "23505" in caplog.text  # unique_violation
    assert PERSONAL not in caplog.text and "INSERT" not in caplog.text
    assert PERSONAL not in str(error)

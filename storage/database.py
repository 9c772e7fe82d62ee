"""Opening the database: which one (LADDER_DATABASE_URL or the SQLite file), migrations at start, transactions.

Every write is one short transaction (`with db.transaction() as conn:`): it lands whole or not at all.
Driver errors become StorageError: the user reads what to do, the log gets the error's type, never its
parameters (they can hold names people typed).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from storage.errors import StorageError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATH = ROOT / "data" / "ladder.db"
URL_VARIABLE = "LADDER_DATABASE_URL"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
CONNECT_TIMEOUT_SECONDS = 5
SQLITE_BUSY_MS = 30_000  # a writer waits this long for another writer instead of failing at once

log = logging.getLogger(__name__)


def database_url() -> str:
    """LADDER_DATABASE_URL when set, else the SQLite file data/ladder.db beside the code."""
    return os.environ.get(URL_VARIABLE) or f"sqlite:///{DEFAULT_PATH}"


@dataclass(frozen=True)
class Database:
    engine: sa.Engine

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        """One transaction: committed when the block ends, rolled back entirely when anything in it fails."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except StorageError:
            raise
        except sa.exc.OperationalError as exc:
            log.warning("database unreachable or busy: %s", type(exc.orig).__name__)
            raise StorageError("unreachable") from None
        except sa.exc.SQLAlchemyError as exc:
            log.warning("database write failed: %s", type(exc).__name__)
            raise StorageError("failed") from None

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str | None = None) -> Database:
    """Connects, and brings the schema up to date (Alembic): a new database is created, an old one migrated."""
    url = url or database_url()
    engine = _engine(url)
    try:
        with engine.begin() as conn:
            _migrate(conn)
    except sa.exc.OperationalError as exc:
        engine.dispose()
        log.warning("database unreachable at start: %s", type(exc.orig).__name__)
        raise StorageError("unreachable") from None
    except sa.exc.ArgumentError:
        engine.dispose()
        raise StorageError("invalid", "LADDER_DATABASE_URL") from None
    return Database(engine)


def _engine(url: str) -> sa.Engine:
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError:
        raise StorageError("invalid", URL_VARIABLE) from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3 is what requirements.txt installs
    try:
        return sa.create_engine(parsed, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS})
    except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError):
        raise StorageError("invalid", URL_VARIABLE) from None


def _sqlite_engine(url: sa.URL) -> sa.Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:  # the driver's own types
        # We issue BEGIN ourselves (below): pysqlite's own deferred BEGIN lets two writers both read, then
        # deadlock when both try to write.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "foreign_keys=ON", f"busy_timeout={SQLITE_BUSY_MS}", "synchronous=NORMAL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # take the write lock first: writers queue, none deadlocks

    return engine


def _migrate(conn: sa.Connection) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    command.upgrade(config, "head")

"""Opening the database: which one (LADDER_DATABASE_URL or the SQLite file), migrations at start, transactions.

Every write is one short transaction (`with db.transaction() as conn:`); a read that writes nothing uses
`db.reading()`. Either lands whole or not at all. Driver errors become StorageError, a kind the user can act
on (unreachable, busy, disk full, read-only, failed); the log gets the driver's error code (SQLSTATE or
SQLite's error name), never the driver's text, the SQL or its parameters (they can hold names people typed).

Nothing waits without bound: the limits below end a slow statement, a lock someone else holds, a transaction
left hanging, a full pool and a frozen network within seconds, with a message, instead of a page that hangs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from storage.errors import Kind, StorageError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATH = ROOT / "data" / "ladder.db"
URL_VARIABLE = "LADDER_DATABASE_URL"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# --- How long the app waits for the database --------------------------------------------------------------------
# Every transaction here is short: a few statements on a few rows, milliseconds on an ordinary server. Each limit
# is a hundred to a thousand times that, so it never ends normal work, and still ends a fault well before a visitor
# gives up on the page. Worst case, a frozen network: the pool's check of a connection gives up after the TCP user
# timeout (10 s), a new connection after the connect timeout (5 s): about 15 s to "not reachable", not 90 s and more.
CONNECT_TIMEOUT_SECONDS = 5  # a new connection: a server that answers at all answers within milliseconds
STATEMENT_TIMEOUT_MS = 10_000  # one statement; the heaviest, listing the whole register, takes milliseconds
LOCK_TIMEOUT_MS = 5_000  # waiting for a row or table lock; others hold ours for milliseconds only
IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000  # a transaction that does nothing: its app thread is stuck or gone, and
#   the server ends it so its locks do not block everyone else (ours never wait for a person inside a transaction)
POOL_TIMEOUT_SECONDS = 10  # waiting for a free connection of the app's pool (SQLAlchemy's default is 30 s)
# TCP keepalives: an idle connection whose server has vanished is noticed after 5 + 3 x 2 = about 11 s...
KEEPALIVE_IDLE_SECONDS = 5
KEEPALIVE_INTERVAL_SECONDS = 2
KEEPALIVE_COUNT = 3
# ... and a request that the network never delivers (not acknowledged for 10 s) ends the connection (Linux).
TCP_USER_TIMEOUT_MS = 10_000
# SQLite: a writer waits this long for another writer (writes queue; reads never wait, see reading()). Writes take
# milliseconds, so twenty at once queue well within it; a file locked longer is held by another program.
SQLITE_BUSY_MS = 10_000
MIGRATION_STATEMENT_TIMEOUT_MS = 0  # at start a migration may rewrite a big table: no limit (locks still have one)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limits:
    """The waiting limits of one Database; the defaults are the constants above (tests use shorter ones)."""

    statement_timeout_ms: int = STATEMENT_TIMEOUT_MS
    lock_timeout_ms: int = LOCK_TIMEOUT_MS
    idle_in_transaction_timeout_ms: int = IDLE_IN_TRANSACTION_TIMEOUT_MS
    pool_timeout_seconds: float = POOL_TIMEOUT_SECONDS
    sqlite_busy_ms: int = SQLITE_BUSY_MS


# PostgreSQL's SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html): the exact code
# first, then its class (the first two characters). Anything else is "failed".
POSTGRES_KINDS: dict[str, Kind] = {
    "53100": "disk_full",  # disk_full
    "25006": "read_only",  # read_only_sql_transaction: a standby, or default_transaction_read_only
    "57014": "busy",  # query_canceled: the statement timeout
    "55P03": "busy",  # lock_not_available: the lock timeout
    "25P03": "busy",  # idle_in_transaction_session_timeout
    "40001": "busy",  # serialization_failure
    "40P01": "busy",  # deadlock_detected
    "57P01": "unreachable",  # admin_shutdown
    "57P02": "unreachable",  # crash_shutdown
    "57P03": "unreachable",  # cannot_connect_now: starting up or shutting down
}
POSTGRES_CLASSES: dict[str, Kind] = {
    "08": "unreachable",  # connection exception
    "53": "busy",  # insufficient resources: too many connections, out of memory
}
# SQLite's primary result codes, as the start of the (extended) error name Python reports.
SQLITE_KINDS: dict[str, Kind] = {
    "SQLITE_FULL": "disk_full",
    "SQLITE_READONLY": "read_only",
    "SQLITE_PERM": "read_only",
    "SQLITE_BUSY": "busy",
    "SQLITE_LOCKED": "busy",
    "SQLITE_CANTOPEN": "unreachable",
    "SQLITE_IOERR": "unreachable",
}


def database_url() -> str:
    """LADDER_DATABASE_URL when set, else the SQLite file data/ladder.db beside the code."""
    return os.environ.get(URL_VARIABLE) or f"sqlite:///{DEFAULT_PATH}"


@dataclass(frozen=True)
class Database:
    engine: sa.Engine
    limits: Limits = field(default_factory=Limits)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[sa.Connection]:
        """One transaction: committed when the block ends, rolled back entirely when anything in it fails.
        On SQLite it takes the write lock first, so two writers queue instead of deadlocking."""
        with _as_storage_error():
            with self.engine.begin() as conn:
                yield conn

    @contextmanager
    def reading(self) -> Iterator[sa.Connection]:
        """A transaction that only reads: on SQLite a deferred one, which neither waits for nor blocks a writer
        (WAL mode gives it a consistent snapshot). On PostgreSQL reads never take a write lock anyway."""
        with _as_storage_error():
            with self.engine.connect() as conn:
                conn.execution_options(**{READING: True})
                with conn.begin():
                    yield conn

    def forget_erased(self) -> None:
        """After personal data was deleted: on SQLite, folds the write-ahead log into the file (where secure_delete
        zeroed the freed content) and truncates it, so no older copy of those pages stays in the log. Outside a
        transaction (SQLite will not checkpoint inside one), so on the driver's own connection, which issues no
        BEGIN of its own here. PostgreSQL: the rows are gone for every query at once; their space is reclaimed by
        autovacuum (SECURITY.md)."""
        if not self.is_sqlite:
            return
        with _as_storage_error(), self.engine.connect() as conn:
            conn.connection.dbapi_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # type: ignore[union-attr]

    def dispose(self) -> None:
        self.engine.dispose()


READING = "ladder_reading"  # the execution option that tells the SQLite BEGIN below this is a read


def open_database(url: str | None = None, limits: Limits = Limits()) -> Database:
    """Connects, and brings the schema up to date (Alembic): a new database is created, an old one migrated."""
    url = url or database_url()
    engine = _engine(url, limits)
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SET LOCAL statement_timeout = {MIGRATION_STATEMENT_TIMEOUT_MS}")
            _migrate(conn)
    except sa.exc.ArgumentError:
        engine.dispose()
        raise StorageError("invalid", URL_VARIABLE) from None
    except sa.exc.SQLAlchemyError as exc:
        engine.dispose()
        raise storage_error(exc) from None
    return Database(engine, limits)


def storage_error(exc: sa.exc.SQLAlchemyError) -> StorageError:
    """The StorageError for a driver error, logged with its code: an SQLSTATE, SQLite's error name, or the type."""
    kind, code = _kind_and_code(exc)
    log.warning("database error %s (%s), shown as %r", code, type(getattr(exc, "orig", None) or exc).__name__, kind)
    return StorageError(kind)


def _kind_and_code(exc: sa.exc.SQLAlchemyError) -> tuple[Kind, str]:
    if isinstance(exc, sa.exc.TimeoutError):  # the pool had no free connection in time
        return "busy", "pool timeout"
    orig = getattr(exc, "orig", None)
    fallback: Kind = "unreachable" if isinstance(exc, sa.exc.OperationalError) else "failed"
    sqlstate = getattr(orig, "sqlstate", None)  # psycopg
    if isinstance(sqlstate, str) and sqlstate:
        return POSTGRES_KINDS.get(sqlstate) or POSTGRES_CLASSES.get(sqlstate[:2]) or "failed", f"SQLSTATE {sqlstate}"
    name = getattr(orig, "sqlite_errorname", None)  # sqlite3
    if isinstance(name, str) and name:
        kind: Kind = next((kind for prefix, kind in SQLITE_KINDS.items() if name.startswith(prefix)), "failed")
        return kind, name
    return fallback, "no code"  # psycopg without an SQLSTATE: the connection itself failed


@contextmanager
def _as_storage_error() -> Iterator[None]:
    try:
        yield
    except StorageError:
        raise
    except sa.exc.SQLAlchemyError as exc:
        raise storage_error(exc) from None


def _engine(url: str, limits: Limits) -> sa.Engine:
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError:
        raise StorageError("invalid", URL_VARIABLE) from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, limits)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3 is what requirements.txt installs
    try:
        engine = sa.create_engine(parsed, pool_pre_ping=True, pool_timeout=limits.pool_timeout_seconds, connect_args={
            "connect_timeout": CONNECT_TIMEOUT_SECONDS,
            "keepalives": 1,
            "keepalives_idle": KEEPALIVE_IDLE_SECONDS,
            "keepalives_interval": KEEPALIVE_INTERVAL_SECONDS,
            "keepalives_count": KEEPALIVE_COUNT,
            "tcp_user_timeout": TCP_USER_TIMEOUT_MS,
        })
    except (sa.exc.ArgumentError, sa.exc.NoSuchModuleError):
        raise StorageError("invalid", URL_VARIABLE) from None
    if engine.dialect.name == "postgresql":
        _postgres_timeouts(engine, limits)
    return engine


def _postgres_timeouts(engine: sa.Engine, limits: Limits) -> None:
    settings = {
        "statement_timeout": limits.statement_timeout_ms,
        "lock_timeout": limits.lock_timeout_ms,
        "idle_in_transaction_session_timeout": limits.idle_in_transaction_timeout_ms,
    }

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:  # the driver's own types
        # Set once per connection, for the session (pooled connections keep them). In milliseconds.
        with dbapi_connection.cursor() as cursor:
            for name, value in settings.items():
                cursor.execute("SELECT set_config(%s, %s, false)", (name, str(value)))
        dbapi_connection.commit()


def _sqlite_engine(url: sa.URL, limits: Limits) -> sa.Engine:
    in_memory = not url.database or url.database == ":memory:"
    if not in_memory:
        Path(str(url.database)).parent.mkdir(parents=True, exist_ok=True)
    pool: dict[str, Any] = {} if in_memory else {"pool_timeout": limits.pool_timeout_seconds}
    engine = sa.create_engine(url, connect_args={"timeout": limits.sqlite_busy_ms / 1000}, **pool)

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:  # the driver's own types
        # We issue BEGIN ourselves (below): pysqlite's own deferred BEGIN lets two writers both read, then
        # deadlock when both try to write.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # secure_delete: whatever a delete or update frees is overwritten with zeros, so an erased name does not
        # linger in the file's free pages (AVG art. 17); Database.forget_erased then empties the write-ahead log.
        pragmas = ("journal_mode=WAL", "foreign_keys=ON", f"busy_timeout={limits.sqlite_busy_ms}", "synchronous=NORMAL",
                   "secure_delete=ON")
        for pragma in pragmas:
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        if conn.get_execution_options().get(READING):
            conn.exec_driver_sql("BEGIN DEFERRED")  # a read: takes no lock, sees the last committed state
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # take the write lock first: writers queue, none deadlocks

    return engine


def _migrate(conn: sa.Connection) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    command.upgrade(config, "head")

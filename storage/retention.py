"""Closed working-group sessions are deleted, with every member's name and answers, some days after closing.

How many days: LADDER_RETENTION_DAYS (a whole number, 0 or more), else DEFAULT_DAYS. Long enough to download the
report and save the joint advice in the register (which keeps no member's data), short enough that names and
answers people gave for one meeting are not kept for years (AVG: storage limitation). The Werkgroep page runs it
when it loads; it first only reads, so a page load writes nothing unless a session is due.

On SQLite the delete overwrites the freed pages with zeros (every connection has `secure_delete` on) instead of
keeping the names in the file, and the write-ahead log is then folded into the file and emptied
(Database.forget_erased), so no copy of the old pages stays there either. Each purge that deletes something writes one row in the audit log (actor
"systeem"), in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
import os

import sqlalchemy as sa

from storage import clock
from storage.audit import SYSTEM, record
from storage.database import Database
from storage.errors import StorageError
from storage.tables import group_sessions

DAYS_VARIABLE = "LADDER_RETENTION_DAYS"
DEFAULT_DAYS = 90

log = logging.getLogger(__name__)


def retention_days() -> int:
    """The days a closed session is kept; a value that is not a whole number of 0 or more is refused (and named),
    rather than guessed: a typo must neither keep data for ever nor delete it at once."""
    value = os.environ.get(DAYS_VARIABLE, "").strip()
    if not value:
        return DEFAULT_DAYS
    if not value.isdigit():
        raise StorageError("invalid", DAYS_VARIABLE)
    return int(value)


def deleted_on(closed_at: dt.datetime, days: int) -> dt.datetime:
    """When a session closed at `closed_at` is deleted."""
    return closed_at + dt.timedelta(days=days)


def delete_closed_sessions(db: Database, days: int) -> int:
    """Deletes every session closed `days` ago or longer, with its members (ON DELETE CASCADE); returns how many."""
    due = group_sessions.c.status == "closed", group_sessions.c.closed_at <= clock.now() - dt.timedelta(days=days)
    with db.reading() as conn:
        if conn.execute(sa.select(sa.func.count()).select_from(group_sessions).where(*due)).scalar_one() == 0:
            return 0
    with db.transaction() as conn:
        deleted = conn.execute(group_sessions.delete().where(*due)).rowcount
        # One row for the whole purge, by the app itself; which sessions is not kept (they are gone)
        record(conn, SYSTEM, "sessions_purged", "group_session", None)
    db.forget_erased()
    log.info("deleted %d closed working-group session(s) after %d days", deleted, days)
    return deleted

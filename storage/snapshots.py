"""The resolved rule sets behind stored advice and sessions, once per content hash.

Kept inside the transaction that stores what uses them, so an advice or a session never points at a rule set
the database does not hold. A snapshot never changes: the same hash always holds the same rule set.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from ladder.rules.model import RuleSet
from storage.database import Database
from storage.tables import rule_set_snapshots


def keep_snapshot(conn: sa.Connection, rule_set: RuleSet, now: dt.datetime) -> None:
    """Inserts the rule set unless its hash is stored already; two saves at once never collide (ON CONFLICT)."""
    stored = conn.execute(sa.select(rule_set_snapshots.c.content_hash)
                          .where(rule_set_snapshots.c.content_hash == rule_set.content_hash)).first()
    if stored is not None:  # the usual case: skip sending the whole rule set again
        return
    dialect_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    conn.execute(dialect_insert(rule_set_snapshots).values(
        content_hash=rule_set.content_hash, rule_set_id=rule_set.id, version=rule_set.version,
        rule_set=rule_set.model_dump(mode="json"), saved_at=now,
    ).on_conflict_do_nothing(index_elements=[rule_set_snapshots.c.content_hash]))


def get_snapshot(db: Database, content_hash: str) -> dict[str, Any] | None:
    """The resolved rule set (as JSON data) stored for this content hash, if any."""
    with db.reading() as conn:
        return conn.execute(sa.select(rule_set_snapshots.c.rule_set)
                            .where(rule_set_snapshots.c.content_hash == content_hash)).scalar_one_or_none()


def find_snapshot(db: Database, prefix: str) -> dict[str, Any] | None:
    """The one snapshot whose content hash starts with `prefix` (hex, as a share link carries it); None when there
    is none, or more than one."""
    if not prefix or any(ch not in "0123456789abcdef" for ch in prefix):
        return None
    with db.reading() as conn:
        found = conn.execute(sa.select(rule_set_snapshots.c.rule_set)
                             .where(rule_set_snapshots.c.content_hash.startswith(prefix, autoescape=True))
                             .limit(2)).scalars().all()
    return found[0] if len(found) == 1 else None

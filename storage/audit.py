"""The audit log: who changed what in the register, and when (BIO: logging of changes, no personal data in logs).

A row holds the kind of actor and an opaque id (never a name or e-mail), the action, what it was about (the
entry's number), and the names of the fields that changed, never their values: a contact person's name or a typed
reason never appears in the log. So the log may outlive its entry: it shows that an entry existed and was deleted.

`record` writes inside the caller's transaction: a change and its log row land together or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, get_args

import sqlalchemy as sa

from storage import clock
from storage.database import Database
from storage.tables import audit_log

Action = Literal["entry_saved", "choice_updated", "evaluation_added", "entry_deleted", "contact_person_removed",
                 "plan_saved", "verslag_saved",
                 "register_exported", "session_created", "joint_answers_set", "join_code_renewed", "session_closed",
                 "session_deleted", "member_joined", "answers_saved", "member_deleted", "member_code_renewed",
                 "sessions_purged", "profile_saved", "profile_deleted", "initiative_registered", "help_requested",
                 "request_answered", "request_closed", "scan_created", "scan_joined", "scan_scores_saved",
                 "scan_deleted"]
ACTIONS: tuple[Action, ...] = get_args(Action)
SubjectKind = Literal["register_entry", "register", "group_session", "group_member", "network_expert",
                      "network_initiative", "network_request", "scan", "scan_member"]
DEFAULT_LIMIT = 500  # the newest rows a page shows; the log itself keeps everything


@dataclass(frozen=True)
class Actor:
    """Who did it: a kind ("lokaal" for the one person on this computer, "gebruiker" for a logged-in account) and,
    for an account, the login provider's opaque subject id (never a name or e-mail: the log holds no personal data
    beyond that pseudonym, which only the provider's administrator can link to a person)."""

    kind: str
    id: str | None = None


LOCAL = Actor("lokaal")  # the app on a laptop has one person and no login
COMMAND_LINE = Actor("opdrachtregel")  # `python -m ladder register export`: whoever can run it on this computer
SYSTEM = Actor("systeem")  # the app itself, e.g. deleting closed working-group sessions after the retention period


def facilitator(session_id: int) -> Actor:
    """Whoever holds a session's facilitator code (no login): known by the session's number, never by the code."""
    return Actor("begeleider", str(session_id))


def participant(member_id: int) -> Actor:
    """Whoever holds a member's own code (no login): known by the member's number, never by name or code."""
    return Actor("deelnemer", str(member_id))


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime  # in UTC
    actor: Actor
    action: str
    subject_kind: str
    subject_id: int | None
    fields: tuple[str, ...]  # the names of the fields that changed, sorted


def record(conn: sa.Connection, actor: Actor, action: Action, subject_kind: SubjectKind, subject_id: int | None,
           changed: Iterable[str] = ()) -> None:
    """Writes one log row in the caller's transaction. `changed` holds field names only, never what was typed."""
    conn.execute(audit_log.insert().values(
        at=dt.datetime.now(dt.UTC), actor_kind=actor.kind, actor_id=actor.id, action=action,
        subject_kind=subject_kind, subject_id=subject_id, detail={"fields": sorted(set(changed))},
    ))


def audit_entries(db: Database, limit: int | None = DEFAULT_LIMIT, since: dt.datetime | None = None,
                  ) -> list[AuditEntry]:
    """The log, newest first: at most `limit` rows (None: all), only those at or after `since` when given."""
    query = sa.select(audit_log).order_by(audit_log.c.at.desc(), audit_log.c.id.desc())
    if since is not None:
        query = query.where(audit_log.c.at >= since.astimezone(dt.UTC))  # stored in UTC (SQLite: without zone)
    if limit is not None:
        query = query.limit(limit)
    with db.reading() as conn:
        return [_entry(row) for row in conn.execute(query).mappings()]


def audit_rows(entries: Iterable[AuditEntry]) -> list[dict[str, str | int | None]]:
    """One flat row per log entry, for a table or a CSV: the time as ISO 8601 in UTC, the fields comma-separated."""
    return [{
        "at": entry.at.isoformat(timespec="seconds"),
        "actor_kind": entry.actor.kind,
        "actor_id": entry.actor.id,
        "action": entry.action,
        "subject_kind": entry.subject_kind,
        "subject_id": entry.subject_id,
        "fields": ", ".join(entry.fields),
    } for entry in entries]


def _entry(row: sa.RowMapping) -> AuditEntry:
    at = clock.utc(row["at"])
    return AuditEntry(id=row["id"], at=at, actor=Actor(row["actor_kind"], row["actor_id"]), action=row["action"],
                      subject_kind=row["subject_kind"], subject_id=row["subject_id"],
                      fields=tuple(row["detail"].get("fields", ())))

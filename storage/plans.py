"""A register entry's participation plan and verslag: every save is a new version, the older ones stay.

So someone who opens the entry next year reads the plan as it was adopted, and sees what changed between versions.
Each save is one transaction, with one audit-log row naming the fields that changed (never what was typed).
An entry of another organisation than `organisation` (when given) is "not_found", as in storage.register.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

import sqlalchemy as sa

from ladder.plans.changes import changed_fields
from ladder.plans.model import Plan, Verslag
from storage import clock
from storage.audit import LOCAL, Action, Actor, record
from storage.database import Database
from storage.errors import StorageError
from storage.tables import register_documents, register_entries

Kind = Literal["plan", "verslag"]
D = TypeVar("D", Plan, Verslag)
MODELS: dict[Kind, type[Plan] | type[Verslag]] = {"plan": Plan, "verslag": Verslag}
SAVED: dict[Kind, Action] = {"plan": "plan_saved", "verslag": "verslag_saved"}


@dataclass(frozen=True)
class Version(Generic[D]):
    """One saved version of a plan or verslag."""

    number: int
    saved_at: dt.datetime
    content: D


def save_plan(db: Database, entry_id: int, plan: Plan, *, actor: Actor = LOCAL,
              organisation: str | None = None) -> int:
    """Saves the plan as the entry's next version; returns its number (1 for the first)."""
    return _save(db, entry_id, "plan", plan, actor, organisation)


def save_verslag(db: Database, entry_id: int, verslag: Verslag, *, actor: Actor = LOCAL,
                 organisation: str | None = None) -> int:
    """Saves the verslag as the entry's next version; returns its number (1 for the first)."""
    return _save(db, entry_id, "verslag", verslag, actor, organisation)


def plan_versions(db: Database, entry_id: int, *, organisation: str | None = None) -> list[Version[Plan]]:
    """Every saved version of the entry's plan, newest first; empty when there is none yet."""
    return [Version(v.number, v.saved_at, Plan.model_validate(v.content))
            for v in _versions(db, entry_id, "plan", organisation)]


def verslag_versions(db: Database, entry_id: int, *, organisation: str | None = None) -> list[Version[Verslag]]:
    """Every saved version of the entry's verslag, newest first; empty when there is none yet."""
    return [Version(v.number, v.saved_at, Verslag.model_validate(v.content))
            for v in _versions(db, entry_id, "verslag", organisation)]


@dataclass(frozen=True)
class _Stored:
    number: int
    saved_at: dt.datetime
    content: dict


def _save(db: Database, entry_id: int, kind: Kind, content: Plan | Verslag, actor: Actor,
          organisation: str | None) -> int:
    d = register_documents.c
    with db.transaction() as conn:
        _entry_or_not_found(conn, entry_id, organisation, lock=True)
        last = conn.execute(sa.select(d.version, d.content).where(d.entry_id == entry_id, d.kind == kind)
                            .order_by(d.version.desc()).limit(1)).first()
        before = MODELS[kind].model_validate(last.content) if last is not None else None
        number = 1 if last is None else last.version + 1
        conn.execute(register_documents.insert().values(entry_id=entry_id, kind=kind, version=number,
                                                        saved_at=clock.now(), content=content.model_dump(mode="json")))
        record(conn, actor, SAVED[kind], "register_entry", entry_id, changed_fields(before, content))
    return number


def _versions(db: Database, entry_id: int, kind: Kind, organisation: str | None) -> list[_Stored]:
    d = register_documents.c
    with db.reading() as conn:
        _entry_or_not_found(conn, entry_id, organisation)
        rows = conn.execute(sa.select(d.version, d.saved_at, d.content).where(d.entry_id == entry_id, d.kind == kind)
                            .order_by(d.version.desc())).all()
    return [_Stored(r.version, clock.utc(r.saved_at), r.content) for r in rows]


def _entry_or_not_found(conn: sa.Connection, entry_id: int, organisation: str | None, lock: bool = False) -> None:
    """The entry exists and is this organisation's; locked while a version is added, so two saves at once get
    numbers one after the other (SQLite's BEGIN IMMEDIATE serialises writers anyway)."""
    e = register_entries.c
    query = sa.select(e.id).where(e.id == entry_id, *([] if organisation is None else [e.municipality_id == organisation]))
    if conn.execute(query.with_for_update() if lock else query).first() is None:
        raise StorageError("not_found")

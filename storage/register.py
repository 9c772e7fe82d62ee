"""The advice register: saved advices, the form actually chosen, and evaluations afterwards.

Every function is one transaction (Database.transaction; a read Database.reading, which on SQLite waits for no
writer): a save lands whole (entry and, when new, the rule-set snapshot behind it) or not at all. Records come back as frozen dataclasses. Nothing here logs what people typed:
the contact person is personal data, and deleting an entry removes it together with its evaluations.

Every change also writes one row in the audit log (storage.audit), in the same transaction: who, what, which entry
and the names of the fields that changed, never their values. A change that fails leaves no log row either.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa

from ladder.analysis.register_entry import EntrySummary
from ladder.engine.advice import Advice
from ladder.rules.model import VALUES, RuleSet
from storage import clock
from storage.audit import LOCAL, Actor, record
from storage.database import Database
from storage.errors import StorageError
from storage.snapshots import keep_snapshot
from storage.tables import register_entries, register_evaluations

Source = Literal["advies", "werkgroep"]
SOURCES: tuple[Source, ...] = ("advies", "werkgroep")
CONTACT_SEARCH_MINIMUM = 3  # characters of a name or address to look a contact person up by


@dataclass(frozen=True)
class NewEntry:
    """What a person fills in when saving an advice; the rest comes from the advice and its rule set."""

    project_name: str
    saved_on: dt.date
    chosen_rung: str
    choice_reason: str = ""
    contact_person: str = ""
    source: Source = "advies"
    group_session_id: int | None = None


@dataclass(frozen=True)
class NewEvaluation:
    how_it_went: str
    scores: Mapping[str, int | None]  # per democratic value (VALUES): 0 (nothing) to 4 (much), None when not scored
    lessons: str = ""


@dataclass(frozen=True)
class Evaluation:
    id: int
    entry_id: int
    created_at: dt.datetime
    how_it_went: str
    scores: dict[str, int | None]
    lessons: str


@dataclass(frozen=True)
class Entry:
    """A saved advice in full: the summary, the answers and advice as stored, its evaluations (latest first)."""

    summary: EntrySummary
    answers: dict[str, list[str]]
    advice: dict[str, Any]
    evaluations: tuple[Evaluation, ...]

    @property
    def id(self) -> int:
        return self.summary.id


@dataclass(frozen=True)
class RegisterFilter:
    """Which entries to list; every field left empty lets all through. `text` searches project name, reason and
    the evaluations (how it went, lessons), ignoring case."""

    text: str = ""
    municipality_id: str | None = None
    advised_rung: str | None = None
    chosen_rung: str | None = None
    year: int | None = None
    source: str | None = None


def save_entry(db: Database, entry: NewEntry, advice: Advice, rule_set: RuleSet, *, actor: Actor = LOCAL,
               organisation: str | None = None) -> int:
    """Saves one advice with the rule set it was computed with; returns the new entry's number.

    The resolved rule set is stored once per content hash, so the advice can be computed again exactly later.
    With `organisation` (a logged-in user's municipality) only an advice under that municipality's rules is saved:
    an entry belongs to the municipality whose rules it used, and others do not see it (StorageError "other_organisation").
    """
    if advice.rule_set.content_hash != rule_set.content_hash:
        raise ValueError("the advice was computed with another rule set than the one given")
    if organisation is not None and rule_set.id != organisation:
        raise StorageError("other_organisation")
    now = _now()
    reason = entry.choice_reason.strip() if entry.chosen_rung != advice.recommended else ""
    filled = {
        "project_name": entry.project_name.strip(),
        "saved_on": entry.saved_on,
        "chosen_rung": entry.chosen_rung,
        "choice_reason": reason or None,
        "contact_person": entry.contact_person.strip() or None,
    }
    with db.transaction() as conn:
        keep_snapshot(conn, rule_set, now)
        number: int = conn.execute(register_entries.insert().values(
            **filled,
            municipality_id=rule_set.id,
            rule_set_version=rule_set.version,
            content_hash=rule_set.content_hash,
            answers={trait: list(options) for trait, options in advice.answers.items()},
            advice=advice.model_dump(mode="json"),
            advised_rung=advice.recommended,
            source=entry.source,
            group_session_id=entry.group_session_id,
            created_at=now,
        ).returning(register_entries.c.id)).scalar_one()
        # The fields the person filled in (an empty reason or contact is not named): names only, never values.
        record(conn, actor, "entry_saved", "register_entry", number,
               [name for name, value in filled.items() if value is not None])
        return number


def list_entries(db: Database, where: RegisterFilter | None = None, *, organisation: str | None = None,
                 ) -> list[EntrySummary]:
    """The entries that pass the filter, newest first; with `organisation`, only that municipality's entries."""
    query = _summary_query().order_by(register_entries.c.saved_on.desc(), register_entries.c.id.desc())
    for condition in [*_conditions(where or RegisterFilter()), *_scope(organisation)]:
        query = query.where(condition)
    with db.reading() as conn:
        return [_summary(row) for row in conn.execute(query).mappings()]


def get_entry(db: Database, entry_id: int, *, organisation: str | None = None) -> Entry | None:
    """The entry in full; None when there is none with this number, or it belongs to another organisation."""
    with db.reading() as conn:
        row = conn.execute(_summary_query(register_entries.c.answers, register_entries.c.advice)
                           .where(register_entries.c.id == entry_id, *_scope(organisation))).mappings().first()
        if row is None:
            return None
        evaluations = conn.execute(
            sa.select(register_evaluations).where(register_evaluations.c.entry_id == entry_id)
            .order_by(register_evaluations.c.created_at.desc(), register_evaluations.c.id.desc())
        ).mappings().all()
    return Entry(summary=_summary(row), answers=dict(row["answers"]), advice=dict(row["advice"]),
                 evaluations=tuple(_evaluation(e) for e in evaluations))


def update_choice(db: Database, entry_id: int, chosen_rung: str, choice_reason: str, contact_person: str, *,
                  actor: Actor = LOCAL, organisation: str | None = None) -> None:
    """Changes the form actually chosen, its reason (kept only when it differs from the advice) and the contact.
    An entry of another organisation than `organisation` (when given) is "not_found", as if it did not exist."""
    e = register_entries.c
    with db.transaction() as conn:
        before = conn.execute(sa.select(e.advised_rung, e.chosen_rung, e.choice_reason, e.contact_person)
                              .where(e.id == entry_id, *_scope(organisation))).mappings().first()
        if before is None:
            raise StorageError("not_found")
        reason = choice_reason.strip() if chosen_rung != before["advised_rung"] else ""
        after = {"chosen_rung": chosen_rung, "choice_reason": reason or None,
                 "contact_person": contact_person.strip() or None}
        conn.execute(register_entries.update().where(e.id == entry_id).values(**after))
        # Saved without a difference still gets its row (with no fields): someone pressed save on this entry.
        changed = [name for name, value in after.items() if before[name] != value]
        record(conn, actor, "choice_updated", "register_entry", entry_id, changed)
    if "contact_person" in changed:  # a contact person taken out or replaced: no old copy stays behind
        db.forget_erased()


def entries_naming(db: Database, contact: str, *, organisation: str | None = None) -> list[EntrySummary]:
    """The entries whose contact person contains `contact` (a name or e-mail address, ignoring case), newest
    first: what a beheerder checks before removing a person on their request (AVG art. 17)."""
    e = register_entries.c
    query = (_summary_query().where(e.contact_person.icontains(_contact(contact), autoescape=True),
                                    *_scope(organisation))
             .order_by(e.saved_on.desc(), e.id.desc()))
    with db.reading() as conn:
        return [_summary(row) for row in conn.execute(query).mappings()]


def remove_contact_person(db: Database, contact: str, *, actor: Actor = LOCAL,
                          organisation: str | None = None) -> list[int]:
    """Empties the contact person of every entry that names `contact` (as entries_naming finds them); returns the
    entries' numbers. Each gets its own audit row, naming the field, never the person."""
    e = register_entries.c
    with db.transaction() as conn:
        removed = list(conn.execute(register_entries.update()
                                    .where(e.contact_person.icontains(_contact(contact), autoescape=True),
                                           *_scope(organisation))
                                    .values(contact_person=None).returning(e.id)).scalars())
        for number in sorted(removed):
            record(conn, actor, "contact_person_removed", "register_entry", number, ["contact_person"])
    db.forget_erased()
    return sorted(removed)


def _contact(text: str) -> str:
    """A search for a person: at least CONTACT_SEARCH_MINIMUM characters, so that 'a' cannot empty every entry."""
    text = text.strip()
    if len(text) < CONTACT_SEARCH_MINIMUM:
        raise StorageError("invalid", "contact_person")
    return text


def delete_entry(db: Database, entry_id: int, *, actor: Actor = LOCAL, organisation: str | None = None) -> None:
    """Removes the entry, its contact person and its evaluations (the snapshot stays: it holds no personal data).
    Its audit log rows stay too: they hold no personal data, and show that the entry existed and was deleted.
    An entry of another organisation than `organisation` (when given) is "not_found"."""
    with db.transaction() as conn:
        deleted = conn.execute(register_entries.delete()
                               .where(register_entries.c.id == entry_id, *_scope(organisation))).rowcount
        if not deleted:
            raise StorageError("not_found")
        record(conn, actor, "entry_deleted", "register_entry", entry_id)
    db.forget_erased()


def add_evaluation(db: Database, entry_id: int, evaluation: NewEvaluation, *, actor: Actor = LOCAL,
                   organisation: str | None = None) -> int:
    """Adds how it went, a score per democratic value and the lessons; an entry may get several.
    An entry of another organisation than `organisation` (when given) is "not_found"."""
    unknown = set(evaluation.scores) - set(VALUES)
    if unknown:
        raise ValueError(f"not a democratic value: {', '.join(sorted(unknown))}")
    with db.transaction() as conn:
        exists = conn.execute(sa.select(register_entries.c.id)
                              .where(register_entries.c.id == entry_id, *_scope(organisation))).first()
        if exists is None:
            raise StorageError("not_found")
        filled = {
            "how_it_went": evaluation.how_it_went.strip(),
            "lessons": evaluation.lessons.strip(),
            **{f"score_{value}": evaluation.scores.get(value) for value in VALUES},
        }
        # A score outside 0-4 is refused by the table's check: the whole write is then rolled back.
        number: int = conn.execute(register_evaluations.insert().values(
            entry_id=entry_id, created_at=_now(), **filled,
        ).returning(register_evaluations.c.id)).scalar_one()
        record(conn, actor, "evaluation_added", "register_entry", entry_id,
               [name for name, value in filled.items() if value not in (None, "")])
        return number


def record_export(db: Database, *, actor: Actor = LOCAL) -> None:
    """Notes in the audit log that the register was exported (data leaving the app). What was searched or
    filtered is not noted: a search can hold a typed name."""
    with db.transaction() as conn:
        record(conn, actor, "register_exported", "register", None)


def _scope(organisation: str | None) -> list[sa.ColumnElement[bool]]:
    """Only one organisation's entries (a logged-in user's); None: all of them (the one person on a laptop)."""
    return [] if organisation is None else [register_entries.c.municipality_id == organisation]


def _summary_query(*extra: sa.ColumnElement) -> sa.Select:
    count = (sa.select(sa.func.count()).select_from(register_evaluations)
             .where(register_evaluations.c.entry_id == register_entries.c.id).scalar_subquery())
    columns = [c for c in register_entries.c if c.name not in ("answers", "advice")]
    return sa.select(*columns, count.label("evaluations"), *extra)


def _conditions(where: RegisterFilter) -> list[sa.ColumnElement[bool]]:
    e = register_entries.c
    conditions: list[sa.ColumnElement[bool]] = []
    if text := where.text.strip():
        lessons = sa.exists().where(register_evaluations.c.entry_id == e.id, sa.or_(
            register_evaluations.c.lessons.icontains(text, autoescape=True),
            register_evaluations.c.how_it_went.icontains(text, autoescape=True)))
        conditions.append(sa.or_(e.project_name.icontains(text, autoescape=True),
                                 e.choice_reason.icontains(text, autoescape=True), lessons))
    for column, wanted in ((e.municipality_id, where.municipality_id), (e.advised_rung, where.advised_rung),
                           (e.chosen_rung, where.chosen_rung), (e.source, where.source)):
        if wanted is not None:
            conditions.append(column == wanted)
    if where.year is not None:
        conditions.append(e.saved_on.between(dt.date(where.year, 1, 1), dt.date(where.year, 12, 31)))
    return conditions


def _summary(row: sa.RowMapping) -> EntrySummary:
    return EntrySummary(
        id=row["id"], project_name=row["project_name"], saved_on=row["saved_on"], municipality_id=row["municipality_id"],
        rule_set_version=row["rule_set_version"], content_hash=row["content_hash"], advised_rung=row["advised_rung"],
        chosen_rung=row["chosen_rung"], choice_reason=row["choice_reason"], contact_person=row["contact_person"],
        source=row["source"], group_session_id=row["group_session_id"], created_at=clock.utc(row["created_at"]),
        evaluations=row["evaluations"],
    )


def _evaluation(row: sa.RowMapping) -> Evaluation:
    return Evaluation(id=row["id"], entry_id=row["entry_id"], created_at=clock.utc(row["created_at"]),
                      how_it_went=row["how_it_went"], scores={v: row[f"score_{v}"] for v in VALUES},
                      lessons=row["lessons"])


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)

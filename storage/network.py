"""The participation network in the database: experts' profiles, initiatives and their requests for help.

- An expert's profile belongs to their account (its OpenID Connect subject, or the one person on a laptop). It
  holds only what they chose to show; they can read it back, export it and delete it, and deleting is real
  (Database.forget_erased). Their open requests then stay with the initiative, marked for handover
  ("overdracht"), so the initiative can ask someone else and its history is kept.
- An initiative registers without an account and gets a code to come back with (only its hash is stored); a
  look-up by a typed code is counted and refused while the installation is flooded (storage.attempts.guarded).
- A request goes from gevraagd to aangenomen or afgewezen (by the expert), then afgesloten with lessons (by the
  initiative). Each change is one transaction with one audit-log row, names of fields only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa

from ladder.network.model import Expert, Initiative
from storage import clock
from storage.attempts import guarded
from storage.audit import Actor, record
from storage.database import Database
from storage.errors import StorageError
from storage.sessions import MEMBER_CODE_LENGTH, code_hash, new_code
from storage.tables import network_experts, network_initiatives, network_requests

Status = Literal["gevraagd", "aangenomen", "afgewezen", "overdracht", "afgesloten"]
OPEN: tuple[Status, ...] = ("gevraagd", "aangenomen")
Stage = Literal["idee", "opstart", "loopt", "vast"]
STAGES: tuple[Stage, ...] = ("idee", "opstart", "loopt", "vast")
TITLE_LIMIT = 200
DESCRIPTION_LIMIT = 2000
LESSONS_LIMIT = 2000


@dataclass(frozen=True)
class NewInitiative:
    title: str
    description: str
    municipality: str
    region: str
    areas: frozenset[str]
    stage: Stage
    rung: str | None
    role: str | None
    own_permits: bool


@dataclass(frozen=True)
class Request:
    """A request for help as both sides see it: the initiative and the expert (None after a handover)."""

    id: int
    status: Status
    initiative_id: int
    initiative_title: str
    initiative_description: str
    initiative_municipality: str
    expert_name: str | None
    expert_municipality: str | None
    lessons: str
    updated_at: dt.datetime


@dataclass(frozen=True)
class InitiativeView:
    initiative: Initiative
    title: str
    description: str
    stage: Stage
    requests: tuple[Request, ...]


# --- experts --------------------------------------------------------------------------------------------


def save_profile(db: Database, expert: Expert, *, actor: Actor) -> None:
    """Creates or replaces the profile of the account `expert.id`; `actor` is that account (or the laptop's one
    person)."""
    values = {"name": expert.name.strip(), "municipality": expert.municipality, "region": expert.region.strip(),
              "areas": sorted(expert.areas), "rungs": sorted(expert.rungs), "roles": sorted(expert.roles),
              "hours_per_month": expert.hours_per_month, "outside_own": expert.outside_own, "updated_at": clock.now()}
    x = network_experts.c
    with db.transaction() as conn:
        existing = conn.execute(sa.select(x.id).where(x.subject == expert.id).with_for_update()).scalar_one_or_none()
        if existing is None:
            existing = conn.execute(network_experts.insert().values(subject=expert.id, **values)
                                    .returning(x.id)).scalar_one()
        else:
            conn.execute(network_experts.update().where(x.id == existing).values(**values))
        record(conn, actor, "profile_saved", "network_expert", existing, sorted(values))


def get_profile(db: Database, subject: str) -> Expert | None:
    with db.reading() as conn:
        row = conn.execute(sa.select(network_experts).where(network_experts.c.subject == subject)).one_or_none()
    return None if row is None else _expert(row)


def delete_profile(db: Database, subject: str, *, actor: Actor) -> int:
    """Deletes the profile; returns how many open requests were handed over (they wait for another expert)."""
    x, r = network_experts.c, network_requests.c
    with db.transaction() as conn:
        number = conn.execute(sa.select(x.id).where(x.subject == subject).with_for_update()).scalar_one_or_none()
        if number is None:
            raise StorageError("not_found")
        handed = conn.execute(network_requests.update().where(r.expert_id == number, r.status.in_(OPEN))
                              .values(status="overdracht", updated_at=clock.now())).rowcount
        conn.execute(network_experts.delete().where(x.id == number))
        record(conn, actor, "profile_deleted", "network_expert", number)
    db.forget_erased()
    return handed


def available_experts(db: Database) -> list[Expert]:
    """Everyone with hours to give, for the matching."""
    with db.reading() as conn:
        rows = conn.execute(sa.select(network_experts).where(network_experts.c.hours_per_month > 0)
                            .order_by(network_experts.c.subject)).all()
    return [_expert(row) for row in rows]


def requests_for_expert(db: Database, subject: str) -> list[Request]:
    """The requests that reached this expert, newest first."""
    with db.reading() as conn:
        return [_request(row) for row in conn.execute(_requests().where(network_experts.c.subject == subject))]


def answer_request(db: Database, subject: str, request_id: int, accept: bool, *, actor: Actor) -> None:
    """The expert accepts or declines a request that waits for them; 'not_found' for any other."""
    r, x = network_requests.c, network_experts.c
    with db.transaction() as conn:
        mine = sa.select(x.id).where(x.subject == subject).scalar_subquery()
        changed = conn.execute(network_requests.update().where(r.id == request_id, r.expert_id == mine,
                                                               r.status == "gevraagd")
                               .values(status="aangenomen" if accept else "afgewezen", updated_at=clock.now())).rowcount
        if not changed:
            raise StorageError("not_found")
        record(conn, actor, "request_answered", "network_request", request_id, ["status"])


# --- initiatives ----------------------------------------------------------------------------------------


def register_initiative(db: Database, new: NewInitiative) -> str:
    """Stores the initiative; returns the code to come back with (shown once; only its hash is kept)."""
    title, description = _text(new.title, TITLE_LIMIT, "title", True), _text(new.description, DESCRIPTION_LIMIT,
                                                                             "description")
    if not new.areas or new.stage not in STAGES:
        raise StorageError("invalid", "areas" if not new.areas else "stage")
    code = new_code(MEMBER_CODE_LENGTH)
    with db.transaction() as conn:
        number = conn.execute(network_initiatives.insert().values(
            code_hash=code_hash("initiative", code), title=title, description=description,
            municipality=new.municipality, region=new.region.strip()[:100], areas=sorted(new.areas), stage=new.stage,
            rung=new.rung, role=new.role, own_permits=new.own_permits, created_at=clock.now(),
        ).returning(network_initiatives.c.id)).scalar_one()
        record(conn, _initiative(number), "initiative_registered", "network_initiative", number,
               ["title", "description", "areas", "stage"])
    return code


def open_initiative(db: Database, code: str) -> InitiativeView:
    """The initiative for a code someone typed, with its requests; counted when wrong ('not_found')."""
    return guarded(db, lambda: initiative_view(db, code))


def initiative_view(db: Database, code: str) -> InitiativeView:
    i = network_initiatives.c
    with db.reading() as conn:
        row = conn.execute(sa.select(network_initiatives).where(i.code_hash == code_hash("initiative", code))
                           ).one_or_none()
        if row is None:
            raise StorageError("not_found")
        requests = tuple(_request(r) for r in conn.execute(_requests().where(network_requests.c.initiative_id == row.id)))
    initiative = Initiative(id=str(row.id), municipality=row.municipality, region=row.region,
                            areas=frozenset(row.areas), rung=row.rung, role=row.role, own_permits=row.own_permits)
    return InitiativeView(initiative, row.title, row.description, row.stage, requests)


def request_help(db: Database, code: str, expert_subject: str) -> int:
    """The initiative asks this expert; 'invalid' when it already has an open request with them."""
    i, r, x = network_initiatives.c, network_requests.c, network_experts.c
    now = clock.now()
    with db.transaction() as conn:
        initiative = conn.execute(sa.select(i.id).where(i.code_hash == code_hash("initiative", code))
                                  .with_for_update()).scalar_one_or_none()
        expert = conn.execute(sa.select(x.id).where(x.subject == expert_subject, x.hours_per_month > 0)
                              ).scalar_one_or_none()
        if initiative is None:
            raise StorageError("forbidden")
        if expert is None:
            raise StorageError("not_found")
        if conn.execute(sa.select(r.id).where(r.initiative_id == initiative, r.expert_id == expert,
                                              r.status.in_(OPEN))).first() is not None:
            raise StorageError("invalid", "already_asked")
        number = conn.execute(network_requests.insert().values(
            initiative_id=initiative, expert_id=expert, status="gevraagd", lessons="", created_at=now, updated_at=now,
        ).returning(r.id)).scalar_one()
        record(conn, _initiative(initiative), "help_requested", "network_request", number, ["status"])
    return number


def close_request(db: Database, code: str, request_id: int, lessons: str) -> None:
    """The initiative closes a request, with what it learned (kept for the register's learning loop)."""
    i, r = network_initiatives.c, network_requests.c
    lessons = _text(lessons, LESSONS_LIMIT, "lessons")
    with db.transaction() as conn:
        initiative = sa.select(i.id).where(i.code_hash == code_hash("initiative", code)).scalar_subquery()
        number = conn.execute(sa.select(r.initiative_id).where(r.id == request_id, r.initiative_id == initiative,
                                                               r.status != "afgesloten")).scalar_one_or_none()
        if number is None:
            raise StorageError("not_found")
        conn.execute(network_requests.update().where(r.id == request_id)
                     .values(status="afgesloten", lessons=lessons, updated_at=clock.now()))
        record(conn, _initiative(number), "request_closed", "network_request", request_id,
               ["status", *(["lessons"] if lessons else [])])


def lessons_learned(db: Database, text: str = "") -> list[Request]:
    """Closed requests with lessons, newest first; `text` searches them and the initiatives' titles."""
    r, i = network_requests.c, network_initiatives.c
    query = _requests().where(r.status == "afgesloten", r.lessons != "")
    if text.strip():
        query = query.where(sa.or_(r.lessons.icontains(text.strip(), autoescape=True),
                                   i.title.icontains(text.strip(), autoescape=True)))
    with db.reading() as conn:
        return [_request(row) for row in conn.execute(query)]


# --- helpers --------------------------------------------------------------------------------------------


def _initiative(number: int) -> Actor:
    return Actor("initiatief", str(number))


def _requests() -> sa.Select:
    r, i, x = network_requests.c, network_initiatives.c, network_experts.c
    return (sa.select(r.id, r.status, r.initiative_id, i.title, i.description, i.municipality, x.name,
                      x.municipality.label("expert_municipality"), r.lessons, r.updated_at)
            .join(network_initiatives, i.id == r.initiative_id)
            .join(network_experts, x.id == r.expert_id, isouter=True)
            .order_by(r.updated_at.desc(), r.id.desc()))


def _request(row: sa.Row) -> Request:
    return Request(id=row.id, status=row.status, initiative_id=row.initiative_id, initiative_title=row.title,
                   initiative_description=row.description, initiative_municipality=row.municipality,
                   expert_name=row.name, expert_municipality=row.expert_municipality, lessons=row.lessons,
                   updated_at=clock.utc(row.updated_at))


def _expert(row: sa.Row) -> Expert:
    return Expert(id=row.subject, name=row.name, municipality=row.municipality, region=row.region,
                  areas=frozenset(row.areas), rungs=frozenset(row.rungs), roles=frozenset(row.roles),
                  hours_per_month=row.hours_per_month, outside_own=row.outside_own)


def _text(value: str, limit: int, field: str, required: bool = False) -> str:
    value = value.strip()
    if len(value) > limit or (required and not value):
        raise StorageError("invalid", field)
    return value

"""The netwerkpartner-scan in the database: a round joined by code, where each member scores the statements alone.

The working group's mechanics, for a scan: a facilitator code (long, pasted) opens the round's results and deletes
it; a join code lets people join; each member's own code changes only their own scores. Only hashes of the codes
are kept, look-ups by a typed code are counted (storage.attempts.guarded). A member is known by the role they
chose, never by a name. Every change is one transaction with one audit-log row (names of fields only).
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

import sqlalchemy as sa

from ladder.analysis.group import ROLES
from ladder.network.scan import Scan, Scores, check_scores
from storage import clock
from storage.attempts import guarded
from storage.audit import Actor, record
from storage.database import Database
from storage.errors import StorageError
from storage.sessions import FACILITATOR_CODE_BYTES, JOIN_CODE_LENGTH, MEMBER_CODE_LENGTH, code_hash, new_code
from storage.tables import scan_members, scans

TITLE_LIMIT = 200


@dataclass(frozen=True)
class ScanRound:
    id: int
    title: str
    municipality_id: str
    created_at: dt.datetime


@dataclass(frozen=True)
class ScanMember:
    id: int
    role: str
    scores: dict[str, int]
    submitted: bool


@dataclass(frozen=True)
class CreatedScan:
    scan: ScanRound
    join_code: str
    facilitator_code: str


@dataclass(frozen=True)
class JoinedScan:
    scan: ScanRound
    member: ScanMember
    member_code: str


def create_scan(db: Database, title: str, municipality_id: str, *, created_by: Actor | None = None) -> CreatedScan:
    title = title.strip()
    if not title or len(title) > TITLE_LIMIT:
        raise StorageError("invalid", "title")
    join_code, facilitator_code = new_code(JOIN_CODE_LENGTH), secrets.token_urlsafe(FACILITATOR_CODE_BYTES)
    now = clock.now()
    with db.transaction() as conn:
        row = conn.execute(scans.insert().values(
            title=title, municipality_id=municipality_id, join_code_hash=code_hash("scan_join", join_code),
            facilitator_code_hash=code_hash("scan_facilitator", facilitator_code), created_at=now,
        ).returning(*scans.c)).one()
        record(conn, created_by or Actor("scanbegeleider", str(row.id)), "scan_created", "scan", row.id, ["title"])
    return CreatedScan(_round(row), join_code, facilitator_code)


def join_scan(db: Database, join_code: str, role: str) -> JoinedScan:
    """A new member with their own code; 'not_found' for a wrong join code (counted)."""
    if role not in ROLES:
        raise StorageError("invalid", "role")
    return guarded(db, lambda: _join(db, join_code, role))


def _join(db: Database, join_code: str, role: str) -> JoinedScan:
    member_code = new_code(MEMBER_CODE_LENGTH)
    with db.transaction() as conn:
        row = conn.execute(sa.select(scans).where(scans.c.join_code_hash == code_hash("scan_join", join_code))
                           ).one_or_none()
        if row is None:
            raise StorageError("not_found")
        member = conn.execute(scan_members.insert().values(
            scan_id=row.id, code_hash=code_hash("scan_member", member_code), role=role, scores={}, submitted_at=None,
            created_at=clock.now()).returning(*scan_members.c)).one()
        record(conn, Actor("scandeelnemer", str(member.id)), "scan_joined", "scan_member", member.id, ["role"])
    return JoinedScan(_round(row), _member(member), member_code)


def my_scan(db: Database, member_code: str) -> tuple[ScanRound, ScanMember]:
    """A member's own round and scores, for a code someone typed (counted when wrong)."""
    def look_up() -> tuple[ScanRound, ScanMember]:
        with db.reading() as conn:
            member = conn.execute(sa.select(scan_members).where(
                scan_members.c.code_hash == code_hash("scan_member", member_code))).one_or_none()
            if member is None:
                raise StorageError("not_found")
            row = conn.execute(sa.select(scans).where(scans.c.id == member.scan_id)).one()
        return _round(row), _member(member)

    return guarded(db, look_up)


def save_scores(db: Database, member_code: str, scores: Scores, scan: Scan, submit: bool) -> None:
    """Replaces the member's scores; refused ('invalid') when one is off the scale or for no statement."""
    try:
        check_scores(scan, scores)
    except ValueError as error:
        raise StorageError("invalid", "scores") from error
    changes: dict[str, object] = {"scores": dict(scores)}
    if submit:
        changes["submitted_at"] = clock.now()
    with db.transaction() as conn:
        number = conn.execute(scan_members.update().where(
            scan_members.c.code_hash == code_hash("scan_member", member_code)).values(**changes)
            .returning(scan_members.c.id)).scalar_one_or_none()
        if number is None:
            raise StorageError("forbidden")
        record(conn, Actor("scandeelnemer", str(number)), "scan_scores_saved", "scan_member", number,
               ["scores", *(["submitted_at"] if submit else [])])


def scan_results(db: Database, facilitator_code: str) -> tuple[ScanRound, list[ScanMember]]:
    """The round and everyone in it, for the facilitator's code (counted when wrong)."""
    def look_up() -> tuple[ScanRound, list[ScanMember]]:
        with db.reading() as conn:
            row = conn.execute(sa.select(scans).where(
                scans.c.facilitator_code_hash == code_hash("scan_facilitator", facilitator_code))).one_or_none()
            if row is None:
                raise StorageError("not_found")
            members = conn.execute(sa.select(scan_members).where(scan_members.c.scan_id == row.id)
                                   .order_by(scan_members.c.id)).all()
        return _round(row), [_member(m) for m in members]

    return guarded(db, look_up)


def previous_scores(db: Database, scan: ScanRound) -> list[dict[str, int]]:
    """The submitted scores of the newest earlier round in the same municipality: for the change since then."""
    with db.reading() as conn:
        earlier = conn.execute(sa.select(scans.c.id).where(
            scans.c.municipality_id == scan.municipality_id, scans.c.created_at < scan.created_at,
            sa.exists().where(scan_members.c.scan_id == scans.c.id, scan_members.c.submitted_at.is_not(None)))
            .order_by(scans.c.created_at.desc(), scans.c.id.desc()).limit(1)).scalar_one_or_none()
        if earlier is None:
            return []
        rows = conn.execute(sa.select(scan_members.c.scores).where(
            scan_members.c.scan_id == earlier, scan_members.c.submitted_at.is_not(None))).scalars().all()
    return [dict(r) for r in rows]


def delete_scan(db: Database, facilitator_code: str) -> None:
    with db.transaction() as conn:
        deleted = conn.execute(scans.delete().where(
            scans.c.facilitator_code_hash == code_hash("scan_facilitator", facilitator_code))
            .returning(scans.c.id)).scalar_one_or_none()
        if deleted is None:
            raise StorageError("forbidden")
        record(conn, Actor("scanbegeleider", str(deleted)), "scan_deleted", "scan", deleted)
    db.forget_erased()


def _round(row: sa.Row) -> ScanRound:
    return ScanRound(row.id, row.title, row.municipality_id, clock.utc(row.created_at))


def _member(row: sa.Row) -> ScanMember:
    return ScanMember(row.id, row.role, {k: int(v) for k, v in dict(row.scores).items()}, row.submitted_at is not None)

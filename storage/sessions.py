"""Working-group sessions and their members: every read and every write, each in one transaction.

Who may do what is decided by codes, never by names:
- the facilitator code (long, random) opens the session's overview, sets the joint answers, closes and
  deletes the session;
- the join code (short enough to type from a screen: 12 characters, 60 bits) lets people join, for 30 days from
  when it was made ('expired' after that: a code on an old slide or in an old e-mail no longer opens the session),
  and only as many people as the facilitator set ('full');
- each member's own code authorises every change to that member's answers, and only those; a member who lost it
  gets a new one from the facilitator (the old one then stops working).
Only SHA-256 hashes of the codes are stored. A write with a code that matches nothing is 'forbidden';
a look-up with such a code is 'not_found' (the person may have mistyped it). Every look-up by a code someone
typed (joining, coming back, opening as facilitator) goes through storage.attempts.guarded: wrong ones are counted,
and while the installation is flooded with them, every such look-up is refused ('flooded'). Once the facilitator has
closed the session, nothing about its answers changes ('closed'); deleting personal data stays possible
(AVG: the right to erasure outweighs a closed session).

Concurrency: a member's write first takes a shared lock on the session row (FOR SHARE on PostgreSQL;
SQLite's BEGIN IMMEDIATE serialises all writers anyway), and closing takes an exclusive one, so a save
either lands before the close or is refused after it, never in between.

Every change also writes one row in the audit log (storage.audit), in the same transaction: the kind of actor
("begeleider" for the facilitator code, "deelnemer" for a member's code) with the session's or member's number,
the action, and the names of the fields that changed; never a name, a code, its hash or anything typed. A change
that fails (wrong, expired or closed code, a full session) writes no row. The two views only read (db.reading).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa

from ladder.analysis.group import NOT_GIVEN, ROLES, Respondent, Role
from ladder.engine.advisor import normalize_answers
from ladder.rules.model import RuleSet
from ladder.rules.problems import AnswerError
from storage import clock
from storage.attempts import guarded
from storage.audit import Actor, facilitator, participant, record
from storage.database import Database
from storage.errors import StorageError
from storage.snapshots import keep_snapshot
from storage.tables import group_members, group_sessions

# Crockford's base 32: no I, L, O or U, so a code read aloud or from a screen is typed right. When typed,
# O counts as 0 and I and L as 1.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})
JOIN_CODE_LENGTH = 12  # 60 bits
MEMBER_CODE_LENGTH = 16  # 80 bits
FACILITATOR_CODE_BYTES = 24  # 192 bits, as 32 URL-safe characters: pasted, not typed
GROUP_SIZE = 4  # shown as K7QM-3XPA-9D2F

TITLE_LIMIT = 200
DESCRIPTION_LIMIT = 2000
NAME_LIMIT = 100
NOTE_LIMIT = 300  # a few sentences; 18 of them still fit the three-page PDF report
JOIN_CODE_VALID = dt.timedelta(days=30)  # long enough for a series of meetings, short enough that old codes die
DEFAULT_MEMBER_LIMIT = 30  # a large working group; a facilitator with a bigger one says so
MOST_MEMBERS = 100  # more people than this is a survey, not a working group (also checked by the table)

Status = Literal["open", "closed"]
Answers = dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class GroupSession:
    id: int
    title: str
    description: str
    municipality_id: str
    rule_set_version: str
    rule_set_hash: str
    status: Status
    joint_answers: Answers | None  # None until the facilitator sets them
    joint_notes: dict[str, str]  # per question, only where a note was written
    created_at: dt.datetime
    closed_at: dt.datetime | None
    join_code_expires_at: dt.datetime  # the current join code opens the session until then
    member_limit: int  # at most this many members may join

    @property
    def closed(self) -> bool:
        return self.status == "closed"

    def join_code_expired(self, now: dt.datetime) -> bool:
        return now >= self.join_code_expires_at


@dataclass(frozen=True)
class Member:
    id: int
    session_id: int
    name: str
    role: Role
    answers: Answers  # only the answered questions
    submitted_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None

    def respondent(self) -> Respondent:
        return Respondent(name=self.name, role=self.role, answers=self.answers)


@dataclass(frozen=True)
class Created:
    """A new session with its two codes: shown once, never stored."""

    session: GroupSession
    join_code: str
    facilitator_code: str


@dataclass(frozen=True)
class Joined:
    session: GroupSession
    member: Member
    member_code: str  # shown once, so the member can come back; never stored


@dataclass(frozen=True)
class MemberView:
    session: GroupSession
    member: Member
    others: tuple[Member, ...]  # the other members who submitted; empty until this member has submitted


@dataclass(frozen=True)
class FacilitatorView:
    session: GroupSession
    members: tuple[Member, ...]  # everyone who joined, in joining order


# --- codes ----------------------------------------------------------------------------------------------


def new_code(length: int) -> str:
    """A random code from the unambiguous alphabet, in groups of four: K7QM-3XPA-9D2F."""
    return format_code("".join(secrets.choice(ALPHABET) for _ in range(length)))


def normalize_code(code: str) -> str:
    """As typed, in any case, with or without dashes and spaces."""
    return "".join(code.split()).replace("-", "").upper().translate(_READ_AS)


def format_code(code: str) -> str:
    """A join or member code as it is shown, however it was typed: K7QM-3XPA-9D2F."""
    raw = normalize_code(code)
    return "-".join(raw[i:i + GROUP_SIZE] for i in range(0, len(raw), GROUP_SIZE))


def code_hash(kind: Literal["join", "member", "facilitator", "initiative", "scan_join", "scan_member", "scan_facilitator"],
              code: str) -> str:
    """What is stored. The kind is hashed in, so one code can never stand in for another kind."""
    typed = code.strip() if kind in ("facilitator", "scan_facilitator") else normalize_code(code)
    return hashlib.sha256(f"{kind}:{typed}".encode()).hexdigest()


# --- the facilitator ------------------------------------------------------------------------------------


def create_session(db: Database, title: str, description: str, rule_set: RuleSet,
                   member_limit: int = DEFAULT_MEMBER_LIMIT, *, created_by: Actor | None = None) -> Created:
    """A new open session for a project under this rule set (kept with it: version, content hash and snapshot),
    for at most `member_limit` members (1 to MOST_MEMBERS). The log names `created_by` (a logged-in begeleider),
    or else whoever holds the new facilitator code."""
    title = _text(title, TITLE_LIMIT, "title", required=True)
    description = _text(description, DESCRIPTION_LIMIT, "description")
    if isinstance(member_limit, bool) or not isinstance(member_limit, int) or not 1 <= member_limit <= MOST_MEMBERS:
        raise StorageError("invalid", "member_limit")
    join_code, facilitator_code = new_code(JOIN_CODE_LENGTH), secrets.token_urlsafe(FACILITATOR_CODE_BYTES)
    now = _now()
    with db.transaction() as conn:
        # the session keeps to these rules to the end, even when the municipality's YAML changes meanwhile
        keep_snapshot(conn, rule_set, now)
        row = conn.execute(group_sessions.insert().values(
            title=title, description=description, municipality_id=rule_set.id, rule_set_version=rule_set.version,
            rule_set_hash=rule_set.content_hash, join_code_hash=code_hash("join", join_code),
            facilitator_code_hash=code_hash("facilitator", facilitator_code), status="open",
            created_at=now, join_code_expires_at=now + JOIN_CODE_VALID, member_limit=member_limit)
            .returning(*group_sessions.c)).one()
        record(conn, created_by or facilitator(row.id), "session_created", "group_session", row.id,
               ["title", "member_limit", *(["description"] if description else [])])
    return Created(session=_session(row), join_code=join_code, facilitator_code=facilitator_code)


def open_as_facilitator(db: Database, facilitator_code: str) -> FacilitatorView:
    """facilitator_view for a code someone typed: counted when wrong, refused while the installation is flooded."""
    return guarded(db, lambda: facilitator_view(db, facilitator_code))


def facilitator_view(db: Database, facilitator_code: str) -> FacilitatorView:
    """The session and all its members; 'not_found' for a code that opens no session. Only reads."""
    with db.reading() as conn:
        row = conn.execute(_by_facilitator(facilitator_code)).one_or_none()
        if row is None:
            raise StorageError("not_found")
        members = conn.execute(sa.select(group_members).where(group_members.c.session_id == row.id)
                               .order_by(group_members.c.id)).all()
    return FacilitatorView(session=_session(row), members=tuple(_member(m) for m in members))


def set_joint_answers(db: Database, facilitator_code: str, answers: Mapping[str, Sequence[str]],
                      notes: Mapping[str, str], rule_set: RuleSet) -> GroupSession:
    """The group's agreed answers, with a note per question: all of them land, or none (and the old ones stay)."""
    joint, kept_notes = _stored(_answers(rule_set, answers, "joint_answers")), _notes(rule_set, notes)
    with db.transaction() as conn:
        row = _open_session_for(conn, _by_facilitator(facilitator_code).with_for_update())
        _same_rules(row, rule_set)
        updated = conn.execute(group_sessions.update().where(group_sessions.c.id == row.id)
                               .values(joint_answers=joint, joint_notes=kept_notes)
                               .returning(*group_sessions.c)).one()
        record(conn, facilitator(row.id), "joint_answers_set", "group_session", row.id,
               ["joint_answers", "joint_notes"])
        return _session(updated)


def new_join_code(db: Database, facilitator_code: str) -> str:
    """A fresh join code, valid for JOIN_CODE_VALID from now (only its hash is kept, so a lost one cannot be shown
    again); the old one stops working."""
    join_code = new_code(JOIN_CODE_LENGTH)
    now = _now()
    with db.transaction() as conn:
        row = _open_session_for(conn, _by_facilitator(facilitator_code).with_for_update())
        conn.execute(group_sessions.update().where(group_sessions.c.id == row.id)
                     .values(join_code_hash=code_hash("join", join_code), join_code_expires_at=now + JOIN_CODE_VALID))
        record(conn, facilitator(row.id), "join_code_renewed", "group_session", row.id,
               ["join_code", "join_code_expires_at"])
    return join_code


def new_member_code(db: Database, facilitator_code: str, member_id: int) -> str:
    """A fresh code for a member of this session who lost theirs; the old one stops working. Also after closing:
    with it the member can still see, export and delete what they entered (AVG). 'not_found' when the member is
    not in this facilitator's session."""
    member_code = new_code(MEMBER_CODE_LENGTH)
    with db.transaction() as conn:
        session_id = conn.execute(sa.select(group_sessions.c.id).where(
            group_sessions.c.facilitator_code_hash == code_hash("facilitator", facilitator_code))).scalar_one_or_none()
        if session_id is None:
            raise StorageError("forbidden")
        renewed = conn.execute(group_members.update().where(
            group_members.c.id == member_id, group_members.c.session_id == session_id)
            .values(token_hash=code_hash("member", member_code))).rowcount
        if not renewed:
            raise StorageError("not_found")
        record(conn, facilitator(session_id), "member_code_renewed", "group_member", member_id, ["member_code"])
    return member_code


def close_session(db: Database, facilitator_code: str) -> GroupSession:
    """From now on no answer changes. Closing a closed session changes nothing."""
    with db.transaction() as conn:
        row = conn.execute(_by_facilitator(facilitator_code).with_for_update()).one_or_none()
        if row is None:
            raise StorageError("forbidden")
        if row.status == "open":
            row = conn.execute(group_sessions.update().where(group_sessions.c.id == row.id)
                               .values(status="closed", closed_at=_now()).returning(*group_sessions.c)).one()
            record(conn, facilitator(row.id), "session_closed", "group_session", row.id, ["status", "closed_at"])
        return _session(row)


def delete_session(db: Database, facilitator_code: str) -> None:
    """The session and every member's data, gone (the members go with it: ON DELETE CASCADE)."""
    with db.transaction() as conn:
        deleted = conn.execute(group_sessions.delete().where(
            group_sessions.c.facilitator_code_hash == code_hash("facilitator", facilitator_code))
            .returning(group_sessions.c.id)).scalar_one_or_none()
        if deleted is None:
            raise StorageError("forbidden")
        record(conn, facilitator(deleted), "session_deleted", "group_session", deleted)
    db.forget_erased()


# --- members --------------------------------------------------------------------------------------------


def join_session(db: Database, join_code: str, name: str, role: str) -> Joined:
    """A new member with their own code; 'not_found' for a wrong join code, 'closed' after closing, 'expired' for
    a code older than JOIN_CODE_VALID, 'full' when the session has as many members as its limit."""
    name = _text(name, NAME_LIMIT, "name", required=True)
    if role not in ROLES:
        raise StorageError("invalid", "role")
    return guarded(db, lambda: _join(db, join_code, name, role))


def _join(db: Database, join_code: str, name: str, role: str) -> Joined:
    member_code = new_code(MEMBER_CODE_LENGTH)
    now = _now()
    with db.transaction() as conn:
        # An exclusive lock, not a shared one: two people joining at once are counted one after the other, so
        # the last place is taken once. (Saves hold the shared lock for milliseconds; joining waits that long.)
        query = sa.select(group_sessions).where(group_sessions.c.join_code_hash == code_hash("join", join_code))
        row = conn.execute(query.with_for_update()).one_or_none()
        if row is None:
            raise StorageError("not_found")
        if row.status != "open":
            raise StorageError("closed")
        if now >= clock.utc(row.join_code_expires_at):
            raise StorageError("expired")
        joined = conn.execute(sa.select(sa.func.count()).select_from(group_members)
                              .where(group_members.c.session_id == row.id)).scalar_one()
        if joined >= row.member_limit:
            raise StorageError("full")
        member = conn.execute(group_members.insert().values(
            session_id=row.id, token_hash=code_hash("member", member_code), name=name, role=role, answers={},
            submitted_at=None, created_at=now, updated_at=now).returning(*group_members.c)).one()
        record(conn, participant(member.id), "member_joined", "group_member", member.id, ["name", "role"])
    return Joined(session=_session(row), member=_member(member), member_code=member_code)


def come_back(db: Database, member_code: str) -> MemberView:
    """member_view for a code someone typed: counted when wrong, refused while the installation is flooded."""
    return guarded(db, lambda: member_view(db, member_code))


def member_view(db: Database, member_code: str) -> MemberView:
    """The member's own entry and session; the others' answers only once this member has submitted. Only reads."""
    with db.reading() as conn:
        member = conn.execute(_by_member(member_code)).one_or_none()
        if member is None:
            raise StorageError("not_found")
        session = conn.execute(sa.select(group_sessions).where(group_sessions.c.id == member.session_id)).one()
        others: Sequence[sa.Row[Any]] = ()
        if member.submitted_at is not None:
            others = conn.execute(sa.select(group_members).where(
                group_members.c.session_id == member.session_id, group_members.c.id != member.id,
                group_members.c.submitted_at.is_not(None)).order_by(group_members.c.id)).all()
    return MemberView(session=_session(session), member=_member(member), others=tuple(_member(m) for m in others))


def save_answers(db: Database, member_code: str, answers: Mapping[str, Sequence[str]], rule_set: RuleSet,
                 submit: bool = False) -> Member:
    """Replaces this member's answers (a draft, or submitted with `submit`); a member who submitted stays submitted."""
    stored = _stored(_answers(rule_set, answers, "answers"))
    now = _now()
    changes: dict[str, Any] = {"answers": stored, "updated_at": now}
    if submit:
        changes["submitted_at"] = now
    with db.transaction() as conn:
        # The member and their session in one read, the session locked against closing meanwhile.
        session = _open_session_for(conn, sa.select(group_members.c.id.label("member_id"), *group_sessions.c)
                                    .join(group_sessions, group_sessions.c.id == group_members.c.session_id)
                                    .where(group_members.c.token_hash == code_hash("member", member_code))
                                    .with_for_update(read=True, of=group_sessions))
        _same_rules(session, rule_set)
        member = conn.execute(group_members.update().where(group_members.c.id == session.member_id)
                              .values(**changes).returning(*group_members.c)).one()
        record(conn, participant(member.id), "answers_saved", "group_member", member.id,
               ["answers", *(["submitted_at"] if submit else [])])
        return _member(member)


def delete_member(db: Database, member_code: str) -> None:
    """The member's own entry, gone: name, role and answers (also after closing: the right to erasure)."""
    with db.transaction() as conn:
        deleted = conn.execute(group_members.delete().where(group_members.c.token_hash == code_hash("member", member_code))
                               .returning(group_members.c.id)).scalar_one_or_none()
        if deleted is None:
            raise StorageError("forbidden")
        record(conn, participant(deleted), "member_deleted", "group_member", deleted)
    db.forget_erased()


def member_export(view: MemberView) -> dict[str, Any]:
    """Everything stored about this member, as JSON-ready data (AVG: the right of access)."""
    m, s = view.member, view.session
    return {
        "session": {"title": s.title, "municipality": s.municipality_id, "rule_set_version": s.rule_set_version,
                    "rule_set_hash": s.rule_set_hash},
        "member": {"name": m.name, "role": m.role, "answers": {k: list(v) for k, v in m.answers.items()},
                   "joined_at": m.created_at.isoformat(), "updated_at": m.updated_at.isoformat(),
                   "submitted_at": m.submitted_at.isoformat() if m.submitted_at else None},
    }


# --- helpers --------------------------------------------------------------------------------------------


def _now() -> dt.datetime:
    return clock.now()


def _by_facilitator(code: str) -> sa.Select:
    return sa.select(group_sessions).where(group_sessions.c.facilitator_code_hash == code_hash("facilitator", code))


def _by_member(code: str) -> sa.Select:
    return sa.select(group_members).where(group_members.c.token_hash == code_hash("member", code))


def _open_session_for(conn: sa.Connection, query: sa.Select) -> sa.Row:
    """The session row for a write: 'forbidden' when the code matched none, 'closed' when it is closed."""
    row = conn.execute(query).one_or_none()
    if row is None:
        raise StorageError("forbidden")
    if row.status != "open":
        raise StorageError("closed")
    return row


def _same_rules(row: sa.Row, rule_set: RuleSet) -> None:
    if rule_set.id != row.municipality_id:
        raise StorageError("invalid", "rule set")


def _text(value: str, limit: int, field: str, required: bool = False) -> str:
    value = value.strip()
    if (required and not value) or len(value) > limit:
        raise StorageError("invalid", field)
    return value


def _answers(rule_set: RuleSet, answers: Mapping[str, Sequence[str]], field: str) -> Answers:
    """Checked against the questions of the rule set; the names of the faulty answers are not repeated back."""
    if any(not isinstance(v, (list, tuple)) for v in answers.values()):
        raise StorageError("invalid", field)
    try:
        return normalize_answers(rule_set, {k: tuple(v) for k, v in answers.items()})[0]
    except AnswerError:
        raise StorageError("invalid", field) from None


def _notes(rule_set: RuleSet, notes: Mapping[str, str]) -> dict[str, str]:
    traits = {t.id for t in rule_set.traits}
    if any(trait not in traits or not isinstance(note, str) for trait, note in notes.items()):
        raise StorageError("invalid", "joint_notes")
    kept = {trait: _text(note, NOTE_LIMIT, "joint_notes") for trait, note in notes.items()}
    return {trait: note for trait, note in kept.items() if note}


def _stored(answers: Answers) -> dict[str, list[str]]:
    """Only the answered questions: a missing question reads back as 'weet ik niet'. A question that is not asked
    (nvt) is the engine's reading of the other answers, not something the person entered, so it is not stored."""
    return {trait: list(chosen) for trait, chosen in answers.items() if chosen not in NOT_GIVEN}


def _read_answers(stored: Mapping[str, Sequence[str]] | None) -> Answers:
    return {trait: tuple(chosen) for trait, chosen in (stored or {}).items()}


def _session(row: sa.Row) -> GroupSession:
    return GroupSession(
        id=row.id, title=row.title, description=row.description, municipality_id=row.municipality_id,
        rule_set_version=row.rule_set_version, rule_set_hash=row.rule_set_hash, status=row.status,
        joint_answers=None if row.joint_answers is None else _read_answers(row.joint_answers),
        joint_notes=dict(row.joint_notes or {}), created_at=clock.utc(row.created_at),
        closed_at=clock.utc(row.closed_at) if row.closed_at else None,
        join_code_expires_at=clock.utc(row.join_code_expires_at), member_limit=row.member_limit)


def _member(row: sa.Row) -> Member:
    return Member(id=row.id, session_id=row.session_id, name=row.name, role=row.role, answers=_read_answers(row.answers),
                  submitted_at=clock.utc(row.submitted_at) if row.submitted_at else None, created_at=clock.utc(row.created_at), updated_at=clock.utc(row.updated_at))

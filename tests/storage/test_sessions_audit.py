"""The audit log of working groups, on SQLite and on PostgreSQL (issue 14: every change to a session is logged).

Every change to a session or a member writes exactly one log row, in the same transaction as the change: the kind
of actor ("begeleider" for the facilitator code, "deelnemer" for a member's own code, "systeem" for the retention
purge) with the session's or member's number, the action, and the names of the fields that changed. A failed
action (wrong, expired or closed code, a full session) writes none. No name, code, code hash or typed text ever
appears in the log.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from storage.audit import Actor, audit_entries
from storage.errors import StorageError
from storage.retention import delete_closed_sessions
from storage.sessions import (
    close_session,
    code_hash,
    create_session,
    delete_member,
    delete_session,
    facilitator_view,
    join_session,
    member_view,
    new_join_code,
    new_member_code,
    save_answers,
    set_joint_answers,
)
from storage.tables import audit_log

TITLE = "Zwaluwstaart-Projecttitel"  # typed text: never in the log
DESCRIPTION = "Beschrijving-Kwikstaart"
NAME = "Merel-Vinkenoog"  # a member's name: never in the log
NOTE = "Toelichting-Roodborst"
ANSWERS = {"ingrijpendheid": ["hoog"], "beleidsruimte": ["open"]}


@pytest.fixture
def created(database, rules):
    return create_session(database, TITLE, DESCRIPTION, rules, member_limit=2)


def _latest(database):
    return audit_entries(database)[0]


def _count(database) -> int:
    return len(audit_entries(database, limit=None))


def test_creating_a_session_is_logged_by_its_facilitator(database, created):
    (row,) = audit_entries(database)
    assert (row.action, row.subject_kind, row.subject_id) == ("session_created", "group_session", created.session.id)
    assert row.actor == Actor("begeleider", str(created.session.id))
    assert row.fields == ("description", "member_limit", "title")


@pytest.mark.parametrize(("change", "action", "fields"), [
    (lambda db, c, rules: set_joint_answers(db, c.facilitator_code, ANSWERS, {"ingrijpendheid": NOTE}, rules),
     "joint_answers_set", ("joint_answers", "joint_notes")),
    (lambda db, c, rules: new_join_code(db, c.facilitator_code), "join_code_renewed",
     ("join_code", "join_code_expires_at")),
    (lambda db, c, rules: close_session(db, c.facilitator_code), "session_closed", ("closed_at", "status")),
    (lambda db, c, rules: delete_session(db, c.facilitator_code), "session_deleted", ()),
])
def test_each_facilitator_action_writes_one_row(database, created, rules, change, action, fields):
    change(database, created, rules)
    assert _count(database) == 2
    row = _latest(database)
    assert (row.action, row.subject_kind, row.subject_id, row.fields) == (
        action, "group_session", created.session.id, fields)
    assert row.actor == Actor("begeleider", str(created.session.id))


def test_a_renewed_member_code_is_logged_by_the_facilitator_about_that_member(database, created):
    joined = join_session(database, created.join_code, NAME, "inwoner")
    new_member_code(database, created.facilitator_code, joined.member.id)
    row = _latest(database)
    assert (row.action, row.subject_kind, row.subject_id, row.fields) == (
        "member_code_renewed", "group_member", joined.member.id, ("member_code",))
    assert row.actor == Actor("begeleider", str(created.session.id))


def test_closing_a_closed_session_changes_nothing_and_logs_nothing(database, created):
    close_session(database, created.facilitator_code)
    close_session(database, created.facilitator_code)
    assert [e.action for e in audit_entries(database)] == ["session_closed", "session_created"]


def test_each_member_action_writes_one_row_by_that_member(database, created, rules):
    joined = join_session(database, created.join_code, NAME, "inwoner")
    member = Actor("deelnemer", str(joined.member.id))
    save_answers(database, joined.member_code, ANSWERS, rules)
    save_answers(database, joined.member_code, ANSWERS, rules, submit=True)
    delete_member(database, joined.member_code)
    rows = audit_entries(database)[:4]
    assert [(e.action, e.subject_kind, e.subject_id, e.fields) for e in rows] == [
        ("member_deleted", "group_member", joined.member.id, ()),
        ("answers_saved", "group_member", joined.member.id, ("answers", "submitted_at")),
        ("answers_saved", "group_member", joined.member.id, ("answers",)),
        ("member_joined", "group_member", joined.member.id, ("name", "role")),
    ]
    assert {e.actor for e in rows} == {member}
    assert _count(database) == 5


def test_the_retention_purge_is_logged_by_the_system(database, created, rules):
    join_session(database, created.join_code, NAME, "inwoner")
    close_session(database, created.facilitator_code)
    before = _count(database)
    assert delete_closed_sessions(database, 0) == 1
    assert _count(database) == before + 1
    row = _latest(database)
    assert (row.action, row.subject_kind, row.actor) == ("sessions_purged", "group_session", Actor("systeem"))
    assert delete_closed_sessions(database, 0) == 0  # nothing due: no row
    assert _count(database) == before + 1


def test_looking_at_a_session_writes_nothing(database, created):
    joined = join_session(database, created.join_code, NAME, "inwoner")
    before = _count(database)
    assert before == 2  # created, joined
    facilitator_view(database, created.facilitator_code)
    member_view(database, joined.member_code)
    assert _count(database) == before


def test_failed_actions_write_no_row(database, created, rules, clock):
    join_session(database, created.join_code, NAME, "inwoner")
    join_session(database, created.join_code, "Tweede", "inwoner")
    before = _count(database)
    assert before == 3  # created, and two members joined
    failures = [
        lambda: join_session(database, created.join_code, "Derde", "inwoner"),  # full
        lambda: join_session(database, "AAAA-BBBB-CCCC", "Iemand", "inwoner"),  # wrong code
        lambda: save_answers(database, "AAAA-BBBB-CCCC-DDDD", ANSWERS, rules),
        lambda: delete_member(database, "AAAA-BBBB-CCCC-DDDD"),
        lambda: set_joint_answers(database, "wrong", ANSWERS, {}, rules),
        lambda: new_join_code(database, "wrong"),
        lambda: close_session(database, "wrong"),
        lambda: delete_session(database, "wrong"),
    ]
    for failure in failures:
        with pytest.raises(StorageError):
            failure()
    assert _count(database) == before

    other = create_session(database, "Tweede sessie", "", rules)
    clock.advance(days=31)
    with pytest.raises(StorageError) as expired:
        join_session(database, other.join_code, "Laat", "inwoner")
    assert expired.value.kind == "expired"
    close_session(database, created.facilitator_code)
    before = _count(database)
    with pytest.raises(StorageError):
        set_joint_answers(database, created.facilitator_code, ANSWERS, {}, rules)  # closed
    with pytest.raises(StorageError):
        new_join_code(database, created.facilitator_code)  # closed
    assert _count(database) == before


def test_no_name_code_or_typed_text_appears_in_any_column(database, created, rules):
    joined = join_session(database, created.join_code, NAME, "inwoner")
    save_answers(database, joined.member_code, ANSWERS, rules, submit=True)
    set_joint_answers(database, created.facilitator_code, ANSWERS, {"ingrijpendheid": NOTE}, rules)
    fresh = new_join_code(database, created.facilitator_code)
    close_session(database, created.facilitator_code)
    delete_member(database, joined.member_code)
    delete_session(database, created.facilitator_code)
    secrets = [TITLE, DESCRIPTION, NAME, NOTE, created.join_code, created.facilitator_code, joined.member_code,
               fresh, "hoog"]
    secrets += [code.replace("-", "") for code in (created.join_code, joined.member_code, fresh)]
    secrets += [code_hash("join", created.join_code), code_hash("join", fresh),
                code_hash("facilitator", created.facilitator_code), code_hash("member", joined.member_code)]
    with database.reading() as conn:
        rows = conn.execute(sa.select(audit_log)).mappings().all()
    assert len(rows) == 8
    for row in rows:
        for column, value in row.items():
            for secret in secrets:
                assert secret.lower() not in str(value).lower(), (column, secret)
        assert row["actor_id"].isdigit()

"""Working-group sessions in the database: codes, who may change what, closing, privacy, and failing safely.

Every test runs on SQLite and on PostgreSQL (the `database` fixture).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re

import pytest
import sqlalchemy as sa

from storage.database import Database
from storage.errors import StorageError
from storage.sessions import (
    ALPHABET,
    DEFAULT_MEMBER_LIMIT,
    JOIN_CODE_LENGTH,
    JOIN_CODE_VALID,
    MEMBER_CODE_LENGTH,
    MOST_MEMBERS,
    NAME_LIMIT,
    NOTE_LIMIT,
    TITLE_LIMIT,
    close_session,
    code_hash,
    create_session,
    delete_member,
    delete_session,
    facilitator_view,
    join_session,
    member_export,
    member_view,
    new_code,
    new_join_code,
    new_member_code,
    normalize_code,
    save_answers,
    set_joint_answers,
)
from storage.snapshots import get_snapshot
from storage.tables import group_members, group_sessions

ANNA = {"ingrijpendheid": ["hoog"], "beleidsruimte": ["open"], "fase": ["agenda", "voorbereiding"]}
PIET = {"ingrijpendheid": ["laag"], "beleidsruimte": ["geen"]}


@pytest.fixture
def created(database, rules):
    return create_session(database, "Herinrichting Stationsplein", "Een nieuw plein.", rules)


def _join(database, created, name="Anna", role="inwoner"):
    return join_session(database, created.join_code, name, role)


def _kind(action) -> str:
    with pytest.raises(StorageError) as raised:
        action()
    return raised.value.kind


def _rows(database: Database, table: sa.Table) -> list[sa.Row]:
    with database.transaction() as conn:
        return conn.execute(sa.select(table).order_by(table.c.id)).all()


# --- codes ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("length", [JOIN_CODE_LENGTH, MEMBER_CODE_LENGTH])
def test_codes_are_typeable_and_unguessable(length):
    codes = {new_code(length) for _ in range(2000)}
    assert len(codes) == 2000
    for code in codes:
        assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4})*(-[0-9A-Z]{1,3})?", code), code
        assert set(code.replace("-", "")) <= set(ALPHABET)
    assert not set(ALPHABET) & set("ILOU")  # nothing to misread
    assert length * math.log2(len(ALPHABET)) >= 50


@pytest.mark.parametrize("typed", ["k7qm3xpa9d2f", "K7QM 3XPA 9D2F", " k7qm-3xpa-9d2f ", "K7QM-3XPA-9D2F"])
def test_a_join_code_may_be_typed_in_any_case_with_or_without_dashes(typed):
    assert normalize_code(typed) == "K7QM3XPA9D2F"


def test_letters_that_look_like_digits_count_as_those_digits():
    assert normalize_code("oIl0-1") == "01101"


def test_a_code_of_one_kind_never_stands_in_for_another():
    assert len({code_hash(kind, "K7QM-3XPA-9D2F") for kind in ("join", "member", "facilitator")}) == 3


def test_only_hashes_of_the_codes_are_stored(database, created):
    joined = _join(database, created)
    stored = json.dumps([[str(v) for v in row] for t in (group_sessions, group_members) for row in _rows(database, t)])
    for code in (created.join_code, created.facilitator_code, joined.member_code):
        assert code not in stored and normalize_code(code) not in stored
    assert code_hash("join", created.join_code) in stored
    assert code_hash("member", joined.member_code) in stored


def test_the_facilitator_code_is_long(created):
    assert len(created.facilitator_code) >= 32


# --- creating and joining -------------------------------------------------------------------------------


def test_a_new_session_keeps_the_rule_set_version_content_hash_and_the_rules_themselves(database, created, rules):
    s = created.session
    assert (s.municipality_id, s.rule_set_version, s.rule_set_hash) == (rules.id, rules.version, rules.content_hash)
    assert get_snapshot(database, rules.content_hash) == rules.model_dump(mode="json")
    assert s.status == "open" and not s.closed and s.joint_answers is None and s.joint_notes == {}


@pytest.mark.parametrize(("title", "description"), [("", ""), ("   ", ""), ("x" * (TITLE_LIMIT + 1), ""),
                                                    ("Plein", "x" * 2001)])
def test_a_session_needs_a_title_and_sizes_within_limits(database, rules, title, description):
    assert _kind(lambda: create_session(database, title, description, rules)) == "invalid"
    assert _rows(database, group_sessions) == []


def test_joining_with_the_code_as_typed(database, created):
    joined = join_session(database, created.join_code.lower().replace("-", " "), "  Anna  ", "raadslid")
    assert (joined.member.name, joined.member.role) == ("Anna", "raadslid")
    assert joined.session.id == created.session.id
    assert re.fullmatch(r"([0-9A-Z]{4}-){3}[0-9A-Z]{4}", joined.member_code)


@pytest.mark.parametrize(("name", "role", "kind"), [
    ("Anna", "burgemeester", "invalid"),
    ("", "inwoner", "invalid"),
    ("x" * (NAME_LIMIT + 1), "inwoner", "invalid"),
])
def test_joining_needs_a_name_and_one_of_the_roles(database, created, name, role, kind):
    assert _kind(lambda: join_session(database, created.join_code, name, role)) == kind
    assert _rows(database, group_members) == []


def test_a_wrong_join_code_finds_nothing(database, created):
    assert _kind(lambda: join_session(database, new_code(JOIN_CODE_LENGTH), "Anna", "inwoner")) == "not_found"
    assert _kind(lambda: join_session(database, created.facilitator_code, "Anna", "inwoner")) == "not_found"


def test_a_new_join_code_replaces_the_old_one(database, created):
    fresh = new_join_code(database, created.facilitator_code)
    assert _kind(lambda: _join(database, created)) == "not_found"
    assert join_session(database, fresh, "Anna", "inwoner").member.name == "Anna"
    assert _kind(lambda: new_join_code(database, created.join_code)) == "forbidden"


def test_a_member_who_lost_their_code_gets_a_new_one_from_the_facilitator(database, created, rules):
    anna, piet = _join(database, created), _join(database, created, "Piet", "raadslid")
    save_answers(database, anna.member_code, ANNA, rules)
    fresh = new_member_code(database, created.facilitator_code, anna.member.id)
    again = member_view(database, fresh).member
    assert (again.name, again.answers["beleidsruimte"]) == ("Anna", ("open",))
    assert _kind(lambda: member_view(database, anna.member_code)) == "not_found"  # the lost code no longer works
    assert member_view(database, piet.member_code).member.name == "Piet"  # the others keep theirs


def test_after_closing_a_member_still_gets_a_new_code_to_see_and_delete_their_data(database, created):
    anna = _join(database, created)
    close_session(database, created.facilitator_code)
    fresh = new_member_code(database, created.facilitator_code, anna.member.id)
    delete_member(database, fresh)
    assert facilitator_view(database, created.facilitator_code).members == ()


def test_only_the_own_facilitator_renews_a_members_code(database, created, rules):
    anna = _join(database, created)
    other = create_session(database, "Ander plein", "", rules)
    assert _kind(lambda: new_member_code(database, other.facilitator_code, anna.member.id)) == "not_found"
    assert _kind(lambda: new_member_code(database, anna.member_code, anna.member.id)) == "forbidden"
    assert _kind(lambda: new_member_code(database, created.join_code, anna.member.id)) == "forbidden"
    assert member_view(database, anna.member_code).member.name == "Anna"


# --- a join code expires, a session fills up -----------------------------------------------------------


def test_a_join_code_is_valid_for_thirty_days_from_when_it_was_made(database, rules, clock):
    created = create_session(database, "Plein", "", rules)
    assert JOIN_CODE_VALID == dt.timedelta(days=30)
    assert created.session.join_code_expires_at == clock.moment + JOIN_CODE_VALID
    clock.advance(days=30, seconds=-1)
    assert _join(database, created).member.name == "Anna"
    clock.advance(seconds=1)
    assert _kind(lambda: _join(database, created, name="Piet")) == "expired"
    assert [m.name for m in _rows(database, group_members)] == ["Anna"]


def test_an_expired_code_says_so_in_dutch_and_english(database, rules, clock):
    created = create_session(database, "Plein", "", rules)
    clock.advance(days=31)
    with pytest.raises(StorageError) as raised:
        _join(database, created)
    assert raised.value.message("nl") == "Deze code is verlopen. Vraag de begeleider om een nieuwe code."
    assert raised.value.message("en") == "This code has expired. Ask the facilitator for a new code."


def test_a_new_join_code_is_valid_for_thirty_days_from_then(database, rules, clock):
    created = create_session(database, "Plein", "", rules)
    clock.advance(days=40)
    fresh = new_join_code(database, created.facilitator_code)
    session = facilitator_view(database, created.facilitator_code).session
    assert session.join_code_expires_at == clock.moment + JOIN_CODE_VALID
    assert not session.join_code_expired(clock.moment)
    assert join_session(database, fresh, "Anna", "inwoner").member.name == "Anna"
    clock.advance(days=30)
    assert session.join_code_expired(clock.moment)
    assert _kind(lambda: join_session(database, fresh, "Piet", "inwoner")) == "expired"


def test_an_expired_code_leaves_the_members_who_joined_at_work(database, rules, clock):
    created = create_session(database, "Plein", "", rules)
    joined = _join(database, created)
    clock.advance(days=60)
    assert save_answers(database, joined.member_code, PIET, rules, submit=True).submitted


def test_a_session_takes_thirty_members_unless_the_facilitator_sets_another_limit(database, created):
    assert DEFAULT_MEMBER_LIMIT == 30 and MOST_MEMBERS == 100
    assert created.session.member_limit == DEFAULT_MEMBER_LIMIT


def test_joining_a_full_session_is_refused_with_its_own_message(database, rules):
    created = create_session(database, "Plein", "", rules, member_limit=2)
    anna, _ = _join(database, created), _join(database, created, name="Piet")
    with pytest.raises(StorageError) as raised:
        _join(database, created, name="Kees")
    assert raised.value.kind == "full"
    assert "vol" in raised.value.message("nl") and "full" in raised.value.message("en")
    assert len(_rows(database, group_members)) == 2
    delete_member(database, anna.member_code)  # leaving frees a place
    assert _join(database, created, name="Kees").member.name == "Kees"


@pytest.mark.parametrize("limit", [1, 100])
def test_the_member_limit_may_be_one_to_a_hundred(database, rules, limit):
    created = create_session(database, "Plein", "", rules, member_limit=limit)
    assert facilitator_view(database, created.facilitator_code).session.member_limit == limit


@pytest.mark.parametrize("limit", [0, -1, 101, 2.5, True, "30"])
def test_another_member_limit_is_refused(database, rules, limit):
    assert _kind(lambda: create_session(database, "Plein", "", rules, member_limit=limit)) == "invalid"
    assert _rows(database, group_sessions) == []


def test_the_table_itself_refuses_a_member_limit_out_of_range(database, created):
    with pytest.raises(StorageError):
        with database.transaction() as conn:
            conn.execute(group_sessions.update().values(member_limit=MOST_MEMBERS + 1))


# --- answering ------------------------------------------------------------------------------------------


def test_a_member_saves_a_draft_then_submits(database, created, rules):
    joined = _join(database, created)
    draft = save_answers(database, joined.member_code, {"ingrijpendheid": ["hoog"]}, rules)
    assert draft.answers == {"ingrijpendheid": ("hoog",)} and not draft.submitted
    done = save_answers(database, joined.member_code, ANNA, rules, submit=True)
    assert done.submitted
    assert done.answers == {"ingrijpendheid": ("hoog",), "beleidsruimte": ("open",), "fase": ("agenda", "voorbereiding")}
    again = save_answers(database, joined.member_code, PIET, rules)  # a later change keeps the submission
    assert again.submitted and again.answers == {"ingrijpendheid": ("laag",), "beleidsruimte": ("geen",)}


def test_answers_are_stored_as_the_engine_reads_them(database, created, rules):
    joined = _join(database, created)
    saved = save_answers(database, joined.member_code, {"fase": ["voorbereiding", "agenda"], "ingrijpendheid": ["onbekend"]}, rules)
    assert saved.answers == {"fase": ("agenda", "voorbereiding")}  # rule-set order; 'weet ik niet' is not stored


def test_a_member_changes_only_their_own_answers(database, created, rules):
    anna, piet = _join(database, created), _join(database, created, "Piet", "raadslid")
    save_answers(database, anna.member_code, ANNA, rules)
    save_answers(database, piet.member_code, PIET, rules)
    members = {m.name: m for m in facilitator_view(database, created.facilitator_code).members}
    assert members["Anna"].answers["ingrijpendheid"] == ("hoog",) and members["Piet"].answers["ingrijpendheid"] == ("laag",)


@pytest.mark.parametrize("code", ["", "K7QM-3XPA-9D2F-ABCD", "join", "facilitator"])
def test_a_wrong_member_code_may_change_nothing(database, created, rules, code):
    joined = _join(database, created)
    save_answers(database, joined.member_code, ANNA, rules)
    wrong = {"join": created.join_code, "facilitator": created.facilitator_code}.get(code, code)
    assert _kind(lambda: save_answers(database, wrong, PIET, rules, submit=True)) == "forbidden"
    assert _kind(lambda: delete_member(database, wrong)) == "forbidden"
    assert _kind(lambda: member_view(database, wrong)) == "not_found"
    assert member_view(database, joined.member_code).member.answers["ingrijpendheid"] == ("hoog",)


@pytest.mark.parametrize("answers", [
    {"no_such_question": ["hoog"]},
    {"ingrijpendheid": ["heel hoog"]},
    {"ingrijpendheid": ["laag", "hoog"]},  # one answer only
    {"ingrijpendheid": "hoog"},  # not a list
])
def test_an_answer_that_does_not_fit_the_questions_changes_nothing(database, created, rules, answers):
    joined = _join(database, created)
    save_answers(database, joined.member_code, ANNA, rules)
    assert _kind(lambda: save_answers(database, joined.member_code, answers, rules)) == "invalid"
    assert member_view(database, joined.member_code).member.answers["ingrijpendheid"] == ("hoog",)


def test_answers_must_be_for_the_sessions_own_rules(database, created, bundled):
    joined = _join(database, created)
    assert _kind(lambda: save_answers(database, joined.member_code, {}, bundled["leusden"])) == "invalid"


def test_members_see_the_others_only_after_submitting(database, created, rules):
    anna, piet = _join(database, created), _join(database, created, "Piet", "raadslid")
    save_answers(database, piet.member_code, PIET, rules, submit=True)
    save_answers(database, anna.member_code, ANNA, rules)
    assert member_view(database, anna.member_code).others == ()
    save_answers(database, anna.member_code, ANNA, rules, submit=True)
    others = member_view(database, anna.member_code).others
    assert [(m.name, m.answers) for m in others] == [("Piet", {"ingrijpendheid": ("laag",), "beleidsruimte": ("geen",)})]


def test_the_others_seen_are_only_those_who_submitted(database, created, rules):
    anna, _ = _join(database, created), _join(database, created, "Piet", "raadslid")
    save_answers(database, anna.member_code, ANNA, rules, submit=True)
    assert member_view(database, anna.member_code).others == ()


# --- the facilitator ------------------------------------------------------------------------------------


def test_the_facilitator_sees_everyone_in_joining_order(database, created, rules):
    anna, piet = _join(database, created), _join(database, created, "Piet", "raadslid")
    save_answers(database, anna.member_code, ANNA, rules, submit=True)
    view = facilitator_view(database, created.facilitator_code)
    assert [(m.name, m.submitted) for m in view.members] == [("Anna", True), ("Piet", False)]
    assert view.session == created.session
    assert piet.member.id == view.members[1].id


def test_only_the_facilitator_code_opens_the_overview(database, created):
    joined = _join(database, created)
    for wrong in (created.join_code, joined.member_code, "", created.facilitator_code.swapcase()):
        assert _kind(lambda: facilitator_view(database, wrong)) == "not_found"


def test_the_facilitator_sets_joint_answers_with_notes(database, created, rules):
    s = set_joint_answers(database, created.facilitator_code, {"ingrijpendheid": ["hoog"], "fase": ["beheer", "agenda"]},
                          {"ingrijpendheid": "  Iedereen merkt het.  ", "fase": ""}, rules)
    assert s.joint_answers == {"ingrijpendheid": ("hoog",), "fase": ("agenda", "beheer")}
    assert s.joint_notes == {"ingrijpendheid": "Iedereen merkt het."}
    assert facilitator_view(database, created.facilitator_code).session == s


def test_members_may_not_set_joint_answers(database, created, rules):
    joined = _join(database, created)
    for code in (joined.member_code, created.join_code):
        assert _kind(lambda: set_joint_answers(database, code, {"ingrijpendheid": ["hoog"]}, {}, rules)) == "forbidden"
        assert _kind(lambda: close_session(database, code)) == "forbidden"
        assert _kind(lambda: delete_session(database, code)) == "forbidden"
    assert facilitator_view(database, created.facilitator_code).session.joint_answers is None


@pytest.mark.parametrize(("answers", "notes"), [
    ({"ingrijpendheid": ["hoog"], "no_such_question": ["ja"]}, {}),  # an invalid question among valid ones
    ({"ingrijpendheid": ["hoog"], "tijd_tot_besluit": ["nu meteen"]}, {"ingrijpendheid": "ok"}),
    ({"ingrijpendheid": ["hoog"]}, {"no_such_question": "a note"}),
    ({"ingrijpendheid": ["hoog"]}, {"ingrijpendheid": "x" * (NOTE_LIMIT + 1)}),
])
def test_invalid_joint_answers_are_refused_whole_and_the_old_ones_stay(database, created, rules, answers, notes):
    before = set_joint_answers(database, created.facilitator_code, {"ingrijpendheid": ["laag"]}, {"ingrijpendheid": "eerst"}, rules)
    assert _kind(lambda: set_joint_answers(database, created.facilitator_code, answers, notes, rules)) == "invalid"
    assert facilitator_view(database, created.facilitator_code).session == before


# --- closing --------------------------------------------------------------------------------------------


def test_after_closing_nothing_changes(database, created, rules):
    joined = _join(database, created)
    save_answers(database, joined.member_code, ANNA, rules, submit=True)
    closed = close_session(database, created.facilitator_code)
    assert closed.closed and closed.closed_at is not None
    assert _kind(lambda: save_answers(database, joined.member_code, PIET, rules)) == "closed"
    assert _kind(lambda: _join(database, created, "Laat", "anders")) == "closed"
    assert _kind(lambda: set_joint_answers(database, created.facilitator_code, {}, {}, rules)) == "closed"
    assert _kind(lambda: new_join_code(database, created.facilitator_code)) == "closed"
    assert member_view(database, joined.member_code).member.answers["ingrijpendheid"] == ("hoog",)
    assert close_session(database, created.facilitator_code) == closed  # closing again changes nothing


def test_a_member_may_delete_their_entry_even_after_closing(database, created, rules):
    anna, piet = _join(database, created), _join(database, created, "Piet", "raadslid")
    close_session(database, created.facilitator_code)
    delete_member(database, anna.member_code)
    assert [m.name for m in facilitator_view(database, created.facilitator_code).members] == ["Piet"]
    assert _kind(lambda: member_view(database, anna.member_code)) == "not_found"
    assert member_view(database, piet.member_code).member.name == "Piet"


# --- privacy (AVG) --------------------------------------------------------------------------------------


def test_a_member_can_export_everything_stored_about_them(database, created, rules):
    joined = _join(database, created, "<b>x</b> **y**")
    save_answers(database, joined.member_code, ANNA, rules, submit=True)
    exported = json.loads(json.dumps(member_export(member_view(database, joined.member_code))))
    assert exported["member"]["name"] == "<b>x</b> **y**"
    assert exported["member"]["role"] == "inwoner"
    assert exported["member"]["answers"]["fase"] == ["agenda", "voorbereiding"]
    assert exported["member"]["submitted_at"] is not None
    assert exported["session"]["rule_set_hash"] == rules.content_hash
    assert "code" not in json.dumps(exported)


def test_the_facilitator_deletes_the_whole_session_with_every_member(database, created, rules):
    other = create_session(database, "Ander project", "", rules)
    _join(database, created), _join(database, created, "Piet", "raadslid"), _join(database, other, "Kees", "anders")
    delete_session(database, created.facilitator_code)
    assert [r.title for r in _rows(database, group_sessions)] == ["Ander project"]
    assert [r.name for r in _rows(database, group_members)] == ["Kees"]
    assert _kind(lambda: facilitator_view(database, created.facilitator_code)) == "not_found"
    assert _kind(lambda: delete_session(database, created.facilitator_code)) == "forbidden"


# --- failing safely -------------------------------------------------------------------------------------


@pytest.fixture
def failing_updates(database):
    """Makes the database fail on the next UPDATE of a table, after the reads before it went fine."""

    def fail_on(table: str) -> None:
        def fail(conn, cursor, statement, parameters, context, executemany):
            if statement.startswith(f"UPDATE {table}"):
                raise sa.exc.DataError(statement, parameters, Exception("the disk is full"))

        sa.event.listen(database.engine, "before_cursor_execute", fail)

    return fail_on


def test_joint_answers_failing_midway_leave_the_database_as_before(database, created, rules, failing_updates):
    before = set_joint_answers(database, created.facilitator_code, {"ingrijpendheid": ["laag"]}, {"ingrijpendheid": "eerst"}, rules)
    failing_updates("group_sessions")
    assert _kind(lambda: set_joint_answers(database, created.facilitator_code, {"ingrijpendheid": ["hoog"]}, {}, rules)) == "failed"
    assert facilitator_view(database, created.facilitator_code).session == before


def test_a_save_failing_midway_keeps_the_last_saved_answers(database, created, rules, failing_updates):
    joined = _join(database, created)
    saved = save_answers(database, joined.member_code, ANNA, rules)
    failing_updates("group_members")
    assert _kind(lambda: save_answers(database, joined.member_code, PIET, rules, submit=True)) == "failed"
    assert member_view(database, joined.member_code).member == saved


def test_a_database_that_cannot_be_reached_gives_a_clear_message(rules):
    gone = Database(sa.create_engine("postgresql+psycopg://postgres@127.0.0.1:1/test", connect_args={"connect_timeout": 2}))
    for action in (lambda: create_session(gone, "Plein", "", rules), lambda: member_view(gone, "K7QM"),
                   lambda: join_session(gone, "K7QM", "Anna", "inwoner")):
        with pytest.raises(StorageError) as raised:
            action()
        assert raised.value.kind == "unreachable"
        assert "niet bereikbaar" in raised.value.message("nl")


"""The Werkgroep page: a facilitator runs a session, members answer on their own, the group settles joint answers.

What a visitor sees depends on the code kept in this browser's session (never in the URL, where it would leak), and
in its cookies (ui.resume), so that a reload or a closed laptop lid keeps a member or the facilitator in:
- no code: join with the join code, come back with a personal code, open a session as facilitator, or start one
  (the last two only for whoever may facilitate: on a shared installation a logged-in begeleider, ui.access);
- a member code: the member's own answers (draft, submit); the group's answers by role only after submitting, and
  as ladder.analysis.group.for_members allows (roles of fewer than three members together, or no split);
- the facilitator code: who submitted, who answered what, where the group differs, everyone's advice, the joint
  answers with notes and the joint advice, the report, closing and deleting.
Everything people typed (titles, names, notes) is shown escaped, in tables, or as plain text. A storage problem
shows its message and keeps what was typed (answers live in session_state), so trying again works.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import TypeVar
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from ladder.analysis.group import (
    DIVERGENCE_MEASURE,
    ROLES,
    GroupSummary,
    Respondent,
    for_members,
    role_name,
    summarize,
)
from ladder.engine.advice import Advice
from ladder.reports import MEDIA_TYPES, document_file
from ladder.reports.advice_document import arrangements
from ladder.reports.group import (
    SessionInfo,
    comparison_sentence,
    distribution_sentence,
    group_report,
    render_group_markdown,
    render_group_pdf,
    role_privacy_sentence,
)
from ladder.reports.markdown import escape_markdown
from ladder.reports.sentences import Labels
from ladder.rules.model import UNKNOWN, RuleSet, Trait
from ladder.rules.problems import AnswerError, RuleSetError
from ladder.text import date_text
from storage import clock
from storage.attempts import Tries, after_wrong, seconds_left
from storage.database import Database
from storage.errors import StorageError
from storage.retention import delete_closed_sessions, deleted_on, retention_days
from storage.sessions import (
    DEFAULT_MEMBER_LIMIT,
    DESCRIPTION_LIMIT,
    MOST_MEMBERS,
    NAME_LIMIT,
    NOTE_LIMIT,
    TITLE_LIMIT,
    FacilitatorView,
    GroupSession,
    Member,
    MemberView,
    close_session,
    come_back,
    create_session,
    delete_member,
    delete_session,
    facilitator_view,
    format_code,
    join_session,
    member_export,
    member_view,
    new_join_code,
    new_member_code,
    open_as_facilitator,
    save_answers,
    set_joint_answers,
)
from storage.snapshots import get_snapshot
from ui import login, resume, state
from ui.access import User
from ui.charts.group import distribution_chart, divergence_chart, member_advice_table, spread_chart
from ui.database import database_or_stop, show_storage_error
from ui.texts import t
from ui.views import advice as advice_view
from ui.views.questions import question_steps, widget_key
from ui.views.register_form import register_form

MEMBER_KEY = "wg_member_code"
FACILITATOR_KEY = "wg_facilitator_code"
JOIN_CODES_KEY = "wg_join_codes"  # session id -> the join code made in this browser (only its hash is stored)
SHOW_FACILITATOR_CODE_KEY = "wg_show_facilitator_code"  # right after creating: show the code once
SHOW_MEMBER_CODE_KEY = "wg_show_member_code"  # right after joining: open the box with the personal code
ANSWERS_KEY = "wg_answers"  # member id -> that member's answers in this browser, saved or not yet
MESSAGE_KEY = "wg_message"  # a confirmation to show after the rerun a write causes
TRIES_KEY = "wg_wrong_codes"  # this browser session's wrong codes (storage.attempts.Tries), for its back-off
AUTO_REFRESH_KEY = "wg_auto_refresh"
RESUMED_KEY = "wg_resumed"  # the codes this browser remembered have been looked up (once per browser session)
FOLLOWED_KEY = "wg_followed"  # the sessions whose municipality the sidebar was switched to in this browser session
JOIN_COOKIE_KEY = "wg_join_cookie"  # the join code made in this browser, as ui.resume remembers it
SHOWN_KEY = "wg_shown_view"  # the stored state the facilitator's whole page was drawn from (a FacilitatorView)
REFRESH_SECONDS = 5
LOCAL_TIME = ZoneInfo("Europe/Amsterdam")  # the municipalities' time

T = TypeVar("T")


def render() -> None:
    lang = state.language()
    st.title(t(lang, "nav_werkgroep"), anchor=False)
    db = database_or_stop(lang)
    days = _delete_old_sessions(db, lang)
    _resume(db, lang)
    if message := st.session_state.pop(MESSAGE_KEY, None):
        st.success(message)
    if FACILITATOR_KEY in st.session_state and login.user().may("facilitate"):
        _facilitator(db, st.session_state[FACILITATOR_KEY], lang, days)
    elif MEMBER_KEY in st.session_state:
        _member(db, st.session_state[MEMBER_KEY], lang, days)
    else:
        _start(db, lang)
    # What this browser remembers follows what the page holds now; a run that ends early (a rerun) leaves it to the next
    resume.remember({resume.MEMBER: st.session_state.get(MEMBER_KEY),
                     resume.FACILITATOR: st.session_state.get(FACILITATOR_KEY),
                     resume.JOIN: st.session_state.get(JOIN_COOKIE_KEY) if FACILITATOR_KEY in st.session_state else None})


def _resume(db: Database, lang: str) -> None:
    """After a reload: the codes this browser remembered, each looked up as a typed code is (with the same back-off),
    once per browser session. A code that no longer works is dropped quietly: its cookie goes at the end of the run."""
    if st.session_state.get(RESUMED_KEY):
        return
    st.session_state[RESUMED_KEY] = True
    member_code = resume.remembered(resume.MEMBER)
    if MEMBER_KEY not in st.session_state and member_code is not None:
        if _typed_code(lambda: come_back(db, member_code), lang, quiet=True) is not None:
            st.session_state[MEMBER_KEY] = format_code(member_code)
    facilitator_code = resume.remembered(resume.FACILITATOR)
    if FACILITATOR_KEY not in st.session_state and facilitator_code is not None and login.user().may("facilitate"):
        view = _typed_code(lambda: open_as_facilitator(db, facilitator_code), lang, quiet=True)
        if view is not None:
            st.session_state[FACILITATOR_KEY] = facilitator_code
            remembered = resume.remembered(resume.JOIN)
            join_code = resume.join_code(remembered, view.session.id, view.session.join_code_expires_at.timestamp())
            if join_code is not None:
                st.session_state.setdefault(JOIN_CODES_KEY, {})[view.session.id] = join_code


def _delete_old_sessions(db: Database, lang: str) -> int | None:
    """Closed sessions past their retention go before anything is shown (storage.retention); returns the days kept,
    or None when LADDER_RETENTION_DAYS is wrong: then the page says so, deletes nothing, and works on."""
    try:
        days = retention_days()
        delete_closed_sessions(db, days)
    except StorageError as error:
        show_storage_error(error, lang)
        return None
    return days


# --- without a code -------------------------------------------------------------------------------------


def _start(db: Database, lang: str) -> None:
    st.write(t(lang, "wg_intro"))
    user = login.user()
    # Members join by code without an account; running a session is for a begeleider (on a laptop: the one person)
    facilitates = user.may("facilitate")
    keys = ("wg_tab_join", "wg_tab_back", *(("wg_tab_facilitate", "wg_tab_new") if facilitates else ()))
    tabs = st.tabs([t(lang, key) for key in keys])
    with tabs[0]:
        _join_form(db, lang)
    with tabs[1]:
        _come_back_form(db, lang)
    if facilitates:
        with tabs[2]:
            _facilitator_form(db, lang)
        with tabs[3]:
            _new_session_form(db, user, lang)


def _join_form(db: Database, lang: str) -> None:
    st.write(t(lang, "wg_join_intro"))
    with st.form("wg_join"):
        code = st.text_input(t(lang, "wg_join_code"), key="wg_join_code_input", max_chars=30,
                             help=t(lang, "wg_join_code_help"))
        name = st.text_input(t(lang, "wg_name"), key="wg_name_input", max_chars=NAME_LIMIT, help=t(lang, "wg_name_help"))
        # No default: a role filled in for you would put you in the wrong group in every chart
        role = st.selectbox(t(lang, "wg_role"), ROLES, key="wg_role_input", format_func=lambda r: role_name(r, lang),
                            index=None, placeholder=t(lang, "wg_role_placeholder"))
        joined = st.form_submit_button(t(lang, "wg_join_button"), type="primary")
    if not joined:
        return
    if not code.strip() or not name.strip() or role is None:
        st.error(t(lang, "wg_join_needs"))
        return
    result = _typed_code(lambda: join_session(db, code, name, role), lang)
    if result is None:
        return
    st.session_state[MEMBER_KEY] = result.member_code
    st.session_state[SHOW_MEMBER_CODE_KEY] = True
    st.rerun()


def _come_back_form(db: Database, lang: str) -> None:
    st.write(t(lang, "wg_back_intro"))
    with st.form("wg_back"):
        code = st.text_input(t(lang, "wg_member_code"), key="wg_member_code_input", max_chars=30)
        back = st.form_submit_button(t(lang, "wg_back_button"))
    if back and code.strip():
        if _typed_code(lambda: come_back(db, code), lang) is None:
            return
        st.session_state[MEMBER_KEY] = format_code(code)
        st.rerun()


def _facilitator_form(db: Database, lang: str) -> None:
    st.write(t(lang, "wg_facilitate_intro"))
    with st.form("wg_facilitate"):
        code = st.text_input(t(lang, "wg_facilitator_code"), key="wg_facilitator_code_input", type="password",
                             max_chars=100)
        opened = st.form_submit_button(t(lang, "wg_facilitate_button"))
    if opened and code.strip():
        if _typed_code(lambda: open_as_facilitator(db, code), lang) is None:
            return
        st.session_state[FACILITATOR_KEY] = code.strip()
        st.rerun()


def _typed_code(look_up: Callable[[], T], lang: str, quiet: bool = False) -> T | None:
    """A look-up by a code typed in this browser, with this browser's back-off: after a few wrong codes the next
    try waits, and is not even looked up until then. None (with the message shown) when it did not work.
    quiet: a code this browser remembered (ui.resume) counts the same, but a wrong one or a wait shows nothing.

    The count is not reset by a right code: otherwise a guesser would type their own code between guesses."""
    tries: Tries = st.session_state.get(TRIES_KEY, Tries())
    now = clock.now()
    if (left := seconds_left(tries, now)) > 0:
        if not quiet:
            _wait(left, lang)
        return None
    try:
        return look_up()
    except StorageError as error:
        if error.kind == "not_found":
            tries = st.session_state[TRIES_KEY] = after_wrong(tries, now)
            if quiet:
                return None
            show_storage_error(error, lang)
            if (left := seconds_left(tries, now)) > 0:
                _wait(left, lang)
        else:
            show_storage_error(error, lang)
        return None


def _wait(seconds: int, lang: str) -> None:
    st.error(t(lang, "wg_wait_one") if seconds == 1 else t(lang, "wg_wait", seconds=seconds))


def _new_session_form(db: Database, user: User, lang: str) -> None:
    rule_set = state.rule_set_or_stop(lang)
    st.write(escape_markdown(t(lang, "wg_new_intro", name=rule_set.name.get(lang))))
    with st.form("wg_new"):
        title = st.text_input(t(lang, "wg_title"), key="wg_title_input", max_chars=TITLE_LIMIT)
        description = st.text_area(t(lang, "wg_description"), key="wg_description_input", max_chars=DESCRIPTION_LIMIT)
        member_limit = st.number_input(t(lang, "wg_member_limit"), key="wg_member_limit_input", min_value=1,
                                       max_value=MOST_MEMBERS, value=DEFAULT_MEMBER_LIMIT, step=1,
                                       help=t(lang, "wg_member_limit_help", most=MOST_MEMBERS))
        started = st.form_submit_button(t(lang, "wg_new_button"), type="primary")
    if not started:
        return
    if not title.strip():
        st.error(t(lang, "wg_title_needed"))
        return
    try:
        created = create_session(db, title, description, rule_set, member_limit=int(member_limit),
                                 created_by=user.actor if user.logged_in else None)
    except StorageError as error:
        show_storage_error(error, lang)
        return
    st.session_state[FACILITATOR_KEY] = created.facilitator_code
    st.session_state.setdefault(JOIN_CODES_KEY, {})[created.session.id] = created.join_code
    st.session_state[SHOW_FACILITATOR_CODE_KEY] = True
    st.rerun()


# --- shared by both views -------------------------------------------------------------------------------


@st.cache_resource(max_entries=16, show_spinner=False)
def _snapshot(content_hash: str, _db: Database) -> RuleSet:
    """A stored rule set never changes under its hash: safe to share between visitors."""
    stored = get_snapshot(_db, content_hash)
    if stored is None:  # not cached: the next run asks again
        raise StorageError("not_found")
    return RuleSet.model_validate(stored)


def _rules_or_stop(db: Database, session: GroupSession, lang: str) -> RuleSet:
    """The rules the session started with, kept with it: every member is weighed by the same rules to the end.

    When the municipality's rules have changed since, the page says so.
    """
    try:
        rule_set = _snapshot(session.rule_set_hash, db)
    except StorageError as error:
        show_storage_error(error, lang)
        st.stop()
        raise
    try:
        current = state.rule_set_for(session.municipality_id).content_hash
    except RuleSetError:
        current = None  # broken YAML today does not matter to a session that has its own copy
    if current is not None and current != session.rule_set_hash:
        st.info(escape_markdown(t(lang, "wg_rules_changed", version=session.rule_set_version,
                                  hash=session.rule_set_hash[:12])))
    return rule_set


def _follow_municipality(session: GroupSession) -> None:
    """The sidebar names the session's municipality, not another one chosen before. Once per session in this browser
    session: choosing another there afterwards is for the other pages (the session keeps its own rules)."""
    followed: set[int] = st.session_state.setdefault(FOLLOWED_KEY, set())
    if session.id in followed:
        return
    followed.add(session.id)
    if state.municipality() != session.municipality_id:
        state.follow_municipality(session.municipality_id)
        st.rerun()


def _session_header(session: GroupSession, rule_set: RuleSet, lang: str, days: int | None) -> None:
    st.header(escape_markdown(session.title), anchor=False)
    for paragraph in session.description.split("\n\n"):
        if paragraph.strip():
            st.markdown(escape_markdown(paragraph))
    st.caption(escape_markdown(t(lang, "wg_session_line", rules=rule_set.name.get(lang), version=session.rule_set_version,
                                 date=_when(session.created_at))))
    if session.closed:
        st.info(t(lang, "wg_closed", date=_when(session.closed_at)))
        if session.closed_at is not None and days is not None:
            gone = deleted_on(session.closed_at, days).astimezone(LOCAL_TIME).date()
            st.caption(t(lang, "wg_deleted_on", date=date_text(gone, lang)))


def _when(moment: dt.datetime | None) -> str:
    return moment.astimezone(LOCAL_TIME).strftime("%d-%m-%Y %H:%M") if moment else ""


def _columns(lang: str) -> dict[str, str]:
    return {key: t(lang, f"wg_col_{key}") for key in ("answer", "total", "who", "question", "divergence", "answered",
                                                       "most_common", "tie", "rung", "members", "name", "role")}


def _leave(lang: str, key: str) -> None:
    st.caption(t(lang, "wg_remembered", days=resume.MAX_AGE_DAYS))
    if st.button(t(lang, "wg_leave"), key="wg_leave", help=t(lang, "wg_leave_help")):
        st.session_state.pop(key, None)
        st.rerun()


def _group(summary: GroupSummary, labels: Labels, key: str) -> None:
    """Where the group differs, who answered what, and what each one's answers advise. Names only for the
    facilitator: a summary for members (for_members) has none, and says why its roles are merged or left out."""
    lang = labels.lang
    names = not summary.for_members
    if not summary.respondents:
        st.info(t(lang, "wg_nobody_yet"))
        return
    if privacy := role_privacy_sentence(summary, lang):
        st.info(privacy)
    columns = _columns(lang)
    st.subheader(t(lang, "wg_divergence_title"), anchor=False)
    st.write(DIVERGENCE_MEASURE.get(lang))
    chart = divergence_chart(summary, labels, columns, t(lang, "wg_divergence_chart"))
    if chart.table.empty:
        st.info(t(lang, "wg_divergence_none"))
    else:
        advice_view.chart(chart, t(lang, "wg_divergence_title"), lang)

    st.subheader(t(lang, "wg_who_what_title"), anchor=False)
    # The questions in their usual order, so the choice stays put when the ranking moves; first shown: the most divided.
    st.session_state.setdefault(f"{key}:question", summary.ranking()[0].trait)
    trait = st.selectbox(t(lang, "wg_who_what_question"), [q.trait for q in summary.questions], key=f"{key}:question",
                         format_func=labels.question, help=t(lang, "wg_who_what_help"))
    question = next(q for q in summary.questions if q.trait == trait)
    advice_view.chart(distribution_chart(question, summary, labels, columns, labels.rule_set.trait(trait).short_name(lang), names),
           labels.question(trait), lang)

    st.subheader(t(lang, "wg_spread_title"), anchor=False)
    st.write(t(lang, "wg_spread_intro"))
    advice_view.chart(spread_chart(summary, labels, columns, t(lang, "wg_spread_chart"), t(lang, "wg_joint_mark"), names),
           t(lang, "wg_spread_title"), lang)
    if names:
        st.markdown(f"**{t(lang, 'wg_member_advice_title')}**")
        advice_view.table(member_advice_table(summary, labels, columns))


# --- a member -------------------------------------------------------------------------------------------


def _member(db: Database, code: str, lang: str, days: int | None) -> None:
    try:
        view = member_view(db, code)
    except StorageError as error:
        show_storage_error(error, lang)
        _leave(lang, MEMBER_KEY)
        return
    session, member = view.session, view.member
    _follow_municipality(session)
    rule_set = _rules_or_stop(db, session, lang)
    labels = Labels(rule_set, lang)
    _session_header(session, rule_set, lang, days)
    st.markdown(escape_markdown(t(lang, "wg_you_are", name=member.name, role=role_name(member.role, lang))))
    with st.expander(t(lang, "wg_your_code"), expanded=st.session_state.pop(SHOW_MEMBER_CODE_KEY, False)):
        st.write(t(lang, "wg_your_code_help"))
        st.code(code, language=None)

    answers = _member_answers(member, rule_set)
    if session.closed:
        _answers_table(member.answers, labels)
    else:
        if member.submitted:
            st.success(t(lang, "wg_submitted_at", date=_when(member.submitted_at)))
        else:
            st.info(t(lang, "wg_not_submitted"))
        question_steps(rule_set, answers, labels)
        _save(db, code, answers, rule_set, member.submitted, lang)

    st.subheader(t(lang, "wg_group_title"), anchor=False)
    if member.submitted:
        everyone = [member.respondent(), *(m.respondent() for m in view.others)]
        st.write(t(lang, "wg_group_intro", count=len(everyone)))
        _group(for_members(_summary_or_stop(rule_set, everyone, None, lang)), labels, key="wg_member")
    else:
        st.info(t(lang, "wg_group_after_submit"))
    _my_data(db, code, view, lang)
    _leave(lang, MEMBER_KEY)


def _member_answers(member: Member, rule_set: RuleSet) -> dict[str, tuple[str, ...]]:
    """This member's answers in this browser: the saved ones at first, then whatever the widgets hold."""
    kept = st.session_state.setdefault(ANSWERS_KEY, {})
    if member.id not in kept:
        kept[member.id] = dict(member.answers)
        for trait in rule_set.traits:  # the question widgets start again, from this member's answers
            st.session_state.pop(widget_key(rule_set, trait), None)
    return kept[member.id]


def _answers_table(answers: dict[str, tuple[str, ...]], labels: Labels) -> None:
    lang = labels.lang
    traits = labels.rule_set.traits
    advice_view.table(pd.DataFrame({t(lang, "wg_col_question"): [labels.question(tr.id) for tr in traits],
                         t(lang, "wg_col_answer"): [labels.answer(tr.id, answers.get(tr.id, (UNKNOWN,))) for tr in traits]}))


def _save(db: Database, code: str, answers: dict[str, tuple[str, ...]], rule_set: RuleSet, submitted: bool,
          lang: str) -> None:
    st.caption(t(lang, "wg_save_help"))
    left, right = st.columns(2)
    draft = False if submitted else left.button(t(lang, "wg_save_draft"), key="wg_save_draft")
    send = right.button(t(lang, "wg_submit_again" if submitted else "wg_submit"), key="wg_submit", type="primary")
    if not (draft or send):
        return
    try:
        save_answers(db, code, answers, rule_set, submit=send)
    except StorageError as error:
        show_storage_error(error, lang)  # the answers stay in this browser: trying again sends them
        return
    st.session_state[MESSAGE_KEY] = t(lang, "wg_saved_submitted" if send else "wg_saved_draft")
    st.rerun()


def _my_data(db: Database, code: str, view: MemberView, lang: str) -> None:
    """AVG: what is stored about me, as a download, and removing it."""
    with st.expander(t(lang, "wg_my_data")):
        st.write(t(lang, "wg_my_data_intro"))
        st.download_button(t(lang, "wg_my_data_download"), key="wg_my_data_download", file_name="mijn-gegevens.json",
                           mime="application/json", on_click="ignore",
                           data=json.dumps(member_export(view), indent=2, ensure_ascii=False))
        sure = st.checkbox(t(lang, "wg_delete_me_sure"), key="wg_delete_me_sure")
        if st.button(t(lang, "wg_delete_me"), key="wg_delete_me", disabled=not sure):
            try:
                delete_member(db, code)
            except StorageError as error:
                show_storage_error(error, lang)
                return
            st.session_state.pop(MEMBER_KEY, None)
            st.session_state.get(ANSWERS_KEY, {}).pop(view.member.id, None)
            st.session_state[MESSAGE_KEY] = t(lang, "wg_deleted_me")
            st.rerun()


# --- the facilitator ------------------------------------------------------------------------------------


def _facilitator(db: Database, code: str, lang: str, days: int | None) -> None:
    try:
        view = facilitator_view(db, code)
    except StorageError as error:
        show_storage_error(error, lang)
        _leave(lang, FACILITATOR_KEY)
        return
    st.session_state[SHOWN_KEY] = view
    session = view.session
    _follow_municipality(session)
    rule_set = _rules_or_stop(db, session, lang)
    labels = Labels(rule_set, lang)
    _session_header(session, rule_set, lang, days)
    _codes(db, code, view, lang)
    _lost_code(db, code, view, lang)

    st.subheader(t(lang, "wg_overview_title"), anchor=False)
    auto = False
    if not session.closed:
        left, right = st.columns(2)
        auto = left.toggle(t(lang, "wg_auto_refresh", seconds=REFRESH_SECONDS), key=AUTO_REFRESH_KEY, value=True,
                           help=t(lang, "wg_auto_refresh_help"))
        right.button(t(lang, "wg_refresh"), key="wg_refresh", help=t(lang, "wg_refresh_help"))  # a click reruns the page
    # Only this part polls the database; when what it reads differs from what the page was drawn from, it redraws
    # the whole page, so the joint-answers form, the joint advice and the report never show an older state.
    st.fragment(run_every=REFRESH_SECONDS if auto else None)(_overview)(db, code, labels)

    summary = _summary(view, rule_set, lang)
    if not session.closed:
        _joint_form(db, code, session, summary, labels)
    if summary.joint is not None:
        _joint_advice(summary.joint, summary, labels)
        if summary.joint.form is not None:  # too little answered: no form to save as the group's choice
            register_form(summary.joint, rule_set, lang, key=f"wg_register:{session.id}", project_name=session.title,
                          source="werkgroep", group_session_id=session.id)
    _report(db, code, session, rule_set, lang)
    _close_and_delete(db, code, session, lang)
    _leave(lang, FACILITATOR_KEY)


def _summary(view: FacilitatorView, rule_set: RuleSet, lang: str) -> GroupSummary:
    """The group as the analysis sees it: the members who submitted, and the joint answers once set."""
    submitted = [m.respondent() for m in view.members if m.submitted]
    return _summary_or_stop(rule_set, submitted, view.session.joint_answers, lang)


def _summary_or_stop(rule_set: RuleSet, respondents: list[Respondent], joint: dict[str, tuple[str, ...]] | None,
                     lang: str) -> GroupSummary:
    """Stored answers fit the rules they were given under; if the rules lost an answer since, say so plainly."""
    try:
        return summarize(rule_set, respondents, joint)
    except AnswerError:
        st.error(t(lang, "wg_answers_do_not_fit"))
        st.stop()
        raise


def _codes(db: Database, code: str, view: FacilitatorView, lang: str) -> None:
    session = view.session
    if st.session_state.pop(SHOW_FACILITATOR_CODE_KEY, False):
        st.warning(t(lang, "wg_facilitator_code_once"))
        st.code(code, language=None)
    join_codes = st.session_state.setdefault(JOIN_CODES_KEY, {})
    if session.closed:
        return
    st.subheader(t(lang, "wg_join_code_title"), anchor=False)
    if session.id in join_codes:
        st.write(t(lang, "wg_join_code_share"))
        st.code(join_codes[session.id], language=None)
        # Kept in this browser only (only its hash is stored): after a reload the code is shown again
        st.session_state[JOIN_COOKIE_KEY] = resume.join_cookie(session.id, session.join_code_expires_at.timestamp(),
                                                               join_codes[session.id])
    else:
        st.write(t(lang, "wg_join_code_hidden"))
    # The last day in the municipalities' own time: a code made at 23:30 on 4 December is made on the 4th there.
    until = date_text(session.join_code_expires_at.astimezone(LOCAL_TIME).date(), lang)
    if session.join_code_expired(clock.now()):
        st.warning(t(lang, "wg_join_code_expired", date=until))
    else:
        st.caption(t(lang, "wg_join_code_valid_until", date=until))
    joined = len(view.members)
    if joined >= session.member_limit:
        st.warning(t(lang, "wg_session_full", limit=session.member_limit))
    else:
        st.caption(t(lang, "wg_members_of_limit", count=joined, limit=session.member_limit))
    if st.button(t(lang, "wg_new_join_code"), key="wg_new_join_code", help=t(lang, "wg_new_join_code_help")):
        try:
            join_codes[session.id] = new_join_code(db, code)
        except StorageError as error:
            show_storage_error(error, lang)
            return
        st.rerun()


def _lost_code(db: Database, code: str, view: FacilitatorView, lang: str) -> None:
    """A new personal code for a member who lost theirs, shown once here (only its hash is stored). Also after
    closing: with it the member can still see, export and delete what they entered."""
    if not view.members:
        return
    with st.expander(t(lang, "wg_lost_code_title")):
        st.write(t(lang, "wg_lost_code_intro"))
        by_id = {m.id: m for m in view.members}
        chosen = st.selectbox(t(lang, "wg_lost_code_who"), list(by_id), index=None, key="wg_lost_code_who",
                              format_func=lambda i: f"{by_id[i].name} ({role_name(by_id[i].role, lang)})")
        if chosen is None or not st.button(t(lang, "wg_lost_code_button"), key="wg_lost_code_go"):
            return
        try:
            fresh = new_member_code(db, code, chosen)
        except StorageError as error:
            show_storage_error(error, lang)
            return
        st.warning(t(lang, "wg_lost_code_made", name=by_id[chosen].name))
        st.code(format_code(fresh), language=None)


def _overview(db: Database, code: str, labels: Labels) -> None:
    """Read again on every refresh: who joined and submitted, and the group's answers side by side."""
    lang = labels.lang
    try:
        view = facilitator_view(db, code)
    except StorageError as error:
        show_storage_error(error, lang)
        return
    if view != st.session_state.get(SHOWN_KEY):
        st.rerun(scope="app")  # rare (a member joined, saved or submitted): what the facilitator typed in a form stays
    members = view.members
    submitted = sum(1 for m in members if m.submitted)
    st.markdown(f"**{t(lang, 'wg_submitted_count', submitted=submitted, total=len(members))}**")
    if members:
        advice_view.table(pd.DataFrame({
            t(lang, "wg_col_name"): [m.name for m in members],
            t(lang, "wg_col_role"): [role_name(m.role, lang) for m in members],
            t(lang, "wg_col_status"): [t(lang, "wg_status_submitted" if m.submitted else "wg_status_draft") for m in members],
            t(lang, "wg_col_saved"): [_when(m.updated_at) for m in members],
        }))
    st.caption(t(lang, "wg_checked_at", time=_when(dt.datetime.now(dt.UTC))))
    _group(_summary(view, labels.rule_set, lang), labels, key="wg_facilitator")


def _joint_form(db: Database, code: str, session: GroupSession, summary: GroupSummary, labels: Labels) -> None:
    """One answer and a note per question; it starts from the saved joint answers, else from what most members said."""
    lang = labels.lang
    rule_set = labels.rule_set
    st.subheader(t(lang, "wg_joint_title"), anchor=False)
    st.write(t(lang, "wg_joint_intro"))
    spread = {q.trait: q for q in summary.questions}
    with st.form("wg_joint_form"):
        for trait in rule_set.traits:
            question = spread[trait.id]
            if session.joint_answers is not None:
                start = session.joint_answers.get(trait.id, (UNKNOWN,))
            else:
                start = question.most_common or (UNKNOWN,)
            with st.container(border=True):
                left, right = st.columns(2)
                with left:
                    _joint_widget(trait, start, labels, f"wg_joint:{session.id}:{trait.id}")
                    if question.answered:
                        st.caption(escape_markdown(t(lang, "wg_joint_group_said",
                                                     answers=distribution_sentence(question, labels))))
                note_key = f"wg_note:{session.id}:{trait.id}"
                st.session_state.setdefault(note_key, session.joint_notes.get(trait.id, ""))
                right.text_input(t(lang, "wg_note", question=trait.short_name(lang)), key=note_key, max_chars=NOTE_LIMIT)
        saved = st.form_submit_button(t(lang, "wg_joint_save"), type="primary")
    if not saved:
        return
    answers = {tr.id: _chosen(tr, st.session_state[f"wg_joint:{session.id}:{tr.id}"]) for tr in rule_set.traits}
    notes = {tr.id: st.session_state[f"wg_note:{session.id}:{tr.id}"] for tr in rule_set.traits}
    try:
        set_joint_answers(db, code, answers, notes, rule_set)
    except StorageError as error:
        show_storage_error(error, lang)  # the form keeps what was chosen and typed
        return
    st.session_state[MESSAGE_KEY] = t(lang, "wg_joint_saved")
    st.rerun()


def _joint_widget(trait: Trait, start: tuple[str, ...], labels: Labels, key: str) -> None:
    """The widget starts from `start`, and follows it when that changes (a new submission, a save), unless the
    facilitator has already chosen something else here."""
    lang = labels.lang
    value: str | list[str] = [o for o in start if o != UNKNOWN] if trait.multiple else start[0]
    started = st.session_state.get(f"{key}:start")
    if key not in st.session_state or (value != started and st.session_state[key] == started):
        st.session_state[key] = value
    st.session_state[f"{key}:start"] = value
    if trait.multiple:
        st.multiselect(trait.question.get(lang), trait.option_ids(), key=key, help=trait.help.get(lang),
                       placeholder=t(lang, "advies_choose_several"), format_func=lambda o: labels.answer(trait.id, o))
    else:
        st.selectbox(trait.question.get(lang), (UNKNOWN, *trait.option_ids()), key=key, help=trait.help.get(lang),
                     format_func=lambda o: labels.answer(trait.id, o))


def _chosen(trait: Trait, value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _joint_advice(advice: Advice, summary: GroupSummary, labels: Labels) -> None:
    """The joint advice with its full explanation (as on the Advies page), beside the spread of the members' own.
    With too little answered there is no form yet: the card says what to answer first, and nothing else is shown."""
    lang = labels.lang
    st.subheader(t(lang, "wg_joint_advice_title"), anchor=False)
    if advice.form is None:
        advice_view.headline(advice, labels)
        return
    advice_view.headline(advice, labels, extra=comparison_sentence(summary, lang))
    advice_view.sections(arrangements(advice, labels))  # what to arrange before the start, as on the Advies page
    title = t(lang, "wg_spread_chart")
    advice_view.chart(spread_chart(summary, labels, _columns(lang), title, t(lang, "wg_joint_mark"), names=False),
                      title, lang)
    advice_view.explanation(advice, labels)


def _report(db: Database, code: str, session: GroupSession, rule_set: RuleSet, lang: str) -> None:
    """The report is made when the button is clicked, from the stored state then: a member who submitted after the
    page was drawn is in it, also with the overview's own refresh switched off."""
    st.subheader(t(lang, "wg_report_title"), anchor=False)
    st.write(t(lang, "wg_report_intro"))
    stem = f"werkgroep-{session.id}"
    columns = st.columns(4)
    columns[0].download_button(t(lang, "wg_download_pdf"), key="wg_download_pdf", file_name=f"{stem}.pdf",
                               mime=MEDIA_TYPES["pdf"], on_click="ignore",
                               data=lambda: render_group_pdf(*_report_parts(db, code, rule_set), lang))
    columns[1].download_button(t(lang, "wg_download_md"), key="wg_download_md", file_name=f"{stem}.md",
                               mime=MEDIA_TYPES["md"], on_click="ignore",
                               data=lambda: render_group_markdown(*_report_parts(db, code, rule_set), lang))
    # The editable formats, for a report the municipality reworks: the same Document as the PDF and Markdown
    columns[2].download_button(t(lang, "wg_download_odt"), key="wg_download_odt", file_name=f"{stem}.odt",
                               mime=MEDIA_TYPES["odt"], on_click="ignore",
                               data=lambda: document_file(group_report(*_report_parts(db, code, rule_set), lang), "odt"))
    columns[3].download_button(t(lang, "wg_download_docx"), key="wg_download_docx", file_name=f"{stem}.docx",
                               mime=MEDIA_TYPES["docx"], on_click="ignore",
                               data=lambda: document_file(group_report(*_report_parts(db, code, rule_set), lang), "docx"))


def _report_parts(db: Database, code: str, rule_set: RuleSet) -> tuple[GroupSummary, RuleSet, SessionInfo]:
    """A fresh read for the report. It runs outside the page's script (Streamlit ignores st calls there), so a
    storage problem or answers that no longer fit simply fail the download; the page itself shows why."""
    view = facilitator_view(db, code)
    session = view.session
    summary = summarize(rule_set, [m.respondent() for m in view.members if m.submitted], session.joint_answers)
    info = SessionInfo(title=session.title, description=session.description, held_on=session.created_at.date(),
                       closed=session.closed, notes=session.joint_notes)
    return summary, rule_set, info


def _close_and_delete(db: Database, code: str, session: GroupSession, lang: str) -> None:
    if not session.closed:
        st.subheader(t(lang, "wg_close_title"), anchor=False)
        st.write(t(lang, "wg_close_intro"))
        sure = st.checkbox(t(lang, "wg_close_sure"), key="wg_close_sure")
        if st.button(t(lang, "wg_close_button"), key="wg_close", disabled=not sure) and _write(
                lambda: close_session(db, code), t(lang, "wg_closed_done"), lang):
            st.rerun()
    st.subheader(t(lang, "wg_delete_title"), anchor=False)
    st.write(t(lang, "wg_delete_intro"))
    sure = st.checkbox(t(lang, "wg_delete_sure"), key="wg_delete_sure")
    if st.button(t(lang, "wg_delete_button"), key="wg_delete", disabled=not sure):
        if _write(lambda: delete_session(db, code), t(lang, "wg_deleted"), lang):
            st.session_state.pop(FACILITATOR_KEY, None)
            st.session_state.get(JOIN_CODES_KEY, {}).pop(session.id, None)
            st.rerun()


def _write(action: Callable[[], object], done: str, lang: str) -> bool:
    """Runs one write; on success shows `done` after the rerun, on failure the storage message now."""
    try:
        action()
    except StorageError as error:
        show_storage_error(error, lang)
        return False
    st.session_state[MESSAGE_KEY] = done
    return True


render()

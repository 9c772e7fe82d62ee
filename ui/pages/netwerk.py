"""The Netwerk page: an initiative finds the right civil servant, also from another municipality (seed 003).

- Hulp zoeken: an initiative registers without an account, gets the ladder advice for its situation, what it may
  expect from the municipality and whom to contact, and a code to come back with (shown once).
- Terugkomen: with the code, the initiative sees the experts who fit (ladder.network.matching, with the reasons),
  asks one for help, follows the answer and closes the request with what it learned.
- Mijn profiel and Verzoeken (for someone who may advise: a civil servant with an account, or the laptop's one
  person): the profile holds only what its owner fills in, and can be downloaded and deleted.
- Lessen: what closed requests taught, searchable.
- Netwerkpartner-scan: a round of the scan on the five building blocks (ui.views.scan).
Everything people typed is shown in form fields, st.dataframe or st.text, never as Markdown.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial

import pandas as pd
import streamlit as st

from ladder.network.initiative_advice import initiative_advice, questions
from ladder.network.matching import Match, Reason, match
from ladder.network.model import Expert, Vocabulary, load_vocabulary
from ladder.reports.markdown import escape_markdown
from ladder.rules.model import RuleSet
from storage.database import Database
from storage.errors import StorageError
from storage.network import (
    STAGES,
    InitiativeView,
    NewInitiative,
    answer_request,
    available_experts,
    close_request,
    delete_profile,
    get_profile,
    lessons_learned,
    open_initiative,
    register_initiative,
    request_help,
    requests_for_expert,
    save_profile,
)
from storage.sessions import format_code
from ui import login, state
from ui.access import User
from ui.database import database_or_stop, show_storage_error
from ui.texts import t
from ui.views.scan import scan_tab

CODE_KEY = "nw_code"  # the initiative's code in this browser, after registering or coming back
SHOW_CODE_KEY = "nw_show_code"  # right after registering: show the code once
FLASH_KEY = "nw_flash"
TAB_KEY = "nw_tab"
GOTO_KEY = "nw_goto"  # the tab to open after the next rerun
LAPTOP_OWNER = "lokaal"  # the profile of the one person on a laptop, who has no account
TOP = 5  # experts shown per initiative
HOURS_MAX = 160


@st.cache_resource
def _vocabulary() -> Vocabulary:
    return load_vocabulary()


def render() -> None:
    lang = state.language()
    st.title(t(lang, "nav_netwerk"), anchor=False)
    st.write(t(lang, "nw_intro"))
    db = database_or_stop(lang)
    user = login.user()
    if done := st.session_state.pop(FLASH_KEY, None):
        st.success(done, icon=":material/check_circle:")
    names = [t(lang, "nw_tab_seek"), t(lang, "nw_tab_back")]
    expert = user.may("advise")
    if expert:
        names += [t(lang, "nw_tab_profile"), t(lang, "nw_tab_requests")]
    names += [t(lang, "nw_tab_lessons"), t(lang, "nw_tab_scan")]
    # A keyed tab bar keeps its tab over a rerun (a saved form, a joined scan); a write may ask for the next tab
    if (goto := st.session_state.pop(GOTO_KEY, None)) in names:
        st.session_state[TAB_KEY] = goto
    tabs = st.tabs(names, key=TAB_KEY, on_change="rerun")
    try:
        with tabs[0]:
            _seek(db, lang)
        with tabs[1]:
            _come_back(db, lang)
        if expert:
            with tabs[2]:
                _profile(db, user, lang)
            with tabs[3]:
                _requests(db, user, lang)
        with tabs[-2]:
            _lessons(db, lang)
        with tabs[-1]:
            scan_tab(db, user, lang)
    except StorageError as error:
        show_storage_error(error, lang)


# --- an initiative ---------------------------------------------------------------------------------------


def _seek(db: Database, lang: str) -> None:
    vocabulary = _vocabulary()
    st.write(t(lang, "nw_seek_intro"))
    municipalities = state.sources().ids()
    with st.form("nw_seek", enter_to_submit=False):
        title = st.text_input(t(lang, "nw_title"), max_chars=200, key="nw_title")
        description = st.text_area(t(lang, "nw_description"), max_chars=2000, key="nw_description")
        municipality = st.selectbox(t(lang, "nw_municipality"), municipalities, key="nw_municipality",
                                    format_func=lambda m: state.rule_set_for(m).name.get(lang))
        region = st.text_input(t(lang, "nw_region"), max_chars=100, key="nw_region", help=t(lang, "nw_region_help"))
        areas = st.multiselect(t(lang, "nw_areas"), vocabulary.ids(), key="nw_areas",
                               format_func=lambda a: vocabulary.label(a, lang), placeholder=t(lang, "nw_choose"))
        stage = st.selectbox(t(lang, "nw_stage"), STAGES, key="nw_stage", format_func=lambda s: t(lang, f"nw_stage_{s}"))
        own_permits = st.checkbox(t(lang, "nw_own_permits"), value=True, key="nw_own_permits",
                                  help=t(lang, "nw_own_permits_help"))
        rule_set = state.rule_set_for(municipality)
        answers = {q: _question(rule_set, q, lang) for q in questions(rule_set)}
        sent = st.form_submit_button(t(lang, "nw_register"), type="primary", key="nw_register")
    if not sent:
        return
    if not title.strip() or not areas:
        st.warning(t(lang, "nw_needs_title_and_area"))
        return
    rule_set = state.rule_set_for(municipality)
    advice = initiative_advice(rule_set, answers)
    new = NewInitiative(title=title, description=description, municipality=municipality, region=region,
                        areas=frozenset(areas), stage=stage, rung=advice.form, role=advice.role.role,
                        own_permits=own_permits)
    try:
        code = register_initiative(db, new)
    except StorageError as error:
        show_storage_error(error, lang)
        return
    st.session_state[CODE_KEY] = code
    st.session_state[SHOW_CODE_KEY] = True
    st.session_state[FLASH_KEY] = t(lang, "nw_registered")
    st.session_state[GOTO_KEY] = t(lang, "nw_tab_back")  # where the code and the matches are
    st.rerun()


def _question(rule_set: RuleSet, trait_id: str, lang: str) -> list[str]:
    """One of the rule set's questions, with its own texts; "weet ik niet" gives no answer."""
    trait = rule_set.trait(trait_id)
    labels = {o.id: o.label.get(lang) for o in trait.options}
    if trait.multiple:
        return st.multiselect(trait.question.get(lang), list(labels), format_func=labels.__getitem__,
                              help=trait.help.get(lang), key=f"nw_q:{trait_id}", placeholder=t(lang, "nw_choose"))
    choice = st.selectbox(trait.question.get(lang), ["", *labels], help=trait.help.get(lang), key=f"nw_q:{trait_id}",
                          format_func=lambda o: labels.get(o, t(lang, "unknown_answer")))
    return [choice] if choice else []


def _come_back(db: Database, lang: str) -> None:
    code = st.session_state.get(CODE_KEY)
    if code is None:
        with st.form("nw_back", enter_to_submit=False):
            typed = st.text_input(t(lang, "nw_code"), max_chars=30, key="nw_code_input", help=t(lang, "nw_code_help"))
            if st.form_submit_button(t(lang, "nw_open"), key="nw_open") and typed.strip():
                try:
                    open_initiative(db, typed)
                except StorageError as error:
                    show_storage_error(error, lang)
                    return
                st.session_state[CODE_KEY] = format_code(typed)
                st.rerun()
        return
    try:
        view = open_initiative(db, code)
    except StorageError as error:
        show_storage_error(error, lang)
        st.session_state.pop(CODE_KEY, None)
        return
    if st.session_state.pop(SHOW_CODE_KEY, False):
        st.warning(t(lang, "nw_code_once"))
        st.code(format_code(code), language=None)
    _initiative(db, code, view, lang)
    if st.button(t(lang, "nw_leave"), key="nw_leave"):
        st.session_state.pop(CODE_KEY, None)
        st.rerun()


def _initiative(db: Database, code: str, view: InitiativeView, lang: str) -> None:
    rule_set = state.rule_set_for(view.initiative.municipality)
    st.subheader(escape_markdown(view.title), anchor=False)
    if view.description:
        st.text(view.description)
    _expectations(view, rule_set, lang)
    st.subheader(t(lang, "nw_matches_title"), anchor=False)
    available = available_experts(db)  # one read: the matching and the names shown come from the same state
    matches = match(view.initiative, available, TOP)
    if not matches:
        st.info(t(lang, "nw_no_matches"))
    experts = {e.id: e for e in available}
    asked = {r.expert_name for r in view.requests if r.status in ("gevraagd", "aangenomen")}
    for found in matches:
        person = experts[found.expert_id]
        with st.container(border=True):
            st.markdown(f"**{escape_markdown(person.name)}** · {escape_markdown(_place(person.municipality))}")
            st.write(t(lang, "nw_why", reasons=_reasons(found, _vocabulary(), lang)))
            if person.name in asked:
                st.caption(t(lang, "nw_already_asked"))
            elif st.button(t(lang, "nw_ask"), key=f"nw_ask:{found.expert_id}"):
                _write(partial(request_help, db, code, found.expert_id), t(lang, "nw_asked", name=person.name), lang)
    if view.requests:
        st.subheader(t(lang, "nw_requests_title"), anchor=False)
        st.dataframe(pd.DataFrame({
            t(lang, "nw_col_expert"): [r.expert_name or t(lang, "nw_handed_over") for r in view.requests],
            t(lang, "nw_col_status"): [t(lang, f"nw_status_{r.status}") for r in view.requests],
            t(lang, "nw_col_lessons"): [r.lessons for r in view.requests],
        }), hide_index=True, width="stretch")
        closable = {r.id: r for r in view.requests if r.status not in ("afgesloten",)}
        if closable:
            with st.form("nw_close", enter_to_submit=False):
                chosen = st.selectbox(t(lang, "nw_close_which"), list(closable), key="nw_close_which",
                                      format_func=lambda i: closable[i].expert_name or t(lang, "nw_handed_over"))
                lessons = st.text_area(t(lang, "nw_lessons"), max_chars=2000, key="nw_close_lessons",
                                       help=t(lang, "nw_lessons_help"))
                if st.form_submit_button(t(lang, "nw_close"), key="nw_close_go"):
                    _write(lambda: close_request(db, code, chosen, lessons), t(lang, "nw_closed"), lang)


def _expectations(view: InitiativeView, rule_set: RuleSet, lang: str) -> None:
    """The advice stored with the initiative, and what the rule set says the initiative may expect."""
    initiative = view.initiative
    if initiative.rung is None:
        st.info(t(lang, "nw_no_advice"))
    else:
        rung = rule_set.rung(initiative.rung)
        role = next((r for r in rule_set.roles if r.id == initiative.role), None)
        st.markdown(escape_markdown(t(lang, "nw_advice", rung=rung.name.get(lang))
                                    + (" " + t(lang, "nw_role", role=role.name.get(lang)) if role else "")))
        st.write(f"{t(lang, 'nw_promise')} {rung.promise.get(lang)}")
        st.write(f"{t(lang, 'nw_commitment')} {rung.commitment.get(lang)}")
    for contact in rule_set.contacts:
        st.caption(t(lang, "nw_contact", name=contact.name, role=contact.role.get(lang), how=contact.how))
    if rule_set.escalation is not None:
        st.caption(f"{t(lang, 'nw_escalation')} {rule_set.escalation.get(lang)}")


def _reasons(found: Match, vocabulary: Vocabulary, lang: str) -> str:
    return "; ".join(_reason(r, vocabulary, lang) for r in found.reasons)


def _reason(reason: Reason, vocabulary: Vocabulary, lang: str) -> str:
    if reason.kind == "areas":
        return t(lang, "nw_reason_areas", areas=", ".join(vocabulary.label(a, lang) for a in reason.areas))
    return t(lang, f"nw_reason_{reason.kind}")


def _place(municipality: str) -> str:
    return state.rule_set_for(municipality).name.get(state.language()) if municipality in state.sources().ids() \
        else municipality


# --- an expert ---------------------------------------------------------------------------------------------


def _owner(user: User) -> str:
    return user.subject or LAPTOP_OWNER


def _profile(db: Database, user: User, lang: str) -> None:
    vocabulary = _vocabulary()
    current = get_profile(db, _owner(user))
    st.write(t(lang, "nw_profile_intro"))
    rule_set = state.rule_set_or_stop(lang)
    rungs = list(rule_set.rung_ids())
    roles = [r.id for r in rule_set.roles]
    municipalities = state.sources().ids()
    with st.form("nw_profile", enter_to_submit=False):
        name = st.text_input(t(lang, "nw_name"), current.name if current else user.name, max_chars=100,
                             key="nw_name", help=t(lang, "nw_name_help"))
        own = current.municipality if current else (user.organisation or rule_set.id)
        municipality = st.selectbox(t(lang, "nw_own_municipality"), municipalities, key="nw_own_municipality",
                                    index=municipalities.index(own) if own in municipalities else 0,
                                    format_func=lambda m: state.rule_set_for(m).name.get(lang))
        region = st.text_input(t(lang, "nw_region"), current.region if current else "", max_chars=100,
                               key="nw_own_region", help=t(lang, "nw_region_help"))
        areas = st.multiselect(t(lang, "nw_my_areas"), vocabulary.ids(), sorted(current.areas) if current else [],
                               format_func=lambda a: vocabulary.label(a, lang), key="nw_my_areas",
                               placeholder=t(lang, "nw_choose"))
        worked = st.multiselect(t(lang, "nw_my_rungs"), rungs, [r for r in rungs if current and r in current.rungs],
                                format_func=lambda r: rule_set.rung(r).name.get(lang), key="nw_my_rungs",
                                placeholder=t(lang, "nw_choose"))
        taken = st.multiselect(t(lang, "nw_my_roles"), roles, [r for r in roles if current and r in current.roles],
                               format_func=lambda r: rule_set.role(r).name.get(lang), key="nw_my_roles",
                               placeholder=t(lang, "nw_choose"))
        hours = st.number_input(t(lang, "nw_hours"), 0, HOURS_MAX, current.hours_per_month if current else 4,
                                key="nw_hours", help=t(lang, "nw_hours_help"))
        outside = st.checkbox(t(lang, "nw_outside"), current.outside_own if current else True, key="nw_outside")
        saved = st.form_submit_button(t(lang, "nw_save_profile"), type="primary", key="nw_save_profile")
    if saved:
        if not name.strip() or not areas:
            st.warning(t(lang, "nw_profile_needs"))
        else:
            expert = Expert(id=_owner(user), name=name.strip(), municipality=municipality, region=region.strip(),
                            areas=frozenset(areas), rungs=frozenset(worked), roles=frozenset(taken),
                            hours_per_month=int(hours), outside_own=outside)
            _write(lambda: save_profile(db, expert, actor=user.actor), t(lang, "nw_profile_saved"), lang)
    if current is not None:
        left, right = st.columns(2)
        left.download_button(t(lang, "nw_export"), key="nw_export", file_name="mijn-profiel.json",
                             mime="application/json", on_click="ignore",
                             data=json.dumps(current.model_dump(mode="json"), ensure_ascii=False, indent=2))
        sure = right.checkbox(t(lang, "nw_delete_sure"), key="nw_delete_sure")
        if right.button(t(lang, "nw_delete"), key="nw_delete", disabled=not sure):
            _write(lambda: delete_profile(db, _owner(user), actor=user.actor), t(lang, "nw_deleted"), lang)


def _requests(db: Database, user: User, lang: str) -> None:
    mine = requests_for_expert(db, _owner(user))
    if not mine:
        st.info(t(lang, "nw_no_requests"))
        return
    for request in mine:
        with st.container(border=True):
            st.markdown(f"**{escape_markdown(request.initiative_title)}** · "
                        f"{escape_markdown(_place(request.initiative_municipality))}")
            if request.initiative_description:
                st.text(request.initiative_description)
            st.caption(t(lang, f"nw_status_{request.status}"))
            if request.status == "gevraagd":
                left, right = st.columns(2)
                if left.button(t(lang, "nw_accept"), key=f"nw_accept:{request.id}", type="primary"):
                    _write(partial(answer_request, db, _owner(user), request.id, True, actor=user.actor),
                           t(lang, "nw_accepted"), lang)
                if right.button(t(lang, "nw_decline"), key=f"nw_decline:{request.id}"):
                    _write(partial(answer_request, db, _owner(user), request.id, False, actor=user.actor),
                           t(lang, "nw_declined"), lang)


def _lessons(db: Database, lang: str) -> None:
    st.write(t(lang, "nw_lessons_intro"))
    text = st.text_input(t(lang, "nw_lessons_search"), max_chars=200, key="nw_lessons_search")
    found = lessons_learned(db, text)
    if not found:
        st.info(t(lang, "nw_no_lessons"))
        return
    st.dataframe(pd.DataFrame({t(lang, "nw_col_initiative"): [r.initiative_title for r in found],
                               t(lang, "nw_col_expert"): [r.expert_name or t(lang, "nw_handed_over") for r in found],
                               t(lang, "nw_col_lessons"): [r.lessons for r in found]}),
                 hide_index=True, width="stretch")


def _write(action: Callable[[], object], done: str, lang: str) -> None:
    try:
        action()
    except StorageError as error:
        show_storage_error(error, lang)
        return
    st.session_state[FLASH_KEY] = done
    st.rerun()


render()

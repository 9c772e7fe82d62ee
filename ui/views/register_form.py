"""'Bewaar in het register': saves an advice with the form actually chosen, from the Advies page or a working group.

What a person typed is kept in the fields' session_state keys: when saving fails, nothing typed is lost and the
message says what to do. The same input saved twice in a row is not stored twice.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ladder.engine.advice import Advice
from ladder.reports.markdown import escape_markdown
from ladder.reports.sentences import Labels
from ladder.rules.model import RuleSet
from storage.errors import StorageError
from storage.register import NewEntry, Source, save_entry
from ui import login
from ui.database import database, show_storage_error
from ui.texts import t

PROJECT_MAX = 200
CONTACT_MAX = 200
REASON_MAX = 2000


def register_form(advice: Advice, rule_set: RuleSet, lang: str, *, key: str, project_name: str = "",
                  name_field: bool = True, source: Source = "advies", group_session_id: int | None = None) -> None:
    """Renders 'Bewaar in het register': project name, date (today by default), form actually chosen (default the
    advised one), the reason (asked only when the choice differs), contact person; saves one entry with the rule
    set's version + content hash, the answers and the full advice. Shows success or StorageError.message.
    name_field=False: the page already asks the project's name (Advies, for its documents), so the entry takes
    project_name as it is and the form does not ask it a second time.
    Only for someone who may use the register (ui.access); a logged-in person saves under their own municipality."""
    user = login.user()
    if not user.may("register"):
        st.caption(t(lang, "reg_form_needs_role"))
        return
    st.subheader(t(lang, "reg_form_title"))
    if advice.form is None:  # too little answered: no form was advised, so there is no choice to record
        st.caption(t(lang, "reg_needs_advice"))
        return
    st.caption(t(lang, "reg_form_intro"))
    # A fragment, not a form: choosing another form shows the reason field at once, and reruns only this part
    st.fragment(_fields)(advice, rule_set, lang, key, project_name, name_field, source, group_session_id)


def _fields(advice: Advice, rule_set: RuleSet, lang: str, key: str, project_name: str, name_field: bool,
            source: Source, group_session_id: int | None) -> None:
    user = login.user()
    labels = Labels(rule_set, lang)
    rungs = list(rule_set.rung_ids())
    if name_field:
        name_key = f"{key}:project"
        _follow_default(name_key, f"{key}:project_default", project_name.strip())
        name = st.text_input(t(lang, "reg_field_project"), key=name_key, max_chars=PROJECT_MAX)
    else:
        name = project_name
    saved_on = st.date_input(t(lang, "reg_field_date"), value=dt.date.today(), key=f"{key}:date", format="DD-MM-YYYY")
    # A new advice (other answers or rules) gets a fresh choice, defaulting to what it advises
    chosen = st.selectbox(t(lang, "reg_field_chosen"), rungs, index=rungs.index(advice.recommended),
                          key=f"{key}:chosen:{rule_set.id}:{advice.recommended}", format_func=labels.rung,
                          help=t(lang, "reg_field_chosen_help", rung=labels.rung(advice.recommended)))
    reason = ""
    if chosen != advice.recommended:
        reason = st.text_area(t(lang, "reg_field_reason"), key=f"{key}:reason", max_chars=REASON_MAX,
                              help=t(lang, "reg_field_reason_help"))
    contact = st.text_input(t(lang, "reg_field_contact"), key=f"{key}:contact", max_chars=CONTACT_MAX,
                            help=t(lang, "reg_field_contact_help"))
    if not st.button(t(lang, "reg_save"), key=f"{key}:save", type="primary"):
        return
    problem = _missing(name, chosen, advice.recommended, reason, name_field, lang)
    if problem:
        st.warning(problem)
        return
    entry = NewEntry(project_name=name.strip(), saved_on=saved_on, chosen_rung=chosen, choice_reason=reason,
                     contact_person=contact, source=source, group_session_id=group_session_id)
    fingerprint = (entry, advice.rule_set.content_hash, tuple(sorted(advice.answers.items())))
    saved_key = f"{key}:saved"
    previous = st.session_state.get(saved_key)
    if previous and previous[0] == fingerprint:
        st.info(t(lang, "reg_already_saved", number=previous[1]))
        _plan_link(previous[1], lang)
        return
    try:
        number = save_entry(database(), entry, advice, rule_set, actor=user.actor, organisation=user.organisation)
    except StorageError as error:
        show_storage_error(error, lang)  # the fields keep what was typed: press save again
        return
    st.session_state[saved_key] = (fingerprint, number)
    st.success(escape_markdown(t(lang, "reg_saved", number=number, project=entry.project_name,
                                 rung=labels.rung(chosen))))
    _plan_link(number, lang)


def _plan_link(number: int, lang: str) -> None:
    """The next step after saving: the participation plan of this entry."""
    st.page_link("ui/pages/plan.py", label=t(lang, "reg_make_plan"), icon=":material/edit_document:",
                 query_params={"nummer": str(number)})


def _follow_default(widget_key: str, default_key: str, default: str) -> None:
    """The name field follows the project title typed elsewhere, until someone types in the field itself."""
    current = st.session_state.get(widget_key)
    if current is None or current == st.session_state.get(default_key):
        st.session_state[widget_key] = default
    st.session_state[default_key] = default


def _missing(name: str, chosen: str, advised: str, reason: str, name_field: bool, lang: str) -> str | None:
    if not name.strip():
        return t(lang, "reg_need_project" if name_field else "reg_need_project_above")
    if chosen != advised and not reason.strip():
        return t(lang, "reg_need_reason")
    return None

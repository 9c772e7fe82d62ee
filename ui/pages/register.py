"""The Register page (de lerende organisatie): saved advices, what was chosen and why, and how it went.

Search and filter the register, see advised against chosen forms per rung and per year, export what you see,
and open one entry: the advice as it was saved, whether it can still be computed again exactly, what today's
rules would advise, its evaluations; add an evaluation, change the choice, or delete the entry.
At the bottom, the audit log: who changed what and when (field names only, never what was typed), as a CSV too.
On a shared installation (ui.access) a person sees only their own organisation's entries; exports, deleting and
the audit log are for the beheerder.
Everything people typed is shown as plain text (st.dataframe, st.text) or escaped before Markdown renders it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from ladder.analysis.register_check import (
    check_reproducible,
    compare_with_current,
    rung_name,
    snapshot_rule_set,
    stored_advice,
)
from ladder.analysis.register_entry import EntrySummary
from ladder.reports.markdown import escape_markdown
from ladder.reports.plain_text import render_text
from ladder.reports.plan_texts import PLAN
from ladder.reports.register_table import HEADERS, SOURCE_NAMES, RegisterNames, register_table
from ladder.reports.sentences import Labels, margin_sentence, why_sentence
from ladder.reports.spreadsheet import to_csv, to_xlsx
from ladder.rules.model import VALUES
from ladder.rules.problems import RuleSetError
from ladder.text import count_text, date_text, language
from storage import audit
from storage.audit import AuditEntry, audit_entries
from storage.database import Database
from storage.errors import StorageError
from storage.plans import plan_versions, verslag_versions
from storage.register import (
    CONTACT_SEARCH_MINIMUM,
    Entry,
    NewEvaluation,
    RegisterFilter,
    add_evaluation,
    delete_entry,
    entries_naming,
    get_entry,
    list_entries,
    record_export,
    remove_contact_person,
    update_choice,
)
from storage.snapshots import get_snapshot
from ui import login, state
from ui.access import User
from ui.charts.advice import Chart
from ui.charts.register import rungs_chart, years_chart
from ui.charts.style import escape_table
from ui.database import database_or_stop, show_storage_error
from ui.texts import UI, t

FLASH_KEY = "reg_flash"
ROUND_KEY = "reg_form_round"  # bumped after a successful write: the forms start empty again
SCORES = (0, 1, 2, 3, 4)
TEXT_MAX = 5000
LOCAL_TIME = ZoneInfo("Europe/Amsterdam")  # the log is stored in UTC; people read the municipality's time


def _filters(entries: list[EntrySummary], names: RegisterNames, lang: str) -> RegisterFilter:
    text = st.text_input(t(lang, "reg_search"), key="reg_search", max_chars=200, help=t(lang, "reg_search_help"))
    columns = st.columns(5)
    everything = t(lang, "reg_all")
    municipality = columns[0].selectbox(t(lang, "reg_filter_municipality"), sorted({e.municipality_id for e in entries}),
                                        index=None, placeholder=everything, key="reg_f_municipality",
                                        format_func=names.municipality)
    rungs = names.ordered([*(e.advised_rung for e in entries), *(e.chosen_rung for e in entries if e.chosen_rung)])
    advised = columns[1].selectbox(t(lang, "reg_filter_advised"), rungs, index=None, placeholder=everything,
                                   key="reg_f_advised", format_func=names.rung)
    chosen = columns[2].selectbox(t(lang, "reg_filter_chosen"), rungs, index=None, placeholder=everything,
                                  key="reg_f_chosen", format_func=names.rung)
    year = columns[3].selectbox(t(lang, "reg_filter_year"), sorted({e.saved_on.year for e in entries}, reverse=True),
                                index=None, placeholder=everything, key="reg_f_year")
    sources = SOURCE_NAMES[language(lang)]
    source = columns[4].selectbox(t(lang, "reg_filter_source"), list(sources), index=None, placeholder=everything,
                                  key="reg_f_source", format_func=sources.__getitem__)
    return RegisterFilter(text=text, municipality_id=municipality, advised_rung=advised, chosen_rung=chosen, year=year,
                          source=source)


def _chart(chart: Chart, alt: str, lang: str) -> None:
    """A chart with the same numbers in a table right under it."""
    st.plotly_chart(chart.figure, width="stretch", alt=alt, config={"displaylogo": False})
    st.caption(t(lang, "chart_text"))
    st.table(escape_table(chart.table), hide_index=True)


def _overview(db: Database, user: User, entries: list[EntrySummary], total: int, names: RegisterNames, lang: str,
              ) -> None:
    st.header(t(lang, "reg_table_title"), anchor=False)
    st.caption(t(lang, "reg_count", shown=count_text(len(entries), lang), total=count_text(total, lang)))
    if not entries:
        st.info(t(lang, "reg_no_match"))
        return
    table = register_table(entries, names, lang)
    st.dataframe(table, hide_index=True, width="stretch")  # st.dataframe shows text as typed: no Markdown
    if user.may("administer"):  # an export takes contact persons out of the app: the beheerder's decision
        left, right = st.columns(2)
        left.download_button(t(lang, "reg_download_csv"), key="reg_download_csv", file_name="register.csv",
                             mime="text/csv", on_click="ignore", data=_exported(db, user, lambda: to_csv(table)))
        right.download_button(t(lang, "reg_download_xlsx"), key="reg_download_xlsx", file_name="register.xlsx",
                              mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                              on_click="ignore", data=_exported(db, user, lambda: to_xlsx({"Register": table})))
    else:
        st.caption(t(lang, "reg_export_beheerder"))

    st.header(t(lang, "reg_charts_title"), anchor=False)
    st.caption(t(lang, "reg_charts_caption"))
    title = t(lang, "reg_chart_rungs")
    _chart(rungs_chart(entries, names, (t(lang, "reg_col_rung"), t(lang, "reg_col_advised"), t(lang, "reg_col_chosen")),
                       title, lang), title, lang)
    title = t(lang, "reg_chart_years")
    _chart(years_chart(entries, (t(lang, "reg_col_year"), t(lang, "reg_col_saved"), t(lang, "reg_col_differently")),
                       title, lang), title, lang)


def _exported(db: Database, user: User, make: Callable[[], bytes]) -> Callable[[], bytes]:
    """A download's data, made when the person clicks (not at every page run): the export is noted in the audit
    log first. When the log cannot be written the download fails too: no export goes unlogged."""

    def data() -> bytes:
        record_export(db, actor=user.actor)
        return make()

    return data


def _detail(db: Database, user: User, entries: list[EntrySummary], names: RegisterNames, lang: str) -> None:
    st.header(t(lang, "reg_detail_title"), anchor=False)
    _flash()
    by_id = {e.id: e for e in entries}
    chosen = st.selectbox(t(lang, "reg_detail_pick"), list(by_id), index=None, key="reg_detail",
                          placeholder=t(lang, "reg_detail_placeholder"),
                          format_func=lambda i: f"{i} · {by_id[i].project_name} ({date_text(by_id[i].saved_on, lang)})")
    if chosen is None:
        return
    entry = get_entry(db, chosen, organisation=user.organisation)
    if entry is None:
        st.warning(t(lang, "reg_gone"))
        return
    snapshot = get_snapshot(db, entry.summary.content_hash)
    s = entry.summary
    st.subheader(escape_markdown(s.project_name), anchor=False)
    facts = {
        t(lang, "reg_fact_date"): date_text(s.saved_on, lang),
        t(lang, "reg_fact_municipality"): names.municipality(s.municipality_id),
        t(lang, "reg_fact_rules"): t(lang, "reg_rules_value", version=s.rule_set_version, hash=s.content_hash[:12]),
        t(lang, "reg_fact_source"): SOURCE_NAMES[language(lang)].get(s.source, s.source),
        t(lang, "reg_fact_contact"): s.contact_person or t(lang, "reg_none"),
    }
    st.table(escape_table(pd.DataFrame({t(lang, "reg_col_field"): list(facts), t(lang, "reg_col_value"): list(facts.values())})),
             hide_index=True)
    _stored_advice(entry, snapshot, lang)
    _plan_status(db, user, entry, lang)
    _checks(entry, snapshot, names, lang)
    _evaluations(entry, lang)
    _add_evaluation(db, user, entry, lang)
    _edit_choice(db, user, entry, lang)
    if user.may("administer"):
        _delete(db, user, entry, lang)


def _plan_status(db: Database, user: User, entry: Entry, lang: str) -> None:
    """Where the entry's plan and verslag stand (the learning loop: advice, plan, what happened), and the way there."""
    lines = []
    for kind, versions in (("plan", plan_versions(db, entry.id, organisation=user.organisation)),
                           ("verslag", verslag_versions(db, entry.id, organisation=user.organisation))):
        lines.append(t(lang, f"reg_{kind}_none") if not versions else t(
            lang, f"reg_{kind}_version", version=versions[0].number, date=date_text(versions[0].saved_at.date(), lang)))
    st.caption(" ".join(lines))
    st.page_link("ui/pages/plan.py", label=t(lang, "reg_make_plan"), icon=":material/edit_document:",
                 query_params={"nummer": str(entry.id)})


def _stored_advice(entry: Entry, snapshot: dict | None, lang: str) -> None:
    advice = stored_advice(entry.advice)
    s = entry.summary
    st.subheader(t(lang, "reg_advice_title"), anchor=False)
    lines = [t(lang, "reg_advised_line", rung=rung_name(advice, advice.recommended, lang)),
             t(lang, "municipal_role", role=advice.role.name.get(lang))]
    if snapshot is not None:  # the sentences need the rule set's questions and answers, as they were then
        labels = Labels(snapshot_rule_set(snapshot), lang)
        lines.append(why_sentence(advice, labels))
        if margin := margin_sentence(advice, labels):
            lines.append(margin)
    st.markdown("\n\n".join(escape_markdown(line) for line in lines))
    chosen = rung_name(advice, s.chosen_rung, lang) if s.chosen_rung else t(lang, "reg_none")
    if s.chose_differently:
        st.markdown(escape_markdown(t(lang, "reg_chosen_other", rung=chosen)))
        st.caption(t(lang, "reg_reason_label"))
        st.text(s.choice_reason or t(lang, "reg_none"))
    else:
        st.markdown(escape_markdown(t(lang, "reg_chosen_same", rung=chosen)))
    if snapshot is not None:
        with st.expander(t(lang, "reg_full_text")):
            st.text(render_text(advice, snapshot_rule_set(snapshot), s.project_name, lang))


def _checks(entry: Entry, snapshot: dict | None, names: RegisterNames, lang: str) -> None:
    s = entry.summary
    st.subheader(t(lang, "reg_check_title"), anchor=False)
    result = check_reproducible(entry.advice, entry.answers, snapshot)
    if result.identical and result.saved_by:
        st.success(t(lang, "reg_reproducible_earlier", hash=s.content_hash[:12], version=result.saved_by),
                   icon=":material/check_circle:")
    elif result.identical:
        st.success(t(lang, "reg_reproducible_yes", hash=s.content_hash[:12]), icon=":material/check_circle:")
    elif result.recomputed is None:
        st.error(t(lang, "reg_reproducible_unknown"), icon=":material/error:")
    else:
        st.error(t(lang, "reg_reproducible_no", parts=", ".join(result.differences)), icon=":material/error:")
    advice = stored_advice(entry.advice)
    municipality = names.municipality(s.municipality_id)
    try:
        current = state.rule_set_for(s.municipality_id) if s.municipality_id in state.sources().ids() else None
    except RuleSetError:
        current = None
    if current is None:
        st.info(escape_markdown(t(lang, "reg_current_missing", municipality=municipality)))
        return
    comparison = compare_with_current(advice, entry.answers, current)
    stored = rung_name(advice, comparison.stored_rung, lang)
    if comparison.status == "same_rules":
        st.info(t(lang, "reg_current_same_rules", version=comparison.version))
    elif comparison.status == "same_advice":
        st.info(escape_markdown(t(lang, "reg_current_same_advice", version=comparison.version, rung=stored)))
    elif comparison.status == "differs" and comparison.current_advice and comparison.current_rung:
        now = rung_name(comparison.current_advice, comparison.current_rung, lang)
        st.warning(escape_markdown(t(lang, "reg_current_differs", version=comparison.version, rung=now, old=stored)),
                   icon=":material/warning:")
    else:
        st.info(t(lang, "reg_current_not_comparable", version=comparison.version))


def _evaluations(entry: Entry, lang: str) -> None:
    st.subheader(t(lang, "reg_evaluations_title"), anchor=False)
    if not entry.evaluations:
        st.write(t(lang, "reg_no_evaluations"))
    for evaluation in entry.evaluations:  # latest first
        with st.container(border=True):
            st.caption(t(lang, "reg_evaluation_on", date=date_text(evaluation.created_at.astimezone(LOCAL_TIME).date(), lang)))
            st.markdown(f"**{t(lang, 'reg_eval_how')}**")
            st.text(evaluation.how_it_went)
            st.table(escape_table(pd.DataFrame({
                t(lang, "reg_col_value_name"): [t(lang, f"value_{v}") for v in VALUES],
                t(lang, "reg_col_score"): [_score(evaluation.scores[v], lang) for v in VALUES],
            })), hide_index=True)
            if evaluation.lessons:
                st.markdown(f"**{t(lang, 'reg_eval_lessons')}**")
                st.text(evaluation.lessons)


def _score(score: int | None, lang: str) -> str:
    return t(lang, "reg_no_score") if score is None else f"{score} ({t(lang, f'reg_score_{score}')})"


def _form_key(entry: Entry, name: str) -> str:
    return f"reg_{name}:{entry.id}:{st.session_state.get(ROUND_KEY, 0)}"


def _add_evaluation(db: Database, user: User, entry: Entry, lang: str) -> None:
    with st.expander(t(lang, "reg_eval_add")), st.form(_form_key(entry, "eval"), enter_to_submit=False):
        how = st.text_area(t(lang, "reg_eval_how"), key=_form_key(entry, "eval_how"), max_chars=TEXT_MAX)
        st.caption(t(lang, "reg_eval_scores_help"))
        scores = {v: st.radio(t(lang, f"value_{v}").capitalize(), SCORES, index=None, horizontal=True,
                              key=_form_key(entry, f"eval_{v}"), format_func=lambda n: f"{n} {t(lang, f'reg_score_{n}')}")
                  for v in VALUES}
        lessons = st.text_area(t(lang, "reg_eval_lessons"), key=_form_key(entry, "eval_lessons"), max_chars=TEXT_MAX)
        submitted = st.form_submit_button(t(lang, "reg_eval_save"), key=_form_key(entry, "eval_save"), type="primary")
    if not submitted:
        return
    if not how.strip():
        st.warning(t(lang, "reg_need_how"))
        return
    evaluation = NewEvaluation(how_it_went=how, scores=scores, lessons=lessons)
    _write(lambda: add_evaluation(db, entry.id, evaluation, actor=user.actor, organisation=user.organisation),
           t(lang, "reg_eval_saved"), lang)


def _edit_choice(db: Database, user: User, entry: Entry, lang: str) -> None:
    s = entry.summary
    advice = stored_advice(entry.advice)
    rungs = [score.rung for score in advice.scores]  # the ladder as the advice knew it
    with st.expander(t(lang, "reg_edit_title")), st.form(_form_key(entry, "edit"), enter_to_submit=False):
        chosen = st.selectbox(t(lang, "reg_field_chosen"), rungs, index=rungs.index(s.chosen_rung or s.advised_rung),
                              key=_form_key(entry, "edit_chosen"), format_func=lambda r: rung_name(advice, r, lang))
        reason = st.text_area(t(lang, "reg_field_reason"), value=s.choice_reason or "", max_chars=2000,
                              key=_form_key(entry, "edit_reason"), help=t(lang, "reg_field_reason_help"))
        contact = st.text_input(t(lang, "reg_field_contact"), value=s.contact_person or "", max_chars=200,
                                key=_form_key(entry, "edit_contact"), help=t(lang, "reg_field_contact_help"))
        submitted = st.form_submit_button(t(lang, "reg_edit_save"), key=_form_key(entry, "edit_save"))
    if not submitted:
        return
    if chosen != s.advised_rung and not reason.strip():
        st.warning(t(lang, "reg_need_reason"))
        return
    _write(lambda: update_choice(db, entry.id, chosen, reason, contact, actor=user.actor,
                                 organisation=user.organisation), t(lang, "reg_edit_saved"), lang)


def _delete(db: Database, user: User, entry: Entry, lang: str) -> None:
    with st.expander(t(lang, "reg_delete_title")), st.form(_form_key(entry, "delete"), enter_to_submit=False):
        st.write(t(lang, "reg_delete_explain"))
        sure = st.checkbox(t(lang, "reg_delete_confirm"), key=_form_key(entry, "delete_sure"))
        submitted = st.form_submit_button(t(lang, "reg_delete_button"), key=_form_key(entry, "delete_go"))
    if not submitted:
        return
    if not sure:
        st.warning(t(lang, "reg_delete_need_confirm"))
        return
    _write(lambda: delete_entry(db, entry.id, actor=user.actor, organisation=user.organisation), t(lang, "reg_deleted"),
           lang)


def _contact_removal(db: Database, user: User, lang: str) -> None:
    """A person's right to erasure (AVG art. 17) in one step for the beheerder: find every entry that names them as
    contact, check the list, and empty the contact person in all of them."""
    with st.expander(t(lang, "reg_contact_title")):
        st.write(t(lang, "reg_contact_intro"))
        searched = st.text_input(t(lang, "reg_contact_search"), key=f"reg_contact_search:{st.session_state.get(ROUND_KEY, 0)}",
                                 max_chars=200, help=t(lang, "reg_contact_search_help", minimum=CONTACT_SEARCH_MINIMUM))
        if not searched.strip():
            return
        if len(searched.strip()) < CONTACT_SEARCH_MINIMUM:
            st.warning(t(lang, "reg_contact_too_short", minimum=CONTACT_SEARCH_MINIMUM))
            return
        found = entries_naming(db, searched, organisation=user.organisation)
        if not found:
            st.info(t(lang, "reg_contact_none"))
            return
        st.write(t(lang, "reg_contact_found", projects=_projects(len(found), lang)))
        headers = HEADERS[language(lang)]
        st.dataframe(pd.DataFrame({headers["number"]: [e.id for e in found],
                                   headers["project"]: [e.project_name for e in found],
                                   headers["contact"]: [e.contact_person for e in found]}),
                     hide_index=True, width="stretch")
        st.caption(t(lang, "reg_contact_free_text"))
        sure = st.checkbox(t(lang, "reg_contact_confirm"), key="reg_contact_sure")
        if not st.button(t(lang, "reg_contact_button"), key="reg_contact_go"):
            return
        if not sure:
            st.warning(t(lang, "reg_contact_need_confirm"))
            return
        _write(lambda: remove_contact_person(db, searched, actor=user.actor, organisation=user.organisation),
               t(lang, "reg_contact_removed", projects=_projects(len(found), lang)), lang)


def _projects(count: int, lang: str) -> str:
    return t(lang, "reg_projects_one") if count == 1 else t(lang, "reg_projects_many", count=count_text(count, lang))


def _write(action: Callable[[], object], done: str, lang: str) -> None:
    """One write; on success the page starts again with empty forms and says so; on failure the input stays."""
    try:
        action()
    except StorageError as error:
        if error.kind == "not_found":
            st.warning(t(lang, "reg_gone"))
        else:
            show_storage_error(error, lang)
        return
    st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1
    st.session_state[FLASH_KEY] = done
    st.rerun()


def _flash() -> None:
    """The message of the write that just succeeded (shown once, after the page has been rebuilt)."""
    done = st.session_state.pop(FLASH_KEY, None)
    if done:
        st.success(done, icon=":material/check_circle:")


def _audit_log(db: Database, lang: str) -> None:
    with st.expander(t(lang, "reg_log_title")):
        st.write(t(lang, "reg_log_intro"))
        shown = audit.DEFAULT_LIMIT  # read at every run, so a test can make it small
        entries = audit_entries(db, limit=shown + 1)  # one more than is shown: to know whether there are more
        if not entries:
            st.write(t(lang, "reg_log_empty"))
            return
        cut = f" {t(lang, 'reg_log_cut', limit=count_text(shown, lang))}" if len(entries) > shown else ""
        st.caption(t(lang, "reg_log_newest") + cut)
        st.dataframe(_audit_table(entries[:shown], lang), hide_index=True, width="stretch")
        # The whole log, read when the person clicks; the table above shows the newest rows only.
        st.download_button(t(lang, "reg_log_download"), key="reg_log_download", file_name=t(lang, "reg_log_title")
                           .lower().replace(" ", "-") + ".csv", mime="text/csv", on_click="ignore",
                           data=lambda: to_csv(_audit_table(audit_entries(db, limit=None), lang)))


def _audit_table(entries: list[AuditEntry], lang: str) -> pd.DataFrame:
    """The log in the page language: one row per change (the same table for the page and the CSV)."""
    return pd.DataFrame({
        t(lang, "reg_log_col_at"): [_local(e.at) for e in entries],
        t(lang, "reg_log_col_actor"): [_known(lang, f"reg_log_actor_{e.actor.kind}", e.actor.kind)
                                       + (f" {e.actor.id}" if e.actor.id else "") for e in entries],
        t(lang, "reg_log_col_action"): [_known(lang, f"reg_log_action_{e.action}", e.action) for e in entries],
        t(lang, "reg_log_col_subject"): [_subject(e, lang) for e in entries],
        t(lang, "reg_log_col_fields"): [", ".join(_field(name, lang) for name in e.fields) for e in entries],
    })


def _subject(entry: AuditEntry, lang: str) -> str:
    """A register entry by its number; a working group or member named as such, with its number."""
    if entry.subject_kind in ("group_session", "group_member"):
        if entry.subject_id is None:
            return t(lang, "reg_log_group_sessions")
        return t(lang, f"reg_log_{entry.subject_kind}", number=entry.subject_id)
    if entry.subject_kind.startswith(("network_", "scan")) and f"reg_log_{entry.subject_kind}" in UI:
        return t(lang, f"reg_log_{entry.subject_kind}", number=entry.subject_id or "")
    return t(lang, "reg_log_whole_register") if entry.subject_id is None else str(entry.subject_id)


def _local(moment: dt.datetime) -> str:
    return moment.astimezone(LOCAL_TIME).strftime("%d-%m-%Y %H:%M:%S")


def _field(name: str, lang: str) -> str:
    value = name.removeprefix("score_")
    if value != name and value in VALUES:
        return t(lang, "reg_log_field_score", value=t(lang, f"value_{value}"))
    for key in (f"plan_{name}", f"verslag_{name}"):  # a plan's or verslag's field: the form's own label
        if key in PLAN:
            label = PLAN.t(lang, key)
            return _known(lang, f"reg_log_field_{name}", label[:1].lower() + label[1:])
    return _known(lang, f"reg_log_field_{name}", name)


def _known(lang: str, key: str, fallback: str) -> str:
    """The text for a kind of actor, action or field; one the texts do not know yet (a newer version wrote it)
    is shown as stored, instead of breaking the page."""
    return t(lang, key) if key in UI else fallback


def render() -> None:
    lang = state.language()
    st.title(t(lang, "nav_register"), anchor=False)
    st.write(t(lang, "reg_intro"))
    db = database_or_stop(lang)
    user = login.user()
    try:
        everything = list_entries(db, organisation=user.organisation)
        if not everything:
            _flash()  # after deleting the last entry
            st.info(t(lang, "reg_empty"))
            st.page_link("ui/pages/advies.py", label=t(lang, "reg_go_advies"), icon=":material/arrow_forward:")
        else:
            names = RegisterNames.current(everything, state.sources().ids(), state.rule_set_for, lang)
            where = _filters(everything, names, lang)
            entries = list_entries(db, where, organisation=user.organisation)
            _overview(db, user, entries, len(everything), names, lang)
            _detail(db, user, entries, names, lang)
            if user.may("administer"):
                _contact_removal(db, user, lang)
        if user.may("administer"):
            _audit_log(db, lang)  # after the last delete too, the log shows what happened
    except StorageError as error:
        show_storage_error(error, lang)


render()

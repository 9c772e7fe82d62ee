"""The Plan page: from a register entry's advice to a participation plan the council can adopt, and later the
verslag of what was done with the input.

The first plan starts pre-filled from the stored advice and its rule-set snapshot (ladder.reports.plan_document);
every save is a new version (storage.plans), the page shows what changed since the one before, and older versions
stay readable. Downloads are rendered from the same Document as every other report. `?nummer=N` opens entry N.
Everything people typed is shown in form fields, tables (st.dataframe) or escaped before Markdown renders it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from ladder.analysis.register_check import snapshot_rule_set, stored_advice
from ladder.analysis.register_entry import EntrySummary
from ladder.plans.changes import changed_fields
from ladder.plans.model import RESPONSES, TEXT_LIMIT, InputResponse, Plan, PlanPhase, Turnout, Verslag
from ladder.reports import MEDIA_TYPES, document_file
from ladder.reports.document import Document
from ladder.reports.markdown import escape_markdown
from ladder.reports.plain_text import text_of
from ladder.reports.plan_document import draft_plan, draft_verslag, plan_document, verslag_document
from ladder.reports.plan_texts import PLAN
from ladder.rules.model import RuleSet
from ladder.text import date_text
from storage.database import Database
from storage.errors import StorageError
from storage.plans import Version, plan_versions, save_plan, save_verslag, verslag_versions
from storage.register import Entry, get_entry, list_entries
from storage.snapshots import get_snapshot
from ui import login, state
from ui.access import User
from ui.database import database_or_stop, show_storage_error
from ui.texts import t

ENTRY_PARAM = "nummer"
FLASH_KEY = "plan_flash"
ROUND_KEY = "plan_round"  # bumped after a save: the form is built again from the saved version


def _p(lang: str, key: str) -> str:
    return PLAN.t(lang, key)


def render() -> None:
    lang = state.language()
    st.title(t(lang, "nav_plan"), anchor=False)
    st.write(t(lang, "plan_intro"))
    db = database_or_stop(lang)
    user = login.user()
    try:
        entries = list_entries(db, organisation=user.organisation)
        if not entries:
            st.info(t(lang, "plan_no_entries"))
            st.page_link("ui/pages/advies.py", label=t(lang, "reg_go_advies"), icon=":material/arrow_forward:")
            return
        entry = _chosen_entry(db, user, entries, lang)
        if entry is None:
            return
        snapshot = get_snapshot(db, entry.summary.content_hash)
        if snapshot is None:
            st.warning(t(lang, "plan_no_snapshot"))
            return
        rule_set = snapshot_rule_set(snapshot)
        _flash()
        plan_tab, verslag_tab = st.tabs([t(lang, "plan_tab_plan"), t(lang, "plan_tab_verslag")])
        with plan_tab:
            plan = _plan(db, user, entry, rule_set, lang)
        with verslag_tab:
            _verslag(db, user, entry, plan, rule_set, lang)
    except StorageError as error:
        show_storage_error(error, lang)


def _chosen_entry(db: Database, user: User, entries: list[EntrySummary], lang: str) -> Entry | None:
    by_id = {e.id: e for e in entries}
    asked = st.query_params.get(ENTRY_PARAM, "")
    start = list(by_id).index(int(asked)) if asked.isdigit() and int(asked) in by_id else None
    chosen = st.selectbox(t(lang, "plan_pick"), list(by_id), index=start, key="plan_entry",
                          placeholder=t(lang, "reg_detail_placeholder"),
                          format_func=lambda i: f"{i} · {by_id[i].project_name} ({date_text(by_id[i].saved_on, lang)})")
    if chosen is None:
        return None
    st.query_params[ENTRY_PARAM] = str(chosen)  # a reload opens the same entry (a number, nothing personal)
    entry = get_entry(db, chosen, organisation=user.organisation)
    if entry is None:
        st.warning(t(lang, "reg_gone"))
    return entry


# --- the plan -------------------------------------------------------------------------------------------


def _plan(db: Database, user: User, entry: Entry, rule_set: RuleSet, lang: str) -> Plan | None:
    """The form for the plan (the latest version, or a draft from the advice), its history and its downloads;
    returns the latest saved plan, which the verslag starts from."""
    versions = plan_versions(db, entry.id, organisation=user.organisation)
    advice = stored_advice(entry.advice)
    if versions:
        current = versions[0].content
        st.caption(t(lang, "plan_version_line", version=versions[0].number, date=_day(versions[0], lang)))
    else:
        try:
            current = draft_plan(advice, rule_set, lang, entry.summary.project_name, entry.summary.chosen_rung)
        except ValueError:
            st.warning(t(lang, "plan_no_form"))
            return None
        st.info(t(lang, "plan_draft_note"))
    edited = _plan_form(current, rule_set, f"{entry.id}:{st.session_state.get(ROUND_KEY, 0)}", lang)
    if edited is not None:
        _save(lambda: save_plan(db, entry.id, edited, actor=user.actor, organisation=user.organisation),
              "plan_saved", lang)
    if versions:
        def document_of(version: Version[Plan]) -> Document:
            return plan_document(version.content, rule_set, lang, _saved_on(version), version.number)

        _history(versions, lang, "plan", document_of)
        _downloads(document_of(versions[0]), f"participatieplan-{entry.id}", lang, "plan")
    return versions[0].content if versions else None


def _plan_form(plan: Plan, rule_set: RuleSet, key: str, lang: str) -> Plan | None:
    """The plan as plain form fields; the new Plan when saved and valid, else None."""
    rungs = list(rule_set.rung_ids())
    with st.form(f"plan_form:{key}", enter_to_submit=False):
        project = st.text_input(_p(lang, "plan_project"), plan.project, max_chars=200, key=f"plan_project:{key}")
        texts: dict[str, str] = {}
        for name in ("question", "fixed", "decides", "committed"):
            texts[name] = _area(lang, name, getattr(plan, name), key)
        form = st.selectbox(_p(lang, "plan_form"), rungs, index=rungs.index(plan.form) if plan.form in rungs else 0,
                            format_func=lambda r: rule_set.rung(r).name.get(lang), key=f"plan_form_rung:{key}")
        for name in ("role", "promise", "commitment"):
            texts[name] = _area(lang, name, getattr(plan, name), key)
        st.markdown(f"**{_p(lang, 'plan_phases')}**")
        phases = st.data_editor(_phase_frame(plan, lang), key=f"plan_phases:{key}", hide_index=True, width="stretch",
                                num_rows="dynamic", column_config=_phase_columns(rungs, rule_set, lang))
        for name in ("groups", "rights", "formal_route"):
            texts[name] = _area(lang, name, getattr(plan, name), key)
        st.markdown(f"**{_p(lang, 'plan_planning')}**")
        left, right = st.columns(2)
        start = left.date_input(_p(lang, "plan_start"), plan.start, format="DD-MM-YYYY", key=f"plan_start:{key}")
        decision = right.date_input(_p(lang, "plan_decision_date"), plan.decision_date, format="DD-MM-YYYY",
                                    key=f"plan_decision_date:{key}")
        texts["feedback"] = _area(lang, "feedback", plan.feedback, key)
        left, right = st.columns(2)
        texts["budget"] = left.text_input(_p(lang, "plan_budget"), plan.budget, max_chars=TEXT_LIMIT,
                                          key=f"plan_budget:{key}")
        texts["staff"] = right.text_input(_p(lang, "plan_staff"), plan.staff, max_chars=TEXT_LIMIT,
                                          key=f"plan_staff:{key}")
        texts["evaluation"] = _area(lang, "evaluation", plan.evaluation, key)
        saved = st.form_submit_button(t(lang, "plan_save"), type="primary", key=f"plan_save:{key}")
    if not saved:
        return None
    try:
        return Plan(project=project.strip(), form=form, start=_date(start), decision_date=_date(decision),
                    phases=_phases(phases), **{k: v.strip() for k, v in texts.items()})
    except (ValidationError, ValueError):
        st.warning(t(lang, "plan_invalid"))
        return None


def _area(lang: str, name: str, value: str, key: str, kind: str = "plan") -> str:
    """A text field of the plan or the verslag (`kind`), labelled and explained as its document heads it."""
    hint = f"{kind}_{name}_hint"
    return st.text_area(_p(lang, f"{kind}_{name}"), value, max_chars=TEXT_LIMIT, key=f"{kind}_{name}:{key}",
                        help=_p(lang, hint) if hint in PLAN else None)


def _phase_frame(plan: Plan, lang: str) -> pd.DataFrame:
    return pd.DataFrame({"phase": [p.phase for p in plan.phases], "form": [p.form for p in plan.phases],
                         "methods": [p.methods for p in plan.phases], "note": [p.note for p in plan.phases]},
                        dtype="object")


def _phase_columns(rungs: list[str], rule_set: RuleSet, lang: str) -> dict[str, Any]:
    return {
        "phase": st.column_config.TextColumn(_p(lang, "plan_col_phase"), max_chars=100, required=True),
        "form": st.column_config.SelectboxColumn(_p(lang, "plan_col_form"), options=rungs, required=True,
                                                 format_func=lambda r: rule_set.rung(str(r)).name.get(lang)),
        "methods": st.column_config.TextColumn(_p(lang, "plan_col_methods"), max_chars=TEXT_LIMIT),
        "note": st.column_config.TextColumn(_p(lang, "plan_col_note"), max_chars=TEXT_LIMIT),
    }


def _phases(frame: pd.DataFrame) -> tuple[PlanPhase, ...]:
    return tuple(PlanPhase(phase=str(row["phase"]).strip(), form=str(row["form"]), methods=_cell(row["methods"]),
                           note=_cell(row["note"]))
                 for _, row in frame.iterrows() if _cell(row["phase"]))


def _cell(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()


def _date(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


# --- the verslag ----------------------------------------------------------------------------------------


def _verslag(db: Database, user: User, entry: Entry, plan: Plan | None, rule_set: RuleSet, lang: str) -> None:
    if plan is None:
        st.info(t(lang, "verslag_needs_plan"))
        return
    versions = verslag_versions(db, entry.id, organisation=user.organisation)
    current = versions[0].content if versions else draft_verslag(plan)
    if versions:
        st.caption(t(lang, "plan_version_line", version=versions[0].number, date=_day(versions[0], lang)))
    key = f"{entry.id}:{st.session_state.get(ROUND_KEY, 0)}"
    with st.form(f"verslag_form:{key}", enter_to_submit=False):
        asked = _area(lang, "asked", current.asked, key, "verslag")
        st.markdown(f"**{_p(lang, 'verslag_turnout')}**")
        st.caption(_p(lang, "verslag_turnout_hint"))
        turnout = st.data_editor(pd.DataFrame({"group": [g.group for g in current.turnout],
                                               "count": [g.count for g in current.turnout]}).astype(
                                                   {"group": "object", "count": "Int64"}),
                                 key=f"verslag_turnout:{key}", hide_index=True, num_rows="dynamic", width="stretch",
                                 column_config={
                                     "group": st.column_config.TextColumn(_p(lang, "verslag_col_group"), max_chars=200,
                                                                          required=True),
                                     "count": st.column_config.NumberColumn(_p(lang, "verslag_col_count"), min_value=0,
                                                                            max_value=10_000_000, step=1,
                                                                            required=True)})
        outcome = _area(lang, "outcome", current.outcome, key, "verslag")
        st.markdown(f"**{_p(lang, 'verslag_responses')}**")
        st.caption(_p(lang, "verslag_responses_hint"))
        responses = st.data_editor(pd.DataFrame({"input": [r.input for r in current.responses],
                                                 "response": [r.response for r in current.responses],
                                                 "reason": [r.reason for r in current.responses]}, dtype="object"),
                                   key=f"verslag_responses:{key}", hide_index=True, num_rows="dynamic", width="stretch",
                                   column_config={
                                       "input": st.column_config.TextColumn(_p(lang, "verslag_col_input"),
                                                                            max_chars=TEXT_LIMIT, required=True),
                                       "response": st.column_config.SelectboxColumn(
                                           _p(lang, "verslag_col_response"), options=list(RESPONSES), required=True,
                                           format_func=lambda r: _p(lang, f"verslag_response_{r}")),
                                       "reason": st.column_config.TextColumn(_p(lang, "verslag_col_reason"),
                                                                             max_chars=TEXT_LIMIT)})
        if plan.promise:
            st.caption(f"{_p(lang, 'verslag_promise_was')} {escape_markdown(plan.promise)}")
        kept = _area(lang, "promise_kept", current.promise_kept, key, "verslag")
        saved = st.form_submit_button(t(lang, "verslag_save"), type="primary", key=f"verslag_save:{key}")
    if saved:
        try:
            verslag = Verslag(
                asked=asked.strip(), outcome=outcome.strip(), promise_kept=kept.strip(),
                turnout=tuple(Turnout(group=_cell(r["group"]), count=int(r["count"])) for _, r in turnout.iterrows()
                              if _cell(r["group"])),
                responses=tuple(InputResponse(input=_cell(r["input"]), response=r["response"], reason=_cell(r["reason"]))
                                for _, r in responses.iterrows() if _cell(r["input"])))
        except (ValidationError, ValueError, TypeError):
            st.warning(t(lang, "plan_invalid"))
        else:
            _save(lambda: save_verslag(db, entry.id, verslag, actor=user.actor, organisation=user.organisation),
                  "verslag_saved", lang)
    if versions:
        def document_of(version: Version[Verslag]) -> Document:
            return verslag_document(version.content, plan, rule_set, lang, _saved_on(version), version.number)

        _history(versions, lang, "verslag", document_of)
        _downloads(document_of(versions[0]), f"verslag-participatie-{entry.id}", lang, "verslag")


# --- shared ---------------------------------------------------------------------------------------------


def _save(write: Callable[[], int], done: str, lang: str) -> None:
    try:
        number = write()
    except StorageError as error:
        show_storage_error(error, lang)  # what was typed stays in the form
        return
    st.session_state[ROUND_KEY] = st.session_state.get(ROUND_KEY, 0) + 1
    st.session_state[FLASH_KEY] = t(lang, done, version=number)
    st.rerun()


def _flash() -> None:
    done = st.session_state.pop(FLASH_KEY, None)
    if done:
        st.success(done, icon=":material/check_circle:")


def _history(versions: list[Version[Any]], lang: str, kind: str, document_of: Callable[[Version[Any]], Document],
             ) -> None:
    """What changed in the latest version, and every version as it was saved."""
    with st.expander(t(lang, "plan_history", count=len(versions))):
        if len(versions) > 1:
            changed = changed_fields(versions[1].content, versions[0].content)
            names = [_p(lang, f"{kind}_{name}") for name in changed if f"{kind}_{name}" in PLAN]
            st.write(t(lang, "plan_changed", version=versions[0].number, fields=", ".join(names) or "-"))
        st.dataframe(pd.DataFrame({t(lang, "plan_col_version"): [v.number for v in versions],
                                   t(lang, "plan_col_saved"): [_day(v, lang) for v in versions]}),
                     hide_index=True)
        numbers = [v.number for v in versions]
        shown = st.selectbox(t(lang, "plan_show_version"), numbers, index=None, key=f"{kind}_show_version")
        if shown is not None:
            st.text(text_of(document_of(next(v for v in versions if v.number == shown))))


DOWNLOAD_LABELS = {"odt": "advies_download_odt", "docx": "advies_download_docx", "pdf": "plan_download_pdf",
                   "md": "plan_download_md"}


def _downloads(document: Document, stem: str, lang: str, kind: str) -> None:
    """The document as ODT and DOCX (editable: the municipality reworks it), PDF and Markdown, made when clicked."""
    for column, format in zip(st.columns(len(MEDIA_TYPES)), MEDIA_TYPES, strict=True):
        column.download_button(t(lang, DOWNLOAD_LABELS[format]), key=f"{kind}_download_{format}",
                               file_name=f"{stem}.{format}", mime=MEDIA_TYPES[format], on_click="ignore",
                               data=partial(document_file, document, format))


def _saved_on(version: Version[Any]) -> dt.date:
    return version.saved_at.date()


def _day(version: Version[Any], lang: str) -> str:
    return date_text(version.saved_at.date(), lang)


render()

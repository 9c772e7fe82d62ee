"""The netwerkpartner-scan on the Netwerk page: a begeleider starts a round, members join by code and score the
statements alone (known by role only), and the begeleider sees the group's profile per building block with the
same numbers in a table, where the group differs, the dilemmas to discuss and the change since the last scan.

The chart has its numbers in a table right under it (WCAG 1.1.1). The profile is shown once at least MIN_PER_ROLE members submitted: with fewer, a spread would show one person's
scores. The scoring is ladder.network.scan; the storage, storage.scans.
"""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ladder.analysis.group import MIN_PER_ROLE, ROLES, role_name
from ladder.network.scan import BlockResult, Scan, dilemmas_for, load_scan, profile
from ladder.text import number_text
from storage.database import Database
from storage.errors import StorageError
from storage.scans import create_scan, join_scan, my_scan, previous_scores, save_scores, scan_results
from ui import state
from ui.access import User
from ui.charts.style import escape_table, plain, readable
from ui.database import show_storage_error
from ui.texts import t

MEMBER_KEY = "scan_member_code"
FACILITATOR_KEY = "scan_facilitator_code"
SHOW_KEY = "scan_show_codes"  # right after starting or joining: the codes, shown once
DONT_KNOW = "?"


@st.cache_resource
def _scan() -> Scan:
    return load_scan()


def scan_tab(db: Database, user: User, lang: str) -> None:
    scan = _scan()
    st.write(t(lang, "scan_intro"))
    st.caption(t(lang, "scan_source", source=scan.source))
    if shown := st.session_state.pop(SHOW_KEY, None):
        st.warning(t(lang, "scan_codes_once"))
        for label, code in shown:
            st.markdown(f"**{label}**")
            st.code(code, language=None)
    if user.may("facilitate"):
        _start(db, user, lang)
    if MEMBER_KEY in st.session_state:
        _answer(db, scan, st.session_state[MEMBER_KEY], lang)
    else:
        _join(db, lang)
    _results(db, scan, lang)


def _start(db: Database, user: User, lang: str) -> None:
    with st.expander(t(lang, "scan_start_title")), st.form("scan_start", enter_to_submit=False):
        title = st.text_input(t(lang, "scan_title"), max_chars=200, key="scan_title")
        if st.form_submit_button(t(lang, "scan_start")):
            try:
                created = create_scan(db, title, state.municipality(), created_by=user.actor if user.logged_in else None)
            except StorageError as error:
                show_storage_error(error, lang)
                return
            st.session_state[FACILITATOR_KEY] = created.facilitator_code
            st.session_state[SHOW_KEY] = [(t(lang, "scan_join_code"), created.join_code),
                                          (t(lang, "scan_facilitator_code"), created.facilitator_code)]
            st.rerun()


def _join(db: Database, lang: str) -> None:
    with st.expander(t(lang, "scan_join_title"), expanded=True), st.form("scan_join", enter_to_submit=False):
        code = st.text_input(t(lang, "scan_code"), max_chars=40, key="scan_code_input",
                             help=t(lang, "scan_code_help"))
        role = st.selectbox(t(lang, "scan_role"), ROLES, index=None, key="scan_role",
                            format_func=lambda r: role_name(r, lang), placeholder=t(lang, "scan_role_placeholder"))
        joined = st.form_submit_button(t(lang, "scan_join"))
    if not joined or not code.strip():
        return
    try:
        if role is None:  # no role: the code is a member's own, to come back with
            my_scan(db, code)
            st.session_state[MEMBER_KEY] = code.strip()
        else:
            member = join_scan(db, code, role)
            st.session_state[MEMBER_KEY] = member.member_code
            st.session_state[SHOW_KEY] = [(t(lang, "scan_member_code"), member.member_code)]
    except StorageError as error:
        show_storage_error(error, lang)
        return
    st.rerun()


def _answer(db: Database, scan: Scan, code: str, lang: str) -> None:
    try:
        round_, member = my_scan(db, code)
    except StorageError as error:
        show_storage_error(error, lang)
        st.session_state.pop(MEMBER_KEY, None)
        return
    st.subheader(plain(round_.title), anchor=False)
    scale = scan.scale
    options = [DONT_KNOW, *map(str, range(scale.lowest, scale.highest + 1))]
    st.caption(t(lang, "scan_scale", lowest=scale.lowest, lowest_label=scale.lowest_label.get(lang),
                 highest=scale.highest, highest_label=scale.highest_label.get(lang)))
    with st.form(f"scan_answers:{member.id}", enter_to_submit=False):
        chosen: dict[str, str] = {}
        for block in scan.blocks:
            st.markdown(f"**{block.name.get(lang)}**")
            for statement in block.statements:
                start = str(member.scores[statement.id]) if statement.id in member.scores else DONT_KNOW
                chosen[statement.id] = st.radio(
                    statement.text.get(lang), options, index=options.index(start), horizontal=True,
                    key=f"scan_q:{member.id}:{statement.id}",
                    format_func=lambda o: t(lang, "unknown_answer") if o == DONT_KNOW else o)
        left, right = st.columns(2)
        draft = left.form_submit_button(t(lang, "scan_save"))
        submit = right.form_submit_button(t(lang, "scan_submit"), type="primary")
    if draft or submit:
        scores = {k: int(v) for k, v in chosen.items() if v != DONT_KNOW}
        try:
            save_scores(db, code, scores, scan, submit=submit)
        except StorageError as error:
            show_storage_error(error, lang)
            return
        st.success(t(lang, "scan_submitted" if submit else "scan_saved"))
    elif member.submitted:
        st.info(t(lang, "scan_already_submitted"))
    if st.button(t(lang, "scan_leave"), key="scan_leave"):
        st.session_state.pop(MEMBER_KEY, None)
        st.rerun()


def _results(db: Database, scan: Scan, lang: str) -> None:
    with st.expander(t(lang, "scan_results_title"), expanded=FACILITATOR_KEY in st.session_state):
        code = st.session_state.get(FACILITATOR_KEY)
        if code is None:
            with st.form("scan_results_open", enter_to_submit=False):
                typed = st.text_input(t(lang, "scan_facilitator_code"), max_chars=60, key="scan_facilitator_input")
                if not st.form_submit_button(t(lang, "scan_open")) or not typed.strip():
                    return
            code = typed.strip()
        try:
            round_, members = scan_results(db, code)
        except StorageError as error:
            show_storage_error(error, lang)
            return
        st.session_state[FACILITATOR_KEY] = code
        submitted = [m.scores for m in members if m.submitted]
        st.subheader(plain(round_.title), anchor=False)
        st.write(t(lang, "scan_count", submitted=len(submitted), total=len(members)))
        if len(submitted) < MIN_PER_ROLE:
            st.info(t(lang, "scan_too_few", minimum=MIN_PER_ROLE))
            return
        before = profile(scan, previous_scores(db, round_))
        results = profile(scan, submitted, previous=before)
        _profile_chart(scan, results, lang)
        differing = [r for r in results if r.differs]
        if differing:
            st.markdown(f"**{t(lang, 'scan_differ_title')}**")
            for r in differing:
                st.markdown(f"- {plain(_block_name(scan, r.block, lang))}: "
                            + t(lang, "scan_differ", low=_number(r.lowest, lang), high=_number(r.highest, lang)))
        st.markdown(f"**{t(lang, 'scan_dilemmas_title')}**")
        for dilemma in dilemmas_for(scan, results):
            st.markdown(f"- {dilemma.text.get(lang)}")


def _profile_chart(scan: Scan, results: tuple[BlockResult, ...], lang: str) -> None:
    """Bars of the group's average per building block, and the same numbers in a table right under it."""
    names = [_block_name(scan, r.block, lang) for r in results]
    averages = [float(r.average) if r.average is not None else None for r in results]
    title = t(lang, "scan_chart_title")
    chart = go.Figure(go.Bar(x=averages, y=[plain(n) for n in names], orientation="h", marker_color="#01689b",
                             text=[_number(r.average, lang) for r in results], textposition="outside"))
    chart.update_layout(title=title, xaxis={"range": [0, scan.scale.highest], "title": t(lang, "scan_axis")},
                        yaxis={"autorange": "reversed"}, height=80 + 60 * len(results), margin={"l": 10, "r": 30})
    st.plotly_chart(readable(chart, lang), width="stretch", alt=title, config={"displaylogo": False})
    st.caption(t(lang, "chart_text"))
    st.table(escape_table(pd.DataFrame({
        t(lang, "scan_col_block"): names,
        t(lang, "scan_col_average"): [_number(r.average, lang) for r in results],
        t(lang, "scan_col_range"): [f"{_number(r.lowest, lang)}–{_number(r.highest, lang)}" for r in results],
        t(lang, "scan_col_change"): [_change(r.change, lang) for r in results],
    })), hide_index=True)


def _block_name(scan: Scan, block: str, lang: str) -> str:
    return next(b.name.get(lang) for b in scan.blocks if b.id == block)


def _number(value: Fraction | None, lang: str) -> str:
    return "–" if value is None else number_text(round(float(value), 1), lang)


def _change(value: Fraction | None, lang: str) -> str:
    if value is None:
        return t(lang, "scan_no_change")
    return ("+" if value > 0 else "") + _number(value, lang)

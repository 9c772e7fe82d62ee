"""The Portfolio page: upload many projects, score them under one to five frameworks, compare, download.

Everything is computed by ladder.analysis.portfolio (and the batch engine behind it); this page arranges it. The scored
result is kept in session_state, keyed by the file's bytes and the rule sets' content hashes: Streamlit reruns
this script on every click, and only a new file or another choice of rules scores again. Project names come
from the user's file: they are shown only in data tables (st.dataframe), which never read Markdown or HTML.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Literal

import pandas as pd
import streamlit as st

from ladder.analysis.portfolio import (
    CHECK_STAGE,
    MAX_COLUMNS,
    MAX_ROWS,
    TOP_DISAGREEMENTS,
    PortfolioError,
    PortfolioResult,
    agreement,
    bad_rows_frame,
    disagreements,
    distribution,
    framework_label,
    results_frame,
    score_file,
    write_results,
)
from ladder.reports.markdown import escape_markdown
from ladder.reports.spreadsheet import to_csv
from ladder.rules.model import RuleSet
from ladder.rules.problems import RuleSetError
from ladder.text import count_text
from ui import state
from ui.charts import portfolio as charts
from ui.charts.advice import Chart
from ui.charts.catalogue import table_height
from ui.charts.style import escape_table
from ui.downloads import PORTFOLIO_EXAMPLE as EXAMPLE
from ui.downloads import PORTFOLIO_TEMPLATE as TEMPLATE
from ui.texts import t

UPLOAD_MB = 50  # a 100,000-project CSV is about 18 MB; the server's maxUploadSize caps this
MAX_FRAMEWORKS = 5
ROWS_SHOWN = 10_000  # a longer table is in the downloads; the page stays quick to send
SOURCES = ("upload", "example")
SOURCE_KEY, CHOSEN_KEY, FILE_KEY, RESULT_KEY = "pf_source", "pf_chosen", "pf_file", "pf_result"
SOURCE_WIDGET, CHOSEN_WIDGET, UPLOAD_WIDGET = "pf_source_widget", "pf_frameworks_widget", "pf_upload_widget"
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class _Views:
    """What the page shows of a result in one language, built once and kept with it."""

    results: pd.DataFrame
    distribution: pd.DataFrame
    agreement: pd.DataFrame
    disagreements: pd.DataFrame
    bad_rows: pd.DataFrame


def render() -> None:
    lang = state.language()
    st.title(t(lang, "nav_portfolio"))
    state.keep_in_url()
    st.write(t(lang, "pf_intro"))

    st.header(t(lang, "pf_file_title"))
    source = _choose_file(lang)
    st.header(t(lang, "pf_rules_title"))
    rule_sets = _choose_rule_sets(lang)
    if not rule_sets:
        st.info(t(lang, "pf_choose_one"))
        return
    if source is None:
        st.info(t(lang, "pf_no_file"))
        return

    st.header(t(lang, "pf_results_title"))
    outcome = _scored(*source, rule_sets, lang)
    if isinstance(outcome, PortfolioError):
        st.error(t(lang, "pf_cannot_use"))
        st.text(outcome.message.get(lang))
        return
    views = _views(outcome, lang)
    portfolio = outcome.portfolio
    columns = st.columns(3)
    columns[0].metric(t(lang, "pf_metric_scored"), count_text(len(portfolio.rows), lang))
    columns[1].metric(t(lang, "pf_metric_skipped"), count_text(len(portfolio.bad_rows), lang))
    columns[2].metric(t(lang, "pf_metric_frameworks"), len(rule_sets))
    _notices(outcome, lang)
    _bad_rows(views, lang)
    if not len(portfolio.rows):
        st.error(t(lang, "pf_nothing_scored"))
        return
    tabs = st.tabs([t(lang, f"pf_tab_{name}") for name in ("distribution", "agreement", "disagreements", "all",
                                                           "download")])
    with tabs[0]:
        _distribution(views, lang)
    with tabs[1]:
        _agreement(views, lang)
    with tabs[2]:
        _disagreements(views, lang)
    with tabs[3]:
        st.write(t(lang, "pf_all_intro"))
        _data_table(views.results, lang)
    with tabs[4]:
        _downloads(outcome, views, lang)


# --- choosing -------------------------------------------------------------------------------------


def _keep(widget_key: str, own_key: str) -> None:
    """A widget's value disappears when the visitor visits another page: keep it under our own key."""
    st.session_state[own_key] = st.session_state[widget_key]


def _keep_upload() -> None:
    upload = st.session_state[UPLOAD_WIDGET]
    st.session_state[FILE_KEY] = (upload.name, upload.getvalue()) if upload is not None else None


def _choose_file(lang: str) -> tuple[str, bytes] | None:
    """The file to score as (name, bytes): an upload (kept across pages) or the example."""
    source = st.radio(t(lang, "pf_source"), SOURCES, key=SOURCE_WIDGET, horizontal=True,
                      index=SOURCES.index(st.session_state.get(SOURCE_KEY, "upload")),
                      format_func=lambda s: t(lang, f"pf_source_{s}"), on_change=_keep, args=(SOURCE_WIDGET, SOURCE_KEY))
    chosen: tuple[str, bytes] | None
    if source == "upload":
        limit = min(UPLOAD_MB, int(st.get_option("server.maxUploadSize")))
        st.file_uploader(t(lang, "pf_upload"), type=["csv", "xlsx"], key=UPLOAD_WIDGET, max_upload_size=limit,
                         help=t(lang, "pf_upload_help"), on_change=_keep_upload)
        st.caption(t(lang, "pf_upload_limit", limit=limit, rows=count_text(MAX_ROWS, lang),
                     columns=count_text(MAX_COLUMNS, lang)))
        chosen = st.session_state.get(FILE_KEY)
        if chosen is not None and st.session_state.get(UPLOAD_WIDGET) is None:
            size = max(1, round(len(chosen[1]) / 1024))
            st.caption(escape_markdown(t(lang, "pf_kept_file", name=chosen[0], size=count_text(size, lang))))  # the name is the user's
    else:
        chosen = (EXAMPLE.name, EXAMPLE.read_bytes())
    left, right = st.columns(2)
    left.download_button(t(lang, "pf_template_download"), data=TEMPLATE.read_bytes(), file_name=TEMPLATE.name,
                         mime=CSV_MIME, on_click="ignore", key="pf_template")
    right.download_button(t(lang, "pf_example_download"), data=EXAMPLE.read_bytes(), file_name=EXAMPLE.name,
                          mime=CSV_MIME, on_click="ignore", key="pf_example")
    with st.expander(t(lang, "pf_columns_title")):
        st.write(t(lang, "pf_columns_intro"))
        try:
            _data_table(charts.columns_table(state.rule_set_for(state.municipality()), lang), lang)
        except RuleSetError:
            pass  # the sidebar's rules are broken: the rule-set choice below says so
    return chosen


def _name(municipality_id: str, lang: str) -> str:
    try:
        return state.rule_set_for(municipality_id).name.get(lang)
    except RuleSetError:
        return municipality_id


def _choose_rule_sets(lang: str) -> list[RuleSet]:
    known = state.sources().ids()
    default = [m for m in st.session_state.get(CHOSEN_KEY, [state.municipality()]) if m in known]
    chosen = st.multiselect(t(lang, "pf_frameworks"), known, default=default, key=CHOSEN_WIDGET,
                            max_selections=MAX_FRAMEWORKS, help=t(lang, "pf_frameworks_help"),
                            format_func=lambda m: _name(m, lang), on_change=_keep, args=(CHOSEN_WIDGET, CHOSEN_KEY))
    rule_sets = state.rule_sets_for(chosen, lang)
    if len(rule_sets) < len(chosen):  # every chosen framework must score the same projects
        st.stop()
    return rule_sets


# --- scoring (once per file and choice of rules) -----------------------------------------------


def _scored(name: str, data: bytes, rule_sets: list[RuleSet], lang: str) -> PortfolioResult | PortfolioError:
    key = (hashlib.sha256(data).hexdigest(), name.lower(), tuple((rs.id, rs.content_hash) for rs in rule_sets))
    kept = st.session_state.get(RESULT_KEY)
    if kept is not None and kept["key"] == key:
        return kept["outcome"]
    bar = st.progress(0, text=t(lang, "pf_progress_read"))
    labels = {rs.id: framework_label(rs, lang) for rs in rule_sets}
    shown = {"percent": -1}

    def progress(fraction: float, stage: str) -> None:
        percent = min(100, int(100 * fraction))
        if percent == shown["percent"]:
            return  # each update is a message to the browser: only when the number changes
        shown["percent"] = percent
        text = (t(lang, "pf_progress_check", percent=percent) if stage == CHECK_STAGE
                else t(lang, "pf_progress_score", name=labels.get(stage, stage), percent=percent))
        bar.progress(percent, text=text)

    outcome: PortfolioResult | PortfolioError
    try:
        outcome = score_file(data, name, rule_sets, progress)
    except PortfolioError as error:
        outcome = error
    bar.empty()
    st.session_state[RESULT_KEY] = {"key": key, "outcome": outcome, "views": {}}  # only the latest: bounded memory
    return outcome


def _views(result: PortfolioResult, lang: str) -> _Views:
    kept = st.session_state[RESULT_KEY]["views"]
    if lang not in kept:
        kept[lang] = _Views(results=results_frame(result, lang), distribution=distribution(result, lang),
                            agreement=agreement(result, lang), disagreements=disagreements(result, lang),
                            bad_rows=bad_rows_frame(result.portfolio.bad_rows, lang))
    return kept[lang]


# --- showing --------------------------------------------------------------------------------------


def _data_table(table: pd.DataFrame, lang: str) -> None:
    """A data table (never reads Markdown or HTML); a very long one shows its first rows and says so."""
    if len(table) > ROWS_SHOWN:
        st.caption(t(lang, "pf_rows_capped", shown=count_text(ROWS_SHOWN, lang), total=count_text(len(table), lang)))
        table = table.head(ROWS_SHOWN)
    # up to 20 rows (the largest differences, a few skipped rows) all in view; longer tables scroll
    height: int | Literal["auto"] = table_height(len(table)) if len(table) <= TOP_DISAGREEMENTS else "auto"
    st.dataframe(table, hide_index=True, width="stretch", height=height)


def _chart(chart: Chart, alt: str, lang: str) -> None:
    st.plotly_chart(chart.figure, width="stretch", alt=alt, config={"displaylogo": False})
    st.caption(t(lang, "chart_text"))
    st.table(escape_table(chart.table), hide_index=True)  # rule-set texts, escaped: st.table reads Markdown


def _notices(result: PortfolioResult, lang: str) -> None:
    notices = result.portfolio.notices
    if notices:
        st.subheader(t(lang, "pf_notices_title"))
        # column names come from the user's file: escaped before Markdown shows them
        st.info("\n".join(f"- {escape_markdown(n.get(lang))}" for n in notices))


def _bad_rows(views: _Views, lang: str) -> None:
    st.subheader(t(lang, "pf_bad_rows_title"))
    if views.bad_rows.empty:
        st.write(t(lang, "pf_no_bad_rows"))
        return
    st.warning(t(lang, "pf_bad_rows_intro"))
    _data_table(views.bad_rows, lang)


def _distribution(views: _Views, lang: str) -> None:
    title = t(lang, "pf_distribution_title")
    st.caption(t(lang, "pf_distribution_caption"))
    _chart(charts.distribution_chart(views.distribution, lang, title), title, lang)


def _agreement(views: _Views, lang: str) -> None:
    if len(views.agreement) < 2:
        st.info(t(lang, "pf_agreement_single"))
        return
    title = t(lang, "pf_agreement_title")
    st.caption(t(lang, "pf_agreement_caption"))
    _chart(charts.agreement_chart(views.agreement, lang, title), title, lang)


def _disagreements(views: _Views, lang: str) -> None:
    st.write(t(lang, "pf_disagreements_intro", top=TOP_DISAGREEMENTS))
    if views.disagreements.empty:
        st.info(t(lang, "pf_no_disagreements"))
        return
    _data_table(views.disagreements, lang)


def _downloads(result: PortfolioResult, views: _Views, lang: str) -> None:
    st.write(t(lang, "pf_download_intro"))
    stem = t(lang, "pf_file_results")
    columns = st.columns(3)
    # data= as a function: the files are built only when someone clicks
    columns[0].download_button(t(lang, "pf_download_csv"), data=lambda: to_csv(views.results), file_name=f"{stem}.csv",
                               mime=CSV_MIME, on_click="ignore", key="pf_download_csv")
    columns[1].download_button(t(lang, "pf_download_xlsx"), data=lambda: write_results(result, lang, xlsx=True),
                               file_name=f"{stem}.xlsx", mime=XLSX_MIME, on_click="ignore", key="pf_download_xlsx")
    if not views.bad_rows.empty:
        columns[2].download_button(t(lang, "pf_download_bad"), data=lambda: to_csv(views.bad_rows),
                                   file_name=f"{t(lang, 'pf_file_bad_rows')}.csv", mime=CSV_MIME, on_click="ignore",
                                   key="pf_download_bad")


render()

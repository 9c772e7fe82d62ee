"""The regels page: the chosen rule set as people read it, a checker for rule files, and a template.

Rule-set texts are escaped before Markdown shows them. What a visitor pastes or uploads is shown only in
tables, st.text and st.code, which never read Markdown or HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from ladder.reports.markdown import escape_markdown
from ladder.rules.loading import load_rule_set_bytes, load_rule_set_text
from ladder.rules.model import RuleSet
from ladder.rules.problems import Problem, RuleSetError
from ladder.text import number_text
from ui import state
from ui.charts import catalogue as catalogue_charts
from ui.charts import rules as charts
from ui.downloads import RULE_SET_TEMPLATE as TEMPLATE
from ui.texts import t

TEXT_KEY = "regels_check_text"
UPLOAD_KEY = "regels_check_upload"
_PROBLEM_ROW_PX = 66
_TABS = ("about", "questions", "weights", "kaders", "contacts", "check", "template")


def render() -> None:
    lang = state.language()
    st.title(t(lang, "nav_regels"))
    state.keep_in_url()
    st.write(t(lang, "regels_intro"))
    tabs = dict(zip(_TABS, st.tabs([t(lang, f"regels_tab_{tab}") for tab in _TABS]), strict=True))
    # The checker and the template do not need the chosen rules: they stay usable when those are broken.
    with tabs["check"]:
        _check(lang)
    with tabs["template"]:
        _template(lang)
    with tabs["about"]:
        rule_set = state.rule_set_or_stop(lang)
        _about(rule_set, lang)
    for tab, show in (("questions", _questions), ("weights", _weights), ("kaders", _kaders), ("contacts", _contacts)):
        with tabs[tab]:
            show(rule_set, lang)


def _table(table: pd.DataFrame | Styler, **options: Any) -> None:
    """A data table tall enough for every row: it never reads Markdown or HTML, so any text shows as it is."""
    rows = len(table.data if isinstance(table, Styler) else table)
    st.dataframe(table, height=catalogue_charts.table_height(rows), **options)


def _about(rule_set: RuleSet, lang: str) -> None:
    st.subheader(escape_markdown(rule_set.name.get(lang)))
    if rule_set.description:
        st.write(escape_markdown(rule_set.description.get(lang)))
    if rule_set.illustration:
        disclaimer = rule_set.disclaimer
        st.warning(t(lang, "illustration_note", disclaimer=escape_markdown(disclaimer.get(lang))) if disclaimer
                   else t(lang, "regels_illustration_note"))
    _table(charts.summary_table(rule_set, lang), hide_index=True)
    st.subheader(t(lang, "regels_hash_header"))
    st.code(rule_set.content_hash[: charts.SHORT_HASH], language=None)
    st.write(t(lang, "regels_hash_explain"))
    st.subheader(t(lang, "regels_lineage_header"))
    st.write(t(lang, "regels_lineage_explain"))
    _table(charts.lineage_table(rule_set, lang), hide_index=True)
    if rule_set.sources:
        st.subheader(t(lang, "regels_sources"))
        st.markdown("\n".join(f"- {escape_markdown(source)}" for source in rule_set.sources))


def _questions(rule_set: RuleSet, lang: str) -> None:
    st.write(t(lang, "regels_questions_intro"))
    for trait in rule_set.traits:
        with st.expander(escape_markdown(f"{trait.short_name(lang)}: {trait.question.get(lang)}")):
            st.write(escape_markdown(trait.help.get(lang)))
            if trait.multiple:
                st.write(t(lang, "regels_multiple"))
            _table(charts.options_table(trait, lang), hide_index=True)
    if rule_set.disabled_traits:
        st.write(t(lang, "regels_disabled_traits", traits=escape_markdown(", ".join(rule_set.disabled_traits))))


def _weights(rule_set: RuleSet, lang: str) -> None:
    st.write(t(lang, "regels_weights_intro"))
    table = charts.weight_table(rule_set, lang)
    st.plotly_chart(charts.weights_heatmap(table, lang), width="stretch", alt=t(lang, "regels_weights_chart_alt"))
    if rule_set.goal_route is not None:
        question = rule_set.trait(rule_set.goal_route.trait).short_name(lang)
        st.write(t(lang, "regels_goal_not_weighed", question=escape_markdown(question)))
    st.write(t(lang, "regels_weights_table"))
    rungs = [rung.name.get(lang) for rung in rule_set.rungs]
    # A styler shows the numbers as the heatmap writes them (1,5 in Dutch) and keeps them sortable.
    styled = table.style.format(lambda value: number_text(value, lang), subset=rungs)
    widths = {rung: st.column_config.NumberColumn(width="small") for rung in rungs}
    _table(styled, column_config=widths | {t(lang, "regels_col_why"): st.column_config.TextColumn(width="large")})


def _kaders(rule_set: RuleSet, lang: str) -> None:
    st.write(t(lang, "regels_kaders_intro"))
    if not rule_set.kaders:
        st.info(t(lang, "regels_no_kaders"))
        return
    for effect in ("max", "min", "exclude", "warning"):
        kaders = [k for k in rule_set.kaders if k.effect == effect]
        if kaders:
            st.subheader(t(lang, f"regels_kaders_{effect}"))
            st.markdown("\n".join(f"- {escape_markdown(charts.kader_sentence(k, rule_set, lang))}" for k in kaders))


def _contacts(rule_set: RuleSet, lang: str) -> None:
    st.subheader(t(lang, "regels_contacts_header"))
    for contact in rule_set.contacts:
        with st.container(border=True):
            st.markdown(f"**{escape_markdown(contact.name)}**: {escape_markdown(contact.role.get(lang))}  \n"
                        f"{t(lang, 'regels_contact_how')}: {escape_markdown(contact.how)}  \n"
                        f"{t(lang, 'regels_contact_when')}: {escape_markdown(contact.when.get(lang))}")
    if not rule_set.contacts:
        st.info(t(lang, "regels_no_contacts"))
    st.subheader(t(lang, "regels_escalation_header"))
    st.write(escape_markdown(rule_set.escalation.get(lang)) if rule_set.escalation else t(lang, "regels_no_escalation"))
    st.subheader(t(lang, "regels_policy_header"))
    for reference in rule_set.policy_references:
        with st.container(border=True):
            st.markdown(f"**{escape_markdown(reference.title)}**")
            if reference.note:
                st.write(escape_markdown(reference.note.get(lang)))
            _address(reference.url)
    if not rule_set.policy_references:
        st.info(t(lang, "regels_no_policy"))


def _address(url: str | None) -> None:
    """A web address as a link showing the address itself; any other address only as text."""
    link = charts.web_link(url)
    if link:
        st.link_button(escape_markdown(link), link, icon=":material/open_in_new:")
    elif url:
        st.text(url)


def _check(lang: str) -> None:
    st.write(t(lang, "regels_check_intro"))
    text = st.text_area(t(lang, "regels_check_paste"), key=TEXT_KEY, placeholder=t(lang, "regels_check_placeholder"),
                        height=220)
    st.write(t(lang, "regels_check_paste_hint"))
    upload = st.file_uploader(t(lang, "regels_check_upload"), type=["yaml", "yml"], key=UPLOAD_KEY, max_upload_size=1)
    st.write(t(lang, "regels_check_upload_hint"))
    if text.strip():
        name = t(lang, "regels_check_pasted_file")
        _check_result(t(lang, "regels_check_result_pasted"), lambda: load_rule_set_text(text, name, state.sources()), lang)
    if upload is not None:
        heading = t(lang, "regels_check_result_file", name=escape_markdown(upload.name))
        _check_result(heading, lambda: load_rule_set_bytes(upload.getvalue(), upload.name, state.sources()), lang)


def _check_result(heading: str, load: Callable[[], RuleSet], lang: str) -> None:
    st.subheader(heading)
    try:
        rule_set = load()
    except RuleSetError as error:
        _problems(error.problems, lang)
        return
    st.success(t(lang, "regels_check_ok"))
    _table(charts.summary_table(rule_set, lang), hide_index=True)


def _problems(problems: list[Problem], lang: str) -> None:
    count = len(problems)
    st.error(t(lang, "regels_check_failed_one") if count == 1 else t(lang, "regels_check_failed_many", count=count))
    table = charts.problem_table(problems, lang)
    # Messages with a list of ids are long: rows of three lines let the grid wrap them instead of cutting them off.
    height = catalogue_charts.table_height(0) + len(table) * _PROBLEM_ROW_PX
    st.dataframe(table, hide_index=True, row_height=_PROBLEM_ROW_PX, height=height, placeholder="",
                 column_config={t(lang, "regels_col_line"): st.column_config.NumberColumn(width="small"),
                                t(lang, "regels_col_problem"): st.column_config.TextColumn(width="large")})
    with st.expander(t(lang, "regels_check_as_text")):
        st.code("\n".join(p.describe(lang) for p in problems), language=None, wrap_lines=True)


def _template(lang: str) -> None:
    st.write(t(lang, "regels_template_intro"))
    template = TEMPLATE.read_bytes()
    st.download_button(t(lang, "regels_template_download"), data=template, file_name=TEMPLATE.name,
                       mime="application/x-yaml", icon=":material/download:")
    with st.expander(t(lang, "regels_template_show")):
        st.code(template.decode("utf-8"), language="yaml")


render()

"""The ladder page: every rung of the chosen rule set, the crosswalk, the roles and the working methods.

Rule-set texts may come from anyone's YAML file: they are escaped before Markdown shows them (st.table
reads Markdown too); data tables (st.dataframe) never read Markdown and show them as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from ladder.reports.markdown import escape_markdown
from ladder.rules.model import VALUES, RuleSet, Rung
from ui import state
from ui.charts import catalogue as charts
from ui.charts.style import escape_table
from ui.texts import t


def render() -> None:
    lang = state.language()
    st.title(t(lang, "nav_ladder"), anchor=False)
    rule_set = state.rule_set_or_stop(lang)
    st.write(t(lang, "ladder_intro", name=escape_markdown(rule_set.name.get(lang))))
    if rule_set.illustration and rule_set.disclaimer:
        st.info(t(lang, "illustration_note", disclaimer=escape_markdown(rule_set.disclaimer.get(lang))))
    _rungs(rule_set, lang)
    _crosswalk(rule_set, lang)
    _values(rule_set, lang)
    _roles(rule_set, lang)
    _methods(rule_set, lang)
    state.keep_in_url()


def _rungs(rule_set: RuleSet, lang: str) -> None:
    st.header(t(lang, "ladder_rungs_header"), anchor=False)
    st.write(t(lang, "ladder_rungs_intro"))
    for number, rung in enumerate(rule_set.rungs, 1):
        label = t(lang, "ladder_rung_label", number=number, name=rung.name.get(lang))
        with st.expander(escape_markdown(label)):
            _rung_details(rung, lang)


def _rung_details(rung: Rung, lang: str) -> None:
    for key, text in (("ladder_description", rung.description), ("rung_stance", rung.stance), ("rung_role", rung.role),
                      ("promise", rung.promise), ("commitment", rung.commitment)):
        st.markdown(f"**{t(lang, key)}**  \n{escape_markdown(text.get(lang))}")
    if rung.pitfalls:
        pitfalls = "\n".join(f"- {escape_markdown(p.get(lang))}" for p in rung.pitfalls)
        st.markdown(f"**{t(lang, 'rung_pitfalls')}**\n\n{pitfalls}")
    values = "\n".join(
        f"- **{label}: {getattr(rung.values, v).score}**. {escape_markdown(getattr(rung.values, v).why.get(lang))}"
        for v, label in zip(VALUES, charts.value_labels(lang), strict=True)
    )
    st.markdown(f"**{t(lang, 'ladder_rung_values')}**\n\n{values}")
    crosswalk = t(lang, "rung_crosswalk", iap2=rung.crosswalk.iap2, arnstein=rung.crosswalk.arnstein,
                  klassiek=rung.crosswalk.klassieke_ladder)
    st.markdown(escape_markdown(crosswalk))


def _crosswalk(rule_set: RuleSet, lang: str) -> None:
    st.header(t(lang, "ladder_crosswalk_header"), anchor=False)
    st.write(t(lang, "ladder_crosswalk_intro"))
    # A static table wraps the long Arnstein names, where a data grid would cut them off.
    st.table(escape_table(charts.crosswalk_table(rule_set, lang)), hide_index=True)


def _values(rule_set: RuleSet, lang: str) -> None:
    st.header(t(lang, "ladder_values_header"), anchor=False)
    st.write(t(lang, "ladder_values_intro"))
    st.markdown("\n".join(f"- {t(lang, f'ladder_value_help_{v}')}" for v in VALUES))
    table = charts.rung_values_table(rule_set, lang)
    _chart_with_table(charts.score_heatmap(table, t(lang, "ladder_values_chart_title"), lang), table,
                      t(lang, "ladder_values_chart_alt"), lang)


def _roles(rule_set: RuleSet, lang: str) -> None:
    st.header(t(lang, "roles_header"), anchor=False)
    st.write(t(lang, "ladder_roles_intro"))
    for role in rule_set.roles:
        with st.container(border=True):
            st.markdown(f"**{escape_markdown(role.name.get(lang))}**  \n"
                        f"{escape_markdown(role.description.get(lang))}")
            st.markdown(f"*{t(lang, 'fits_when')}:* {escape_markdown(role.fits_when.get(lang))}")


def _methods(rule_set: RuleSet, lang: str) -> None:
    st.header(t(lang, "ladder_methods_header"), anchor=False)
    st.write(t(lang, "ladder_methods_intro"))
    wanted = _method_filter(rule_set, lang)
    shown = charts.filter_methods(rule_set.werkvormen, wanted)
    st.write(t(lang, "ladder_methods_count", shown=len(shown), total=len(rule_set.werkvormen)))
    if not shown:
        st.warning(t(lang, "ladder_methods_none"))
        return
    _table(charts.methods_table(shown, rule_set, lang),
           column_config={t(lang, key): st.column_config.TextColumn(width=width) for key, width in charts.METHOD_COLUMNS})
    st.subheader(t(lang, "ladder_methods_values_header"), anchor=False)
    values = charts.method_values_table(shown, lang)
    _chart_with_table(charts.score_heatmap(values, t(lang, "ladder_methods_chart_title"), lang), values,
                      t(lang, "ladder_methods_chart_alt"), lang)


def _method_filter(rule_set: RuleSet, lang: str) -> charts.MethodFilter:
    """One multiselect per attribute, keyed per rule set: rungs and scales differ between municipalities."""
    rung_names = {rung.id: rung.name.get(lang) for rung in rule_set.rungs}
    scales = charts.scale_labels(rule_set, lang)
    choices: dict[str, tuple[list[str], Callable[[str], str]]] = {
        "rungs": (list(rung_names), rung_names.__getitem__),
        "schaal": (charts.scale_options(rule_set), lambda s: scales.get(s, s)),
        **{attribute: (list(values), partial(charts.attribute_label, lang, attribute))
           for attribute, values in charts.ATTRIBUTE_VALUES.items()},
    }
    chosen: dict[str, tuple[str, ...]] = {}
    # Rung and scale names are long: they get a row of their own, two wide boxes.
    columns = [*st.columns(2), *st.columns(3)]
    for column, (attribute, (options, label)) in zip(columns, choices.items(), strict=True):
        with column:
            chosen[attribute] = tuple(st.multiselect(
                t(lang, f"ladder_filter_{attribute}"), options, format_func=label,
                placeholder=t(lang, f"ladder_any_{attribute}"), key=f"ladder_filter_{attribute}:{rule_set.id}",
            ))
    return charts.MethodFilter(**chosen)


def _chart_with_table(figure: go.Figure, table: pd.DataFrame, alt: str, lang: str) -> None:
    """The chart, with the same numbers right below it as a table (side by side, both were too narrow)."""
    st.plotly_chart(figure, width="stretch", alt=alt)
    st.caption(t(lang, "chart_text"))
    _table(table)


def _table(table: pd.DataFrame, column_config: dict[str, Any] | None = None) -> None:
    st.dataframe(table, hide_index=True, height=charts.table_height(len(table)), column_config=column_config)


render()

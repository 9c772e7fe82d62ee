"""How an advice is shown on a page: the headline card, charts with their tables, what weighed, the kaders and
"why not ...?". Shared by the Advies page and the working group's joint advice, so both explain it the same way.

Everything comes from the engine's Advice; texts from the rule set are escaped before Markdown renders them.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ladder.engine.advice import Advice
from ladder.engine.why_not import why_not
from ladder.reports.advice_document import verdict
from ladder.reports.chart_data import MARK_KEYS, runner_up_of
from ladder.reports.document import BulletList, Paragraph, Section, flat
from ladder.reports.markdown import escape_markdown
from ladder.reports.sentences import Labels, kader_heading, margin_sentence
from ui.charts.advice import Chart, contributions_chart, ladder_chart
from ui.charts.style import escape_table
from ui.texts import t


def headline(advice: Advice, labels: Labels, extra: str | None = None) -> None:
    """The card on top, said as the report's verdict says it: the advised form and its status, what to answer first
    or arrange, the municipal role and its hats, why in one sentence; then how firm. `extra` adds a line."""
    lang = labels.lang
    card = verdict(advice, labels, paper=False)
    with st.container(border=True):
        st.subheader(escape_markdown(card.title))
        for item in card.items:
            st.markdown(escape_markdown(flat(item.text)))
            if item.detail:
                st.caption(escape_markdown(item.detail))
        if advice.form is not None:
            margin = margin_sentence(advice, labels) or t(lang, "advies_no_margin")
            st.markdown(escape_markdown(t(lang, "advies_firmness", label=t(lang, "robust_" + advice.robustness),
                                          margin=margin)))
        if extra:
            st.markdown(escape_markdown(extra))


def sections(found: list[Section]) -> None:
    """Report sections on the page as the report has them: a heading, then its paragraphs and lists (a point's
    detail in small type under it). These sections hold no tables."""
    for section in found:
        st.subheader(escape_markdown(section.heading))
        for block in section.blocks:
            if isinstance(block, Paragraph):
                st.markdown(escape_markdown(" ".join(block.lines)))
            elif isinstance(block, BulletList):
                if block.intro:
                    st.markdown(escape_markdown(block.intro))
                st.markdown("\n".join(f"- {escape_markdown(flat(i.text))}" + (f"  \n  *{escape_markdown(i.detail)}*"
                                                                          if i.detail else "") for i in block.items))


def table(frame: pd.DataFrame) -> None:
    """st.table reads Markdown in every cell: rule-set texts are escaped so they show as they are."""
    st.table(escape_table(frame), hide_index=True)


def chart(figure: Chart, alt: str, lang: str) -> None:
    """A chart with its text equivalent right below it: the table says the same in words and numbers."""
    st.plotly_chart(figure.figure, width="stretch", alt=alt, config={"displaylogo": False})
    st.caption(t(lang, "chart_text"))
    table(figure.table)


def explanation(advice: Advice, labels: Labels) -> None:
    """The ladder, what weighed most, the kaders, and why not each other form."""
    lang = labels.lang
    runner_up = runner_up_of(advice)
    marks: dict[str, str] = {m: t(lang, f"advies_mark_{m}") for m in MARK_KEYS}
    title = t(lang, "advies_ladder_title")
    st.caption(t(lang, "advies_ladder_caption"))
    chart(ladder_chart(advice, labels, marks, (t(lang, "advies_col_rung"), t(lang, "advies_col_score"),
                                                t(lang, "advies_col_status")), title), title, lang)

    rung = labels.rung(advice.recommended)
    columns: tuple[str, ...]  # five with a runner-up, four without
    if runner_up:
        other = labels.rung(runner_up)
        title = t(lang, "advies_contrib_title", rung=rung, runner_up=other)
        caption = t(lang, "advies_contrib_caption", rung=rung, runner_up=other)
        columns = (t(lang, "advies_col_answer"), t(lang, "advies_col_lead"), t(lang, "advies_col_points_advised", rung=rung),
                   t(lang, "advies_col_points_runner_up", rung=other), t(lang, "advies_col_why"))
    else:
        title = t(lang, "advies_contrib_title_single", rung=rung)
        caption = t(lang, "advies_contrib_caption_single", rung=rung)
        columns = (t(lang, "advies_col_answer"), t(lang, "advies_col_lead"), t(lang, "advies_col_points_advised", rung=rung),
                   t(lang, "advies_col_why"))
    # The full title names both rungs and can be long: it wraps as text; the chart gets a short one
    st.markdown(f"**{escape_markdown(title)}**")
    st.caption(escape_markdown(caption))
    contributions = contributions_chart(advice, labels, columns, t(lang, "advies_contrib_chart"))
    if contributions.table.empty:
        st.info(t(lang, "advies_no_contributions"))
    else:
        chart(contributions, title, lang)

    st.subheader(t(lang, "advies_kaders"))
    if not advice.kaders:
        st.write(t(lang, "advies_no_kaders"))
    for k in advice.kaders:
        lines = [f"**{escape_markdown(kader_heading(k, labels))}**:", escape_markdown(k.reason.get(lang))]
        if k.yielded:
            lines.append(escape_markdown(t(lang, "kader_yielded")))
        st.markdown("- " + " ".join(lines))

    st.subheader(t(lang, "advies_why_not"))
    for item in why_not(advice):
        with st.expander(escape_markdown(labels.rung(item.rung))):
            if item.status == "uitgesloten":
                st.write(t(lang, "advies_why_not_excluded"))
            elif item.status == "begrensd":
                st.write(t(lang, "advies_why_not_capped"))
            for k in item.kaders:
                st.markdown(escape_markdown(t(lang, "advies_why_not_kader", reason=k.reason.get(lang))))
            if item.checks:
                st.write(t(lang, "advies_why_not_precondition"))
                for check in item.checks:
                    st.markdown("- " + escape_markdown(check.text.get(lang)))
            elif item.behind > 0:
                st.markdown(escape_markdown(t(lang, "advies_why_not_behind", behind=f"{item.behind:g}", rung=rung)))
            elif item.status == "mogelijk":
                st.write(t(lang, "advies_why_not_equal"))
            if item.against:
                reasons = "; ".join(labels.short(tr, advice.answers[tr]) for tr in item.against)
                st.markdown(escape_markdown(t(lang, "advies_why_not_against", reasons=reasons)))

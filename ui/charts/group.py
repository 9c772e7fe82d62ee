"""The working group's charts, each with the table that says the same in text (WCAG: a text equivalent).

Pure: builds plotly figures and pandas tables from a ladder.analysis.group summary; no Streamlit, nothing decided here.
Roles differ by colour and by pattern, and every bar carries its number. Names of members appear only when
the caller asks (the facilitator's view); members who look at the group see the summary's role columns only
(ladder.analysis.group.for_members), and one bar per row when there is no split by role. Names and other
typed text go into plotly through `plain` (plotly reads a little HTML); tables are escaped by the page.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from ladder.analysis.group import OTHER_ROLES, GroupSummary, QuestionSpread, role_name
from ladder.reports.group import count_label, rung_counts
from ladder.reports.sentences import Labels
from ladder.reports.texts import gt
from ui.charts.advice import RUNNER_UP, Chart
from ui.charts.style import plain, readable, wrapped

# Okabe-Ito colours (told apart with the common colour-vision deficiencies), and a pattern per role as well.
ROLE_COLOURS = {"raadslid": "#0072B2", "inwoner": "#E69F00", "ambtenaar": "#009E73", "ondernemer": "#CC79A7",
                "anders": "#6b6b6b", OTHER_ROLES: "#56B4E9"}
ROLE_PATTERNS = {"raadslid": "", "inwoner": "/", "ambtenaar": ".", "ondernemer": "x", "anders": "-", OTHER_ROLES: "|"}
LEGEND_ROOM = 50  # pixels under the x axis for the legend (one row of roles; a phone may need two)


def _layout(figure: go.Figure, title: str, rows: int, legend: bool, lang: str) -> go.Figure:
    # The legend sits in a room of its own under the x axis (placed in the whole figure, not in the plot): placed
    # in the plot, it covered the axis's numbers and title when there were few rows
    figure.update_layout(title={"text": plain(title)}, height=90 + 40 * max(rows, 1) + (LEGEND_ROOM if legend else 0),
                         font={"size": 14}, margin={"l": 10, "r": 10, "t": 50, "b": 10 + (LEGEND_ROOM if legend else 0)},
                         plot_bgcolor="white", showlegend=legend, barmode="stack",
                         legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom",
                                 "traceorder": "normal"})
    figure.update_xaxes(automargin=True)
    figure.update_yaxes(automargin=True)
    return readable(figure, lang)


def who(summary: GroupSummary, indexes: tuple[int, ...], lang: str) -> str:
    """'Anna (Inwoner), Piet (Raadslid)': members by name with their role."""
    people = summary.respondents
    return ", ".join(f"{people[i].name} ({role_name(people[i].role, lang)})" for i in indexes)


def _by_role_bars(figure: go.Figure, summary: GroupSummary, ticks: list[str], counts: list[Mapping[str, int]],
                  totals: list[int], total_name: str, lang: str) -> None:
    """A bar per role, stacked; without role columns (for_members) one bar of the totals."""
    if not summary.roles:
        figure.add_trace(go.Bar(
            y=ticks, x=totals, orientation="h", name=plain(total_name), text=[str(v) if v else "" for v in totals],
            textposition="inside", insidetextanchor="middle", marker={"color": RUNNER_UP, "line": {"color": "#333", "width": 1}},
            hovertemplate=f"{plain(total_name)}: %{{x}}<extra></extra>",
        ))
    for role in summary.roles:
        values = [c[role] for c in counts]
        figure.add_trace(go.Bar(
            y=ticks, x=values, orientation="h", name=plain(role_name(role, lang)),
            text=[str(v) if v else "" for v in values], textposition="inside", insidetextanchor="middle",
            marker={"color": ROLE_COLOURS[role], "line": {"color": "#333", "width": 1},
                    "pattern": {"shape": ROLE_PATTERNS[role], "fgcolor": "#1a1a1a", "fgopacity": 0.45}},
            hovertemplate=f"{plain(role_name(role, lang))}: %{{x}}<extra></extra>",
        ))


def distribution_chart(question: QuestionSpread, summary: GroupSummary, labels: Labels, columns: Mapping[str, str],
                       title: str, names: bool) -> Chart:
    """Per answer to one question: how many members chose it, stacked by role. The table adds who, with `names`."""
    lang = labels.lang
    shown = [c for c in question.counts if c.total]
    answers = [labels.answer(question.trait, c.option) for c in shown]
    figure = go.Figure()
    _by_role_bars(figure, summary, [wrapped(a) for a in answers], [c.by_role for c in shown], [c.total for c in shown],
                  columns["total"], lang)
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(dtick=1, title={"text": plain(columns["total"])})
    table: dict[str, list[str]] = {columns["answer"]: answers, columns["total"]: [str(c.total) for c in shown]}
    for role in summary.roles:
        table[role_name(role, lang)] = [str(c.by_role[role]) for c in shown]
    if names:
        table[columns["who"]] = [who(summary, c.respondents, lang) for c in shown]
    return Chart(_layout(figure, title, len(shown), legend=True, lang=labels.lang), pd.DataFrame(table))


def divergence_chart(summary: GroupSummary, labels: Labels, columns: Mapping[str, str], title: str) -> Chart:
    """The questions at least two members answered, most divided first, as a share from 0% to 100%."""
    questions = [q for q in summary.ranking() if q.divergence is not None]
    names = [labels.rule_set.trait(q.trait).short_name(labels.lang) for q in questions]
    values = [round((q.divergence or 0.0) * 100) for q in questions]
    figure = go.Figure(go.Bar(
        y=[plain(n) for n in names], x=values, orientation="h", text=[f"{v}%" for v in values], textposition="outside",
        cliponaxis=False, marker={"color": RUNNER_UP, "line": {"color": "#333", "width": 1}},
        hovertemplate="%{y}: %{x}%<extra></extra>",
    ))
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(range=[0, 115], ticksuffix="%", tickvals=[0, 25, 50, 75, 100])
    table = pd.DataFrame({
        columns["question"]: [labels.question(q.trait) for q in questions],
        columns["divergence"]: [f"{v}%" for v in values],
        columns["answered"]: [str(q.answered) for q in questions],
        columns["most_common"]: [labels.answer(q.trait, q.most_common) if q.most_common else columns["tie"]
                                 for q in questions],
    })
    return Chart(_layout(figure, title, len(questions), legend=False, lang=labels.lang), table)


def spread_chart(summary: GroupSummary, labels: Labels, columns: Mapping[str, str], title: str, joint_mark: str,
                 names: bool) -> Chart:
    """Per rung, highest on top like the ladder: how many members' own answers advise it, stacked by role.
    The joint advice is named under its rung, in words and bold."""
    lang = labels.lang
    # with too little answered the joint answers advise no form: no rung is marked
    joint = summary.joint.form if summary.joint else None
    rows = list(reversed(rung_counts(summary)))
    rungs = [count_label(r, labels) for r in rows]
    ticks = [f"<b>{plain(n)}</b><br>{plain(joint_mark)}" if r.rung == joint else plain(n) for n, r in zip(rungs, rows)]
    figure = go.Figure()
    _by_role_bars(figure, summary, ticks, [r.by_role for r in rows], [r.total for r in rows], columns["members"], lang)
    figure.update_xaxes(dtick=1, title={"text": plain(columns["members"])})
    figure.update_yaxes(categoryorder="array", categoryarray=list(reversed(ticks)))
    table: dict[str, list[str]] = {
        columns["rung"]: [f"{n} ({joint_mark})" if r.rung == joint else n for n, r in zip(rungs, rows)],
        columns["members"]: [str(r.total) for r in rows],
    }
    for role in summary.roles:
        table[role_name(role, lang)] = [str(r.by_role[role]) for r in rows]
    if names:
        table[columns["who"]] = [who(summary, r.respondents, lang) for r in rows]
    return Chart(_layout(figure, title, len(rows), legend=True, lang=labels.lang), pd.DataFrame(table))


def member_advice_table(summary: GroupSummary, labels: Labels, columns: Mapping[str, str]) -> pd.DataFrame:
    """Each member's name, role and the advice their own answers give (the facilitator's view)."""
    people = summary.respondents
    return pd.DataFrame({
        columns["name"]: [people[m.respondent].name for m in summary.advices],
        columns["role"]: [role_name(people[m.respondent].role, labels.lang) for m in summary.advices],
        columns["rung"]: [labels.rung(m.rung) if m.rung else gt(labels.lang, "grp_too_little") for m in summary.advices],
    })


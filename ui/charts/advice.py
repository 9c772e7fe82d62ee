"""The advice's charts, each paired with the table that says the same in text (WCAG: a text equivalent).

Pure: builds plotly figures and pandas tables from an Advice; no Streamlit, no advice computed here.
Nothing is said by colour alone: every mark is also written on the bar, excluded rungs are hatched,
and the second line of a comparison is dashed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from ladder.engine.advice import Advice
from ladder.reports.chart_data import contribution_rows, ladder_rows
from ladder.reports.sentences import Labels
from ladder.rules.model import VALUES
from ladder.text import points_text
from ui.charts.style import plain, readable

ADVISED = "#1f4e79"  # dark blue: the advice
RUNNER_UP = "#6b9bc3"  # mid blue: the second choice
POSSIBLE = "#b0b7bf"  # grey: other possible rungs
BLOCKED = "#e3e6e9"  # pale, hatched: out of reach through a kader
TOWARD = "#1f4e79"
AWAY = "#b35806"  # orange against blue stays distinct for the common colour-vision deficiencies


@dataclass(frozen=True)
class Chart:
    figure: go.Figure
    table: pd.DataFrame


def _room_for_labels(figure: go.Figure, values: list[float]) -> None:
    """Widen the x axis so the numbers printed beside the bars stay inside the chart."""
    low, high = min(0.0, *values), max(0.0, *values)
    pad = 0.18 * ((high - low) or 1.0)
    figure.update_xaxes(range=[low - (pad if low < 0 else 0.05 * pad), high + pad])


def _layout(figure: go.Figure, title: str, height: int, lang: str) -> go.Figure:
    figure.update_layout(title={"text": title}, height=height, margin={"l": 10, "r": 10, "t": 50, "b": 10},
                         font={"size": 14}, showlegend=False, plot_bgcolor="white")
    return readable(figure, lang)


def ladder_chart(advice: Advice, labels: Labels, marks: dict[str, str], columns: tuple[str, str, str],
                 title: str) -> Chart:
    """Every rung bottom (least ownership by society) to top, its score, and its mark in words."""
    rows = ladder_rows(advice)
    names = [labels.rung(r.rung) for r in rows]
    words = [marks[r.mark] for r in rows]
    colours = {"advised": ADVISED, "runner_up": RUNNER_UP, "possible": POSSIBLE}
    # The mark goes under the rung's name, not on the bar: a short or negative bar has no room for it
    ticks = [f"<b>{plain(n)}</b><br>{w}" if r.mark in ("advised", "runner_up") else f"{plain(n)}<br>{w}"
             for n, w, r in zip(names, words, rows, strict=True)]
    figure = go.Figure(go.Bar(
        y=ticks, x=[r.score for r in rows], orientation="h",
        text=[points_text(r.score, labels.lang) for r in rows], textposition="outside", cliponaxis=False,
        marker={"color": [colours.get(r.mark, BLOCKED) for r in rows], "line": {"color": "#333", "width": 1},
                "pattern": {"shape": ["/" if r.mark in ("begrensd", "uitgesloten") else "" for r in rows]}},
        hovertemplate="%{y}: %{x:.2f}<extra></extra>",
    ))
    figure.update_yaxes(autorange=True, categoryorder="array", categoryarray=ticks)
    _room_for_labels(figure, [r.score for r in rows])
    figure.add_vline(x=0, line_color="#333", line_width=1)
    table = pd.DataFrame({columns[0]: names, columns[1]: [points_text(r.score, labels.lang) for r in rows], columns[2]: words})
    return Chart(_layout(figure, title, 60 + 48 * len(rows), labels.lang), table[::-1].reset_index(drop=True))


def contributions_chart(advice: Advice, labels: Labels, columns: tuple[str, ...], title: str) -> Chart:
    """Per answered question: its lead for the advised rung over the runner-up (or its push, alone)."""
    rows = contribution_rows(advice)
    names = [labels.short(r.trait, advice.answers[r.trait]) for r in rows]
    figure = go.Figure(go.Bar(
        y=[plain(n) for n in names], x=[r.lead for r in rows], orientation="h", text=[points_text(r.lead, labels.lang) for r in rows],
        textposition="outside", marker={"color": [TOWARD if r.lead >= 0 else AWAY for r in rows],
                                        "pattern": {"shape": ["" if r.lead >= 0 else "." for r in rows]}},
        hovertemplate="%{y}: %{x:+.2f}<extra></extra>", cliponaxis=False,
    ))
    figure.update_yaxes(autorange="reversed")
    _room_for_labels(figure, [r.lead for r in rows] or [0.0])
    figure.add_vline(x=0, line_color="#333", line_width=1)
    lang = labels.lang
    data: dict[str, list[str]] = {columns[0]: names, columns[1]: [points_text(r.lead, lang) for r in rows],
                                  columns[2]: [points_text(r.advised, lang) for r in rows]}
    if len(columns) == 5:
        data[columns[3]] = [points_text(r.runner_up or 0.0, lang) for r in rows]
    data[columns[-1]] = [_why(advice, r.trait, lang) for r in rows]
    return Chart(_layout(figure, title, 80 + 34 * max(len(rows), 1), labels.lang), pd.DataFrame(data))


def _why(advice: Advice, trait: str, lang: str) -> str:
    return next(c.why.get(lang) for c in advice.contributions if c.trait == trait)


def values_chart(advice: Advice, labels: Labels, value_names: dict[str, str], value_column: str, title: str) -> Chart:
    """The five democratic values of the advised rung against the runner-up: a radar and its table."""
    v = advice.values
    theta = [value_names[k] for k in VALUES]
    figure = go.Figure()
    figure.add_trace(go.Scatterpolar(r=[*(v.advised[k] for k in VALUES), v.advised[VALUES[0]]], theta=[*theta, theta[0]],
                                     name=labels.rung(advice.recommended), line={"color": ADVISED, "width": 3},
                                     marker={"symbol": "circle", "size": 9}, mode="lines+markers+text",
                                     text=[*(str(v.advised[k]) for k in VALUES), ""], textposition="top center"))
    table = {value_column: theta, labels.rung(advice.recommended): [v.advised[k] for k in VALUES]}
    if v.runner_up is not None and v.runner_up_rung:
        figure.add_trace(go.Scatterpolar(r=[*(v.runner_up[k] for k in VALUES), v.runner_up[VALUES[0]]],
                                         theta=[*theta, theta[0]], name=labels.rung(v.runner_up_rung),
                                         line={"color": AWAY, "width": 2, "dash": "dash"},
                                         marker={"symbol": "square", "size": 8}, mode="lines+markers"))
        table[labels.rung(v.runner_up_rung)] = [v.runner_up[k] for k in VALUES]
    figure.update_layout(polar={"radialaxis": {"range": [0, 4], "tickvals": [0, 1, 2, 3, 4]}})
    _layout(figure, title, 420, labels.lang).update_layout(showlegend=True, legend={"orientation": "h", "y": -0.1})
    return Chart(figure, pd.DataFrame(table))

"""The advice's charts, each paired with the table that says the same in text (WCAG: a text equivalent).

Pure: builds plotly figures and pandas tables from an Advice; no Streamlit, no advice computed here. Each figure is
written out whole as plotly's dict (ui.charts.style.figure says why).
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
from ladder.text import PLOTLY_SEPARATORS, language, points_text
from ui.charts.style import TEXT, Spec, figure, plain

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


def _room_for_labels(values: list[float]) -> list[float]:
    """An x axis wide enough that the numbers printed beside the bars stay inside the chart."""
    low, high = min(0.0, *values), max(0.0, *values)
    pad = 0.18 * ((high - low) or 1.0)
    return [low - (pad if low < 0 else 0.05 * pad), high + pad]


def _layout(title: str, height: int, lang: str, xaxis: Spec, yaxis: Spec) -> Spec:
    """What the three charts share, with readable text (ui.charts.style.readable says why)."""
    return {"font": {"size": 14, "color": TEXT}, "height": height, "margin": {"l": 10, "r": 10, "t": 50, "b": 10},
            "plot_bgcolor": "white", "separators": PLOTLY_SEPARATORS[language(lang)], "showlegend": False,
            "title": {"text": title}, "xaxis": {**xaxis, "tickfont": {"color": TEXT}},
            "yaxis": {**yaxis, "tickfont": {"color": TEXT}}}


# A line at zero from the bottom of the plot to its top, as plotly's add_vline(x=0) draws it
_ZERO_LINE: Spec = {"type": "line", "x0": 0, "x1": 0, "xref": "x", "y0": 0, "y1": 1, "yref": "y domain",
                    "line": {"color": "#333", "width": 1}}


def ladder_chart(advice: Advice, labels: Labels, marks: dict[str, str], columns: tuple[str, str, str],
                 title: str) -> Chart:
    """Every rung bottom (least ownership by society) to top, its score, and its mark in words."""
    rows = ladder_rows(advice)
    names = [labels.rung(r.rung) for r in rows]
    words = [marks[r.mark] for r in rows]
    scores = [points_text(r.score, labels.lang) for r in rows]
    colours = {"advised": ADVISED, "runner_up": RUNNER_UP, "possible": POSSIBLE}
    # The mark goes under the rung's name, not on the bar: a short or negative bar has no room for it
    ticks = [f"<b>{plain(n)}</b><br>{w}" if r.mark in ("advised", "runner_up") else f"{plain(n)}<br>{w}"
             for n, w, r in zip(names, words, rows, strict=True)]
    bar = {"type": "bar", "y": ticks, "x": [r.score for r in rows], "orientation": "h", "text": scores,
           "textposition": "outside", "cliponaxis": False,
           "marker": {"color": [colours.get(r.mark, BLOCKED) for r in rows], "line": {"color": "#333", "width": 1},
                      "pattern": {"shape": ["/" if r.mark in ("begrensd", "uitgesloten") else "" for r in rows]}},
           "hovertemplate": "%{y}: %{x:.2f}<extra></extra>"}
    layout = _layout(title, 60 + 48 * len(rows), labels.lang, xaxis={"range": _room_for_labels([r.score for r in rows])},
                     yaxis={"autorange": True, "categoryorder": "array", "categoryarray": ticks})
    table = pd.DataFrame({columns[0]: names, columns[1]: scores, columns[2]: words})
    return Chart(figure({"data": [bar], "layout": {**layout, "shapes": [_ZERO_LINE]}}),
                 table[::-1].reset_index(drop=True))


def contributions_chart(advice: Advice, labels: Labels, columns: tuple[str, ...], title: str) -> Chart:
    """Per answered question: its lead for the advised rung over the runner-up (or its push, alone)."""
    rows = contribution_rows(advice)
    lang = labels.lang
    names = [labels.short(r.trait, advice.answers[r.trait]) for r in rows]
    leads = [points_text(r.lead, lang) for r in rows]
    bar = {"type": "bar", "y": [plain(n) for n in names], "x": [r.lead for r in rows], "orientation": "h",
           "text": leads, "textposition": "outside",
           "marker": {"color": [TOWARD if r.lead >= 0 else AWAY for r in rows],
                      "pattern": {"shape": ["" if r.lead >= 0 else "." for r in rows]}},
           "hovertemplate": "%{y}: %{x:+.2f}<extra></extra>", "cliponaxis": False}
    layout = _layout(title, 80 + 34 * max(len(rows), 1), lang,
                     xaxis={"range": _room_for_labels([r.lead for r in rows] or [0.0])}, yaxis={"autorange": "reversed"})
    data: dict[str, list[str]] = {columns[0]: names, columns[1]: leads,
                                  columns[2]: [points_text(r.advised, lang) for r in rows]}
    if len(columns) == 5:
        data[columns[3]] = [points_text(r.runner_up or 0.0, lang) for r in rows]
    data[columns[-1]] = [_why(advice, r.trait, lang) for r in rows]
    return Chart(figure({"data": [bar], "layout": {**layout, "shapes": [_ZERO_LINE]}}), pd.DataFrame(data))


def _why(advice: Advice, trait: str, lang: str) -> str:
    return next(c.why.get(lang) for c in advice.contributions if c.trait == trait)


def values_chart(advice: Advice, labels: Labels, value_names: dict[str, str], value_column: str, title: str) -> Chart:
    """The five democratic values of the advised rung against the runner-up: a radar and its table."""
    v = advice.values
    theta = [value_names[k] for k in VALUES]
    traces: list[Spec] = [{"type": "scatterpolar", "r": [*(v.advised[k] for k in VALUES), v.advised[VALUES[0]]],
                           "theta": [*theta, theta[0]], "name": labels.rung(advice.recommended),
                           "line": {"color": ADVISED, "width": 3}, "marker": {"symbol": "circle", "size": 9},
                           "mode": "lines+markers+text", "text": [*(str(v.advised[k]) for k in VALUES), ""],
                           "textposition": "top center"}]
    table = {value_column: theta, labels.rung(advice.recommended): [v.advised[k] for k in VALUES]}
    if v.runner_up is not None and v.runner_up_rung:
        traces.append({"type": "scatterpolar", "r": [*(v.runner_up[k] for k in VALUES), v.runner_up[VALUES[0]]],
                       "theta": [*theta, theta[0]], "name": labels.rung(v.runner_up_rung),
                       "line": {"color": AWAY, "width": 2, "dash": "dash"}, "marker": {"symbol": "square", "size": 8},
                       "mode": "lines+markers"})
        table[labels.rung(v.runner_up_rung)] = [v.runner_up[k] for k in VALUES]
    layout = {**_layout(title, 420, labels.lang, xaxis={}, yaxis={}), "showlegend": True,
              "legend": {"orientation": "h", "y": -0.1},
              "polar": {"radialaxis": {"range": [0, 4], "tickvals": [0, 1, 2, 3, 4]}}}
    return Chart(figure({"data": traces, "layout": layout}), pd.DataFrame(table))

"""The Portfolio page's charts, each with the table that says the same in text, and its other tables.

Pure: builds plotly figures and pandas tables from what ladder.analysis.portfolio computed; no Streamlit, no advice
computed here. Nothing is said by colour alone: every bar segment carries its count (the table beside it
has them all, also where a segment is too narrow to write in), each rung has its own hatching, and every
cell of the agreement matrix carries its percentage.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ladder.rules.model import UNKNOWN, RuleSet
from ladder.text import count_text
from ui.charts.advice import Chart
from ui.charts.style import TEXT, plain, readable
from ui.texts import t

# Light to dark blue from the lowest rung (informeren) to the highest: the order of the ladder in one hue
RUNG_COLOURS = ("#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b", "#041c40")
# Plotly's hatchings; the first (solid) is left out so every rung has a visible pattern of its own
PATTERNS = ("/", "\\", "x", "-", "|", "+", ".", "")
DARK_FROM = 5  # from this colour on, the count inside a segment is written in white (contrast 4.5:1 either way)
_ROW_PX = 56
_LEGEND_LINE_PX = 24


def percent(share: float) -> str:
    return f"{100 * share:.0f}%"


def distribution_chart(counts: pd.DataFrame, lang: str, title: str) -> Chart:
    """Stacked bars: per framework (a row of `counts`) how many projects get each form (a column)."""
    frameworks = [plain(str(f)) for f in counts.index]
    figure = go.Figure()
    for i, rung in enumerate(counts.columns):
        values = counts[rung].tolist()
        colour = RUNG_COLOURS[min(i, len(RUNG_COLOURS) - 1)]
        figure.add_trace(go.Bar(
            name=plain(str(rung)), y=frameworks, x=values, orientation="h",
            text=[count_text(v, lang) if v else "" for v in values], textposition="inside", insidetextanchor="middle",
            textfont={"color": "white" if i >= DARK_FROM else "#1a1a1a"},
            marker={"color": colour, "line": {"color": "#333", "width": 1},
                    # overlay: the hatching is drawn on the colour, instead of replacing it
                    "pattern": {"shape": PATTERNS[i % len(PATTERNS)], "fillmode": "overlay", "size": 6, "solidity": 0.15,
                                "fgcolor": "#555" if i < DARK_FROM else "#ccc"}},
            hovertemplate="%{y}<br>%{fullData.name}: %{x}<extra></extra>",
        ))
    # The legend stands beside the bars, one form per line, low to high as on the ladder: below them it
    # overlapped the axis when there were few frameworks
    height = max(140 + _ROW_PX * len(frameworks), 80 + _LEGEND_LINE_PX * len(counts.columns))
    figure.update_layout(barmode="stack", title={"text": title}, height=height,
                         margin={"l": 10, "r": 10, "t": 50, "b": 10}, font={"size": 14}, plot_bgcolor="white",
                         legend={"orientation": "v", "x": 1.02, "y": 1, "yanchor": "top", "traceorder": "normal"},
                         uniformtext={"minsize": 11, "mode": "hide"})
    figure.update_xaxes(title={"text": t(lang, "pf_axis_projects"), "font": {"color": TEXT}})
    figure.update_yaxes(autorange="reversed")
    return Chart(readable(figure, lang), distribution_table(counts, lang))


def distribution_table(counts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per form (a row, low to high on the ladder) each framework's count and share, then the totals.

    Forms as rows and frameworks as columns: at most five columns, so the table fits beside nothing else.
    """
    totals = counts.sum(axis=1)
    table = pd.DataFrame({t(lang, "pf_col_form"): [*(str(r) for r in counts.columns), t(lang, "pf_col_total")]})
    for framework, row in counts.iterrows():
        total = int(totals[framework])
        table[str(framework)] = [*(f"{count_text(n, lang)} ({percent(n / total) if total else '0%'})" for n in row),
                                 count_text(total, lang)]
    return table


def agreement_chart(shares: pd.DataFrame, lang: str, title: str) -> Chart:
    """The agreement matrix as a heatmap with every percentage written in its cell."""
    labels = [plain(str(f)) for f in shares.index]
    values = shares.to_numpy().tolist()
    words = [[percent(v) for v in row] for row in values]
    figure = go.Figure(go.Heatmap(
        z=values, x=labels, y=labels, text=words, texttemplate="%{text}", textfont={"size": 15},
        zmin=0, zmax=1, colorscale="Blues", xgap=2, ygap=2,
        hovertemplate="%{y} / %{x}: %{text}<extra></extra>",
        colorbar={"title": {"text": t(lang, "pf_agreement_scale")}, "tickvals": [0, 0.5, 1],
                  "ticktext": ["0%", "50%", "100%"], "thickness": 14},
    ))
    figure.update_layout(title={"text": title}, height=160 + 70 * len(labels), margin={"l": 10, "r": 10, "t": 50, "b": 10},
                         font={"size": 14}, plot_bgcolor="white")
    figure.update_yaxes(autorange="reversed")
    table = pd.DataFrame(words, columns=[str(c) for c in shares.columns])
    table.insert(0, t(lang, "pf_col_rules"), [str(f) for f in shares.index])
    return Chart(readable(figure, lang), table)


def columns_table(rule_set: RuleSet, lang: str) -> pd.DataFrame:
    """The template's columns as the page lists them: the column, its question and the answers allowed."""
    rows = [(trait.id, trait.question.get(lang),
             ", ".join([*trait.option_ids(), UNKNOWN]) + (f" ({t(lang, 'pf_several')})" if trait.multiple else ""))
            for trait in rule_set.traits]
    return pd.DataFrame(rows, columns=[t(lang, "pf_col_column"), t(lang, "pf_col_question"), t(lang, "pf_col_values")])

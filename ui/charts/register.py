"""The register's charts: advised versus chosen forms per rung, and per year; each with the table of its numbers.

Pure: counts register records and draws plotly figures; no Streamlit, no database. Nothing by colour alone: the
two series differ in colour and in pattern (chosen is hatched), the legend names them, and every bar carries
its number.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from ladder.analysis.register_entry import EntrySummary
from ladder.reports.register_table import RegisterNames
from ladder.text import count_text
from ui.charts.advice import ADVISED, AWAY, Chart
from ui.charts.style import plain, readable

CHOSEN = AWAY  # orange against dark blue stays distinct for the common colour-vision deficiencies


def rungs_chart(records: Sequence[EntrySummary], names: RegisterNames, columns: tuple[str, str, str],
                title: str, lang: str) -> Chart:
    """Per rung (low to high): how often it was advised, and how often it was the form actually chosen.

    columns: the rung, advised, chosen (the series names too).
    """
    advised = Counter(r.advised_rung for r in records)
    chosen = Counter(r.chosen_rung for r in records if r.chosen_rung)
    rungs = names.ordered([*advised, *chosen])
    labels = [names.rung(r) for r in rungs]
    table = pd.DataFrame({columns[0]: labels, columns[1]: [advised[r] for r in rungs],
                          columns[2]: [chosen[r] for r in rungs]})
    return Chart(_grouped_bars([plain(label) for label in labels], table, columns[1:], title, lang), table)


def years_chart(records: Sequence[EntrySummary], columns: tuple[str, str, str], title: str, lang: str) -> Chart:
    """Per year: how many advices were saved, and in how many the form chosen differs from the advice.

    columns: the year, saved, chosen differently.
    """
    saved = Counter(r.saved_on.year for r in records)
    differently = Counter(r.saved_on.year for r in records if r.chosen_rung and r.chosen_rung != r.advised_rung)
    years = sorted(saved)
    table = pd.DataFrame({columns[0]: [str(y) for y in years], columns[1]: [saved[y] for y in years],
                          columns[2]: [differently[y] for y in years]})
    return Chart(_grouped_bars(table[columns[0]].tolist(), table, columns[1:], title, lang), table)


def _grouped_bars(categories: list[str], table: pd.DataFrame, series: tuple[str, str], title: str,
                  lang: str) -> go.Figure:
    figure = go.Figure()
    for name, colour, pattern in ((series[0], ADVISED, ""), (series[1], CHOSEN, "/")):
        values = table[name].tolist()
        figure.add_trace(go.Bar(
            x=categories, y=values, name=plain(name), text=[count_text(v, lang) for v in values], textposition="outside",
            cliponaxis=False, marker={"color": colour, "line": {"color": "#333", "width": 1},
                                      "pattern": {"shape": pattern, "fgcolor": "white"}},
            hovertemplate=f"{plain(name)}: %{{y}}<extra>%{{x}}</extra>",
        ))
    top = max([0, *table[series[0]].tolist(), *table[series[1]].tolist()])
    figure.update_yaxes(range=[0, top * 1.2 + 1], dtick=max(1, round(top / 5)), title=None)
    figure.update_xaxes(type="category")
    figure.update_layout(title={"text": plain(title)}, barmode="group", height=380, plot_bgcolor="white",
                         margin={"l": 10, "r": 10, "t": 50, "b": 10}, font={"size": 14},
                         legend={"orientation": "h", "y": -0.2})
    return readable(figure, lang)

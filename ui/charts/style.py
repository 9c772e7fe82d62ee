"""What every chart and table of the app shares: readable text (WCAG contrast), numbers written as the language
writes them, and rule-set texts shown as they are."""

from __future__ import annotations

import html
import textwrap
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from ladder.reports.markdown import escape_markdown
from ladder.text import PLOTLY_SEPARATORS, language

TEXT = "#1a1a1a"  # near-black: Streamlit's chart theme draws axis labels in a grey below 4.5:1 on white
TICK_WIDTH = 28  # characters per line of a long axis label: a third of a phone's width at 14 px

Spec = dict[str, Any]  # a figure, trace or layout as plotly's JSON describes it


def figure(spec: Spec) -> go.Figure:
    """A figure from its complete description, without plotly checking every property as it is set: for the three
    advice charts that checking took a third of a rerun of the Advies page. The tests check each spec against plotly's
    validation (tests/ui/test_advice_charts.py); st.plotly_chart takes a Figure as it is and would validate a plain dict."""
    return go.Figure(spec, _validate=False)


def readable(figure: go.Figure, lang: str) -> go.Figure:
    """Dark titles, axis labels and legends (in these charts the labels carry the meaning), and the decimal
    comma in Dutch for every number plotly writes itself (axes, hover)."""
    figure.update_layout(font={"color": TEXT}, separators=PLOTLY_SEPARATORS[language(lang)])
    figure.update_xaxes(tickfont={"color": TEXT})
    figure.update_yaxes(tickfont={"color": TEXT})
    return figure


def plain(text: str) -> str:
    """Plotly reads labels as a little HTML (<a href>, <b>); rule-set texts must show as they are."""
    return html.escape(text, quote=False)


def wrapped(text: str, width: int = TICK_WIDTH) -> str:
    """A long axis label on lines of at most `width` characters (as `plain`): on one line it took the plot's width
    on a phone, and plotly squeezed the bars to nothing."""
    return "<br>".join(plain(line) for line in textwrap.wrap(text, width)) or plain(text)


def escape_table(table: pd.DataFrame) -> pd.DataFrame:
    """For st.table, which reads Markdown in every cell and header.

    Each distinct text is escaped once, and the cells are read as plain Python rows: a table repeats its answers and
    rung names, and DataFrame.map, cell by cell, took 2 to 3 ms a table (the Advies page shows nine)."""
    escaped: dict[str, str] = {}

    def once(cell: object) -> str:
        text = str(cell)
        if text not in escaped:
            escaped[text] = escape_markdown(text)
        return escaped[text]

    rows = table.to_numpy(dtype=object).tolist()  # object: each cell as it is (an int column stays int beside floats)
    return pd.DataFrame([[once(cell) for cell in row] for row in rows], index=table.index,
                        columns=[escape_markdown(str(c)) for c in table.columns])

"""What every chart and table of the app shares: readable text (WCAG contrast), numbers written as the language
writes them, and rule-set texts shown as they are."""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

from ladder.reports.markdown import escape_markdown
from ladder.text import PLOTLY_SEPARATORS, language

TEXT = "#1a1a1a"  # near-black: Streamlit's chart theme draws axis labels in a grey below 4.5:1 on white
TICK_WIDTH = 28  # characters per line of a long axis label: a third of a phone's width at 14 px


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
    """For st.table, which reads Markdown in every cell and header."""
    escaped = table.map(lambda cell: escape_markdown(str(cell)))
    escaped.columns = [escape_markdown(str(c)) for c in table.columns]
    return escaped

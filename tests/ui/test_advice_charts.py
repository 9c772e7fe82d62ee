"""The advice's charts are written out as plotly's dicts, without plotly validating them (ui.charts.style.figure):
here plotly validates each one and must accept it as it is, so the page shows what a validated figure would."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest
from conftest import CASES, golden_answers

from ladder.engine.advisor import advise
from ladder.reports.chart_data import MARK_KEYS
from ladder.reports.sentences import Labels
from ladder.rules.model import VALUES
from ladder.text import PLOTLY_SEPARATORS
from ui.charts.advice import Chart, contributions_chart, ladder_chart, values_chart
from ui.charts.style import TEXT


def charts(rule_set, answers, lang: str) -> list[Chart]:
    advice = advise(rule_set, answers, ignore_unknown_traits=True)  # a municipality's own questions are left out
    labels = Labels(rule_set, lang)
    return [ladder_chart(advice, labels, {m: f"<{m}>" for m in MARK_KEYS}, ("trede", "score", "status"), "Ladder & co"),
            contributions_chart(advice, labels, ("a", "lead", "p", "q", "why"), "Wat *woog*"),
            values_chart(advice, labels, {v: v for v in VALUES}, "waarde", "Waarden")]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", [c.stem[:2] for c in CASES] + ["none"])
def test_plotly_validating_an_advice_chart_changes_nothing_in_it(rules, case, lang):
    answers = {} if case == "none" else golden_answers(case)
    for chart in charts(rules, answers, lang):
        written = chart.figure.to_dict()
        assert go.Figure(written).to_dict() == written  # raises on a property plotly does not know


def test_the_charts_keep_their_titles_their_readable_text_and_the_line_at_zero(rules):
    ladder, pushes, values = charts(rules, golden_answers("04"), "nl")
    assert [c.figure.layout.title.text for c in (ladder, pushes, values)] == ["Ladder & co", "Wat *woog*", "Waarden"]
    for chart in (ladder, pushes, values):
        layout = chart.figure.layout
        assert (layout.font.size, layout.font.color, layout.separators) == (14, TEXT, PLOTLY_SEPARATORS["nl"])
        assert layout.xaxis.tickfont.color == layout.yaxis.tickfont.color == TEXT
    for chart in (ladder, pushes):  # the bars start from a line at zero, from the bottom of the plot to its top
        [line] = chart.figure.layout.shapes
        assert (line.type, line.x0, line.x1, line.yref, line.y0, line.y1) == ("line", 0, 0, "y domain", 0, 1)
    assert [trace.type for trace in values.figure.data] == ["scatterpolar", "scatterpolar"]  # advised and runner-up
    assert values.figure.layout.showlegend and not ladder.figure.layout.showlegend

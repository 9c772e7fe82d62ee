"""The working group's charts: what a reader needs stays readable, whatever the rows or the width."""

from __future__ import annotations

from conftest import BUNDLED

from ladder.analysis.group import Respondent, summarize
from ladder.reports.sentences import Labels
from ui.charts.group import distribution_chart
from ui.charts.style import TICK_WIDTH

COLUMNS = {key: key for key in ("answer", "total", "who")}


def test_who_answered_what_keeps_its_axis_clear_and_wraps_long_answers():
    rule_set = BUNDLED.load("voorbeeldgemeente")
    summary = summarize(rule_set, [Respondent(name="Anna", role="inwoner", answers={"initiatiefnemer": ("gemeente",)})],
                        None)
    question = next(q for q in summary.questions if q.trait == "initiatiefnemer")
    layout = distribution_chart(question, summary, Labels(rule_set, "nl"), COLUMNS, "Initiatiefnemer", True).figure.layout
    # The legend in a room of its own under the axis: inside the plot it covered the axis's numbers and title
    assert layout.legend.yref == "container" and layout.margin.b >= 50
    (bar,) = distribution_chart(question, summary, Labels(rule_set, "nl"), COLUMNS, "x", True).figure.data
    assert all(len(line) <= TICK_WIDTH for tick in bar.y for line in tick.split("<br>"))
    assert "<br>" in bar.y[0]  # "De gemeente (college, raad of ambtelijke organisatie)" on two lines

"""The pure part of the ladder page: tables, filters and charts of a rule set's rungs and working methods.

No Streamlit here, so everything can be unit-tested. Every chart is built from the table that is shown
beside it, so a chart and its text equivalent always hold the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import get_args

import pandas as pd
import plotly.graph_objects as go

from ladder.rules.model import VALUES, Cost, Duration, GroupSize, RuleSet, Werkvorm
from ui.charts.style import plain, readable
from ui.texts import t

SCORE_MAX = 4
# The fixed values of a method's other attributes (each labelled `ladder_<attribute>_<value>`).
ATTRIBUTE_VALUES: dict[str, tuple[str, ...]] = {"groepsgrootte": get_args(GroupSize), "kosten": get_args(Cost),
                                                "duur": get_args(Duration)}
# Streamlit's data grid draws rows of 35 px; a height that fits every row keeps the whole table in view.
_ROW_PX = 35
_CELL_PX = 34
_MIN_ROWS = 5


def table_height(rows: int) -> int:
    """Pixels for a data table that shows every row (and the header) without scrolling."""
    return (rows + 1) * _ROW_PX + 3


def value_labels(lang: str) -> list[str]:
    """Names of the democratic values, capitalised: they head columns and list items."""
    return [t(lang, f"value_{value}").capitalize() for value in VALUES]


def scale_labels(rule_set: RuleSet, lang: str) -> dict[str, str]:
    """Scale ids are the options of the schaal question; a rule set without it shows the ids."""
    schaal = next((trait for trait in rule_set.traits if trait.id == "schaal"), None)
    return {o.id: o.label.get(lang) for o in schaal.options} if schaal else {}


def scale_options(rule_set: RuleSet) -> list[str]:
    """The scales to filter on: the question's order first, then any others the methods use."""
    ordered = list(scale_labels(rule_set, "nl"))
    used = {scale for method in rule_set.werkvormen for scale in method.schaal}
    return ordered + sorted(used - set(ordered))


def attribute_label(lang: str, attribute: str, value: str) -> str:
    """Label of a method's group size, cost or duration (`ladder_groepsgrootte_klein`, ...)."""
    return t(lang, f"ladder_{attribute}_{value}")


# The columns of `methods_table` with their width in pixels: the short facts together fit a laptop screen
# beside the name; the long description comes last, where it may scroll sideways.
METHOD_COLUMNS = (("ladder_col_method", 190), ("ladder_col_rungs", 180), ("ladder_filter_schaal", 170),
                  ("ladder_filter_groepsgrootte", 100), ("ladder_filter_kosten", 70), ("ladder_filter_duur", 90),
                  ("ladder_col_description", 600))


@dataclass(frozen=True)
class MethodFilter:
    """What a visitor looks for; an empty choice means: any."""

    rungs: tuple[str, ...] = ()
    schaal: tuple[str, ...] = ()
    groepsgrootte: tuple[str, ...] = ()
    kosten: tuple[str, ...] = ()
    duur: tuple[str, ...] = ()

    def matches(self, method: Werkvorm) -> bool:
        return (
            _overlaps(self.rungs, method.rungs)
            and _overlaps(self.schaal, method.schaal)
            and _overlaps(self.groepsgrootte, (method.groepsgrootte,))
            and _overlaps(self.kosten, (method.kosten,))
            and _overlaps(self.duur, (method.duur,))
        )


def _overlaps(wanted: Sequence[str], has: Iterable[str]) -> bool:
    return not wanted or any(value in wanted for value in has)


def filter_methods(methods: Iterable[Werkvorm], wanted: MethodFilter) -> list[Werkvorm]:
    return [method for method in methods if wanted.matches(method)]


def rung_values_table(rule_set: RuleSet, lang: str) -> pd.DataFrame:
    """One row per rung (low to high), one column per democratic value: the score from 0 to 4."""
    rows = [[rung.name.get(lang), *(getattr(rung.values, v).score for v in VALUES)] for rung in rule_set.rungs]
    return pd.DataFrame(rows, columns=[t(lang, "ladder_col_rung"), *value_labels(lang)])


def method_values_table(methods: Iterable[Werkvorm], lang: str) -> pd.DataFrame:
    """One row per working method, one column per democratic value: the rating from 0 to 4."""
    rows = [[method.name.get(lang), *(getattr(method.waarden, v) for v in VALUES)] for method in methods]
    return pd.DataFrame(rows, columns=[t(lang, "ladder_col_method"), *value_labels(lang)])


def crosswalk_table(rule_set: RuleSet, lang: str) -> pd.DataFrame:
    rows = [
        [rung.name.get(lang), rung.crosswalk.iap2, rung.crosswalk.arnstein, rung.crosswalk.klassieke_ladder]
        for rung in rule_set.rungs
    ]
    columns = ["ladder_col_rung", "ladder_col_iap2", "ladder_col_arnstein", "ladder_col_klassiek"]
    return pd.DataFrame(rows, columns=[t(lang, c) for c in columns])


def methods_table(methods: Iterable[Werkvorm], rule_set: RuleSet, lang: str) -> pd.DataFrame:
    """What each method is and where it fits; its value ratings are in `method_values_table`."""
    scales = scale_labels(rule_set, lang)
    rung_names = {rung.id: rung.name.get(lang) for rung in rule_set.rungs}
    rows = [
        [
            method.name.get(lang),
            ", ".join(rung_names[r] for r in method.rungs),
            ", ".join(scales.get(s, s) for s in method.schaal),
            attribute_label(lang, "groepsgrootte", method.groepsgrootte),
            attribute_label(lang, "kosten", method.kosten),
            attribute_label(lang, "duur", method.duur),
            method.description.get(lang),
        ]
        for method in methods
    ]
    return pd.DataFrame(rows, columns=[t(lang, key) for key, _ in METHOD_COLUMNS])


def score_heatmap(table: pd.DataFrame, title: str, lang: str) -> go.Figure:
    """Rows × values of a 0-4 table, with every number printed in its cell (colour only repeats it).

    The first column of `table` names the rows; the others are the values, in the table's order.
    """
    names = table.columns[0]
    scores = table.drop(columns=names)
    figure = go.Figure(
        go.Heatmap(
            z=scores.to_numpy().tolist(),
            x=list(scores.columns),
            y=[plain(name) for name in table[names]],
            zmin=0,
            zmax=SCORE_MAX,
            colorscale="Blues",
            texttemplate="%{z}",
            textfont={"size": 15},
            xgap=2,
            ygap=2,
            hovertemplate="%{y}<br>%{x}: %{z}<extra></extra>",
            colorbar={"title": {"text": t(lang, "ladder_score_axis")}, "tickvals": list(range(SCORE_MAX + 1))},
        )
    )
    figure.update_layout(
        # The value names sit on top (near the first rows of a long table); the title goes above them.
        title={"text": title, "x": 0, "xanchor": "left", "yref": "paper", "y": 1, "yanchor": "bottom",
               "pad": {"b": 36}},
        # A few rows still get room for a readable colour bar.
        height=130 + _CELL_PX * max(len(table), _MIN_ROWS),
        margin={"l": 10, "r": 10, "t": 80, "b": 10},
        xaxis={"side": "top", "title": None, "automargin": True},
        # The table lists its rows top-down: show them in that order.
        yaxis={"autorange": "reversed", "automargin": True, "title": None},
    )
    return readable(figure, lang)

"""to_csv gives every cell the leading ' a formula would need, per distinct text, exactly as safe_cell per cell did."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from ladder.reports.spreadsheet import safe_cell, to_csv


def per_cell(frame: pd.DataFrame) -> bytes:
    """to_csv as it was: safe_cell called on every cell (the specification the faster path must meet)."""
    safe = frame.map(safe_cell)
    safe.columns = [safe_cell(str(c)) for c in frame.columns]
    return safe.to_csv(sep=";", index=False, lineterminator="\r\n").encode("utf-8-sig")


FRAMES = {
    "texts with formulas": pd.DataFrame({"a": np.array(["=1+1", "Marktplein", "=1+1", "-5", "@SUM(A1)"], dtype=object)}),
    "texts without formulas": pd.DataFrame({"a": np.array(["x", "y", "x", "", "5-10"], dtype=object)}),
    "pandas str with a missing cell": pd.DataFrame({"a": pd.Series(["+31 6", None, "b", "\tx", "\rx"], dtype="str")}),
    "object with None": pd.DataFrame({"a": np.array(["=x", None, "y", np.nan, "=x"], dtype=object)}),
    "mixed kinds": pd.DataFrame({"a": np.array([1, "=x", 2.5, None, True], dtype=object)}),
    "ints and floats as objects": pd.DataFrame({"a": np.array([1, 2.5, 3], dtype=object)}),
    "numbers": pd.DataFrame({"n": [1, -2, 3], "f": [0.1, np.nan, -3.0], "b": [True, False, True]}),
    "dates": pd.DataFrame({"d": np.array([dt.date(2026, 1, 2), "=x", None], dtype=object),
                           "t": pd.to_datetime(["2026-01-02", "2026-01-03", None])}),
    "categories": pd.DataFrame({"c": pd.Categorical(["=x", "y", "=x"])}),
    "a header that is a formula, twice": pd.DataFrame([["=a", "b"]], columns=["=kop", "=kop"]),
    "no rows": pd.DataFrame({"a": pd.Series([], dtype=object)}),
}


@pytest.mark.parametrize("frame", FRAMES.values(), ids=FRAMES.keys())
def test_csv_cells_are_made_safe_exactly_as_per_cell(frame):
    assert to_csv(frame) == per_cell(frame)


def test_a_formula_in_a_large_column_gets_its_quote_in_every_row():
    frame = pd.DataFrame({"a": np.array(["=SUM(A1)", "veilig"] * 50_000, dtype=object)})
    lines = to_csv(frame).decode("utf-8-sig").split("\r\n")
    assert lines[1:3] == ["'=SUM(A1)", "veilig"] and lines.count("'=SUM(A1)") == 50_000

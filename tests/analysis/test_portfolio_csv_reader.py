"""A portfolio CSV reads the same whichever reader parses it: pyarrow's for the usual shape, the csv module's for
every other (which reports odd rows and limits). The csv module's reading is the specification."""

from __future__ import annotations

import csv

import pytest

from ladder.analysis import portfolio
from ladder.analysis.portfolio import MAX_COLUMNS, PortfolioError, read_table

HEAD = "project;fase;schaal\n"

# Files pyarrow reads: every row as wide as the header, which is the first row and ends in a name.
USUAL = {
    "semicolons": HEAD + "Plein;agenda;buurt\nPark;uitvoering;wijk_dorp\n",
    "commas": "project,fase,schaal\nPlein,agenda,buurt\n",
    "tabs": "project\tfase\tschaal\nPlein\tagenda\tbuurt\n",
    "a byte order mark": "\ufeff" + HEAD + "Plein;agenda;buurt\n",
    "windows line ends": HEAD.replace("\n", "\r\n") + "Plein;agenda;buurt\r\nPark;beheer;straat\r\n",
    "old mac line ends": HEAD.replace("\n", "\r") + "Plein;agenda;buurt\rPark;beheer;straat",
    "no last line end": HEAD + "Plein;agenda;buurt",
    "quoted separator": HEAD + '"Plein; oost";agenda;buurt\n',
    "doubled quotes": HEAD + '"Het ""Plein""";agenda;buurt\n',
    "a line end inside quotes": HEAD + '"Plein\r\noost";agenda;buurt\n"Park\nwest";beheer;straat\n',
    "a quote inside a field": HEAD + 'Pl"ein";agenda;buurt\n',
    "text after a closing quote": HEAD + '"Plein" oost;agenda;buurt\n',
    "a quote left open in the last row": HEAD + 'Plein;agenda;"buurt\n',
    "spaces around cells": HEAD + " Plein ; Agenda ;buurt \n",
    "empty and unknown cells": HEAD + "Plein;;onbekend\n;weet ik niet;\n",
    "blank rows between projects": HEAD + "Plein;agenda;buurt\n\n;;\n \t; ;\nPark;beheer;straat\n",
    "blank rows after the last project": HEAD + "Plein;agenda;buurt\n;;\n\n\n",
    "a column without a name": "project;;schaal\nPlein;iets;buurt\n",
    "bad answers": HEAD + "Plein;=1+1;12\nPark;2026-01-02;hoog+laag\n",
    "one column": "project\nPlein\n\nPark\n",
    "unicode": HEAD + "Energiecoöperatie – Oekraïense opvang;agenda;buurt\n",
}

# Files the csv module reads: pyarrow's reader declines them.
OTHER = {
    "a row with too many fields": HEAD + "Plein;agenda;buurt;extra\nPark;beheer;straat\n",
    "a row with too few fields": HEAD + "Plein;agenda\nPark;beheer;straat\n",
    "trailing separators, as Excel writes them": "project;fase;schaal;;\nPlein;agenda;buurt;;\nPark;beheer;straat;x;\n",
    "blank rows above the header": "\n;;\n" + HEAD + "Plein;agenda;buurt\n",
    "a quote left open in the header": '"project;fase;schaal\nPlein;agenda;buurt\n',
    "a header only": HEAD,
    "only blank rows below the header": HEAD + ";;\n\n",
    "too many columns": ";".join(f"k{i}" for i in range(MAX_COLUMNS + 1)) + "\n" + ";" * MAX_COLUMNS + "\n",
    "too many columns, the extra ones empty": "project;fase" + ";" * MAX_COLUMNS + "\nPlein;agenda" + ";" * MAX_COLUMNS + "\n",
}


def outcome(data: bytes) -> tuple[object, ...]:
    """What read_table gives, in plain values: the table, or the message of the error it raises."""
    try:
        table = read_table(data, "p.csv")
    except PortfolioError as error:
        return ("error", error.message.get("nl"), error.message.get("en"))
    return (table.header, table.frame.astype(object).to_numpy().tolist(), table.frame.index.tolist(),
            [(row, cells, why.get("en")) for row, cells, why in table.ragged], table.blank_rows,
            [n.get("en") for n in table.notices])


def read_both(data: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple[object, ...], tuple[object, ...], bool]:
    """(read as now, read by the csv module only, whether pyarrow's reader took the file)."""
    columns = portfolio._read_csv_columns
    taken: list[bool] = []

    def spy(*args):
        table = columns(*args)
        taken.append(table is not None)
        return table

    monkeypatch.setattr(portfolio, "_read_csv_columns", spy)
    now = outcome(data)
    monkeypatch.setattr(portfolio, "_read_csv_columns", lambda *args: None)
    return now, outcome(data), any(taken)


@pytest.mark.parametrize("text", USUAL.values(), ids=USUAL.keys())
def test_a_file_of_the_usual_shape_is_read_by_pyarrow_as_the_csv_module_reads_it(text, monkeypatch):
    now, by_csv_module, taken = read_both(text.encode("utf-8"), monkeypatch)
    assert taken
    assert now == by_csv_module


@pytest.mark.parametrize("text", OTHER.values(), ids=OTHER.keys())
def test_any_other_file_is_read_by_the_csv_module(text, monkeypatch):
    now, by_csv_module, taken = read_both(text.encode("utf-8"), monkeypatch)
    assert not taken
    assert now == by_csv_module


def test_a_field_past_the_csv_modules_limit_is_still_reported(monkeypatch):
    limit = csv.field_size_limit(50)
    try:
        now, by_csv_module, taken = read_both((HEAD + "P" * 51 + ";agenda;buurt\n").encode(), monkeypatch)
    finally:
        csv.field_size_limit(limit)
    assert not taken
    assert now == by_csv_module and now[0] == "error" and "field larger than field limit" in str(now[2])

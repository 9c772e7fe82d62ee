"""`python -m ladder register list` and `register export -o FILE`: the register in the terminal and as a file.

Runs on SQLite and PostgreSQL (the `database` fixture; the CLI finds it through LADDER_DATABASE_URL).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys

import openpyxl
import pytest
from conftest import ROOT, golden_answers

from cli.main import main
from ladder.engine.advisor import advise
from ladder.reports.spreadsheet import safe_cell
from storage.audit import COMMAND_LINE, audit_entries
from storage.database import URL_VARIABLE
from storage.errors import StorageError
from storage.register import NewEntry, NewEvaluation, add_evaluation, save_entry

FORMULA = "=HYPERLINK(\"http://example.org\",\"klik\")"
UNREACHABLE = "postgresql://postgres@127.0.0.1:1/test"  # nothing listens on port 1


@pytest.fixture
def register(database, database_url, bundled, monkeypatch):
    """A register with three entries, which the CLI reads through LADDER_DATABASE_URL."""
    monkeypatch.setenv(URL_VARIABLE, database_url)

    def save(project: str, municipality: str, saved_on: dt.date, case: str, chosen: str | None = None,
             reason: str = "") -> int:
        advice = advise(bundled[municipality], golden_answers(case))  # a real project's advice, not 'too little known'
        return save_entry(database, NewEntry(project, saved_on, chosen or advice.recommended, reason),
                          advice, bundled[municipality])

    numbers = [save("Herinrichting marktplein", "voorbeeldgemeente", dt.date(2026, 2, 1), "04"),
               save(FORMULA, "leusden", dt.date(2025, 6, 1), "03", chosen="informeren", reason="-5 uur per week"),
               save("Speeltuin\x1b[31m rood", "amersfoort", dt.date(2025, 9, 1), "11")]
    add_evaluation(database, numbers[0], NewEvaluation("Goed", {"invloed": 3}, "Op tijd beginnen."))
    return numbers


def run(*argv: str) -> int:
    return main(["register", *argv])


def test_list_shows_a_readable_table(register, capsys):
    assert run("list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Nummer", "Datum", "Gemeente", "Project", "Geadviseerde", "vorm", "Gekozen", "vorm",
                                "Evaluaties"]
    assert set(lines[1]) == {"-", " "}
    assert len(lines) == 2 + 3
    assert "Herinrichting marktplein" in lines[2] and "Voorbeeldgemeente" in lines[2]
    assert "Informeren" in lines[4]  # newest first: 2026, then 2025-09, then 2025-06


def test_list_in_english(register, capsys):
    assert run("list", "--lang", "en") == 0
    assert capsys.readouterr().out.startswith("Number")


@pytest.mark.parametrize(("filters", "projects"), [
    (("--municipality", "leusden"), ["=HYPERLINK"]),
    (("--year", "2025"), ["=HYPERLINK", "Speeltuin"]),
    (("--search", "marktplein"), ["Herinrichting marktplein"]),
    (("--search", "op tijd"), ["Herinrichting marktplein"]),  # the lessons of an evaluation
    (("--chosen", "informeren"), ["=HYPERLINK"]),
])
def test_list_filters(register, capsys, filters, projects):
    assert run("list", *filters) == 0
    body = capsys.readouterr().out.splitlines()[2:]
    assert len(body) == len(projects)
    assert all(any(p in line for line in body) for p in projects)


def test_list_of_nothing_says_so(register, capsys):
    assert run("list", "--year", "1999") == 0
    assert "leeg" in capsys.readouterr().out


def test_text_from_the_database_cannot_steer_the_terminal(register, capsys):
    run("list")
    out = capsys.readouterr().out
    assert "\x1b" not in out and "Speeltuin [31m rood" in out


def test_export_csv_has_every_entry_and_is_safe_in_a_spreadsheet(register, tmp_path, capsys):
    out = tmp_path / "register.csv"
    assert run("export", "-o", str(out)) == 0
    assert "3 regels" in capsys.readouterr().out
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the byte-order mark
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))  # as Dutch Excel reads it
    assert [r["Project"] for r in rows] == ["Herinrichting marktplein", "Speeltuin\x1b[31m rood", "'" + FORMULA]
    assert rows[2]["Reden andere keuze"] == "'-5 uur per week"
    assert rows[0]["Datum"] == "2026-02-01" and rows[0]["Evaluaties"] == "1"


def test_export_xlsx_writes_text_as_text(register, tmp_path):
    out = tmp_path / "register.xlsx"
    assert run("export", "--output", str(out), "--lang", "en", "--municipality", "leusden") == 0
    sheet = openpyxl.load_workbook(out).active
    header = [c.value for c in sheet[1]]
    row = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert sheet.max_row == 2
    assert row["Project"].value == FORMULA and row["Project"].data_type == "s"  # shown as typed, never run
    assert row["Date"].value == dt.datetime(2025, 6, 1)
    assert row["Chosen form"].value == "Inform"


def test_an_export_is_noted_in_the_audit_log_and_a_list_is_not(register, database, tmp_path):
    assert run("list") == 0
    assert run("export", "-o", str(tmp_path / "register.csv"), "--search", "marktplein") == 0
    latest, before = audit_entries(database)[:2]
    assert (latest.action, latest.actor, latest.subject_kind, latest.subject_id) == (
        "register_exported", COMMAND_LINE, "register", None)
    assert before.action == "evaluation_added"  # the list before it left no row
    assert "marktplein" not in str(latest)  # what was searched is not noted: a search can hold a name


def test_export_needs_a_csv_or_xlsx_name(register, tmp_path, capsys):
    assert run("export", "-o", str(tmp_path / "register.pdf")) == 2
    assert ".csv" in capsys.readouterr().err


@pytest.mark.parametrize("cell", ["=1+1", "+31 6", "-5", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_a_spreadsheet_would_run_gets_a_leading_quote(cell):
    assert safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Marktplein", "", "5-10", 7, None])
def test_other_cells_stay_as_they_are(cell):
    assert safe_cell(cell) == cell


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_unreachable_database_gives_one_clear_line_and_exit_2(monkeypatch, capsys, lang):
    monkeypatch.setenv(URL_VARIABLE, UNREACHABLE)
    assert run("list", "--lang", lang) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert ("niet bereikbaar" if lang == "nl" else "cannot be reached") in err[0]


@pytest.mark.slow
def test_an_unreachable_database_shows_no_traceback_from_the_command_line(tmp_path):
    env = {"PATH": "/usr/bin:/bin", URL_VARIABLE: UNREACHABLE}
    done = subprocess.run([sys.executable, "-m", "ladder", "register", "export", "-o", str(tmp_path / "r.csv")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [StorageError("unreachable").message("nl")]
    assert not (tmp_path / "r.csv").exists()

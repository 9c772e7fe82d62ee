"""`python -m ladder batch`: a portfolio scored from the command line, with progress, skipped rows and exit codes."""

from __future__ import annotations

import io
import subprocess
import sys

import openpyxl
import pandas as pd
import pytest
from conftest import CASES, ROOT, golden_answers

from cli.batch import progress_printer
from cli.main import main

EXAMPLE = ROOT / "examples" / "portfolio.csv"
MIXED = "project;tijd_tot_besluit;fase\nGoed;krap;agenda\nFout;heel krap;agenda\nOok goed;ruim;\n"


def golden_portfolio() -> str:
    """The golden projects (tests/cases/) as a portfolio in v2 answers, several answers joined with '+': for the tests
    of the command line itself, apart from the bundled example."""
    projects = {c.stem: golden_answers(c.stem) for c in CASES}
    traits = list(dict.fromkeys(t for answers in projects.values() for t in answers))
    rows = [";".join(["project", *traits])]
    for name, answers in projects.items():
        cells = [answers.get(t, "") for t in traits]
        rows.append(";".join([name, *("+".join(c) if isinstance(c, list) else str(c) for c in cells)]))
    return "\n".join(rows) + "\n"


@pytest.fixture
def portfolio(tmp_path):
    def write(content: str | bytes, name: str = "portfolio.csv"):
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return write


def read_results(path) -> pd.DataFrame:
    return pd.read_csv(path, sep=";", encoding="utf-8-sig")


def test_the_example_under_two_municipalities_to_a_csv_file(tmp_path, capsys):
    out = tmp_path / "results.csv"
    assert main(["batch", str(EXAMPLE), "--municipality", "amersfoort", "--municipality", "leusden", "-o", str(out)]) == 0
    results = read_results(out)
    assert list(results.columns) == ["Regel", "Project", "Advies Amersfoort (illustratie)", "Advies Leusden (illustratie)",
                                     "Aantal verschillende adviezen", "Verschil in treden"]
    assert len(results) == 240 and results["Regel"].iloc[0] == 2
    printed = capsys.readouterr()
    assert "240 projecten gescoord onder Amersfoort (illustratie), Leusden (illustratie); 0 regels overgeslagen." in printed.out
    assert f"Uitkomsten geschreven naar {out}" in printed.out


def test_an_xlsx_name_writes_an_excel_workbook_in_english(portfolio, tmp_path, capsys):
    out = tmp_path / "results.xlsx"
    assert main(["batch", str(portfolio(golden_portfolio())), "-m", "maashorst", "-m", "noordoost_brabant", "-o", str(out), "--lang", "en"]) == 0
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["Results", "Distribution", "Agreement", "Skipped rows", "Notices"]
    assert f"{len(CASES)} projects scored" in capsys.readouterr().out


def test_without_output_the_csv_goes_to_standard_output_and_the_rest_to_standard_error(portfolio, capsys):
    assert main(["batch", str(portfolio("project;tijd_tot_besluit\nA;krap\n"))]) == 0
    printed = capsys.readouterr()
    assert printed.out.splitlines()[0] == "Regel;Project;Advies Voorbeeldgemeente;Aantal verschillende adviezen;Verschil in treden"
    assert printed.out.splitlines()[1] == "2;A;Te weinig bekend;1;0"  # one answer: too little known for a form
    assert "1 projecten gescoord" in printed.err and "let op: Deze vragen hebben geen kolom" in printed.err


def test_bad_rows_are_printed_with_row_number_and_reason_and_the_others_are_written(portfolio, tmp_path, capsys):
    out = tmp_path / "results.csv"
    assert main(["batch", str(portfolio(MIXED)), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert ("regel 3 (Fout): Kolom 'tijd_tot_besluit': 'heel krap' is geen antwoord op deze vraag. "
            "Kies uit: acuut, krap, gemiddeld, ruim of onbekend.") in err
    assert read_results(out)["Project"].tolist() == ["Goed", "Ook goed"]


def test_bad_rows_in_english(portfolio, capsys):
    assert main(["batch", str(portfolio(MIXED)), "--lang", "en"]) == 1
    assert "row 3 (Fout): Column 'tijd_tot_besluit': 'heel krap' is not an answer" in capsys.readouterr().err


@pytest.mark.parametrize(("content", "name", "args", "expected"), [
    ("project;tijd_tot_besluit\nA;krap\n".encode("cp1252") + "B;\u00f6\n".encode("cp1252"), "p.csv", [], "geen UTF-8"),
    ("naam;hoe snel\nA;hoog\n", "p.csv", [], "Geen enkele kolom"),
    ("project;tijd_tot_besluit\nA;heel krap\n", "p.csv", [], "Geen enkele regel kon worden gescoord"),
    ("project;tijd_tot_besluit\nA;krap\n", "p.csv", ["-m", "nergens"], "er is geen regelset met deze id"),
    ("project;tijd_tot_besluit\nA;krap\n", "p.csv", ["-o", "uitkomsten.txt"], "kies een bestandsnaam die eindigt op .csv of .xlsx"),
    ("project;tijd_tot_besluit\nA;krap\n", "p.ods", [], "Alleen .csv- en .xlsx-bestanden"),
])
def test_unusable_input_exits_with_2_and_a_clear_line(portfolio, capsys, content, name, args, expected):
    assert main(["batch", str(portfolio(content, name)), *args]) == 2
    printed = capsys.readouterr()
    assert expected in printed.err and "Traceback" not in printed.err
    assert printed.out == ""


def test_a_missing_file_exits_with_2(tmp_path, capsys):
    assert main(["batch", str(tmp_path / "weg.csv")]) == 2
    assert "weg.csv: kan dit bestand niet lezen" in capsys.readouterr().err


def test_without_a_terminal_progress_is_a_few_plain_lines(portfolio, capsys):
    main(["batch", str(EXAMPLE), "-m", "amersfoort", "-m", "leusden", "-o", str(portfolio("", "uit.csv"))])
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("voortgang:")]
    assert lines == ["voortgang: 25% (scoren: Amersfoort (illustratie))", "voortgang: 50% (scoren: Amersfoort (illustratie))",
                     "voortgang: 75% (scoren: Leusden (illustratie))", "voortgang: 100% (scoren: Leusden (illustratie))"]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_progress_is_a_bar_redrawn_in_place(base):
    stream = Terminal()
    show = progress_printer(stream, [base], "nl")
    for fraction, stage in ((0.05, "check"), (0.5, base.id), (1.0, base.id)):
        show(fraction, stage)
    written = stream.getvalue()
    assert written.count("\r[") == 3 and written.endswith("\n")
    assert "rijen controleren" in written and "[" + "#" * 30 + "] 100% scoren: Basisregels Participatieladder 3.0" in written


def test_the_command_runs_as_a_module(portfolio, tmp_path):
    out = tmp_path / "results.csv"
    done = subprocess.run([sys.executable, "-m", "ladder", "batch", str(portfolio(golden_portfolio())), "-m", "amersfoort", "-m", "leusden",
                           "-o", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert len(read_results(out)) == len(CASES)

"""Portfolios: reading CSV and Excel, checking every row against every chosen framework, scoring, comparing,
exporting; and the example, the template and the documentation that must agree with the rules."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import numpy as np
import openpyxl
import pandas as pd
import pytest
from conftest import ROOT

from ladder.analysis.portfolio import (
    PROJECT_COLUMN,
    PortfolioError,
    agreement,
    check,
    disagreements,
    distribution,
    ladder_of,
    read_table,
    results_frame,
    score,
    score_file,
)
from ladder.engine.advisor import recommend
from ladder.engine.batch import MULTI_SEPARATOR
from ladder.reports.spreadsheet import to_csv, to_xlsx
from ladder.rules.loading import load_rule_set
from ladder.rules.model import UNKNOWN, Option
from scripts import make_example_portfolio as generator

EXAMPLE = ROOT / "examples" / "portfolio.csv"


def csv_bytes(text: str, separator: str = ";", bom: bool = False, newline: str = "\n") -> bytes:
    body = text.replace(";", separator).replace("\n", newline).encode("utf-8")
    return (b"\xef\xbb\xbf" if bom else b"") + body


def scored(text: str, rule_sets, name: str = "p.csv"):
    return score_file(csv_bytes(text) if isinstance(text, str) else text, name, rule_sets)


def reasons(result, lang: str = "nl") -> dict[int, str]:
    return {b.row: b.reason(lang) for b in result.portfolio.bad_rows}


def notices(result, lang: str = "nl") -> str:
    return "\n".join(n.get(lang) for n in result.portfolio.notices)


def xlsx_bytes(rows: list[list[object]], extra_sheet: bool = False) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Projecten"
    for row in rows:
        sheet.append(row)
    if extra_sheet:
        book.create_sheet("Toelichting")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def example_result(bundled):
    return score_file(EXAMPLE.read_bytes(), EXAMPLE.name, list(bundled.values()))


# --- reading ------------------------------------------------------------------------------------


@pytest.mark.parametrize("separator", [";", ",", "\t"])
@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_csv_is_read_with_any_usual_separator_bom_and_line_ending(base, separator, bom, newline):
    data = csv_bytes("project;complexiteit;fase\nPlein;hoog;agenda+voorbereiding\nPark;laag;\n", separator, bom, newline)
    result = score_file(data, "p.csv", [base])
    assert list(result.portfolio.rows) == [2, 3]
    assert list(result.portfolio.projects) == ["Plein", "Park"]
    assert list(result.portfolio.answers["fase"]) == ["agenda+voorbereiding", UNKNOWN]


def test_a_file_that_is_not_utf8_is_refused_with_the_line_and_how_to_save_it(base):
    data = "project;complexiteit\nPlein;hoog\nEnergieco\u00f6peratie;laag\n".encode("cp1252")
    with pytest.raises(PortfolioError) as error:
        score_file(data, "p.csv", [base])
    assert "geen UTF-8" in error.value.message.get("nl") and "regel 3" in error.value.message.get("nl")
    assert "CSV UTF-8" in error.value.message.get("nl")
    assert "not UTF-8" in error.value.message.get("en")


@pytest.mark.parametrize(("content", "name", "expected"), [
    (b"", "p.csv", "leeg"),
    (b"\n  \n", "p.csv", "leeg"),
    (b"project;complexiteit\n", "p.csv", "geen projecten"),
    (b"PK\x03\x04 not really a workbook", "p.xlsx", "Excel-bestand kan niet gelezen"),
    (b"\x00\x01binary", "p.csv", "geen tekstbestand"),
    (b"project;complexiteit\nA;hoog\n", "p.ods", "Alleen .csv- en .xlsx"),
    (b"naam;hoe snel\nA;hoog\n", "p.csv", "Geen enkele kolom"),
    (b"project;complexiteit;Complexiteit\nA;hoog;laag\n", "p.csv", "meer dan \u00e9\u00e9n keer"),
])
def test_a_file_that_cannot_be_used_at_all_says_why(base, content, name, expected):
    with pytest.raises(PortfolioError) as error:
        score_file(content, name, [base])
    assert expected in error.value.message.get("nl")
    assert error.value.message.get("en") and error.value.message.get("en") != error.value.message.get("nl")


def test_row_numbers_are_those_the_spreadsheet_shows(base):
    # header = row 1; a quoted name over two lines is one row; an empty row still has its number
    text = 'project;complexiteit\nA;hoog\n"B, over\ntwee regels";laag\n\nC;heel hoog\n'
    result = scored(text, [base])
    assert list(result.portfolio.rows) == [2, 3]
    assert reasons(result) == {5: reasons(result)[5]}
    assert "'heel hoog'" in reasons(result)[5]
    assert "1 lege regel(s) overgeslagen: 4" in notices(result)


def test_empty_rows_after_the_last_project_are_not_reported(base):
    result = scored("project;complexiteit\nA;hoog\n;\n\n", [base])
    assert "lege regel" not in notices(result)


# --- checking: what a cell may hold ------------------------------------------------------------


@pytest.mark.parametrize(("trait", "cell", "answer"), [
    ("complexiteit", "hoog", "hoog"),
    ("complexiteit", "  HOOG ", "hoog"),
    ("complexiteit", "", UNKNOWN),
    ("complexiteit", "onbekend", UNKNOWN),
    ("complexiteit", "Weet ik niet", UNKNOWN),
    ("complexiteit", "don't know", UNKNOWN),
    ("schaal", "Wijk dorp", "wijk_dorp"),
    ("fase", "agenda+voorbereiding", "agenda+voorbereiding"),
    ("fase", "Agenda , Voorbereiding", "agenda+voorbereiding"),
    ("fase", "agenda + agenda", "agenda"),
])
def test_tolerant_where_a_user_would_expect_it(base, trait, cell, answer):
    result = scored(f'project;{trait}\nA;"{cell}"\n', [base])
    assert not result.portfolio.bad_rows
    assert result.portfolio.answers[trait][0] == answer


@pytest.mark.parametrize(("trait", "cell", "nl", "en"), [
    ("complexiteit", "heel hoog", "'heel hoog' is geen antwoord op deze vraag. Kies uit: laag, midden, hoog of onbekend",
     "'heel hoog' is not an answer to this question. Choose from: laag, midden, hoog or onbekend"),
    ("complexiteit", "3", "een getal (3) waar een antwoord verwacht wordt", "a number (3) where an answer is expected"),
    ("complexiteit", "2,5", "een getal (2,5)", "a number (2,5)"),
    ("complexiteit", "1-5-2024", "een datum (1-5-2024)", "a date (1-5-2024)"),
    ("complexiteit", "laag+hoog", "krijgt \u00e9\u00e9n antwoord, maar hier staan er 2: 'laag+hoog'",
     "takes one answer, but this row has 2: 'laag+hoog'"),
    ("fase", "agenda+onbekend", "'onbekend' kan niet samen met een ander antwoord",
     "'onbekend' cannot go together with another answer"),
    ("fase", "agenda+later", "'agenda+later' is geen antwoord", "(several answers with +, like agenda+voorbereiding)"),
])
def test_a_bad_cell_skips_its_row_with_the_reason_in_dutch_and_english(base, trait, cell, nl, en):
    result = scored(f'project;{trait}\nGoed;\nFout;"{cell}"\n', [base])
    assert list(result.portfolio.rows) == [2]
    assert [b.project for b in result.portfolio.bad_rows] == ["Fout"]
    assert f"Kolom '{trait}'" in reasons(result)[3] and nl in reasons(result)[3]
    assert f"Column '{trait}'" in reasons(result, "en")[3] and en in reasons(result, "en")[3]


def test_every_bad_cell_of_a_row_is_named(base):
    result = scored("project;complexiteit;ingrijpendheid\nA;heel hoog;veel\n", [base])
    assert "'complexiteit'" in reasons(result)[2] and "'ingrijpendheid'" in reasons(result)[2]


@pytest.mark.parametrize(("line", "reason"), [
    ("Te kort;hoog", "Deze regel heeft 2 velden, de kopregel 3. Mist er een scheidingsteken (;)?"),
    ("Te;lang;hoog;laag", "Deze regel heeft 4 velden, de kopregel 3. Staat er een scheidingsteken (;) in een projectnaam?"),
])
def test_ragged_rows_are_skipped_with_the_count_of_fields(base, line, reason):
    result = scored(f"project;complexiteit;ingrijpendheid\n{line}\nGoed;hoog;laag\n", [base])
    assert list(result.portfolio.rows) == [3]
    assert reasons(result)[2].startswith(reason)
    assert result.portfolio.bad_rows[0].project == line.split(";")[0]


def test_trailing_empty_fields_as_excel_writes_them_are_fine(base):
    result = scored("project;complexiteit\nA;hoog;;\nB;laag;\n", [base])
    assert not result.portfolio.bad_rows and len(result.portfolio.rows) == 2


def test_missing_and_unknown_columns_are_reported_and_a_missing_one_counts_as_unknown(base):
    result = scored("Project;Complexiteit;opmerking\nA;hoog;iets\n", [base])
    assert "tellen voor elk project als onbekend: initiatiefnemer, soort_opgave, rol_gemeente" in notices(result)
    assert "niet gebruikt: opmerking" in notices(result)
    assert result.portfolio.answers["ingrijpendheid"][0] == UNKNOWN
    rung, _ = recommend(base, {"complexiteit": "hoog"})
    assert result.batches[0].recommended_ids()[0] == rung


def test_without_a_project_column_rows_are_named_by_number(base):
    result = scored("complexiteit\nhoog\n", [base])
    assert "geen kolom 'project'" in notices(result)
    assert list(result.portfolio.projects) == [""]
    assert results_frame(result, "nl")["Regel"].tolist() == [2]


def test_an_unnamed_column_with_values_is_reported(base):
    result = scored("project;;complexiteit\nA;x;hoog\n", [base])
    assert "Kolom B heeft geen naam" in notices(result)


# --- checking: several frameworks ----------------------------------------------------------------


def test_a_column_only_some_frameworks_ask_is_reported_and_used_only_there(bundled):
    chosen = [bundled["maashorst"], bundled["noordoost_brabant"]]
    result = scored("project;thema;dorpsorganisatie\nA;sociaal;ja\n", chosen)
    assert "De regels van Dorpen in Noordoost-Brabant (illustratie) stellen de vraag 'thema' niet" in notices(result)
    assert "De regels van Maashorst (illustratie) stellen de vraag 'dorpsorganisatie' niet" in notices(result)
    assert not result.portfolio.bad_rows


def test_a_bad_value_in_a_question_only_one_framework_asks_names_that_framework(bundled):
    chosen = [bundled["maashorst"], bundled["noordoost_brabant"]]
    result = scored("project;thema\nA;misschien\n", chosen)
    assert "(in de regels van Maashorst (illustratie))" in reasons(result)[2]
    # asked by every chosen framework, so no framework is named
    result = scored("project;complexiteit\nA;misschien\n", chosen)
    assert "in de regels van" not in reasons(result)[2]


def test_an_answer_must_fit_every_chosen_framework(base):
    # a framework whose question has one more answer: 'spoed' fits it, not the base
    complexiteit = base.trait("complexiteit")
    wider = complexiteit.model_copy(update={"options": (*complexiteit.options, Option(id="spoed", label="Spoed"))})
    other = base.model_copy(update={"id": "ruimer", "content_hash": "test-ruimer",
                                    "traits": tuple(wider if t.id == "complexiteit" else t for t in base.traits)})
    result = scored("project;complexiteit\nA;spoed\nB;hoog\n", [other, base])
    assert list(result.portfolio.rows) == [3]
    assert "'spoed' is geen antwoord" in reasons(result)[2] and "(in de regels van Basisregels" in reasons(result)[2]
    assert "Kies uit: laag, midden, hoog of onbekend" in reasons(result)[2]


# --- Excel --------------------------------------------------------------------------------------


def test_excel_is_read_from_its_first_sheet_with_excel_row_numbers_and_types(base):
    data = xlsx_bytes([
        ["project", "complexiteit", "fase"],
        ["Plein", "Hoog", "agenda+voorbereiding"],
        [12, 3, None],
        [],
        ["Datum", dt.datetime(2024, 5, 1), "agenda"],
        ["Waar", True, None],
        ["Te breed", "laag", "agenda", None, "x"],
    ], extra_sheet=True)
    result = score_file(data, "portfolio.xlsx", [base])
    assert list(result.portfolio.rows) == [2]
    found = reasons(result)
    assert "een getal (3)" in found[3] and result.portfolio.bad_rows[0].project == "12"
    assert "een datum (2024-05-01T00:00:00)" in found[5]
    assert "WAAR of ONWAAR (True)" in found[6]
    assert "een waarde in kolom E, voorbij de laatste kolom met een naam" in found[7]
    assert "1 lege regel(s) overgeslagen: 4" in notices(result)
    assert "Alleen het eerste werkblad ('Projecten') is gelezen; het bestand heeft er 2." in notices(result)


def test_an_excel_sheet_may_start_lower_down_and_keeps_its_row_numbers(base):
    data = xlsx_bytes([[], ["project", "complexiteit"], ["A", "hoog"]])
    assert list(score_file(data, "p.xlsx", [base]).portfolio.rows) == [3]


# --- scoring equals the engine -------------------------------------------------------------------


def _answers_of(row: dict[str, str]) -> dict[str, object]:
    answers: dict[str, object] = {}
    for trait, cell in row.items():
        cell = cell.strip().lower()
        if trait != PROJECT_COLUMN and cell not in ("", UNKNOWN, "weet ik niet"):
            answers[trait] = cell.split(MULTI_SEPARATOR) if MULTI_SEPARATOR in cell else cell
    return answers


def test_every_example_project_gets_the_engines_advice_under_every_framework(example_result):
    rows = list(csv.DictReader(io.StringIO(EXAMPLE.read_text(encoding="utf-8-sig")), delimiter=";"))
    for rule_set, batch in zip(example_result.rule_sets, example_result.batches, strict=True):
        traits = {t.id for t in rule_set.traits}
        expected = [recommend(rule_set, {k: v for k, v in _answers_of(r).items() if k in traits})[0] for r in rows]
        assert list(batch.recommended_ids()) == expected, rule_set.id


# --- comparing -----------------------------------------------------------------------------------


def test_the_common_ladder_puts_an_added_rung_above_the_one_it_follows(bundled):
    own = load_rule_set(ROOT / "docs" / "voorbeeld-regelset.yaml")  # adds samen_onderzoeken after adviseren
    ladder = own.rung_ids()
    assert ladder.index("samen_onderzoeken") == ladder.index("adviseren") + 1
    assert ladder_of([bundled["voorbeeldgemeente"], own]) == ladder
    assert ladder_of([own, bundled["voorbeeldgemeente"]]) == ladder


@pytest.fixture
def three_projects(bundled):
    """Voorbeeldgemeente and Amersfoort: too little known in both (two answers); a joint design whose outcome safety largely fixes, where
    Amersfoort's own cap holds (coproduceren against adviseren); and a resident initiative, where it does not."""
    text = ("project;initiatiefnemer;vraag_initiatief;beleidsruimte;vastgelegd_door;soort_opgave;ingrijpendheid;"
            "belanghebbenden;capaciteit_samenleving\n"
            "Gelijk;gemeente;;geen;;;;;\n"
            "Veilig;samen;;beperkt;veiligheid;ontwerp;hoog;veel;hoog\n"
            "Initiatief;maatschappelijk_initiatief;toestemming;beperkt;veiligheid;initiatief_realiseren;midden;gemiddeld;hoog\n")
    return scored(text, [bundled["voorbeeldgemeente"], bundled["amersfoort"]])


def test_results_distribution_agreement_and_disagreements(three_projects, bundled):
    table = results_frame(three_projects, "nl")
    assert list(table.columns) == ["Regel", "Project", "Advies Voorbeeldgemeente",
                                   "Advies Amersfoort (illustratie)", "Aantal verschillende adviezen",
                                   "Verschil in treden"]
    steps = {b.rule_set_id: b.recommended for b in three_projects.batches}
    same = steps["voorbeeldgemeente"] == steps["amersfoort"]
    assert same.tolist() == [True, False, True]
    assert table["Advies Voorbeeldgemeente"].tolist()[0] == table["Advies Amersfoort (illustratie)"].tolist()[0] == \
        "Te weinig bekend"
    assert table["Aantal verschillende adviezen"].tolist() == [1 if s else 2 for s in same]
    spread = np.abs(steps["voorbeeldgemeente"] - steps["amersfoort"])
    assert table["Verschil in treden"].tolist() == spread.tolist()

    counts = distribution(three_projects, "nl")
    assert counts.sum(axis=1).tolist() == [3, 3]
    assert list(counts.columns) == ["Te weinig bekend", *(r.name.get("nl") for r in bundled["voorbeeldgemeente"].rungs)]
    assert counts["Te weinig bekend"].tolist() == [1, 1]

    shares = agreement(three_projects, "en")
    assert shares.iloc[0, 1] == shares.iloc[1, 0] == pytest.approx(same.mean())
    assert np.diag(shares.to_numpy()).tolist() == [1.0, 1.0]

    worst = disagreements(three_projects, "nl")
    assert "Gelijk" not in worst["Project"].tolist()
    assert worst["Verschil in treden"].is_monotonic_decreasing


def test_too_little_known_is_an_advice_of_its_own_but_no_rung(base):
    # the same rules without an information section always name a form
    always = base.model_copy(update={"id": "altijd", "content_hash": "test-altijd", "information": None})
    result = scored("project;initiatiefnemer;beleidsruimte\nSchets;gemeente;\n", [base, always])
    assert [bool(b.too_little[0]) for b in result.batches] == [True, False]
    row = results_frame(result, "nl").iloc[0]
    assert row.iloc[2] == "Te weinig bekend" and row.iloc[3] == base.rung(result.batches[1].recommended_ids()[0]).name.nl
    assert row["Aantal verschillende adviezen"] == 2 and row["Verschil in treden"] == 0
    assert distribution(result, "nl")["Te weinig bekend"].tolist() == [1, 0]


def test_disagreements_rank_distinct_advices_first_then_the_spread(example_result):
    worst = disagreements(example_result, "nl", top=200)
    keys = list(zip(worst["Aantal verschillende adviezen"], worst["Verschil in treden"], strict=True))
    assert keys == sorted(keys, reverse=True) and keys[0][0] >= 2
    assert len(disagreements(example_result, "nl")) == min(20, len(worst))  # the first twenty by default


# --- exporting ------------------------------------------------------------------------------------


def test_csv_export_opens_in_dutch_excel_and_never_runs_a_formula():
    frame = pd.DataFrame({"Project": ["=HYPERLINK(\"x\")", "+31 6", "-min", "@som", "gewoon"], "Regel": [2, 3, 4, 5, 6]})
    data = to_csv(frame)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    back = pd.read_csv(io.BytesIO(data), sep=";", encoding="utf-8-sig")
    assert back["Project"].tolist() == ["'=HYPERLINK(\"x\")", "'+31 6", "'-min", "'@som", "gewoon"]
    assert back["Regel"].tolist() == [2, 3, 4, 5, 6]


def test_excel_export_keeps_numbers_as_numbers_and_text_as_text():
    frame = pd.DataFrame({"Project": ["=1+1", "a\x01b <&>"], "Regel": [2, 3], "Deel": [0.5, np.nan]})
    shares = pd.DataFrame([[1.0]], index=pd.Index(["A"], name="Regels"), columns=["A"])
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx({"Resultaten": frame, "Overeenkomst": shares})))
    assert book.sheetnames == ["Resultaten", "Overeenkomst"]
    cells = [[(c.value, c.data_type) for c in row] for row in book["Resultaten"].iter_rows()]
    assert cells[0] == [("Project", "s"), ("Regel", "s"), ("Deel", "s")]
    assert cells[1] == [("=1+1", "s"), (2, "n"), (0.5, "n")]
    assert cells[2][0] == ("ab <&>", "s") and cells[2][2][0] is None
    assert [[c.value for c in row] for row in book["Overeenkomst"].iter_rows()] == [["Regels", "A"], ["A", 1]]


def test_the_excel_download_holds_every_table(example_result):
    from ladder.analysis.portfolio import write_results

    book = openpyxl.load_workbook(io.BytesIO(write_results(example_result, "nl", xlsx=True)), read_only=True)
    assert book.sheetnames == ["Resultaten", "Verdeling", "Overeenkomst", "Overgeslagen regels", "Meldingen"]
    assert book["Resultaten"].max_row == 241


# --- the example, the template and the documentation ------------------------------------------------


def test_the_example_is_what_its_seeded_generator_writes():
    assert EXAMPLE.read_bytes() == generator.example_csv()


def test_the_example_has_over_200_varied_projects_that_all_score(example_result):
    portfolio = example_result.portfolio
    assert len(portfolio.rows) >= 200 and not portfolio.bad_rows
    assert len(set(portfolio.projects)) == len(portfolio.projects)
    assert (portfolio.answers == UNKNOWN).to_numpy().sum() > 50  # some answers are left unknown, as in practice
    for batch in example_result.batches:  # varied: every framework advises at least five different forms
        assert len(set(batch.recommended_ids())) >= 5, batch.rule_set_id


@pytest.mark.parametrize(("marker", "trait", "answer"), [
    ("(bewonersinitiatief)", "initiatiefnemer", "maatschappelijk_initiatief"),
    ("(uitdaagrecht)", "formeel_recht", "uitdaagrecht"),
    ("Snelheidsmaatregelen", "vastgelegd_door", "veiligheid+wet_of_norm"),
    ("Omgevingsvisie", "schaal", "gemeente"),
    ("dorpshuis", "dorpsorganisatie", "ja"),
])
def test_example_answers_fit_the_kind_of_project(example_result, marker, trait, answer):
    portfolio = example_result.portfolio
    chosen = [i for i, name in enumerate(portfolio.projects) if marker in name]
    assert chosen, marker
    assert set(portfolio.answers[trait].iloc[chosen]) == {answer}


def test_the_template_is_what_the_generator_writes_and_scores_cleanly(base):
    template = ROOT / "docs" / "portfolio-sjabloon.csv"
    assert template.read_bytes() == generator.template()
    result = score_file(template.read_bytes(), template.name, [base])
    assert len(result.portfolio.rows) == 1 and not result.portfolio.bad_rows and not result.portfolio.notices
    header = template.read_text(encoding="utf-8-sig").splitlines()[0].split(";")
    assert header == [PROJECT_COLUMN, *(t.id for t in base.traits)]


def test_the_documentation_lists_every_column_and_answer_as_the_rules_say():
    doc = (ROOT / "docs" / "portfolio.md").read_text(encoding="utf-8")
    assert doc == generator.doc_with_columns(doc), "run scripts/make_example_portfolio.py"


def test_the_documentation_names_every_question_the_bundled_municipalities_add(base, bundled):
    doc = (ROOT / "docs" / "portfolio.md").read_text(encoding="utf-8")
    base_traits = {t.id for t in base.traits}
    for rule_set in bundled.values():
        for trait in rule_set.traits:
            if trait.id not in base_traits:
                row = next(line for line in doc.splitlines() if line.startswith(f"| `{trait.id}` |"))
                assert re.findall(r"`(\w+)`", row)[1:] == [*trait.option_ids(), UNKNOWN], trait.id
        for trait_id in rule_set.disabled_traits:
            assert f"de vraag `{trait_id}` niet" in doc


def test_checking_reports_progress_from_start_to_end(base):
    seen: list[tuple[float, str]] = []
    table = read_table(EXAMPLE.read_bytes(), EXAMPLE.name)
    score(check(table, [base], lambda f, s: seen.append((f, s))), [base], lambda f, s: seen.append((f, s)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == pytest.approx(1.0)
    assert {s for _, s in seen} == {"check", base.id}


@pytest.mark.parametrize("ids", [["amersfoort"], ["amersfoort", "leusden"], ["leusden", "maashorst", "amersfoort"]])
def test_scoring_reports_each_frameworks_share_in_the_order_chosen(bundled, ids):
    rule_sets = [bundled[i] for i in ids]
    portfolio = check(read_table(EXAMPLE.read_bytes(), EXAMPLE.name), rule_sets)
    seen: list[tuple[float, str]] = []
    score(portfolio, rule_sets, lambda f, s: seen.append((f, s)))
    share = 0.9 / len(ids)  # checking takes the first tenth of the bar
    assert seen == [(pytest.approx(0.1 + share * n), i) for n, i in enumerate(ids, start=1)]

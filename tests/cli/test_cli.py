"""The command line as a user meets it: readable advice, JSON, clear one-line errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from cli.main import main

PLEIN = """\
title: Herinrichting van het marktplein
answers:
  initiatiefnemer: gemeente
  beleidsruimte: ruim
  complexiteit: hoog
  impact: hoog
  belanghebbenden: veel
  middelen: hoog
  urgentie: laag
  fase: [agenda, voorbereiding]
  doel: eigenaarschap
"""


@pytest.fixture
def project(tmp_path):
    def write(text: str, name: str = "project.yaml"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def test_advise_prints_the_advice_in_dutch(project, capsys):
    assert main(["advise", "--municipality", "voorbeeldgemeente", str(project(PLEIN))]) == 0
    out = capsys.readouterr().out
    assert "Advies voor: Herinrichting van het marktplein" in out
    assert "GEADVISEERDE VORM: COPRODUCEREN (INTERACTIEF BELEID)" in out
    assert "Wat 'weet ik niet' doet" in out
    assert "Per fase" in out


def test_advise_in_english(project, capsys):
    assert main(["advise", "--lang", "en", str(project(PLEIN))]) == 0
    out = capsys.readouterr().out
    assert "Advice for: Herinrichting van het marktplein" in out
    assert "ADVISED FORM: CO-PRODUCE" in out.upper()
    assert "What 'don't know' does" in out


def test_advise_json_is_the_full_advice(project, capsys):
    assert main(["advise", "--json", "-m", "leusden", str(project(PLEIN))]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == "2.0"
    assert data["rule_set"]["id"] == "leusden"
    assert data["recommended"] == "coproduceren"
    assert {"scores", "contributions", "kaders", "margin", "flips", "unknowns", "werkvormen", "routes"} <= data.keys()


def test_a_json_project_file_works_too(project, capsys):
    path = project(json.dumps({"title": "Plein", "answers": {"beleidsruimte": "geen"}}), "project.json")
    assert main(["advise", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["answers"]["beleidsruimte"] == ["geen"]


def test_bad_answers_give_one_line_each_with_the_line_number_and_exit_2(project, capsys):
    path = project("title: Proef\nanswers:\n  urgentie: heel_hoog\n  kleur: blauw\n  schaal: [buurt, wijk_dorp]\n")
    assert main(["advise", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"{path}:4 answers.kleur: unknown trait 'kleur'; expected one of initiatiefnemer, beleidsruimte, wettelijke_kaders, "
        "urgentie, complexiteit, impact, conflict, belanghebbenden, capaciteit_samenleving, vertrouwen, "
        "politieke_gevoeligheid, middelen, bestaand_initiatief, verplichte_participatie, uitdaagrecht, schaal, fase, doel",
        f"{path}:3 answers.urgentie: invalid answer 'heel_hoog' for trait 'urgentie'; expected one of laag, midden, hoog or onbekend",
        f"{path}:5 answers.schaal: trait 'schaal' takes one answer, got 2: buurt, wijk_dorp",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("answers: {}\n", ":1 title: missing required key 'title'"),
        ("title: x\nanswers: [a, b]\n", ":2 answers: expected a mapping (key: value), got a list"),
        ("title: [x\n", "not valid YAML"),
        ("title: x\ntitle: y\n", ":2 title: duplicate key 'title' (first at line 1)"),
    ],
)
def test_a_malformed_project_file_gives_a_clear_line_and_exit_2(project, capsys, text, message):
    assert main(["advise", str(project(text))]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_a_missing_project_file_and_an_unknown_municipality_exit_2(project, capsys):
    assert main(["advise", "bestaat-niet.yaml"]) == 2
    assert "bestaat-niet.yaml: cannot read the file" in capsys.readouterr().err
    assert main(["advise", "-m", "atlantis", str(project(PLEIN))]) == 2
    assert "atlantis: no rule set with this id; bundled: amersfoort, leusden" in capsys.readouterr().err


def test_validate_exits_1_with_every_error_and_0_when_all_is_well(capsys):
    broken = ROOT / "tests" / "fixtures" / "broken" / "weight_not_a_number.yaml"
    assert main(["validate", str(ROOT / "rules" / "base.yaml"), str(broken)]) == 1
    captured = capsys.readouterr()
    assert "in orde: " in captured.out
    assert "weights.urgentie.hoog.adviseren: expected a number between -5 and 5, got 'veel'" in captured.err
    assert main(["validate", *map(str, sorted((ROOT / "municipalities").glob("*.yaml")))]) == 0


def test_municipalities_lists_every_bundled_rule_set(capsys):
    assert main(["municipalities"]) == 0
    out = capsys.readouterr().out
    for municipality_id in ("voorbeeldgemeente", "amersfoort", "leusden", "maashorst", "noordoost_brabant"):
        assert municipality_id in out
    assert "illustratie, geen vastgesteld beleid" in out


def test_explain_rung_shows_the_rung_and_its_roles(capsys):
    assert main(["explain-rung", "overheidsparticipatie"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OVERHEIDSPARTICIPATIE")
    for role in ("Loslaten", "Faciliteren", "Stimuleren", "Regisseren", "Reguleren"):
        assert role in out
    assert main(["explain-rung", "inspraak"]) == 2
    assert "onbekende trede 'inspraak'" in capsys.readouterr().err


def test_the_module_runs_as_a_program_without_tracebacks_for_user_mistakes(tmp_path):
    bad = tmp_path / "p.yaml"
    bad.write_text("title: x\nanswers: {urgentie: 12}\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "ladder", "advise", str(bad)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "invalid answer 12 for trait 'urgentie'" in result.stderr


@pytest.mark.slow
def test_the_json_advice_is_identical_across_processes_and_hash_seeds():
    runs = []
    for seed in ("1", "2", "random"):
        env = {"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
        result = subprocess.run(
            [sys.executable, "-m", "ladder", "advise", "--json", "-m", "noordoost_brabant", "examples/marktplein.yaml"],
            capture_output=True, text=True, cwd=ROOT, env=env, check=True,
        )
        runs.append(result.stdout)
    assert runs[0] == runs[1] == runs[2]


def test_municipalities_are_loaded_from_the_rule_sources_the_command_line_is_handed(bundle_municipality, capsys):
    sources = bundle_municipality("extends: voorbeeldgemeente\nname: Proefgemeente\n")
    assert main(["explain-rung", "informeren", "-m", "proefgemeente"], sources) == 0
    assert main(["municipalities"], sources) == 0
    assert "Proefgemeente" in capsys.readouterr().out
    assert main(["explain-rung", "informeren", "-m", "proefgemeente"]) == 2  # not among the bundled ones

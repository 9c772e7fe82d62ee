"""The command line as a user meets it: readable advice, JSON, clear one-line errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT, golden_answers, not_yet_agreed

from cli.main import main
from ladder.rules.loading import MAX_PROBLEMS

# The redesign of a market square (golden project 04, the project of examples/marktplein.yaml), in v2 answers.
PLEIN = yaml.safe_dump({"title": "Herinrichting van het marktplein", "answers": not_yet_agreed(golden_answers("04"))}, sort_keys=False)


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
    assert "GEADVISEERDE VORM: COPRODUCEREN (SAMEN MAKEN, COCREATIE)" in out
    assert "Wat 'weet ik niet' doet" in out  # doelgroepen is onbekend
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


def test_problems_are_told_in_the_language_asked_for(project, capsys):
    path = project("title: Proef\nanswers:\n  kleur: blauw\n")
    assert main(["advise", str(path)]) == 2
    assert f"{path}, regel 3, answers.kleur: onbekende vraag 'kleur'" in capsys.readouterr().err
    assert main(["advise", "--lang", "en", str(path)]) == 2
    assert f"{path}:3 answers.kleur: unknown trait 'kleur'" in capsys.readouterr().err


def test_a_file_with_thousands_of_wrong_answers_gets_a_screenful_of_lines(project, capsys):
    path = project("title: Proef\nanswers:\n" + "".join(f"  vraag{i}: ja\n" for i in range(10_000)))
    assert main(["advise", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == MAX_PROBLEMS + 1
    assert "alleen de eerste 50" in err[-1]


def test_bad_answers_give_one_line_each_with_the_line_number_and_exit_2(project, capsys, base):
    path = project("title: Proef\nanswers:\n  tijd_tot_besluit: heel_hoog\n  kleur: blauw\n  schaal: [buurt, wijk_dorp]\n")
    assert main(["advise", "--lang", "en", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"{path}:4 answers.kleur: unknown trait 'kleur'; expected one of {', '.join(t.id for t in base.traits)}",
        f"{path}:5 answers.schaal: trait 'schaal' takes one answer, got 2: buurt, wijk_dorp",  # in the questions' order
        f"{path}:3 answers.tijd_tot_besluit: invalid answer 'heel_hoog' for trait 'tijd_tot_besluit'; "
        "expected one of acuut, krap, gemiddeld, ruim or onbekend",
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
    assert main(["advise", "--lang", "en", str(project(text))]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_a_missing_project_file_and_an_unknown_municipality_exit_2(project, capsys):
    assert main(["advise", "--lang", "en", "bestaat-niet.yaml"]) == 2
    assert "bestaat-niet.yaml: cannot read the file" in capsys.readouterr().err
    assert main(["advise", "--lang", "en", "-m", "atlantis", str(project(PLEIN))]) == 2
    assert "atlantis: no rule set with this id; bundled: amersfoort, leusden" in capsys.readouterr().err


def test_validate_exits_1_with_every_error_and_0_when_all_is_well(capsys):
    broken = ROOT / "tests" / "fixtures" / "broken" / "weight_not_a_number.yaml"
    assert main(["validate", "--lang", "en", str(ROOT / "rules" / "base.yaml"), str(broken)]) == 1
    captured = capsys.readouterr()
    assert "ok: " in captured.out
    assert "weights.tijd_tot_besluit.krap.adviseren: expected a number between -5 and 5, got 'veel'" in captured.err
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
    bad.write_text("title: x\nanswers: {tijd_tot_besluit: 12}\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "ladder", "advise", str(bad)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "ongeldig antwoord 12 bij de vraag 'tijd_tot_besluit'" in result.stderr


@pytest.mark.slow
def test_the_json_advice_is_identical_across_processes_and_hash_seeds(project):
    path = project(PLEIN)
    runs = []
    for seed in ("1", "2", "random"):
        env = {"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
        result = subprocess.run(
            [sys.executable, "-m", "ladder", "advise", "--json", "-m", "noordoost_brabant", str(path)],
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

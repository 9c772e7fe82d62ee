"""The validation record: the engine's results for the documented cases change only on purpose."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from ladder.analysis.validation import BASE_LADDER, Outcome, Reference, agreement

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted((ROOT / "validation" / "cases").glob("*.yaml"))


def test_the_results_for_the_documented_cases_match_the_record():
    run = subprocess.run([sys.executable, "scripts/validation_report.py", "--check"], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr


def test_there_are_at_least_forty_documented_cases_each_with_a_source_answers_and_the_form_chosen():
    assert len(CASES) >= 40
    for path in CASES:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert case["sources"] and all(s["url"].startswith("http") for s in case["sources"]), path.name
        assert case["chosen"]["rung"] in BASE_LADDER, path.name
        assert case["answers"], path.name


def outcome(rung: str, role: str | None = None) -> Outcome:
    return Outcome("c", "f", rung, role)


def test_agreement_counts_exact_neighbouring_and_far_misses_on_the_base_ladder():
    refs = [Reference("a", "adviseren"), Reference("b", "coproduceren", acceptable=("meebeslissen",)),
            Reference("c", "zelfbeheer", roles=("faciliteren",))]
    result = agreement(refs, {"a": outcome("adviseren"), "b": outcome("meebeslissen"),
                              "c": outcome("raadplegen", "faciliteren")}, BASE_LADDER)
    assert (result.total, result.exact, result.within_one, result.acceptable) == (3, 1, 2, 2)
    assert [(ref.case, gap) for ref, _, gap in result.misses] == [("c", 4)]
    assert (result.role_total, result.role_right) == (1, 1)

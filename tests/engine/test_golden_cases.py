"""Golden advices: described projects, the form they must get, and the reason that must be given.

Each case in tests/cases/ holds a project (as a project file would) and what is expected under a named
rule set; `compare` pins how another framework advises the same project differently.
"""

from __future__ import annotations

import pytest
import yaml
from conftest import CASES

from ladder.engine.advisor import advise


@pytest.mark.parametrize("case_file", CASES, ids=lambda p: p.stem)
def test_golden_advice(case_file, bundled):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    project, expect = case["project"], case["expect"]
    advice = advise(bundled[expect["rule_set"]], project["answers"])

    assert advice.recommended == expect["rung"], project["title"]
    fired = {k.id for k in advice.kaders}
    assert set(expect["kaders"]) <= fired, f"expected kaders {expect['kaders']} to fire, fired: {sorted(fired)}"
    assert set(expect["main_reasons"]) <= set(advice.main_reasons), advice.main_reasons
    for other, rung in (expect.get("compare") or {}).items():
        assert advise(bundled[other], project["answers"], ignore_unknown_traits=True).recommended == rung, other


def test_there_are_enough_golden_cases():
    assert len(CASES) >= 12


def test_every_rung_of_the_base_ladder_is_advised_by_some_golden_case():
    expected = {yaml.safe_load(c.read_text(encoding="utf-8"))["expect"]["rung"] for c in CASES}
    base_rungs = {"informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen", "zelfbeheer",
                  "overheidsparticipatie"}
    assert base_rungs <= expected


def test_every_municipality_changes_the_advice_for_some_golden_case(bundled):
    neutral = bundled["voorbeeldgemeente"]
    projects = [yaml.safe_load(c.read_text(encoding="utf-8"))["project"]["answers"] for c in CASES]
    for municipality_id, rule_set in bundled.items():
        if municipality_id == "voorbeeldgemeente":
            continue
        differs = [
            p for p in projects
            if advise(rule_set, p, ignore_unknown_traits=True).recommended
            != advise(neutral, p, ignore_unknown_traits=True).recommended
        ]
        assert differs, f"{municipality_id} never advises differently from the neutral rule set"

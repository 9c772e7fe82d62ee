"""Golden advices: described projects, the form they must get, and the reason that must be given.

Each case in tests/cases/ holds a project (as a project file would, answered blind for the model v2 questionnaire)
and what is expected under a named rule set. `rung` is the form both blind judges (validation/expert/) chose, or
the first judge's where they differ; where the engine gives another rung, `engine_gives` pins it and
`why_different` explains it from the rules, so a known difference can neither grow nor vanish unnoticed.
`compare` pins how another framework advises the same project.
"""

from __future__ import annotations

import pytest
import yaml
from conftest import CASES

from ladder.engine.advisor import advise

BASE_RUNGS = ("informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen", "zelfbeheer",
              "overheidsparticipatie")


def _case(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case_file", CASES, ids=lambda p: p.stem)
def test_golden_advice(case_file, bundled):
    case = _case(case_file)
    project, expect = case["project"], case["expect"]
    advice = advise(bundled[expect["rule_set"]], project["answers"])

    assert advice.recommended == expect.get("engine_gives", expect["rung"]), project["title"]
    fired = {k.id for k in advice.kaders}
    assert set(expect["kaders"]) <= fired, f"expected kaders {expect['kaders']} to fire, fired: {sorted(fired)}"
    assert set(expect["main_reasons"]) <= set(advice.main_reasons), advice.main_reasons
    assert advice.role.role == expect.get("role"), advice.role.role
    for other, rung in (expect.get("compare") or {}).items():
        assert advise(bundled[other], project["answers"], ignore_unknown_traits=True).recommended == rung, other


@pytest.mark.parametrize("case_file", [c for c in CASES if "engine_gives" in _case(c)["expect"]],
                         ids=lambda p: p.stem)
def test_a_known_difference_is_one_rung_and_explained(case_file):
    expect = _case(case_file)["expect"]
    gap = abs(BASE_RUNGS.index(expect["engine_gives"]) - BASE_RUNGS.index(expect["rung"]))
    assert gap == 1, expect
    assert len(expect.get("why_different", "")) > 80, "a known difference needs its explanation from the rules"


def test_there_are_enough_golden_cases():
    assert len(CASES) >= 12


def test_every_rung_of_the_base_ladder_is_expected_and_advised_by_some_golden_case():
    expected = {_case(c)["expect"]["rung"] for c in CASES}
    advised = {_case(c)["expect"].get("engine_gives", _case(c)["expect"]["rung"]) for c in CASES}
    assert set(BASE_RUNGS) <= expected
    assert set(BASE_RUNGS) <= advised


def test_every_municipality_changes_the_advice_for_some_golden_case(bundled):
    """A municipal file must matter: its rung, its role, its kaders or its guidance differ from the neutral set."""
    neutral = bundled["voorbeeldgemeente"]
    projects = [_case(c)["project"]["answers"] for c in CASES]

    def shape(rule_set, answers):
        a = advise(rule_set, answers, ignore_unknown_traits=True)
        return (a.recommended, a.role.role, tuple(h.role or h.name.nl for h in a.hats),
                tuple(sorted(k.id for k in a.kaders)), tuple(sorted(g.id for g in a.guidance)))

    for municipality_id, rule_set in bundled.items():
        if municipality_id == "voorbeeldgemeente":
            continue
        differs = [p for p in projects if shape(rule_set, p) != shape(neutral, p)]
        assert differs, f"{municipality_id} never advises differently from the neutral rule set"

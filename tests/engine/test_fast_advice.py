"""The incremental what-ifs of advise() give exactly the advice of the straightforward engine (oracle_advisor).

Compared with == on every field and on the JSON as well: == takes -0.0 for 0.0, the JSON does not. Besides the
bundled rule sets, each is also used with its points multiplied by 0.1, so that no sum is exact and every
what-if takes the path that adds the points again in trait order.
"""

from __future__ import annotations

import pytest
from conftest import CASES, golden_answers
from hypothesis import given
from hypothesis import strategies as st
from oracle_advisor import advise as advise_straightforwardly
from test_engine_properties import PROPERTY_SETTINGS, RULE_SETS, answers_for

from ladder.engine.advisor import advise
from ladder.rules.model import RuleSet


def _tenths(rule_set: RuleSet) -> RuleSet:
    weights = {
        trait: {option: w.model_copy(update={"points": {r: p * 0.1 for r, p in w.points.items()}}) for option, w in options.items()}
        for trait, options in rule_set.weights.items()
    }
    return rule_set.model_copy(update={"weights": weights})


ALL = RULE_SETS | {f"{rs_id}_tenths": _tenths(rs) for rs_id, rs in RULE_SETS.items()}


def assert_same(rule_set: RuleSet, answers: dict) -> None:
    fast, oracle = advise(rule_set, answers, ignore_unknown_traits=True), advise_straightforwardly(rule_set, answers, ignore_unknown_traits=True)
    assert fast == oracle
    assert fast.to_json() == oracle.to_json()


@PROPERTY_SETTINGS
@given(st.sampled_from(sorted(ALL)).flatmap(lambda rs_id: st.tuples(st.just(rs_id), answers_for(ALL[rs_id]))))
@pytest.mark.slow
def test_the_fast_advice_equals_the_straightforward_one(project):
    rs_id, answers = project
    assert_same(ALL[rs_id], answers)


@pytest.mark.parametrize("rs_id", sorted(ALL))
def test_the_fast_advice_equals_the_straightforward_one_for_the_golden_cases(rs_id):
    for case in CASES:
        assert_same(ALL[rs_id], golden_answers(case.stem))
    assert_same(ALL[rs_id], {})

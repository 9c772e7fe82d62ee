"""Main reasons with their shares, and flips grouped by the trait's kind (design §11)."""

from __future__ import annotations

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from ladder.engine.advisor import advise
from ladder.rules.loading import load_rule_set

FIXTURES = ROOT / "tests" / "fixtures" / "v2_roles"
BASE = load_rule_set(FIXTURES / "v2_base.yaml")


def test_an_answer_that_only_pushes_the_runner_up_down_is_no_main_reason():
    advice = advise(BASE, {"initiatiefnemer": "private_initiatiefnemer", "capaciteit": "laag"})
    points = {c.trait: c.points for c in advice.contributions}
    assert advice.recommended == "raadplegen" and advice.runner_ups[0].rung == "informeren"
    assert points["capaciteit"]["raadplegen"] == 0 and points["capaciteit"]["informeren"] < 0
    assert advice.main_reasons == ("initiatiefnemer",)


def test_an_answer_pushing_against_the_advice_is_never_a_main_reason():
    advice = advise(BASE, {"initiatiefnemer": "private_initiatiefnemer", "complexiteit": "hoog", "capaciteit": "laag"})
    assert advice.recommended == "raadplegen"
    assert "complexiteit" not in advice.main_reasons


def _answers():
    single = {t.id: st.sampled_from((*t.option_ids(), "onbekend")) for t in BASE.traits if not t.multiple}
    return st.fixed_dictionaries(single)


@settings(max_examples=100, deadline=None)
@given(_answers())
def test_every_main_reason_adds_points_to_the_advice_and_the_shares_sum_to_one(answers):
    advice = advise(BASE, answers)
    points = {c.trait: c.points for c in advice.contributions}
    runner_up = advice.runner_ups[0].rung if advice.runner_ups else None
    assert advice.main_reasons == tuple(r.trait for r in advice.reason_shares)
    for reason in advice.reason_shares:
        pushed = points[reason.trait]
        assert pushed[advice.recommended] > 0
        assert reason.lead > 0
        assert reason.lead == pytest.approx(pushed[advice.recommended] - (pushed[runner_up] if runner_up else 0))
    leads = [r.lead for r in advice.reason_shares]
    assert leads == sorted(leads, reverse=True)
    if advice.reason_shares:
        assert sum(r.share for r in advice.reason_shares) == pytest.approx(1, abs=1e-5)


def test_flips_say_whether_they_change_a_fact_or_a_choice():
    advice = advise(BASE, {"initiatiefnemer": "private_initiatiefnemer", "bindendheid": "geen"})
    kinds = {(f.trait, f.new_answer): (f.kind, f.new_rung) for f in advice.flips}
    assert kinds[("bindendheid", ("overnemen",))] == ("keuze", "coproduceren")
    assert kinds[("initiatiefnemer", ("gemeente",))] == ("feit", "informeren")


@pytest.mark.parametrize(
    ("answers", "adjust"),
    [
        ({"initiatiefnemer": "gemeente", "doel": "zelf_dragen"}, "goal_higher"),
        ({"initiatiefnemer": "samenleving", "doel": "begrip"}, "goal_lower"),
        ({"initiatiefnemer": "samenleving", "doel": "zelf_dragen"}, None),  # the same rung: nothing to adjust
        ({"initiatiefnemer": "private_initiatiefnemer", "doel": "begrip"}, None),  # one rung apart: no difference
    ],
)
def test_the_goal_route_says_what_to_adjust_only_when_the_routes_differ(answers, adjust):
    routes = advise(BASE, answers).routes
    expected = getattr(BASE.goal_route.adjust, adjust) if adjust else None
    assert routes.adjust == expected
    assert (routes.situation_name.nl, routes.goal_name.nl) == ("Stap voor stap", "Doelgericht")

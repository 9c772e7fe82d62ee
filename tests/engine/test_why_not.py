"""'Waarom niet ...?': every other rung gets a reason, taken from the advice itself."""

from __future__ import annotations

import pytest
from conftest import golden_answers

from ladder.engine.advisor import advise
from ladder.engine.why_not import why_not

# A zoning plan (golden case 02): a zienswijze procedure (floor raadplegen) and no commitment to adopt the outcome
# beforehand (cap adviseren), so rungs on both sides are out of reach.
ZONING_PLAN = golden_answers("02")


def test_every_rung_but_the_advice_is_explained(base):
    advice = advise(base, ZONING_PLAN)
    explained = [w.rung for w in why_not(advice)]
    assert explained == [r for r in base.rung_ids() if r != advice.recommended]


def test_a_rung_out_of_reach_names_the_kader_that_blocks_it(base):
    advice = advise(base, ZONING_PLAN)
    capped = {w.rung: w for w in why_not(advice) if w.status != "mogelijk"}
    assert {"informeren", "coproduceren", "meebeslissen"} <= set(capped), "the floor and the cap should bite"
    for item in capped.values():
        assert item.kaders, f"{item.rung} is out of reach but no kader is named"
    assert [k.id for k in capped["coproduceren"].kaders] == ["besluit_zonder_toezegging"]
    assert [k.id for k in capped["informeren"].kaders] == ["zienswijze_is_minstens_raadplegen"]


def test_the_reasons_against_favour_the_advice(base):
    advice = advise(base, golden_answers("12"))  # a village hall handed over to the village: zelfbeheer
    assert advice.recommended == "zelfbeheer"
    points = {c.trait: c.points for c in advice.contributions}
    for item in why_not(advice):
        leads = [points[tr][advice.recommended] - points[tr][item.rung] for tr in item.against]
        assert all(lead > 0 for lead in leads)
        assert leads == sorted(leads, reverse=True)
        assert item.behind >= 0 or item.status != "mogelijk"


def test_an_inform_only_advice_because_of_a_kader_names_it(base):
    advice = advise(base, golden_answers("13"))  # emergency shelter: no room, inform only
    assert advice.precondition is not None and advice.precondition.outcome == "inform_only"
    for item in why_not(advice):
        assert item.status != "mogelijk" and item.kaders, item.rung


@pytest.mark.parametrize("stop", [{"inbreng_helpt": "nee"}, {"tijd_tot_besluit": "acuut"}, {"besluit_genomen": "ja"}])
def test_an_inform_only_advice_because_of_a_pre_check_names_the_check(base, stop):
    """A square redesign (golden 04) that a pre check stops: no kader fires and the scores still favour coproduceren.
    Every rung above informeren is out of reach because of the pre check, and says so."""
    advice = advise(base, golden_answers("04") | stop)
    assert advice.recommended == "informeren" and advice.precondition.outcome == "inform_only"
    pre = [c.id for c in advice.precondition.checks if c.stage == "pre"]
    assert pre
    items = why_not(advice)
    assert any(item.behind < 0 for item in items), "some rung scores higher than the advice"
    for item in items:
        assert [c.id for c in item.checks] == pre, item.rung


def test_without_a_pre_check_no_rung_names_one(base):
    assert all(not item.checks for item in why_not(advise(base, ZONING_PLAN)))

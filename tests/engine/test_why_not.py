"""'Waarom niet ...?': every other rung gets a reason, taken from the advice itself."""

from __future__ import annotations

from ladder.engine.advisor import advise
from ladder.engine.why_not import why_not

FIXED_BY_LAW = {"wettelijke_kaders": "strikt", "beleidsruimte": "beperkt", "initiatiefnemer": "gemeente"}


def test_every_rung_but_the_advice_is_explained(base):
    advice = advise(base, FIXED_BY_LAW)
    explained = [w.rung for w in why_not(advice)]
    assert explained == [r for r in base.rung_ids() if r != advice.recommended]


def test_a_rung_out_of_reach_names_the_kader_that_blocks_it(base):
    advice = advise(base, FIXED_BY_LAW)
    capped = {w.rung: w for w in why_not(advice) if w.status != "mogelijk"}
    assert capped, "the strict-law kader should put the upper rungs out of reach"
    for item in capped.values():
        assert item.kaders, f"{item.rung} is out of reach but no kader is named"


def test_the_reasons_against_favour_the_advice(base):
    advice = advise(base, {"beleidsruimte": "open", "initiatiefnemer": "samenleving", "bestaand_initiatief": "ja"})
    points = {c.trait: c.points for c in advice.contributions}
    for item in why_not(advice):
        leads = [points[tr][advice.recommended] - points[tr][item.rung] for tr in item.against]
        assert all(lead > 0 for lead in leads)
        assert leads == sorted(leads, reverse=True)
        assert item.behind >= 0 or item.status != "mogelijk"

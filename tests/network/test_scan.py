"""The netwerkpartner-scan (ladder.network.scan): the group's profile per building block, where members differ,
the dilemmas to discuss and the change since the last scan."""

from __future__ import annotations

from fractions import Fraction

import pytest

from ladder.network.scan import DIFFER_SPREAD, check_scores, dilemmas_for, load_scan, profile


@pytest.fixture(scope="module")
def scan():
    return load_scan()


def scores(scan, block_scores: dict[str, int]) -> dict[str, int]:
    """Every statement of each named block scored the same."""
    return {s.id: block_scores[b.id] for b in scan.blocks if b.id in block_scores for s in b.statements}


def test_the_scan_has_the_five_building_blocks_of_the_source(scan):
    assert [b.name.get("nl") for b in scan.blocks] == [
        "Werken met wat er is", "Het gaat iedereen aan", "We eisen geen zekerheid vooraf",
        "De gemeente is een lerende organisatie", "Bouwen aan de gemeenschap hoort bij ons werk"]
    assert all(len(b.statements) >= 3 for b in scan.blocks) and scan.dilemmas


def test_each_member_counts_once_per_block_and_a_big_spread_is_marked(scan):
    first = scores(scan, {"werken_met_wat_er_is": 5, "lerende_organisatie": 2})
    second = scores(scan, {"werken_met_wat_er_is": 2, "lerende_organisatie": 3})
    second.pop("kennis_blijft")  # a statement left open counts for nobody
    results = {r.block: r for r in profile(scan, [first, second])}
    assert results["werken_met_wat_er_is"].average == Fraction(7, 2)
    assert results["werken_met_wat_er_is"].differs  # 5 against 2
    assert (results["lerende_organisatie"].average, results["lerende_organisatie"].differs) == (Fraction(5, 2), False)
    assert results["het_gaat_iedereen_aan"].average is None and results["het_gaat_iedereen_aan"].answered == 0


def test_the_change_since_the_last_scan(scan):
    before = profile(scan, [scores(scan, {"lerende_organisatie": 2})])
    after = profile(scan, [scores(scan, {"lerende_organisatie": 4})], previous=before)
    assert {r.block: r.change for r in after}["lerende_organisatie"] == 2


def test_the_dilemmas_of_differing_blocks_come_first_then_those_of_the_weakest(scan):
    results = profile(scan, [scores(scan, {b.id: 4 for b in scan.blocks} | {"geen_zekerheid_vooraf": 5}),
                             scores(scan, {b.id: 4 for b in scan.blocks} | {"geen_zekerheid_vooraf": 5 - DIFFER_SPREAD,
                                                                            "lerende_organisatie": 1})])
    found = dilemmas_for(scan, results)
    assert "geen_zekerheid_vooraf" in found[0].blocks
    assert any("lerende_organisatie" in d.blocks for d in found)


@pytest.mark.parametrize("bad", [{"eerst_verkennen": 6}, {"eerst_verkennen": True}, {"onbekend": 3}])
def test_scores_off_the_scale_or_for_unknown_statements_are_refused(scan, bad):
    with pytest.raises(ValueError):
        check_scores(scan, bad)

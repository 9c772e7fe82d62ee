"""Matching an initiative to experts: who fits, in which order, and why (ladder.network.matching).

Specification by example first, then properties over generated experts and initiatives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ladder.network.matching import (
    AREA_POINTS,
    OUTSIDE_POINTS,
    Reason,
    match,
    match_many,
)
from ladder.network.model import Expert, Initiative, check_areas, load_vocabulary

AREAS = ("vergunningen", "subsidies_en_fondsen", "energie", "groen", "juridisch", "communicatie")
PLACES = ("leusden", "amersfoort", "maashorst")
RUNGS = ("coproduceren", "zelfbeheer", "overheidsparticipatie")
ROLES = ("faciliteren", "stimuleren", "reguleren")

ENERGY = Initiative(id="zon-op-school", municipality="leusden", region="utrecht", areas=frozenset({"energie",
                    "subsidies_en_fondsen"}), rung="overheidsparticipatie", role="faciliteren")


def expert(id: str, **fields) -> Expert:
    return Expert(**{"id": id, "name": id.capitalize(), "municipality": "amersfoort", "areas": frozenset({"energie"}),
                     "hours_per_month": 8, "outside_own": True, **fields})


def test_the_expert_who_knows_more_of_what_is_asked_ranks_first_with_the_reasons():
    both = expert("bea", areas=frozenset({"energie", "subsidies_en_fondsen"}))
    one = expert("anna")
    [first, second] = match(ENERGY, [one, both])
    assert (first.expert_id, second.expert_id) == ("bea", "anna")
    assert first.reasons[0] == Reason("areas", 2 * AREA_POINTS, ("energie", "subsidies_en_fondsen"))


def test_an_expert_from_another_municipality_is_preferred_where_the_own_one_also_issues_the_permits():
    colleague = expert("otto", municipality="leusden")
    outsider = expert("zara", municipality="amersfoort")
    assert [m.expert_id for m in match(ENERGY, [colleague, outsider])] == ["zara", "otto"]
    assert Reason("outside", OUTSIDE_POINTS) in match(ENERGY, [outsider])[0].reasons
    no_permits = ENERGY.model_copy(update={"own_permits": False})
    assert [m.expert_id for m in match(no_permits, [colleague, outsider])] == ["otto", "zara"]  # a tie: by id


@pytest.mark.parametrize("who", [
    expert("nul", hours_per_month=0),
    expert("thuis", outside_own=False),
    expert("ander", areas=frozenset({"groen"})),
], ids=["no hours", "not outside the own municipality", "knows none of the areas asked"])
def test_some_experts_are_no_match(who):
    assert match(ENERGY, [who]) == []


def test_experience_with_the_advised_form_and_role_counts():
    seasoned = expert("sam", rungs=frozenset({"overheidsparticipatie"}), roles=frozenset({"faciliteren"}))
    kinds = [r.kind for r in match(ENERGY, [seasoned])[0].reasons]
    assert kinds == ["areas", "rung", "role", "hours", "outside"]


def test_the_vocabulary_holds_the_areas_of_the_issue_and_refuses_others():
    vocabulary = load_vocabulary()
    assert {"vergunningen", "subsidies_en_fondsen", "ruimtelijke_ordening", "participatieprocessen"} <= set(
        vocabulary.ids())
    assert vocabulary.label("groen", "en") == "Green space and nature"
    with pytest.raises(ValueError, match="unknown expertise areas: kunst"):
        check_areas(frozenset({"groen", "kunst"}), vocabulary)


# --- properties ------------------------------------------------------------------------------------------

experts_st = st.builds(
    Expert, id=st.text("abcdefgh", min_size=1, max_size=4), name=st.just("X"), municipality=st.sampled_from(PLACES),
    region=st.sampled_from(("", "utrecht", "brabant")), areas=st.frozensets(st.sampled_from(AREAS), max_size=4),
    rungs=st.frozensets(st.sampled_from(RUNGS)), roles=st.frozensets(st.sampled_from(ROLES)),
    hours_per_month=st.integers(0, 12), outside_own=st.booleans())
initiatives_st = st.builds(
    Initiative, id=st.text("xyz", min_size=1, max_size=3), municipality=st.sampled_from(PLACES),
    region=st.sampled_from(("", "utrecht", "brabant")), areas=st.frozensets(st.sampled_from(AREAS), min_size=1,
                                                                              max_size=3),
    rung=st.none() | st.sampled_from(RUNGS), role=st.none() | st.sampled_from(ROLES), own_permits=st.booleans())


def _unique(experts: list[Expert]) -> list[Expert]:
    return list({e.id: e for e in experts}.values())


@settings(max_examples=200, deadline=None)
@given(initiatives_st, st.lists(experts_st, max_size=12), experts_st)
def test_adding_an_expert_never_reorders_the_others(initiative, experts, newcomer):
    experts = [e for e in _unique(experts) if e.id != newcomer.id]
    before = [m.expert_id for m in match(initiative, experts)]
    after = [m.expert_id for m in match(initiative, [*experts, newcomer]) if m.expert_id != newcomer.id]
    assert after == before


@settings(max_examples=200, deadline=None)
@given(initiatives_st, st.lists(experts_st, max_size=12), experts_st, st.sampled_from(AREAS + RUNGS + ROLES))
def test_an_expert_who_fits_better_never_ranks_lower(initiative, experts, someone, extra):
    experts = [e for e in _unique(experts) if e.id != someone.id]
    better = someone.model_copy(update={
        "areas": someone.areas | ({extra} if extra in AREAS else set()),
        "rungs": someone.rungs | ({extra} if extra in RUNGS else set()),
        "roles": someone.roles | ({extra} if extra in ROLES else set()),
        "hours_per_month": max(someone.hours_per_month, 4)})

    def place(who: Expert) -> int | None:
        ranked = [m.expert_id for m in match(initiative, [*experts, who])]
        return ranked.index(who.id) if who.id in ranked else None

    was, now = place(someone), place(better)
    assert was is None or (now is not None and now <= was)


@settings(max_examples=150, deadline=None)
@given(st.lists(initiatives_st, min_size=1, max_size=5), st.lists(experts_st, max_size=30), st.integers(0, 8))
def test_matching_many_at_once_ranks_exactly_as_one_by_one(initiatives, experts, top):
    experts = _unique(experts)
    expected = [[(m.expert_id, m.points) for m in match(i, experts, top)] for i in initiatives]
    assert match_many(initiatives, experts, top) == expected

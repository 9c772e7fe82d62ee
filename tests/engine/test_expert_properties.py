"""What the bundled base model (model v2) promises a participation expert (docs/model-v2.md), on many profiles.

These are properties of the advice, not of single cases: the documented cases are in validation/ and
tests/cases/. Random profiles are drawn the way a user answers: any option, `onbekend`, or left out.
"""

from __future__ import annotations

import random
from collections import Counter

import pandas as pd
import pytest
from conftest import BUNDLED, ROOT

from ladder.engine.advisor import advise
from ladder.engine.batch import MULTI_SEPARATOR, advise_many
from ladder.rules.loading import load_rule_set
from ladder.rules.model import RuleSet

BASE = load_rule_set(ROOT / "rules" / "base.yaml")
PROFILES = 3000
MEEBESLISSEN = "meebeslissen"
# Answers that say how much the people involved can carry: they may add support, never take away influence
PARADOX_TRAITS = ("capaciteit_samenleving", "vertrouwen", "middelen")


def random_answers(rule_set: RuleSet, rng: random.Random, unknown_share: float = 0.1) -> dict[str, object]:
    answers: dict[str, object] = {}
    for trait in rule_set.traits:
        if rng.random() < unknown_share:
            continue
        if not trait.multiple:
            answers[trait.id] = rng.choice(trait.option_ids())
            continue
        exclusive = [o.id for o in trait.options if o.exclusive]
        others = [o.id for o in trait.options if not o.exclusive]
        if exclusive and rng.random() < 0.3:
            answers[trait.id] = [rng.choice(exclusive)]
        else:
            answers[trait.id] = rng.sample(others, rng.randint(1, min(3, len(others))))
    return answers


@pytest.fixture(scope="module")
def profiles() -> list[dict[str, object]]:
    rng = random.Random(2026)
    return [random_answers(BASE, rng) for _ in range(PROFILES)]


def rank(rung: str) -> int:
    return BASE.rung_ids().index(rung)


@pytest.mark.slow
def test_every_rung_is_reachable_and_each_above_informeren_is_advised_for_three_percent_of_participating_profiles(profiles):
    """Uniform random answers stop at a precondition most of the time (nothing to choose, decided, no time), and then
    the advice is informeren; among the profiles where participation goes ahead every other form must be common."""
    advices = [advise(BASE, p) for p in profiles]
    going_ahead = [a for a in advices if a.precondition is None or a.precondition.outcome != "inform_only"]
    counts = Counter(a.recommended for a in going_ahead)
    shares = {r: counts[r] / len(going_ahead) for r in BASE.rung_ids()[1:]}
    assert "informeren" in {a.recommended for a in advices}
    assert all(share >= 0.03 for share in shares.values()), shares


@pytest.mark.slow
@pytest.mark.parametrize("trait", PARADOX_TRAITS)
def test_less_capacity_trust_or_budget_never_means_less_say(profiles, trait):
    """The participation paradox (§2): one step lower never lowers an advice up to meebeslissen."""
    options = BASE.trait(trait).option_ids()
    for profile in profiles[:600]:
        for higher, lower in zip(options[1:], options[:-1]):
            before = advise(BASE, profile | {trait: higher}).recommended
            after = advise(BASE, profile | {trait: lower}).recommended
            if rank(before) <= rank(MEEBESLISSEN):
                assert rank(after) >= rank(before), (profile, trait, higher, before, lower, after)


def test_everything_unknown_gives_no_advice_but_says_what_to_answer_first():
    advice = advise(BASE, {})
    assert advice.status == "onvoldoende"
    assert {"initiatiefnemer", "beleidsruimte"} <= set(advice.needed)


@pytest.mark.slow
def test_without_a_commitment_beforehand_the_decision_phase_is_at_most_adviseren(profiles):
    """On the municipality's own decision; an initiative from society stays the initiators' plan at every phase."""
    for profile in profiles[:800]:
        if profile.get("bindendheid") in ("overnemen_binnen_kaders", "besluit_bij_deelnemers"):
            continue
        if profile.get("initiatiefnemer") == "maatschappelijk_initiatief":
            continue
        for phase in advise(BASE, profile).phases:
            if phase.phase == "besluitvorming":
                assert rank(phase.rung) <= rank("adviseren"), profile


@pytest.mark.slow
def test_a_social_initiative_keeps_at_least_coproduceren_in_the_decision_phase(profiles):
    for profile in profiles[:800]:
        social = profile | {"initiatiefnemer": "maatschappelijk_initiatief", "fase": ["besluitvorming"]}
        advice = advise(BASE, social)
        inform_only = advice.precondition is not None and advice.precondition.outcome == "inform_only"
        if advice.status != "onvoldoende" and not inform_only:
            assert rank(advice.recommended) >= rank("coproduceren"), social


@pytest.mark.parametrize("initiator", ["private_initiatiefnemer", "verzoek_aan_gemeente", "andere_overheid", "gemeente"])
def test_only_a_social_initiative_can_get_overheidsparticipatie(profiles, initiator):
    for profile in profiles[:300]:
        assert advise(BASE, profile | {"initiatiefnemer": initiator}).recommended != "overheidsparticipatie"


@pytest.mark.parametrize("municipality", sorted(m for m in BUNDLED.ids()))
def test_a_municipalitys_own_caps_never_hold_for_an_initiative_from_society(profiles, municipality):
    """A municipality may limit what it asks in its own process; an initiative from society stays the initiators'
    (VNG Model participatieverordening 2024: an initiative with a social goal)."""
    rule_set = BUNDLED.load(municipality)
    base_kaders = {k.id for k in BASE.kaders}
    for profile in profiles[:400]:
        advice = advise(rule_set, profile | {"initiatiefnemer": "maatschappelijk_initiatief"})
        own_caps = [k.id for k in advice.kaders if k.effect == "max" and k.id not in base_kaders]
        assert not own_caps, (municipality, profile)


def test_nothing_left_to_choose_means_inform_honestly_and_say_why():
    advice = advise(BASE, {"initiatiefnemer": "gemeente", "beleidsruimte": "geen", "belanghebbenden": "veel",
                           "ingrijpendheid": "hoog", "conflict": "hoog"})
    assert advice.recommended == "informeren"
    assert advice.precondition is not None and advice.precondition.outcome == "inform_only"
    assert "geen_ruimte" in [c.id for c in advice.precondition.checks]


def test_a_binding_commitment_beforehand_makes_a_vote_meebeslissen():
    advice = advise(BASE, {"initiatiefnemer": "gemeente", "beleidsruimte": "ruim", "soort_opgave": "keuze_of_verdeling",
                           "bindendheid": "overnemen_binnen_kaders", "belanghebbenden": "veel",
                           "ingrijpendheid": "midden", "tijd_tot_besluit": "ruim"})
    assert advice.recommended == MEEBESLISSEN


def test_a_developers_application_is_participation_the_applicant_organises_with_the_municipality_as_regulator():
    advice = advise(BASE, {"initiatiefnemer": "private_initiatiefnemer", "uitvoerder_participatie": "initiatiefnemer",
                           "rol_gemeente": ["bevoegd_gezag"], "procedure": ["aanvraag_omgevingsvergunning"],
                           "beleidsruimte": "beperkt", "vastgelegd_door": ["wet_of_norm"], "belanghebbenden": "gemiddeld",
                           "ingrijpendheid": "midden", "conflict": "midden"})
    assert advice.recommended in ("raadplegen", "adviseren")
    assert advice.role.role == "reguleren"
    assert "aanvraagvereiste_participatie" in [r.id for r in advice.rights]
    assert advice.recommended not in ("zelfbeheer", "overheidsparticipatie")


def test_the_uitdaagrecht_is_a_right_of_residents_not_a_working_method():
    advice = advise(BASE, {"initiatiefnemer": "maatschappelijk_initiatief", "beleidsruimte": "ruim",
                           "formeel_recht": ["uitdaagrecht"], "vraag_initiatief": ["taak_overnemen"]})
    assert "uitdaagrecht" in [r.id for r in advice.rights]
    assert "uitdaagrecht" not in [m.id for m in advice.werkvormen]


@pytest.mark.slow
def test_the_batch_path_gives_exactly_the_engines_rung_scores_and_too_little_under_the_draft(profiles):
    """Portfolios are scored by the batch path: ask_when, the entry phase, phase-scoped kaders, pre checks and
    whether too little is known to name a form included."""
    sample = profiles[:400]
    frame = pd.DataFrame([{k: MULTI_SEPARATOR.join(v) if isinstance(v, list) else v for k, v in p.items()}
                          for p in sample], dtype=object)
    result = advise_many(BASE, frame)
    for i, profile in enumerate(sample):
        advice = advise(BASE, profile)
        assert result.recommended_ids()[i] == advice.recommended, profile
        assert result.scores[i].tolist() == [s.score for s in advice.scores], profile
        assert bool(result.too_little[i]) == (advice.form is None), profile
    assert 0 < result.too_little.sum() < len(sample)

"""Properties of the engine that hold for every project under every bundled rule set."""

from __future__ import annotations

import pytest
from conftest import BUNDLED, ROOT, golden_answers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ladder.engine.advisor import advise, recommend
from ladder.rules.loading import load_rule_set
from ladder.rules.model import NOT_APPLICABLE, UNKNOWN, RuleSet

RULE_SETS = {m: BUNDLED.load(m) for m in BUNDLED.ids()} | {"base": load_rule_set(ROOT / "rules" / "base.yaml")}
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def answers_for(rule_set: RuleSet):
    """Any answers a user could give: every option, `onbekend`, missing, and any set of phases (an exclusive
    option such as `doelgroepen: geen_bijzondere` only on its own, as the form allows)."""
    fields = {}
    for trait in rule_set.traits:
        options = trait.option_ids()
        if trait.multiple:
            exclusive = [o.id for o in trait.options if o.exclusive]
            others = [o.id for o in trait.options if not o.exclusive]
            sets = st.lists(st.sampled_from(others), min_size=1, unique=True)
            if exclusive:
                sets = st.one_of(sets, st.sampled_from(exclusive).map(lambda o: [o]))
            choice = st.one_of(st.just(UNKNOWN), sets)
        else:
            choice = st.sampled_from((*options, UNKNOWN))
        fields[trait.id] = st.one_of(st.none(), choice)
    return st.fixed_dictionaries(fields).map(lambda d: {k: v for k, v in d.items() if v is not None})


def projects():
    return st.sampled_from(sorted(RULE_SETS)).flatmap(lambda rs_id: st.tuples(st.just(rs_id), answers_for(RULE_SETS[rs_id])))


def valid(rule_set: RuleSet, trait_id: str, answer: tuple[str, ...]) -> bool:
    """False for a combination the form cannot give: an exclusive option together with another one."""
    exclusive = {o.id for o in rule_set.trait(trait_id).options if o.exclusive}
    return len(answer) == 1 or not exclusive & set(answer)


def rank(rule_set: RuleSet, rung: str) -> int:
    return rule_set.rung_ids().index(rung)


@PROPERTY_SETTINGS
@given(projects())
@pytest.mark.slow
def test_kaders_are_always_respected(project):
    rs_id, answers = project
    rule_set = RULE_SETS[rs_id]
    advice = advise(rule_set, answers)
    advised = rank(rule_set, advice.recommended)
    for kader in advice.kaders:
        if kader.effect == "max":
            assert advised <= rank(rule_set, kader.rungs[0]), kader.id  # a cap is never broken
        elif kader.effect == "min" and not kader.yielded:
            assert advised >= rank(rule_set, kader.rungs[0]), kader.id
        elif kader.effect == "exclude" and not kader.yielded:
            assert advice.recommended not in kader.rungs, kader.id
    inform_only = advice.precondition is not None and advice.precondition.outcome == "inform_only"
    if inform_only:
        assert advice.recommended == "informeren"
    if any(k.yielded for k in advice.kaders):
        # a floor only gives way when a cap (or exclusion) leaves nothing at or above it, or when a pre check
        # says there is nothing to take part in (inform_only, docs/model-v2.md §7: every floor yields to it)
        assert inform_only or any(k.effect in ("max", "exclude") for k in advice.kaders)


@PROPERTY_SETTINGS
@given(projects())
@pytest.mark.slow
def test_onbekend_never_crashes_and_every_unknown_is_explained(project):
    rs_id, answers = project
    rule_set = RULE_SETS[rs_id]
    advice = advise(rule_set, answers)
    unknown = [t.id for t in rule_set.traits if advice.answers[t.id] == (UNKNOWN,)]
    assert [u.trait for u in advice.unknowns] == unknown
    for effect in advice.unknowns:
        for outcome in effect.outcomes:
            assert recommend(rule_set, dict(advice.answers) | {effect.trait: outcome.answer})[0] == outcome.rung
        assert effect.changes_advice == any(o.rung != advice.recommended for o in effect.outcomes)


def test_all_unknown_gives_an_advice_under_every_rule_set():
    for rule_set in RULE_SETS.values():
        assert advise(rule_set, {}).recommended in rule_set.rung_ids()


@PROPERTY_SETTINGS
@given(projects())
@pytest.mark.slow
def test_the_advice_is_deterministic(project):
    rs_id, answers = project
    rule_set = RULE_SETS[rs_id]
    first = advise(rule_set, answers).to_json()
    reloaded = BUNDLED.load(rs_id) if rs_id != "base" else load_rule_set(ROOT / "rules" / "base.yaml")
    assert reloaded.content_hash == rule_set.content_hash
    assert advise(reloaded, dict(reversed(list(answers.items())))).to_json() == first


@PROPERTY_SETTINGS
@given(projects())
@pytest.mark.slow
def test_the_answers_of_an_advice_give_the_same_advice_again(project):
    # A stored or shared advice is re-checked by feeding its own answers back (onbekend included)
    rs_id, answers = project
    first = advise(RULE_SETS[rs_id], answers)
    # An answer to a question that was not asked (ask_when) is stored as nvt and listed in ignored_answers; the
    # advice does not use it, so fed back it gives the same advice (only the list of set-aside answers is empty).
    assert set(first.ignored_answers) <= {t for t, a in first.answers.items() if a == (NOT_APPLICABLE,)}
    assert advise(RULE_SETS[rs_id], first.answers) == first.model_copy(update={"ignored_answers": ()})


def test_an_ignored_answer_does_not_change_the_advice_fed_back():
    rule_set = RULE_SETS["amersfoort"]
    first = advise(rule_set, {"bestaande_netwerken": "nee", "vraag_initiatief": ["alleen_ruimte"], "complexiteit": "hoog"})
    assert first.answers["vraag_initiatief"] == (NOT_APPLICABLE,) and first.ignored_answers == ("vraag_initiatief",)
    again = advise(rule_set, first.answers)
    # the flip initiatiefnemer -> maatschappelijk_initiatief says overheidsparticipatie first, coproduceren again
    assert again == first.model_copy(update={"ignored_answers": ()})


@PROPERTY_SETTINGS
@given(projects())
@pytest.mark.slow
def test_every_flip_is_real_and_complete(project):
    """The listed single changes change the advice to what they say; no other single change does.
    A question not asked (answer `nvt`, e.g. vastgelegd_door when there is ample room) has no flips."""
    rs_id, answers = project
    rule_set = RULE_SETS[rs_id]
    advice = advise(rule_set, answers)
    flips = {(f.trait, f.new_answer): f.new_rung for f in advice.flips if valid(rule_set, f.trait, f.new_answer)}
    for trait in rule_set.traits:
        current = advice.answers[trait.id]
        if current == (NOT_APPLICABLE,):
            assert not any(t == trait.id for t, _ in flips), trait.id
            continue
        if trait.multiple:  # one option more or less; an exclusive option ("geen") stands alone
            chosen = set() if current == (UNKNOWN,) else set(current)
            exclusive = {o.id for o in trait.options if o.exclusive}
            toggled = [chosen - {x} if x in chosen else {x} if x in exclusive else (chosen - exclusive) | {x}
                       for x in trait.option_ids()]
            alternatives = {tuple(o for o in trait.option_ids() if o in new) or (UNKNOWN,) for new in toggled}
            alternatives |= {(UNKNOWN,)} if chosen else set()
        else:
            alternatives = {(o,) for o in (*trait.option_ids(), UNKNOWN)} - {current}
        for new in (a for a in alternatives if valid(rule_set, trait.id, a)):
            rung = recommend(rule_set, dict(advice.answers) | {trait.id: list(new)})[0]
            if rung != advice.recommended:
                assert flips.get((trait.id, new)) == rung, (trait.id, new)
            else:
                assert (trait.id, new) not in flips


@PROPERTY_SETTINGS
@given(projects())
@pytest.mark.slow
def test_the_fast_path_agrees_with_the_full_advice(project):
    rs_id, answers = project
    rule_set = RULE_SETS[rs_id]
    advice = advise(rule_set, answers)
    rung, scores = recommend(rule_set, answers)
    assert rung == advice.recommended
    assert scores == {s.rung: s.score for s in advice.scores}


def test_no_flip_proposes_an_answer_the_form_cannot_give():
    """A flip is shown to the user as "if you answered X"; X must be an answer the form accepts."""
    rule_set = RULE_SETS["amersfoort"]
    advice = advise(rule_set, {"formeel_recht": ["geen"]})  # offers ('geen', 'uitdaagrecht') under v2 2.0.0
    assert [(f.trait, f.new_answer) for f in advice.flips if not valid(rule_set, f.trait, f.new_answer)] == []


BELEIDSRUIMTE = ("geen", "beperkt", "ruim", "open")


@settings(max_examples=300, deadline=None)
@given(answers_for(RULE_SETS["base"]), st.integers(0, 2))
def test_in_the_base_rules_more_beleidsruimte_never_lowers_the_advice(answers, step):
    rule_set = RULE_SETS["base"]
    lower = rank(rule_set, recommend(rule_set, answers | {"beleidsruimte": BELEIDSRUIMTE[step]})[0])
    higher = rank(rule_set, recommend(rule_set, answers | {"beleidsruimte": BELEIDSRUIMTE[step + 1]})[0])
    assert higher >= lower


@pytest.mark.parametrize("rs_id", sorted(RULE_SETS))
def test_the_advice_serialises_to_json_with_a_schema_version(rs_id):
    import json

    data = json.loads(advise(RULE_SETS[rs_id], golden_answers("04") | {"fase": ["besluitvorming", "beheer"]}).to_json())
    assert data["schema_version"] == "2.0"
    assert data["rule_set"]["content_hash"] == RULE_SETS[rs_id].content_hash
    # v2: the phase matrix runs from the entry phase (the earliest chosen) to the end, not over the chosen phases only
    assert data["entry_phase"] == "besluitvorming"
    assert [p["phase"] for p in data["phases"]] == ["besluitvorming", "uitvoering", "beheer"]


KADER_RULES = """\
extends: base
kaders:
  - {id: vloer_laag, when: {trait: conflict, equals: hoog}, min: raadplegen, reason: Vloer die past.}
  - {id: vloer_hoog, when: {trait: vertrouwen, equals: hoog}, min: meebeslissen, reason: Vloer boven het plafond.}
  - {id: plafond, when: {trait: conflict, equals: hoog}, max: raadplegen, reason: Plafond.}
  - {id: niet_raadplegen, when: {trait: ingrijpendheid, equals: laag}, exclude: [raadplegen, adviseren], reason: Uitgesloten.}
"""


def test_only_the_floors_above_a_cap_give_way(write_rules):
    rule_set = load_rule_set(write_rules(KADER_RULES))
    # Road maintenance with a little room left (with no room at all, v2 stops at the pre check geen_ruimte)
    project = golden_answers("01") | {"beleidsruimte": "beperkt", "vastgelegd_door": ["wet_of_norm"], "besluit_genomen": "nee"}
    advice = advise(rule_set, project | {"conflict": "hoog", "vertrouwen": "hoog"})
    by_id = {k.id: k for k in advice.kaders}
    assert by_id["vloer_hoog"].yielded and not by_id["vloer_laag"].yielded
    scores = {s.rung: s.score for s in advice.scores}
    assert scores["informeren"] > scores["raadplegen"]
    assert advice.recommended == "raadplegen"  # informeren scores higher, but the fitting floor still holds


def test_floors_that_give_way_to_exclusions_are_marked(write_rules):
    rule_set = load_rule_set(write_rules(KADER_RULES))
    # window raadplegen..raadplegen, excluded
    advice = advise(rule_set, golden_answers("04") | {"conflict": "hoog", "ingrijpendheid": "laag"})
    assert advice.precondition is None or advice.precondition.outcome != "inform_only"  # not the pre check's doing
    by_id = {k.id: k for k in advice.kaders}
    assert advice.recommended == "informeren"
    assert by_id["vloer_laag"].yielded
    assert not by_id["niet_raadplegen"].yielded and not by_id["plafond"].yielded


def test_a_rule_set_is_computed_with_its_own_weights_even_under_the_same_content_hash(bundled):
    # A register snapshot resolved by an older loader carries the hash of the same YAML but may weigh otherwise;
    # it must never be computed with the weights of the live rule set seen earlier (bug: the cache was per hash).
    live = bundled["voorbeeldgemeente"]
    answers = {"beleidsruimte": "open"}
    live_advice = advise(live, answers)
    reversed_weights = {trait: {option: w.model_copy(update={"points": {r: -p for r, p in w.points.items()}})
                                for option, w in options.items()}
                        for trait, options in live.weights.items()}
    snapshot = live.model_copy(update={"weights": reversed_weights})
    assert snapshot.content_hash == live.content_hash
    snapshot_advice = advise(snapshot, answers)
    assert [s.score for s in snapshot_advice.scores] == [-s.score for s in live_advice.scores]

"""Comparing frameworks: rule differences as data and as sentences, the weight heatmap, and why advice differs.

The golden sentences are read from the bundled municipalities' YAML (model v2, docs/municipal-changes.md):
Leusden's factor 2 on bestaande_netwerken and its renamed rung, Amersfoort's own cap
amersfoort_wettelijk_vastgelegd, Noordoost-Brabant's question dorpsorganisatie (no points), Maashorst's own
question thema and its early-phase floor. No bundled municipality adds a rung or switches a question off any
more: those are read from docs/voorbeeld-regelset.yaml (an added rung) and from small fixture rule sets.
"""

from __future__ import annotations

import itertools
import json

import pytest
import yaml
from conftest import CASES, ROOT

from ladder.analysis.compare import (
    AdviceDifference,
    FactorDifference,
    KaderDifference,
    MethodsChanged,
    MethodsOnlyIn,
    PointsDifference,
    RobustnessDifference,
    RoleNeedDifference,
    RungOnlyIn,
    RungRenamed,
    TraitOnlyIn,
    advice_difference,
    askers,
    fitting_answers,
    question_union,
    rule_differences,
    weight_difference,
)
from ladder.engine.advisor import advise
from ladder.rules.loading import load_rule_set
from ladder.rules.model import RuleSet
from ladder.rules.sources import RuleSources
from ui.charts.compare import (
    rule_sentences,
    shift_table,
    short_name,
    signed,
    standing_table,
    weight_difference_chart,
    why_sentences,
)

PAIRS = list(itertools.combinations(["amersfoort", "leusden", "maashorst", "noordoost_brabant", "voorbeeldgemeente"], 2))
EXAMPLE = ROOT / "docs" / "voorbeeld-regelset.yaml"  # "Mijn Gemeente": the one rule set with an added rung


def case_answers(stem: str) -> dict:
    path = next(c for c in CASES if c.stem == stem)
    return yaml.safe_load(path.read_text(encoding="utf-8"))["project"]["answers"]


def under(rule_set: RuleSet, answers: dict):
    """The advice as the Vergelijken page asks for it: only answers this framework can take."""
    return advise(rule_set, fitting_answers(rule_set, answers)[0], ignore_unknown_traits=True)


def texts(a: RuleSet, b: RuleSet, lang: str = "nl") -> list[str]:
    return [s.text for s in rule_sentences(rule_differences(a, b), a, b, lang)]


@pytest.fixture(scope="module")
def example() -> RuleSet:
    return load_rule_set(EXAMPLE)


# --- rule differences as data -------------------------------------------------------------------


@pytest.mark.parametrize("municipality", ["amersfoort", "leusden", "maashorst", "noordoost_brabant", "voorbeeldgemeente"])
def test_a_framework_does_not_differ_from_itself(bundled, municipality):
    rule_set = bundled[municipality]
    assert rule_differences(rule_set, rule_set) == ()
    assert weight_difference(rule_set, rule_set).empty


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_differences_are_the_same_either_way_round(bundled, a, b):
    forward, backward = rule_differences(bundled[a], bundled[b]), rule_differences(bundled[b], bundled[a])
    assert sorted(type(d).__name__ for d in forward) == sorted(type(d).__name__ for d in backward)


def test_leusden_weighs_existing_networks_twice_as_heavily(bundled):
    factors = [d for d in rule_differences(bundled["voorbeeldgemeente"], bundled["leusden"]) if isinstance(d, FactorDifference)]
    assert factors == [FactorDifference(trait="bestaande_netwerken", options=("nee", "ja"), every_option=True,
                                        heavier="leusden", lighter="voorbeeldgemeente", ratio=2.0,
                                        whys=(bundled["leusden"].weights["bestaande_netwerken"]["ja"].factors[0].why,))]


TWO_FACTORS = """\
extends: voorbeeldgemeente
name: "Proefdorp (test): twee factoren"
weight_factors:
  - trait: bestaande_netwerken
    factor: 0.5
    why: Netwerken wegen hier half.
  - trait: capaciteit_samenleving
    factor: 1.5
    why: Draagkracht weegt hier zwaarder.
"""


def test_between_two_factors_the_ratio_counts(write_rules, bundled):
    """Leusden doubles existing networks, Proefdorp halves them and weighs capacity 1.5 times: each is heavier on its
    own, and between factor 2 and factor 0.5 the ratio is 4."""
    proefdorp = load_rule_set(write_rules(TWO_FACTORS, "proefdorp.yaml"))
    factors = {d.trait: (d.heavier, d.ratio) for d in rule_differences(bundled["leusden"], proefdorp)
               if isinstance(d, FactorDifference)}
    assert factors == {"bestaande_netwerken": ("leusden", 4.0), "capaciteit_samenleving": ("proefdorp", 1.5)}


def test_amersfoort_caps_at_adviseren_when_law_or_safety_fixes_the_outcome(bundled):
    amersfoort = bundled["amersfoort"]
    kaders = [d for d in rule_differences(amersfoort, bundled["voorbeeldgemeente"]) if isinstance(d, KaderDifference)]
    assert [(d.kader, d.a.max, d.b, d.same_condition) for d in kaders] == [
        ("amersfoort_wettelijk_vastgelegd", "adviseren", None, False)]
    assert kaders[0].a == next(k for k in amersfoort.kaders if k.id == "amersfoort_wettelijk_vastgelegd")


def test_everything_leusden_changes_is_found(bundled):
    found = rule_differences(bundled["leusden"], bundled["voorbeeldgemeente"])
    assert [type(d) for d in found] == [RungRenamed, FactorDifference, RoleNeedDifference, RoleNeedDifference,
                                        MethodsOnlyIn]
    assert found[0] == RungRenamed("overheidsparticipatie")
    # Samenleving Voorop: advice and contacts alone no longer make the municipality facilitate
    assert [(d.need, d.a is not None, d.b is not None) for d in found if isinstance(d, RoleNeedDifference)] == [
        ("faciliteren_bij_geld_of_toestemming", True, False), ("faciliteren_bij_vraag", False, True)]
    assert found[-1] == MethodsOnlyIn(("regelluwe_ruimte",), "leusden", "voorbeeldgemeente")


OWN_ROLE_NEED = """\
extends: base
name: "Proefrol (test): faciliteren alleen bij geld"
description: "Proef."
version: "1.0.0"
date: 2026-12-07
status: concept
illustration: true
disclaimer: "Proef."
sources: ["Proef."]
add_role_needs:
  - id: faciliteren_bij_vraag
    role: faciliteren
    when: {trait: vraag_initiatief, equals: geld_of_middelen}
    why: "Alleen geld vraagt hier de gemeente."
"""


def test_a_role_need_asked_in_another_situation_is_told_with_both_conditions(write_rules, bundled):
    own = load_rule_set(write_rules(OWN_ROLE_NEED, "proefrol.yaml"))
    found = [d for d in rule_differences(own, bundled["voorbeeldgemeente"]) if isinstance(d, RoleNeedDifference)]
    assert [d.need for d in found] == ["faciliteren_bij_vraag"] and found[0].a is not None and found[0].b is not None
    sentence = rule_sentences(tuple(found), own, bundled["voorbeeldgemeente"], "nl")[0]
    assert sentence.text.startswith("Proefrol en Voorbeeldgemeente kiezen de rol van de gemeente hier anders. In "
                                    'Proefrol: als Wat het initiatief vraagt is "Geld, een ruimte of materiaal", is de rol '
                                    "van de gemeente minstens Faciliteren.")
    assert "Reden in Proefrol: Alleen geld vraagt hier de gemeente." in sentence.detail
    # only the why differs: no difference in the rules
    same_why = OWN_ROLE_NEED.replace("{trait: vraag_initiatief, equals: geld_of_middelen}",
                                     "{trait: vraag_initiatief, in: [advies_en_contacten, geld_of_middelen, toestemming, "
                                     "taak_overnemen]}")
    own = load_rule_set(write_rules(same_why, "proefrol2.yaml"))
    assert not [d for d in rule_differences(own, bundled["voorbeeldgemeente"]) if isinstance(d, RoleNeedDifference)]


def test_an_added_rung_is_found_with_the_rung_below_it(bundled, example):
    found = rule_differences(example, bundled["voorbeeldgemeente"])
    assert found[0] == RungOnlyIn("samen_onderzoeken", "voorbeeld-regelset", "voorbeeldgemeente", "adviseren")
    assert [d for d in found if isinstance(d, RungOnlyIn)] == [found[0]]
    assert [d for d in rule_differences(bundled["voorbeeldgemeente"], example) if isinstance(d, RungOnlyIn)] == [found[0]]


SWITCHED_OFF = """\
extends: noordoost_brabant
name: "Proefkern (test): zonder de vraag of het besluit al genomen is"
disable_traits: [besluit_genomen]
disable_preconditions: [besluit_al_genomen]
"""


def test_a_question_switched_off_is_told_apart_from_a_question_added(write_rules, bundled):
    proefkern = load_rule_set(write_rules(SWITCHED_OFF, "proefkern.yaml"))
    found = [d for d in rule_differences(proefkern, bundled["maashorst"]) if isinstance(d, TraitOnlyIn)]
    assert {(d.trait, d.only_in, d.disabled_in_other) for d in found} == {
        ("dorpsorganisatie", "proefkern", False), ("thema", "maashorst", False), ("besluit_genomen", "maashorst", True)}


ITS_OWN_POINTS = """\
extends: leusden
name: "Proefbuurt (test): eigen punten"
weights:
  bestaande_netwerken:
    "ja":
      why: Werk met wat er is, en maak samen.
      coproduceren: 1.5
"""


def test_points_written_differently_that_a_factor_makes_equal_are_no_difference(example, bundled):
    """Mijn Gemeente writes schaal buurt coproduceren 1 under its factor 0.5; the base writes 0.5: both add 0.5.
    The factor is told (a FactorDifference); the points are not, since the engine adds the same."""
    differences = rule_differences(example, bundled["voorbeeldgemeente"])
    assert not [d for d in differences if isinstance(d, PointsDifference) and (d.trait, d.option) == ("schaal", "buurt")]
    assert [d for d in differences if isinstance(d, FactorDifference) and d.trait == "schaal"]


def test_points_written_differently_are_given_as_the_engine_adds_them(write_rules, bundled):
    """Written 1.5 under Leusden's factor 2: the engine adds 3 (the base writes and adds 0.5)."""
    proefbuurt = load_rule_set(write_rules(ITS_OWN_POINTS, "proefbuurt.yaml"))
    found = [d for d in rule_differences(bundled["voorbeeldgemeente"], proefbuurt) if isinstance(d, PointsDifference)]
    assert found == [PointsDifference("bestaande_netwerken", "ja", (("coproduceren", 0.5, 3.0),))]
    assert [d for d in rule_differences(bundled["leusden"], proefbuurt) if isinstance(d, PointsDifference)] == [
        PointsDifference("bestaande_netwerken", "ja", (("coproduceren", 1.0, 3.0),))]


def test_maashorsts_phase_points_are_points_written_differently(bundled):
    """Maashorst's phase_points replace listed rungs of two phase profiles: a difference in points like any answer's.

    agenda: informeren -2 is the base's own value, so only coproduceren and meebeslissen differ there.
    """
    found = [d for d in rule_differences(bundled["voorbeeldgemeente"], bundled["maashorst"]) if isinstance(d, PointsDifference)]
    assert found == [
        PointsDifference("fase", "agenda", (("coproduceren", 1.5, 2.0), ("meebeslissen", 1.0, 2.0))),
        PointsDifference("fase", "uitvoering", (("informeren", 2.0, 2.5), ("coproduceren", 0.5, -0.5))),
    ]


LATER_FLOOR = """\
extends: maashorst
name: "Proefhorst (test): de vloer ook in de voorbereiding"
kaders:
  - id: vroeg_en_open_minstens_advies
    phases: [agenda, voorbereiding]
    when: {trait: beleidsruimte, in: [ruim, open]}
    min: adviseren
    reason: Ook in de voorbereiding minstens advies.
"""


def test_a_kader_that_holds_in_other_phases_is_a_difference(write_rules, bundled):
    """Same condition, same floor, but also in the preparation phase: the kader applies to other projects."""
    proefhorst = load_rule_set(write_rules(LATER_FLOOR, "proefhorst.yaml"))
    kaders = [d for d in rule_differences(bundled["maashorst"], proefhorst) if isinstance(d, KaderDifference)]
    assert [(d.kader, d.a.phases, d.b.phases, d.same_condition) for d in kaders] == [
        ("vroeg_en_open_minstens_advies", ("agenda",), ("agenda", "voorbereiding"), False)]


VARIANT = """\
extends: voorbeeldgemeente
name: "Proefstad (test): een variant"
robustness: {robuust: 5, redelijk: 2}
weight_factors:
  - trait: tijd_tot_besluit
    options: [krap]
    factor: 3
    why: Haast weegt hier zwaar.
  - trait: politieke_gevoeligheid
    factor: 0
    why: Politiek laten we buiten beschouwing.
kaders:
  - id: niets_te_beslissen
    when: {trait: beleidsruimte, in: [geen, beperkt]}
    max: raadplegen
    reason: Ook bij weinig ruimte hoogstens raadplegen.
werkvormen:
  - id: schouw
    name: Schouw met de wethouder
    description: Een andere beschrijving.
    rungs: [raadplegen]
    schaal: [buurt]
    groepsgrootte: klein
    kosten: laag
    duur: kort
    waarden: {inclusie: 1, invloed: 1, eigenaarschap: 1, deliberatie: 1, legitimiteit: 1}
"""


@pytest.fixture
def variant(write_rules, bundled) -> RuleSet:
    assert any(m.id == "schouw" for m in bundled["voorbeeldgemeente"].werkvormen), "the variant changes a base method"
    assert any(k.id == "niets_te_beslissen" for k in bundled["voorbeeldgemeente"].kaders), "the variant changes a base kader"
    return load_rule_set(write_rules(VARIANT, "variant.yaml"))


def test_factors_on_some_answers_a_zero_factor_thresholds_and_changed_methods(bundled, variant):
    found = rule_differences(bundled["voorbeeldgemeente"], variant)
    factors = {d.trait: d for d in found if isinstance(d, FactorDifference)}
    haste = factors["tijd_tot_besluit"]
    assert (haste.options, haste.every_option, haste.heavier, haste.ratio) == (("krap",), False, "variant", 3.0)
    assert (factors["politieke_gevoeligheid"].heavier, factors["politieke_gevoeligheid"].ratio) == ("voorbeeldgemeente", None)
    assert RobustnessDifference(bundled["voorbeeldgemeente"].robustness, variant.robustness) in found
    assert MethodsChanged(("schouw",)) in found
    kader = next(d for d in found if isinstance(d, KaderDifference))
    assert (kader.kader, kader.a.max, kader.b.max, kader.same_condition) == ("niets_te_beslissen", "informeren", "raadplegen",
                                                                            False)


# --- rule differences in words (golden) ---------------------------------------------------------------


def test_golden_sentences_leusden_and_voorbeeldgemeente(bundled):
    a, b = bundled["leusden"], bundled["voorbeeldgemeente"]
    sentences = rule_sentences(rule_differences(a, b), a, b, "nl")
    assert [s.text for s in sentences] == [
        'Leusden noemt de trede "Overheidsparticipatie: de gemeente doet mee", Voorbeeldgemeente noemt haar '
        '"Overheidsparticipatie".',
        'Leusden weegt "Bestaande groepen en netwerken" twee keer zo zwaar als Voorbeeldgemeente.',
        'Als Wat het initiatief vraagt is "Geld, een ruimte of materiaal" of "Een vergunning of toestemming" of "Een taak '
        'of voorziening van de gemeente overnemen, met het geld dat erbij hoort": in Leusden is de rol van de gemeente minstens '
        "Faciliteren. Voorbeeldgemeente heeft die regel niet.",
        'Als Wat het initiatief vraagt is "Advies, kennis of contacten" of "Geld, een ruimte of materiaal" of "Een '
        'vergunning of toestemming" of "Een taak of voorziening van de gemeente overnemen, met het geld dat erbij hoort": in '
        "Voorbeeldgemeente is de rol van de gemeente minstens Faciliteren. Leusden heeft die regel niet.",
        "Werkvormen die alleen Leusden kent: Regelluwe ruimte.",
    ]
    assert sentences[1].detail == "Waarom: Samenleving Voorop: werken met wat er is weegt in Leusden twee keer zo zwaar."


def test_golden_sentence_of_an_added_rung(bundled, example):
    found = texts(example, bundled["voorbeeldgemeente"])
    assert found[0] == ('Mijn Gemeente heeft een extra trede boven "Adviseren": "Samen onderzoeken". '
                        "Voorbeeldgemeente kent die trede niet.")


def test_golden_sentences_amersfoort_and_voorbeeldgemeente(bundled):
    a, b = bundled["amersfoort"], bundled["voorbeeldgemeente"]
    sentences = rule_sentences(rule_differences(a, b), a, b, "nl")
    assert [s.text for s in sentences] == [
        'Als Initiatiefnemer is "De gemeente (college, raad of ambtelijke organisatie)" of "De gemeente en inwoners of '
        'organisaties samen" en Waardoor het vastligt is "Een wet of een landelijke norm" of "Veiligheid, zoals verkeersveiligheid of '
        'gezondheid" en Beleidsruimte is "Weinig: alleen details, zoals de inrichting of de planning": Amersfoort '
        "begrenst op Adviseren. Voorbeeldgemeente heeft die regel niet.",
        "Deze werkvormen zijn in Amersfoort anders beschreven dan in Voorbeeldgemeente: Gemengde werkgroep (alle partijen "
        "aan tafel).",
    ]
    assert sentences[0].detail.startswith("Reden in Amersfoort: Dit is een eigen, strengere keuze van deze illustratie "
                                          "voor Amersfoort.")


def test_golden_sentences_in_english(bundled):
    assert texts(bundled["amersfoort"], bundled["leusden"], "en")[1:3] == [
        'Leusden weighs "Existing groups and networks" twice as heavily as Amersfoort.',
        'If Initiator is "The municipality (executive, council or civil service)" or "The municipality and residents or '
        'organisations together" and What fixes it is "A law or a national standard" or "Safety, such as traffic safety or health" and Room to '
        'decide is "Little: only details, such as the layout or the schedule": Amersfoort caps at Advise. Leusden has no '
        "such rule.",
    ]


def test_golden_sentences_noordoost_brabant(bundled):
    found = texts(bundled["noordoost_brabant"], bundled["maashorst"])
    assert ('Alleen Dorpen in Noordoost-Brabant stelt de vraag "Dorpsorganisatie": Is een dorpshuis, vereniging of '
            "dorpsraad betrokken?") in found
    assert 'Alleen Maashorst stelt de vraag "Thema": Over welk thema gaat het project?' in found
    # dorpsorganisatie has no points: against the neutral example no weight differs; it asks a role through the village
    assert texts(bundled["voorbeeldgemeente"], bundled["noordoost_brabant"]) == [
        'Alleen Dorpen in Noordoost-Brabant stelt de vraag "Dorpsorganisatie": Is een dorpshuis, vereniging of dorpsraad '
        "betrokken?",
        'Als Dorpsorganisatie is "Ja": in Dorpen in Noordoost-Brabant is de rol van de gemeente minstens Faciliteren. '
        "Voorbeeldgemeente heeft die regel niet."]


def test_golden_sentences_maashorst(bundled):
    found = texts(bundled["maashorst"], bundled["voorbeeldgemeente"])
    assert found == [
        'Alleen Maashorst stelt de vraag "Thema": Over welk thema gaat het project?',
        'Bij "Fase: Agenda: bepalen waar het over gaat" verschillen de punten: Coproduceren (samen maken, cocreatie) +2 in '
        "Maashorst en +1,5 in Voorbeeldgemeente; Meebeslissen +2 in Maashorst en +1 in Voorbeeldgemeente.",
        'Bij "Fase: Uitvoering: doen" verschillen de punten: Informeren +2,5 in Maashorst en +2 in Voorbeeldgemeente; '
        "Coproduceren (samen maken, cocreatie) -0,5 in Maashorst en +0,5 in Voorbeeldgemeente.",
        # the floor holds only when the agenda phase is evaluated: the sentence must say so
        'Als Beleidsruimte is "Veel: er zijn echte keuzes" of "Alles: ook de vraag zelf ligt open", in de fase "Agenda: '
        'bepalen waar het over gaat": Maashorst vraagt minstens Adviseren. Voorbeeldgemeente heeft die regel niet.',
    ]
    assert texts(bundled["maashorst"], bundled["voorbeeldgemeente"], "en")[-1] == (
        'If Room to decide is "Much: there are real choices" or "Everything: even the question itself is open", in the '
        'phase "Agenda: deciding what it is about": Maashorst asks at least Advise. Example municipality has no such rule.')


def test_golden_sentence_of_a_kader_in_other_phases(write_rules, bundled):
    proefhorst = load_rule_set(write_rules(LATER_FLOOR, "proefhorst.yaml"))
    assert texts(bundled["maashorst"], proefhorst)[-1] == (
        'Als Beleidsruimte is "Veel: er zijn echte keuzes" of "Alles: ook de vraag zelf ligt open", in de fase "Agenda: '
        'bepalen waar het over gaat": Maashorst vraagt minstens Adviseren. Als Beleidsruimte is "Veel: er zijn echte '
        'keuzes" of "Alles: ook de vraag zelf ligt open", in de fase "Agenda: bepalen waar het over gaat" of '
        '"Voorbereiding: plan maken": Proefhorst vraagt minstens Adviseren.')


def test_golden_sentence_of_a_question_switched_off(write_rules, bundled):
    proefkern = load_rule_set(write_rules(SWITCHED_OFF, "proefkern.yaml"))
    assert ('Proefkern heeft de vraag "Besluit al genomen" uitgezet: daar telt het antwoord niet mee. '
            "Voorbeeldgemeente stelt de vraag wel.") in texts(bundled["voorbeeldgemeente"], proefkern)


def test_golden_sentences_of_a_variant(bundled, variant):
    found = texts(bundled["voorbeeldgemeente"], variant)
    name = short_name(variant, "nl")
    assert name == "Proefstad"
    assert (f'{name} weegt het antwoord "Minder dan 3 maanden, ook bij een korte wettelijke termijn" op "Tijd tot het '
            f'besluit" drie keer zo zwaar als Voorbeeldgemeente.') in found
    assert f'{name} laat "Politieke gevoeligheid" niet meewegen, Voorbeeldgemeente wel.' in found
    assert (f"Voorbeeldgemeente noemt een advies stevig vanaf 4 punten voorsprong en redelijk stevig vanaf 1,5. {name} doet "
            "dat vanaf 5 en 2 punten.") in found
    assert ('Als Beleidsruimte is "Niets: alles ligt vast": Voorbeeldgemeente begrenst op Informeren. Als Beleidsruimte is '
            f'"Niets: alles ligt vast" of "Weinig: alleen details, zoals de inrichting of de planning": {name} begrenst op '
            "Raadplegen.") in found


@pytest.mark.parametrize(("a", "b"), PAIRS)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_difference_of_every_pair_has_a_sentence(bundled, a, b, lang):
    sentences = rule_sentences(rule_differences(bundled[a], bundled[b]), bundled[a], bundled[b], lang)
    assert sentences and all(s.text.strip() and "{" not in s.text for s in sentences)


@pytest.mark.parametrize(("value", "nl", "en"), [(1.5, "+1,5", "+1.5"), (-2.0, "-2", "-2"), (0.0, "0", "0"), (-0.0, "0", "0")])
def test_signed_numbers(value, nl, en):
    assert (signed(value, "nl"), signed(value, "en")) == (nl, en)


@pytest.mark.parametrize(("municipality", "short"), [("amersfoort", "Amersfoort"), ("leusden", "Leusden"),
                                                     ("noordoost_brabant", "Dorpen in Noordoost-Brabant"),
                                                     ("voorbeeldgemeente", "Voorbeeldgemeente")])
def test_short_names(bundled, municipality, short):
    assert short_name(bundled[municipality], "nl") == short


# --- the heatmap ------------------------------------------------------------------------------------


def test_weight_difference_of_a_factor_is_the_points_it_adds(bundled):
    base, leusden = bundled["voorbeeldgemeente"], bundled["leusden"]
    frame = weight_difference(base, leusden)
    assert list(frame.index) == [("bestaande_netwerken", "nee"), ("bestaande_netwerken", "ja")]
    assert list(frame.columns) == list(base.rung_ids())
    for option in ("nee", "ja"):
        given = base.weights["bestaande_netwerken"][option].points
        assert frame.loc[("bestaande_netwerken", option)].to_dict() == {r: given.get(r, 0.0) for r in base.rung_ids()}


def test_the_heatmap_has_only_the_rungs_both_have(bundled, example):
    frame = weight_difference(bundled["voorbeeldgemeente"], example)
    assert "samen_onderzoeken" in example.rung_ids()
    assert list(frame.columns) == list(bundled["voorbeeldgemeente"].rung_ids())  # samen_onderzoeken is Mijn Gemeente's alone


def test_a_question_only_one_asks_weighs_its_whole_push(bundled):
    maashorst = bundled["maashorst"]
    frame = weight_difference(bundled["voorbeeldgemeente"], maashorst)
    assert frame.loc[("thema", "sociaal"), "coproduceren"] == 1.5
    assert frame.loc[("thema", "bestuur"), "meebeslissen"] == -1.0
    for option in maashorst.trait("thema").option_ids():
        if option in maashorst.weights["thema"]:
            given = maashorst.weights["thema"][option].points
            assert frame.loc[("thema", option)].to_dict() == {r: given.get(r, 0.0) for r in frame.columns}
    # a question only one asks, without points (used in conditions only), pushes nothing
    assert weight_difference(bundled["voorbeeldgemeente"], bundled["noordoost_brabant"]).empty


def test_the_heatmap_has_a_row_for_each_phase_whose_points_differ(bundled):
    frame = weight_difference(bundled["voorbeeldgemeente"], bundled["maashorst"])
    assert [i for i in frame.index if i[0] == "fase"] == [("fase", "agenda"), ("fase", "uitvoering")]
    assert frame.loc[("fase", "agenda")].to_dict() == {r: {"coproduceren": 0.5, "meebeslissen": 1.0}.get(r, 0.0)
                                                        for r in frame.columns}
    assert frame.loc[("fase", "uitvoering")].to_dict() == {r: {"informeren": 0.5, "coproduceren": -1.0}.get(r, 0.0)
                                                            for r in frame.columns}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_heatmap_and_its_table_hold_the_same_numbers(bundled, lang):
    chart = weight_difference_chart(bundled["leusden"], bundled["maashorst"], lang)
    figure = json.loads(chart.figure.to_json())
    heatmap = figure["data"][0]
    # Maashorst's two phases, bestaande_netwerken (Leusden's factor) and thema (Maashorst's question)
    assert len(heatmap["y"]) == 2 + 2 + 4
    assert heatmap["text"] == chart.table.drop(columns=chart.table.columns[0]).to_numpy().tolist()
    assert heatmap["y"] == chart.table.iloc[:, 0].tolist()
    assert [[signed(v, lang) for v in row] for row in heatmap["z"]] == heatmap["text"]
    assert weight_difference_chart(bundled["voorbeeldgemeente"], bundled["voorbeeldgemeente"], lang) is None


def test_rule_set_texts_in_the_heatmap_are_not_read_as_html(write_rules, bundled):
    odd = load_rule_set(write_rules(
        "extends: voorbeeldgemeente\nname: '<b>Vet</b> (x)'\nweights:\n  tijd_tot_besluit:\n    krap:\n      why: x\n"
        "      informeren: 2\n",
        "odd.yaml"))
    chart = weight_difference_chart(bundled["voorbeeldgemeente"], odd, "nl")
    assert "&lt;b&gt;Vet&lt;/b&gt;" in chart.figure.layout.title.text


# --- one project under several frameworks ------------------------------------------------------------


def test_the_question_union_keeps_the_first_order_and_says_who_asks(bundled):
    rule_sets = [bundled["noordoost_brabant"], bundled["maashorst"]]
    union = [t.id for t in question_union(rule_sets)]
    assert union[-2:] == ["dorpsorganisatie", "thema"]
    assert union[:-2] == [t.id for t in bundled["voorbeeldgemeente"].traits]
    asked = askers(rule_sets)
    assert asked["thema"] == ("maashorst",) and asked["dorpsorganisatie"] == ("noordoost_brabant",)
    assert asked["beleidsruimte"] == ("noordoost_brabant", "maashorst")


def test_an_answer_a_framework_does_not_offer_is_set_aside(bundled):
    kept, set_aside = fitting_answers(bundled["amersfoort"], {"tijd_tot_besluit": "heel_krap", "fase": ["agenda"],
                                                              "thema": "sociaal", "ingrijpendheid": None})
    assert kept == {"fase": ["agenda"], "thema": "sociaal", "ingrijpendheid": None} and set_aside == ("tijd_tot_besluit",)


def test_the_same_advice_needs_no_explanation(bundled):
    answers = case_answers("01_wegonderhoud")
    a, b = bundled["amersfoort"], bundled["leusden"]
    assert advice_difference(a, under(a, answers), b, under(b, answers)) is None


def fixed_by_a_standard() -> dict:
    """The water storage case, with the water board's standards fixing the outcome: little room, fixed by a standard."""
    return {**case_answers("15_waterberging_strikte_normen"), "beleidsruimte": "beperkt", "vastgelegd_door": ["wet_of_norm"]}


def test_amersfoorts_cap_explains_the_water_storage_case(bundled):
    answers = fixed_by_a_standard()
    a, b = bundled["amersfoort"], bundled["leusden"]
    diff = advice_difference(a, under(a, answers), b, under(b, answers))
    assert (diff.rung_a, diff.rung_b) == ("adviseren", "coproduceren")
    assert [(k.kader, k.in_a.rungs, k.in_b, k.in_a.changed_outcome, k.b_has_it) for k in diff.kaders] == [
        ("amersfoort_wettelijk_vastgelegd", ("adviseren",), None, True, False)]
    assert diff.shifts == ()  # nothing else in the two frameworks weighs this case differently
    sentences = why_sentences(diff, a, b, "nl", 3)
    assert [s.text for s in sentences] == [
        "Amersfoort adviseert Adviseren; Leusden adviseert Coproduceren (samen maken, cocreatie).",
        "In Amersfoort gold een kader: hoogstens Adviseren (bepaalde het advies). Leusden heeft dat kader niet.",
        "Opgeteld, vóór de kaders: Adviseren min Coproduceren (samen maken, cocreatie) is -3 punten in Amersfoort en -3 in "
        "Leusden.",
    ]
    assert sentences[1].detail.startswith("Reden in Amersfoort: Dit is een eigen, strengere keuze")
    table = standing_table(diff, a, b, "nl")
    assert table.iloc[0].tolist() == ["Amersfoort", "Adviseren", "+6,5", "+9,5 (buiten de grenzen van een kader)"]
    # without the standard fixing it, Amersfoort's cap does not hold and the advice is the same
    free = case_answers("15_waterberging_strikte_normen")
    assert advice_difference(a, under(a, free), b, under(b, free)) is None


def complex_and_contested() -> dict:
    """The environmental vision (omgevingsvisie), made complex and contested."""
    return {**case_answers("14_omgevingsvisie"), "complexiteit": "hoog", "conflict": "hoog"}


def test_an_own_kader_and_own_weights_explain_the_environmental_vision(bundled, example):
    """Mijn Gemeente's floor complex_en_omstreden decides it; its factor on schaal shifts the points as well."""
    answers = complex_and_contested()
    a, b = bundled["voorbeeldgemeente"], example
    diff = advice_difference(a, under(a, answers), b, under(b, answers))
    assert (diff.rung_a, diff.rung_b) == ("adviseren", "coproduceren")
    contrast = diff.kaders[0]
    assert (contrast.kader, contrast.in_a, contrast.a_has_it, contrast.in_b.changed_outcome) == (
        "complex_en_omstreden", None, False, True)
    sentences = [s.text for s in why_sentences(diff, a, b, "nl", 3)]
    assert ("In Mijn Gemeente gold een kader: minstens Samen onderzoeken (bepaalde het advies). "
            "Voorbeeldgemeente heeft dat kader niet.") in sentences
    assert [(s.trait, s.shift) for s in diff.shifts] == [("schaal", 0.5)]
    assert ('"Schaal: Hele gemeente": Adviseren min Coproduceren (samen maken, cocreatie) is +1 in Voorbeeldgemeente en '
            "+0,5 in Mijn Gemeente.") in sentences


def a_square_on_the_agenda() -> dict:
    """The square's redesign, entered in the agenda phase, about how the municipality works (Maashorst's thema)."""
    return {**case_answers("04_herinrichting_plein"), "fase": ["agenda"], "thema": "bestuur"}


def test_maashorsts_theme_and_phase_points_explain_the_square(bundled):
    answers = a_square_on_the_agenda()
    a, b = bundled["maashorst"], bundled["voorbeeldgemeente"]
    diff = advice_difference(a, under(a, answers), b, under(b, answers))
    assert (diff.rung_a, diff.rung_b, diff.kaders) == ("adviseren", "coproduceren", ())
    assert [(s.trait, s.lead_a, s.lead_b) for s in diff.shifts] == [("thema", 1.0, 0.0), ("fase", -1.0, -0.5)]
    assert [s.text for s in why_sentences(diff, a, b, "nl", 3)][2:] == [
        '"Thema: Bestuur en organisatie": Adviseren min Coproduceren (samen maken, cocreatie) is +1 in Maashorst en 0 in '
        "Voorbeeldgemeente.",
        '"Fase: Agenda: bepalen waar het over gaat": Adviseren min Coproduceren (samen maken, cocreatie) is -1 in Maashorst '
        "en -0,5 in Voorbeeldgemeente.",
    ]


def test_noordoost_brabants_village_question_alone_changes_no_advice(bundled):
    """dorpsorganisatie has no points (village capacity counts once, in capaciteit_samenleving)."""
    answers = case_answers("18_dorpsstraat_verkeer")
    assert answers["dorpsorganisatie"] == "ja"
    a, b = bundled["voorbeeldgemeente"], bundled["noordoost_brabant"]
    advice_a, advice_b = under(a, answers), under(b, answers)
    assert advice_difference(a, advice_a, b, advice_b) is None
    assert [s.score for s in advice_a.scores] == [s.score for s in advice_b.scores]


def test_an_own_rung_is_named_when_it_is_the_advice(bundled, example):
    answers = {**case_answers("03_hondenbeleid"), "complexiteit": "hoog", "conflict": "hoog"}
    a, b = example, bundled["amersfoort"]
    diff = advice_difference(a, under(a, answers), b, under(b, answers))
    assert diff.missing == (("samen_onderzoeken", "amersfoort"),) and diff.shifts == ()
    assert [s.text for s in why_sentences(diff, a, b, "en", 3)] == [
        "My Municipality advises Joint fact-finding; Amersfoort advises Advise.",
        "Amersfoort has no rung Joint fact-finding: it cannot be the advice there.",
        "In My Municipality a frame applied: at least Joint fact-finding (decided the advice). Amersfoort does not have "
        "that frame.",
    ]
    assert standing_table(diff, a, b, "nl").iloc[1, 2] == "bestaat hier niet"


def _differences():
    """Every golden case under every pair of frameworks that advise it differently.

    The bundled municipalities advise each golden case alike since model v2, so the cases are also asked in the
    variants above that make their differences matter, and under the annotated example (Mijn Gemeente).
    """
    sources = RuleSources.bundled()
    rule_sets = {m: sources.load(m) for m in sources.ids()}
    rule_sets["voorbeeld-regelset"] = load_rule_set(EXAMPLE)
    variants = [(case.stem, case_answers(case.stem)) for case in CASES]
    variants += [("15_waterberging_vastgelegd", fixed_by_a_standard()), ("14_omgevingsvisie_omstreden", complex_and_contested()),
                 ("04_herinrichting_plein_agenda", a_square_on_the_agenda())]
    for stem, answers in variants:
        advices = {m: under(r, answers) for m, r in rule_sets.items()}
        for a, b in itertools.combinations(rule_sets, 2):
            diff = advice_difference(rule_sets[a], advices[a], rule_sets[b], advices[b])
            if diff is not None:
                yield pytest.param(diff, rule_sets[a], advices[a], rule_sets[b], advices[b], id=f"{stem}-{a}-{b}")


DIFFERENCES = list(_differences())


def test_there_are_differences_to_add_up():
    assert len(DIFFERENCES) >= 10 and any(not p.values[0].missing and p.values[0].shifts for p in DIFFERENCES)


@pytest.mark.parametrize(("diff", "a", "advice_a", "b", "advice_b"), DIFFERENCES)
def test_the_shifts_add_up_to_the_difference_in_scores(diff: AdviceDifference, a, advice_a, b, advice_b):
    if diff.missing:
        return
    score_a = {s.rung: s.score for s in advice_a.scores}
    score_b = {s.rung: s.score for s in advice_b.scores}
    gap_a = score_a[diff.rung_a] - score_a[diff.rung_b]
    gap_b = score_b[diff.rung_a] - score_b[diff.rung_b]
    assert sum(s.shift for s in diff.shifts) == pytest.approx(gap_a - gap_b)
    assert [abs(s.shift) for s in diff.shifts] == sorted((abs(s.shift) for s in diff.shifts), reverse=True)
    assert len(shift_table(diff, a, b, "nl")) == len(diff.shifts)
    # an advice differs through a kader, or through answers that weigh differently
    assert diff.kaders or diff.shifts

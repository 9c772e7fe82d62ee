"""Comparing frameworks: rule differences as data and as sentences, the weight heatmap, and why advice differs.

The golden sentences are read from the bundled municipalities' YAML: Leusden's factor 2 on
bestaand_initiatief, Amersfoort's tighter cap on strikte_wettelijke_kaders, Noordoost-Brabant's switched-off
uitdaagrecht, Leusden's extra rung, Maashorst's early-phase floor.
"""

from __future__ import annotations

import itertools
import json

import pytest
import yaml
from conftest import CASES

from ladder.analysis.compare import (
    AdviceDifference,
    FactorDifference,
    KaderDifference,
    MethodsChanged,
    MethodsOnlyIn,
    PointsDifference,
    RobustnessDifference,
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


def case_answers(stem: str) -> dict:
    path = next(c for c in CASES if c.stem == stem)
    return yaml.safe_load(path.read_text(encoding="utf-8"))["project"]["answers"]


def under(rule_set: RuleSet, answers: dict):
    """The advice as the Vergelijken page asks for it: only answers this framework can take."""
    return advise(rule_set, fitting_answers(rule_set, answers)[0], ignore_unknown_traits=True)


def texts(a: RuleSet, b: RuleSet, lang: str = "nl") -> list[str]:
    return [s.text for s in rule_sentences(rule_differences(a, b), a, b, lang)]


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


def test_leusden_weighs_existing_initiatives_twice_as_heavily(bundled):
    factors = [d for d in rule_differences(bundled["voorbeeldgemeente"], bundled["leusden"]) if isinstance(d, FactorDifference)]
    assert factors == [FactorDifference(trait="bestaand_initiatief", options=("nee", "ja"), every_option=True,
                                        heavier="leusden", lighter="voorbeeldgemeente", ratio=2.0,
                                        whys=(bundled["leusden"].weights["bestaand_initiatief"]["ja"].factors[0].why,))]


def test_between_two_factors_the_ratio_counts(bundled):
    """Leusden doubles existing initiatives, Noordoost-Brabant weighs energy 1.5 times: each is heavier on its own."""
    factors = {d.trait: (d.heavier, d.ratio) for d in rule_differences(bundled["leusden"], bundled["noordoost_brabant"])
               if isinstance(d, FactorDifference)}
    assert factors == {"bestaand_initiatief": ("leusden", 2.0), "capaciteit_samenleving": ("noordoost_brabant", 1.5)}


def test_amersfoort_caps_strict_legal_frames_at_adviseren(bundled):
    kaders = [d for d in rule_differences(bundled["amersfoort"], bundled["voorbeeldgemeente"]) if isinstance(d, KaderDifference)]
    assert [(d.kader, d.a.max, d.b.max, d.same_condition) for d in kaders] == [
        ("strikte_wettelijke_kaders", "adviseren", "coproduceren", True)]


def test_everything_leusden_changes_is_found(bundled):
    found = rule_differences(bundled["leusden"], bundled["voorbeeldgemeente"])
    assert found[:2] == (RungOnlyIn("samenleving_zonder_gemeente", "leusden", "voorbeeldgemeente", "overheidsparticipatie"),
                         RungRenamed("overheidsparticipatie"))
    assert [type(d) for d in found[2:]] == [FactorDifference, KaderDifference, MethodsOnlyIn]
    assert found[-1] == MethodsOnlyIn(("regelluwe_ruimte",), "leusden", "voorbeeldgemeente")


def test_a_question_switched_off_is_told_apart_from_a_question_added(bundled):
    found = [d for d in rule_differences(bundled["noordoost_brabant"], bundled["amersfoort"]) if isinstance(d, TraitOnlyIn)]
    assert {(d.trait, d.only_in, d.disabled_in_other) for d in found} == {
        ("veiligheid", "noordoost_brabant", False), ("dorpsorganisatie", "noordoost_brabant", False),
        ("uitdaagrecht", "amersfoort", True), ("nieuwe_partners", "amersfoort", False)}


def test_points_written_differently_are_given_as_the_engine_adds_them(bundled):
    found = [d for d in rule_differences(bundled["voorbeeldgemeente"], bundled["maashorst"]) if isinstance(d, PointsDifference)]
    assert found == [
        PointsDifference("fase", "agenda", (("informeren", -1.0, -2.0), ("coproduceren", 1.0, 2.0), ("meebeslissen", 1.0, 2.0))),
        PointsDifference("fase", "uitvoering", (("informeren", 1.5, 2.5), ("coproduceren", 0.0, -0.5))),
    ]


VARIANT = """\
extends: voorbeeldgemeente
name: "Proefstad (test): een variant"
robustness: {robuust: 5, redelijk: 2}
weight_factors:
  - trait: urgentie
    options: [hoog]
    factor: 3
    why: Haast weegt hier zwaar.
  - trait: politieke_gevoeligheid
    factor: 0
    why: Politiek laten we buiten beschouwing.
kaders:
  - id: strikte_wettelijke_kaders
    when: {trait: wettelijke_kaders, in: [enkele, strikt]}
    max: coproduceren
    reason: Ook bij enkele regels hoogstens coproduceren.
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
    return load_rule_set(write_rules(VARIANT, "variant.yaml"))


def test_factors_on_some_answers_a_zero_factor_thresholds_and_changed_methods(bundled, variant):
    found = rule_differences(bundled["voorbeeldgemeente"], variant)
    factors = {d.trait: d for d in found if isinstance(d, FactorDifference)}
    assert (factors["urgentie"].options, factors["urgentie"].every_option, factors["urgentie"].ratio) == (("hoog",), False, 3.0)
    assert (factors["politieke_gevoeligheid"].heavier, factors["politieke_gevoeligheid"].ratio) == ("voorbeeldgemeente", None)
    assert RobustnessDifference(bundled["voorbeeldgemeente"].robustness, variant.robustness) in found
    assert MethodsChanged(("schouw",)) in found
    kader = next(d for d in found if isinstance(d, KaderDifference))
    assert not kader.same_condition


# --- rule differences in words (golden) ---------------------------------------------------------------


def test_golden_sentences_leusden_and_voorbeeldgemeente(bundled):
    assert texts(bundled["leusden"], bundled["voorbeeldgemeente"]) == [
        'Leusden heeft een extra trede boven "Overheidsparticipatie: de gemeente doet mee": "Samenleving zonder gemeente". '
        "Voorbeeldgemeente kent die trede niet.",
        'Leusden noemt de trede "Overheidsparticipatie: de gemeente doet mee", Voorbeeldgemeente noemt haar '
        '"Overheidsparticipatie".',
        'Leusden weegt "Bestaand initiatief" twee keer zo zwaar als Voorbeeldgemeente.',
        'Als Initiatiefnemer is niet "Inwoners, ondernemers of organisaties": Leusden sluit Samenleving zonder gemeente uit. '
        "Voorbeeldgemeente heeft die regel niet.",
        "Werkvormen die alleen Leusden kent: Regelluwe ruimte.",
    ]


def test_golden_sentences_amersfoort_and_voorbeeldgemeente(bundled):
    a, b = bundled["amersfoort"], bundled["voorbeeldgemeente"]
    sentences = rule_sentences(rule_differences(a, b), a, b, "nl")
    assert [s.text for s in sentences] == [
        'Alleen Amersfoort stelt de vraag "Nieuwe partners": Doen er ook partners mee buiten de vaste gesprekspartners?',
        'Bij "Belanghebbenden: Veel" verschillen de punten: Coproduceren (interactief beleid) +1,5 in Amersfoort en +0,5 in '
        "Voorbeeldgemeente.",
        'Als Wettelijke kaders is "Ja, de regels leggen veel vast": Amersfoort begrenst op Adviseren, maar Voorbeeldgemeente '
        "begrenst op Coproduceren (interactief beleid).",
    ]
    assert sentences[2].detail.startswith("Reden in Amersfoort: In Amersfoort geldt: bij strikte wettelijke kaders vraagt "
                                          "de gemeente hooguit advies.")


def test_golden_sentences_in_english(bundled):
    assert texts(bundled["amersfoort"], bundled["leusden"], "en")[3:6] == [
        'Leusden weighs "Existing initiative" twice as heavily as Amersfoort.',
        'For "Stakeholders: Many" the points differ: Co-produce (interactive policy making) +1.5 in Amersfoort and +0.5 in '
        "Leusden.",
        'If Legal frames is "Yes, the rules fix a lot": Amersfoort caps at Advise, but Leusden caps at Co-produce '
        "(interactive policy making).",
    ]


def test_golden_sentences_noordoost_brabant(bundled):
    found = texts(bundled["noordoost_brabant"], bundled["maashorst"])
    assert 'Dorpen in Noordoost-Brabant weegt "Energie in de samenleving" 1,5 keer zo zwaar als Maashorst.' in found
    assert ('Als Veiligheid is "Ja": Dorpen in Noordoost-Brabant begrenst op Raadplegen (inspraak). Maashorst heeft die '
            "regel niet.") in found
    assert ('Als Fase is "Agenda: bepalen waar het over gaat" en Beleidsruimte is "Veel: er zijn echte keuzes" of "Alles: '
            'ook de vraag zelf ligt open": Maashorst vraagt minstens Adviseren. Dorpen in Noordoost-Brabant heeft die regel '
            "niet.") in found
    switched_off = texts(bundled["voorbeeldgemeente"], bundled["noordoost_brabant"])
    assert ('Dorpen in Noordoost-Brabant heeft de vraag "Uitdaagrecht" uitgezet: daar telt het antwoord niet mee. '
            "Voorbeeldgemeente stelt de vraag wel.") in switched_off


def test_golden_sentences_of_a_variant(bundled, variant):
    found = texts(bundled["voorbeeldgemeente"], variant)
    name = short_name(variant, "nl")
    assert name == "Proefstad"
    assert f'{name} weegt het antwoord "Hoog" op "Urgentie" drie keer zo zwaar als Voorbeeldgemeente.' in found
    assert f'{name} laat "Politieke gevoeligheid" niet meewegen, Voorbeeldgemeente wel.' in found
    assert (f"Voorbeeldgemeente noemt een advies stevig vanaf 4 punten voorsprong en redelijk stevig vanaf 1,5. {name} doet "
            "dat vanaf 5 en 2 punten.") in found
    assert (f'Als Wettelijke kaders is "Ja, de regels leggen veel vast": Voorbeeldgemeente begrenst op Coproduceren '
            f'(interactief beleid). Als Wettelijke kaders is "Enkele regels, maar er blijft ruimte" of "Ja, de regels leggen '
            f'veel vast": {name} begrenst op Coproduceren (interactief beleid).') in found


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
    assert list(frame.index) == [("bestaand_initiatief", "nee"), ("bestaand_initiatief", "ja")]
    assert list(frame.columns) == list(base.rung_ids())  # samenleving_zonder_gemeente is Leusden's alone
    for option in ("nee", "ja"):
        given = base.weights["bestaand_initiatief"][option].points
        assert frame.loc[("bestaand_initiatief", option)].to_dict() == {r: given.get(r, 0.0) for r in base.rung_ids()}


def test_a_question_only_one_asks_weighs_its_whole_push(bundled):
    frame = weight_difference(bundled["voorbeeldgemeente"], bundled["amersfoort"])
    assert frame.loc[("nieuwe_partners", "ja"), "coproduceren"] == 1.5
    assert frame.loc[("belanghebbenden", "veel"), "coproduceren"] == 1.0


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_heatmap_and_its_table_hold_the_same_numbers(bundled, lang):
    chart = weight_difference_chart(bundled["amersfoort"], bundled["noordoost_brabant"], lang)
    figure = json.loads(chart.figure.to_json())
    heatmap = figure["data"][0]
    assert heatmap["text"] == chart.table.drop(columns=chart.table.columns[0]).to_numpy().tolist()
    assert heatmap["y"] == chart.table.iloc[:, 0].tolist()
    assert [[signed(v, lang) for v in row] for row in heatmap["z"]] == heatmap["text"]
    assert weight_difference_chart(bundled["voorbeeldgemeente"], bundled["voorbeeldgemeente"], lang) is None


def test_rule_set_texts_in_the_heatmap_are_not_read_as_html(write_rules, bundled):
    odd = load_rule_set(write_rules(
        "extends: voorbeeldgemeente\nname: '<b>Vet</b> (x)'\nweights:\n  urgentie:\n    hoog:\n      why: x\n      informeren: 1\n",
        "odd.yaml"))
    chart = weight_difference_chart(bundled["voorbeeldgemeente"], odd, "nl")
    assert "&lt;b&gt;Vet&lt;/b&gt;" in chart.figure.layout.title.text


# --- one project under several frameworks ------------------------------------------------------------


def test_the_question_union_keeps_the_first_order_and_says_who_asks(bundled):
    rule_sets = [bundled["noordoost_brabant"], bundled["amersfoort"]]
    union = [t.id for t in question_union(rule_sets)]
    assert union[-3:] == ["dorpsorganisatie", "uitdaagrecht", "nieuwe_partners"]
    asked = askers(rule_sets)
    assert asked["uitdaagrecht"] == ("amersfoort",) and asked["veiligheid"] == ("noordoost_brabant",)
    assert asked["beleidsruimte"] == ("noordoost_brabant", "amersfoort")


def test_an_answer_a_framework_does_not_offer_is_set_aside(bundled):
    kept, set_aside = fitting_answers(bundled["amersfoort"], {"urgentie": "heel_hoog", "fase": ["agenda"], "thema": "sociaal",
                                                              "impact": None})
    assert kept == {"fase": ["agenda"], "thema": "sociaal", "impact": None} and set_aside == ("urgentie",)


def test_the_same_advice_needs_no_explanation(bundled):
    answers = case_answers("01_wegonderhoud")
    a, b = bundled["amersfoort"], bundled["leusden"]
    assert advice_difference(a, under(a, answers), b, under(b, answers)) is None


def test_amersfoorts_cap_explains_the_water_storage_case(bundled):
    answers = case_answers("15_waterberging_strikte_normen")
    a, b = bundled["amersfoort"], bundled["leusden"]
    diff = advice_difference(a, under(a, answers), b, under(b, answers))
    assert (diff.rung_a, diff.rung_b) == ("adviseren", "coproduceren")
    assert [(k.kader, k.in_a.rungs, k.in_b.rungs, k.in_a.changed_outcome) for k in diff.kaders] == [
        ("strikte_wettelijke_kaders", ("adviseren",), ("coproduceren",), True)]
    assert [s.text for s in why_sentences(diff, a, b, "nl", 3)][:2] == [
        "Amersfoort adviseert Adviseren; Leusden adviseert Coproduceren (interactief beleid).",
        "Een kader gold in allebei, maar anders: in Amersfoort hoogstens Adviseren (bepaalde het advies); in Leusden "
        "hoogstens Coproduceren (interactief beleid).",
    ]
    table = standing_table(diff, a, b, "nl")
    assert table.iloc[0].tolist() == ["Amersfoort", "Adviseren", "+7", "+10,5 (buiten de grenzen van een kader)"]


def test_noordoost_brabants_safety_frame_and_weights_explain_the_village_street(bundled):
    answers = case_answers("18_dorpsstraat_verkeer")
    a, b = bundled["voorbeeldgemeente"], bundled["noordoost_brabant"]
    diff = advice_difference(a, under(a, answers), b, under(b, answers))
    assert (diff.rung_a, diff.rung_b) == ("coproduceren", "raadplegen")
    contrast = diff.kaders[0]
    assert (contrast.kader, contrast.in_a, contrast.a_has_it, contrast.in_b.changed_outcome) == (
        "veiligheid_rechtmatige_overheid", None, False, True)
    sentences = [s.text for s in why_sentences(diff, a, b, "nl", 3)]
    assert ("In Dorpen in Noordoost-Brabant gold een kader: hoogstens Raadplegen (inspraak) (bepaalde het advies). "
            "Voorbeeldgemeente heeft dat kader niet.") in sentences
    assert [(s.trait, s.shift) for s in diff.shifts] == [("veiligheid", 1.5), ("capaciteit_samenleving", -1.0),
                                                         ("dorpsorganisatie", -1.0)]
    assert ('"Energie in de samenleving: Hoog": Coproduceren (interactief beleid) min Raadplegen (inspraak) is +2 in '
            "Voorbeeldgemeente en +3 in Dorpen in Noordoost-Brabant.") in sentences


def test_leusdens_own_rung_is_named_when_it_is_the_advice(bundled):
    answers = case_answers("16_buurtmoestuin_eigen_grond")
    a, b = bundled["amersfoort"], bundled["leusden"]
    diff = advice_difference(a, under(a, answers), b, under(b, answers))
    assert diff.missing == (("samenleving_zonder_gemeente", "amersfoort"),) and diff.shifts == ()
    assert [s.text for s in why_sentences(diff, a, b, "en", 3)] == [
        "Amersfoort advises Government participation; Leusden advises Society without the municipality.",
        "Amersfoort has no rung Society without the municipality: it cannot be the advice there.",
    ]
    assert standing_table(diff, a, b, "nl").iloc[0, 3] == "bestaat hier niet"


def _differences():
    """Every golden case under every pair of frameworks that advise it differently."""
    sources = RuleSources.bundled()
    rule_sets = {m: sources.load(m) for m in sources.ids()}
    for case in CASES:
        answers = case_answers(case.stem)
        advices = {m: under(r, answers) for m, r in rule_sets.items()}
        for a, b in itertools.combinations(rule_sets, 2):
            diff = advice_difference(rule_sets[a], advices[a], rule_sets[b], advices[b])
            if diff is not None:
                yield pytest.param(diff, rule_sets[a], advices[a], rule_sets[b], advices[b], id=f"{case.stem}-{a}-{b}")


@pytest.mark.parametrize(("diff", "a", "advice_a", "b", "advice_b"), list(_differences()))
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

"""The Vergelijken page: choosing two to five frameworks, one project's advice side by side, why they differ,
the rule differences in words and the heatmap of weight differences with its table."""

from __future__ import annotations

import json

import yaml
from conftest import CASES

from ladder.analysis.compare import fitting_answers
from ladder.engine.advisor import advise
from ladder.reports.markdown import escape_markdown
from ui.share_link import answers_to_params

QUESTIONS = ("Vragen over het project", "Questions about the project")


def case_params(stem: str) -> dict[str, str]:
    """A golden case's answers as a link carries them."""
    path = next(c for c in CASES if c.stem == stem)
    answers = yaml.safe_load(path.read_text(encoding="utf-8"))["project"]["answers"]
    return answers_to_params({k: tuple(v) if isinstance(v, list) else (v,) for k, v in answers.items()})


def advised(at) -> list[str]:
    """The advised rung on each card, left to right."""
    return [s.value for s in at.subheader if s.value not in QUESTIONS]


def texts(at) -> str:
    kinds = ("markdown", "subheader", "header", "success", "warning", "info", "caption")
    return "\n".join(element.value for kind in kinds for element in at.get(kind))


def test_by_default_the_chosen_municipality_is_compared_with_one_other(open_app):
    at = open_app("vergelijken", gemeente="leusden")
    assert at.multiselect(key="cmp_municipalities").value == ["leusden", "amersfoort"]
    assert [h.value for h in at.header] == ["Het project", "Het advies per gemeente", "Waarom verschillen ze?", "Verschillen in de regels",
                                            "Verschillen in punten"]
    assert len(advised(at)) == 2
    assert 'Leusden weegt "Bestaand initiatief" twee keer zo zwaar als Amersfoort.' in texts(at)
    assert len(at.get("plotly_chart")) == 1
    assert at.query_params["vergelijk"] == "leusden,amersfoort"


def test_three_municipalities_give_three_cards_three_pairs_and_two_heatmaps(open_app):
    at = open_app("vergelijken")
    at.multiselect(key="cmp_municipalities").set_value(["amersfoort", "leusden", "maashorst"]).run()
    assert not at.exception
    assert len(advised(at)) == 3
    assert at.query_params["vergelijk"] == "amersfoort,leusden,maashorst"
    pairs = [e.label for e in at.expander]
    assert {"Amersfoort en Leusden", "Amersfoort en Maashorst", "Leusden en Maashorst"} <= set(pairs)
    assert len(at.get("plotly_chart")) == 2  # Leusden and Maashorst against Amersfoort, the first chosen
    assert [tab.label for tab in at.tabs][-2:] == ["Leusden", "Maashorst"]


def test_fewer_than_two_municipalities_get_a_clear_message(open_app):
    at = open_app("vergelijken")
    at.multiselect(key="cmp_municipalities").set_value(["amersfoort"]).run()
    assert not at.exception
    assert at.warning[0].value == "Kies minstens twee gemeenten om te vergelijken. Nu gekozen: 1."
    assert advised(at) == [] and not at.get("plotly_chart")


def test_more_than_five_municipalities_get_a_clear_message(open_app, bundle_municipality):
    sources = bundle_municipality("extends: voorbeeldgemeente\nname: Proefgemeente\n")
    at = open_app("vergelijken", sources=sources, lang="en")
    at.multiselect(key="cmp_municipalities").set_value(
        ["amersfoort", "leusden", "maashorst", "noordoost_brabant", "proefgemeente", "voorbeeldgemeente"]).run()
    assert at.warning[0].value == "Choose at most five municipalities. Chosen now: 6. Remove 1."
    assert advised(at) == []


def test_the_answers_in_the_link_give_each_framework_its_own_advice(open_app, bundled):
    params = case_params("18_dorpsstraat_verkeer")
    at = open_app("vergelijken", vergelijk="voorbeeldgemeente,leusden,noordoost_brabant", **params)
    expected = []
    for m in ("voorbeeldgemeente", "leusden", "noordoost_brabant"):
        advice = advise(bundled[m], fitting_answers(bundled[m], {k: v.split(",") for k, v in params.items()})[0],
                        ignore_unknown_traits=True)
        expected.append(bundled[m].rung(advice.recommended).name.get("nl"))
    assert advised(at) == expected == ["Coproduceren (interactief beleid)", "Zelfbeheer (burgerinitiatief)",
                                       "Raadplegen (inspraak)"]
    page = texts(at)
    assert "De adviezen verschillen." in page
    assert escape_markdown("In Dorpen in Noordoost-Brabant gold een kader: hoogstens Raadplegen (inspraak) (bepaalde het "
                           "advies). Voorbeeldgemeente heeft dat kader niet.") in page


def test_answering_a_question_changes_the_cards_where_the_rules_differ(open_app):
    at = open_app("vergelijken", vergelijk="amersfoort,voorbeeldgemeente", **case_params("15_waterberging_strikte_normen"))
    assert advised(at) == ["Adviseren", "Coproduceren (interactief beleid)"]
    assert escape_markdown('Als Wettelijke kaders is "Ja, de regels leggen veel vast": Amersfoort begrenst op Adviseren, '
                           "maar Voorbeeldgemeente begrenst op Coproduceren (interactief beleid).") in texts(at)
    at.selectbox(key="q:_vergelijken:wettelijke_kaders").set_value("enkele").run()
    assert not at.exception
    assert advised(at)[0] == advised(at)[1]
    assert at.success[0].value.startswith("Alle gekozen gemeenten geven hetzelfde advies")
    assert at.query_params["wettelijke_kaders"] == "enkele"


def test_a_question_only_some_ask_counts_only_there(open_app):
    at = open_app("vergelijken", vergelijk="amersfoort,noordoost_brabant", uitdaagrecht="ja", veiligheid="ja")
    page = texts(at)
    assert "Uitdaagrecht: alleen Amersfoort" in page and "Veiligheid: alleen Dorpen in Noordoost-Brabant" in page
    captions = [c.value for c in at.caption]
    assert "Deze gemeente stelt deze vragen niet; het antwoord telt hier niet: Veiligheid" in captions
    assert "Deze gemeente stelt deze vragen niet; het antwoord telt hier niet: Uitdaagrecht" in captions


def test_in_english(open_app):
    at = open_app("vergelijken", lang="en", vergelijk="amersfoort,leusden")
    assert [h.value for h in at.header][:2] == ["The project", "The advice per municipality"]
    assert 'Leusden weighs "Existing initiative" twice as heavily as Amersfoort.' in texts(at)
    assert at.multiselect(key="cmp_municipalities").label == "Municipalities to compare (two to five)"


def test_the_answers_from_the_advies_page_can_be_taken_over(open_app):
    at = open_app("advies")
    at.selectbox(key="q:voorbeeldgemeente:beleidsruimte").set_value("geen").run()
    at.selectbox(key="q:voorbeeldgemeente:initiatiefnemer").set_value("gemeente").run()
    at.switch_page("ui/pages/vergelijken.py")
    at.query_params.clear()  # a visitor clicking through the menu: no answers in the address
    at.run()
    button = next(b for b in at.button if b.label.startswith("Neem mijn antwoorden over"))
    button.click().run()
    assert not at.exception
    assert at.selectbox(key="q:_vergelijken:beleidsruimte").value == "geen"
    assert at.selectbox(key="q:_vergelijken:initiatiefnemer").value == "gemeente"
    assert advised(at) == ["Informeren", "Informeren"]


def test_the_heatmap_and_the_table_under_it_hold_the_same_numbers(open_app):
    at = open_app("vergelijken", vergelijk="voorbeeldgemeente,leusden")
    heatmap = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    table = next(t.value for t in at.table if "Antwoord" in t.value.columns)
    assert heatmap["y"] == ["Bestaand initiatief: Nee", "Bestaand initiatief: Ja"]
    assert table["Antwoord"].tolist() == heatmap["y"]
    numbers = table.drop(columns="Antwoord").map(lambda cell: cell.replace("\\", "")).to_numpy().tolist()
    assert numbers == heatmap["text"]
    assert "Samenleving zonder gemeente" in " ".join(c.value for c in at.caption)  # said why it has no column


def test_rule_set_texts_are_shown_as_written(open_app, bundle_municipality):
    sources = bundle_municipality(
        "extends: voorbeeldgemeente\n"
        "name: 'Proef*stad* <b>x</b>'\n"
        "kaders:\n"
        "  - id: proef\n"
        "    when: {trait: urgentie, equals: hoog}\n"
        "    max: adviseren\n"
        "    reason: 'Zie [klik](javascript:alert(1))'\n")
    at = open_app("vergelijken", sources=sources, vergelijk="voorbeeldgemeente,proefgemeente", urgentie="hoog")
    assert not at.exception
    page = texts(at)
    assert "Proef\\*stad\\* \\<b\\>x\\</b\\>" in page
    assert "Zie \\[klik\\](javascript:alert(1))" in page
    assert "*stad*" not in page.replace("\\*stad\\*", "")


def test_an_answer_counts_and_stays_in_the_link_only_while_a_chosen_framework_asks_it(open_app):
    at = open_app("vergelijken", vergelijk="amersfoort,leusden", nieuwe_partners="ja")
    assert at.query_params["nieuwe_partners"] == "ja"
    at.multiselect(key="cmp_municipalities").set_value(["leusden", "voorbeeldgemeente"]).run()
    assert "nieuwe_partners" not in at.query_params
    assert not any(c.value.startswith("Deze gemeente stelt deze vragen niet") for c in at.caption)

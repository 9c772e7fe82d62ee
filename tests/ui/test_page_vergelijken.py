"""The Vergelijken page: choosing two to five frameworks, one project's advice side by side, why they differ,
the rule differences in words and the heatmap of weight differences with its table."""

from __future__ import annotations

import json

from conftest import ROOT, golden_answers

from ladder.analysis.compare import fitting_answers
from ladder.engine.advisor import advise
from ladder.reports.markdown import escape_markdown
from ui.share_link import answers_to_params

QUESTIONS = ("Vragen over het project", "Questions about the project")


def case_params(stem: str, **changes) -> dict[str, str]:
    """A golden case's answers, with some changed, as a link carries them."""
    answers = {**golden_answers(stem), **changes}
    return answers_to_params({k: tuple(v) if isinstance(v, list) else (v,) for k, v in answers.items()})


# v2: Amersfoort caps at adviseren when the outcome is largely fixed by law, a norm or safety and little room is
# left; the other bundled municipalities have no such kader. A playground whose safety norms leave only details open
# (its question set, the parents bring the ideas: the blind answer for this project):
PLAYGROUND_BY_THE_NORMS = case_params("11", beleidsruimte="beperkt", vastgelegd_door=["veiligheid"],
                                      bindendheid="nog_niet_afgesproken", vertrekpunt="vraag_bepaald")


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
    assert 'Leusden weegt "Bestaande groepen en netwerken" twee keer zo zwaar als Amersfoort.' in texts(at)
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
    params = PLAYGROUND_BY_THE_NORMS
    at = open_app("vergelijken", vergelijk="voorbeeldgemeente,amersfoort,noordoost_brabant", **params)
    expected = []
    for m in ("voorbeeldgemeente", "amersfoort", "noordoost_brabant"):
        advice = advise(bundled[m], fitting_answers(bundled[m], {k: v.split(",") for k, v in params.items()})[0],
                        ignore_unknown_traits=True)
        assert advice.status == "definitief"
        expected.append(bundled[m].rung(advice.recommended).name.get("nl"))
    assert advised(at) == expected == ["Coproduceren (samen maken, cocreatie)", "Adviseren",
                                       "Coproduceren (samen maken, cocreatie)"]
    page = texts(at)
    assert "De adviezen verschillen." in page
    assert escape_markdown("In Amersfoort gold een kader: hoogstens Adviseren (bepaalde het advies). Voorbeeldgemeente "
                           "heeft dat kader niet.") in page


def test_answering_a_question_changes_the_cards_where_the_rules_differ(open_app):
    # golden case 15 read the other way its notes allow: the water board's norms leave only details open
    at = open_app("vergelijken", vergelijk="amersfoort,voorbeeldgemeente",
                  **case_params("15", beleidsruimte="beperkt", vastgelegd_door=["wet_of_norm"]))
    assert advised(at) == ["Adviseren", "Coproduceren (samen maken, cocreatie)"]
    assert escape_markdown('Als Initiatiefnemer is "De gemeente (college, raad of ambtelijke organisatie)" of "De '
                           'gemeente en inwoners of organisaties samen" en Waardoor het vastligt is "Een wet of een '
                           'landelijke norm" of "Veiligheid, zoals '
                           'verkeersveiligheid of gezondheid" en Beleidsruimte is "Weinig: alleen details, zoals de '
                           'inrichting of de planning": Amersfoort begrenst op Adviseren. Voorbeeldgemeente heeft die '
                           "regel niet.") in texts(at)
    at.selectbox(key="q:_vergelijken:beleidsruimte").set_value("ruim").run()  # the case's own reading
    assert not at.exception
    assert advised(at)[0] == advised(at)[1]
    assert at.success[0].value.startswith("Alle gekozen gemeenten geven hetzelfde advies")
    assert at.query_params["beleidsruimte"] == "ruim"


def test_a_question_only_some_ask_counts_only_there(open_app):
    at = open_app("vergelijken", vergelijk="maashorst,noordoost_brabant", thema="sociaal", dorpsorganisatie="ja")
    page = texts(at)
    assert "Thema: alleen Maashorst" in page and "Dorpsorganisatie: alleen Dorpen in Noordoost-Brabant" in page
    captions = [c.value for c in at.caption]
    assert "Deze gemeente stelt deze vragen niet; het antwoord telt hier niet: Dorpsorganisatie" in captions
    assert "Deze gemeente stelt deze vragen niet; het antwoord telt hier niet: Thema" in captions


def test_with_too_little_answered_no_card_names_a_form(open_app, bundled):
    # v2: as on the Advies page, too little answered gives no advice: each card says what to answer first, and the
    # page neither says the frameworks agree nor explains a difference between forms nobody advised
    at = open_app("vergelijken", vergelijk="maashorst,noordoost_brabant", thema="sociaal", dorpsorganisatie="ja")
    assert advise(bundled["maashorst"], {"thema": "sociaal"}).status == "onvoldoende"
    assert advised(at) == ["Er is te weinig bekend voor een advies"] * 2
    page = texts(at)
    assert page.count("Beantwoord eerst:") == 2
    assert "Rol van de gemeente" not in page and "voorsprong" not in page
    assert not at.success and "De adviezen verschillen." not in page
    assert "Er zijn geen verschillen in advies om uit te leggen." in page


def test_a_provisional_advice_says_so_on_its_card(open_app, bundled):
    params = case_params("14")  # an omgevingsvisie: provisional, one unknown answer could move it two rungs
    assert advise(bundled["voorbeeldgemeente"], {k: v.split(",") for k, v in params.items()}).status == "voorlopig"
    at = open_app("vergelijken", vergelijk="voorbeeldgemeente,amersfoort", **params)
    assert texts(at).count("Dit advies is voorlopig") == 2  # on each card, as the Advies page says it


def test_in_english(open_app):
    at = open_app("vergelijken", lang="en", vergelijk="amersfoort,leusden")
    assert [h.value for h in at.header][:2] == ["The project", "The advice per municipality"]
    assert 'Leusden weighs "Existing groups and networks" twice as heavily as Amersfoort.' in texts(at)
    assert at.multiselect(key="cmp_municipalities").label == "Municipalities to compare (two to five)"


def test_the_answers_from_the_advies_page_can_be_taken_over(open_app):
    at = open_app("advies")
    road = golden_answers("01")  # road maintenance, answered as far as the tool needs: inform only
    for trait, option in road.items():
        if option == "onbekend":
            continue
        if isinstance(option, list):
            at.multiselect(key=f"q:voorbeeldgemeente:{trait}").set_value(option)
        else:
            at.selectbox(key=f"q:voorbeeldgemeente:{trait}").set_value(option)
    at.run()
    at.switch_page("ui/pages/vergelijken.py")
    at.query_params.clear()  # a visitor clicking through the menu: no answers in the address
    at.run()
    button = next(b for b in at.button if b.label.startswith("Neem mijn antwoorden over"))
    button.click().run()
    assert not at.exception
    assert at.selectbox(key="q:_vergelijken:beleidsruimte").value == "geen"
    assert at.selectbox(key="q:_vergelijken:initiatiefnemer").value == "gemeente"
    assert at.multiselect(key="q:_vergelijken:fase").value == road["fase"]
    assert advised(at) == ["Informeren", "Informeren"]


def test_the_heatmap_and_the_table_under_it_hold_the_same_numbers(open_app):
    at = open_app("vergelijken", vergelijk="voorbeeldgemeente,leusden")
    heatmap = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    table = next(t.value for t in at.table if "Antwoord" in t.value.columns)
    assert heatmap["y"] == ["Bestaande groepen en netwerken: Nee", "Bestaande groepen en netwerken: Ja"]
    assert table["Antwoord"].tolist() == heatmap["y"]
    numbers = table.drop(columns="Antwoord").map(lambda cell: cell.replace("\\", "")).to_numpy().tolist()
    assert numbers == heatmap["text"]
    assert not [c for c in at.caption if c.value.startswith("Niet in de heatmap")]  # v2: Leusden has the same rungs


def test_a_rung_only_one_framework_has_is_named_under_the_heatmap(open_app, bundle_municipality):
    # v2: no bundled municipality adds a rung any more; the annotated example adds "Samen onderzoeken"
    example = (ROOT / "docs" / "voorbeeld-regelset.yaml").read_text(encoding="utf-8")
    at = open_app("vergelijken", sources=bundle_municipality(example), vergelijk="voorbeeldgemeente,proefgemeente")
    assert not at.exception
    assert "Samen onderzoeken" in " ".join(c.value for c in at.caption)  # said why it has no column


def test_rule_set_texts_are_shown_as_written(open_app, bundle_municipality):
    sources = bundle_municipality(
        "extends: voorbeeldgemeente\n"
        "name: 'Proef*stad* <b>x</b>'\n"
        "kaders:\n"
        "  - id: proef\n"
        "    when: {trait: tijd_tot_besluit, equals: krap}\n"
        "    max: adviseren\n"
        "    reason: 'Zie [klik](javascript:alert(1))'\n")
    at = open_app("vergelijken", sources=sources, vergelijk="voorbeeldgemeente,proefgemeente",
                  **case_params("04", tijd_tot_besluit="krap"))
    assert not at.exception
    page = texts(at)
    assert "Proef\\*stad\\* \\<b\\>x\\</b\\>" in page
    assert "Zie \\[klik\\](javascript:alert(1))" in page
    assert "*stad*" not in page.replace("\\*stad\\*", "")


def test_an_answer_counts_and_stays_in_the_link_only_while_a_chosen_framework_asks_it(open_app):
    at = open_app("vergelijken", vergelijk="maashorst,leusden", thema="sociaal")  # v2: only Maashorst asks thema
    assert at.query_params["thema"] == "sociaal"
    at.multiselect(key="cmp_municipalities").set_value(["leusden", "voorbeeldgemeente"]).run()
    assert "thema" not in at.query_params
    assert not any(c.value.startswith("Deze gemeente stelt deze vragen niet") for c in at.caption)

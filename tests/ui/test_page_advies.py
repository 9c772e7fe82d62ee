"""The Advies page: answering, the explained advice, what-if, the shared link and the language switch."""

from __future__ import annotations

import html
import json

import pytest
from conftest import BUNDLED

from ladder.engine.advisor import advise
from ladder.reports.markdown import escape_markdown
from ladder.text import PLOTLY_SEPARATORS, points_text

SOCIETY_OWNS_IT = {"beleidsruimte": "open", "initiatiefnemer": "samenleving", "bestaand_initiatief": "ja"}


def headline(at) -> str:
    return next(s.value for s in at.subheader if s.value.startswith(("Geadviseerde vorm:", "Advised form:")))


def answer(at, municipality: str, **answers: str):
    for trait, option in answers.items():
        at.selectbox(key=f"q:{municipality}:{trait}").set_value(option)
    return at.run()


def test_with_every_answer_unknown_there_is_still_an_advice(open_app, base):
    at = open_app("advies")
    assert headline(at) == f"Geadviseerde vorm: {base.rung(advise(base, {}).recommended).name.get('nl')}"
    assert "0 van de" in at.get("progress")[0].proto.text


def test_answering_changes_the_advice_and_the_link(open_app):
    at = open_app("advies")
    answer(at, "voorbeeldgemeente", beleidsruimte="geen", initiatiefnemer="gemeente")
    assert headline(at) == "Geadviseerde vorm: Informeren"
    assert at.query_params["beleidsruimte"] == "geen"
    answer(at, "voorbeeldgemeente", **SOCIETY_OWNS_IT)
    assert headline(at) == "Geadviseerde vorm: Overheidsparticipatie"
    assert at.query_params["initiatiefnemer"] == "samenleving"


def test_a_shared_link_reproduces_the_same_advice(open_app):
    first = answer(open_app("advies", gemeente="leusden"), "leusden", beleidsruimte="beperkt", impact="hoog",
                   urgentie="hoog")
    link = {key: first.query_params[key] for key in first.query_params}
    assert link["gemeente"] == "leusden" and link["impact"] == "hoog"
    second = open_app("advies", **link)
    assert headline(second) == headline(first)
    assert second.selectbox(key="q:leusden:impact").value == "hoog"


def test_a_link_with_answers_that_do_not_fit_still_opens_and_says_what_was_set_aside(open_app):
    at = open_app("advies", beleidsruimte="veel", urgentie="hoog")
    said = [w.value for w in at.warning if "link" in w.value]
    # in the page's language, as a list that wraps (a code box ran off the screen)
    assert said and "ongeldig antwoord 'veel' bij de vraag 'beleidsruimte'" in said[0]
    assert not [c for c in at.code if "veel" in c.value]
    assert at.selectbox(key="q:voorbeeldgemeente:urgentie").value == "hoog"


@pytest.mark.parametrize("municipality", BUNDLED.ids())
def test_every_municipality_gives_an_explained_advice(open_app, municipality, bundled):
    at = open_app("advies", gemeente=municipality, **SOCIETY_OWNS_IT)
    expected = advise(bundled[municipality], SOCIETY_OWNS_IT)
    assert headline(at) == f"Geadviseerde vorm: {bundled[municipality].rung(expected.recommended).name.get('nl')}"
    ladder_figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert len(ladder_figure["data"][0]["y"]) == len(bundled[municipality].rungs)


def test_the_ladder_chart_and_its_table_show_the_same_scores(open_app, base):
    at = open_app("advies", **SOCIETY_OWNS_IT)
    expected = advise(base, SOCIETY_OWNS_IT)
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert figure["data"][0]["x"] == [s.score for s in expected.scores]
    assert figure["layout"]["separators"] == PLOTLY_SEPARATORS["nl"]  # plotly writes its own numbers with a decimal comma too
    table = at.table[0].value  # the Markdown source st.table renders: escaped, so "+1,50" shows as written
    assert sorted(table["Score"].tolist()) == sorted(escape_markdown(points_text(s.score, "nl")) for s in expected.scores)
    assert any("," in score for score in table["Score"])
    assert "advies" in table["Wat betekent dit"].tolist()
    assert "uitgesloten door een kader" in " ".join(table["Wat betekent dit"]) or all(
        s.status != "uitgesloten" for s in expected.scores)


def test_why_not_explains_every_other_rung(open_app, base):
    at = open_app("advies", wettelijke_kaders="strikt", beleidsruimte="beperkt")
    labels = {e.label for e in at.expander}
    advised = advise(base, {"wettelijke_kaders": "strikt", "beleidsruimte": "beperkt"}).recommended
    for rung in base.rungs:
        if rung.id != advised:
            assert rung.name.get("nl") in labels


def test_several_phases_give_an_advice_per_phase(open_app):
    at = open_app("advies", fase="agenda,uitvoering", beleidsruimte="open")
    phases = [t.value for t in at.table if "Fase" in t.value.columns]
    assert phases and len(phases[0]) == 2


def test_what_if_shows_old_and_new_advice_and_can_be_adopted(open_app):
    at = open_app("advies", beleidsruimte="open", initiatiefnemer="gemeente")
    at.selectbox(key="whatif:voorbeeldgemeente:trait").set_value("beleidsruimte").run()
    at.selectbox(key="whatif:voorbeeldgemeente:beleidsruimte:answer").set_value("geen").run()
    assert "Informeren" in [s.value for s in at.subheader]
    assert any("verandert" in w.value for w in at.warning)
    before = headline(at)
    at.button(key="whatif:voorbeeldgemeente:apply").click().run()
    assert at.selectbox(key="q:voorbeeldgemeente:beleidsruimte").value == "geen"
    assert headline(at) != before


def test_what_if_works_for_a_question_with_several_answers(open_app, base):
    at = open_app("advies", fase="agenda", beleidsruimte="open")
    at.selectbox(key="whatif:voorbeeldgemeente:trait").set_value("fase").run()
    at.multiselect(key="whatif:voorbeeldgemeente:fase:answer").set_value(["agenda", "beheer"]).run()
    expected = advise(base, {"fase": ["agenda", "beheer"], "beleidsruimte": "open"}).recommended
    boxes = [s.value for s in at.subheader]
    assert base.rung(expected).name.get("nl") in boxes
    at.button(key="whatif:voorbeeldgemeente:apply").click().run()
    assert at.multiselect(key="q:voorbeeldgemeente:fase").value == ["agenda", "beheer"]
    assert at.query_params["fase"] == "agenda,beheer"


def test_the_advice_page_in_english(open_app):
    at = open_app("advies", lang="en", **SOCIETY_OWNS_IT)
    assert headline(at) == "Advised form: Government participation"
    at.sidebar.radio[0].set_value("nl").run()
    assert headline(at) == "Geadviseerde vorm: Overheidsparticipatie"


def test_rule_set_texts_in_the_tables_are_shown_as_written(open_app, bundle_municipality):
    name = "**Vet** [klik](https://kwaad.example) <b>x</b>"
    sources = bundle_municipality(f"extends: base\nrename_rungs:\n  informeren: {{name: {json.dumps(name)}}}\n")
    at = open_app("advies", sources=sources, gemeente="proefgemeente")
    cells = [cell for table in at.table for cell in table.value.to_numpy().ravel().tolist()]
    assert escape_markdown(name) in cells
    assert name not in cells


def test_the_share_tab_shows_a_link_with_the_answers(open_app):
    at = open_app("advies", **SOCIETY_OWNS_IT)
    link = next(c.value for c in at.code if "gemeente=" in c.value)
    assert "initiatiefnemer=samenleving" in link and "bestaand_initiatief=ja" in link


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("answers", [SOCIETY_OWNS_IT, {"wettelijke_kaders": "strikt", "urgentie": "hoog"}, {}])
def test_every_chart_says_in_its_table_what_it_shows(base, answers, lang):
    from ladder.reports.sentences import Labels
    from ui.charts.advice import contributions_chart, ladder_chart, values_chart

    advice = advise(base, answers)
    labels = Labels(base, lang)
    marks = {m: m for m in ("advised", "runner_up", "possible", "begrensd", "uitgesloten")}
    ladder = ladder_chart(advice, labels, marks, ("trede", "score", "status"), "t")
    assert [points_text(x, lang) for x in ladder.figure.data[0].x][::-1] == ladder.table["score"].tolist()
    assert all(status in tick for status, tick in zip(ladder.table["status"][::-1], ladder.figure.data[0].y))
    pushes = contributions_chart(advice, labels, ("a", "lead", "p", "q", "why"), "t")
    assert [points_text(x, lang) for x in pushes.figure.data[0].x] == pushes.table["lead"].tolist()
    assert list(pushes.figure.data[0].y) == [html.escape(name, quote=False) for name in pushes.table["a"]]
    values = values_chart(advice, labels, {v: v for v in ("inclusie", "invloed", "eigenaarschap", "deliberatie",
                                                           "legitimiteit")}, "waarde", "t")
    assert list(values.figure.data[0].r[:5]) == values.table.iloc[:, 1].tolist()
    assert {chart.figure.layout.separators for chart in (ladder, pushes, values)} == {PLOTLY_SEPARATORS[lang]}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_working_methods_table_shows_what_each_method_is_and_why_it_fits(open_app, base, lang):
    at = open_app("advies", lang=lang, **SOCIETY_OWNS_IT)
    advice = advise(base, SOCIETY_OWNS_IT)
    heading = {"nl": "Werkvorm", "en": "Working method"}[lang]
    methods = next(tbl.value for tbl in at.table if heading in tbl.value.columns)
    assert len(set(methods.columns)) == 3, list(methods.columns)  # two columns named "Waarom" hid the descriptions
    descriptions = {html.unescape(str(v)) for v in methods.iloc[:, 1]}
    assert {escape_markdown(m.description.get(lang)) for m in advice.werkvormen} == descriptions

"""The Advies page: answering, the explained advice, what-if, the shared link and the language switch."""

from __future__ import annotations

import html
import json

import pytest
from conftest import BUNDLED, golden_answers, not_yet_agreed

from ladder.engine.advisor import advise
from ladder.reports.markdown import escape_markdown
from ladder.text import PLOTLY_SEPARATORS, points_text

# v2: an energy cooperative (golden case 07) is a society's own initiative: the municipality takes part in it
SOCIETY_OWNS_IT = golden_answers("07")
HEADLINES = ("Geadviseerde vorm:", "Advised form:", "Voorlopig advies:", "Provisional advice:",
             "Er is te weinig bekend voor een advies", "Too little is known for an advice")


MULTIPLE = ("rol_gemeente", "fase", "vastgelegd_door", "procedure", "formeel_recht", "doelgroepen", "vraag_initiatief")


def linked(answers: dict) -> dict:
    """Answers as the page's link writes them: several options joined by commas (a list would repeat the key, and
    the page would read only its last value)."""
    return {k: ",".join(v) if isinstance(v, list) else v for k, v in answers.items()}


def headline(at) -> str:
    return next(s.value for s in at.subheader if s.value.startswith(HEADLINES))


def answer(at, municipality: str, **answers):
    asked_later = ("vastgelegd_door", "vraag_initiatief")  # shown only after the answer they depend on
    ordered = sorted(answers.items(), key=lambda item: item[0] in asked_later)
    for trait, option in ordered:  # one at a time, so a question that depends on another answer has appeared
        if trait in MULTIPLE:
            at.multiselect(key=f"q:{municipality}:{trait}").set_value([option] if isinstance(option, str) else option)
        else:
            at.selectbox(key=f"q:{municipality}:{trait}").set_value(option)
        at.run()
    return at


def test_with_every_answer_unknown_the_page_says_too_little_is_known(open_app, base):
    # v2: with nothing answered the status is onvoldoende; no form is named, the page says what to answer first
    assert advise(base, {}).status == "onvoldoende"
    at = open_app("advies")
    assert headline(at) == "Er is te weinig bekend voor een advies"
    assert not [s for s in at.subheader if s.value.startswith(("Geadviseerde vorm:", "Voorlopig advies:"))]
    assert "0 van de" in at.get("progress")[0].proto.text


def test_answering_changes_the_advice_and_the_link(open_app):
    at = open_app("advies")
    answer(at, "voorbeeldgemeente", **golden_answers("01"))  # road maintenance: inform only
    assert headline(at).endswith(": Informeren")
    assert at.query_params["initiatiefnemer"] == "gemeente"
    answer(at, "voorbeeldgemeente", **SOCIETY_OWNS_IT)
    assert headline(at).endswith(": Overheidsparticipatie")
    assert at.query_params["initiatiefnemer"] == SOCIETY_OWNS_IT["initiatiefnemer"]


def test_a_shared_link_reproduces_the_same_advice(open_app):
    first = answer(open_app("advies", gemeente="leusden"), "leusden", **golden_answers("04"))  # square redesign
    link = {key: first.query_params[key] for key in first.query_params}
    assert link["gemeente"] == "leusden" and link["ingrijpendheid"] == "hoog"
    second = open_app("advies", **link)
    assert headline(second) == headline(first)
    assert ": Coproduceren" in headline(second)  # the rung's name has a gloss: "Coproduceren (samen maken, ...)"
    assert second.selectbox(key="q:leusden:ingrijpendheid").value == "hoog"
    assert second.multiselect(key="q:leusden:rol_gemeente").value == ["opdrachtgever", "grondeigenaar"]


def test_a_link_with_answers_that_do_not_fit_still_opens_and_says_what_was_set_aside(open_app):
    at = open_app("advies", beleidsruimte="veel", conflict="hoog")
    said = [w.value for w in at.warning if "link" in w.value]
    # in the page's language, as a list that wraps (a code box ran off the screen)
    assert said and "ongeldig antwoord 'veel' bij de vraag 'beleidsruimte'" in said[0]
    assert not [c for c in at.code if "veel" in c.value]
    assert at.selectbox(key="q:voorbeeldgemeente:conflict").value == "hoog"


@pytest.mark.parametrize("municipality", BUNDLED.ids())
def test_every_municipality_gives_an_explained_advice(open_app, municipality, bundled):
    at = open_app("advies", gemeente=municipality, **linked(SOCIETY_OWNS_IT))
    expected = advise(bundled[municipality], SOCIETY_OWNS_IT)
    assert headline(at) == f"Geadviseerde vorm: {bundled[municipality].rung(expected.recommended).name.get('nl')}"
    ladder_figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert len(ladder_figure["data"][0]["y"]) == len(bundled[municipality].rungs)


def test_the_ladder_chart_and_its_table_show_the_same_scores(open_app, base):
    at = open_app("advies", **linked(SOCIETY_OWNS_IT))
    expected = advise(base, SOCIETY_OWNS_IT)
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    by_rung = {s.rung: s.score for s in expected.scores}  # v2: scores come ranked; the chart goes up the ladder
    assert figure["data"][0]["x"] == [by_rung[r.id] for r in base.rungs]
    assert figure["layout"]["separators"] == PLOTLY_SEPARATORS["nl"]  # plotly writes its own numbers with a decimal comma too
    table = at.table[0].value  # the Markdown source st.table renders: escaped, so "+1,50" shows as written
    assert sorted(table["Score"].tolist()) == sorted(escape_markdown(points_text(s.score, "nl")) for s in expected.scores)
    assert any("," in score for score in table["Score"])
    assert "advies" in table["Wat betekent dit"].tolist()
    assert "uitgesloten door een kader" in " ".join(table["Wat betekent dit"]) or all(
        s.status != "uitgesloten" for s in expected.scores)


def test_why_not_explains_every_other_rung(open_app, base):
    # v2: a fixed outcome (wettelijke_kaders strikt) is little room, fixed by law or norm, in a golden project
    answers = {**golden_answers("04"), "beleidsruimte": "beperkt", "vastgelegd_door": ["wet_of_norm"]}
    at = open_app("advies", **linked(answers))
    labels = {e.label for e in at.expander}
    advised = advise(base, answers).recommended
    for rung in base.rungs:
        if rung.id != advised:
            assert rung.name.get("nl") in labels


def test_why_not_under_inform_only_names_the_reason_not_a_tie(open_app, base):
    # A square redesign where input cannot change the outcome: a pre check says inform only, while coproduceren
    # still has the most points. Its "Waarom niet" named no reason and said the two scored the same.
    answers = {**golden_answers("04"), "inbreng_helpt": "nee"}
    advice = advise(base, answers)
    check = next(c for c in advice.precondition.checks if c.stage == "pre")
    at = open_app("advies", **linked(answers))
    coproduce = next(e for e in at.expander if e.label == base.rung("coproduceren").name.get("nl"))
    said = " ".join(m.value for m in coproduce.markdown)
    assert escape_markdown(check.text.get("nl")) in said
    assert "even hoog" not in said


def test_several_phases_give_an_advice_per_phase(open_app):
    answers = {**golden_answers("04"), "fase": ["agenda", "uitvoering"], "beleidsruimte": "open"}
    at = open_app("advies", **linked(answers))
    phases = [t.value for t in at.table if "Fase" in t.value.columns]
    # v2: an advice for the entry phase (the first one chosen) and for every later phase
    assert phases and len(phases[0]) == 5
    assert phases[0]["Fase"].iloc[0].startswith("Agenda") and phases[0]["Fase"].iloc[-1].startswith("Beheer")
    later = open_app("advies", **linked({**answers, "fase": ["uitvoering"]}))
    assert len(next(t.value for t in later.table if "Fase" in t.value.columns)) == 2  # uitvoering and beheer


def test_several_kaders_in_a_phase_read_as_sentences(open_app):
    # golden case 14: in uitvoering and beheer two kaders apply, each reason whole sentences ending in a full stop
    at = open_app("advies", **linked(golden_answers("14")))
    cells = [c for c in next(t.value for t in at.table if "Kaders" in t.value.columns)["Kaders"] if c]
    assert any(". " in c for c in cells)  # two reasons in one cell
    assert not any(".;" in c or ". ;" in c for c in cells), cells


def test_what_if_shows_old_and_new_advice_and_can_be_adopted(open_app):
    answers = {**golden_answers("04"), "beleidsruimte": "open", "initiatiefnemer": "gemeente"}
    at = open_app("advies", **linked(answers))
    at.selectbox(key="whatif:voorbeeldgemeente:trait").set_value("beleidsruimte").run()
    at.selectbox(key="whatif:voorbeeldgemeente:beleidsruimte:answer").set_value("geen").run()
    assert "Informeren" in [s.value for s in at.subheader]
    assert any("verandert" in w.value for w in at.warning)
    before = headline(at)
    at.button(key="whatif:voorbeeldgemeente:apply").click().run()
    assert at.selectbox(key="q:voorbeeldgemeente:beleidsruimte").value == "geen"
    assert headline(at) != before


def test_what_if_works_for_a_question_with_several_answers(open_app, base):
    answers = {**golden_answers("04"), "fase": ["agenda"], "beleidsruimte": "open"}
    at = open_app("advies", **linked(answers))
    at.selectbox(key="whatif:voorbeeldgemeente:trait").set_value("fase").run()
    at.multiselect(key="whatif:voorbeeldgemeente:fase:answer").set_value(["agenda", "beheer"]).run()
    expected = advise(base, {**answers, "fase": ["agenda", "beheer"]}).recommended
    boxes = [s.value for s in at.subheader]
    assert base.rung(expected).name.get("nl") in boxes
    at.button(key="whatif:voorbeeldgemeente:apply").click().run()
    assert at.multiselect(key="q:voorbeeldgemeente:fase").value == ["agenda", "beheer"]
    assert at.query_params["fase"] == "agenda,beheer"


def test_the_advice_page_in_english(open_app):
    at = open_app("advies", lang="en", **linked(SOCIETY_OWNS_IT))
    assert headline(at) == "Advised form: Government participation"
    at.sidebar.radio[0].set_value("nl").run()
    assert headline(at) == "Geadviseerde vorm: Overheidsparticipatie"


def test_rule_set_texts_in_the_tables_are_shown_as_written(open_app, bundle_municipality):
    name = "**Vet** [klik](https://kwaad.example) <b>x</b>"
    sources = bundle_municipality(f"extends: base\nrename_rungs:\n  informeren: {{name: {json.dumps(name)}}}\n")
    # v2: a golden project whose advice is informeren, so the renamed rung is advised and shown in the tables
    at = open_app("advies", sources=sources, gemeente="proefgemeente", **linked(golden_answers("01")))
    cells = [cell for table in at.table for cell in table.value.to_numpy().ravel().tolist()]
    assert escape_markdown(name) in cells
    assert name not in cells


def test_the_share_tab_shows_a_link_with_the_answers(open_app):
    at = open_app("advies", **linked(SOCIETY_OWNS_IT))
    link = next(c.value for c in at.code if "gemeente=" in c.value)
    assert "initiatiefnemer=maatschappelijk_initiatief" in link and "bestaande_netwerken=ja" in link
    asked = link.split("vraag_initiatief=")[1].split("&")[0].split(",")  # several answers in one key
    assert len(SOCIETY_OWNS_IT["vraag_initiatief"]) > 1 and sorted(asked) == sorted(SOCIETY_OWNS_IT["vraag_initiatief"])


# v2: the second is v1's strikte kaders and high urgency: an outcome fixed by law and little time, on road maintenance
FIXED_AND_URGENT = {**golden_answers("01"), "vastgelegd_door": ["wet_of_norm"], "tijd_tot_besluit": "krap"}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("answers", [SOCIETY_OWNS_IT, FIXED_AND_URGENT, {}])
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
    at = open_app("advies", lang=lang, **linked(SOCIETY_OWNS_IT))
    advice = advise(base, SOCIETY_OWNS_IT)
    heading = {"nl": "Werkvorm", "en": "Working method"}[lang]
    methods = next(tbl.value for tbl in at.table if heading in tbl.value.columns)
    assert len(set(methods.columns)) == 3, list(methods.columns)  # two columns named "Waarom" hid the descriptions
    descriptions = {html.unescape(str(v)) for v in methods.iloc[:, 1]}
    assert {escape_markdown(m.description.get(lang)) for m in advice.werkvormen} == descriptions


def test_a_rerun_that_changes_no_answer_reuses_the_advice_and_a_changed_answer_gets_a_new_one(open_app, monkeypatch):
    from ladder.engine import advisor

    calls: list[dict] = []
    monkeypatch.setattr(advisor, "advise", lambda rule_set, answers: calls.append(dict(answers)) or advise(rule_set, answers))
    at = open_app("advies", **linked(not_yet_agreed(golden_answers("04"))))
    assert len(calls) == 2  # the advice and the what-if's
    shown = headline(at)
    at.text_input(key="project_title").set_value("Marktplein").run()
    assert len(calls) == 2 and headline(at) == shown
    answer(at, "voorbeeldgemeente", beleidsruimte="geen")  # nothing left to choose: informing
    assert len(calls) == 4 and calls[-2]["beleidsruimte"] == ("geen",)
    assert headline(at) != shown and headline(at).endswith(": Informeren")
    answer(at, "voorbeeldgemeente", beleidsruimte="ruim")  # back: only the last two are kept, so asked again
    assert len(calls) == 6 and headline(at) == shown


def test_the_kept_advice_belongs_to_one_rule_set_content(rules, monkeypatch):
    import streamlit as st

    from ladder.engine import advisor
    from ui import state

    monkeypatch.setattr(st, "session_state", {})  # one session of its own
    asked: list[str] = []
    monkeypatch.setattr(advisor, "advise", lambda rule_set, answers: asked.append(rule_set.content_hash)
                        or advise(rule_set, answers))
    answers = {"initiatiefnemer": ("gemeente",)}
    kept = state.advice(rules, answers)
    assert state.advice(rules, dict(answers)) is kept and asked == [rules.content_hash]
    edited = rules.model_copy(update={"content_hash": "edited"})  # the same municipality after its file changed
    assert state.advice(edited, answers) is not kept and asked == [rules.content_hash, "edited"]

"""From an advice to a participation plan and its verslag: what the draft takes from the advice, and what the
documents say (ladder.reports.plan_document)."""

from __future__ import annotations

import datetime as dt

import pytest
from golden.cases import golden_answers

from ladder.engine.advisor import advise
from ladder.plans.model import InputResponse, Plan, PlanPhase, Turnout, Verslag
from ladder.reports.document import Section, flat
from ladder.reports.markdown import markdown_of
from ladder.reports.plain_text import text_of
from ladder.reports.plan_document import draft_plan, draft_verslag, plan_document, verslag_document

DAY = dt.date(2026, 12, 7)


@pytest.fixture
def square(rules):
    """A square's redesign (golden 04): coproduceren, several phases."""
    return advise(rules, golden_answers("04"))


def test_the_draft_takes_the_form_its_promise_and_the_phases_from_the_advice(rules, square):
    plan = draft_plan(square, rules, "nl", "Stationsplein")
    assert (plan.project, plan.form) == ("Stationsplein", square.recommended)
    assert (plan.promise, plan.commitment) == (square.promise.get("nl"), square.commitment.get("nl"))
    assert [p.form for p in plan.phases] == [p.rung for p in square.phases]
    assert all(p.methods for p in plan.phases)  # the best fitting methods of each phase's form
    room = rules.trait("beleidsruimte")
    answer = next(o.label.get("nl") for o in room.options if o.id == square.answers["beleidsruimte"][0])
    assert plan.fixed.splitlines()[0] == f"{room.short_name('nl')}: {answer}"  # what is fixed starts from the answers


def test_only_what_the_municipality_knows_starts_empty(rules, square):
    plan = draft_plan(square, rules, "nl", "Stationsplein")
    assert (plan.decides, plan.start, plan.decision_date, plan.staff, plan.feedback) == ("", None, None, "", "")


def test_another_chosen_form_brings_its_own_promise_and_no_role(rules, square):
    plan = draft_plan(square, rules, "en", "Square", chosen="raadplegen")
    rung = rules.rung("raadplegen")
    assert (plan.form, plan.promise, plan.commitment, plan.role) == (
        "raadplegen", rung.promise.get("en"), rung.commitment.get("en"), "")


def test_an_initiative_gets_the_municipalitys_role(rules):
    advice = advise(rules, golden_answers("07"))  # an energy cooperative: overheidsparticipatie
    plan = draft_plan(advice, rules, "nl", "Energiecoöperatie")
    assert advice.role.role is not None
    assert plan.role.startswith(advice.role.name.get("nl"))


def test_an_advice_without_a_form_gives_no_plan(rules):
    with pytest.raises(ValueError, match="too little"):
        draft_plan(advise(rules, {}), rules, "nl", "Leeg")


def _headings(document) -> list[str]:
    return [e.heading for e in document.body if isinstance(e, Section)]


@pytest.mark.parametrize(("lang", "headings", "open_text"), [
    ("nl", ["De vraag aan de deelnemers", "Wat al vastligt, en door wie", "Wie besluit", "Vorm van participatie",
            "Vorm en werkvormen per fase", "Wie meedoen, en hoe u hen bereikt", "Rechten van inwoners",
            "De formele route", "Planning en middelen", "Hoe het proces wordt geëvalueerd"], "Nog niet ingevuld."),
    ("en", ["The question to the participants", "What is already fixed, and by whom", "Who decides",
            "Form of participation", "Form and methods per phase", "Who takes part, and how you reach them",
            "Residents' rights", "The formal route", "Planning and means", "How the process is evaluated"],
     "Not filled in yet."),
])
def test_the_plan_document_has_every_part_in_the_order_a_council_reads_it(rules, lang, headings, open_text):
    plan = Plan(project="Plein", form="adviseren", question="Hoe richten we het plein in?",
                phases=(PlanPhase(phase="Voorbereiding", form="adviseren", methods="Klankbordgroep"),),
                start=dt.date(2027, 3, 1))
    document = plan_document(plan, rules, lang, DAY, version=2)
    assert _headings(document) == headings
    text = text_of(document)
    assert "Hoe richten we het plein in?" in text and open_text in text  # the empty fields say so
    assert ("1 maart 2027" if lang == "nl" else "1 March 2027") in text
    assert ("Versie 2" if lang == "nl" else "Version 2") in text
    assert "Klankbordgroep" in markdown_of(document)


def test_the_verslag_counts_who_took_part_and_says_what_was_done_with_each_input(rules):
    plan = Plan(project="Plein", form="adviseren", promise="U geeft advies; het college volgt het in principe.")
    verslag = Verslag(asked="Hoe richten we het plein in?",
                      turnout=(Turnout(group="Bewoners", count=1200), Turnout(group="Ondernemers", count=15)),
                      responses=(InputResponse(input="Meer bomen", response="overgenomen", reason="Past in het budget"),
                                 InputResponse(input="Geen parkeerplaatsen", response="niet",
                                               reason="De winkels hebben laden en lossen nodig")))
    document = verslag_document(verslag, plan, rules, "nl", DAY)
    text = text_of(document)
    assert "1.215" in text  # the total, written as Dutch writes numbers
    assert "Niet overgenomen" in text and "De winkels hebben laden en lossen nodig" in text
    assert "De belofte in het plan was: U geeft advies" in text
    assert document.subject == "Verslag van de participatie"
    tables = [b for e in document.body if isinstance(e, Section) for b in e.blocks if hasattr(b, "rows")]
    assert [flat(c) for c in tables[0].rows[-1].cells] == ["Totaal", "1.215"]


def test_the_verslag_starts_from_the_plans_question():
    plan = Plan(project="Plein", form="adviseren", question="Hoe richten we het plein in?")
    assert draft_verslag(plan) == Verslag(asked="Hoe richten we het plein in?")


@pytest.mark.parametrize("too_much", [
    {"project": ""},
    {"question": "x" * 5001},
    {"phases": tuple(PlanPhase(phase=str(i), form="adviseren") for i in range(11))},
])
def test_a_plan_is_bounded(too_much):
    with pytest.raises(ValueError):
        Plan.model_validate({"project": "Plein", "form": "adviseren", **too_much})

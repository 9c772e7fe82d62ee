"""The Plan page: a register entry's advice becomes a participation plan, saved in versions, and later a verslag
(AppTest). Each test has its own SQLite file (LADDER_DATABASE_URL)."""

from __future__ import annotations

import datetime as dt

import pytest
from golden.cases import golden_answers

from ladder.engine.advisor import advise
from storage.audit import audit_entries
from storage.database import URL_VARIABLE, open_database
from storage.plans import plan_versions, verslag_versions
from storage.register import NewEntry, save_entry


@pytest.fixture
def db(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'plan.db'}"
    monkeypatch.setenv(URL_VARIABLE, url)
    database = open_database(url)
    yield database
    database.dispose()


@pytest.fixture
def square(db, rules):
    """A square's redesign (golden 04) saved in the register; returns its number and advice."""
    advice = advise(rules, golden_answers("04"))
    number = save_entry(db, NewEntry("Stationsplein", dt.date(2026, 12, 1), advice.recommended), advice, rules)
    return number, advice


def open_plan(open_app, number: int, lang: str = "nl"):
    return open_app("plan", nummer=str(number), lang=lang)


def save(at, number: int, round_: int = 0, kind: str = "plan"):
    at.button(key=f"{kind}_save:{number}:{round_}").click().run()
    assert not at.exception, at.exception
    return at


def test_an_empty_register_says_to_save_an_advice_first(open_app, db):
    at = open_app("plan")
    assert at.info[0].value.startswith("Er staat nog geen project in het register.")


def test_the_first_plan_is_a_draft_from_the_advice_and_saving_makes_version_one(open_app, db, square):
    number, advice = square
    at = open_plan(open_app, number)
    assert at.info[0].value.startswith("Dit is een eerste opzet, ingevuld uit het advies.")
    assert at.text_area(key=f"plan_promise:{number}:0").value == advice.promise.get("nl")
    assert at.selectbox(key=f"plan_form_rung:{number}:0").value == advice.recommended
    at.text_area(key=f"plan_decides:{number}:0").input("De gemeenteraad, in juni 2027")
    save(at, number)
    assert at.success[0].value == "Het plan is bewaard als versie 1."
    [version] = plan_versions(db, number)
    assert (version.number, version.content.decides, version.content.promise) == (
        1, "De gemeenteraad, in juni 2027", advice.promise.get("nl"))
    assert audit_entries(db)[0].action == "plan_saved"


def test_a_second_save_keeps_the_first_and_says_what_changed(open_app, db, square):
    number, _ = square
    at = save(open_plan(open_app, number), number)
    assert at.text_area(key=f"plan_decides:{number}:1").value == ""  # the form starts from the saved version
    at.text_area(key=f"plan_decides:{number}:1").input("Het college")
    at.date_input(key=f"plan_decision_date:{number}:1").set_value(dt.date(2027, 6, 1))
    save(at, number, 1)
    assert at.success[0].value == "Het plan is bewaard als versie 2."
    assert [v.number for v in plan_versions(db, number)] == [2, 1]
    assert "Veranderd in versie 2: Wie besluit, Datum van het besluit." in [m.value for m in at.markdown]
    assert at.caption[0].value.startswith("Versie 2, bewaard op ")


def test_an_older_version_can_be_read_as_it_was(open_app, db, square):
    number, _ = square
    at = save(open_plan(open_app, number), number)
    at.text_area(key=f"plan_question:{number}:1").input("Een nieuwe vraag")
    save(at, number, 1)
    at.selectbox(key="plan_show_version").set_value(1).run()
    shown = "\n".join(e.value for e in at.text)
    assert "Stationsplein" in shown and "Een nieuwe vraag" not in shown


def test_a_plan_needs_a_project_name(open_app, db, square):
    number, _ = square
    at = open_plan(open_app, number)
    at.text_input(key=f"plan_project:{number}:0").input("   ")
    save(at, number)
    assert at.warning[0].value.startswith("Er is niets bewaard.")
    assert plan_versions(db, number) == []


def test_the_verslag_comes_after_the_plan_and_starts_from_its_question(open_app, db, square):
    number, _ = square
    at = open_plan(open_app, number)
    assert "Bewaar eerst het plan. Het verslag kijkt terug op dat plan." in [i.value for i in at.info]
    at.text_area(key=f"plan_question:{number}:0").input("Hoe wordt het plein ingericht?")
    save(at, number)
    assert at.text_area(key=f"verslag_asked:{number}:1").value == "Hoe wordt het plein ingericht?"
    at.text_area(key=f"verslag_outcome:{number}:1").input("Meer groen en een speelplek.")
    at.text_area(key=f"verslag_promise_kept:{number}:1").input("Het college nam het plan over.")
    save(at, number, 1, kind="verslag")
    assert at.success[0].value == "Het verslag is bewaard als versie 1."
    [version] = verslag_versions(db, number)
    assert (version.content.outcome, version.content.promise_kept) == ("Meer groen en een speelplek.",
                                                                       "Het college nam het plan over.")


def test_plan_and_verslag_are_offered_as_documents(open_app, db, square):
    number, _ = square
    at = save(open_plan(open_app, number), number)
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels.count("Download als PDF") == 1 and labels.count("Download als Markdown") == 1
    assert "Download ODT (bewerkbaar, OpenDocument)" in labels and "Download Word (DOCX, bewerkbaar)" in labels


def test_the_page_in_english(open_app, db, square):
    number, _ = square
    at = open_plan(open_app, number, lang="en")
    assert at.title[0].value == "Plan and report"
    assert at.text_area(key=f"plan_question:{number}:0").label == "The question to the participants"

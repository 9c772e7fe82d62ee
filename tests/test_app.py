"""The first app page: answering questions shows the engine's advice, in Dutch or English."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from conftest import ROOT


def _app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    return at.run()


def test_the_app_starts_with_an_advice_for_all_unknown_answers():
    at = _app()
    assert not at.exception
    assert at.title[0].value == "Participatieladder 3.0"
    assert at.header[0].value == "Advies"


def test_answering_questions_changes_the_advice():
    at = _app()
    at.selectbox(key="voorbeeldgemeente:beleidsruimte").set_value("geen")
    at.selectbox(key="voorbeeldgemeente:initiatiefnemer").set_value("gemeente")
    at.run()
    assert at.subheader[0].value == "Informeren"
    at.selectbox(key="voorbeeldgemeente:beleidsruimte").set_value("open")
    at.selectbox(key="voorbeeldgemeente:initiatiefnemer").set_value("samenleving")
    at.selectbox(key="voorbeeldgemeente:bestaand_initiatief").set_value("ja")
    at.run()
    assert at.subheader[0].value == "Overheidsparticipatie"


def test_the_language_switch_shows_english():
    at = _app()
    at.sidebar.radio[0].set_value("en").run()
    assert at.header[0].value == "Advice"

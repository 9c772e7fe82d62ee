"""The app's frame: every page opens, in Dutch by default and in English on request."""

from __future__ import annotations

import pytest

from ladder.rules.problems import RuleSetError

PAGES = {"start": ("Start", "Start"), "advies": ("Advies", "Advice"), "de_ladder": ("De ladder", "The ladder"),
         "regels": ("Regels", "Rules"), "werkgroep": ("Werkgroep", "Working group"), "register": ("Register", "Register"),
         "vergelijken": ("Vergelijken", "Compare"), "portfolio": ("Portfolio", "Portfolio")}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_in_dutch_by_default(open_app, page):
    at = open_app(page)
    assert at.title[0].value == PAGES[page][0]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_in_english_from_a_link(open_app, page):
    at = open_app(page, lang="en")
    assert at.title[0].value == PAGES[page][1]


def test_the_language_switch_changes_the_page(open_app):
    at = open_app("regels")
    at.sidebar.radio[0].set_value("en").run()
    assert at.title[0].value == "Rules"
    assert at.query_params["lang"] == "en"


def test_the_municipality_from_a_link_is_chosen(open_app):
    at = open_app("advies", gemeente="leusden")
    assert at.sidebar.selectbox[0].value == "leusden"


def test_an_unknown_municipality_in_a_link_falls_back_to_the_example(open_app):
    at = open_app("advies", gemeente="atlantis")
    assert at.sidebar.selectbox[0].value == "voorbeeldgemeente"


@pytest.mark.parametrize(("lang", "said"), [
    ("nl", "De link noemt de gemeente 'atlantis'. Die staat niet in dit hulpmiddel. U ziet nu de regels van"),
    ("en", "The link names the municipality 'atlantis'. This tool does not have it. You now see the rules of"),
])
def test_an_unknown_municipality_in_a_link_is_said_not_silently_replaced(open_app, lang, said):
    at = open_app("advies", gemeente="atlantis", lang=lang)
    assert any(w.value.startswith(said) for w in at.warning), [w.value for w in at.warning]


def test_a_rule_set_is_loaded_once_per_state_of_its_folders_and_anew_after_an_edit(bundle_municipality, monkeypatch):
    import streamlit as st

    from ui import state

    sources = bundle_municipality("extends: base\nname: {nl: Proef, en: Trial}\n")
    monkeypatch.setattr(st, "session_state", {state.SOURCES_KEY: sources})  # one session of its own, on these folders
    first = state.rule_set_for("proefgemeente")
    assert state.rule_set_for("proefgemeente") is first
    bundle_municipality("extends: base\nname: {nl: Proef twee, en: Trial two}\n")  # the file edited, no restart
    assert state.rule_set_for("proefgemeente").name.nl == "Proef twee"
    monkeypatch.setattr(st, "session_state", {})  # the bundled folders, which have no such municipality
    with pytest.raises(RuleSetError):
        state.rule_set_for("proefgemeente")

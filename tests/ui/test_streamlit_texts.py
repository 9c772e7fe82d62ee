"""The table of Streamlit's texts and their Dutch (ui/streamlit_texts.py); the browser test checks them on a page."""

from __future__ import annotations

import re

import pytest

from ui.streamlit_texts import EXACT, PATTERNS, script, translations


def test_every_text_has_its_own_dutch_and_no_dutch_text_is_english_again():
    assert all(dutch and dutch != english for english, dutch in EXACT.items())
    assert not set(EXACT.values()) & set(EXACT)  # no loop: a translated text is never translated again


@pytest.mark.parametrize(("shown", "dutch"), [("Help for Regio", "Uitleg bij Regio"), ("1MB per file", "1MB per bestand"),
                                              ("Remove Energie", "Energie weghalen")])
def test_texts_with_a_varying_part_keep_that_part(shown, dutch):
    for source, target in translations("nl")["patterns"]:
        if re.search(source, shown):
            assert re.sub(source, target.replace("$1", r"\1"), shown) == dutch
            return
    pytest.fail(f"no pattern for {shown!r}")


def test_an_english_page_turns_dutch_fixed_texts_back_and_sets_its_language():
    assert translations("en")["exact"]["Alles kiezen"] == "Select all"
    assert translations("en")["patterns"] == []
    assert 'document.documentElement.lang = "en"' in script("en")
    assert PATTERNS  # the patterns exist for Dutch

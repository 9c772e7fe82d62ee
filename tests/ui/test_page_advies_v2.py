"""The Advies page shows the fields of Advice v2 as the report does. The engine fills them; these tests set them by hand
on the engine's own advice (the page imports `advise` on every run), so each field is shown, or not, on purpose."""

from __future__ import annotations

import pytest
from conftest import BUNDLED, golden_answers, not_yet_agreed

from ladder.engine import advisor
from ladder.engine.advice import FiredCheck, Precondition, RightItem
from ladder.reports.markdown import escape_markdown
from ladder.rules.model import Text
from ui.texts import t

# v2: a square's redesign (golden case 04) gets a definite advice; two answers alone would give onvoldoende
PROJECT = not_yet_agreed(golden_answers("04"))
ANSWERS = {k: ",".join(v) if isinstance(v, list) else v for k, v in PROJECT.items()}  # as the page's link writes them
RIGHT = RightItem(id="petitie", kind="recht", holder="iedereen", basis="Grondwet art. 5",
                  text=Text(nl="Iedereen mag een verzoek doen.", en="Everyone may make a request."))
MUST = FiredCheck(id="afspraken", stage="post", severity="must",
                  text=Text(nl="Leg vooraf vast wat er te kiezen is.", en="Set out beforehand what there is to choose."))


@pytest.fixture
def with_v2(monkeypatch):
    def set_fields(**update):
        real = advisor.advise
        monkeypatch.setattr(advisor, "advise", lambda *a, **k: real(*a, **k).model_copy(update=update))
    return set_fields


def said(at) -> str:
    return "\n".join([s.value for s in at.subheader] + [m.value for m in at.markdown])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_too_little_known_names_the_questions_and_no_form(open_app, with_v2, base, lang):
    with_v2(status="onvoldoende", needed=("initiatiefnemer",), rights=(RIGHT,))
    at = open_app("advies", lang=lang, **ANSWERS)
    shown = said(at)
    assert escape_markdown(t(lang, "insufficient_title")) in shown
    assert escape_markdown(base.trait("initiatiefnemer").question.get(lang)) in shown
    assert escape_markdown(RIGHT.text.get(lang)) in shown
    advice_tabs = {t(lang, f"advies_tab_{name}") for name in ("explanation", "whatif")}
    assert not advice_tabs & {tab.label for tab in at.tabs}  # no ladder, no what-if: nothing presents a form as advice
    assert not [s for s in at.subheader if s.value.startswith(("Geadviseerde vorm", "Advised form"))]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_what_to_arrange_first_and_the_rights_show_when_set(open_app, with_v2, lang):
    with_v2(precondition=Precondition(outcome="first_arrange", checks=(MUST,)), rights=(RIGHT,))
    shown = said(open_app("advies", lang=lang, **ANSWERS))
    for text in (t(lang, "arrange_first"), MUST.text.get(lang), t(lang, "rights"), RIGHT.text.get(lang)):
        assert escape_markdown(text) in shown


def test_without_the_fields_the_page_shows_none_of_it(open_app, with_v2):
    with_v2(status="definitief", needed=(), precondition=None, rights=())  # the engine fills them: clear them
    shown = said(open_app("advies", **ANSWERS))
    assert "Geadviseerde vorm: Coproduceren" in shown  # the advice itself is there
    for text in (t("nl", "arrange_first"), t("nl", "rights"), t("nl", "insufficient_title")):
        assert escape_markdown(text) not in shown


def test_the_engines_own_fields_are_shown(open_app):
    advice = advisor.advise(BUNDLED.load("voorbeeldgemeente"), PROJECT)
    assert advice.status == "definitief" and advice.precondition is not None and advice.rights
    shown = said(open_app("advies", **ANSWERS))
    assert escape_markdown(t("nl", "arrange_first")) in shown
    for text in (*(c.text for c in advice.precondition.checks), *(r.text for r in advice.rights)):
        assert escape_markdown(text.get("nl")) in shown

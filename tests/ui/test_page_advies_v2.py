"""The Advies page shows the fields of Advice v2 as the report does. The engine does not fill them yet: the page's
advice is the current engine's, with the v2 fields set by hand (the page imports `advise` on every run)."""

from __future__ import annotations

import pytest

from ladder.engine import advisor
from ladder.engine.advice import FiredCheck, Precondition, RightItem
from ladder.reports.markdown import escape_markdown
from ladder.rules.model import Text
from ui.texts import t

ANSWERS = {"beleidsruimte": "open", "initiatiefnemer": "gemeente"}
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


def test_without_the_fields_the_page_shows_none_of_it(open_app):
    shown = said(open_app("advies", **ANSWERS))
    for text in (t("nl", "arrange_first"), t("nl", "rights"), t("nl", "insufficient_title")):
        assert escape_markdown(text) not in shown

"""The advice report shows the fields of Advice v2 (contract §2) exactly when the engine sets them, in Dutch and
English, and never presents a form as advice when too little is known. Each part is tested on its own: the advice is
the engine's for the market square (golden project 04) with every v2 part taken out, and then one part set by hand."""

from __future__ import annotations

import pytest
from test_reports import ANSWER_SETS, MARKTPLEIN, _advice

from ladder.engine.advice import (
    Advice,
    FiredCheck,
    Flip,
    MainReason,
    Precondition,
    RightItem,
    RoleAdvice,
    SupportItem,
)
from ladder.reports.plain_text import render_text
from ladder.reports.sentences import Labels, method_notes
from ladder.reports.texts import t
from ladder.rules.model import RuleSet, Text

LANGS = ["nl", "en"]


def text(nl: str) -> Text:
    return Text(nl=nl, en=f"EN {nl}")


def without_v2_parts(advice: Advice) -> Advice:
    """The advice without hats, rights, support, preconditions, choice flips and route names: what the report showed
    before Advice v2, so that each part below appears only because the test sets it."""
    return advice.model_copy(update={
        "hats": (), "rights": (), "support": (), "precondition": None, "conditional_on": (), "fallback": None,
        "late_entry": False, "flips": tuple(f.model_copy(update={"kind": "feit"}) for f in advice.flips),
        "routes": advice.routes.model_copy(update={"adjust": None, "situation_name": None, "goal_name": None}),
    })


@pytest.fixture(scope="module")
def plein(bundled) -> tuple[Advice, RuleSet]:
    rule_set = bundled["voorbeeldgemeente"]
    advice = _advice(rule_set, MARKTPLEIN.answers)
    assert advice.status == "definitief" and advice.hats and advice.rights and advice.precondition  # all taken out
    return without_v2_parts(advice), rule_set


def report(advice: Advice, rule_set: RuleSet, lang: str) -> str:
    return render_text(advice, rule_set, "Plein", lang)


HAT = RoleAdvice(role="reguleren", name=text("Reguleerder"), description=text("regels"), why=text("Zij beslist over vergunningen."))
CHECKS = (
    FiredCheck(id="geen_ruimte", stage="pre", severity=None, text=text("Er valt niets meer te kiezen.")),
    FiredCheck(id="afspraken", stage="post", severity="must", text=text("Leg vooraf vast wat er te kiezen is.")),
    FiredCheck(id="vertrouwen", stage="post", severity="should", text=text("Beloof weinig en kom dat na.")),
    FiredCheck(id="toezegging", stage="post", severity="must", text=text("Het bestuur neemt de uitkomst over."),
               conditional=True),
)
RIGHTS = (
    RightItem(id="petitie", kind="recht", holder="iedereen", basis="Grondwet art. 5", text=text("Iedereen mag een verzoek doen.")),
    RightItem(id="zienswijze", kind="plicht", holder="gemeente", basis="Awb afdeling 3.4", text=text("Het ontwerp ligt ter inzage.")),
)
ADJUST = text("Pas de voorwaarden aan.")
STEP = text("Stap voor stap")
SUPPORT = (SupportItem(id="tolk", text=text("Regel een tolk of taalmaatje."), source="x"),)


def changes(advice: Advice) -> dict[str, dict[str, object]]:
    """Per new part: the update that sets it."""
    return {
        "hats": {"hats": (HAT,)},
        "rights": {"rights": RIGHTS[:1]},
        "duties": {"rights": RIGHTS[1:]},
        "support": {"support": SUPPORT},
        "arrange_first": {"precondition": Precondition(outcome="first_arrange", checks=CHECKS[1:2])},
        "arrange_also": {"precondition": Precondition(outcome="participate", checks=CHECKS[2:3])},
        "conditional": {"precondition": Precondition(outcome="first_arrange", checks=CHECKS[3:]),
                        "conditional_on": ("toezegging",), "fallback": "adviseren"},
        "inform_only": {"recommended": "informeren",
                        "precondition": Precondition(outcome="inform_only", checks=CHECKS[:1], then_rung=advice.recommended)},
        "keuze": {"flips": tuple(f.model_copy(update={"kind": "keuze"}) for f in advice.flips)},
        "adjust": {"routes": advice.routes.model_copy(update={"distance": 2, "differ": True, "adjust": ADJUST,
                                                              "situation_name": STEP})},
    }


def expected(part: str, advice: Advice, labels: Labels) -> list[str]:
    """What the report must then say."""
    lang = labels.lang
    return {
        "hats": [t(lang, "role_hats", hats=HAT.name.get(lang)), HAT.why.get(lang) if HAT.why else ""],
        "rights": [t(lang, "rights"), RIGHTS[0].text.get(lang), t(lang, "right_basis", basis=RIGHTS[0].basis)],
        "duties": [t(lang, "duties"), RIGHTS[1].text.get(lang), t(lang, "right_basis", basis=RIGHTS[1].basis)],
        "support": [t(lang, "support"), SUPPORT[0].text.get(lang)],
        "arrange_first": [t(lang, "arrange_first"), CHECKS[1].text.get(lang)],
        "arrange_also": [t(lang, "arrange_also"), CHECKS[2].text.get(lang)],
        "conditional": [t(lang, "conditional_rung", rung=labels.rung(advice.recommended), fallback=labels.rung("adviseren")).upper(),
                        t(lang, "condition", text=CHECKS[3].text.get(lang))],
        "inform_only": [CHECKS[0].text.get(lang), t(lang, "inform_only_then", rung=labels.rung(advice.recommended))],
        "keuze": [t(lang, "flips_keuze")],
        "adjust": [ADJUST.get(lang), t(lang, "route_line", situation_name=STEP.get(lang), situation="", goal_name="",
                                       goal_answer="", goal="").split(":")[0]],
    }[part]


PARTS = ["hats", "rights", "duties", "support", "arrange_first", "arrange_also", "conditional", "inform_only", "keuze",
         "adjust"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("part", PARTS)
def test_each_new_part_appears_exactly_when_its_field_is_set(plein, part, lang):
    advice, rule_set = plein
    labels = Labels(rule_set, lang)
    before = report(advice, rule_set, lang)
    after = report(advice.model_copy(update=changes(advice)[part]), rule_set, lang)
    for sentence in expected(part, advice, labels):
        assert sentence in after, sentence
        assert sentence not in before, sentence


@pytest.mark.parametrize("lang", LANGS)
def test_too_little_known_says_what_to_answer_and_never_presents_the_form_as_advice(plein, lang):
    advice, rule_set = plein
    labels = Labels(rule_set, lang)
    needed = ("initiatiefnemer", "beleidsruimte")
    shown = report(advice.model_copy(update={"status": "onvoldoende", "needed": needed, "rights": RIGHTS}), rule_set, lang)
    lines = shown.splitlines()
    assert lines[lines.index("") + 1] == t(lang, "insufficient_title").upper()  # the status in the first line
    for trait in needed:
        assert labels.question(trait) in shown
    rung = labels.rung(advice.recommended)
    assert rung not in shown
    assert t(lang, "scores") not in shown  # no ladder that marks a form as the advice
    assert RIGHTS[0].text.get(lang) in shown and RIGHTS[1].text.get(lang) in shown  # rights hold anyway


@pytest.mark.parametrize("lang", LANGS)
def test_a_provisional_advice_says_so_first_and_names_the_unknowns_that_could_move_it(bundled, lang):
    rule_set = bundled["voorbeeldgemeente"]
    advice = _advice(rule_set, ANSWER_SETS["alleen_het_nodige"])  # only what the tool needs: much is still open
    assert advice.status == "voorlopig"
    moving = [u.trait for u in advice.unknowns if u.changes_advice]
    assert moving
    labels = Labels(rule_set, lang)
    shown = report(advice, rule_set, lang)
    assert t(lang, "provisional_form", rung=labels.rung(advice.recommended)).upper() in shown
    assert labels.question(moving[0]) in shown.split(t(lang, "provisional_why", questions="").strip())[1].splitlines()[0]
    definite = _advice(rule_set, MARKTPLEIN.answers)
    assert definite.status == "definitief"
    assert t(lang, "provisional_form", rung="x").split(":")[0].upper() not in report(definite, rule_set, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_reasons_are_the_why_texts_of_the_main_reasons_with_their_shares(plein, lang):
    advice, rule_set = plein
    labels = Labels(rule_set, lang)
    trait = advice.main_reasons[0]
    why = next(c.why.get(lang) for c in advice.contributions if c.trait == trait)
    shared = advice.model_copy(update={"reason_shares": (MainReason(trait=trait, lead=1.0, share=0.6),)})
    shown = report(shared, rule_set, lang)
    assert t(lang, "why_main", rung=labels.rung(advice.recommended), reasons=why) in shown
    assert "60%" in shown and "60%" not in report(advice, rule_set, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_margin_is_explained_once_in_words(plein, lang):
    advice, rule_set = plein
    for label in ("robuust", "krap"):
        shown = report(advice.model_copy(update={"robustness": label}), rule_set, lang)
        assert shown.count(t(lang, "margin_scale")) == 1
        assert t(lang, f"margin_{label}") in shown


def test_facts_and_choices_are_flipped_apart(plein):
    advice, rule_set = plein
    flips = advice.flips[:1] + tuple(f.model_copy(update={"kind": "keuze"}) for f in advice.flips[1:2])
    shown = report(advice.model_copy(update={"flips": flips}), rule_set, "nl")
    assert shown.index(t("nl", "flips_feit")) < shown.index(t("nl", "flips_keuze"))


def test_a_method_note_is_neither_fit_nor_misfit(plein):
    advice, rule_set = plein
    method = advice.werkvormen[0]
    reason = method.reasons[0].model_copy(update={"note": True, "fits": True})
    noted = advice.model_copy(update={"werkvormen": (method.model_copy(update={"reasons": (reason,)}), *advice.werkvormen[1:])})
    shown = report(noted, rule_set, "nl")
    assert t("nl", "method_note", why=reason.why.get("nl")) in shown
    assert method_notes(noted.werkvormen[0], "nl") == t("nl", "method_note", why=reason.why.get("nl"))


def test_a_late_entry_shows_the_phase_note(plein):
    advice, rule_set = plein
    phase = advice.phases[0].model_copy(update={"note": text("Wie pas bij het besluit instapt, is laat.")})
    late = advice.model_copy(update={"phases": (phase,), "entry_phase": phase.phase, "late_entry": True})
    assert "Wie pas bij het besluit instapt, is laat." in report(late, rule_set, "nl").split("\n\n")[1]
    on_time = late.model_copy(update={"late_entry": False})
    assert "Wie pas bij het besluit instapt, is laat." not in report(on_time, rule_set, "nl").split("\n\n")[1]


def test_flip_kind_default_is_feit():
    assert Flip(trait="a", answer=("x",), new_answer=("y",), new_rung="r").kind == "feit"

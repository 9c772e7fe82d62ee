"""Roles from role_needs (design §3): the main role climbs the trap as little as possible; hats sit beside it."""

from __future__ import annotations

import pytest
from conftest import ROOT

from ladder.engine.advisor import advise
from ladder.rules.loading import load_rule_set, load_rule_set_text
from ladder.rules.problems import RuleSetError
from ladder.rules.sources import RuleSources

FIXTURES = ROOT / "tests" / "fixtures" / "v2_roles"
BASE = load_rule_set(FIXTURES / "v2_base.yaml")
EXTENDING = load_rule_set(FIXTURES / "v2_extending.yaml")
INITIATIVE = {"initiatiefnemer": "samenleving"}


@pytest.mark.parametrize(
    ("answers", "role"),
    [
        ({"vraag_initiatief": ["alleen_ruimte"]}, "loslaten"),
        ({"vraag_initiatief": ["advies"]}, "faciliteren"),
        ({"capaciteit": "laag"}, "stimuleren"),
        ({"vraag_initiatief": ["geld"], "capaciteit": "laag"}, "stimuleren"),  # the higher need covers the lower
        ({"belanghebbenden": "veel", "complexiteit": "hoog", "capaciteit": "laag"}, "regisseren"),
        ({"initiatiefnemer": "private_initiatiefnemer"}, "reguleren"),
    ],
)
def test_every_role_is_reachable_as_the_main_role(answers, role):
    advice = advise(BASE, INITIATIVE | answers)
    assert advice.role.role == role


def test_the_main_role_is_loslaten_with_its_why_when_nothing_is_asked():
    for middelen in ("laag", "hoog"):  # the process budget says nothing about what the initiative needs
        advice = advise(BASE, INITIATIVE | {"vraag_initiatief": ["alleen_ruimte"], "middelen": middelen})
        assert (advice.recommended, advice.role.role, advice.role_needs) == ("zelfbeheer", "loslaten", ())
        assert advice.role.why == BASE.role_needs.loslaten_why


def test_reguleren_is_a_hat_when_the_municipality_is_bevoegd_gezag_on_every_rung():
    initiative = advise(BASE, INITIATIVE | {"rol_gemeente": ["bevoegd_gezag"]})
    own_plan = advise(BASE, {"initiatiefnemer": "gemeente", "rol_gemeente": ["bevoegd_gezag"]})
    assert (initiative.role.role, [h.role for h in initiative.hats]) == ("loslaten", ["reguleren"])
    assert own_plan.recommended == "informeren"
    assert own_plan.role.role is None  # below applies_to the rung's own role text stays the main role
    assert [h.role for h in own_plan.hats] == ["reguleren"]


def test_the_needs_that_held_are_listed():
    advice = advise(BASE, INITIATIVE | {"vraag_initiatief": ["geld"], "capaciteit": "laag"})
    assert advice.role_needs == ("faciliteren_bij_vraag", "stimuleren_bij_weinig_energie")
    assert advice.hats == ()


def test_hats_combine_from_rol_gemeente():
    advice = advise(BASE, INITIATIVE | {"rol_gemeente": ["bevoegd_gezag", "grondeigenaar", "financier"]})
    assert [h.name.nl for h in advice.hats] == ["Reguleren", "Grondeigenaar", "Financier"]
    assert advice.hats[1].description.nl == "De gemeente is eigenaar van de grond."


def test_guidance_with_hats_is_shown_only_when_there_is_a_hat():
    without = advise(BASE, INITIATIVE)
    with_hat = advise(BASE, INITIATIVE | {"rol_gemeente": ["grondeigenaar"]})
    assert [g.id for g in without.guidance] == ["altijd"]
    assert [g.id for g in with_hat.guidance] == ["twee_petten", "altijd"]


@pytest.mark.parametrize(
    ("answers", "base_role", "extending_role"),
    [
        ({"capaciteit": "laag"}, "stimuleren", "loslaten"),  # disabled
        ({"vraag_initiatief": ["advies"]}, "faciliteren", "loslaten"),  # replaced: only money now
        ({"vraag_initiatief": ["geld"]}, "faciliteren", "faciliteren"),
        ({"vraag_initiatief": ["samenwerking"]}, "loslaten", "regisseren"),  # added
    ],
)
def test_an_extending_file_disables_replaces_and_adds_role_needs(answers, base_role, extending_role):
    assert advise(BASE, INITIATIVE | answers).role.role == base_role
    assert advise(EXTENDING, INITIATIVE | answers).role.role == extending_role


def test_a_role_need_with_an_unknown_role_is_refused():
    sources = RuleSources(FIXTURES, FIXTURES, ROOT)
    text = ("extends: v2_base\nadd_role_needs: [{id: x, role: beheren, when: {trait: capaciteit, equals: laag}, "
            "why: w}]\n")
    with pytest.raises(RuleSetError) as raised:
        load_rule_set_text(text, "proef.yaml", sources)
    [problem] = raised.value.problems
    assert (problem.path, problem.code) == ("add_role_needs[x].role", "role_unknown")

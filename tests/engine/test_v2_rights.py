"""Rights, duties and support measures (design §8): listed apart from the methods."""

from __future__ import annotations

import pytest
from conftest import ROOT

from ladder.engine.advisor import advise
from ladder.rules.loading import load_rule_set

FIXTURES = ROOT / "tests" / "fixtures" / "v2_roles"
BASE = load_rule_set(FIXTURES / "v2_base.yaml")
EXTENDING = load_rule_set(FIXTURES / "v2_extending.yaml")


@pytest.mark.parametrize(
    ("answers", "rights"),
    [
        ({}, ["petitierecht"]),
        ({"vraag_initiatief": ["taak_overnemen"]}, ["petitierecht", "uitdaagrecht"]),
        ({"procedure": "zienswijze"}, ["petitierecht", "zienswijze"]),
        ({"procedure": "geen", "vraag_initiatief": ["geld"]}, ["petitierecht"]),
    ],
)
def test_each_right_and_duty_is_listed_exactly_under_its_condition(answers, rights):
    assert [r.id for r in advise(BASE, answers).rights] == rights


@pytest.mark.parametrize("initiator", ["gemeente", "private_initiatiefnemer", "samen", "samenleving"])
def test_duties_are_listed_whatever_rung_is_advised(initiator):
    advice = advise(BASE, {"initiatiefnemer": initiator, "procedure": "zienswijze"})
    [duty] = [r for r in advice.rights if r.kind == "plicht"]
    assert (duty.id, duty.holder, duty.basis) == ("zienswijze", "gemeente", "Algemene wet bestuursrecht, afdeling 3.4")


@pytest.mark.parametrize(
    ("initiator", "rung", "support"),
    [
        ("gemeente", "informeren", []),  # below raadplegen, the default rungs_from
        ("private_initiatiefnemer", "raadplegen", ["outreach_sleutelfiguren"]),
        ("samen", "coproduceren", ["outreach_sleutelfiguren", "opbouwwerk"]),
    ],
)
def test_support_is_shown_from_its_rung_up_when_its_condition_holds(initiator, rung, support):
    advice = advise(BASE, {"initiatiefnemer": initiator, "capaciteit": "laag", "doelgroepen": ["jongeren"]})
    assert advice.recommended == rung
    assert [s.id for s in advice.support] == support


def test_an_extending_file_replaces_adds_and_disables_rights_and_support():
    answers = {"initiatiefnemer": "samenleving", "capaciteit": "laag", "procedure": "zienswijze",
               "doelgroepen": ["jongeren"]}
    advice = advise(EXTENDING, answers)
    assert [r.id for r in advice.rights] == ["petitierecht", "burgerinitiatiefvoorstel"]
    assert advice.rights[0].basis == "Grondwet art. 5; verordening van de gemeente"
    assert [s.id for s in advice.support] == ["outreach_sleutelfiguren", "vergoeding_deelnemers"]

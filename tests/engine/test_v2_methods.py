"""Working methods with the v2 attributes and typed fit rules (design §8)."""

from __future__ import annotations

import pytest
from conftest import ROOT

from ladder.engine.advisor import advise
from ladder.rules.loading import load_rule_set, load_rule_set_text
from ladder.rules.sources import RuleSources

FIXTURES = ROOT / "tests" / "fixtures" / "v2_roles"
BASE = load_rule_set(FIXTURES / "v2_base.yaml")
CONSULT = {"initiatiefnemer": "private_initiatiefnemer", "middelen": "laag"}  # advises raadplegen


def fits(rule_set, answers) -> dict[str, float]:
    return {m.id: m.fit for m in advise(rule_set, answers).werkvormen}


def test_a_small_group_method_is_not_penalised_on_many_stakeholders_but_gets_a_note():
    few, many = advise(BASE, CONSULT | {"belanghebbenden": "weinig"}), advise(BASE, CONSULT | {"belanghebbenden": "veel"})
    assert many.recommended == few.recommended == "raadplegen"
    [werkgroep] = [m for m in many.werkvormen if m.id == "werkgroep"]
    assert werkgroep.fit == fits(BASE, CONSULT | {"belanghebbenden": "weinig"})["werkgroep"]
    [note] = [r for r in werkgroep.reasons if r.note]
    assert note.fits and note.why.nl.startswith("Veel mensen")


def test_weinig_digitaal_ranks_an_online_method_lower():
    before = [m.id for m in advise(BASE, CONSULT).werkvormen]
    after = [m.id for m in advise(BASE, CONSULT | {"doelgroepen": ["weinig_digitaal"]}).werkvormen]
    assert before.index("online_consultatie") < before.index("straatgesprekken")
    assert after.index("online_consultatie") > after.index("straatgesprekken")
    # the channel (-1) and the threshold (-1) both count against it
    assert fits(BASE, CONSULT | {"doelgroepen": ["weinig_digitaal"]})["online_consultatie"] == fits(BASE, CONSULT)["online_consultatie"] - 2


def test_per_answer_is_capped_and_a_method_without_the_attribute_is_not_matched():
    both = fits(BASE, CONSULT | {"doelgroepen": ["weinig_digitaal", "jongeren"]})
    # two groups reached: +2, capped at +1; on location only, it misses the young who are online: -1
    assert both["straatgesprekken"] == fits(BASE, CONSULT)["straatgesprekken"] + 1 - 1
    one = fits(BASE, CONSULT | {"doelgroepen": ["weinig_digitaal"]})
    assert one["straatgesprekken"] == fits(BASE, CONSULT)["straatgesprekken"] + 1 + 1
    assert both["oude_vorm"] == fits(BASE, CONSULT)["oude_vorm"]


@pytest.mark.parametrize("answers", [{}, {"belanghebbenden": "veel"}, {"belanghebbenden": "weinig"},
                                     {"belanghebbenden": "veel", "doelgroepen": ["jongeren"]}])
def test_a_note_never_changes_the_fit(answers):
    without_note = BASE.model_copy(update={"werkvorm_fit": tuple(f for f in BASE.werkvorm_fit if f.effect != "note")})
    assert fits(BASE, CONSULT | answers) == fits(without_note, CONSULT | answers)


def test_with_many_stakeholders_one_shown_method_lets_everyone_take_part():
    small = "".join(
        f"  - {{id: klein_{i}, name: k, description: d, rungs: [raadplegen], schaal: [buurt], groepsgrootte: klein, "
        f"kosten: laag, duur: kort, waarden: {{inclusie: 1, invloed: 1, eigenaarschap: 1, deliberatie: 1, "
        f"legitimiteit: 1}}, bereik: weinigen}}\n"
        for i in range(8)
    )
    text = ("extends: v2_base\ndisable_werkvormen: [online_consultatie, straatgesprekken]\nwerkvormen:\n" + small)
    rule_set = load_rule_set_text(text, "proef.yaml", RuleSources(FIXTURES, FIXTURES, ROOT))
    few = [m.id for m in advise(rule_set, CONSULT | {"belanghebbenden": "weinig"}).werkvormen]
    many = [m.id for m in advise(rule_set, CONSULT | {"belanghebbenden": "veel"}).werkvormen]
    assert "bewonersavond" not in few and len(few) == 8
    assert many[-1] == "bewonersavond" and len(many) == 8

"""A shared link carries the answers: the same link gives the same answers, and a bad link never crashes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ladder.engine.advisor import apply_ask_when
from ladder.rules.model import NOT_APPLICABLE, UNKNOWN
from ui.share_link import answers_from_params, answers_to_params


def test_only_known_answers_go_into_the_link(base):
    answers = {"beleidsruimte": ("open",), "conflict": (UNKNOWN,), "fase": ("agenda", "voorbereiding")}
    assert answers_to_params(answers) == {"beleidsruimte": "open", "fase": "agenda,voorbereiding"}


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_answers_survive_the_round_trip_through_a_link(bundled, data):
    rule_set = bundled[data.draw(st.sampled_from(sorted(bundled)))]
    answers = {}
    for trait in rule_set.traits:
        if trait.multiple:
            chosen = data.draw(st.lists(st.sampled_from(trait.option_ids()), unique=True))
            alone = [o.id for o in trait.options if o.exclusive and o.id in chosen]  # v2: e.g. procedure 'geen'
            chosen = alone[:1] or chosen
            answers[trait.id] = tuple(o for o in trait.option_ids() if o in chosen) or (UNKNOWN,)
        else:
            answers[trait.id] = (data.draw(st.sampled_from((UNKNOWN, *trait.option_ids()))),)
    back, set_aside = answers_from_params(rule_set, answers_to_params(answers))
    # v2: a question whose ask_when does not hold comes back as nvt, and an answer given to it is set aside as not asked
    expected = apply_ask_when(rule_set, answers)
    assert back == expected
    assert all(p.code == "answer_not_asked" and expected[p.trait] == (NOT_APPLICABLE,) for p in set_aside), set_aside


@pytest.mark.parametrize("params, kept, reason", [
    ({"beleidsruimte": "veel"}, {}, "invalid answer 'veel' for trait 'beleidsruimte'"),
    ({"conflict": "hoog,laag"}, {}, "takes one answer"),
    ({"atlantis": "ja", "conflict": "hoog"}, {"conflict": ("hoog",)}, "unknown trait 'atlantis'"),
    ({"beleidsruimte": "veel", "conflict": "hoog"}, {"conflict": ("hoog",)}, "beleidsruimte"),
])
def test_what_does_not_fit_is_set_aside_with_a_reason(base, params, kept, reason):
    answers, set_aside = answers_from_params(base, {"gemeente": "x", "lang": "nl", **params})
    # v2: a question whose ask_when does not hold reads as nvt, not as an answer kept from the link
    assert {k: v for k, v in answers.items() if v not in ((UNKNOWN,), (NOT_APPLICABLE,))} == kept
    assert any(reason in str(line) for line in set_aside), set_aside


@pytest.mark.parametrize(("params", "dutch"), [
    ({"beleidsruimte": "veel"}, "ongeldig antwoord 'veel' bij de vraag 'beleidsruimte'; kies uit geen, beperkt"),
    ({"conflict": "hoog,laag"}, "de vraag 'conflict' heeft één antwoord, maar kreeg er 2"),
    ({"atlantis": "ja"}, "de vraag 'atlantis' hoort niet bij deze regels"),
])
def test_what_is_set_aside_is_said_in_dutch_for_a_dutch_page(base, params, dutch):
    _, set_aside = answers_from_params(base, params)
    assert any(line.message("nl").startswith(dutch) for line in set_aside), [p.message("nl") for p in set_aside]


def test_a_wrong_part_of_a_several_answer_question_costs_only_that_part(base):
    answers, set_aside = answers_from_params(base, {"fase": "agenda,later,voorbereiding"})
    assert answers["fase"] == ("agenda", "voorbereiding")
    assert [p.message("nl") for p in set_aside] == [
        "ongeldig antwoord 'later' bij de vraag 'fase'; kies uit " + ", ".join(base.trait("fase").option_ids())
        + " of onbekend"]

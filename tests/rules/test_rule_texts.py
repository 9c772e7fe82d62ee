"""The words of the bundled rule sets: plain Dutch with 'u', citable sources, reasons that explain."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from conftest import ROOT

from ladder.rules.loading import load_rule_set
from ladder.rules.model import Text
from ladder.rules.sources import RuleSources

SOURCES = RuleSources.bundled()
RULE_SETS = {m: SOURCES.load(m) for m in SOURCES.ids()} | {"base": load_rule_set(ROOT / "rules" / "base.yaml")}
INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)
EMPTY_PHRASES = ("dit duwt nergens heen", "Domeinkennis")


def texts(value: object, path: str = "") -> Iterator[tuple[str, Text]]:
    """Every Text in a rule set, with where it is."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from texts(item, f"{path}[{getattr(item, 'id', i)}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, f"{path}.{key}")
    elif hasattr(type(value), "model_fields") and not isinstance(value, type):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), f"{path}.{name}")


@pytest.mark.parametrize("rs_id", sorted(RULE_SETS))
def test_dutch_texts_say_u_never_je_or_jullie(rs_id):
    informal = [(p, t.nl) for p, t in texts(RULE_SETS[rs_id]) if INFORMAL.search(t.nl)]
    assert not informal


@pytest.mark.parametrize("rs_id", sorted(RULE_SETS))
def test_no_empty_phrases_or_uncitable_sources(rs_id):
    rule_set = RULE_SETS[rs_id]
    found = [(p, t.nl) for p, t in texts(rule_set) if any(e.lower() in t.nl.lower() for e in EMPTY_PHRASES)]
    found += [(g.id, g.source) for g in rule_set.guidance if "domeinkennis" in g.source.lower()]
    assert not found


@pytest.mark.parametrize("rs_id", sorted(RULE_SETS))
def test_every_guidance_source_is_one_the_rule_set_lists(rs_id):
    rule_set = RULE_SETS[rs_id]
    listed = (*rule_set.sources, *RULE_SETS["base"].sources)  # a municipal file lists its own; the base's still hold
    unlisted = [(g.id, g.source) for g in rule_set.guidance if not any(g.source.startswith(s) for s in listed)]
    assert not unlisted


@pytest.mark.parametrize("rs_id", sorted(RULE_SETS))
def test_a_reason_does_not_start_by_repeating_its_answer(rs_id):
    rule_set = RULE_SETS[rs_id]
    repeated = []
    for trait in rule_set.traits:
        for option in trait.options:
            weights = rule_set.weights.get(trait.id, {}).get(option.id)
            if weights and weights.why.nl.lower().startswith(option.label.nl.lower()):
                repeated.append((trait.id, option.id))
    assert not repeated


# A closed select box shows about this many characters at 1280 px in the Advies page's two columns; the rest is cut
# off mid-word, so two long answers that start alike cannot be told apart once chosen (bindendheid in rules 2.1.0)
SELECT_BOX_CHARACTERS = 60


@pytest.mark.parametrize("rs_id", sorted(RULE_SETS))
def test_a_single_answer_fits_its_closed_select_box(rs_id):
    too_long = [(trait.id, option.id, lang, label)
                for trait in RULE_SETS[rs_id].traits if not trait.multiple
                for option in trait.options
                for lang, label in (("nl", option.label.nl), ("en", option.label.en))
                if len(label) > SELECT_BOX_CHARACTERS]
    assert not too_long

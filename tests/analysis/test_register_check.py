"""A saved advice stays reproducible: computed again from its stored answers and rule-set snapshot it is the same.
And when a municipality's rules change afterwards, the register says what they would advise now.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml
from conftest import BUNDLED, CASES
from proef_rules import OPEN_PLAN, PROEF, PROEF_CAPPED, PROEF_RENAMED

from ladder.analysis.register_check import check_reproducible, compare_with_current, rung_name, stored_advice
from ladder.engine.advisor import advise
from ladder.rules.loading import load_rule_set
from storage.register import NewEntry, get_entry, save_entry
from storage.snapshots import get_snapshot

PROJECTS = [yaml.safe_load(c.read_text(encoding="utf-8"))["project"] for c in CASES]


def _as_stored(value):
    """What a JSON column gives back."""
    return json.loads(json.dumps(value))


def _stored(rule_set, answers):
    advice = advise(rule_set, answers, ignore_unknown_traits=True)
    return (_as_stored(advice.model_dump(mode="json")),
            _as_stored({trait: list(options) for trait, options in advice.answers.items()}),
            _as_stored(rule_set.model_dump(mode="json")))


@pytest.mark.parametrize("municipality", BUNDLED.ids())
@pytest.mark.parametrize("project", PROJECTS, ids=[c.stem for c in CASES])
def test_every_golden_project_is_reproducible_under_every_municipality(bundled, municipality, project):
    result = check_reproducible(*_stored(bundled[municipality], project["answers"]))
    assert result.identical, result.differences
    assert result.recomputed is not None


@pytest.mark.parametrize("municipality", BUNDLED.ids())
def test_an_advice_read_back_from_the_database_is_reproducible(database, bundled, municipality):
    rule_set = bundled[municipality]
    for project in PROJECTS[:6]:
        advice = advise(rule_set, project["answers"], ignore_unknown_traits=True)
        number = save_entry(database, NewEntry(project["title"], dt.date(2026, 5, 1), advice.recommended), advice,
                            rule_set)
        entry = get_entry(database, number)
        result = check_reproducible(entry.advice, entry.answers, get_snapshot(database, entry.summary.content_hash))
        assert result.identical, (project["title"], result.differences)
        assert result.recomputed == advice.model_copy(update={"ignored_answers": ()})


def test_a_changed_snapshot_is_not_reproducible_and_says_what_differs(bundled):
    advice, answers, snapshot = _stored(bundled["voorbeeldgemeente"], OPEN_PLAN)
    promised = next(r for r in snapshot["rungs"] if r["id"] == advice["recommended"])
    promised["promise"] = {"nl": "Achteraf veranderd.", "en": None}
    result = check_reproducible(advice, answers, snapshot)
    assert (result.identical, result.differences) == (False, ("promise",))


@pytest.mark.parametrize("broken", ["no snapshot", "answers that do not fit"])
def test_an_advice_that_cannot_be_computed_again_is_not_called_reproducible(bundled, broken):
    advice, answers, snapshot = _stored(bundled["voorbeeldgemeente"], OPEN_PLAN)
    if broken == "no snapshot":
        snapshot = None
    else:
        answers = {**answers, "ingrijpendheid": ["enorm"]}
    result = check_reproducible(advice, answers, snapshot)
    assert not result.identical and result.recomputed is None


def test_the_same_rules_today_give_the_same_advice(bundled):
    rule_set = bundled["leusden"]
    advice = advise(rule_set, OPEN_PLAN)
    comparison = compare_with_current(advice, OPEN_PLAN, rule_set)
    assert (comparison.status, comparison.current_rung) == ("same_rules", advice.recommended)


def test_changed_rules_that_advise_differently_are_reported(write_rules, bundle_municipality):
    then = load_rule_set(write_rules(PROEF.format(version="1.0"), "proefgemeente.yaml"))
    saved = advise(then, OPEN_PLAN)
    assert saved.recommended == "meebeslissen"
    now = bundle_municipality(PROEF_CAPPED.format(version="1.3")).load("proefgemeente")
    assert now.content_hash != then.content_hash

    comparison = compare_with_current(stored_advice(_as_stored(saved.model_dump(mode="json"))), OPEN_PLAN, now)
    assert (comparison.status, comparison.version) == ("differs", "1.3")
    assert (comparison.stored_rung, comparison.current_rung) == ("meebeslissen", "adviseren")
    assert rung_name(comparison.current_advice, comparison.current_rung, "nl") == "Adviseren"


def test_changed_rules_that_advise_the_same_are_reported_as_such(write_rules, bundle_municipality):
    saved = advise(load_rule_set(write_rules(PROEF.format(version="1.0"), "proefgemeente.yaml")), OPEN_PLAN)
    now = bundle_municipality(PROEF_RENAMED.format(version="1.2")).load("proefgemeente")
    comparison = compare_with_current(saved, OPEN_PLAN, now)
    assert (comparison.status, comparison.current_rung) == ("same_advice", saved.recommended)


def test_answers_the_current_rules_no_longer_offer_cannot_be_compared(bundled):
    saved = advise(bundled["amersfoort"], OPEN_PLAN)
    # 'samenleving' was an option of initiatiefnemer under model v1; the current questions split it in four
    no_longer_offered = {**OPEN_PLAN, "initiatiefnemer": "samenleving"}
    comparison = compare_with_current(saved, no_longer_offered, bundled["voorbeeldgemeente"])
    assert (comparison.status, comparison.current_rung) == ("not_comparable", None)


def test_a_rung_is_named_as_the_advice_itself_named_it(bundled):
    advice = advise(bundled["leusden"], OPEN_PLAN)
    assert rung_name(advice, "overheidsparticipatie", "nl").startswith("Overheidsparticipatie: de gemeente doet mee")
    assert rung_name(advice, "niet_bestaand", "nl") == "niet_bestaand"


def test_an_advice_saved_by_an_earlier_engine_is_checked_on_what_it_decided(bundled):
    """A register outlives engine versions: what was decided must still come out; the explanation may have grown."""
    advice, answers, snapshot = _stored(bundled["voorbeeldgemeente"], OPEN_PLAN)
    earlier = advice | {"schema_version": "0.9", "main_reasons": [], "flips": []}
    result = check_reproducible(earlier, answers, snapshot)
    assert (result.identical, result.saved_by) == (True, "0.9")
    earlier["recommended"] = "informeren" if advice["recommended"] != "informeren" else "raadplegen"
    assert check_reproducible(earlier, answers, snapshot).differences == ("recommended",)

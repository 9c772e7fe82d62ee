"""Is a saved advice still reproducible, and would today's rules advise the same?

Pure: works on the data the register stored (answers, advice and rule-set snapshot as JSON), never on the
database itself. The advice is computed again by the engine from the stored answers and the stored rule set;
it is reproducible when that gives exactly the advice that was saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from ladder.engine.advice import ADVICE_SCHEMA_VERSION, Advice
from ladder.engine.advisor import advise
from ladder.rules.model import RuleSet
from ladder.rules.problems import AnswerError

# Answers the rule set did not ask for were set aside when the advice was made; the register stores the answers
# it used, so those names cannot come back. They never weigh in the advice.
_NOT_COMPARED = {"ignored_answers"}
# An advice saved by an earlier version of the engine (another ADVICE_SCHEMA_VERSION) is checked on what it decided,
# which keeps its meaning across versions; the explanation around it (main reasons, new parts) may have grown since.
DECISION_FIELDS = ("recommended", "scores", "kaders", "margin", "robustness", "role", "promise", "commitment")


@dataclass(frozen=True)
class Reproduction:
    identical: bool
    recomputed: Advice | None  # None when the snapshot or the answers could not be read
    differences: tuple[str, ...]  # the parts of the advice that came out differently
    saved_by: str | None = None  # the advice format of an earlier engine; then only DECISION_FIELDS are compared


@dataclass(frozen=True)
class CurrentComparison:
    """What the municipality's current rules advise for the same answers."""

    status: Literal["same_rules", "same_advice", "differs", "not_comparable"]
    version: str
    stored_rung: str
    current_rung: str | None  # None when the answers do not fit the current questions
    current_advice: Advice | None


def stored_advice(advice: Mapping[str, Any]) -> Advice:
    return Advice.model_validate(advice)


def snapshot_rule_set(snapshot: Mapping[str, Any]) -> RuleSet:
    return RuleSet.model_validate(snapshot)


def check_reproducible(advice: Mapping[str, Any], answers: Mapping[str, Any],
                       snapshot: Mapping[str, Any] | None) -> Reproduction:
    """Computes the advice again from the stored answers and rule-set snapshot, and compares it with the stored one."""
    saved = stored_advice(advice)
    if snapshot is None:
        return Reproduction(identical=False, recomputed=None, differences=("rule_set",))
    try:
        recomputed = advise(snapshot_rule_set(snapshot), answers)
    except (ValidationError, AnswerError):
        return Reproduction(identical=False, recomputed=None, differences=("answers",))
    earlier = saved.schema_version if saved.schema_version != ADVICE_SCHEMA_VERSION else None
    compared = DECISION_FIELDS if earlier else tuple(f for f in Advice.model_fields if f not in _NOT_COMPARED)
    differences = tuple(field for field in compared if getattr(saved, field) != getattr(recomputed, field))
    return Reproduction(identical=not differences, recomputed=recomputed, differences=differences, saved_by=earlier)


def compare_with_current(advice: Advice, answers: Mapping[str, Any], current: RuleSet) -> CurrentComparison:
    """Would the current rule set of the municipality advise the same for these answers?

    Questions the current rules no longer ask are left out; new questions count as 'don't know'.
    """
    if current.content_hash == advice.rule_set.content_hash:
        return CurrentComparison("same_rules", current.version, advice.recommended, advice.recommended, advice)
    try:
        now = advise(current, answers, ignore_unknown_traits=True)
    except AnswerError:  # an answer the current rules no longer offer
        return CurrentComparison("not_comparable", current.version, advice.recommended, None, None)
    status: Literal["same_advice", "differs"] = "same_advice" if now.recommended == advice.recommended else "differs"
    return CurrentComparison(status, current.version, advice.recommended, now.recommended, now)


def rung_name(advice: Advice, rung_id: str, lang: str) -> str:
    """A rung's name as the advice itself carries it (so as the rules named it then)."""
    return next((s.name.get(lang) for s in advice.scores if s.rung == rung_id), rung_id)

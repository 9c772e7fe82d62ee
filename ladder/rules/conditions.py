"""Evaluating the declarative conditions of kaders, guidance and role rules against answers."""

from __future__ import annotations

from collections.abc import Mapping

from ladder.rules.model import UNKNOWN, Condition

# Answers as the engine sees them: every trait maps to the chosen options (one, several for
# multi-choice traits like fase, or just `onbekend`).
Answers = Mapping[str, tuple[str, ...]]


def holds(condition: Condition, answers: Answers) -> bool:
    if condition.trait is not None:
        chosen = answers.get(condition.trait, (UNKNOWN,))
        wanted = (condition.equals,) if condition.equals is not None else condition.in_ or ()
        return any(option in wanted for option in chosen)
    if condition.all is not None:
        return all(holds(c, answers) for c in condition.all)
    if condition.any is not None:
        return any(holds(c, answers) for c in condition.any)
    assert condition.not_ is not None  # guaranteed by Condition's own validation
    return not holds(condition.not_, answers)


def traits_in(condition: Condition) -> set[str]:
    if condition.trait is not None:
        return {condition.trait}
    parts = condition.all or condition.any or ((condition.not_,) if condition.not_ else ())
    return set().union(*(traits_in(c) for c in parts)) if parts else set()

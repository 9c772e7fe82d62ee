"""Working methods for the advised rung, ranked by how well they fit the answers (werkvorm_fit).

A method for the advised rung starts at 3, one for the runner-up at 1. Each fit rule then adds its points:
with `prefer`, `plus` when the method has a value that fits every chosen answer the rule lists, else `minus`;
with `per_answer`, its points for each chosen answer found in the method's list, capped. A rule never counts
on a method that lacks the attribute. A rule with `effect: note` adds nothing: it warns where it would have
lowered the fit. With many stakeholders, one shown method lets everyone (or a representative group) take part.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ladder.engine.advice import MethodAdvice, MethodReason
from ladder.rules.conditions import Answers
from ladder.rules.model import UNKNOWN, RuleSet, Werkvorm, WerkvormFit

MAX_METHODS = 8
# Design §8: many stakeholders need a broad channel beside a small group, whatever the fit says.
MANY_TRAIT = "belanghebbenden"
MANY_ANSWER = "veel"
BROAD_REACH = ("iedereen", "vertegenwoordigend")
ADVISED_START = 3.0
RUNNER_UP_START = 1.0


@dataclass(frozen=True)
class _Ranked:
    """A method's fit before it becomes a MethodAdvice: only the few shown are made into one."""

    method: Werkvorm
    fit: float
    for_rung: str
    reasons: tuple[tuple[WerkvormFit, bool], ...]  # each counted rule, with whether it fits (a note: it would not)


def advise_methods(rule_set: RuleSet, answers: Answers, advised: str, runner_up: str | None) -> tuple[MethodAdvice, ...]:
    readings = [r for r in (_reading(rule, answers.get(rule.trait, (UNKNOWN,))) for rule in rule_set.werkvorm_fit) if r is not None]
    ranked = []
    for order, method in enumerate(rule_set.werkvormen):
        if advised in method.rungs:
            fit, for_rung = ADVISED_START, advised
        elif runner_up and runner_up in method.rungs:
            fit, for_rung = RUNNER_UP_START, runner_up
        else:
            continue
        reasons: list[tuple[WerkvormFit, bool]] = []
        for reading in readings:
            outcome = reading.points(method)
            if outcome is None:
                continue
            rule, (points, fits) = reading.rule, outcome
            if rule.effect == "note":
                if not fits:
                    reasons.append((rule, fits))
                continue
            fit += points
            reasons.append((rule, fits))
        ranked.append((-fit, order, _Ranked(method, fit, for_rung, tuple(reasons))))
    ranked.sort(key=lambda x: (x[0], x[1]))
    return tuple(_advice(r) for r in _with_broad_reach(rule_set, answers, [r for _, _, r in ranked]))


def _advice(ranked: _Ranked) -> MethodAdvice:
    method = ranked.method
    reasons = tuple(
        MethodReason(fits=True, why=rule.why, note=True) if rule.effect == "note" else MethodReason(fits=fits, why=rule.why)
        for rule, fits in ranked.reasons
    )
    return MethodAdvice(id=method.id, name=method.name, description=method.description, fit=ranked.fit,
                        for_rung=ranked.for_rung, reasons=reasons)


@dataclass(frozen=True)
class _Reading:
    """A fit rule with what it reads from the answers: the same for every method, so worked out once per advice."""

    rule: WerkvormFit
    chosen: tuple[str, ...]
    preferred: tuple[frozenset[str], ...]  # with `prefer`: per chosen answer it lists, the method values that fit that answer

    def points(self, method: Werkvorm) -> tuple[float, bool] | None:
        """What the rule adds to one method, and whether that counts as fitting; None when it does not count."""
        rule = self.rule
        have = getattr(method, rule.attribute)
        if have is None:
            return None
        values = set(have) if isinstance(have, tuple) else {have}
        if rule.prefer is not None:
            fits = all(values & preferred for preferred in self.preferred)
            return (rule.plus if fits else rule.minus), fits
        assert rule.per_answer is not None and rule.cap is not None  # guaranteed by WerkvormFit's own validation
        found = sum(1 for answer in self.chosen if answer in values)
        if not found:
            return None
        total = rule.per_answer * found
        capped = math.copysign(min(abs(total), abs(rule.cap)), total)
        return capped, capped > 0


def _reading(rule: WerkvormFit, chosen: tuple[str, ...]) -> _Reading | None:
    """None for a `prefer` rule that lists none of the chosen answers: it counts for no method."""
    if rule.prefer is None:
        return _Reading(rule, chosen, ())
    listed = [answer for answer in chosen if answer in rule.prefer]
    return _Reading(rule, chosen, tuple(frozenset(rule.prefer[answer]) for answer in listed)) if listed else None


def _with_broad_reach(rule_set: RuleSet, answers: Answers, ranked: list[_Ranked]) -> tuple[_Ranked, ...]:
    """The first MAX_METHODS; with many stakeholders, the last of them gives way to the best broad method when none
    of them is broad (only in a rule set whose methods say their reach)."""
    shown = ranked[:MAX_METHODS]
    if MANY_ANSWER not in answers.get(MANY_TRAIT, ()) or all(m.bereik is None for m in rule_set.werkvormen):
        return tuple(shown)
    if any(r.method.bereik in BROAD_REACH for r in shown):
        return tuple(shown)
    broad = next((r for r in ranked[MAX_METHODS:] if r.method.bereik in BROAD_REACH), None)
    return tuple(shown) if broad is None else (*shown[: MAX_METHODS - 1], broad)

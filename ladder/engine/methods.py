"""Working methods for the advised rung, ranked by how well they fit the answers (werkvorm_fit).

A method for the advised rung starts at 3, one for the runner-up at 1. Each fit rule then adds its points:
with `prefer`, `plus` when the method has a value that fits every chosen answer the rule lists, else `minus`;
with `per_answer`, its points for each chosen answer found in the method's list, capped. A rule never counts
on a method that lacks the attribute. A rule with `effect: note` adds nothing: it warns where it would have
lowered the fit. With many stakeholders, one shown method lets everyone (or a representative group) take part.
"""

from __future__ import annotations

import math

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


def advise_methods(rule_set: RuleSet, answers: Answers, advised: str, runner_up: str | None) -> tuple[MethodAdvice, ...]:
    ranked = []
    for order, method in enumerate(rule_set.werkvormen):
        if advised in method.rungs:
            fit, for_rung = ADVISED_START, advised
        elif runner_up and runner_up in method.rungs:
            fit, for_rung = RUNNER_UP_START, runner_up
        else:
            continue
        reasons = []
        for rule in rule_set.werkvorm_fit:
            outcome = rule_points(rule, method, answers.get(rule.trait, (UNKNOWN,)))
            if outcome is None:
                continue
            points, fits = outcome
            if rule.effect == "note":
                if not fits:
                    reasons.append(MethodReason(fits=True, why=rule.why, note=True))
                continue
            fit += points
            reasons.append(MethodReason(fits=fits, why=rule.why))
        ranked.append((-fit, order, MethodAdvice(id=method.id, name=method.name, description=method.description,
                                                fit=fit, for_rung=for_rung, reasons=tuple(reasons))))
    ranked.sort(key=lambda x: (x[0], x[1]))
    return _with_broad_reach(rule_set, answers, [m for _, _, m in ranked])


def rule_points(rule: WerkvormFit, method: Werkvorm, chosen: tuple[str, ...]) -> tuple[float, bool] | None:
    """What one fit rule adds to one method, and whether that counts as fitting; None when it does not count."""
    have = getattr(method, rule.attribute)
    if have is None:
        return None
    values = set(have) if isinstance(have, tuple) else {have}
    if rule.prefer is not None:
        listed = [answer for answer in chosen if answer in rule.prefer]
        if not listed:
            return None
        fits = all(values & set(rule.prefer[answer]) for answer in listed)
        return (rule.plus if fits else rule.minus), fits
    assert rule.per_answer is not None and rule.cap is not None  # guaranteed by WerkvormFit's own validation
    found = sum(1 for answer in chosen if answer in values)
    if not found:
        return None
    total = rule.per_answer * found
    capped = math.copysign(min(abs(total), abs(rule.cap)), total)
    return capped, capped > 0


def _with_broad_reach(rule_set: RuleSet, answers: Answers, ranked: list[MethodAdvice]) -> tuple[MethodAdvice, ...]:
    """The first MAX_METHODS; with many stakeholders, the last of them gives way to the best broad method when none
    of them is broad (only in a rule set whose methods say their reach)."""
    shown = ranked[:MAX_METHODS]
    reach = {m.id: m.bereik for m in rule_set.werkvormen}
    if MANY_ANSWER not in answers.get(MANY_TRAIT, ()) or all(r is None for r in reach.values()):
        return tuple(shown)
    if any(reach[m.id] in BROAD_REACH for m in shown):
        return tuple(shown)
    broad = next((m for m in ranked[MAX_METHODS:] if reach[m.id] in BROAD_REACH), None)
    return tuple(shown) if broad is None else (*shown[: MAX_METHODS - 1], broad)

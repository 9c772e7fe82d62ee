"""The engine: weighs a project's answers under a rule set and explains the recommended form.

Pure and deterministic: no I/O, no clock, no randomness, no Streamlit. The same rule set (content
hash) and the same answers always give the same Advice.

How a recommendation is decided:
1. Every answered trait adds its points to every rung (a trait with several answers, like fase, adds
   the average of its answers). `onbekend` adds nothing.
2. Kaders whose condition holds set a minimum, a maximum, exclude rungs, or warn.
3. The recommendation is the highest-scoring rung the kaders allow; on equal scores the lower rung
   wins, so the municipality never promises more than the answers carry.
4. If the kaders leave no rung, caps win: a legal or safety frame weighs heavier than an
   aspiration. First the floors above the cap give way (the other floors still count); if the
   exclusions then leave nothing, the remaining floors give way; if still nothing is left, the
   exclusions give way. Every kader that gave way is marked `yielded` in the advice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ladder.engine.advice import (
    Advice,
    Contribution,
    FiredKader,
    Flip,
    GuidanceItem,
    MainReason,
    PhaseAdvice,
    RobustnessLabel,
    Routes,
    RuleSetRef,
    RungScore,
    RungStatus,
    UnknownEffect,
    UnknownOutcome,
    ValuesComparison,
)
from ladder.engine.methods import advise_methods
from ladder.engine.rights import advise_rights, advise_support
from ladder.engine.roles import advise_roles
from ladder.rules.conditions import Answers, holds
from ladder.rules.model import UNKNOWN, VALUES, Kader, RuleSet, Text, WeightFactor
from ladder.rules.problems import AnswerError, AnswerProblem
from ladder.text import Catalogue

PHASE_TRAIT = "fase"
MAX_REASONS = 3
ROUNDING = 6  # digits of the scores shown (and compared): also used by ladder.engine.batch
# The engine's own words in an advice; everything else it says comes from the rule set
TEXTS: dict[str, dict[str, str]] = {
    "nl": {"why_no_weight": "Dit antwoord weegt in deze regels niet mee."},
    "en": {"why_no_weight": "This answer carries no weight in these rules."},
}
ENGINE = Catalogue(("engine", TEXTS))


@dataclass(frozen=True)
class _Compiled:
    """A rule set's weights as vectors (one number per rung, in ladder order), built once per rule set."""

    rungs: tuple[str, ...]
    traits: tuple[str, ...]
    vectors: Mapping[str, Mapping[str, tuple[float, ...]]]


@dataclass(frozen=True)
class _Decision:
    rung: int
    totals: tuple[float, ...]
    allowed: tuple[int, ...]
    fired: tuple[Kader, ...]
    yielded: frozenset[str]
    status: tuple[RungStatus, ...]


# Per RuleSet object, not per content hash: a rule set read back from a register snapshot, resolved by an older
# version of the loader, may carry other weights under the same hash, and must be computed with its own.
_COMPILED: dict[int, tuple[RuleSet, _Compiled]] = {}
_COMPILED_MAX = 32


def _compile(rule_set: RuleSet) -> _Compiled:
    """Cached per rule set: the cache keeps the object alive, so its id cannot be reused while it is cached."""
    cached = _COMPILED.get(id(rule_set))
    if cached is not None and cached[0] is rule_set:
        return cached[1]
    if len(_COMPILED) >= _COMPILED_MAX:
        _COMPILED.pop(next(iter(_COMPILED)))
    rungs = rule_set.rung_ids()
    vectors = {
        trait: {option: tuple(w.points.get(r, 0.0) for r in rungs) for option, w in options.items()}
        for trait, options in rule_set.weights.items()
    }
    compiled = _Compiled(rungs, tuple(t.id for t in rule_set.traits), vectors)
    _COMPILED[id(rule_set)] = (rule_set, compiled)
    return compiled


def normalize_answers(
    rule_set: RuleSet, raw: Mapping[str, Any], ignore_unknown_traits: bool = False
) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Check answers against the rule set; every trait gets a tuple of options (`onbekend` if missing).

    Returns the answers and the answered traits that were set aside: those disabled in this rule set,
    and (with ignore_unknown_traits, for comparing frameworks that ask different questions) those it
    does not have. Raises AnswerError with one line per problem.
    """
    traits = {t.id: t for t in rule_set.traits}
    problems: list[AnswerProblem] = []
    foreign = [k for k in raw if k not in traits and k not in rule_set.disabled_traits]
    if foreign and not ignore_unknown_traits:
        problems.extend(AnswerProblem(k, "answer_unknown_trait", {"trait": k, "choices": ", ".join(traits)})
                        for k in foreign)
    ignored = tuple(sorted(k for k in raw if k not in traits))
    answers: dict[str, tuple[str, ...]] = {}
    for trait_id, trait in traits.items():
        value = raw.get(trait_id)
        allowed = trait.option_ids()
        if value is None or value == UNKNOWN or (isinstance(value, (list, tuple)) and list(value) in ([], [UNKNOWN])):
            answers[trait_id] = (UNKNOWN,)
            continue
        given = list(value) if isinstance(value, (list, tuple)) else [value]
        if len(given) > 1 and not trait.multiple:
            problems.append(AnswerProblem(trait_id, "answer_one_only",
                                          {"trait": trait_id, "count": len(given), "given": ", ".join(map(str, given))}))
            continue
        wrong = [g for g in given if not isinstance(g, str) or g not in allowed]
        if wrong:
            problems.append(AnswerProblem(trait_id, "answer_not_an_option", {
                "given": repr(wrong[0]), "trait": trait_id, "choices": ", ".join(allowed), "unknown": UNKNOWN}))
            continue
        answers[trait_id] = tuple(o for o in allowed if o in given)
    if problems:
        raise AnswerError(problems)
    return answers, ignored


def advise(rule_set: RuleSet, raw_answers: Mapping[str, Any], ignore_unknown_traits: bool = False) -> Advice:
    """The full, explained advice for one project."""
    answers, ignored = normalize_answers(rule_set, raw_answers, ignore_unknown_traits)
    compiled = _compile(rule_set)
    contributions = _contributions(compiled, answers)
    decision = _decide(rule_set, compiled, answers, contributions)
    rungs = compiled.rungs
    best = decision.rung
    ranked = sorted(decision.allowed, key=lambda i: (-decision.totals[i], i))
    runner_ups = [i for i in ranked if i != best][:2]
    margin = round(decision.totals[best] - decision.totals[runner_ups[0]], ROUNDING) if runner_ups else None
    recommended = rungs[best]
    runner_up_index = runner_ups[0] if runner_ups else None
    runner_up = rungs[runner_up_index] if runner_up_index is not None else None
    reasons = _main_reasons(contributions, best, runner_up_index)
    roles = advise_roles(rule_set, recommended, answers)
    return Advice(
        rule_set=RuleSetRef(
            id=rule_set.id,
            name=rule_set.name,
            version=rule_set.version,
            content_hash=rule_set.content_hash,
            status=rule_set.status,
            illustration=rule_set.illustration,
        ),
        answers=answers,
        ignored_answers=ignored,
        recommended=recommended,
        runner_ups=tuple(_rung_score(rule_set, decision, i) for i in runner_ups),
        scores=tuple(_rung_score(rule_set, decision, i) for i in range(len(rungs))),
        contributions=tuple(
            Contribution(
                trait=t,
                answer=answers[t],
                points={r: round(v, ROUNDING) for r, v in zip(rungs, vector)},
                why=_why(rule_set, t, answers[t]),
                factors=_factors(rule_set, t, answers[t]),
            )
            for t, vector in contributions.items()
        ),
        main_reasons=tuple(r.trait for r in reasons),
        kaders=tuple(
            _fired(k, decision.yielded, _without_kader(rule_set, compiled, answers, decision, k) != best)
            for k in decision.fired
        ),
        margin=margin,
        robustness=_robustness(rule_set, margin),
        flips=_flips(rule_set, compiled, answers, contributions, best),
        unknowns=_unknowns(rule_set, compiled, answers, contributions, best),
        role=roles.main,
        promise=rule_set.rung(recommended).promise,
        commitment=rule_set.rung(recommended).commitment,
        werkvormen=advise_methods(rule_set, answers, recommended, runner_up),
        guidance=tuple(
            GuidanceItem(id=g.id, kind=g.kind, text=g.text, source=g.source)
            for g in rule_set.guidance
            if (g.rungs is None or recommended in g.rungs) and (g.when is None or holds(g.when, answers))
            and (roles.hats or not g.with_hats)
        ),
        phases=_phases(rule_set, compiled, answers, contributions),
        routes=_routes(rule_set, answers, decision),
        values=_values(rule_set, recommended, runner_up),
        hats=roles.hats,
        role_needs=roles.needs,
        rights=advise_rights(rule_set, answers),
        support=advise_support(rule_set, answers, recommended),
        reason_shares=reasons,
    )


def recommend(
    rule_set: RuleSet, raw_answers: Mapping[str, Any], ignore_unknown_traits: bool = False
) -> tuple[str, dict[str, float]]:
    """Only the recommended rung and the scores per rung: the fast path for many projects."""
    answers, _ = normalize_answers(rule_set, raw_answers, ignore_unknown_traits)
    compiled = _compile(rule_set)
    decision = _decide(rule_set, compiled, answers, _contributions(compiled, answers))
    return compiled.rungs[decision.rung], {r: round(s, ROUNDING) for r, s in zip(compiled.rungs, decision.totals)}


# --- scoring and deciding ---------------------------------------------------------------------------


def _contributions(compiled: _Compiled, answers: Answers) -> dict[str, tuple[float, ...]]:
    """Per answered trait, its points per rung (the average over its answers when it has several)."""
    result: dict[str, tuple[float, ...]] = {}
    for trait in compiled.traits:
        vector = _trait_vector(compiled, trait, answers.get(trait, (UNKNOWN,)))
        if vector is not None:
            result[trait] = vector
    return result


def trait_points(rule_set: RuleSet, trait: str, chosen: tuple[str, ...]) -> tuple[float, ...] | None:
    """What one trait's (normalized) answer adds to each rung, unrounded; None when it adds nothing.

    Shared with ladder.engine.batch, so the batch path adds the very same numbers as the engine.
    """
    return _trait_vector(_compile(rule_set), trait, chosen)


def _trait_vector(compiled: _Compiled, trait: str, chosen: tuple[str, ...]) -> tuple[float, ...] | None:
    """The trait's points per rung, or None when it adds nothing: unknown, or not weighed (the goal route)."""
    if chosen == (UNKNOWN,) or trait not in compiled.vectors:
        return None
    table = compiled.vectors[trait]
    zero = (0.0,) * len(compiled.rungs)
    vectors = [table.get(option, zero) for option in chosen]
    return tuple(sum(column) / len(vectors) for column in zip(*vectors))


def _decide(
    rule_set: RuleSet, compiled: _Compiled, answers: Answers, contributions: Mapping[str, tuple[float, ...]]
) -> _Decision:
    n = len(compiled.rungs)
    totals = [0.0] * n
    for trait in compiled.traits:  # fixed order keeps floating-point sums identical run to run
        vector = contributions.get(trait)
        if vector is not None:
            for i, v in enumerate(vector):
                totals[i] += v
    return _decide_totals(rule_set.kaders, compiled, answers, tuple(totals))


def _decide_totals(
    kaders: tuple[Kader, ...], compiled: _Compiled, answers: Answers, totals: tuple[float, ...]
) -> _Decision:
    n = len(compiled.rungs)
    fired = tuple(k for k in kaders if holds(k.when, answers))
    allowed, excluded, yielded = _allowed(compiled.rungs, fired)
    best = max(allowed, key=lambda i: (totals[i], -i))
    status: tuple[RungStatus, ...] = tuple(
        "uitgesloten" if i in excluded and i not in allowed else ("mogelijk" if i in allowed else "begrensd")
        for i in range(n)
    )
    return _Decision(best, totals, tuple(allowed), fired, frozenset(yielded), status)


def allowed_rungs(rule_set: RuleSet, fired: tuple[Kader, ...]) -> tuple[int, ...]:
    """The rungs (indexes in ladder order) these fired kaders allow, the conflict rule included.

    Shared with ladder.engine.batch, which evaluates the kader conditions for many projects at once.
    """
    return _allowed(rule_set.rung_ids(), fired)[0]


def _allowed(rungs: tuple[str, ...], fired: tuple[Kader, ...]) -> tuple[tuple[int, ...], set[int], set[str]]:
    """The allowed rungs, the excluded rungs and the ids of the kaders that gave way."""
    index = {r: i for i, r in enumerate(rungs)}
    n = len(rungs)
    exclusions = [k for k in fired if k.exclude is not None]
    floor_at = {k.id: index[k.min] for k in fired if k.min is not None}
    cap_at = {k.id: index[k.max] for k in fired if k.max is not None}
    high = min(cap_at.values(), default=n - 1)
    excluded = {index[r] for k in exclusions for r in k.exclude or ()}
    # Floors above the cap give way first; the floors the cap leaves room for still count.
    yielded = {kid for kid, at in floor_at.items() if at > high}
    low = max((at for kid, at in floor_at.items() if kid not in yielded), default=0)
    allowed = [i for i in range(low, high + 1) if i not in excluded]
    if not allowed:  # the exclusions cover what the floors leave: the floors give way too
        yielded |= floor_at.keys()
        allowed = [i for i in range(0, high + 1) if i not in excluded]
    if not allowed:  # the exclusions cover everything up to the cap: they give way last
        yielded |= {k.id for k in exclusions}
        allowed = list(range(0, high + 1))
    return tuple(allowed), excluded, yielded


def _with_answer(
    rule_set: RuleSet,
    compiled: _Compiled,
    answers: Answers,
    contributions: Mapping[str, tuple[float, ...]],
    trait: str,
    new: tuple[str, ...],
) -> _Decision:
    """The decision when one trait's answer changes (only that trait's contribution is recomputed)."""
    changed = dict(answers)
    changed[trait] = new
    contribs = dict(contributions)
    vector = _trait_vector(compiled, trait, new)
    if vector is None:
        contribs.pop(trait, None)
    else:
        contribs[trait] = vector
    return _decide(rule_set, compiled, changed, contribs)


def _alternatives(rule_set: RuleSet, trait: str, current: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every answer that differs from `current` by one step: another option, unknown, or one phase more or less."""
    t = rule_set.trait(trait)
    options = t.option_ids()
    if not t.multiple:
        return [(o,) for o in (*options, UNKNOWN) if (o,) != current]
    chosen = set() if current == (UNKNOWN,) else set(current)
    result = []
    for o in options:
        toggled = chosen ^ {o}
        result.append(tuple(x for x in options if x in toggled) or (UNKNOWN,))
    if chosen:
        result.append((UNKNOWN,))
    return list(dict.fromkeys(result))


# --- explanation ------------------------------------------------------------------------------------


def _rung_score(rule_set: RuleSet, decision: _Decision, i: int) -> RungScore:
    rung = rule_set.rungs[i]
    return RungScore(rung=rung.id, name=rung.name, score=round(decision.totals[i], ROUNDING), status=decision.status[i])


def _why(rule_set: RuleSet, trait: str, chosen: tuple[str, ...]) -> Text:
    whys = [rule_set.weights[trait][o].why for o in chosen if o in rule_set.weights.get(trait, {})]
    if len(whys) == 1:
        return whys[0]
    if not whys:
        return Text(nl=ENGINE.t("nl", "why_no_weight"), en=ENGINE.t("en", "why_no_weight"))
    return Text(nl=" ".join(w.nl for w in whys), en=" ".join(w.get("en") for w in whys))


def _factors(rule_set: RuleSet, trait: str, chosen: tuple[str, ...]) -> tuple[WeightFactor, ...]:
    seen: dict[str, WeightFactor] = {}
    for option in chosen:
        weights = rule_set.weights.get(trait, {}).get(option)
        for f in weights.factors if weights else ():
            seen.setdefault(f.model_dump_json(), f)
    return tuple(seen.values())


def _main_reasons(
    contributions: Mapping[str, tuple[float, ...]], best: int, runner_up: int | None
) -> tuple[MainReason, ...]:
    """The answers that put the advice ahead of the runner-up most (at most three), each with its share of their
    summed leads. Only an answer that adds points to the advised rung itself counts: one that merely pushes the
    runner-up down more than the advice is no reason *for* the advice."""
    def lead(vector: tuple[float, ...]) -> float:
        return vector[best] - (vector[runner_up] if runner_up is not None else 0.0)

    counted = [t for t in contributions if contributions[t][best] > 0 and lead(contributions[t]) > 0]
    ranked = sorted(counted, key=lambda t: -lead(contributions[t]))[:MAX_REASONS]  # stable: ties keep trait order
    total = sum(lead(contributions[t]) for t in ranked)
    return tuple(
        MainReason(trait=t, lead=round(lead(contributions[t]), ROUNDING),
                   share=round(lead(contributions[t]) / total, ROUNDING))
        for t in ranked
    )


def _fired(kader: Kader, yielded: frozenset[str], changed_outcome: bool) -> FiredKader:
    rungs = (kader.max,) if kader.max else (kader.min,) if kader.min else kader.exclude or ()
    return FiredKader(id=kader.id, effect=kader.effect, rungs=tuple(r for r in rungs if r), reason=kader.reason,
                      yielded=kader.id in yielded, changed_outcome=changed_outcome)


def _without_kader(rule_set: RuleSet, compiled: _Compiled, answers: Answers, decision: _Decision, kader: Kader) -> int:
    """The rung that would be advised if this one kader did not exist."""
    if kader.warning:
        return decision.rung
    others = tuple(k for k in rule_set.kaders if k.id != kader.id)
    return _decide_totals(others, compiled, answers, decision.totals).rung


def _robustness(rule_set: RuleSet, margin: float | None) -> RobustnessLabel:
    if margin is None:
        return "vastgelegd"
    if margin >= rule_set.robustness.robuust:
        return "robuust"
    if margin >= rule_set.robustness.redelijk:
        return "redelijk"
    return "krap"


def _flips(
    rule_set: RuleSet, compiled: _Compiled, answers: Answers, contributions: Mapping[str, tuple[float, ...]], best: int
) -> tuple[Flip, ...]:
    flips = []
    for trait in compiled.traits:
        for new in _alternatives(rule_set, trait, answers[trait]):
            decision = _with_answer(rule_set, compiled, answers, contributions, trait, new)
            if decision.rung != best:
                flips.append(Flip(trait=trait, answer=answers[trait], new_answer=new, new_rung=compiled.rungs[decision.rung],
                                  kind=rule_set.trait(trait).kind))
    return tuple(flips)


def _unknowns(
    rule_set: RuleSet, compiled: _Compiled, answers: Answers, contributions: Mapping[str, tuple[float, ...]], best: int
) -> tuple[UnknownEffect, ...]:
    effects = []
    current = compiled.rungs[best]
    for trait in compiled.traits:
        if answers[trait] != (UNKNOWN,):
            continue
        outcomes = tuple(
            UnknownOutcome(answer=o, rung=compiled.rungs[_with_answer(rule_set, compiled, answers, contributions, trait, (o,)).rung])
            for o in rule_set.trait(trait).option_ids()
        )
        effects.append(UnknownEffect(trait=trait, outcomes=outcomes, changes_advice=any(x.rung != current for x in outcomes)))
    return tuple(effects)


def _phases(
    rule_set: RuleSet, compiled: _Compiled, answers: Answers, contributions: Mapping[str, tuple[float, ...]]
) -> tuple[PhaseAdvice, ...]:
    chosen = answers.get(PHASE_TRAIT, (UNKNOWN,))
    if len(chosen) < 2:
        return ()
    result = []
    for phase in chosen:
        decision = _with_answer(rule_set, compiled, answers, contributions, PHASE_TRAIT, (phase,))
        result.append(PhaseAdvice(phase=phase, rung=compiled.rungs[decision.rung], kaders=tuple(k.id for k in decision.fired)))
    return tuple(result)


def _routes(rule_set: RuleSet, answers: Answers, decision: _Decision) -> Routes:
    situation = rule_set.rungs[decision.rung].id
    route = rule_set.goal_route
    chosen = answers.get(route.trait, (UNKNOWN,)) if route else (UNKNOWN,)
    names = route.names if route else None
    situation_name, goal_name = (names.situation, names.goal) if names else (None, None)
    if route is None or chosen[0] not in route.links:  # onbekend, or not asked
        return Routes(situation=situation, goal=None, goal_answer=None, goal_why=None, distance=None, differ=False,
                      goal_allowed=None, situation_name=situation_name, goal_name=goal_name)
    link = route.links[chosen[0]]
    ids = rule_set.rung_ids()
    goal_at = ids.index(link.rung)
    distance = abs(goal_at - decision.rung)
    differ = distance > 1
    adjust = None
    if differ and route.adjust is not None:
        adjust = route.adjust.goal_higher if goal_at > decision.rung else route.adjust.goal_lower
    return Routes(situation=situation, goal=link.rung, goal_answer=chosen[0], goal_why=link.why, distance=distance,
                  differ=differ, goal_allowed=goal_at in decision.allowed, adjust=adjust,
                  situation_name=situation_name, goal_name=goal_name)


def _values(rule_set: RuleSet, advised: str, runner_up: str | None) -> ValuesComparison:
    def profile(rung_id: str) -> dict[str, int]:
        values = rule_set.rung(rung_id).values
        return {v: getattr(values, v).score for v in VALUES}

    return ValuesComparison(advised=profile(advised), runner_up=profile(runner_up) if runner_up else None,
                            runner_up_rung=runner_up)


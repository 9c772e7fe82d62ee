"""The engine's advice as it was computed before the what-ifs were made incremental: the test oracle.

Every variant (flip, unknown, phase, kader left out) is decided from scratch here: all traits added again in
trait order, every kader and pre check evaluated again. Slow, but plainly right; tests/engine/
test_fast_advice.py holds ladder.engine.advisor.advise() equal to it for every field of the Advice. The
explanation parts that the fast path does not change (reasons, routes, values, texts) come from the library;
the working methods are ranked here as before, each fit rule read again for every method and every candidate made
into a MethodAdvice.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ladder.engine.advice import (
    Advice,
    Contribution,
    Flip,
    GuidanceItem,
    MethodAdvice,
    MethodReason,
    PhaseAdvice,
    RuleSetRef,
    RungStatus,
    UnknownEffect,
    UnknownOutcome,
)
from ladder.engine.advisor import (
    ROUNDING,
    _Decision,
    _factors,
    _fallback,
    _fired,
    _late,
    _main_reasons,
    _post_applies,
    _precondition,
    _profile_contribution,
    _Project,
    _project,
    _robustness,
    _routes,
    _rung_score,
    _set_aside,
    _status,
    _trait_vector,
    _values,
    _why,
    apply_ask_when,
    entry_phase,
    given_answers,
    kader_applies,
    phase_profile,
    pre_check_holds,
)
from ladder.engine.methods import (
    ADVISED_START,
    BROAD_REACH,
    MANY_ANSWER,
    MANY_TRAIT,
    MAX_METHODS,
    RUNNER_UP_START,
)
from ladder.engine.rights import advise_rights, advise_support
from ladder.engine.roles import advise_roles
from ladder.rules.conditions import Answers, holds
from ladder.rules.model import NOT_APPLICABLE, UNKNOWN, Kader, RuleSet, Werkvorm, WerkvormFit


def advise(rule_set: RuleSet, raw_answers: Mapping[str, Any], ignore_unknown_traits: bool = False) -> Advice:
    given, ignored = given_answers(rule_set, raw_answers, ignore_unknown_traits)
    project = _project(rule_set, given)
    compiled, contributions, answers = project.compiled, project.contributions, project.answers
    decision = _decide(project)
    rungs = compiled.rungs
    best = decision.rung
    ranked = sorted(decision.allowed, key=lambda i: (-decision.totals[i], i))
    runner_ups = [i for i in ranked if i != best][:2]
    margin = round(decision.totals[best] - decision.totals[runner_ups[0]], ROUNDING) if runner_ups else None
    recommended = rungs[decision.final]
    runner_up_index = runner_ups[0] if runner_ups else None
    runner_up = rungs[runner_up_index] if runner_up_index is not None else None
    profile = phase_profile(rule_set, decision.entry)
    explained = {**contributions, **({compiled.phase_trait: profile} if profile and compiled.phase_trait else {})}
    unknowns = _unknowns(project, decision.final)
    post = tuple(c for c in rule_set.preconditions.post if _post_applies(rule_set, c, decision.final, answers))
    conditional_on = tuple(c.id for c in post if c.conditional)
    fallback = _fallback(decision) if conditional_on else None
    status, needed = _status(rule_set, answers, decision.final, unknowns)
    reasons = _main_reasons(explained, best, runner_up_index)
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
        answers=dict(answers),
        ignored_answers=_set_aside(ignored, given, answers),
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
        ) + _profile_contribution(rule_set, decision.entry),
        main_reasons=tuple(r.trait for r in reasons),
        kaders=tuple(_fired(k, decision.yielded, _without_kader(project, decision, k) != decision.final) for k in decision.fired),
        margin=margin,
        robustness=_robustness(rule_set, margin),
        flips=_flips(project, decision.final),
        unknowns=unknowns,
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
        phases=_phases(project, decision.entry),
        routes=_routes(rule_set, answers, decision),
        values=_values(rule_set, recommended, runner_up),
        status=status,
        needed=needed,
        precondition=_precondition(rule_set, decision, post, fallback),
        conditional_on=conditional_on,
        fallback=rungs[fallback] if fallback is not None else None,
        entry_phase=decision.entry,
        late_entry=_late(rule_set, decision.entry),
        hats=roles.hats,
        role_needs=roles.needs,
        rights=advise_rights(rule_set, answers),
        support=advise_support(rule_set, answers, recommended),
        reason_shares=reasons,
    )


def _decide(project: _Project) -> _Decision:
    compiled = project.compiled
    totals = [0.0] * len(compiled.rungs)
    for trait in compiled.traits:
        vector = project.contributions.get(trait)
        if vector is not None:
            for i, v in enumerate(vector):
                totals[i] += v
    entry = entry_phase(project.rule_set, project.answers)
    for i, v in enumerate(phase_profile(project.rule_set, entry) or ()):
        totals[i] += v
    return _decide_totals(project, project.rule_set.kaders, tuple(totals), entry)


def _decide_totals(project: _Project, kaders: tuple[Kader, ...], totals: tuple[float, ...], entry: str | None) -> _Decision:
    rungs, answers = project.compiled.rungs, project.answers
    fired = tuple(k for k in kaders if kader_applies(k, answers, entry))
    allowed, excluded, yielded = _allowed(rungs, fired)
    best = max(allowed, key=lambda i: (totals[i], -i))
    status: tuple[RungStatus, ...] = tuple(
        "uitgesloten" if i in excluded and i not in allowed else ("mogelijk" if i in allowed else "begrensd")
        for i in range(len(rungs))
    )
    pre = tuple(c for c in project.rule_set.preconditions.pre if pre_check_holds(c, answers, entry))
    if pre:
        yielded |= {k.id for k in fired if (k.min is not None and k.min != rungs[0]) or rungs[0] in (k.exclude or ())}
    return _Decision(best, totals, tuple(allowed), fired, frozenset(yielded), status, entry, pre)


def _allowed(rungs: tuple[str, ...], fired: tuple[Kader, ...]) -> tuple[tuple[int, ...], set[int], set[str]]:
    index = {r: i for i, r in enumerate(rungs)}
    n = len(rungs)
    exclusions = [k for k in fired if k.exclude is not None]
    floor_at = {k.id: index[k.min] for k in fired if k.min is not None}
    cap_at = {k.id: index[k.max] for k in fired if k.max is not None}
    high = min(cap_at.values(), default=n - 1)
    excluded = {index[r] for k in exclusions for r in k.exclude or ()}
    yielded = {kid for kid, at in floor_at.items() if at > high}
    low = max((at for kid, at in floor_at.items() if kid not in yielded), default=0)
    allowed = [i for i in range(low, high + 1) if i not in excluded]
    if not allowed:
        yielded |= floor_at.keys()
        allowed = [i for i in range(0, high + 1) if i not in excluded]
    if not allowed:
        yielded |= {k.id for k in exclusions}
        allowed = list(range(0, high + 1))
    return tuple(allowed), excluded, yielded


def _with_answer(project: _Project, trait: str, new: tuple[str, ...]) -> _Decision:
    changed = {**project.answers, trait: new}
    answers = apply_ask_when(project.rule_set, changed) if project.compiled.asks_when else changed
    contributions = dict(project.contributions)
    for t in project.compiled.traits:
        if answers[t] != project.answers[t]:
            vector = _trait_vector(project.compiled, t, answers[t])
            if vector is None:
                contributions.pop(t, None)
            else:
                contributions[t] = vector
    return _decide(_Project(project.rule_set, project.compiled, answers, contributions))


def _alternatives(rule_set: RuleSet, trait: str, current: tuple[str, ...]) -> list[tuple[str, ...]]:
    t = rule_set.trait(trait)
    options = t.option_ids()
    if not t.multiple:
        return [(o,) for o in (*options, UNKNOWN) if (o,) != current]
    chosen = set() if current == (UNKNOWN,) else set(current)
    exclusive = {o.id for o in t.options if o.exclusive}
    result = []
    for o in options:
        if o in chosen:
            toggled = chosen - {o}
        elif o in exclusive:
            toggled = {o}
        else:
            toggled = (chosen - exclusive) | {o}
        result.append(tuple(x for x in options if x in toggled) or (UNKNOWN,))
    if chosen:
        result.append((UNKNOWN,))
    return list(dict.fromkeys(result))


def _without_kader(project: _Project, decision: _Decision, kader: Kader) -> int:
    if kader.warning:
        return decision.final
    others = tuple(k for k in project.rule_set.kaders if k.id != kader.id)
    return _decide_totals(project, others, decision.totals, decision.entry).final


def _flips(project: _Project, advised: int) -> tuple[Flip, ...]:
    flips = []
    for trait in project.compiled.traits:
        current = project.answers[trait]
        if current == (NOT_APPLICABLE,):
            continue
        for new in _alternatives(project.rule_set, trait, current):
            decision = _with_answer(project, trait, new)
            if decision.final != advised:
                flips.append(Flip(trait=trait, answer=current, new_answer=new, new_rung=project.compiled.rungs[decision.final],
                                  kind=project.rule_set.trait(trait).kind))
    return tuple(flips)


def _unknowns(project: _Project, advised: int) -> tuple[UnknownEffect, ...]:
    effects = []
    rungs = project.compiled.rungs
    for trait in project.compiled.traits:
        if project.answers[trait] != (UNKNOWN,):
            continue
        outcomes = tuple(
            UnknownOutcome(answer=o, rung=rungs[_with_answer(project, trait, (o,)).final])
            for o in project.rule_set.trait(trait).option_ids()
        )
        effects.append(UnknownEffect(trait=trait, outcomes=outcomes, changes_advice=any(x.rung != rungs[advised] for x in outcomes)))
    return tuple(effects)


def _phases(project: _Project, entry: str | None) -> tuple[PhaseAdvice, ...]:
    trait = project.compiled.phase_trait
    if trait is None:
        return ()
    phases = project.rule_set.phases
    if phases is not None:
        options = project.rule_set.trait(trait).option_ids()
        listed = options[options.index(entry):] if entry is not None else options
    else:
        listed = project.answers[trait]
        if len(listed) < 2:
            return ()
    result = []
    for phase in listed:
        decision = _with_answer(project, trait, (phase,))
        profile = phases.profiles.get(phase) if phases else None
        result.append(PhaseAdvice(
            phase=phase,
            rung=project.compiled.rungs[decision.final],
            kaders=tuple(k.id for k in decision.fired),
            scores={r: round(v, ROUNDING) for r, v in zip(project.compiled.rungs, decision.totals)},
            note=profile.note if profile else None,
            precondition=decision.pre[0].id if decision.pre else None,
        ))
    return tuple(result)


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


def _with_broad_reach(rule_set: RuleSet, answers: Answers, ranked: list[MethodAdvice]) -> tuple[MethodAdvice, ...]:
    shown = ranked[:MAX_METHODS]
    reach = {m.id: m.bereik for m in rule_set.werkvormen}
    if MANY_ANSWER not in answers.get(MANY_TRAIT, ()) or all(r is None for r in reach.values()):
        return tuple(shown)
    if any(reach[m.id] in BROAD_REACH for m in shown):
        return tuple(shown)
    broad = next((m for m in ranked[MAX_METHODS:] if reach[m.id] in BROAD_REACH), None)
    return tuple(shown) if broad is None else (*shown[: MAX_METHODS - 1], broad)


def rule_points(rule: WerkvormFit, method: Werkvorm, chosen: tuple[str, ...]) -> tuple[float, bool] | None:
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
    assert rule.per_answer is not None and rule.cap is not None
    found = sum(1 for answer in chosen if answer in values)
    if not found:
        return None
    total = rule.per_answer * found
    capped = math.copysign(min(abs(total), abs(rule.cap)), total)
    return capped, capped > 0

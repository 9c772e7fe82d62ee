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
5. With a `phases` section the advice is that of the entry phase (the earliest chosen phase): its
   profile points are added after the weights, and kaders scoped to phases apply only for it.
6. A `pre` precondition that holds makes the advice `inform_only`: the lowest rung (informeren); the
   floors give way. `post` checks then say what to arrange first for the advised rung.
7. The `information` section decides the status: onvoldoende (answer `needed` first), voorlopig (one
   unknown answer could move the advice `provisional_span` rungs) or definitief.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from ladder.engine.advice import (
    Advice,
    AdviceStatus,
    Contribution,
    FiredCheck,
    FiredKader,
    Flip,
    GuidanceItem,
    MainReason,
    PhaseAdvice,
    Precondition,
    PreconditionOutcome,
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
from ladder.rules.conditions import Answers, holds, traits_in
from ladder.rules.model import (
    NOT_APPLICABLE,
    PHASE_TRAIT,
    UNKNOWN,
    VALUES,
    Condition,
    Kader,
    PostCheck,
    PreCheck,
    RuleSet,
    Text,
    Trait,
    WeightFactor,
)
from ladder.rules.problems import AnswerError, AnswerProblem
from ladder.text import Catalogue

MAX_REASONS = 3
ROUNDING = 6  # digits of the scores shown (and compared): also used by ladder.engine.batch
# The engine's own words in an advice; everything else it says comes from the rule set
TEXTS: dict[str, dict[str, str]] = {
    "nl": {"why_no_weight": "Dit antwoord weegt in deze regels niet mee.",
           "why_entry_phase": "Het advies geldt voor de fase waarin u instapt. Deze punten horen bij die fase."},
    "en": {"why_no_weight": "This answer carries no weight in these rules.",
           "why_entry_phase": "The advice is for the phase in which you start. These points belong to that phase."},
}
ENGINE = Catalogue(("engine", TEXTS))


@dataclass(frozen=True)
class _Compiled:
    """A rule set's weights as vectors (one number per rung, in ladder order), built once per rule set."""

    rungs: tuple[str, ...]
    traits: tuple[str, ...]
    vectors: Mapping[str, Mapping[str, tuple[float, ...]]]
    phase_trait: str | None  # the trait whose earliest answer is the entry phase, when the rule set has one
    profiles: Mapping[str, tuple[float, ...]]  # the phases section's points per phase (empty without one)
    asks_when: bool  # whether any trait has an ask_when (answers then depend on other answers)
    # The traits with an ask_when and their condition, in trait order: besides the changed one, the only answers a what-if
    # can change.
    asked_when: tuple[tuple[str, Condition], ...]
    ask_readers: frozenset[str]  # the traits that some ask_when reads
    position: Mapping[str, int]  # each trait's place in `traits`, the order in which points are added
    # Per trait, the kaders and pre checks (indexes in the rule set's order) whose outcome can change with its answer:
    # those whose condition reads it, and for the phase trait also those scoped to phases (they read the entry phase).
    kader_readers: Mapping[str, tuple[int, ...]]
    steering_readers: Mapping[str, tuple[int, ...]]  # the same for the kaders that are not warnings
    pre_readers: Mapping[str, tuple[int, ...]]
    trait_models: Mapping[str, Trait]
    # Memos filled as advice is computed; all are pure functions of the rule set, so any thread may fill them.
    alternatives: dict[tuple[str, tuple[str, ...]], tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    known_vectors: dict[tuple[str, tuple[str, ...]], tuple[tuple[float, ...] | None, bool]] = field(default_factory=dict)
    windows: dict[tuple[bool, ...], tuple[int, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Decision:
    rung: int  # the best rung the kaders allow: what the scores point to
    totals: tuple[float, ...]
    allowed: tuple[int, ...]
    fired: tuple[Kader, ...]
    yielded: frozenset[str]
    status: tuple[RungStatus, ...]
    entry: str | None  # the entry phase
    pre: tuple[PreCheck, ...]  # the pre checks that hold: then the advice is to inform only

    @property
    def final(self) -> int:
        """The advised rung: the lowest under inform_only, else the best allowed rung."""
        return 0 if self.pre else self.rung


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
    trait_ids = tuple(t.id for t in rule_set.traits)
    phases = rule_set.phases
    phase_trait = phases.trait if phases else PHASE_TRAIT if PHASE_TRAIT in trait_ids else None
    profiles = {p: tuple(prof.points.get(r, 0.0) for r in rungs) for p, prof in (phases.profiles if phases else {}).items()}
    asked_when = tuple((t.id, t.ask_when) for t in rule_set.traits if t.ask_when is not None)
    ask_readers = frozenset(read for _, condition in asked_when for read in traits_in(condition))
    position = {t: i for i, t in enumerate(trait_ids)}
    kader_readers = _readers([(k.when, k.phases) for k in rule_set.kaders], phase_trait)
    steering_readers = {t: tuple(i for i in kaders if not rule_set.kaders[i].warning) for t, kaders in kader_readers.items()}
    pre_readers = _readers([(c.when, c.phases) for c in rule_set.preconditions.pre], phase_trait)
    compiled = _Compiled(rungs, trait_ids, vectors, phase_trait, profiles, bool(asked_when), asked_when, ask_readers, position,
                         kader_readers, {t: k for t, k in steering_readers.items() if k}, pre_readers, {t.id: t for t in rule_set.traits})
    _COMPILED[id(rule_set)] = (rule_set, compiled)
    return compiled


def _readers(
    conditions: list[tuple[Condition, tuple[str, ...] | None]], phase_trait: str | None
) -> dict[str, tuple[int, ...]]:
    """Per trait, the indexes of the conditions (each with its phase scope) that depend on its answer."""
    readers: dict[str, list[int]] = {}
    for i, (when, phases) in enumerate(conditions):
        read = traits_in(when) | ({phase_trait} if phases is not None and phase_trait is not None else set())
        for trait in read:
            readers.setdefault(trait, []).append(i)
    return {trait: tuple(indexes) for trait, indexes in readers.items()}


def normalize_answers(
    rule_set: RuleSet, raw: Mapping[str, Any], ignore_unknown_traits: bool = False
) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Check answers against the rule set; every trait gets a tuple of options (`onbekend` if missing, `nvt` when
    its ask_when does not hold).

    Returns the answers and the answered traits that were set aside: those disabled in this rule set,
    those not asked (ask_when), and (with ignore_unknown_traits, for comparing frameworks that ask
    different questions) those it does not have. Raises AnswerError with one line per problem.
    """
    given, ignored = given_answers(rule_set, raw, ignore_unknown_traits)
    answers = apply_ask_when(rule_set, given)
    return answers, _set_aside(ignored, given, answers)


def _set_aside(ignored: tuple[str, ...], given: Answers, answers: Answers) -> tuple[str, ...]:
    """The ignored traits and those answered although not asked."""
    not_asked = [t for t, a in answers.items() if a == (NOT_APPLICABLE,) and given[t] not in ((UNKNOWN,), (NOT_APPLICABLE,))]
    return tuple(sorted({*ignored, *not_asked}))


def given_answers(
    rule_set: RuleSet, raw: Mapping[str, Any], ignore_unknown_traits: bool = False
) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """normalize_answers before ask_when: each answer checked on its own. `nvt` is taken for a question with an
    ask_when (apply_ask_when decides); shared with ladder.engine.batch, which checks a column at a time."""
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
        if given == [NOT_APPLICABLE] and trait.ask_when is not None:
            answers[trait_id] = (NOT_APPLICABLE,)
            continue
        if len(given) > 1 and not trait.multiple:
            problems.append(AnswerProblem(trait_id, "answer_one_only",
                                          {"trait": trait_id, "count": len(given), "given": ", ".join(map(str, given))}))
            continue
        wrong = [g for g in given if not isinstance(g, str) or g not in allowed]
        if wrong:
            problems.append(AnswerProblem(trait_id, "answer_not_an_option", {
                "given": repr(wrong[0]), "trait": trait_id, "choices": ", ".join(allowed), "unknown": UNKNOWN}))
            continue
        exclusive = next((o.id for o in trait.options if o.exclusive and o.id in given), None)
        if exclusive is not None and len(set(given)) > 1:
            problems.append(AnswerProblem(trait_id, "answer_exclusive",
                                          {"trait": trait_id, "option": exclusive, "given": ", ".join(given)}))
            continue
        answers[trait_id] = tuple(o for o in allowed if o in given)
    if problems:
        raise AnswerError(problems)
    return answers, ignored


def apply_ask_when(rule_set: RuleSet, given: Answers) -> dict[str, tuple[str, ...]]:
    """`nvt` for every question whose ask_when does not hold, in trait order: a condition reads the answers as
    they stand, so one on a question that is itself nvt does not hold. An `nvt` given for an asked question
    counts as onbekend."""
    answers = dict(given)
    _ask_when(_compile(rule_set), answers)
    return answers


def _ask_when(compiled: _Compiled, answers: dict[str, tuple[str, ...]]) -> None:
    """apply_ask_when in place, on a copy the caller made anyway."""
    for trait, condition in compiled.asked_when:
        if not holds(condition, answers):
            answers[trait] = (NOT_APPLICABLE,)
        elif answers[trait] == (NOT_APPLICABLE,):
            answers[trait] = (UNKNOWN,)


@dataclass(frozen=True)
class _Project:
    """One project's answers as the engine works with them (after ask_when: `nvt` where a question is not asked), and
    their points. What-ifs start from these answers, not from what was given: an answer to a question that is not
    asked is not part of the advice, so the advice stored with its answers gives the same flips again."""

    rule_set: RuleSet
    compiled: _Compiled
    answers: Answers
    contributions: Mapping[str, tuple[float, ...]]


def _project(rule_set: RuleSet, given: Answers) -> _Project:
    compiled = _compile(rule_set)
    answers = apply_ask_when(rule_set, given) if compiled.asks_when else dict(given)
    return _Project(rule_set, compiled, answers, _contributions(compiled, answers))


def advise(rule_set: RuleSet, raw_answers: Mapping[str, Any], ignore_unknown_traits: bool = False) -> Advice:
    """The full, explained advice for one project."""
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
    what_ifs = _WhatIfs(project, decision)
    unknowns = _unknowns(project, what_ifs, decision.final)
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
        kaders=tuple(_fired(k, decision.yielded, what_ifs.without(decision, k) != decision.final) for k in decision.fired),
        margin=margin,
        robustness=_robustness(rule_set, margin),
        flips=_flips(project, what_ifs, decision.final),
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
        phases=_phases(project, what_ifs, decision.entry),
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


def _fast(rule_set: RuleSet, raw_answers: Mapping[str, Any], ignore_unknown_traits: bool) -> tuple[_Project, _Decision]:
    given, _ = given_answers(rule_set, raw_answers, ignore_unknown_traits)
    project = _project(rule_set, given)
    return project, _decide(project)


def _scores(rule_set: RuleSet, decision: _Decision) -> dict[str, float]:
    return {r: round(s, ROUNDING) for r, s in zip(rule_set.rung_ids(), decision.totals)}


def recommend(
    rule_set: RuleSet, raw_answers: Mapping[str, Any], ignore_unknown_traits: bool = False
) -> tuple[str, dict[str, float]]:
    """Only the recommended rung and the scores per rung: the fast path for many projects. The rung is the
    engine's even when too little is known to name it as a form: see `recommend_form`."""
    _, decision = _fast(rule_set, raw_answers, ignore_unknown_traits)
    return rule_set.rung_ids()[decision.final], _scores(rule_set, decision)


def recommend_form(
    rule_set: RuleSet, raw_answers: Mapping[str, Any], ignore_unknown_traits: bool = False
) -> tuple[str | None, dict[str, float], tuple[str, ...]]:
    """The fast path as the user sees it: the advised form, or None with the questions to answer first when too
    little is known (status onvoldoende); and the scores per rung."""
    project, decision = _fast(rule_set, raw_answers, ignore_unknown_traits)
    needed = needed_answers(rule_set, project.answers)
    return (None if needed else rule_set.rung_ids()[decision.final]), _scores(rule_set, decision), needed


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
    """The trait's points per rung, or None when it adds nothing: unknown, not asked, or not weighed (the goal route)."""
    if chosen in ((UNKNOWN,), (NOT_APPLICABLE,)) or trait not in compiled.vectors:
        return None
    table = compiled.vectors[trait]
    zero = (0.0,) * len(compiled.rungs)
    vectors = [table.get(option, zero) for option in chosen]
    return tuple(sum(column) / len(vectors) for column in zip(*vectors))


def phase_trait(rule_set: RuleSet) -> str | None:
    """The trait whose earliest answer is the entry phase: the phases section's, else fase when there is one."""
    return _compile(rule_set).phase_trait


def entry_phase(rule_set: RuleSet, answers: Answers) -> str | None:
    """The earliest chosen phase (answers are in option order); None when the phase is not known.

    Shared with ladder.engine.batch.
    """
    return _entry(_compile(rule_set), answers)


def _entry(compiled: _Compiled, answers: Answers) -> str | None:
    trait = compiled.phase_trait
    chosen = answers.get(trait, (UNKNOWN,)) if trait else (UNKNOWN,)
    return None if chosen in ((UNKNOWN,), (NOT_APPLICABLE,)) else chosen[0]


def phase_profile(rule_set: RuleSet, entry: str | None) -> tuple[float, ...] | None:
    """The points the entry phase's profile adds to each rung, after the weights; None when it adds nothing."""
    return _compile(rule_set).profiles.get(entry) if entry is not None else None


def kader_applies(kader: Kader, answers: Answers, entry: str | None) -> bool:
    """A kader scoped to phases applies only when one of them is evaluated (so not when the phase is unknown)."""
    return (kader.phases is None or entry in kader.phases) and holds(kader.when, answers)


def pre_check_holds(check: PreCheck, answers: Answers, entry: str | None) -> bool:
    """A pre check scoped to phases holds for those phases, and also when the phase is unknown: better to inform
    honestly than to start a process that may have nothing to decide."""
    return (check.phases is None or entry is None or entry in check.phases) and holds(check.when, answers)


def _decide(project: _Project) -> _Decision:
    totals = [0.0] * len(project.compiled.rungs)
    _add_points(project.compiled, project.contributions, totals, 0)
    entry = _entry(project.compiled, project.answers)
    _add_profile(project.compiled, entry, totals)
    answers = project.answers
    fired = tuple(k for k in project.rule_set.kaders if kader_applies(k, answers, entry))
    pre = tuple(c for c in project.rule_set.preconditions.pre if pre_check_holds(c, answers, entry))
    return _settle(project.compiled.rungs, fired, pre, tuple(totals), entry)


def _add_points(compiled: _Compiled, contributions: Mapping[str, tuple[float, ...] | None], totals: list[float],
                start: int) -> None:
    """Adds the points of the traits from position `start` on to `totals`. Always in trait order: floating-point
    addition is not associative, and this fixed order keeps the sums identical run to run and what-if to what-if."""
    for trait in compiled.traits[start:]:
        vector = contributions.get(trait)
        if vector is not None:
            for i, v in enumerate(vector):
                totals[i] += v


def _add_profile(compiled: _Compiled, entry: str | None, totals: list[float]) -> None:
    for i, v in enumerate(compiled.profiles.get(entry, ()) if entry is not None else ()):  # added last, as in the batch path
        totals[i] += v


def _settle(
    rungs: tuple[str, ...], fired: tuple[Kader, ...], pre: tuple[PreCheck, ...], totals: tuple[float, ...], entry: str | None
) -> _Decision:
    """The decision once the scores, the kaders that fire and the pre checks that hold are known."""
    allowed, excluded, yielded = _allowed(rungs, fired)
    best = max(allowed, key=lambda i: (totals[i], -i))
    status: tuple[RungStatus, ...] = tuple(
        "uitgesloten" if i in excluded and i not in allowed else ("mogelijk" if i in allowed else "begrensd")
        for i in range(len(rungs))
    )
    if pre:  # informing honestly overrides every kader that would forbid the lowest rung
        yielded |= {k.id for k in fired if (k.min is not None and k.min != rungs[0]) or rungs[0] in (k.exclude or ())}
    return _Decision(best, totals, tuple(allowed), fired, frozenset(yielded), status, entry, pre)


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


# A sum of numbers that are all multiples of 2**-16 and at most 2**20 in size is exact in float64 as long as it has
# fewer than 2**17 terms (every partial sum then fits in the 53-bit mantissa), whatever the order of the additions.
_EXACT_SCALE = 2.0**16
_EXACT_MAX = 2.0**20
_WINDOWS_MAX = 4096


def _is_exact(vector: tuple[float, ...] | None) -> bool:
    return vector is None or all(abs(v) <= _EXACT_MAX and (v * _EXACT_SCALE).is_integer() for v in vector)


def _known_vector(compiled: _Compiled, trait: str, chosen: tuple[str, ...]) -> tuple[tuple[float, ...] | None, bool]:
    """The trait's points for this answer and whether they are exact; memoised, as every advice asks for the same ones."""
    key = (trait, chosen)
    known = compiled.known_vectors.get(key)
    if known is None:
        vector = _trait_vector(compiled, trait, chosen)
        known = compiled.known_vectors.setdefault(key, (vector, _is_exact(vector)))
    return known


def _window(compiled: _Compiled, kaders: tuple[Kader, ...], fires: Sequence[bool]) -> tuple[int, ...]:
    """The allowed rungs when these kaders fire (one flag per kader): memoised, as the what-ifs of one advice, and many
    advices, meet the same few sets of kaders."""
    key = tuple(fires)
    window = compiled.windows.get(key)
    if window is None:
        if len(compiled.windows) >= _WINDOWS_MAX:
            compiled.windows.clear()
        window = compiled.windows.setdefault(key, _allowed(compiled.rungs, tuple(k for k, f in zip(kaders, fires) if f))[0])
    return window


class _Change(NamedTuple):  # a NamedTuple, as one is made per what-if and it is the quickest to make
    """A what-if's answers, the traits whose answer it changes with their new points, and its entry phase."""

    answers: Answers
    vectors: Mapping[str, tuple[float, ...] | None]
    exact: bool  # whether all the new points are exact (see _EXACT_SCALE)
    entry: str | None


_Scoped = TypeVar("_Scoped", Kader, PreCheck)


def _recheck(
    items: tuple[_Scoped, ...], base: tuple[bool, ...], readers: Mapping[str, tuple[int, ...]], change: _Change,
    applies: Callable[[_Scoped, Answers, str | None], bool],
) -> Sequence[bool]:
    """The outcomes of the kaders (or pre checks) under a what-if: only those that read a changed answer are evaluated."""
    touched = [i for t in change.vectors for i in readers.get(t, ())]
    if not touched:
        return base
    outcomes = list(base)
    for i in touched:
        outcomes[i] = applies(items[i], change.answers, change.entry)
    return outcomes


class _WhatIfs:
    """One project's decision under another answer to one question (flips, unknowns, phases, a kader left out),
    worked out from the project's own decision instead of from scratch, with the same result to the last bit.

    Only the kaders and pre checks that read a changed answer are evaluated again. The scores are the project's
    minus the old points plus the new ones when every number involved is exact (then any order of addition gives
    the same bits): its scores when the entry phase stays, else its points before the phase profile, which is then
    added as the engine adds it. Otherwise they are added again from the first changed trait on, in trait order,
    starting from the running total just before it.
    """

    def __init__(self, project: _Project, decision: _Decision) -> None:
        compiled, answers, entry = project.compiled, project.answers, decision.entry
        self.project = project
        self.compiled = compiled
        self.asked_ids = tuple(t for t, _ in compiled.asked_when)
        self.kaders = project.rule_set.kaders
        self.pre = project.rule_set.preconditions.pre
        self.fires = tuple(kader_applies(k, answers, entry) for k in self.kaders)
        self.holds = tuple(pre_check_holds(c, answers, entry) for c in self.pre)
        self.exact = all(_known_vector(compiled, t, answers[t])[1] for t in project.contributions)
        self.totals = decision.totals
        self.moves = self.exact and _is_exact(compiled.profiles.get(entry) if entry is not None else None)
        self.points = [0.0] * len(compiled.rungs)
        _add_points(compiled, project.contributions, self.points, 0)
        self._running: list[tuple[float, ...]] | None = None
        # ask_when applied to the engine's own answers once more: not always the same answers, as a condition may read
        # a later question that the first pass made nvt
        self.asked = dict(answers)
        _ask_when(compiled, self.asked)
        self.entry = entry
        self.informs = any(self.holds)
        self.window = _window(compiled, self.kaders, self.fires)
        # The traits whose answer nothing else reads (no kader but a warning, no pre check or ask_when, nor the entry
        # phase): a what-if on one of them moves only the scores. None when ask_when applied again gives other answers:
        # then every what-if may change more than its own answer.
        read = {*compiled.steering_readers, *compiled.pre_readers, *compiled.ask_readers, *self.asked_ids, compiled.phase_trait}
        drift = any(self.asked[t] != answers[t] for t in self.asked_ids)
        self.quiet = frozenset() if drift else frozenset(compiled.traits) - read
        self.finals: dict[tuple[str, tuple[str, ...]], int] = {}

    def final(self, trait: str, new: tuple[str, ...]) -> int:
        """The advised rung with this answer. Kept: the unknowns ask again for what-ifs the flips have decided."""
        key = (trait, new)
        final = self.finals.get(key)
        if final is None:
            final = self.finals[key] = self._final(trait, new)
        return final

    def _final(self, trait: str, new: tuple[str, ...]) -> int:
        """Warnings are not evaluated, as they never move the advised rung."""
        if trait in self.quiet:
            if self.informs:
                return 0
            vector, exact = _known_vector(self.compiled, trait, new)
            return max(self.window, key=self._totals({trait: vector}, exact, self.entry).__getitem__)
        change = self._change(trait, new)
        compiled = self.compiled
        if any(_recheck(self.pre, self.holds, compiled.pre_readers, change, pre_check_holds)):
            return 0
        fires = _recheck(self.kaders, self.fires, compiled.steering_readers, change, kader_applies)
        window = _window(compiled, self.kaders, fires)
        # max() keeps the first of equal scores, and the window is in ladder order: the lower rung wins, as in _settle
        return max(window, key=self._totals(change.vectors, change.exact, change.entry).__getitem__)

    def decision(self, trait: str, new: tuple[str, ...]) -> _Decision:
        """The whole decision with this answer."""
        change = self._change(trait, new)
        compiled = self.project.compiled
        fires = _recheck(self.kaders, self.fires, compiled.kader_readers, change, kader_applies)
        holds = _recheck(self.pre, self.holds, compiled.pre_readers, change, pre_check_holds)
        fired = tuple(k for k, f in zip(self.kaders, fires) if f)
        pre = tuple(c for c, h in zip(self.pre, holds) if h)
        return _settle(compiled.rungs, fired, pre, tuple(self._totals(change.vectors, change.exact, change.entry)), change.entry)

    def without(self, decision: _Decision, kader: Kader) -> int:
        """The advised rung if this one kader did not exist (the pre checks do not read kaders)."""
        if kader.warning:
            return decision.final
        fires = [f and k.id != kader.id for k, f in zip(self.kaders, self.fires)]
        window = _window(self.compiled, self.kaders, fires)
        return 0 if decision.pre else max(window, key=lambda i: (decision.totals[i], -i))

    def _change(self, trait: str, new: tuple[str, ...]) -> _Change:
        compiled, before = self.compiled, self.project.answers
        answers = self._asked(trait, new)
        vectors: dict[str, tuple[float, ...] | None] = {}
        exact = True
        for t in (trait, *self.asked_ids):
            if answers[t] != before[t]:
                vectors[t], exact_t = _known_vector(compiled, t, answers[t])
                exact = exact and exact_t
        return _Change(answers, vectors, exact, _entry(compiled, answers))

    def _asked(self, trait: str, new: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
        """apply_ask_when on the answers with this one changed. When no ask_when reads the trait, each condition comes
        out as it did for self.asked, in the same order, so only the trait's own answer has to be settled."""
        compiled = self.compiled
        if trait in compiled.ask_readers:
            answers = {**self.project.answers, trait: new}
            _ask_when(compiled, answers)
            return answers
        if trait in self.asked_ids:
            if self.asked[trait] == (NOT_APPLICABLE,):  # its own condition does not hold
                new = (NOT_APPLICABLE,)
            elif new == (NOT_APPLICABLE,):
                new = (UNKNOWN,)
        return {**self.asked, trait: new}

    def _totals(self, vectors: Mapping[str, tuple[float, ...] | None], exact: bool, entry: str | None) -> Sequence[float]:
        """The scores with these traits' new points (None: it adds nothing) and this entry phase."""
        compiled, old = self.compiled, self.project.contributions
        if self.moves and exact and entry == self.entry:  # the project's own scores, profile included, moved
            return _moved(self.totals, vectors, old)
        if not vectors:
            totals = list(self.points)
        elif self.exact and exact:
            totals = list(_moved(self.points, vectors, old))
        else:
            start = min(compiled.position[t] for t in vectors)
            totals = list(self._running_totals()[start])
            _add_points(compiled, {**old, **vectors}, totals, start)
        _add_profile(compiled, entry, totals)
        return tuple(totals)

    def _running_totals(self) -> list[tuple[float, ...]]:
        """The project's points summed over the traits before each position: made once, only when a sum is not exact."""
        if self._running is None:
            compiled, contributions = self.project.compiled, self.project.contributions
            running = [0.0] * len(compiled.rungs)
            self._running = [tuple(running)]
            for trait in compiled.traits:
                for i, v in enumerate(contributions.get(trait) or ()):
                    running[i] += v
                self._running.append(tuple(running))
        return self._running


def _alternatives(compiled: _Compiled, trait: str, current: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """_one_step, memoised per rule set: every advice asks for the same few."""
    key = (trait, current)
    known = compiled.alternatives.get(key)
    if known is None:
        known = compiled.alternatives.setdefault(key, tuple(_one_step(compiled.trait_models[trait], current)))
    return known


def _one_step(t: Trait, current: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every answer that differs from `current` by one step: another option, unknown, or one option more or less. An
    exclusive option ("geen") replaces the others, and another option replaces it, as a user's answer would."""
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


def _profile_contribution(rule_set: RuleSet, entry: str | None) -> tuple[Contribution, ...]:
    """The entry phase's profile as the last contribution, so the contributions still add up to the scores."""
    profile = phase_profile(rule_set, entry)
    phases = rule_set.phases
    if profile is None or phases is None or entry is None:
        return ()
    note = phases.profiles[entry].note
    why = note or Text(nl=ENGINE.t("nl", "why_entry_phase"), en=ENGINE.t("en", "why_entry_phase"))
    points = {r: round(v, ROUNDING) for r, v in zip(rule_set.rung_ids(), profile)}
    return (Contribution(trait=phases.trait, answer=(entry,), points=points, why=why),)


def _late(rule_set: RuleSet, entry: str | None) -> bool:
    profile = rule_set.phases.profiles.get(entry) if rule_set.phases and entry else None
    return bool(profile and profile.late)


def _post_applies(rule_set: RuleSet, check: PostCheck, rung: int, answers: Answers) -> bool:
    """A post check for the advised rung: its rungs, or its rungs_from and above, or every rung."""
    rungs = rule_set.rung_ids()
    if check.rungs is not None:
        scoped = rungs[rung] in check.rungs
    else:
        scoped = check.rungs_from is None or rung >= rungs.index(check.rungs_from)
    return scoped and holds(check.when, answers)


def _fallback(decision: _Decision) -> int | None:
    """The honest rung when a condition is not met: the highest-scoring allowed rung below the advised one
    (the lower one on equal scores); any rung below when the kaders allow none."""
    below = [i for i in decision.allowed if i < decision.final] or list(range(decision.final))
    return max(below, key=lambda i: (decision.totals[i], -i), default=None)


def _precondition(
    rule_set: RuleSet, decision: _Decision, post: tuple[PostCheck, ...], fallback: int | None
) -> Precondition | None:
    """The outcome of the step 'should we participate?': None when no check holds."""
    if not decision.pre and not post:
        return None
    name = rule_set.rungs[fallback if fallback is not None else decision.final].name
    checks = tuple(FiredCheck(id=c.id, stage="pre", severity=None, text=c.text) for c in decision.pre) + tuple(
        FiredCheck(id=c.id, stage="post", severity=c.severity, text=_with_fallback(c.text, name), conditional=c.conditional)
        for c in post
    )
    if decision.pre:
        return Precondition(outcome="inform_only", checks=checks, then_rung=rule_set.rungs[decision.rung].id)
    outcome: PreconditionOutcome = "first_arrange" if any(c.severity == "must" for c in post) else "participate"
    return Precondition(outcome=outcome, checks=checks)


def _with_fallback(text: Text, name: Text) -> Text:
    """{fallback} in each language replaced by the fallback rung's name in that language."""
    en = text.en.replace("{fallback}", name.get("en")) if text.en else None
    return Text(nl=text.nl.replace("{fallback}", name.nl), en=en)


def needed_answers(rule_set: RuleSet, answers: Answers) -> tuple[str, ...]:
    """The questions to answer before the rule set names a form (its `information` section), in question order; empty
    when enough is known. `answers` are as the engine reads them (after ask_when): `nvt` is never missing."""
    information = rule_set.information
    if information is None:
        return ()
    missing = set(information.required)
    for group in information.at_least:
        unknown = [t for t in group.of if answers.get(t) == (UNKNOWN,)]
        if len(group.of) - len(unknown) < group.count:
            missing |= set(unknown)
    for rule in information.required_when:
        if holds(rule.when, answers):
            missing |= set(rule.traits)
    return tuple(t.id for t in rule_set.traits if t.id in missing and answers[t.id] == (UNKNOWN,))


def _status(
    rule_set: RuleSet, answers: Answers, advised: int, unknowns: tuple[UnknownEffect, ...]
) -> tuple[AdviceStatus, tuple[str, ...]]:
    """onvoldoende with the questions to answer first, else voorlopig when one unknown answer could move the
    advice provisional_span rungs or more, else definitief."""
    if needed := needed_answers(rule_set, answers):
        return "onvoldoende", needed
    information = rule_set.information
    if information is None:
        return "definitief", ()
    index = {r: i for i, r in enumerate(rule_set.rung_ids())}
    for effect in unknowns:
        reached = [advised, *(index[o.rung] for o in effect.outcomes)]
        if max(reached) - min(reached) >= information.provisional_span:
            return "voorlopig", ()
    return "definitief", ()


def _robustness(rule_set: RuleSet, margin: float | None) -> RobustnessLabel:
    if margin is None:
        return "vastgelegd"
    if margin >= rule_set.robustness.robuust:
        return "robuust"
    if margin >= rule_set.robustness.redelijk:
        return "redelijk"
    return "krap"


def _flips(project: _Project, what_ifs: _WhatIfs, advised: int) -> tuple[Flip, ...]:
    """Every one-step change of one asked question's answer that changes the advice (never to `nvt`)."""
    flips = []
    for trait in project.compiled.traits:
        current = project.answers[trait]
        if current == (NOT_APPLICABLE,):
            continue
        for new in _alternatives(project.compiled, trait, current):
            final = what_ifs.final(trait, new)
            if final != advised:
                flips.append(Flip(trait=trait, answer=current, new_answer=new, new_rung=project.compiled.rungs[final],
                                  kind=project.compiled.trait_models[trait].kind))
    return tuple(flips)


def _unknowns(project: _Project, what_ifs: _WhatIfs, advised: int) -> tuple[UnknownEffect, ...]:
    effects = []
    rungs = project.compiled.rungs
    for trait in project.compiled.traits:
        if project.answers[trait] != (UNKNOWN,):
            continue
        outcomes = tuple(
            UnknownOutcome(answer=o, rung=rungs[what_ifs.final(trait, (o,))])
            for o in project.compiled.trait_models[trait].option_ids()
        )
        effects.append(UnknownEffect(trait=trait, outcomes=outcomes, changes_advice=any(x.rung != rungs[advised] for x in outcomes)))
    return tuple(effects)


def _phases(project: _Project, what_ifs: _WhatIfs, entry: str | None) -> tuple[PhaseAdvice, ...]:
    """Per phase, the advice as if the project were in that phase only. With a phases section: the entry phase
    and every later phase (every phase when the phase is unknown); without one: the chosen phases, when more
    than one."""
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
        decision = what_ifs.decision(trait, (phase,))
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


def _moved(scores: Sequence[float], vectors: Mapping[str, tuple[float, ...] | None],
           old: Mapping[str, tuple[float, ...]]) -> Sequence[float]:
    """Scores with each trait's old points taken off and its new ones (None: nothing) put on; exact only when
    every number is (the caller checks), so the order of the steps cannot change a bit."""
    for t, vector in vectors.items():
        was = old.get(t)
        if was is not None:
            scores = [x - v for x, v in zip(scores, was)]
        if vector is not None:
            scores = [x + v for x, v in zip(scores, vector)]
    return scores

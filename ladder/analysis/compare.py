"""Comparing frameworks: how two rule sets differ, and why one project gets different advice under them.

Pure: reads resolved rule sets and the engine's Advice; computes no advice and draws nothing. The
differences are plain data (frozen dataclasses); ui/compare_charts.py turns them into sentences.

Two causes of different points are kept apart, because a council asks about them differently:
a weight factor ("Leusden weighs existing initiatives twice as much") and points written differently
for an answer. Points are compared as the engine adds them (written points times every factor).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from ladder.engine.advice import Advice, FiredKader
from ladder.engine.why_not import why_not
from ladder.rules.model import UNKNOWN, Kader, Robustness, RoleNeed, RuleSet, Text, Trait, TraitWeights

MIN_FRAMEWORKS = 2
MAX_FRAMEWORKS = 5
_ROUNDING = 6


# --- rule-set differences -------------------------------------------------------------------------


@dataclass(frozen=True)
class RungOnlyIn:
    """A rung one rule set has and the other not (added with add_rungs)."""

    rung: str
    only_in: str
    other: str
    after: str | None  # the rung directly below it, in `only_in`


@dataclass(frozen=True)
class RungRenamed:
    rung: str


@dataclass(frozen=True)
class TraitOnlyIn:
    """A question one rule set asks and the other not: added there, or switched off here."""

    trait: str
    only_in: str
    other: str
    disabled_in_other: bool


@dataclass(frozen=True)
class FactorDifference:
    """The same answers weigh `ratio` times as much in `heavier` as in `lighter` (through weight factors)."""

    trait: str
    options: tuple[str, ...]
    every_option: bool  # True: every weighed answer of the question
    heavier: str
    lighter: str
    ratio: float | None  # None: in `lighter` a factor 0 makes these answers weigh nothing
    whys: tuple[Text, ...]  # the reasons the rule sets give for their factors


@dataclass(frozen=True)
class PointsDifference:
    """An answer whose written points differ; per rung the points as the engine adds them (a, b)."""

    trait: str
    option: str
    points: tuple[tuple[str, float, float], ...]


@dataclass(frozen=True)
class KaderDifference:
    """A kader (by id) that is only in one rule set, or differs in condition or effect."""

    kader: str
    a: Kader | None
    b: Kader | None

    @property
    def same_condition(self) -> bool:
        """Both have it, holding in the same cases: the same condition, in the same phases."""
        return (self.a is not None and self.b is not None and self.a.when == self.b.when
                and self.a.phases == self.b.phases)


@dataclass(frozen=True)
class RobustnessDifference:
    a: Robustness
    b: Robustness


@dataclass(frozen=True)
class MethodsOnlyIn:
    """Working methods (werkvormen) one rule set has and the other not."""

    methods: tuple[str, ...]
    only_in: str
    other: str


@dataclass(frozen=True)
class MethodsChanged:
    """Working methods with the same id but another description, rungs or attributes."""

    methods: tuple[str, ...]


@dataclass(frozen=True)
class RoleNeedDifference:
    """A situation that asks a role of the municipality (a role need) in one rule set, or asks it differently."""

    need: str
    a: RoleNeed | None
    b: RoleNeed | None


Difference = (RungOnlyIn | RungRenamed | TraitOnlyIn | FactorDifference | PointsDifference | KaderDifference
              | RoleNeedDifference | RobustnessDifference | MethodsOnlyIn | MethodsChanged)


def rule_differences(a: RuleSet, b: RuleSet) -> tuple[Difference, ...]:
    """Everything in the rules that can make advice under `a` and `b` differ, in reading order.

    Texts that only explain (why, reason, descriptions of rungs and questions) are not differences in
    the rules; guidance (do's and don'ts) changes no advice and is left out.
    """
    return (
        *_rung_differences(a, b),
        *_trait_differences(a, b),
        *_factor_differences(a, b),
        *_points_differences(a, b),
        *_kader_differences(a, b),
        *_role_need_differences(a, b),
        *([RobustnessDifference(a.robustness, b.robustness)] if a.robustness != b.robustness else []),
        *_method_differences(a, b),
    )


def _rung_differences(a: RuleSet, b: RuleSet) -> list[Difference]:
    result: list[Difference] = []
    for one, other in ((a, b), (b, a)):
        ids = one.rung_ids()
        result.extend(RungOnlyIn(r, one.id, other.id, ids[i - 1] if i else None)
                      for i, r in enumerate(ids) if r not in other.rung_ids())
    result.extend(RungRenamed(r) for r in a.rung_ids() if r in b.rung_ids() and a.rung(r).name != b.rung(r).name)
    return result


def _trait_differences(a: RuleSet, b: RuleSet) -> list[TraitOnlyIn]:
    return [TraitOnlyIn(t.id, one.id, other.id, t.id in other.disabled_traits)
            for one, other in ((a, b), (b, a)) for t in one.traits if t.id not in _trait_ids(other)]


def _trait_ids(rule_set: RuleSet) -> set[str]:
    return {t.id for t in rule_set.traits}


def _shared_weighed(a: RuleSet, b: RuleSet) -> list[str]:
    """Questions both ask and at least one weighs (the phases question counts: its phases give points), in `a`'s order."""
    return [t.id for t in a.traits if t.id in _trait_ids(b) and (_weighs(a, t.id) or _weighs(b, t.id))]


def _phase_trait(rule_set: RuleSet) -> str | None:
    return rule_set.phases.trait if rule_set.phases else None


def _weighs(rule_set: RuleSet, trait: str) -> bool:
    """Whether the engine adds points for answers to this question: weights, or the phases' profiles."""
    return trait in rule_set.weights or trait == _phase_trait(rule_set)


def _written(rule_set: RuleSet, trait: str, option: str) -> Mapping[str, float]:
    """The points written for an answer: in weights, or in the phase's profile (phases and phase_points)."""
    if trait == _phase_trait(rule_set):
        assert rule_set.phases is not None  # narrowed by _phase_trait
        profile = rule_set.phases.profiles.get(option)
        return profile.points if profile else {}
    weights = rule_set.weights.get(trait, {}).get(option)
    return weights.given if weights else {}


def _scale(weights: TraitWeights) -> float:
    return math.prod(f.factor for f in weights.factors)


def _factor_differences(a: RuleSet, b: RuleSet) -> list[FactorDifference]:
    result = []
    for trait in _shared_weighed(a, b):
        wa, wb = a.weights.get(trait, {}), b.weights.get(trait, {})
        both = [o for o in a.trait(trait).option_ids() if o in wa and o in wb]
        groups: dict[tuple[float, float], list[str]] = {}
        for option in both:
            scales = (_scale(wa[option]), _scale(wb[option]))
            if scales[0] != scales[1]:
                groups.setdefault(scales, []).append(option)
        for (sa, sb), options in groups.items():
            heavier, lighter = (a, b) if sa > sb else (b, a)
            low, high = min(sa, sb), max(sa, sb)
            whys = {f.why: None for w in (wa, wb) for o in options for f in w[o].factors}
            result.append(FactorDifference(trait, tuple(options), len(options) == len(both), heavier.id, lighter.id,
                                           round(high / low, _ROUNDING) if low else None, tuple(whys)))
    return result


def _points_differences(a: RuleSet, b: RuleSet) -> list[PointsDifference]:
    """Answers whose written points differ on a rung both have, and whose points as the engine adds them differ there
    too (a factor alone is a FactorDifference; points written differently that a factor makes equal change nothing)."""
    common = [r for r in a.rung_ids() if r in b.rung_ids()]
    result = []
    for trait in _shared_weighed(a, b):
        for option in a.trait(trait).option_ids():
            ga, gb = _written(a, trait, option), _written(b, trait, option)
            added = {r: (_points(a, trait, option, r), _points(b, trait, option, r)) for r in common
                     if ga.get(r, 0.0) != gb.get(r, 0.0)}
            rungs = [r for r, (pa, pb) in added.items() if pa != pb]
            if rungs:
                result.append(PointsDifference(trait, option, tuple((r, *added[r]) for r in rungs)))
    return result


def _points(rule_set: RuleSet, trait: str, option: str, rung: str) -> float:
    """What the engine adds for this answer to this rung: 0 when the rule set does not weigh it.

    A phase's points are added as written (no weight factor applies to the phases question).
    """
    if trait == _phase_trait(rule_set):
        return _written(rule_set, trait, option).get(rung, 0.0)
    weights = rule_set.weights.get(trait, {}).get(option)
    return weights.points.get(rung, 0.0) if weights else 0.0


def _rule_of(kader: Kader) -> tuple[Any, ...]:
    """What a kader does, and in which phases, without its explanation."""
    return kader.when, kader.phases, kader.effect, kader.max, kader.min, kader.exclude


def _kader_differences(a: RuleSet, b: RuleSet) -> list[KaderDifference]:
    ka, kb = {k.id: k for k in a.kaders}, {k.id: k for k in b.kaders}
    ids = list(dict.fromkeys([*ka, *kb]))
    return [KaderDifference(i, ka.get(i), kb.get(i)) for i in ids
            if i not in ka or i not in kb or _rule_of(ka[i]) != _rule_of(kb[i])]


def _role_need_differences(a: RuleSet, b: RuleSet) -> list[RoleNeedDifference]:
    """Role needs by id: only in one, or another role, condition, hat or rungs (the why only explains)."""
    na, nb = ({n.id: n for n in rs.role_needs.needs} if rs.role_needs else {} for rs in (a, b))
    ids = list(dict.fromkeys([*na, *nb]))
    return [RoleNeedDifference(i, na.get(i), nb.get(i)) for i in ids
            if i not in na or i not in nb or na[i].model_copy(update={"why": nb[i].why}) != nb[i]]


def _method_differences(a: RuleSet, b: RuleSet) -> list[Difference]:
    ma, mb = {m.id: m for m in a.werkvormen}, {m.id: m for m in b.werkvormen}
    result: list[Difference] = [MethodsOnlyIn(tuple(m for m in mine if m not in theirs), one.id, other.id)
                                for one, other, mine, theirs in ((a, b, ma, mb), (b, a, mb, ma))
                                if any(m not in theirs for m in mine)]
    changed = tuple(m for m in ma if m in mb and ma[m] != mb[m])
    return result + ([MethodsChanged(changed)] if changed else [])


# --- weights side by side (for the heatmap) -------------------------------------------------------


def weight_difference(reference: RuleSet, other: RuleSet) -> pd.DataFrame:
    """Per answer (rows: trait, option) and rung both have (columns): points in `other` minus in `reference`.

    Only answers that differ somewhere. An answer a rule set does not weigh, or a question it does not
    ask, adds 0 there: that is what the engine does, so the difference is the whole push in the other.
    """
    rungs = [r for r in reference.rung_ids() if r in other.rung_ids()]
    rows, index = [], []
    for trait in question_union((reference, other)):
        if not _weighs(reference, trait.id) and not _weighs(other, trait.id):
            continue
        for option in trait.option_ids():
            row = [round(_points(other, trait.id, option, r) - _points(reference, trait.id, option, r), _ROUNDING) + 0.0
                   for r in rungs]
            if any(row):
                rows.append(row)
                index.append((trait.id, option))
    return pd.DataFrame(rows, index=pd.MultiIndex.from_tuples(index, names=["trait", "option"]), columns=rungs,
                        dtype=float)


# --- one project under several frameworks ---------------------------------------------------------


def question_union(rule_sets: Sequence[RuleSet]) -> tuple[Trait, ...]:
    """Every question any of the rule sets asks, once: the first rule set's order, then what others add."""
    seen: dict[str, Trait] = {}
    for rule_set in rule_sets:
        for trait in rule_set.traits:
            seen.setdefault(trait.id, trait)
    return tuple(seen.values())


def askers(rule_sets: Sequence[RuleSet]) -> dict[str, tuple[str, ...]]:
    """Per question in the union: the ids of the rule sets that ask it."""
    return {t.id: tuple(r.id for r in rule_sets if t.id in _trait_ids(r)) for t in question_union(rule_sets)}


def fitting_answers(rule_set: RuleSet, answers: Mapping[str, Any]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The answers this rule set can take, and the questions set aside because it lacks the answer given.

    Answers are as the engine takes them (one option, or a list or tuple of options). Questions the rule
    set does not ask are left for the engine (advise with ignore_unknown_traits) to set aside; here only
    an answer that the rule set's own version of the question does not offer is dropped.
    """
    kept: dict[str, Any] = {}
    set_aside = []
    for trait_id, value in answers.items():
        options = next((t.option_ids() for t in rule_set.traits if t.id == trait_id), None)
        chosen = value if isinstance(value, (list, tuple)) else (value,)
        if options is not None and any(o not in (None, UNKNOWN) and o not in options for o in chosen):
            set_aside.append(trait_id)
        else:
            kept[trait_id] = value
    return kept, tuple(set_aside)


@dataclass(frozen=True)
class Standing:
    """One advised rung in both frameworks: its score and status, None where the rung does not exist."""

    rung: str
    score_a: float | None
    status_a: str | None
    score_b: float | None
    status_b: str | None


@dataclass(frozen=True)
class KaderContrast:
    """A kader behind the difference: it kept one framework from the other's advice, or decided an advice.

    in_a / in_b: how it fired in each framework (None: it did not fire there).
    """

    kader: str
    in_a: FiredKader | None
    in_b: FiredKader | None
    a_has_it: bool  # whether rule set a has a kader with this id at all
    b_has_it: bool


@dataclass(frozen=True)
class TraitShift:
    """How much one answer favours rung_a over rung_b in each framework (points for rung_a minus rung_b)."""

    trait: str
    answer: tuple[str, ...]
    lead_a: float
    lead_b: float

    @property
    def shift(self) -> float:
        return round(self.lead_a - self.lead_b, _ROUNDING)


@dataclass(frozen=True)
class AdviceDifference:
    a: str
    b: str
    rung_a: str
    rung_b: str
    standings: tuple[Standing, Standing]
    kaders: tuple[KaderContrast, ...]
    shifts: tuple[TraitShift, ...]  # every answer that weighs differently, biggest shift first
    missing: tuple[tuple[str, str], ...]  # (rung, rule set id) for an advised rung a framework does not have


def advice_difference(a: RuleSet, advice_a: Advice, b: RuleSet, advice_b: Advice) -> AdviceDifference | None:
    """Why the advice under `a` differs from the advice under `b`; None when they agree.

    Read from the two Advices only: their scores, fired kaders and per-answer contributions.
    The shifts add up: the sum of all shifts is the lead of rung_a over rung_b in a, minus that in b,
    before kaders (when both rungs exist in both frameworks).
    """
    ra, rb = advice_a.recommended, advice_b.recommended
    if ra == rb:
        return None
    scores_a = {s.rung: s for s in advice_a.scores}
    scores_b = {s.rung: s for s in advice_b.scores}

    def standing(rung: str) -> Standing:
        sa, sb = scores_a.get(rung), scores_b.get(rung)
        return Standing(rung, sa.score if sa else None, sa.status if sa else None,
                        sb.score if sb else None, sb.status if sb else None)

    missing = tuple((r, rs.id) for r in (ra, rb) for rs, scores in ((a, scores_a), (b, scores_b)) if r not in scores)
    shifts = () if missing else _shifts(advice_a, advice_b, ra, rb)
    return AdviceDifference(a.id, b.id, ra, rb, (standing(ra), standing(rb)), _kader_contrasts(a, advice_a, b, advice_b),
                            shifts, missing)


def _shifts(advice_a: Advice, advice_b: Advice, ra: str, rb: str) -> tuple[TraitShift, ...]:
    ca = {c.trait: c for c in advice_a.contributions}
    cb = {c.trait: c for c in advice_b.contributions}
    shifts = []
    for trait in dict.fromkeys([*ca, *cb]):
        lead_a = round(ca[trait].points[ra] - ca[trait].points[rb], _ROUNDING) + 0.0 if trait in ca else 0.0
        lead_b = round(cb[trait].points[ra] - cb[trait].points[rb], _ROUNDING) + 0.0 if trait in cb else 0.0
        answer = (ca.get(trait) or cb[trait]).answer
        shift = TraitShift(trait, answer, lead_a, lead_b)
        if shift.shift:
            shifts.append(shift)
    return tuple(sorted(shifts, key=lambda s: -abs(s.shift)))  # stable: equal shifts keep question order


def _kader_contrasts(a: RuleSet, advice_a: Advice, b: RuleSet, advice_b: Advice) -> tuple[KaderContrast, ...]:
    """The kaders that kept one framework from the other's advice, or decided an advice, where the two differ.

    A kader that fired the same way in both explains no difference and is left out.
    """
    fa, fb = {k.id: k for k in advice_a.kaders}, {k.id: k for k in advice_b.kaders}
    relevant = [*_blocking(advice_a, advice_b.recommended), *_blocking(advice_b, advice_a.recommended),
                *(k.id for k in (*advice_a.kaders, *advice_b.kaders) if k.changed_outcome)]
    ids_a, ids_b = {k.id for k in a.kaders}, {k.id for k in b.kaders}
    result = []
    for kader in dict.fromkeys(relevant):
        ka, kb = fa.get(kader), fb.get(kader)
        if ka is not None and kb is not None and _fired_as(ka) == _fired_as(kb):
            continue
        result.append(KaderContrast(kader, ka, kb, kader in ids_a, kader in ids_b))
    return tuple(result)


def _blocking(advice: Advice, rung: str) -> list[str]:
    """The kaders that put `rung` out of reach in this advice (none when the rung does not exist here)."""
    return [k.id for item in why_not(advice) if item.rung == rung for k in item.kaders]


def _fired_as(kader: FiredKader) -> tuple[Any, ...]:
    return kader.effect, kader.rungs, kader.changed_outcome

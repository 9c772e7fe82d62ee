"""The Advice: everything the engine concludes and why, as plain data that serialises to JSON.

Texts stay bilingual ({nl, en}) so a stored advice can be shown in either language later.
Bump ADVICE_SCHEMA_VERSION when a field changes meaning or disappears.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from ladder.rules.model import Text, WeightFactor

ADVICE_SCHEMA_VERSION = "1.0"

RungStatus = Literal["mogelijk", "begrensd", "uitgesloten"]
RobustnessLabel = Literal["robuust", "redelijk", "krap", "vastgelegd"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class RuleSetRef(Frozen):
    id: str
    name: Text
    version: str
    content_hash: str
    status: str
    illustration: bool


class RungScore(Frozen):
    rung: str
    name: Text
    score: float
    status: RungStatus  # begrensd: outside a min/max kader; uitgesloten: excluded by a kader


class Contribution(Frozen):
    """One answer's push toward (+) or away from (-) each rung."""

    trait: str
    answer: tuple[str, ...]
    points: dict[str, float]
    why: Text
    factors: tuple[WeightFactor, ...] = ()


class FiredKader(Frozen):
    id: str
    effect: Literal["max", "min", "exclude", "warning"]
    rungs: tuple[str, ...]
    reason: Text
    yielded: bool = False  # True when this floor or exclusion had to give way to a cap (see conflict rule)
    changed_outcome: bool = False  # True when the advice would be another rung without this kader


class Flip(Frozen):
    """A single change of one answer that changes the recommendation."""

    trait: str
    answer: tuple[str, ...]
    new_answer: tuple[str, ...]
    new_rung: str


class UnknownOutcome(Frozen):
    answer: str
    rung: str


class UnknownEffect(Frozen):
    """For an `onbekend` answer: the recommendation under each answer it could turn out to be."""

    trait: str
    outcomes: tuple[UnknownOutcome, ...]
    changes_advice: bool


class RoleAdvice(Frozen):
    role: str | None  # a role of the overheidsparticipatietrap, when a role rule picked one
    name: Text
    description: Text
    why: Text | None


class MethodReason(Frozen):
    fits: bool
    why: Text


class MethodAdvice(Frozen):
    id: str
    name: Text
    description: Text
    fit: float
    for_rung: str
    reasons: tuple[MethodReason, ...]


class GuidanceItem(Frozen):
    id: str
    kind: Literal["do", "dont", "dilemma"]
    text: Text
    source: str


class PhaseAdvice(Frozen):
    phase: str
    rung: str
    kaders: tuple[str, ...]


class Routes(Frozen):
    """The two routes of the Participatiekompas: situation (traits) and goal (doel)."""

    situation: str
    goal: str | None
    goal_answer: str | None
    goal_why: Text | None
    distance: int | None
    differ: bool
    goal_allowed: bool | None  # whether the kaders allow the goal route's rung


class ValuesComparison(Frozen):
    advised: dict[str, int]
    runner_up: dict[str, int] | None
    runner_up_rung: str | None


class Advice(Frozen):
    schema_version: str = ADVICE_SCHEMA_VERSION
    rule_set: RuleSetRef
    answers: dict[str, tuple[str, ...]]
    ignored_answers: tuple[str, ...]
    recommended: str
    runner_ups: tuple[RungScore, ...]
    scores: tuple[RungScore, ...]
    contributions: tuple[Contribution, ...]
    main_reasons: tuple[str, ...]  # traits that pushed most toward the advice rather than the runner-up
    kaders: tuple[FiredKader, ...]
    margin: float | None
    robustness: RobustnessLabel
    flips: tuple[Flip, ...]
    unknowns: tuple[UnknownEffect, ...]
    role: RoleAdvice
    promise: Text
    commitment: Text
    werkvormen: tuple[MethodAdvice, ...]
    guidance: tuple[GuidanceItem, ...]
    phases: tuple[PhaseAdvice, ...]
    routes: Routes
    values: ValuesComparison

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)

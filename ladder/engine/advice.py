"""The Advice: everything the engine concludes and why, as plain data that serialises to JSON.

Texts stay bilingual ({nl, en}) so a stored advice can be shown in either language later.
Bump ADVICE_SCHEMA_VERSION when a field changes meaning or disappears.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from ladder.rules.model import Text, WeightFactor

ADVICE_SCHEMA_VERSION = "2.0"
AdviceStatus = Literal["onvoldoende", "voorlopig", "definitief"]
PreconditionOutcome = Literal["participate", "inform_only", "first_arrange"]

RungStatus = Literal["mogelijk", "begrensd", "uitgesloten"]
RobustnessLabel = Literal["robuust", "redelijk", "krap", "vastgelegd"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class FiredCheck(Frozen):
    """A precondition check that holds: a pre check (inform only) or a post check (first arrange)."""

    id: str
    stage: Literal["pre", "post"]
    severity: Literal["must", "should"] | None  # None for a pre check
    text: Text  # {fallback} already filled in
    conditional: bool = False


class Precondition(Frozen):
    outcome: PreconditionOutcome
    checks: tuple[FiredCheck, ...]
    then_rung: str | None = None  # under inform_only: the rung the answers point to once there is room


class MainReason(Frozen):
    trait: str
    lead: float  # points this answer puts the advised rung ahead of the runner-up
    share: float  # its part of the summed positive leads, 0..1


class RightItem(Frozen):
    id: str
    kind: Literal["recht", "plicht"]
    holder: str
    basis: str
    text: Text


class SupportItem(Frozen):
    id: str
    text: Text
    source: str


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
    kind: Literal["feit", "keuze"] = "feit"


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
    note: bool = False  # a note: neither fits nor misfits; `fits` is then True


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
    scores: dict[str, float] = {}
    note: Text | None = None
    precondition: str | None = None  # the id of the pre check that makes this phase inform only


class Routes(Frozen):
    """The two routes of the Participatiekompas: situation (traits) and goal (doel)."""

    situation: str
    goal: str | None
    goal_answer: str | None
    goal_why: Text | None
    distance: int | None
    differ: bool
    goal_allowed: bool | None  # whether the kaders allow the goal route's rung
    adjust: Text | None = None
    situation_name: Text | None = None
    goal_name: Text | None = None


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
    status: AdviceStatus = "definitief"
    needed: tuple[str, ...] = ()  # trait ids to answer first (onvoldoende)
    precondition: Precondition | None = None
    conditional_on: tuple[str, ...] = ()  # ids of conditional post checks: "meebeslissen, mits ..."
    fallback: str | None = None  # the honest rung when the condition is not met
    entry_phase: str | None = None
    late_entry: bool = False
    hats: tuple[RoleAdvice, ...] = ()  # extra roles beside `role` (the 'twee petten')
    role_needs: tuple[str, ...] = ()  # ids of the role needs that held
    rights: tuple[RightItem, ...] = ()
    support: tuple[SupportItem, ...] = ()
    reason_shares: tuple[MainReason, ...] = ()  # the main reasons (same traits, same order as main_reasons) with weights

    @property
    def form(self) -> str | None:
        """The advised form as the user sees it: None when too little is known to name one (status onvoldoende);
        `recommended` is then the engine's rung on what is known, for the explanation only."""
        return None if self.status == "onvoldoende" else self.recommended

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)

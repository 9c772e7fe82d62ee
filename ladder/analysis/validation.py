"""How often the engine gives the form that was chosen in documented cases, or that an expert judged right.

Pure functions over cases, references and advised rungs; reading the files is the caller's work
(scripts/validation_report.py). A distance counts rungs on the base ladder, so "within one" means a
neighbouring rung; a rung a municipality adds sits where its rule set puts it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

BASE_LADDER = ("informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen", "zelfbeheer",
               "overheidsparticipatie")


@dataclass(frozen=True)
class Reference:
    """What a case should get: the form chosen in practice, or an expert's judgement."""

    case: str
    rung: str
    roles: tuple[str, ...] = ()  # empty: no municipal role applies
    acceptable: tuple[str, ...] = ()  # other rungs the expert also finds defensible
    participate: str = "participate"  # an expert's first step: participate, inform_only or first_arrange


@dataclass(frozen=True)
class Outcome:
    """What one framework advised for one case."""

    case: str
    framework: str
    rung: str
    role: str | None
    status: str = "definitief"  # onvoldoende: the tool asks for more answers before it advises
    precondition: str = "participate"  # participate, inform_only or first_arrange


@dataclass(frozen=True)
class Agreement:
    total: int
    exact: int
    within_one: int
    acceptable: int  # exact or one of the expert's other defensible rungs
    misses: tuple[tuple[Reference, Outcome, int], ...]  # two rungs or more apart, with the distance
    role_total: int  # cases whose reference names a role
    role_right: int
    too_little_known: int = 0  # outcomes the tool would not yet call an advice (their rung is still compared)

    def share(self, count: int) -> float:
        return count / self.total if self.total else 0.0


def distance(ladder: Sequence[str], a: str, b: str) -> int:
    return abs(ladder.index(a) - ladder.index(b))


def ladder_of(rung_ids: Sequence[str]) -> tuple[str, ...]:
    """The base ladder with a framework's own extra rungs at the place its rule set gives them."""
    return tuple(rung_ids) if set(BASE_LADDER) <= set(rung_ids) else BASE_LADDER


def agreement(references: Iterable[Reference], outcomes: Mapping[str, Outcome], ladder: Sequence[str]) -> Agreement:
    """Compare each reference with the outcome for its case (cases without an outcome are left out)."""
    total = exact = within_one = acceptable = role_total = role_right = too_little = 0
    misses = []
    for ref in references:
        outcome = outcomes.get(ref.case)
        if outcome is None:
            continue
        total += 1
        too_little += outcome.status == "onvoldoende"
        gap = distance(ladder, ref.rung, outcome.rung)
        exact += gap == 0
        within_one += gap <= 1
        acceptable += gap == 0 or outcome.rung in ref.acceptable
        if gap >= 2:
            misses.append((ref, outcome, gap))
        if ref.roles:
            role_total += 1
            role_right += outcome.role in ref.roles
    return Agreement(total, exact, within_one, acceptable, tuple(misses), role_total, role_right, too_little)


@dataclass(frozen=True)
class FirstStep:
    """The 'should we participate at all?' step: the expert's answer beside the tool's precondition outcome."""

    expected_no: int  # the expert says: inform only, or first arrange something
    found: int  # of those, the tool gives a precondition other than participate
    same: int  # of those, the very same outcome
    unexpected: int  # the tool stops or postpones where the expert says participate


def first_step(references: Iterable[Reference], outcomes: Mapping[str, Outcome]) -> FirstStep:
    expected_no = found = same = unexpected = 0
    for ref in references:
        outcome = outcomes.get(ref.case)
        if outcome is None:
            continue
        if ref.participate != "participate":
            expected_no += 1
            found += outcome.precondition != "participate"
            same += outcome.precondition == ref.participate
        elif outcome.precondition == "inform_only":
            unexpected += 1
    return FirstStep(expected_no, found, same, unexpected)


def between_references(a: Iterable[Reference], b: Iterable[Reference], ladder: Sequence[str]) -> Agreement:
    """How far two references agree with each other (two judges, or a judge and practice)."""
    as_outcomes = {r.case: Outcome(r.case, "reference", r.rung, r.roles[0] if r.roles else None) for r in b}
    return agreement(a, as_outcomes, ladder)

"""The numbers behind the advice's two charts (the ladder and what weighed), as plain data.

One place for which rows a chart shows, which values and in what order, so the text, Markdown and PDF
reports and the app's charts always agree. Pure: reads the Advice, decides nothing, draws nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ladder.engine.advice import Advice

Mark = Literal["advised", "runner_up", "possible", "begrensd", "uitgesloten"]

# The words for a mark in the report texts (ladder.text); a possible rung needs no words.
MARK_KEYS: dict[Mark, str | None] = {
    "advised": "score_advised",
    "runner_up": "score_runner_up",
    "possible": None,
    "begrensd": "status_begrensd",
    "uitgesloten": "status_uitgesloten",
}


@dataclass(frozen=True)
class LadderRow:
    rung: str
    score: float
    mark: Mark


@dataclass(frozen=True)
class ContributionRow:
    trait: str
    advised: float  # points toward the advised rung
    runner_up: float | None  # points toward the runner-up; None when no other rung was possible
    lead: float  # advised minus runner-up: how much this answer helped the advice win


def runner_up_of(advice: Advice) -> str | None:
    return advice.runner_ups[0].rung if advice.runner_ups else None


def ladder_rows(advice: Advice) -> list[LadderRow]:
    """Every rung from low to high (the rule set's order), with its score and its mark."""
    runner_up = runner_up_of(advice)

    def mark(rung: str, status: str) -> Mark:
        if rung == advice.recommended:
            return "advised"
        if rung == runner_up:
            return "runner_up"
        if status == "begrensd":
            return "begrensd"
        if status == "uitgesloten":
            return "uitgesloten"
        return "possible"

    return [LadderRow(rung=s.rung, score=s.score, mark=mark(s.rung, s.status)) for s in advice.scores]


def contribution_rows(advice: Advice) -> list[ContributionRow]:
    """Per answer that weighs for the advice or the runner-up: its lead, biggest help first.

    Answers that give neither rung a point are left out: they cannot explain this choice. The sort is
    stable, so equal leads keep the rule set's question order.
    """
    runner_up = runner_up_of(advice)
    rows = []
    for c in advice.contributions:
        here = c.points[advice.recommended]
        there = c.points[runner_up] if runner_up else None
        if here == 0 and not there:
            continue
        rows.append(ContributionRow(trait=c.trait, advised=here, runner_up=there, lead=here - (there or 0.0)))
    return sorted(rows, key=lambda r: -r.lead)

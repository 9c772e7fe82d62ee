"""'Waarom niet ...?': for every rung that was not advised, what stood in its way, read from the Advice.

Only reads what the engine concluded (scores, statuses, fired kaders, contributions); it decides nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ladder.engine.advice import Advice, FiredCheck, FiredKader, RungStatus

MAX_AGAINST = 3  # a reader takes in two or three reasons; the full table is beside it


@dataclass(frozen=True)
class WhyNot:
    rung: str
    status: RungStatus
    behind: float  # points behind the advised rung (0 or less when only a kader stopped it)
    kaders: tuple[FiredKader, ...]  # the kaders that put this rung out of reach
    against: tuple[str, ...]  # traits whose answers favour the advised rung most over this one
    # The pre checks that stop participation for now (inform only): they, not the scores, put every rung above
    # informeren out of reach, so a rung may score higher than the advice and still not be advised.
    checks: tuple[FiredCheck, ...] = ()


def why_not(advice: Advice) -> tuple[WhyNot, ...]:
    order = [s.rung for s in advice.scores]
    advised_score = next(s.score for s in advice.scores if s.rung == advice.recommended)
    stopped = _inform_only_checks(advice)
    return tuple(
        WhyNot(
            rung=s.rung,
            status=s.status,
            behind=round(advised_score - s.score, 6),
            kaders=tuple(k for k in advice.kaders if not k.yielded and _blocks(k, s.rung, order)),
            against=_against(advice, s.rung),
            checks=stopped if order.index(s.rung) > order.index(advice.recommended) else (),
        )
        for s in advice.scores
        if s.rung != advice.recommended
    )


def _inform_only_checks(advice: Advice) -> tuple[FiredCheck, ...]:
    precondition = advice.precondition
    if precondition is None or precondition.outcome != "inform_only":
        return ()
    return tuple(c for c in precondition.checks if c.stage == "pre")


def _blocks(kader: FiredKader, rung: str, order: list[str]) -> bool:
    if kader.effect == "exclude":
        return rung in kader.rungs
    if kader.effect == "max":
        return order.index(rung) > order.index(kader.rungs[0])
    if kader.effect == "min":
        return order.index(rung) < order.index(kader.rungs[0])
    return False


def _against(advice: Advice, rung: str) -> tuple[str, ...]:
    leads = [(c.points[advice.recommended] - c.points[rung], c.trait) for c in advice.contributions]
    ranked = sorted((-lead, trait) for lead, trait in leads if lead > 0)
    return tuple(trait for _, trait in ranked[:MAX_AGAINST])

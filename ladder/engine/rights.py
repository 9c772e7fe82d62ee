"""Rights of residents, legal duties and support measures: listed apart from the ranked working methods.

Rights and duties hold whatever rung is advised (design principle 5), so only their condition decides. Support
measures make taking part easier on the same rung (principle 3, the participation paradox); they are shown from
their `rungs_from` rung up, as informing alone asks nothing of the people it reaches.
"""

from __future__ import annotations

from ladder.engine.advice import RightItem, SupportItem
from ladder.rules.conditions import Answers, holds
from ladder.rules.model import RuleSet


def advise_rights(rule_set: RuleSet, answers: Answers) -> tuple[RightItem, ...]:
    return tuple(
        RightItem(id=r.id, kind=r.kind, holder=r.holder, basis=r.basis, text=r.text)
        for r in rule_set.rights
        if r.when is None or holds(r.when, answers)
    )


def advise_support(rule_set: RuleSet, answers: Answers, rung_id: str) -> tuple[SupportItem, ...]:
    rungs = rule_set.rung_ids()
    return tuple(
        SupportItem(id=s.id, text=s.text, source=s.source)
        for s in rule_set.support
        if rungs.index(rung_id) >= rungs.index(s.rungs_from) and (s.when is None or holds(s.when, answers))
    )

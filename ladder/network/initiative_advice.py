"""The ladder's advice for an initiative that registers in the network: the few facts it gives, as answers to the
rule set's own questions, so the engine advises as it would for any project (usually overheidsparticipatie or
zelfbeheer, with a role). What the initiative leaves open stays 'weet ik niet': the advice says where that matters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ladder.engine.advice import Advice
from ladder.engine.advisor import advise
from ladder.rules.model import RuleSet

# Asked of the initiative, in this order, with the rule set's own question texts: what it asks of the municipality,
# the room there is, its own strength, how many people it is for and how much it changes for them.
QUESTIONS = ("vraag_initiatief", "beleidsruimte", "capaciteit_samenleving", "belanghebbenden", "ingrijpendheid")
# What registering in the network says by itself: a plan from society, which it wants to succeed.
GIVEN = {"initiatiefnemer": ("maatschappelijk_initiatief",), "soort_opgave": ("initiatief_realiseren",),
         "doel": ("initiatief_steunen",)}


def questions(rule_set: RuleSet) -> tuple[str, ...]:
    """The QUESTIONS this rule set has."""
    return tuple(q for q in QUESTIONS if q in {t.id for t in rule_set.traits})


def initiative_answers(rule_set: RuleSet, answers: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """The answers the engine reads: GIVEN and the initiative's own, only questions and options this rule set has."""
    known = {t.id: set(t.option_ids()) for t in rule_set.traits}
    merged = {**GIVEN, **{q: tuple(answers.get(q, ())) for q in QUESTIONS}}
    return {trait: kept for trait, options in merged.items()
            if trait in known and (kept := tuple(o for o in options if o in known[trait]))}


def initiative_advice(rule_set: RuleSet, answers: Mapping[str, Sequence[str]]) -> Advice:
    return advise(rule_set, initiative_answers(rule_set, answers))

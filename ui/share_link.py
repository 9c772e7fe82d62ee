"""Answers in the URL, so that a shared link reproduces the same advice.

One query parameter per answered question (`beleidsruimte=open`, several answers comma-separated:
`fase=agenda,voorbereiding`); `weet ik niet` is simply left out. `gemeente` and `lang` name the rule set
and the language; `regels` the first characters of the rule set's content hash, so a link opened after the rules
changed can say so (and show the advice under the rules of then, where a snapshot is kept). A link may come from anyone: what does not fit the rule set is set aside and reported,
never raised.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ladder.engine.advisor import normalize_answers
from ladder.rules.model import UNKNOWN, RuleSet
from ladder.rules.problems import AnswerError, AnswerProblem

MUNICIPALITY_PARAM = "gemeente"
LANGUAGE_PARAM = "lang"
RULES_PARAM = "regels"
HASH_SHOWN = 12  # as elsewhere in the app: enough to tell rule sets apart, short enough for a link
RESERVED = frozenset({MUNICIPALITY_PARAM, LANGUAGE_PARAM, RULES_PARAM})
_HEX = re.compile(rf"[0-9a-f]{{{HASH_SHOWN}}}")

Answers = dict[str, tuple[str, ...]]


def answers_to_params(answers: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """Only the known answers, in a stable order, so equal answers give equal links."""
    return {trait: ",".join(chosen) for trait, chosen in sorted(answers.items()) if chosen and chosen != (UNKNOWN,)}


def rules_params(rule_set: RuleSet) -> dict[str, str]:
    """The rule set's fingerprint for the link."""
    return {RULES_PARAM: rule_set.content_hash[:HASH_SHOWN]}


def link_rules(params: Mapping[str, str]) -> str | None:
    """The fingerprint a link carries, when it is a well-formed one (anything else is ignored)."""
    value = params.get(RULES_PARAM, "")
    return value if _HEX.fullmatch(value) else None


def answers_from_params(rule_set: RuleSet, params: Mapping[str, str]) -> tuple[Answers, list[AnswerProblem]]:
    """The answers in a link, checked by the engine; returns them with what was set aside and why."""
    raw: dict[str, list[str]] = {k: [v for v in value.split(",") if v] for k, value in params.items() if k not in RESERVED}
    set_aside: list[AnswerProblem] = []
    # One wrong part of a several-answer question (fase=agenda,later) costs only that part, not the valid ones.
    for trait in rule_set.traits:
        if trait.multiple and trait.id in raw:
            allowed = trait.option_ids()
            wrong = [v for v in raw[trait.id] if v not in allowed and v != UNKNOWN]
            if wrong and len(wrong) < len(raw[trait.id]):
                raw[trait.id] = [v for v in raw[trait.id] if v not in wrong]
                set_aside.extend(AnswerProblem(trait.id, "answer_not_an_option", {
                    "given": repr(v), "trait": trait.id, "choices": ", ".join(allowed), "unknown": UNKNOWN}) for v in wrong)
    while True:
        try:
            answers, ignored = normalize_answers(rule_set, raw, ignore_unknown_traits=True)
        except AnswerError as error:
            for problem in error.problems:
                raw.pop(problem.trait, None)
                set_aside.append(problem)
            continue
        set_aside.extend(AnswerProblem(trait, "answer_not_asked", {"trait": trait}) for trait in ignored)
        return answers, set_aside

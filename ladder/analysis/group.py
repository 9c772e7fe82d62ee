"""A working group's answers side by side: who answered what, where the group differs, and what each would advise.

Pure and deterministic, like the engine: no storage, no Streamlit, no clock. Every advice comes from
ladder.engine.advisor; this module only counts and compares. Disagreement is information, not noise: the
facilitator uses it to decide what to discuss before the group settles its joint answers.

How different the group is on one question (`divergence`): take every pair of members who answered it
(not 'weet ik niet'), and count how often the two gave a different answer. 0 means everyone agrees;
1 means no two members gave the same answer. For a question that takes several answers (like the
phase), a pair counts as partly different: the share of their chosen options they do not share
(the Jaccard distance), so {agenda, voorbereiding} against {agenda} is half different.

Who may see answers per role (`for_members`): the facilitator sees everything, names too. Everyone else sees a
role on its own only when at least MIN_PER_ROLE members have it; the smaller roles count together as one column
(OTHER_ROLES). When those together are still fewer than MIN_PER_ROLE, or no role is big enough, answers are not
split by role at all: the total minus the other columns would show them anyway.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from typing import Literal

from ladder.engine.advice import Advice
from ladder.engine.advisor import advise, normalize_answers, recommend_form
from ladder.rules.model import NOT_APPLICABLE, UNKNOWN, RuleSet
from ladder.text import Catalogue

Role = Literal["raadslid", "inwoner", "ambtenaar", "ondernemer", "anders"]
ROLES: tuple[Role, ...] = ("raadslid", "inwoner", "ambtenaar", "ondernemer", "anders")
# Privacy: answers per role are shown to members (and in the report) only for roles with at least this many members
MIN_PER_ROLE = 3
OTHER_ROLES = "samen"  # the column of the roles with fewer than MIN_PER_ROLE members, counted together
TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "role_raadslid": "Raadslid",
        "role_inwoner": "Inwoner",
        "role_ambtenaar": "Ambtenaar",
        "role_ondernemer": "Ondernemer",
        "role_anders": "Anders",
        "role_samen": "Andere rollen samen",
        # The measure in plain words, for the page and the report (B1: short sentences).
        "divergence_measure": "Hoe verdeeld is de groep? Neem steeds twee deelnemers die de vraag beantwoordden. Het"
                              " getal zegt hoe vaak hun antwoorden verschillen. 0% betekent: iedereen gaf hetzelfde"
                              " antwoord. 100% betekent: geen twee deelnemers gaven hetzelfde antwoord. 'Weet ik niet'"
                              " telt niet mee. Bij een vraag met meer antwoorden telt een gedeeltelijke overeenkomst"
                              " half of deels mee.",
    },
    "en": {
        "role_raadslid": "Council member",
        "role_inwoner": "Resident",
        "role_ambtenaar": "Civil servant",
        "role_ondernemer": "Entrepreneur",
        "role_anders": "Other",
        "role_samen": "Other roles together",
        "divergence_measure": "How divided is the group? Take any two members who answered the question. The number"
                              " says how often their answers differ. 0% means: everyone gave the same answer. 100%"
                              " means: no two members gave the same answer. 'Don't know' does not count. For a"
                              " question with several answers, a partial match counts in part.",
    },
}
GROUP = Catalogue(("group", TEXTS))
DIVERGENCE_MEASURE = GROUP.message("divergence_measure")


def role_name(role: str, lang: str) -> str:
    return GROUP.t(lang, f"role_{role}")


@dataclass(frozen=True)
class Respondent:
    """One member's answers, as the group analysis needs them: no codes, no dates."""

    name: str
    role: Role
    answers: Mapping[str, Sequence[str]]


@dataclass(frozen=True)
class AnswerCount:
    """How many members chose one option of a question (or 'weet ik niet'), and who."""

    option: str  # an option id, or UNKNOWN
    respondents: tuple[int, ...]  # indexes into the summary's respondents
    by_role: dict[str, int]  # every role, in ROLES order, also when 0; for members: the summary's `roles` only

    @property
    def total(self) -> int:
        return len(self.respondents)


@dataclass(frozen=True)
class QuestionSpread:
    trait: str
    counts: tuple[AnswerCount, ...]  # the options in the rule set's order, 'weet ik niet' last
    answered: int  # members who gave an answer other than 'weet ik niet'
    divergence: float | None  # 0..1; None when fewer than two members answered
    most_common: tuple[str, ...] | None  # the answer most members gave; None on a tie or when nobody answered


@dataclass(frozen=True)
class MemberAdvice:
    respondent: int
    rung: str | None  # None: this member's answers are too few to name a form
    scores: dict[str, float]
    needed: tuple[str, ...] = ()  # with rung None: the questions to answer first


@dataclass(frozen=True)
class RungCount:
    """How many members' answers advise this rung, and who."""

    rung: str
    respondents: tuple[int, ...]
    by_role: dict[str, int]  # as AnswerCount.by_role

    @property
    def total(self) -> int:
        return len(self.respondents)


@dataclass(frozen=True)
class JointComparison:
    """The joint advice against the individual ones: how many advise the same rung, a lower or a higher one."""

    rung: str
    same: int
    lower: int
    higher: int


@dataclass(frozen=True)
class GroupSummary:
    respondents: tuple[Respondent, ...]
    questions: tuple[QuestionSpread, ...]  # the rule set's question order
    advices: tuple[MemberAdvice, ...]  # one per respondent, same order
    spread: tuple[RungCount, ...]  # every rung, low to high
    too_little: RungCount  # the members whose own answers are too few to name a form (rung TOO_LITTLE)
    joint: Advice | None  # the advice for the joint answers, once they are set
    comparison: JointComparison | None
    roles: tuple[str, ...] = ()  # the role columns to show, in order: the roles present; see for_members
    for_members: bool = False  # True: names left out and small roles counted together (see for_members)

    def ranking(self) -> tuple[QuestionSpread, ...]:
        """The questions where the group differs most first; unanswered last; ties keep the question order."""
        return tuple(sorted(self.questions, key=lambda q: 1.0 if q.divergence is None else -q.divergence))


def normalized(rule_set: RuleSet, answers: Mapping[str, Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Every question of the rule set with its chosen options (`onbekend` when unanswered), as the engine reads them."""
    return normalize_answers(rule_set, answers, ignore_unknown_traits=True)[0]


# Not an answer: 'weet ik niet', and a question that was not asked of this member (nvt, from the other answers)
NOT_GIVEN = ((UNKNOWN,), (NOT_APPLICABLE,))
# The spread's extra count, beside the rungs: members whose own answers are too few to name a form (as the advice's status)
TOO_LITTLE = "onvoldoende"


def divergence(answers: Sequence[tuple[str, ...]]) -> float | None:
    """The mean difference over every pair of answers given (see the module text); None for fewer than two."""
    given = [frozenset(a) for a in answers if a not in NOT_GIVEN]
    pairs = list(combinations(given, 2))
    if not pairs:
        return None
    return sum(1 - len(a & b) / len(a | b) for a, b in pairs) / len(pairs)


def _by_role(respondents: Sequence[Respondent], indexes: Sequence[int]) -> dict[str, int]:
    return {role: sum(1 for i in indexes if respondents[i].role == role) for role in ROLES}


def question_spread(rule_set: RuleSet, respondents: Sequence[Respondent], trait_id: str,
                    answers: Sequence[Mapping[str, tuple[str, ...]]] | None = None) -> QuestionSpread:
    """Who answered what on one question. `answers` are the respondents' normalized answers, when already known."""
    given = [a[trait_id] for a in (answers if answers is not None else [normalized(rule_set, r.answers) for r in respondents])]
    options = (*rule_set.trait(trait_id).option_ids(), UNKNOWN)
    counts = []
    for option in options:
        indexes = tuple(i for i, chosen in enumerate(given) if option in chosen)
        counts.append(AnswerCount(option=option, respondents=indexes, by_role=_by_role(respondents, indexes)))
    answered = [a for a in given if a not in NOT_GIVEN]
    tally = {a: answered.count(a) for a in dict.fromkeys(answered)}
    top = max(tally.values(), default=0)
    leaders = [a for a, n in tally.items() if n == top]
    return QuestionSpread(trait=trait_id, counts=tuple(counts), answered=len(answered),
                          divergence=divergence(given), most_common=leaders[0] if len(leaders) == 1 else None)


def summarize(rule_set: RuleSet, respondents: Sequence[Respondent],
              joint_answers: Mapping[str, Sequence[str]] | None = None) -> GroupSummary:
    """Everything the facilitator and the report show, for these members (normally those who submitted)."""
    people = tuple(respondents)
    answers = [normalized(rule_set, r.answers) for r in people]
    questions = tuple(question_spread(rule_set, people, t.id, answers) for t in rule_set.traits)
    advices = []
    for i, a in enumerate(answers):
        rung, scores, needed = recommend_form(rule_set, a)  # the engine's decision; no full explanation needed here
        advices.append(MemberAdvice(respondent=i, rung=rung, scores=scores, needed=needed))

    def count(rung: str | None) -> RungCount:
        indexes = tuple(m.respondent for m in advices if m.rung == rung)
        return RungCount(rung=rung or TOO_LITTLE, respondents=indexes, by_role=_by_role(people, indexes))

    joint = advise(rule_set, normalized(rule_set, joint_answers)) if joint_answers is not None else None
    return GroupSummary(respondents=people, questions=questions, advices=tuple(advices),
                        spread=tuple(count(r) for r in rule_set.rung_ids()), too_little=count(None),
                        joint=joint, comparison=_compare(rule_set, joint, advices),
                        roles=tuple(r for r in ROLES if any(p.role == r for p in people)))


def member_roles(respondents: Sequence[Respondent]) -> tuple[str, ...]:
    """The role columns someone who is not the facilitator may see: every role with at least MIN_PER_ROLE members,
    then OTHER_ROLES for the smaller ones together. Empty when that would still show a role of one or two members
    (the small roles together are fewer than MIN_PER_ROLE), or when no role is big enough on its own."""
    sizes = {role: sum(1 for p in respondents if p.role == role) for role in ROLES}
    big = tuple(role for role in ROLES if sizes[role] >= MIN_PER_ROLE)
    small = sum(n for n in sizes.values() if n < MIN_PER_ROLE)
    if not big or 0 < small < MIN_PER_ROLE:
        return ()
    return big + ((OTHER_ROLES,) if small else ())


def for_members(summary: GroupSummary) -> GroupSummary:
    """The summary as members may see it, and the report that goes round: no names, no answers per member, and
    counts per role only in the columns of `member_roles` (small roles together, or no split at all)."""
    if summary.for_members:
        return summary
    people = summary.respondents
    roles = member_roles(people)
    column = {role: role if role in roles else OTHER_ROLES for role in ROLES}

    def by_role(indexes: Sequence[int]) -> dict[str, int]:
        return {c: sum(1 for i in indexes if column[people[i].role] == c) for c in roles}

    return replace(
        summary, roles=roles, for_members=True,
        respondents=tuple(Respondent(name="", role=p.role, answers={}) for p in people), advices=(),
        questions=tuple(replace(q, counts=tuple(replace(c, by_role=by_role(c.respondents)) for c in q.counts))
                        for q in summary.questions),
        spread=tuple(replace(r, by_role=by_role(r.respondents)) for r in summary.spread),
        too_little=replace(summary.too_little, by_role=by_role(summary.too_little.respondents)))


def _compare(rule_set: RuleSet, joint: Advice | None, advices: Sequence[MemberAdvice]) -> JointComparison | None:
    """None without joint answers, or when they are too few to name a form. Members whose own answers are too few
    are in none of the three counts."""
    if joint is None or joint.form is None:
        return None
    order = rule_set.rung_ids()
    at = order.index(joint.form)
    named = [order.index(m.rung) for m in advices if m.rung is not None]
    return JointComparison(rung=joint.form, same=named.count(at), lower=sum(1 for i in named if i < at),
                           higher=sum(1 for i in named if i > at))

"""The working group's answers side by side (ladder.analysis.group): golden examples of who answered what, how divided
the group is, what each member's answers advise, and how the joint advice compares."""

from __future__ import annotations

import pytest

from ladder.analysis.group import (
    DIVERGENCE_MEASURE,
    MIN_PER_ROLE,
    OTHER_ROLES,
    ROLES,
    Respondent,
    divergence,
    for_members,
    member_roles,
    question_spread,
    role_name,
    summarize,
)
from ladder.engine.advisor import advise, recommend
from ladder.rules.model import UNKNOWN

U = (UNKNOWN,)

# A small group on the voorbeeldgemeente questions (5 members, 4 roles). The first four answered enough for an
# advice of their own; Joost answered only the two questions every advice needs.
SHARED = {"ingrijpendheid": ["midden"], "belanghebbenden": ["gemiddeld"], "conflict": ["laag"]}
GROUP = (
    Respondent("Anna", "inwoner", {"beleidsruimte": ["open"], "initiatiefnemer": ["maatschappelijk_initiatief"],
                                   "vraag_initiatief": ["alleen_ruimte"], "bestaande_netwerken": ["ja"], **SHARED}),
    Respondent("Piet", "raadslid", {"beleidsruimte": ["geen"], "initiatiefnemer": ["gemeente"], **SHARED}),
    Respondent("Kees", "ambtenaar", {"beleidsruimte": ["beperkt"], "initiatiefnemer": ["gemeente"],
                                     "fase": ["agenda", "voorbereiding"], **SHARED}),
    Respondent("Fatima", "inwoner", {"beleidsruimte": ["open"], "initiatiefnemer": ["samen"], "fase": ["agenda"],
                                     "bindendheid": ["besluit_bij_deelnemers"], **SHARED}),
    Respondent("Joost", "ondernemer", {"beleidsruimte": ["ruim"], "initiatiefnemer": ["gemeente"]}),
)
JOINT = {"beleidsruimte": ["ruim"], "initiatiefnemer": ["gemeente"], **SHARED}


@pytest.mark.parametrize(("answers", "expected"), [
    ([("a",), ("a",), ("a",)], 0.0),  # everyone agrees
    ([("a",), ("b",), ("c",)], 1.0),  # no two agree
    ([("a",), ("a",), ("b",), ("b",)], 4 / 6),  # 4 of the 6 pairs differ
    ([("a",), ("a",), ("a",), ("b",)], 3 / 6),
    ([("a",), ("b",)], 1.0),
    ([("a",), ("b",), U, U], 1.0),  # 'weet ik niet' does not count
    ([("a", "b"), ("a",)], 0.5),  # several answers: they share one of two options
    ([("a", "b"), ("b", "c")], 2 / 3),  # share one of three
    ([("a", "b"), ("a", "b")], 0.0),
])
def test_divergence_is_how_often_two_members_answered_differently(answers, expected):
    assert divergence(answers) == pytest.approx(expected)


@pytest.mark.parametrize("answers", [[], [("a",)], [("a",), U], [U, U, U]])
def test_divergence_needs_two_members_who_answered(answers):
    assert divergence(answers) is None


def test_who_answered_what_per_option_and_role(rules):
    spread = question_spread(rules, GROUP, "initiatiefnemer")
    counts = {c.option: c for c in spread.counts}
    assert [c.option for c in spread.counts] == [*rules.trait("initiatiefnemer").option_ids(), UNKNOWN]
    assert counts["gemeente"].respondents == (1, 2, 4)  # Piet, Kees and Joost
    assert counts["gemeente"].by_role == {"raadslid": 1, "inwoner": 0, "ambtenaar": 1, "ondernemer": 1, "anders": 0}
    assert counts["samen"].respondents == (3,) and counts["maatschappelijk_initiatief"].respondents == (0,)
    assert counts[UNKNOWN].total == 0
    assert spread.answered == 5
    assert spread.divergence == pytest.approx(7 / 10)  # 3 of the 10 pairs gave the same answer
    assert spread.most_common == ("gemeente",)


def test_a_question_with_several_answers_counts_each_chosen_option(rules):
    spread = question_spread(rules, GROUP, "fase")
    counts = {c.option: c.respondents for c in spread.counts}
    assert counts["agenda"] == (2, 3) and counts["voorbereiding"] == (2,) and counts[UNKNOWN] == (0, 1, 4)
    assert spread.answered == 2 and spread.divergence == pytest.approx(0.5)
    assert spread.most_common is None  # one each: a tie


def test_a_question_nobody_answered(rules):
    spread = question_spread(rules, GROUP, "tijd_tot_besluit")
    assert spread.answered == 0 and spread.divergence is None and spread.most_common is None
    assert spread.counts[-1].respondents == (0, 1, 2, 3, 4)


def test_the_ranking_puts_the_most_divided_questions_first_and_the_unanswered_last(rules):
    ranking = summarize(rules, GROUP).ranking()
    assert [q.trait for q in ranking[:6]] == ["beleidsruimte", "initiatiefnemer", "fase",  # ties keep question order
                                              "ingrijpendheid", "belanghebbenden", "conflict"]
    assert [q.divergence for q in ranking[:6]] == pytest.approx([9 / 10, 7 / 10, 0.5, 0, 0, 0])
    assert all(q.divergence is None for q in ranking[6:])
    assert {q.trait for q in ranking} == {t.id for t in rules.traits}


def test_each_members_advice_is_the_engines_and_names_no_form_when_too_little_is_known(rules):
    summary = summarize(rules, GROUP)
    assert [m.rung for m in summary.advices] == [advise(rules, r.answers).form for r in GROUP]
    assert [m.rung for m in summary.advices] == ["overheidsparticipatie", "informeren", "adviseren", "meebeslissen", None]
    assert summary.advices[0].scores == recommend(rules, GROUP[0].answers)[1]
    # Joost's two answers lead the engine to adviseren, but that is no advice: he is asked the missing questions
    assert recommend(rules, GROUP[4].answers)[0] == "adviseren"
    assert summary.advices[4].needed == advise(rules, GROUP[4].answers).needed and "soort_opgave" in summary.advices[4].needed


def test_the_spread_counts_every_rung_low_to_high_and_too_little_apart(rules):
    summary = summarize(rules, GROUP)
    spread = summary.spread
    assert [r.rung for r in spread] == list(rules.rung_ids())
    assert {r.rung: r.respondents for r in spread if r.total} == {
        "informeren": (1,), "adviseren": (2,), "meebeslissen": (3,), "overheidsparticipatie": (0,)}
    assert summary.too_little.respondents == (4,) and summary.too_little.by_role["ondernemer"] == 1
    assert sum(r.total for r in spread) + summary.too_little.total == len(GROUP)
    assert next(r for r in spread if r.rung == "overheidsparticipatie").by_role["inwoner"] == 1


def test_the_joint_advice_is_the_engines_advice_on_the_joint_answers(rules):
    summary = summarize(rules, GROUP, JOINT)
    assert summary.joint == advise(rules, JOINT)
    assert summary.comparison is not None and summary.comparison.rung == summary.joint.form == "adviseren"
    # Kees the same, Piet lower, Anna and Fatima higher; Joost in none of them
    assert (summary.comparison.same, summary.comparison.lower, summary.comparison.higher) == (1, 1, 2)


def test_joint_answers_too_few_for_an_advice_give_no_comparison(rules):
    summary = summarize(rules, GROUP, {"beleidsruimte": ["ruim"]})
    assert summary.joint is not None and summary.joint.form is None
    assert summary.comparison is None


def test_without_joint_answers_there_is_no_joint_advice(rules):
    summary = summarize(rules, GROUP)
    assert summary.joint is None and summary.comparison is None


def test_an_empty_group(rules):
    summary = summarize(rules, ())
    assert summary.advices == () and all(r.total == 0 for r in summary.spread)
    assert all(q.divergence is None for q in summary.questions)


def test_the_same_group_gives_the_same_summary(rules):
    assert summarize(rules, GROUP, {"ingrijpendheid": ["hoog"]}) == summarize(rules, GROUP, {"ingrijpendheid": ["hoog"]})


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_role_and_the_measure_have_words_in_both_languages(lang):
    assert len({role_name(r, lang) for r in ROLES}) == len(ROLES)
    assert "%" in DIVERGENCE_MEASURE.get(lang)


# --- what members see per role (privacy) ----------------------------------------------------------------


def people(**sizes: int) -> tuple[Respondent, ...]:
    """So many members per role, all with the same answer on initiatiefnemer: 'gemeente'."""
    return tuple(Respondent(f"{role} {i}", role, {"initiatiefnemer": ["gemeente"], **SHARED})  # type: ignore[arg-type]
                 for role, n in sizes.items() for i in range(n))


def test_a_role_is_shown_on_its_own_to_members_from_three_members():
    assert MIN_PER_ROLE == 3
    assert member_roles(people(inwoner=3, raadslid=3)) == ("raadslid", "inwoner")
    assert member_roles(people(inwoner=5)) == ("inwoner",)


@pytest.mark.parametrize(("sizes", "roles"), [
    ({"inwoner": 4, "raadslid": 2, "ondernemer": 1}, ("inwoner", OTHER_ROLES)),  # the small roles together: 3
    ({"inwoner": 3, "ambtenaar": 3, "raadslid": 1, "anders": 2}, ("inwoner", "ambtenaar", OTHER_ROLES)),
    ({"inwoner": 4, "raadslid": 3}, ("raadslid", "inwoner")),  # nothing small: no extra column
])
def test_roles_with_fewer_than_three_members_count_together(sizes, roles):
    assert member_roles(people(**sizes)) == roles


@pytest.mark.parametrize("sizes", [
    {"inwoner": 4, "raadslid": 1},  # the raadslid's answers would be the total minus the inwoners'
    {"inwoner": 3, "raadslid": 1, "ondernemer": 1},  # together still two
    {"raadslid": 2, "inwoner": 2, "ambtenaar": 2},  # no role big enough: 'together' would only repeat the total
    {"raadslid": 1},
    {},
])
def test_no_split_by_role_when_a_small_role_could_still_be_recognised(sizes):
    assert member_roles(people(**sizes)) == ()


def test_members_see_small_roles_together_and_no_names(rules):
    group = people(inwoner=4, raadslid=1, ondernemer=2)
    full = summarize(rules, group)
    shown = for_members(full)
    count = next(c for c in shown.questions if c.trait == "initiatiefnemer").counts[0]
    assert count.option == "gemeente" and count.by_role == {"inwoner": 4, OTHER_ROLES: 3}
    assert all(r.by_role.keys() == {"inwoner", OTHER_ROLES} for r in (*shown.spread, shown.too_little))
    assert sum(r.by_role[OTHER_ROLES] for r in (*shown.spread, shown.too_little)) == 3
    assert shown.roles == ("inwoner", OTHER_ROLES) and shown.for_members
    assert all(p.name == "" and not p.answers for p in shown.respondents) and shown.advices == ()
    assert [q.divergence for q in shown.questions] == [q.divergence for q in full.questions]  # the rest as it was
    assert for_members(shown) == shown


def test_the_facilitator_keeps_every_role_apart(rules):
    full = summarize(rules, people(inwoner=4, raadslid=1))
    assert full.roles == ("raadslid", "inwoner") and not full.for_members
    count = next(c for c in full.questions if c.trait == "initiatiefnemer").counts[0]
    assert count.by_role["raadslid"] == 1 and full.respondents[0].name == "inwoner 0"


def test_members_see_no_split_at_all_when_one_member_has_a_role_of_their_own(rules):
    shown = for_members(summarize(rules, people(inwoner=4, raadslid=1)))
    assert shown.roles == ()
    assert all(c.by_role == {} for q in shown.questions for c in q.counts)
    assert all(r.by_role == {} for r in shown.spread)
    assert len(shown.respondents) == 5  # the totals stay


def test_the_column_of_small_roles_has_a_name(rules):
    assert role_name(OTHER_ROLES, "nl") == "Andere rollen samen"
    assert role_name(OTHER_ROLES, "en") == "Other roles together"

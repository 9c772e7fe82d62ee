"""The questions of a rule set as widgets, in steps, each allowing 'weet ik niet'.

The answers live in a dict the caller keeps (Streamlit forgets a widget's value once it is off the page);
the widgets start from it and write back to it on every run.
"""

from __future__ import annotations

import streamlit as st

from ladder.reports.sentences import Labels
from ladder.rules.model import UNKNOWN, RuleSet, Trait
from ui.texts import t

QUESTIONS_PER_STEP = 6  # one screen of questions; the base set's 18 make three steps


def widget_key(rule_set: RuleSet, trait: Trait) -> str:
    return f"q:{rule_set.id}:{trait.id}"


def question_steps(rule_set: RuleSet, answers: dict[str, tuple[str, ...]], labels: Labels) -> None:
    """One widget per question, in steps; the answers dict is updated from the widgets on every run."""
    lang = labels.lang
    traits = rule_set.traits
    steps = [traits[i:i + QUESTIONS_PER_STEP] for i in range(0, len(traits), QUESTIONS_PER_STEP)]
    st.subheader(t(lang, "advies_questions"))
    for tab, (n, step) in zip(st.tabs([t(lang, "advies_step", n=n) for n in range(1, len(steps) + 1)]),
                              enumerate(steps, 1), strict=True):
        with tab:
            first = (n - 1) * QUESTIONS_PER_STEP + 1
            st.caption(t(lang, "advies_step_of", n=n, total=len(steps), first=first, last=first + len(step) - 1))
            columns = st.columns(2)
            for i, trait in enumerate(step):
                with columns[i % 2]:
                    answers[trait.id] = _question(rule_set, trait, answers.get(trait.id, (UNKNOWN,)), labels)
    answered = sum(1 for chosen in answers.values() if chosen != (UNKNOWN,))
    st.progress(answered / len(traits), text=t(lang, "advies_answered", answered=answered, total=len(traits)))


def _question(rule_set: RuleSet, trait: Trait, current: tuple[str, ...], labels: Labels) -> tuple[str, ...]:
    key = widget_key(rule_set, trait)
    lang = labels.lang
    if trait.multiple:
        st.session_state.setdefault(key, [o for o in current if o != UNKNOWN])
        chosen = st.multiselect(trait.question.get(lang), trait.option_ids(), key=key, help=trait.help.get(lang),
                                placeholder=t(lang, "advies_choose_several"),
                                format_func=lambda o: labels.answer(trait.id, o))
        return tuple(o for o in trait.option_ids() if o in chosen) or (UNKNOWN,)
    st.session_state.setdefault(key, current[0])
    choice = st.selectbox(trait.question.get(lang), (UNKNOWN, *trait.option_ids()), key=key, help=trait.help.get(lang),
                          format_func=lambda o: labels.answer(trait.id, o))
    return (choice,)

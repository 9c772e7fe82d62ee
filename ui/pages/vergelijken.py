"""The Vergelijken page: one project under two to five frameworks, side by side, and how their rules differ.

Every advice comes from the engine (ladder.engine.advisor.advise); the differences from ladder/compare.py; the words,
tables and heatmap from ui/compare_charts.py. This page only arranges them. Rule-set texts are escaped before
Markdown renders them, and tables go through escape_table.

The questions are the union of the chosen frameworks' questions, shown with the Advies page's widgets; an
answer counts only in the frameworks that ask the question. The choice and the answers live in the URL, so
a link reproduces the comparison.
"""

from __future__ import annotations

from itertools import combinations

import pandas as pd
import streamlit as st

from ladder.analysis.compare import (
    MAX_FRAMEWORKS,
    MIN_FRAMEWORKS,
    advice_difference,
    askers,
    fitting_answers,
    question_union,
    rule_differences,
)
from ladder.engine.advice import Advice
from ladder.engine.advisor import advise
from ladder.reports.markdown import escape_markdown
from ladder.reports.sentences import Labels, advised_form, status_sentence
from ladder.rules.model import UNKNOWN, RuleSet
from ladder.rules.problems import RuleSetError
from ui import state
from ui.charts import compare as charts
from ui.charts.compare import Sentence, short_name
from ui.charts.style import escape_table
from ui.share_link import answers_from_params, answers_to_params
from ui.texts import t
from ui.views.questions import question_steps, widget_key

SELECTION_KEY = "cmp_municipalities"
ANSWERS_KEY = "cmp_answers"
LINK_READ_KEY = "cmp_answers_from_link"
SELECTION_PARAM = "vergelijk"
# The union of the chosen frameworks' questions is shown as one question list with this id, so its widgets
# (keyed q:<id>:<trait>) never share state with the Advies page's widgets for a real municipality.
QUESTIONS_ID = "_vergelijken"
SHOWN_SHIFTS = 3  # a reader takes in two or three answers; the table below lists them all


def render() -> None:
    lang = state.language()
    st.title(t(lang, "nav_vergelijken"), anchor=False)
    st.write(t(lang, "cmp_intro"))
    chosen = _choose(lang)
    if not MIN_FRAMEWORKS <= len(chosen) <= MAX_FRAMEWORKS:
        key = "cmp_too_few" if len(chosen) < MIN_FRAMEWORKS else "cmp_too_many"
        st.warning(t(lang, key, count=len(chosen), extra=len(chosen) - MAX_FRAMEWORKS))
        state.keep_in_url({SELECTION_PARAM: ",".join(chosen)})
        return
    rule_sets = state.rule_sets_for(chosen, lang)  # a broken one is shown and left out; the others compare
    if len(rule_sets) < MIN_FRAMEWORKS:
        state.keep_in_url({SELECTION_PARAM: ",".join(chosen)})
        return
    answers = _questions(rule_sets, lang)
    advices = {rs.id: advise(rs, fitting_answers(rs, answers)[0], ignore_unknown_traits=True) for rs in rule_sets}
    state.keep_in_url({SELECTION_PARAM: ",".join(chosen), **answers_to_params(answers)})
    _cards(rule_sets, advices, answers, lang)
    _why(rule_sets, advices, lang)
    _rules(rule_sets, lang)
    _heatmaps(rule_sets, lang)


# --- choosing ---------------------------------------------------------------------------------------


def _choose(lang: str) -> list[str]:
    known = state.sources().ids()
    if SELECTION_KEY not in st.session_state:
        from_link = [m for m in st.query_params.get(SELECTION_PARAM, "").split(",") if m in known]
        ours = state.municipality()
        st.session_state[SELECTION_KEY] = list(dict.fromkeys(from_link)) or [ours, *[m for m in known if m != ours][:1]]
    return st.multiselect(t(lang, "cmp_choose"), known, key=SELECTION_KEY, help=t(lang, "cmp_choose_help"),
                          placeholder=t(lang, "cmp_choose_placeholder"), format_func=lambda m: _name(m, lang))


def _name(municipality_id: str, lang: str) -> str:
    try:
        return short_name(state.rule_set_for(municipality_id), lang)
    except RuleSetError:
        return municipality_id


# --- the project's answers --------------------------------------------------------------------------


def _questions(rule_sets: list[RuleSet], lang: str) -> dict[str, tuple[str, ...]]:
    """The union of the chosen frameworks' questions; returns the answers (kept in this session and the URL)."""
    st.header(t(lang, "cmp_project_header"))
    view = rule_sets[0].model_copy(update={"id": QUESTIONS_ID, "traits": question_union(rule_sets)})
    answers: dict[str, tuple[str, ...]] = st.session_state.setdefault(ANSWERS_KEY, {})
    _answers_from_link_once(view, answers, lang)
    ours = state.municipality()
    from_advies = state.answers(ours)
    if any(chosen != (UNKNOWN,) for chosen in from_advies.values()):
        st.button(t(lang, "cmp_use_advies", name=_name(ours, lang)), help=t(lang, "cmp_use_advies_help"),
                  on_click=_use_advies_answers, args=(view, dict(from_advies)))
    else:
        st.caption(escape_markdown(t(lang, "cmp_no_advies_answers", name=_name(ours, lang))))
    asked = askers(rule_sets)
    partial = [(view.trait(trait).short_name(lang), ids) for trait, ids in asked.items() if len(ids) < len(rule_sets)]
    if partial:
        names = {rs.id: short_name(rs, lang) for rs in rule_sets}
        st.write(t(lang, "cmp_asked_by_some"))
        st.markdown("\n".join(f"- {escape_markdown(t(lang, 'cmp_asked_by', trait=trait, names=', '.join(names[i] for i in ids)))}"
                              for trait, ids in partial))
    question_steps(view, answers, Labels(view, lang))
    # answers to questions of frameworks no longer chosen stay in the session, but count nowhere and leave the link
    return {trait.id: answers[trait.id] for trait in view.traits if answers.get(trait.id, (UNKNOWN,)) != (UNKNOWN,)}


def _answers_from_link_once(view: RuleSet, answers: dict[str, tuple[str, ...]], lang: str) -> None:
    if st.session_state.get(LINK_READ_KEY):
        return
    st.session_state[LINK_READ_KEY] = True
    params = {k: v for k, v in st.query_params.to_dict().items() if k != SELECTION_PARAM}
    from_link, set_aside = answers_from_params(view, params)
    answers.update({k: v for k, v in from_link.items() if v != (UNKNOWN,)})
    if set_aside:
        state.show_set_aside(set_aside, lang, "cmp_link_set_aside")


def _use_advies_answers(view: RuleSet, from_advies: dict[str, tuple[str, ...]]) -> None:
    """Runs before the next script run, so the question widgets show the adopted answers."""
    answers = st.session_state.setdefault(ANSWERS_KEY, {})
    for trait in view.traits:
        chosen = from_advies.get(trait.id, (UNKNOWN,))
        answers[trait.id] = chosen
        # the question widget holds a list for a multiple-answer question, one option otherwise
        st.session_state[widget_key(view, trait)] = [o for o in chosen if o != UNKNOWN] if trait.multiple else chosen[0]


# --- the advice side by side ------------------------------------------------------------------------


def _cards(rule_sets: list[RuleSet], advices: dict[str, Advice], answers: dict[str, tuple[str, ...]], lang: str) -> None:
    st.header(t(lang, "cmp_advice_header"))
    questions = {trait.id: trait.short_name(lang) for trait in question_union(rule_sets)}
    advised = {a.recommended for a in advices.values()}
    if any(a.form is None for a in advices.values()):  # too little answered somewhere: no forms to set side by side
        st.info(t(lang, "cmp_too_little"))
    elif len(advised) == 1:
        first = rule_sets[0]
        st.success(escape_markdown(t(lang, "cmp_all_agree", rung=Labels(first, lang).rung(advices[first.id].recommended))))
    else:
        st.info(t(lang, "cmp_disagree"))
    for column, rule_set in zip(st.columns(len(rule_sets)), rule_sets, strict=True):
        advice = advices[rule_set.id]
        labels = Labels(rule_set, lang)
        with column, st.container(border=True):
            st.markdown(f"**{escape_markdown(short_name(rule_set, lang))}**")
            if advice.form is None:  # as on the Advies page: no form is named, only what to answer first
                st.subheader(escape_markdown(advised_form(advice, labels)))
                st.markdown(escape_markdown(status_sentence(advice, labels) or ""))
            else:
                rung, firmness, margin = charts.advice_card(advice, rule_set, lang)
                st.subheader(escape_markdown(rung))
                if sentence := status_sentence(advice, labels):  # a provisional advice says so, and why
                    st.markdown(escape_markdown(sentence))
                st.markdown(escape_markdown(t(lang, "cmp_card_role", role=advice.role.name.get(lang))))
                st.markdown(escape_markdown(firmness))
                st.markdown(escape_markdown(margin))
            if advice.ignored_answers:
                not_asked = ", ".join(questions[tr] for tr in advice.ignored_answers)
                st.caption(escape_markdown(t(lang, "cmp_card_not_asked", questions=not_asked)))
            _, set_aside = fitting_answers(rule_set, answers)
            if set_aside:
                st.caption(escape_markdown(t(lang, "cmp_card_set_aside", questions=", ".join(questions[tr] for tr in set_aside))))


def _bullets(sentences: list[Sentence]) -> None:
    """One bullet per difference; the rule sets' own reasons on the line below, in a smaller voice."""
    lines = []
    for s in sentences:
        # two spaces before the line break: Markdown's hard break, so the reasons start on their own line
        lines.append(f"- {escape_markdown(s.text)}" + (f"  \n  *{escape_markdown(s.detail)}*" if s.detail else ""))
    st.markdown("\n".join(lines))


def _table(table: pd.DataFrame) -> None:
    """st.table reads Markdown in every cell: rule-set texts are escaped so they show as they are."""
    st.table(escape_table(table), hide_index=True)


def _why(rule_sets: list[RuleSet], advices: dict[str, Advice], lang: str) -> None:
    st.header(t(lang, "cmp_why_header"))
    st.write(t(lang, "cmp_why_intro"))
    shown = 0
    for a, b in combinations(rule_sets, 2):
        if advices[a.id].form is None or advices[b.id].form is None:
            continue  # too little answered: there is no form whose difference to explain
        diff = advice_difference(a, advices[a.id], b, advices[b.id])
        if diff is None:
            continue
        title = t(lang, "cmp_pair_advice", a=short_name(a, lang), b=short_name(b, lang),
                  rung_a=Labels(a, lang).rung(diff.rung_a), rung_b=Labels(b, lang).rung(diff.rung_b))
        with st.expander(escape_markdown(title), expanded=shown == 0):
            _bullets(charts.why_sentences(diff, a, b, lang, SHOWN_SHIFTS))
            _table(charts.standing_table(diff, a, b, lang))
            if diff.shifts:
                labels = Labels(a, lang)
                st.caption(escape_markdown(t(lang, "cmp_shifts_caption", a=short_name(a, lang), b=short_name(b, lang),
                                             rung_a=labels.rung(diff.rung_a), rung_b=labels.rung(diff.rung_b))))
                _table(charts.shift_table(diff, a, b, lang))
        shown += 1
    if not shown:
        st.write(t(lang, "cmp_why_none"))


# --- the rules compared -----------------------------------------------------------------------------


def _rules(rule_sets: list[RuleSet], lang: str) -> None:
    st.header(t(lang, "cmp_rules_header"))
    st.write(t(lang, "cmp_rules_intro"))
    for i, (a, b) in enumerate(combinations(rule_sets, 2)):
        with st.expander(escape_markdown(t(lang, "cmp_pair", a=short_name(a, lang), b=short_name(b, lang))),
                         expanded=i == 0):
            differences = rule_differences(a, b)
            if differences:
                _bullets(charts.rule_sentences(differences, a, b, lang))
            else:
                st.write(t(lang, "cmp_rules_same"))


def _heatmaps(rule_sets: list[RuleSet], lang: str) -> None:
    """One heatmap per other framework against the first: a council reads "how does X weigh compared to us"."""
    st.header(t(lang, "cmp_heatmap_header"))
    reference, others = rule_sets[0], rule_sets[1:]
    st.write(escape_markdown(t(lang, "cmp_heatmap_intro", reference=short_name(reference, lang))))
    for tab, other in zip(st.tabs([escape_markdown(short_name(o, lang)) for o in others]), others, strict=True):
        with tab:
            names = {"other": short_name(other, lang), "reference": short_name(reference, lang)}
            chart = charts.weight_difference_chart(reference, other, lang)
            if chart is None:
                st.info(escape_markdown(t(lang, "cmp_heatmap_same", **names)))
            else:
                st.plotly_chart(chart.figure, width="stretch", alt=t(lang, "cmp_heatmap_alt", **names),
                                config={"displaylogo": False})
                st.caption(t(lang, "chart_text"))
                _table(chart.table)
            left_out = charts.rungs_left_out(reference, other, lang)
            if left_out:
                st.caption(escape_markdown(t(lang, "cmp_heatmap_left_out", rungs=", ".join(left_out))))


render()

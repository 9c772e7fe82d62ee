"""The Advies page: answer the questions, see the advice with every reason, try a what-if, share and download.

Everything shown comes from the engine's Advice; this page only arranges it. Texts from the rule set are
escaped before Markdown renders them: a municipality's YAML may come from anyone.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit, urlunsplit

import pandas as pd
import streamlit as st

from ladder.engine.advice import Advice
from ladder.reports import MEDIA_TYPES
from ladder.reports.advice_document import arrangements, rights_and_duties, support
from ladder.reports.docx import render_docx
from ladder.reports.markdown import escape_markdown, render_markdown
from ladder.reports.odt import render_odt
from ladder.reports.pdf import render_pdf
from ladder.reports.plain_text import render_text
from ladder.reports.sentences import (
    Labels,
    flip_groups,
    margin_sentence,
    margin_words,
    method_heading,
    method_notes,
    phase_detail,
    route_names,
    route_sentences,
)
from ladder.rules.model import UNKNOWN, VALUES, RuleSet
from ladder.text import sentences_text
from ui import state
from ui.charts.advice import values_chart
from ui.share_link import answers_to_params, rules_params
from ui.texts import t
from ui.views import advice as advice_view
from ui.views import link_rules
from ui.views.questions import question_steps, widget_key
from ui.views.register_form import register_form


def _robustness(advice: Advice, labels: Labels) -> None:
    lang = labels.lang
    st.subheader(t(lang, "robustness", label=t(lang, "robust_" + advice.robustness)))
    if margin := margin_sentence(advice, labels):
        st.markdown(escape_markdown(" ".join([f"{margin}.", *margin_words(advice, lang)])))
    st.subheader(t(lang, "advies_flips_title"))
    for kind, flips in flip_groups(advice):  # facts that may turn out otherwise, and choices the reader can make
        st.markdown(f"#### {escape_markdown(t(lang, 'flips_' + kind))}")
        advice_view.table(pd.DataFrame({
            t(lang, "advies_col_question"): [labels.question(f.trait) for f in flips],
            t(lang, "advies_col_now"): [labels.answer(f.trait, f.answer) for f in flips],
            t(lang, "advies_col_instead"): [labels.answer(f.trait, f.new_answer) for f in flips],
            t(lang, "advies_col_then"): [labels.rung(f.new_rung) for f in flips],
        }))
    if not advice.flips:
        st.write(t(lang, "no_flips"))

    st.subheader(t(lang, "advies_unknowns_title"))
    if not advice.unknowns:
        st.write(t(lang, "advies_no_unknowns"))
        return
    stable = [u for u in advice.unknowns if not u.changes_advice]
    for u in advice.unknowns:
        if u.changes_advice:
            st.markdown(f"**{escape_markdown(labels.question(u.trait))}**")
            advice_view.table(pd.DataFrame({
                t(lang, "advies_col_possible_answer"): [labels.answer(u.trait, o.answer) for o in u.outcomes],
                t(lang, "advies_col_advice"): [labels.rung(o.rung) for o in u.outcomes],
            }))
    if stable:
        st.write(t(lang, "advies_unknowns_stable", count=len(stable)))
        st.caption(escape_markdown("; ".join(labels.question(u.trait) for u in stable)))


def _routes_and_phases(advice: Advice, rule_set: RuleSet, labels: Labels) -> None:
    lang = labels.lang
    st.subheader(t(lang, "advies_routes_title"))
    st.caption(t(lang, "advies_routes_caption"))
    r = advice.routes
    situation_name, goal_name = route_names(advice, lang)
    left, right = st.columns(2)
    left.metric(escape_markdown(situation_name), labels.rung(r.situation))  # a metric value is plain text
    sentences = route_sentences(advice, labels)
    if r.goal is None:
        right.write(sentences[0])
    else:
        goal_trait = rule_set.goal_route.trait if rule_set.goal_route else ""
        right.metric(escape_markdown(f"{goal_name}: {labels.answer(goal_trait, r.goal_answer or '')}"),
                     labels.rung(r.goal))
        for sentence in sentences[1:]:  # whether they agree, and whether the kaders allow the goal's form
            (st.warning if r.differ else st.markdown)(escape_markdown(sentence))

    st.subheader(t(lang, "advies_phases_title"))
    if not advice.phases:
        st.write(t(lang, "advies_phases_none"))
        return
    st.caption(t(lang, "advies_phases_caption"))
    if advice.entry_phase:
        st.markdown(escape_markdown(t(lang, "entry_phase", phase=labels.answer("fase", advice.entry_phase))))
    kader_names = {k.id: k.reason.get(lang) for k in rule_set.kaders}
    columns = {
        t(lang, "advies_col_phase"): [labels.answer("fase", p.phase) for p in advice.phases],
        t(lang, "advies_col_advice"): [labels.rung(p.rung) for p in advice.phases],
        t(lang, "advies_col_kaders"): [sentences_text(kader_names.get(k, k) for k in p.kaders) for p in advice.phases],
    }
    details = [phase_detail(advice, p, lang) for p in advice.phases]
    if any(details):
        columns[t(lang, "advies_col_phase_note")] = details
    advice_view.table(pd.DataFrame(columns))


def _getting_started(advice: Advice, labels: Labels) -> None:
    lang = labels.lang
    left, right = st.columns(2)
    with left:
        st.subheader(t(lang, "promise"))
        st.markdown(escape_markdown(advice.promise.get(lang)))
    with right:
        st.subheader(t(lang, "commitment"))
        st.markdown(escape_markdown(advice.commitment.get(lang)))
    advice_view.sections(rights_and_duties(advice, lang))
    st.subheader(t(lang, "advies_methods_title"))
    advice_view.table(pd.DataFrame({
        t(lang, "advies_col_method"): [method_heading(m, advice, labels) for m in advice.werkvormen],
        t(lang, "advies_col_method_what"): [m.description.get(lang) for m in advice.werkvormen],
        t(lang, "advies_col_reasons"): [method_notes(m, lang) for m in advice.werkvormen],
    }))
    advice_view.sections(support(advice, lang))
    for kind in ("do", "dont", "dilemma"):
        items = [g for g in advice.guidance if g.kind == kind]
        if items:
            st.subheader(t(lang, kind))
            st.markdown("\n".join(f"- {escape_markdown(g.text.get(lang))}" for g in items))


def _values(advice: Advice, labels: Labels) -> None:
    lang = labels.lang
    v = advice.values
    rung = labels.rung(advice.recommended)
    title = (t(lang, "advies_values_title", rung=rung, runner_up=labels.rung(v.runner_up_rung))
             if v.runner_up_rung else t(lang, "advies_values_title_single", rung=rung))
    st.caption(t(lang, "advies_values_caption"))
    names = {k: t(lang, f"value_{k}") for k in VALUES}
    advice_view.chart(values_chart(advice, labels, names, t(lang, "advies_col_value"), title), title, lang)


def _what_if(advice: Advice, rule_set: RuleSet, answers: dict[str, tuple[str, ...]], labels: Labels) -> None:
    lang = labels.lang
    st.write(t(lang, "advies_whatif_intro"))
    trait_id = st.selectbox(t(lang, "advies_whatif_question"), [tr.id for tr in rule_set.traits],
                            key=f"whatif:{rule_set.id}:trait", format_func=labels.question)
    trait = rule_set.trait(trait_id)
    current = answers.get(trait_id, (UNKNOWN,))
    key = f"whatif:{rule_set.id}:{trait_id}:answer"
    if trait.multiple:
        chosen = st.multiselect(t(lang, "advies_whatif_answer"), trait.option_ids(), key=key,
                                default=[o for o in current if o != UNKNOWN], placeholder=t(lang, "advies_choose_several"),
                                format_func=lambda o: labels.answer(trait_id, o))
        new = tuple(o for o in trait.option_ids() if o in chosen) or (UNKNOWN,)
    else:
        others = [o for o in (UNKNOWN, *trait.option_ids()) if (o,) != current]
        new = (st.selectbox(t(lang, "advies_whatif_answer"), others, key=key,
                            format_func=lambda o: labels.answer(trait_id, o)),)
    changed = state.advice(rule_set, {**answers, trait_id: new})
    left, right = st.columns(2)
    for column, heading, shown, answer in ((left, "advies_whatif_now", advice, current),
                                           (right, "advies_whatif_then", changed, new)):
        with column, st.container(border=True):
            st.markdown(f"**{t(lang, heading)}**: {escape_markdown(labels.short(trait_id, answer))}")
            st.subheader(escape_markdown(labels.rung(shown.recommended)))
            st.markdown(escape_markdown(t(lang, "municipal_role", role=shown.role.name.get(lang))))
            st.write(t(lang, "robustness", label=t(lang, "robust_" + shown.robustness)))
    if changed.recommended == advice.recommended:
        st.info(escape_markdown(t(lang, "advies_whatif_same", rung=labels.rung(advice.recommended))))
    else:
        st.warning(escape_markdown(t(lang, "advies_whatif_changed", old=labels.rung(advice.recommended),
                                     new=labels.rung(changed.recommended))))
    # the question widget holds a list for a multiple-answer question, one option otherwise
    adopted: str | list[str] = [o for o in new if o != UNKNOWN] if trait.multiple else new[0]
    st.button(t(lang, "advies_whatif_apply"), key=f"whatif:{rule_set.id}:apply", on_click=_apply,
              args=(widget_key(rule_set, trait), adopted))


def _apply(widget_key: str, answer: str | list[str]) -> None:
    """Runs before the next script run, so the question widget shows the adopted answer."""
    st.session_state[widget_key] = answer


def _share_and_download(advice: Advice, rule_set: RuleSet, labels: Labels) -> None:
    lang = labels.lang
    st.subheader(t(lang, "advies_share_title"))
    st.caption(t(lang, "advies_share_caption"))
    st.code(_share_url(), language=None, wrap_lines=True)
    st.caption(t(lang, "advies_share_hash", hash=advice.rule_set.content_hash[:12]))
    st.subheader(t(lang, "advies_download_title"))
    title = st.text_input(t(lang, "advies_project_title"), key="project_title", max_chars=200,
                          help=t(lang, "advies_project_title_help")).strip() or t(lang, "advies_default_title")
    description = st.text_area(t(lang, "advies_project_description"), key="project_description",
                               max_chars=2000).strip()
    stem = f"advies-{rule_set.id}-{advice.recommended}"
    columns = st.columns(5)
    columns[0].download_button(t(lang, "advies_download_pdf"), key="download_pdf", file_name=f"{stem}.pdf",
                               mime=MEDIA_TYPES["pdf"], on_click="ignore",
                               data=lambda: render_pdf(advice, rule_set, title, lang, description))
    columns[1].download_button(t(lang, "advies_download_md"), key="download_md", file_name=f"{stem}.md",
                               mime=MEDIA_TYPES["md"], on_click="ignore",
                               data=lambda: render_markdown(advice, rule_set, title, lang, description))
    columns[2].download_button(t(lang, "advies_download_json"), key="download_json", file_name=f"{stem}.json",
                               mime="application/json", on_click="ignore", data=advice.to_json)
    columns[3].download_button(t(lang, "advies_download_odt"), key="download_odt", file_name=f"{stem}.odt",
                               mime=MEDIA_TYPES["odt"], on_click="ignore",
                               data=lambda: render_odt(advice, rule_set, title, lang, description))
    columns[4].download_button(t(lang, "advies_download_docx"), key="download_docx", file_name=f"{stem}.docx",
                               mime=MEDIA_TYPES["docx"], on_click="ignore",
                               data=lambda: render_docx(advice, rule_set, title, lang, description))
    with st.expander(t(lang, "advies_full_text")):
        st.text(render_text(advice, rule_set, title, lang))
    # One name field on this tab: the title above names the documents and the register entry alike
    register_form(advice, rule_set, lang, key="advies_register", project_name=st.session_state.get("project_title", ""),
                  name_field=False)


def _share_url() -> str:
    """This page's address with the query render() keeps in the URL: language, municipality and answers."""
    base = urlsplit(st.context.url or "http://localhost:8501/advies")
    return urlunsplit((base.scheme, base.netloc, base.path, urlencode(st.query_params.to_dict(), safe=","), ""))


def render() -> None:
    lang = state.language()
    rule_set = state.rule_set_or_stop(lang)
    labels = Labels(rule_set, lang)
    st.title(t(lang, "nav_advies"))
    st.write(t(lang, "advies_intro"))
    if rule_set.illustration and rule_set.disclaimer:
        st.info(escape_markdown(t(lang, "illustration_note", disclaimer=rule_set.disclaimer.get(lang))))
    set_aside = state.answers_from_link_once(rule_set)
    if set_aside:
        state.show_set_aside(set_aside, lang, "advies_link_set_aside")
    answers = state.answers(rule_set.id)
    link_rules.notice(rule_set, answers, lang)
    question_steps(rule_set, answers, labels)
    advice = state.advice(rule_set, answers)
    state.keep_in_url({**answers_to_params(advice.answers), **rules_params(rule_set)})
    advice_view.headline(advice, labels)
    advice_view.sections(arrangements(advice, labels))
    if advice.form is None:  # no form to explain or try yet: what holds anyway, and the link to come back
        advice_view.sections(rights_and_duties(advice, lang))
        _share_and_download(advice, rule_set, labels)
        return
    tabs = st.tabs([t(lang, f"advies_tab_{name}") for name in
                    ("explanation", "robustness", "routes", "work", "values", "whatif", "share")])
    with tabs[0]:
        advice_view.explanation(advice, labels)
    with tabs[1]:
        _robustness(advice, labels)
    with tabs[2]:
        _routes_and_phases(advice, rule_set, labels)
    with tabs[3]:
        _getting_started(advice, labels)
    with tabs[4]:
        _values(advice, labels)
    with tabs[5]:
        _what_if(advice, rule_set, answers, labels)
    with tabs[6]:
        _share_and_download(advice, rule_set, labels)


render()

"""Participatieladder 3.0: the Streamlit app. It presents what the engine concludes; it never computes advice.

Run with: bash scripts/run-app.sh
"""

from __future__ import annotations

import streamlit as st

from ladder.engine import advise
from ladder.i18n import LANGUAGES, t
from ladder.loading import load_municipality, municipality_ids
from ladder.model import UNKNOWN, RuleSet
from ladder.report_text import Labels, render_text, why_sentence


@st.cache_data(max_entries=16, show_spinner=False)
def rule_set_for(municipality_id: str) -> RuleSet:
    return load_municipality(municipality_id)


def main() -> None:
    st.set_page_config(page_title="Participatieladder 3.0", layout="wide")
    lang = st.sidebar.radio("Taal / Language", LANGUAGES, format_func={"nl": "Nederlands", "en": "English"}.get,
                            horizontal=True)
    municipality_id = st.sidebar.selectbox(t(lang, "app_municipality"), municipality_ids(),
                                           index=municipality_ids().index("voorbeeldgemeente"),
                                           format_func=lambda m: rule_set_for(m).name.get(lang))
    rule_set = rule_set_for(municipality_id)
    labels = Labels(rule_set, lang)
    st.title(t(lang, "app_title"))
    st.write(t(lang, "app_intro"))
    if rule_set.illustration and rule_set.disclaimer:
        st.info(rule_set.disclaimer.get(lang))

    answers = {}
    with st.expander(t(lang, "app_questions"), expanded=True):
        columns = st.columns(2)
        for i, trait in enumerate(rule_set.traits):
            key = f"{municipality_id}:{trait.id}"
            with columns[i % 2]:
                if trait.multiple:
                    answers[trait.id] = st.multiselect(trait.question.get(lang), trait.option_ids(), key=key,
                                                       help=trait.help.get(lang),
                                                       placeholder=t(lang, "app_choose_several"),
                                                       format_func=lambda o, tr=trait.id: labels.answer(tr, o))
                else:
                    answers[trait.id] = st.selectbox(trait.question.get(lang), (UNKNOWN, *trait.option_ids()), key=key,
                                                     help=trait.help.get(lang),
                                                     format_func=lambda o, tr=trait.id: labels.answer(tr, o))

    advice = advise(rule_set, answers)
    st.header(t(lang, "app_advice"))
    st.subheader(labels.rung(advice.recommended))
    st.write(t(lang, "municipal_role", role=advice.role.name.get(lang)))
    st.write(t(lang, "why_line", why=why_sentence(advice, labels)))
    st.write(t(lang, "robustness", label=t(lang, "robust_" + advice.robustness)))
    with st.expander(t(lang, "app_full_explanation")):
        st.text(render_text(advice, rule_set, t(lang, "app_advice"), lang))


main()

"""Participatieladder 3.0: the Streamlit app. It presents what the engine concludes; it never computes advice.

Run with: bash scripts/run-app.sh. The frame (this file) holds what every page shares: the language and
the municipality, kept in the URL so a link reproduces what you saw.
"""

from __future__ import annotations

import streamlit as st

from ladder.rules.problems import RuleSetError
from ladder.text import LANGUAGES
from ui import login, state, streamlit_texts
from ui.texts import t

LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
# Streamlit keeps a multiselect's chosen options on one line that scrolls sideways, scrolled to its end: the first
# chip was cut off at the left edge, with no sign that there was more. On several lines every chip shows whole.
# By data-testid and role, which Streamlit keeps stable; its generated class names change between versions.
STYLE = """<style>
[data-testid='stMultiSelect'] [role='group']:has(> [data-testid='stMultiSelectTagsContainer']) {
    height: auto; max-height: none; min-height: 2.5rem;
}
[data-testid='stMultiSelectTagsContainer'] {
    flex-wrap: wrap; overflow: visible; height: auto; max-height: none; row-gap: 0.25rem; padding: 0.25rem 0;
    mask-image: none; -webkit-mask-image: none;
}
</style>"""


def _municipality_name(municipality_id: str, lang: str) -> str:
    try:
        return state.rule_set_for(municipality_id).name.get(lang)
    except RuleSetError:
        return municipality_id


def main() -> None:
    # "auto": open on a laptop, closed behind its button on a phone, where an open sidebar covered the whole page
    st.set_page_config(page_title="Participatieladder 3.0", layout="wide", initial_sidebar_state="auto")
    st.html(STYLE)  # only a style: Streamlit puts it out of the page's flow, it takes no room
    lang = state.language()
    settings = login.settings_or_stop(lang)
    user = login.current_user(settings)
    advises = user.may("advise")
    state.municipality()
    with st.sidebar:
        st.radio(t(lang, "language"), LANGUAGES, key=state.LANG_KEY, horizontal=True, format_func=LANGUAGE_NAMES.get)
        lang = state.language()
        if advises:
            st.selectbox(t(lang, "municipality"), state.sources().ids(), key=state.MUNICIPALITY_KEY,
                         help=t(lang, "municipality_help"), format_func=lambda m: _municipality_name(m, lang))
        login.account_box(user, lang)
        # Streamlit serves <html lang="en"> and its widget texts in English whatever the language; screen readers pick
        # their voice from the lang attribute (WCAG 3.1.1). The script sets it and translates those texts.
        st.html(streamlit_texts.script(lang), unsafe_allow_javascript=True)
    # Only the pages this person may use exist for them: Streamlit serves no other page, whatever the URL says.
    # The working group's page is open to everyone: residents join by code, without an account.
    working_group = st.Page("ui/pages/werkgroep.py", title=t(lang, "nav_werkgroep"), url_path="werkgroep")
    # So is the network's: an initiative registers without an account (the profile tabs need a role).
    network = st.Page("ui/pages/netwerk.py", title=t(lang, "nav_netwerk"), url_path="netwerk")
    if not user.logged_in and not advises:
        pages = [st.Page(login.login_page, title=t(lang, "nav_login"), url_path="inloggen", default=True),
                 working_group, network]
    elif not advises:
        pages = [st.Page(login.no_role_page, title=t(lang, "nav_account"), url_path="account", default=True),
                 working_group, network]
    else:
        pages = [
            st.Page("ui/pages/start.py", title=t(lang, "nav_start"), default=True),  # served at "/"
            st.Page("ui/pages/advies.py", title=t(lang, "nav_advies"), url_path="advies"),
            st.Page("ui/pages/de_ladder.py", title=t(lang, "nav_ladder"), url_path="de_ladder"),
            st.Page("ui/pages/regels.py", title=t(lang, "nav_regels"), url_path="regels"),
            working_group,
            *([st.Page("ui/pages/register.py", title=t(lang, "nav_register"), url_path="register"),
               st.Page("ui/pages/plan.py", title=t(lang, "nav_plan"), url_path="plan")]
              if user.may("register") else []),
            st.Page("ui/pages/vergelijken.py", title=t(lang, "nav_vergelijken"), url_path="vergelijken"),
            st.Page("ui/pages/portfolio.py", title=t(lang, "nav_portfolio"), url_path="portfolio"),
            network,
        ]
    navigation = st.navigation(pages, position="top")
    if advises:
        state.show_unknown_municipality(lang)
    navigation.run()


main()

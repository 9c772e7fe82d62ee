"""The start page: what the tool is and for whom, the five building blocks, how to use it, links onward."""

from __future__ import annotations

import streamlit as st

from ui import login, state
from ui.texts import t

BUILDING_BLOCKS = 5
STEPS = 4
LINKS = (("ui/pages/advies.py", "start_link_advies"), ("ui/pages/de_ladder.py", "start_link_ladder"),
         ("ui/pages/regels.py", "start_link_regels"), ("ui/pages/werkgroep.py", "start_link_werkgroep"),
         ("ui/pages/register.py", "start_link_register"), ("ui/pages/plan.py", "start_link_plan"),
         ("ui/pages/vergelijken.py", "start_link_vergelijken"), ("ui/pages/portfolio.py", "start_link_portfolio"),
         ("ui/pages/netwerk.py", "start_link_netwerk"))
NEEDS_REGISTER = ("ui/pages/register.py", "ui/pages/plan.py")  # pages only for who may use the register


def render() -> None:
    lang = state.language()
    st.title(t(lang, "nav_start"), anchor=False)
    st.write(t(lang, "start_intro"))
    # The first thing to do, before any explanation (issue 16: "Begin met een advies" first on Start)
    with st.container(border=True):
        st.page_link("ui/pages/advies.py", label=t(lang, "start_begin"), icon=":material/play_arrow:")
        st.caption(t(lang, "start_begin_help"))
    st.info(t(lang, "start_illustration_note"))

    st.header(t(lang, "start_for_whom_header"), anchor=False)
    for key in ("start_for_civil_servants", "start_for_working_groups", "start_for_councils"):
        st.markdown(f"- {t(lang, key)}")

    st.header(t(lang, "start_blocks_header"), anchor=False)
    st.write(t(lang, "start_blocks_intro"))
    for number in range(1, BUILDING_BLOCKS + 1):
        with st.container(border=True):
            st.markdown(f"**{number}. {t(lang, f'start_block_{number}_title')}**  \n{t(lang, f'start_block_{number}_text')}")

    st.header(t(lang, "start_steps_header"), anchor=False)
    st.markdown("\n".join(f"{n}. {t(lang, f'start_step_{n}')}" for n in range(1, STEPS + 1)))

    st.header(t(lang, "start_links_header"), anchor=False)
    may_register = login.user().may("register")
    for page, label in LINKS:
        if page in NEEDS_REGISTER and not may_register:
            continue  # that page does not exist for this person: a link to it would break the page
        st.page_link(page, label=t(lang, label), icon=":material/arrow_forward:")
    state.keep_in_url()


render()

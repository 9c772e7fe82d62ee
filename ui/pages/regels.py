"""The regels page."""

from __future__ import annotations

import streamlit as st

from ui import state
from ui.texts import t


def render() -> None:
    lang = state.language()
    st.title(t(lang, "nav_regels"))
    state.keep_in_url()


render()

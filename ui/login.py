"""Logging in on a shared installation (Streamlit's st.login, OpenID Connect) and who is using the app now.

The rules of access are in ui.access (pure); this module only reads Streamlit's login state and shows the login
page, the page for an account without a role, and the account box in the sidebar. The user is worked out anew
at every run from the signed login cookie, never kept in session_state, where a page could change it.
"""

from __future__ import annotations

import streamlit as st

from ladder.reports.markdown import escape_markdown
from ui import state
from ui.access import (
    ANONYMOUS,
    LOCAL_USER,
    AccessConfigError,
    AccessSettings,
    User,
    settings_from_env,
    user_from_claims,
)
from ui.texts import t


def settings_or_stop(lang: str) -> AccessSettings:
    """The administrator's login settings; when they are wrong or incomplete the app shows why and nothing else:
    a shared installation with a broken login must not fall open into the laptop mode."""
    try:
        settings = settings_from_env()
    except AccessConfigError as error:
        st.error(t(lang, "login_config_error", variable=error.variable, found=error.found[:80],
                   expected=error.expected))
        st.stop()
        raise
    if settings.mode == "oidc" and not _provider_configured():
        st.error(t(lang, "login_no_provider"))
        st.stop()
    return settings


def current_user(settings: AccessSettings) -> User:
    if settings.mode == "lokaal":
        return LOCAL_USER
    if not st.user.get("is_logged_in"):
        return ANONYMOUS
    return user_from_claims(st.user.to_dict(), settings)


def user() -> User:
    """Who is using the app in this run (for pages: what they may see and do, and how the audit log names them)."""
    return current_user(settings_from_env())


def login_page() -> None:
    lang = state.language()
    st.title(t(lang, "login_title"), anchor=False)
    st.write(t(lang, "login_intro"))
    st.button(t(lang, "login_button"), type="primary", on_click=st.login, icon=":material/login:")
    st.subheader(t(lang, "login_group_title"), anchor=False)
    st.write(t(lang, "login_group_intro"))
    st.page_link("ui/pages/werkgroep.py", label=t(lang, "login_group_link"), icon=":material/groups:")


def no_role_page() -> None:
    lang = state.language()
    st.title(t(lang, "login_no_role_title"), anchor=False)
    st.write(t(lang, "login_no_role"))
    st.page_link("ui/pages/werkgroep.py", label=t(lang, "login_group_link"), icon=":material/groups:")


def account_box(user: User, lang: str) -> None:
    """In the sidebar: who is logged in, with which roles, and the way out."""
    if not user.logged_in:
        return
    roles = ", ".join(t(lang, f"login_role_{role}") for role in sorted(user.roles)) or t(lang, "login_role_none")
    st.caption(escape_markdown(t(lang, "login_as", name=user.name or t(lang, "login_no_name"), roles=roles)))
    st.button(t(lang, "logout_button"), on_click=st.logout, icon=":material/logout:")


def _provider_configured() -> bool:
    """Whether secrets.toml has the [auth] section st.login needs (a missing secrets file counts as no)."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:
        return False

"""A working group's codes remembered in this browser's cookies, so that a reload (F5) or a closed laptop lid does
not throw a member or the facilitator out.

Streamlit starts a new session on every reload and forgets session_state; a cookie is what the browser sends again.
The codes go in cookies, never in the URL, where they could be read over a shoulder, in the history or in a log.
A cookie is only ever read by this installation (SameSite=Strict, Path=/), Secure on https, and it ends after
MAX_AGE_DAYS or when the page forgets the code ("Stoppen op dit apparaat", deleting, the session gone).
What a cookie holds is only used after the same look-up as a typed code (and the same back-off, ui.pages.werkgroep).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

import streamlit as st

MEMBER = "ladder_wg_member"
FACILITATOR = "ladder_wg_facilitator"
JOIN = "ladder_wg_join"  # "<session id>.<join code valid until, as a Unix time>.<join code>": see join_code()
NAMES = (MEMBER, FACILITATOR, JOIN)
MAX_AGE_DAYS = 30  # long enough for a working group's weeks; the cookie goes with "Stoppen op dit apparaat"
# Member and join codes (K7QM-3XPA-...), facilitator codes (URL-safe base64) and the join cookie's dots: nothing
# that needs quoting in a cookie or in the script that writes it
_VALUE = re.compile(r"[0-9A-Za-z_.-]{1,120}")
_WRITTEN_KEY = "resume_cookies_written"  # what this browser session last wrote (or was sent): written only on change


def remembered(name: str) -> str | None:
    """The value the browser sent for this cookie when the page was opened; None when absent or malformed."""
    value = st.context.cookies.get(name)
    # Not a str without a browser (AppTest's context hands out a stand-in object): then nothing is remembered
    return value if isinstance(value, str) and _VALUE.fullmatch(value) else None


def remember(wanted: Mapping[str, str | None]) -> None:
    """Make the browser's cookies hold `wanted` (None: no cookie). Writes only what changed since the last write in
    this browser session, so the codes are not sent to the page on every run."""
    written = st.session_state.setdefault(_WRITTEN_KEY, {name: remembered(name) for name in NAMES})
    changed = {name: value for name, value in wanted.items() if written.get(name) != value}
    if not changed:
        return
    max_age = MAX_AGE_DAYS * 24 * 60 * 60
    lines = []
    for name, value in changed.items():
        if value is not None and not _VALUE.fullmatch(value):
            value = None  # never written into the script: a value that is not a code is dropped
        cookie = f"{name}={value}; Max-Age={max_age}" if value is not None else f"{name}=; Max-Age=0"
        lines.append(f"document.cookie = {json.dumps(cookie + '; Path=/; SameSite=Strict')} + secure;")
        written[name] = value
    # The sidebar, as app.py's language script: a script-only element there takes no room on the page
    st.sidebar.html("<script>const secure = location.protocol === 'https:' ? '; Secure' : '';\n"
                    + "\n".join(lines) + "</script>", unsafe_allow_javascript=True)


def join_cookie(session_id: int, valid_until: float, join_code: str) -> str:
    return f"{session_id}.{int(valid_until)}.{join_code}"


def join_code(value: str | None, session_id: int, valid_until: float) -> str | None:
    """The join code in the cookie, if it belongs to this session and is still its current code: a new join code
    (made on another device) moves the validity, so an old code is never shown as if it still worked."""
    if value is None:
        return None
    parts = value.split(".", 2)
    if len(parts) != 3 or parts[0] != str(session_id) or parts[1] != str(int(valid_until)):
        return None
    return parts[2]

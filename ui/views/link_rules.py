"""A shared link made under other rules than today's: say so, and show the advice under the rules of then when the
register keeps a snapshot of them (issue 15: a council can check what was advised, years later)."""

from __future__ import annotations

import streamlit as st

from ladder.analysis.register_check import snapshot_rule_set
from ladder.engine.advisor import advise
from ladder.reports.plain_text import render_text
from ladder.rules.model import RuleSet
from ladder.rules.problems import AnswerError
from storage.errors import StorageError
from storage.snapshots import find_snapshot
from ui.database import database
from ui.share_link import HASH_SHOWN, link_rules
from ui.texts import t

SEEN_KEY = "link_rules"  # rule-set id -> the fingerprint the first link of this visit carried


def notice(rule_set: RuleSet, answers: dict[str, tuple[str, ...]], lang: str) -> None:
    """For the whole visit that opened such a link: the two fingerprints, and the advice of then when known."""
    seen = st.session_state.setdefault(SEEN_KEY, {})
    if rule_set.id not in seen:
        seen[rule_set.id] = link_rules(st.query_params.to_dict())
    then, now = seen[rule_set.id], rule_set.content_hash[:HASH_SHOWN]
    if then is None or then == now:
        return
    st.warning(t(lang, "link_other_rules", then=then, now=now))
    try:
        snapshot = find_snapshot(database(), then)
    except StorageError:
        snapshot = None  # no database to look in: the notice above still holds
    if snapshot is None:
        st.caption(t(lang, "link_other_rules_unknown"))
        return
    old = snapshot_rule_set(snapshot)
    with st.expander(t(lang, "link_other_rules_then", version=old.version)):
        try:
            st.text(render_text(advise(old, answers), old, "", lang))
        except AnswerError:  # the answers no longer fit the old questions: say so rather than guess
            st.write(t(lang, "link_other_rules_no_fit"))

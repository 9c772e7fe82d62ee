"""What one visitor has chosen (language, municipality, answers), kept across pages and in the URL.

Streamlit drops a widget's value when the widget is not on the page, and clears the URL's query on a
page switch, so the real choices live in session_state under our own keys and are written back to the
URL on every run.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from ladder import text
from ladder.engine import advisor
from ladder.engine.advice import Advice
from ladder.reports.markdown import escape_markdown
from ladder.rules.model import UNKNOWN, RuleSet
from ladder.rules.problems import AnswerProblem, RuleSetError
from ladder.rules.sources import RuleSources
from ui.share_link import LANGUAGE_PARAM, MUNICIPALITY_PARAM, answers_from_params
from ui.texts import t

DEFAULT_MUNICIPALITY = "voorbeeldgemeente"
LANG_KEY = "lang"
MUNICIPALITY_KEY = "gemeente"
_ANSWERS_KEY = "answers"
_UNKNOWN_MUNICIPALITY_KEY = "unknown_municipality"
_FOLLOW_KEY = "municipality_to_follow"  # set by a page: the sidebar shows this municipality from the next run on
_SHOWN_MAX = 40  # characters of a link's unknown municipality quoted back
SOURCES_KEY = "rule_sources"
_KEPT_ADVICE_KEY = "kept_advice"
_KEPT_ADVICE = 2  # the Advies page asks for two per run: the advice and its what-if
_BUNDLED = RuleSources.bundled()


def sources() -> RuleSources:
    """Where the app finds rule sets: the project's own folders, unless this session was handed others (tests are)."""
    return st.session_state.get(SOURCES_KEY, _BUNDLED)


@st.cache_resource(max_entries=32, show_spinner=False)
def _load(_sources: RuleSources, folders: str, municipality_id: str, stamp: str) -> RuleSet:
    """`folders` and `stamp` only key the cache: other folders, or a file changed in them, load anew."""
    return _sources.load(municipality_id)  # RuleSet is frozen: safe to share between sessions


def rule_set_for(municipality_id: str) -> RuleSet:
    """The resolved rule set; raises RuleSetError (shown by the page) when its YAML is broken.

    Loaded once per state of the rule files (their stamp), so an edited YAML is picked up without a restart.
    """
    here = sources()
    # The cache is handed the sources and their stamp as text (the repr names every folder and file): Streamlit hashed
    # the RuleSources object and the stamp's tuples in 0.8 ms a call, and a run of the Advies page makes eight calls
    return _load(here, repr(here), municipality_id, repr(here.stamp()))


def advice(rule_set: RuleSet, answers: Mapping[str, tuple[str, ...]]) -> Advice:
    """The engine's advice on these answers. A session keeps the last ones it asked for, each under the rule set's
    content hash and the answers it was given, so only the very same question gets the same advice: a rerun that
    changes no answer (a title typed, a button in another tab) asks the engine nothing."""
    key = (rule_set.id, rule_set.content_hash, tuple(answers.items()))
    kept: dict[tuple[object, ...], Advice] = st.session_state.setdefault(_KEPT_ADVICE_KEY, {})
    found = kept.pop(key) if key in kept else advisor.advise(rule_set, answers)
    kept[key] = found  # the newest last; the oldest goes
    while len(kept) > _KEPT_ADVICE:
        del kept[next(iter(kept))]
    return found


def language() -> str:
    if LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = text.language(st.query_params.get(LANGUAGE_PARAM))
    return st.session_state[LANG_KEY]


def municipality() -> str:
    if (follow := st.session_state.pop(_FOLLOW_KEY, None)) in sources().ids():
        st.session_state[MUNICIPALITY_KEY] = follow  # before the sidebar's widget is drawn: only then may it change
    if MUNICIPALITY_KEY not in st.session_state:
        wanted = st.query_params.get(MUNICIPALITY_PARAM, DEFAULT_MUNICIPALITY)
        known = sources().ids()
        st.session_state[MUNICIPALITY_KEY] = wanted if wanted in known else DEFAULT_MUNICIPALITY
        if wanted not in known:
            st.session_state[_UNKNOWN_MUNICIPALITY_KEY] = wanted
    return st.session_state[MUNICIPALITY_KEY]


def follow_municipality(municipality_id: str) -> None:
    """A page showing another municipality's rules (a working group's session) asks the sidebar to name that one.
    The sidebar's widget is drawn already in this run, so the switch waits for the next: call st.rerun() after."""
    st.session_state[_FOLLOW_KEY] = municipality_id


def show_unknown_municipality(lang: str) -> None:
    """A link naming a municipality this installation does not have says so once, instead of silently showing another."""
    wanted = st.session_state.pop(_UNKNOWN_MUNICIPALITY_KEY, None)
    if wanted is not None:
        st.warning(t(lang, "unknown_municipality", wanted=wanted[:_SHOWN_MAX],
                     shown=rule_set_for(municipality()).name.get(lang)))


def show_set_aside(problems: list[AnswerProblem], lang: str, intro_key: str) -> None:
    """What a link held that could not be used, as a wrapped list in the page's language (a code box overflowed)."""
    st.warning(t(lang, intro_key) + "\n\n" + "\n".join(f"- {escape_markdown(p.message(lang))}" for p in problems))


def answers(municipality_id: str) -> dict[str, tuple[str, ...]]:
    """This visitor's answers for one municipality's questions (a live dict: pages update it)."""
    per_municipality = st.session_state.setdefault(_ANSWERS_KEY, {})
    return per_municipality.setdefault(municipality_id, {})


def answers_from_link_once(rule_set: RuleSet) -> list[AnswerProblem]:
    """On the first visit in this session, take the answers from a shared link; returns what was set aside."""
    loaded = st.session_state.setdefault("answers_from_link", set())
    if rule_set.id in loaded:
        return []
    loaded.add(rule_set.id)
    from_link, set_aside = answers_from_params(rule_set, st.query_params.to_dict())
    answers(rule_set.id).update({k: v for k, v in from_link.items() if v != (UNKNOWN,)})
    return set_aside


def keep_in_url(extra: dict[str, str] | None = None) -> None:
    """Write language, municipality and any page-specific parameters to the URL, replacing the rest."""
    wanted = {LANGUAGE_PARAM: language(), MUNICIPALITY_PARAM: municipality(), **(extra or {})}
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)


def show_rule_set_error(municipality_id: str, error: RuleSetError, lang: str) -> None:
    """Why a municipality's rules cannot be loaded: every problem with its file, line and path."""
    st.error(t(lang, "rule_set_error", name=municipality_id))
    st.code("\n".join(p.describe(lang) for p in error.problems), language=None)


def rule_set_or_stop(lang: str) -> RuleSet:
    """The chosen municipality's rules; when its YAML is broken, every problem is shown and the page stops."""
    municipality_id = municipality()
    try:
        return rule_set_for(municipality_id)
    except RuleSetError as error:
        show_rule_set_error(municipality_id, error, lang)
        st.stop()
        raise  # st.stop() raises; this line only tells type checkers that nothing returns here


def rule_sets_for(municipality_ids: list[str], lang: str) -> list[RuleSet]:
    """The rules of each of these municipalities; a broken one is shown with its problems and left out."""
    rule_sets = []
    for municipality_id in municipality_ids:
        try:
            rule_sets.append(rule_set_for(municipality_id))
        except RuleSetError as error:
            show_rule_set_error(municipality_id, error, lang)
    return rule_sets

"""The one way this project speaks two languages: catalogues of templates, looked up per call, Dutch first.

Every catalogue has the same layout, `{"nl": {key: template}, "en": {key: template}}`, and both languages
hold the same keys and placeholders (a test checks every catalogue). A `Catalogue` joins such parts and
refuses a key defined twice. Per call, never global: several people use the app at once, each in their own
language. Numbers and lists are written per language by Babel (a decimal comma in Dutch).
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from babel.dates import format_date
from babel.lists import format_list as _babel_list
from babel.numbers import format_decimal

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
LOCALES: Mapping[Language, str] = {"nl": "nl_NL", "en": "en_GB"}

Templates = Mapping[str, Mapping[str, str]]  # language -> key -> template


# An invisible character that never breaks a line. Put inside '://', 'www.' and before '@', it keeps Markdown
# (GitHub's, and so Streamlit's) and PDF viewers from seeing a web or e-mail address to make a link of.
WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(rf"(?i)(?<=:)(?=//)|(?<=www)(?=\.)|(?<!{WORD_JOINER})(?=@)")


def no_autolinks(text: str) -> str:
    """Text that reads the same, in which no address becomes a link by itself: `https://x.nl`, `www.x.nl` and
    `a@x.nl` get a WORD_JOINER inside. For text people typed, shown to others; applying it twice changes nothing."""
    return _AUTOLINK.sub(WORD_JOINER, text)


def language(lang: str | None) -> Language:
    """The one fallback rule: English when asked for, Dutch for anything else (Dutch is always complete)."""
    return "en" if lang == "en" else "nl"


Value = object  # a template value: plain, anything with .get(lang) (a rule-set Text, a Message), or a callable of lang


def _resolve(value: Value, lang: Language) -> object:
    if callable(value) and not isinstance(value, type):
        return value(lang)
    get = getattr(value, "get", None)
    if callable(get) and not isinstance(value, Mapping):
        return get(lang)
    return value


class Catalogue:
    """Templates from one or more named parts; a key lives in exactly one part."""

    def __init__(self, *parts: tuple[str, Templates]):
        self.parts: tuple[tuple[str, Templates], ...] = parts
        merged: dict[Language, dict[str, str]] = {lang: {} for lang in LANGUAGES}
        owner: dict[str, str] = {}
        for name, templates in parts:
            for lang in LANGUAGES:
                for key, template in templates[lang].items():
                    if key in merged[lang] and owner.get(key) != name:
                        raise KeyError(f"text key '{key}' is defined twice (again in {name})")
                    owner[key] = name
                    merged[lang][key] = template
        self._templates = merged

    def extended(self, *parts: tuple[str, Templates]) -> Catalogue:
        return Catalogue(*self.parts, *parts)

    def __contains__(self, key: str) -> bool:
        return key in self._templates["nl"]

    def t(self, lang: str, key: str, **values: Value) -> str:
        code = language(lang)
        return self._templates[code][key].format(**{k: _resolve(v, code) for k, v in values.items()})

    def message(self, key: str, **values: Value) -> Message:
        if key not in self:
            raise KeyError(f"unknown text key '{key}'")
        return Message(self, key, tuple(values.items()))


@dataclass(frozen=True)
class Message:
    """A text to be said later, in whichever language the reader has: a key and its values."""

    catalogue: Catalogue = field(compare=False, repr=False)
    key: str
    values: tuple[tuple[str, Value], ...] = ()

    def get(self, lang: str) -> str:
        return self.catalogue.t(lang, self.key, **dict(self.values))

    @property
    def params(self) -> dict[str, Value]:
        return dict(self.values)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def catalogue_problems(name: str, templates: Templates) -> list[str]:
    """What is wrong with one catalogue: keys or placeholders that differ between the languages."""
    problems = []
    nl, en = templates["nl"], templates["en"]
    for key in sorted(set(nl) ^ set(en)):
        problems.append(f"{name}: '{key}' is only in {'nl' if key in nl else 'en'}")
    for key in sorted(set(nl) & set(en)):
        if placeholders(nl[key]) != placeholders(en[key]):
            problems.append(f"{name}: '{key}' has other placeholders in nl and en")
    return problems


# --- numbers and lists, per language (Babel) ----------------------------------------------------


def number_text(value: float, lang: str) -> str:
    """A number as people write it: 1.5 in English, 1,5 in Dutch; at most two decimals, never -0."""
    return format_decimal(round(value, 2) + 0.0, format="0.##", locale=LOCALES[language(lang)])


def points_text(value: float, lang: str, signed: bool = True) -> str:
    """Points as tables and charts show them: two decimals, with a sign (+1,50 in Dutch, +1.50 in English)."""
    pattern = "+0.00;-0.00" if signed else "0.00"
    return format_decimal(round(value, 2) + 0.0, format=pattern, locale=LOCALES[language(lang)])


def count_text(value: int, lang: str) -> str:
    """A count with thousands grouped as each language does (100.000 in Dutch, 100,000 in English)."""
    return format_decimal(value, format="#,##0", locale=LOCALES[language(lang)])


def date_text(day: dt.date, lang: str) -> str:
    """A day as people write it in a sentence, the month in words: 3 januari 2027, 3 January 2027."""
    return format_date(day, format="d MMMM y", locale=LOCALES[language(lang)])


def list_text(items: Iterable[str], lang: str, style: Literal["standard", "or"] = "standard") -> str:
    """Dutch "a, b en c", English "a, b and c" ("of"/"or" with style="or")."""
    return _babel_list(list(items), style=style, locale=LOCALES[language(lang)])


def sentences_text(texts: Iterable[str]) -> str:
    """Texts of whole sentences one after another, as a paragraph: "A. B." (joined with "; " they read "A.; B.").
    A text without closing punctuation gets a full stop."""
    return " ".join(text if text.endswith((".", "!", "?")) else f"{text}." for text in (t.strip() for t in texts) if text)


# Plotly's decimal and thousands separators per language, for `layout.separators`.
PLOTLY_SEPARATORS: Mapping[Language, str] = {"nl": ",.", "en": ".,"}

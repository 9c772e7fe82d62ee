"""UI texts, Dutch first: one catalogue per page (each owns its keys), merged here with the report texts.

Per call, never global: several people use the app at once, each in their own language.
"""

from __future__ import annotations

from ladder.text import LANGUAGES
from ladder.reports.texts import TEXTS as REPORT_MESSAGES
from ui.texts import advies, common, ladder_page, portfolio, regels, register, start, vergelijken, werkgroep

CATALOGUES = {"report": REPORT_MESSAGES, "common": common.TEXTS, "start": start.TEXTS, "advies": advies.TEXTS,
              "ladder_page": ladder_page.TEXTS, "regels": regels.TEXTS, "werkgroep": werkgroep.TEXTS,
              "register": register.TEXTS, "vergelijken": vergelijken.TEXTS, "portfolio": portfolio.TEXTS}


def _merged(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for name, catalogue in CATALOGUES.items():
        for key, text in catalogue[lang].items():
            if key in merged:
                raise KeyError(f"UI text key '{key}' is defined twice (again in {name})")
            merged[key] = text
    return merged


_MESSAGES = {lang: _merged(lang) for lang in LANGUAGES}


def t(lang: str, key: str, **values: object) -> str:
    return _MESSAGES["en" if lang == "en" else "nl"][key].format(**values)

"""Every catalogue of the project says the same in Dutch and English: the same keys, the same placeholders.

The catalogues are found, not listed: every module of ladder/, cli/, storage/ and ui/ is imported and every
`Catalogue` (its parts) and every template dict in the one layout ({"nl": {key: text}, "en": {...}}) is checked.
A new catalogue is checked the day it is written. The Streamlit page scripts (and `python -m ladder`) run when
imported; the pages are read instead, and may not hold a catalogue of their own (their texts belong in ui/texts).
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import ModuleType

import pytest

from ladder.text import LANGUAGES, Catalogue, Templates, catalogue_problems

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("ladder", "cli", "storage", "ui")
PAGE_SCRIPTS = "ui.pages"  # Streamlit scripts: importing one renders the page


def _runs_when_imported(name: str) -> bool:
    return name.startswith(f"{PAGE_SCRIPTS}.") or name.endswith(".__main__")


def _is_templates(value: object) -> bool:
    return (isinstance(value, Mapping) and set(value) == set(LANGUAGES)
            and all(isinstance(texts, Mapping) and all(isinstance(t, str) for t in texts.values())
                    for texts in value.values()))


def _modules() -> Iterator[ModuleType]:
    for package in PACKAGES:
        yield importlib.import_module(package)
        for info in pkgutil.walk_packages(importlib.import_module(package).__path__, f"{package}."):
            if not _runs_when_imported(info.name):
                yield importlib.import_module(info.name)


def _catalogues() -> dict[str, Templates]:
    """Named where they are written: a template dict by its module, a Catalogue part only if it is made in place."""
    modules = list(_modules())
    found: dict[int, tuple[str, Templates]] = {}
    for module in modules:
        for attribute, value in vars(module).items():
            if _is_templates(value):
                found.setdefault(id(value), (f"{module.__name__}.{attribute}", value))
    for module in modules:
        for attribute, value in vars(module).items():
            if isinstance(value, Catalogue):
                for part, templates in value.parts:
                    found.setdefault(id(templates), (f"{module.__name__}.{attribute}[{part}]", templates))
    return dict(found.values())


CATALOGUES = _catalogues()


def test_every_package_has_its_texts_in_catalogues():
    assert {name.split(".")[0] for name in CATALOGUES} == set(PACKAGES)


@pytest.mark.parametrize("name", sorted(CATALOGUES))
def test_both_languages_have_the_same_keys_and_placeholders(name):
    assert catalogue_problems(name, CATALOGUES[name]) == []


def _catalogue_literals(tree: ast.AST) -> list[int]:
    """Lines of dict literals keyed by both languages."""
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Dict)
            and {k.value for k in node.keys if isinstance(k, ast.Constant)} >= set(LANGUAGES)]


@pytest.mark.parametrize("script", sorted((ROOT / "ui" / "pages").glob("*.py")), ids=lambda p: p.name)
def test_a_page_script_keeps_no_texts_of_its_own(script):
    assert _catalogue_literals(ast.parse(script.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(("lang", "text"), [("nl", "3 januari 2027"), ("en", "3 January 2027"), ("de", "3 januari 2027")])
def test_a_day_is_written_with_the_month_in_words(lang, text):
    import datetime as dt

    from ladder.text import date_text

    assert date_text(dt.date(2027, 1, 3), lang) == text


def test_whole_sentences_follow_each_other_without_a_semicolon():
    from ladder.text import sentences_text

    assert sentences_text(["Dan kan dat niet.", "Veel mensen doen mee", "  ", "Echt?"]) == (
        "Dan kan dat niet. Veel mensen doen mee. Echt?")

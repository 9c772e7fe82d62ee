"""Shared fixtures: the bundled rule sets (loaded once) and helpers to write rule files in tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ladder.loading import load_municipality, load_rule_set, municipality_ids
from ladder.model import RuleSet

TESTS = Path(__file__).parent
ROOT = TESTS.parent
CASES = sorted((TESTS / "cases").glob("*.yaml"))


@pytest.fixture(scope="session")
def base() -> RuleSet:
    return load_rule_set(ROOT / "rules" / "base.yaml")


@pytest.fixture(scope="session")
def bundled() -> dict[str, RuleSet]:
    return {m: load_municipality(m) for m in municipality_ids()}


@pytest.fixture
def write_rules(tmp_path: Path):
    """Write a rule file into tmp_path (extends resolves to the bundled rules/ and municipalities/)."""

    def write(text: str, name: str = "proef.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def open_app():
    """Open the app on one page, as a visitor following a link with these query parameters would."""
    from streamlit.testing.v1 import AppTest

    def open_page(page: str = "start", **query: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for key, value in query.items():
            at.query_params[key] = value
        if page != "start":
            at.switch_page(f"ui/pages/{page}.py")  # url_path equals the file name, so this works before a run
        at.run()
        assert not at.exception, at.exception
        return at

    return open_page


@pytest.fixture
def bundle_municipality(monkeypatch, tmp_path: Path):
    """Bundle one extra municipality, 'proefgemeente', in a copy of the municipalities folder."""

    def bundle(text: str) -> None:
        folder = tmp_path / "municipalities"
        shutil.copytree(ROOT / "municipalities", folder)
        (folder / "proefgemeente.yaml").write_text(text, encoding="utf-8")
        monkeypatch.setattr("ladder.loading.MUNICIPALITIES_DIR", folder)
        monkeypatch.setattr("ui.state.MUNICIPALITIES_DIR", folder)

    return bundle

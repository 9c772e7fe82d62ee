"""Shared fixtures: the bundled rule sets (loaded once) and helpers to write rule files in tmp_path."""

from __future__ import annotations

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

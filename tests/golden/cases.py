"""The golden projects of tests/cases/: shared by the tests (through conftest) and scripts/screenshots.py."""

from __future__ import annotations

from pathlib import Path

import yaml

CASES = sorted((Path(__file__).parents[1] / "cases").glob("*.yaml"))


def golden_answers(stem: str) -> dict[str, object]:
    """The answers of a golden project (tests/cases/<stem>.yaml, a name prefix such as "04" is enough): tests that
    need a realistic project take it from there, so a change of the questionnaire is made in one place."""
    path = next(c for c in CASES if c.stem.startswith(stem))
    return dict(yaml.safe_load(path.read_text(encoding="utf-8"))["project"]["answers"])



def not_yet_agreed(answers: dict[str, object]) -> dict[str, object]:
    """A golden project whose answer to `bindendheid` is "not agreed yet" instead of "don't know". Most golden projects
    leave it open, which can make their advice provisional (it may range from weighing opinions to adopting the
    outcome); tests that need a definite advice use this. It also asks to arrange and publish the agreements first."""
    return answers | {"bindendheid": "nog_niet_afgesproken"}

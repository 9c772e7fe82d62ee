"""Files that come with the project and that the app offers for download: the templates and an example."""

from __future__ import annotations

from pathlib import Path

_PROJECT = Path(__file__).resolve().parents[1]

RULE_SET_TEMPLATE = _PROJECT / "docs" / "sjabloon-gemeente.yaml"
PORTFOLIO_TEMPLATE = _PROJECT / "docs" / "portfolio-sjabloon.csv"
PORTFOLIO_EXAMPLE = _PROJECT / "examples" / "portfolio.csv"

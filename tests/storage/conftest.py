"""Fixtures the storage tests share."""

from __future__ import annotations

import pytest


@pytest.fixture
def rules(bundled):
    """The rule set working groups are made with in these tests."""
    return bundled["voorbeeldgemeente"]

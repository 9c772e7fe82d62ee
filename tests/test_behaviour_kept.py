"""The library's output for fixed input stays byte for byte what tests/golden/behaviour.json recorded."""

from __future__ import annotations

import json

import pytest
from golden.behaviour import RECORD, fingerprints


@pytest.mark.slow
def test_every_advice_and_document_is_byte_identical_to_the_record():
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    now = fingerprints()
    assert sorted(now) == sorted(recorded), "the set of recorded artefacts changed"
    changed = sorted(name for name in now if now[name] != recorded[name])
    assert not changed, f"{len(changed)} artefacts differ (python -m tests.golden.behaviour --dump DIR to see): {changed[:10]}"

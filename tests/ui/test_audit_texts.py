"""Every kind of change the audit log can hold reads in Dutch and English on the Register page."""

from __future__ import annotations

import pytest

from storage.audit import ACTIONS
from ui.texts import UI


@pytest.mark.parametrize("action", ACTIONS)
def test_every_action_has_its_words(action):
    assert f"reg_log_action_{action}" in UI
    assert UI.t("nl", f"reg_log_action_{action}") != UI.t("en", f"reg_log_action_{action}")

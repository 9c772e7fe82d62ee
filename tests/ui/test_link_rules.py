"""A shared link carries the rule set's fingerprint; opened after the rules changed, the Advies page says so and,
where the database keeps the rules of then, shows the advice under them (AppTest)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import golden_answers

from storage.database import URL_VARIABLE, open_database
from storage.snapshots import keep_snapshot

SQUARE = {k: ",".join(v) if isinstance(v, list) else v for k, v in golden_answers("04").items() if v != "onbekend"}


@pytest.fixture
def db(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'links.db'}"
    monkeypatch.setenv(URL_VARIABLE, url)
    database = open_database(url)
    yield database
    database.dispose()


def warnings(at) -> list[str]:
    return [w.value for w in at.warning]


def test_the_link_carries_the_rules_fingerprint(open_app, bundled, db):
    at = open_app("advies", **SQUARE)
    assert at.query_params["regels"] == bundled["voorbeeldgemeente"].content_hash[:12]
    assert not any(w.startswith("Deze link is gemaakt met andere regels") for w in warnings(at))


def test_a_link_under_unknown_rules_says_the_advice_follows_todays(open_app, bundled, db):
    at = open_app("advies", regels="0123456789ab", **SQUARE)
    now = bundled["voorbeeldgemeente"].content_hash[:12]
    assert (f"Deze link is gemaakt met andere regels dan die van nu (kenmerk 0123456789ab; nu {now})."
            in " ".join(warnings(at)))
    assert "De regels van toen zijn hier niet bewaard." in " ".join(c.value for c in at.caption)
    at.run()  # the notice stays for the visit, though the link now carries today's fingerprint
    assert any(w.startswith("Deze link is gemaakt met andere regels") for w in warnings(at))


def test_a_link_under_rules_kept_in_the_register_shows_the_advice_of_then(open_app, bundled, db):
    today = bundled["voorbeeldgemeente"]
    then = today.model_copy(update={"version": "1.9.0", "content_hash": "abcdef012345" + "0" * 52})
    with db.transaction() as conn:
        keep_snapshot(conn, then, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    at = open_app("advies", regels="abcdef012345", **SQUARE)
    [old] = [e for e in at.expander if e.label == "Het advies onder de regels van toen (versie 1.9.0)"]
    text = "\n".join(x.value for x in old.text)
    assert "Regels: Voorbeeldgemeente (versie 1.9.0" in text and "advies" in text.lower()  # computed under then


def test_a_malformed_fingerprint_is_ignored(open_app, db):
    at = open_app("advies", regels="<script>", **SQUARE)
    assert not any(w.startswith("Deze link is gemaakt met andere regels") for w in warnings(at))

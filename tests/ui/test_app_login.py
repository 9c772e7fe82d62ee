"""The app's frame on a shared installation (LADDER_AUTH=oidc): a visitor who is not logged in gets only the login
page and the working group; wrong or missing login settings close the app instead of opening it to everyone.
The login itself, through a real provider, is tested in the browser (tests/browser/test_login.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
AUTH = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "x" * 32, "client_id": "ladder",
        "client_secret": "geheim", "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}


def _open(page: str | None = None, auth: dict | None = AUTH) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if auth is not None:
        at.secrets["auth"] = auth
    if page is not None:
        at.switch_page(page)
    return at.run()


def test_a_visitor_gets_the_login_page_first(monkeypatch):
    monkeypatch.setenv("LADDER_AUTH", "oidc")
    at = _open()
    assert not at.exception
    assert at.title[0].value == "Inloggen"
    assert [b.label for b in at.button] == ["Inloggen"]
    assert at.selectbox.len == 0  # no municipality to choose: there is nothing to advise on yet


def test_the_working_group_is_open_for_joining_only(monkeypatch):
    monkeypatch.setenv("LADDER_AUTH", "oidc")
    at = _open("ui/pages/werkgroep.py")
    assert not at.exception
    assert [tab.label for tab in at.tabs] == ["Meedoen", "Terugkomen"]


@pytest.mark.parametrize(("env", "auth", "shown"), [
    ({"LADDER_AUTH": "oidc"}, None, "deel [auth] ontbreekt in secrets.toml"),
    ({"LADDER_AUTH": "open"}, AUTH, "De instelling LADDER_AUTH is 'open'"),
])
def test_wrong_login_settings_close_the_app(monkeypatch, env, auth, shown):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    at = _open(auth=auth)
    assert not at.exception
    assert shown in at.error[0].value
    assert at.title.len == 0 and at.button.len == 0  # no page ran

"""A shared installation with login: a real OpenID Connect provider (oidc-provider-mock) on this machine, the app
with LADDER_AUTH=oidc, and a browser going through Streamlit's st.login as a person would. Nothing is patched.

- A visitor who is not logged in sees only the login page, the working group's join page and the network's pages for
  an initiative (no profile or requests of an expert), whatever URL they type.
- A medewerker sees their own municipality's register entries only, and cannot export, delete, remove a contact
  person or read the log.
- A beheerder can export; the audit log names the account by its subject id, never by name.
- An account without a role sees where to ask for one; logging out brings the login page back.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from browser.harness import (
    TIMEOUT_MS,
    AppServer,
    check_axe,
    free_port,
    log_in,
    new_context,
    open_page,
    running_app,
)
from ladder.engine.advisor import advise
from ladder.rules.model import RuleSet
from storage.database import open_database
from storage.register import NewEntry, save_entry

OWN = "voorbeeldgemeente"
OTHER = "leusden"
ACCOUNTS = {
    "medewerker": {"sub": "mw-7f3a", "name": "Mira Medewerker", "roles": ["medewerker"], "organisation": OWN},
    "beheerder": {"sub": "bh-21c9", "name": "Bert Beheerder", "roles": ["beheerder"], "organisation": OWN},
    "zonder_rol": {"sub": "nr-0001", "name": "Nora Nieuw"},
}
OWN_PROJECT = "Herinrichting Marktplein"
OTHER_PROJECT = "Dorpshuis Achterveld"
DELETE = "Project verwijderen"


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """oidc-provider-mock on a free port, with the three accounts above as one-click users; yields its URL."""
    port = free_port()
    command = ["setpriv", "--pdeathsig", "TERM", sys.executable, "-m", "oidc_provider_mock", "--port", str(port),
               *[arg for claims in ACCOUNTS.values() for arg in ("--user-claims", json.dumps(claims))]]
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_for(f"{url}/.well-known/openid-configuration", server, log)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=10)


def _wait_for(url: str, server: subprocess.Popen[bytes], log) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if server.poll() is not None:
                break
            time.sleep(0.2)
    log.seek(0)
    raise RuntimeError(f"the OpenID Connect provider did not start:\n{log.read().decode(errors='replace')}")


@pytest.fixture(scope="module")
def shared_app(provider: str, bundled: dict[str, RuleSet], tmp_path_factory) -> Iterator[AppServer]:
    """The app as a shared installation: login with the provider, a register with one entry of the own
    municipality and one of another."""
    here = tmp_path_factory.mktemp("login")
    url = f"sqlite:///{here / 'ladder.db'}"
    db = open_database(url)
    for project, municipality in ((OWN_PROJECT, OWN), (OTHER_PROJECT, OTHER)):
        advice = advise(bundled[municipality], {})
        save_entry(db, NewEntry(project, dt.date(2026, 11, 2), advice.recommended, contact_person="Team participatie"),
                   advice, bundled[municipality])
    db.dispose()
    port = free_port()
    secrets_file = here / "secrets.toml"
    secrets_file.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{secrets.token_hex(32)}"\n'
        'client_id = "participatieladder"\n'
        'client_secret = "alleen-voor-deze-test"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n', encoding="utf-8")
    env = {"LADDER_AUTH": "oidc", "LADDER_DATABASE_URL": url}
    with running_app(port=port, env=env, args=("--secrets.files", str(secrets_file))) as server:
        yield server


@pytest.fixture
def visitor(browser: Browser) -> Iterator[Page]:
    """A new browser context: no login cookie, as a new visitor."""
    context = new_context(browser)
    page = context.new_page()
    yield page
    context.close()


def _nav(page: Page) -> list[str]:
    return [text.strip() for text in page.locator("[data-testid='stTopNavLink']").all_inner_texts()]


def _log_in(page: Page, app: AppServer, account: str) -> None:
    log_in(page, app.url, str(ACCOUNTS[account]["sub"]))


def test_a_visitor_who_is_not_logged_in_sees_only_login_the_working_group_and_the_network(shared_app: AppServer,
                                                                                         visitor: Page) -> None:
    open_page(visitor, shared_app.url, "")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Inloggen")
    assert _nav(visitor) == ["Inloggen", "Werkgroep", "Netwerk"]
    check_axe(visitor)
    for typed in ("register", "advies", "portfolio"):
        open_page(visitor, shared_app.url, typed)
        expect(visitor.get_by_role("heading", level=1)).to_have_text("Inloggen")
        assert OWN_PROJECT not in visitor.content()
    open_page(visitor, shared_app.url, "werkgroep")
    expect(visitor.get_by_role("tab", name="Meedoen")).to_be_visible()
    assert visitor.get_by_role("tab", name="Nieuwe sessie").count() == 0
    assert visitor.get_by_role("tab", name="Sessie begeleiden").count() == 0
    open_page(visitor, shared_app.url, "netwerk")  # an initiative registers without an account
    expect(visitor.get_by_role("tab", name="Hulp zoeken")).to_be_visible()
    assert visitor.get_by_role("tab", name="Mijn profiel").count() == 0
    assert visitor.get_by_role("tab", name="Verzoeken aan mij").count() == 0


def test_a_medewerker_sees_only_their_own_municipalitys_register(shared_app: AppServer, visitor: Page) -> None:
    _log_in(visitor, shared_app, "medewerker")
    expect(visitor.get_by_text("Ingelogd als Mira Medewerker. Rol: medewerker.")).to_be_visible()
    assert "Register" in _nav(visitor) and "Inloggen" not in _nav(visitor)
    open_page(visitor, shared_app.url, "register")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Register")
    expect(visitor.get_by_text("1 van 1 bewaarde adviezen.")).to_be_visible()
    # The list opens from the keyboard: a click near the bottom of the page only gave the box the focus
    choose = visitor.get_by_role("combobox", name="Kies een project")
    choose.click()
    choose.press("ArrowDown")
    expect(visitor.get_by_role("option")).to_have_count(1)
    expect(visitor.get_by_role("option")).to_contain_text(OWN_PROJECT)
    visitor.keyboard.press("Enter")
    expect(visitor.get_by_role("heading", name=OWN_PROJECT)).to_be_visible()
    assert visitor.get_by_text(DELETE).count() == 0
    expect(visitor.get_by_text("Alleen een beheerder kan het register downloaden")).to_be_visible()
    assert visitor.get_by_role("button", name="Download als CSV").count() == 0
    assert visitor.get_by_text("Logboek", exact=True).count() == 0
    assert visitor.get_by_text("Contactpersoon verwijderen op verzoek").count() == 0


def test_a_beheerder_exports_and_the_log_names_the_account_not_the_person(shared_app: AppServer,
                                                                          visitor: Page) -> None:
    _log_in(visitor, shared_app, "beheerder")
    open_page(visitor, shared_app.url, "register")
    with visitor.expect_download():
        visitor.get_by_role("button", name="Download als CSV").click()
    open_page(visitor, shared_app.url, "register")  # the log is read when the page runs
    visitor.get_by_text("Logboek", exact=True).click()
    log = visitor.locator("[data-testid='stExpander']").filter(has=visitor.locator("summary", has_text="Logboek"))
    # st.dataframe draws on a canvas; its cells are in the grid's accessible table, which screen readers use
    expect(log.locator("[role='gridcell']", has_text="Account bh-21c9").first).to_be_attached()
    assert "Bert Beheerder" not in (log.text_content() or "")


def test_an_account_without_a_role_is_told_whom_to_ask_and_can_log_out(shared_app: AppServer, visitor: Page) -> None:
    _log_in(visitor, shared_app, "zonder_rol")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Uw account heeft nog geen rol")
    assert _nav(visitor) == ["Uw account", "Werkgroep", "Netwerk"]
    open_page(visitor, shared_app.url, "register")
    assert OWN_PROJECT not in visitor.content()
    open_page(visitor, shared_app.url, "")  # a page that does not exist for them put Streamlit's dialog on top
    visitor.get_by_role("button", name="Uitloggen").click()
    # Streamlit ends the session at the provider too (OpenID Connect RP-initiated logout), which asks to confirm
    visitor.get_by_role("button", name="End session").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Inloggen", timeout=TIMEOUT_MS)

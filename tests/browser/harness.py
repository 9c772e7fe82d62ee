"""Drive the real app in a real browser: start the Streamlit server, launch Debian's chromium, open pages.

Shared by the end-to-end tests (tests/browser) and scripts/screenshots.py, so both see the app the same way.
Playwright never downloads a browser here: it drives /usr/bin/chromium (scripts/install-system-packages.sh).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
# Page name -> URL path. Streamlit serves the default page (Start) at the root: /start shows "Page not found".
PAGES = {"start": "", "advies": "advies", "de_ladder": "de_ladder", "regels": "regels", "werkgroep": "werkgroep",
         "register": "register", "plan": "plan", "vergelijken": "vergelijken", "portfolio": "portfolio",
         "netwerk": "netwerk"}
CHROMIUM = Path("/usr/bin/chromium")
# Headless as root on a machine without a network: the background services would only time out or be refused.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
VIEWPORT: ViewportSize = {"width": 1280, "height": 800}
# Streamlit's own e2e tests wait for this: its root element goes from "initial" via "running" to "notRunning".
APP_IDLE = ("[data-testid='stApp'][data-test-connection-state='CONNECTED']"
            "[data-test-script-state='notRunning']")
# Streamlit's box for an uncaught exception in the page's script
APP_ERROR = "[data-testid='stException']"
# Widgets fetch their code on first use and show a grey placeholder until it arrives, after the script has finished
STILL_LOADING = "[data-testid^='stSkeleton'], [data-testid='stAppSkeleton']"
# A rerun starts a moment after the click that asks for it, and the app looks idle until then: so watch for it
WATCH_RERUN = """() => {
    window.__ladderRerun = false;
    const app = document.querySelector("[data-testid='stApp']");
    const observer = new MutationObserver(() => {
        if (app.dataset.testScriptState === 'running') { window.__ladderRerun = true; observer.disconnect(); }
    });
    observer.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""
TIMEOUT_MS = 30_000
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}
# Violations that come from Streamlit's own frame, not from our content, and cannot be fixed from the app:
# (axe rule id, text in the node's HTML or selector, e.g. a data-testid) -> why it is accepted. Keep it as small as
# possible; mark nodes by data-testid, since Streamlit's generated class names change between versions.
AXE_ALLOWED: dict[tuple[str, str], str] = {}


class BrowserMissing(RuntimeError):
    """Debian's chromium is not installed; the message says how to install it."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
            return response.read().strip() == b"ok"
    except (urllib.error.URLError, OSError):
        return False


@dataclass(frozen=True)
class AppServer:
    url: str
    log_path: Path

    def output(self) -> str:
        """What the server printed so far: a page's error shows only its type, the traceback is here."""
        return self.log_path.read_text(errors="replace")


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _wait_until_healthy(server: subprocess.Popen[bytes], app: AppServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not _healthy(app.url):
        if server.poll() is not None:
            raise RuntimeError(f"The Streamlit server exited with {server.returncode}. Its output:\n{app.output()}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"The Streamlit server was not healthy after {timeout:.0f} s. Its output:\n{app.output()}")
        time.sleep(0.2)


@contextmanager
def running_app(startup_timeout: float = 60, *, port: int | None = None, env: dict[str, str] | None = None,
                args: tuple[str, ...] = ()) -> Iterator[AppServer]:
    """Serve app.py on a free port (or `port`) until the block ends (also on failure); yields its URL and output.
    `env` adds to the server's environment (it may name its own LADDER_DATABASE_URL); `args` to its command line."""
    port = port or free_port()
    # setpriv (util-linux, on every Debian): a killed test run (a CI timeout) skips every teardown, so the kernel
    # stops the server when this process dies
    command = ["setpriv", "--pdeathsig", "TERM", sys.executable, "-m", "streamlit", "run", "app.py",
               "--server.headless", "true", "--server.port", str(port), "--browser.gatherUsageStats", "false",
               "--server.fileWatcherType", "none", *args]
    with tempfile.TemporaryDirectory(prefix="ladder-app-") as tmp:
        app = AppServer(url=f"http://127.0.0.1:{port}", log_path=Path(tmp) / "streamlit.log")
        # A file, not a pipe: nobody reads the output while the tests run, and a full pipe would block the server
        with app.log_path.open("ab") as log:
            # Its own empty database: a test never touches data/ladder.db, and never sees another run's sessions
            environment = {**os.environ, "LADDER_DATABASE_URL": f"sqlite:///{Path(tmp) / 'ladder.db'}", **(env or {})}
            server = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=environment)
        try:
            _wait_until_healthy(server, app, startup_timeout)
            yield app
        finally:
            _stop(server)


def missing_browser() -> str | None:
    """Why the browser cannot start, or None when it can."""
    if CHROMIUM.exists():
        return None
    return (f"{CHROMIUM} is missing: run `bash scripts/install-system-packages.sh` (scripts/run-tests.sh does so); "
            "never `playwright install`.")


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's chromium, headless; raises BrowserMissing when it is not installed."""
    if problem := missing_browser():
        raise BrowserMissing(problem)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_context(browser: Browser, ignore_https_errors: bool = False) -> BrowserContext:
    """A browser context whose pages are 1280x800. Each page (tab) is its own Streamlit session, as a new visitor's
    would be; sharing one context between them keeps the app's scripts cached, which makes opening a page faster.
    ignore_https_errors: for the shared installation's self-signed certificate."""
    context = browser.new_context(viewport=VIEWPORT, ignore_https_errors=ignore_https_errors)
    context.set_default_timeout(TIMEOUT_MS)
    return context


def wait_for_app(page: Page) -> None:
    """Wait until the app is connected, its script has finished running and every element is drawn."""
    page.locator(APP_IDLE).wait_for(state="attached")
    page.wait_for_function("selector => !document.querySelector(selector)", arg=STILL_LOADING)


def open_page(page: Page, base_url: str, path: str, **query: str) -> None:
    """Go to one page of the app, as a link with these query parameters would (commas kept: `fase=a,b`)."""
    url = f"{base_url}/{path}" + (f"?{urlencode(query, safe=',')}" if query else "")
    page.goto(url)
    wait_for_app(page)


def log_in(page: Page, base_url: str, subject: str) -> None:
    """Log in as a person would on a shared installation: the app's login button, then, on the test provider's
    own page (oidc-provider-mock), the button of the account `subject`; back in the app when it is idle."""
    open_page(page, base_url, "")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("button", name=subject, exact=True).click()
    page.wait_for_url(f"{base_url}/**", timeout=TIMEOUT_MS)
    page.wait_for_selector(APP_IDLE, timeout=TIMEOUT_MS)
    wait_for_app(page)


@contextmanager
def expect_rerun(page: Page) -> Iterator[None]:
    """Around an interaction that reruns the script (a widget's change, a button): returns once the rerun is done."""
    wait_for_app(page)  # an earlier rerun still under way must not count as this one
    page.evaluate(WATCH_RERUN)
    yield
    page.wait_for_function("() => window.__ladderRerun")
    wait_for_app(page)


def open_options(page: Page, label: str) -> None:
    """Open the list of the st.selectbox or st.multiselect labelled `label`, without waiting for a rerun (inside a
    form nothing reruns). A click sometimes only focuses the box; the arrow key then opens the list."""
    page.get_by_role("combobox", name=label).click()
    page.wait_for_timeout(300)
    if not page.get_by_role("option").count():
        page.keyboard.press("ArrowDown")


def select_option(page: Page, question_label: str, option_label: str) -> None:
    """Choose an option in the st.selectbox labelled question_label (for a multiselect: add one option)."""
    with expect_rerun(page):
        page.get_by_role("combobox", name=question_label).click()
        page.get_by_role("option", name=option_label, exact=True).click()
    # A multiselect keeps its list open for the next choice, and the open list hides the rest of the page from roles
    page.keyboard.press("Escape")


def download(page: Page, button_label: str) -> tuple[str, bytes]:
    """Click a visible st.download_button (open its tab first); returns the file's suggested name and content."""
    with page.expect_download() as info:
        page.get_by_role("button", name=button_label).click()
    file = info.value
    return file.suggested_filename, Path(file.path()).read_bytes()


def _allowed(violation: dict, node: dict) -> bool:
    where = " ".join([node["html"], *node["target"]])
    return any(rule == violation["id"] and marker in where for rule, marker in AXE_ALLOWED)


def _report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} [{violation['helpUrl']}]")
        lines.extend(f"    {', '.join(node['target'])}: {node['failureSummary']}" for node in violation["nodes"])
    return "\n".join(lines)


def check_axe(page: Page) -> None:
    """axe-core's WCAG 2.1 A and AA rules on the page as it is now; fails with every violation found."""
    found = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    violations = [{**v, "nodes": [n for n in v["nodes"] if not _allowed(v, n)]} for v in found]
    violations = [v for v in violations if v["nodes"]]
    assert not violations, f"axe-core found WCAG 2.1 A/AA violations:\n{_report(violations)}"

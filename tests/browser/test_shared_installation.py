"""The shared installation of scripts/run-shared.sh in a real browser: https through nginx, two app processes, one
PostgreSQL.

One command starts it all; the browser opens the https address (the certificate is the self-signed one the script
made), sees the Start page, and two browsers are served by different app processes while a working group made in
one is joined from the other: they meet only in PostgreSQL. The facilitator logs in through the script's demo
OpenID Connect provider; the member joins by code without an account. Which process serves a browser follows from the
proxy's routing cookie (ladder_route, hashed by nginx); the proxy names the process in an X-Upstream header.
Skipped, with the reason, when nginx, openssl or a PostgreSQL server is not there (scripts/run-tests.sh installs
and starts them).
"""

from __future__ import annotations

import os
import shutil
import signal
import ssl
import subprocess
import tempfile
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from playwright.sync_api import Browser, expect

from browser.harness import ROOT, free_port, log_in, new_context, open_page
from browser.test_working_group import _join_and_submit, _start_session

SCRIPT = ROOT / "scripts" / "run-shared.sh"
POSTGRES_URL = os.environ.get("LADDER_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
STARTUP_TIMEOUT_S = 90  # two Streamlit processes and nginx on a busy 2-core machine; about 3 s when idle
AUTO_REFRESH_WAIT_MS = 20_000  # the facilitator's overview polls the database every 5 s


def _missing() -> str | None:
    """Why the shared installation cannot start here, or None."""
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        return "nginx is not installed: run `bash scripts/install-system-packages.sh shared` (Debian's nginx)"
    if not shutil.which("openssl"):
        return "openssl is not installed: run `bash scripts/install-system-packages.sh shared`"
    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=3).close()
    except psycopg.Error as exc:
        return (f"no PostgreSQL server answers at {POSTGRES_URL} ({type(exc).__name__}): run "
                "`bash scripts/ensure-postgres.sh` or set LADDER_TEST_POSTGRES_URL")
    return None


@dataclass(frozen=True)
class Installation:
    url: str  # https://localhost:PORT, no slash at the end
    app_ports: tuple[int, int]
    runtime: Path

    def access_log(self) -> str:
        return (self.runtime / "logs" / "nginx-access.log").read_text()


def _insecure() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the installation's own self-signed certificate
    return context


def _get(url: str, cookie: str | None = None) -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, context=_insecure(), timeout=10) as response:
        return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read().decode()


def _wait_for_ready(process: subprocess.Popen[str], timeout: float) -> str:
    """The URL from the script's "ready: URL" line; fails with the script's output if it does not come."""
    found: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("ready: "):
                found.append(line.removeprefix("ready: ").strip())
                return

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout)
    if not found:
        raise RuntimeError(f"run-shared.sh said no 'ready' within {timeout:.0f} s (exit code {process.poll()})")
    return found[0]


@pytest.fixture(scope="module")
def installation() -> Iterator[Installation]:
    if problem := _missing():
        pytest.skip(problem)
    database = f"ladder_shared_{uuid.uuid4().hex[:12]}"  # its own empty database, dropped at the end
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{database}"')
    database_url = POSTGRES_URL.rsplit("/", 1)[0] + f"/{database}"
    https_port, app_ports, login_port = free_port(), (free_port(), free_port()), free_port()
    with tempfile.TemporaryDirectory(prefix="ladder-shared-") as tmp:
        runtime = Path(tmp) / "runtime"
        env = {**os.environ, "LADDER_DATABASE_URL": database_url, "LADDER_RUNTIME_DIR": str(runtime),
               "LADDER_HTTPS_PORT": str(https_port), "LADDER_APP_PORTS": " ".join(map(str, app_ports)),
               "LADDER_STARTUP_TIMEOUT": str(STARTUP_TIMEOUT_S), "LADDER_DEMO_OIDC_PORT": str(login_port)}
        errors = (Path(tmp) / "run-shared.err").open("w")
        # setpriv --pdeathsig: a killed test run (a CI timeout) skips every teardown; the script then still stops
        process = subprocess.Popen(["setpriv", "--pdeathsig", "TERM", "bash", str(SCRIPT)], cwd=ROOT, env=env,
                                   stdout=subprocess.PIPE, stderr=errors, text=True)
        try:
            try:
                url = _wait_for_ready(process, STARTUP_TIMEOUT_S + 10)
            except RuntimeError as exc:
                errors.flush()
                raise RuntimeError(f"{exc}. Its output:\n{(Path(tmp) / 'run-shared.err').read_text()}") from None
            assert url == f"https://localhost:{https_port}/"
            yield Installation(url.rstrip("/"), app_ports, runtime)
        finally:
            process.send_signal(signal.SIGINT)  # as Ctrl-C: the script stops what it started
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
            subprocess.run(["bash", str(SCRIPT), "stop"], cwd=ROOT, env=env, check=False, capture_output=True)
            errors.close()
            with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def _routes_to_each_process(installation: Installation) -> dict[str, str]:
    """A routing-cookie value per app process ("127.0.0.1:PORT" -> value), found by asking the proxy: nginx's
    consistent hash of the value decides, and the same value always lands on the same process."""
    routes: dict[str, str] = {}
    for n in range(64):  # with two processes, 64 misses in a row would happen once in 2**63 runs
        value = f"test-route-{n}"
        _, headers, _ = _get(f"{installation.url}/_stcore/health", cookie=f"ladder_route={value}")
        routes.setdefault(headers["x-upstream"], value)
        if len(routes) == 2:
            break
    return routes


def test_the_proxy_serves_security_txt(installation: Installation) -> None:
    status, headers, body = _get(f"{installation.url}/.well-known/security.txt")
    assert status == 200 and headers["content-type"].startswith("text/plain")
    fields = dict(line.split(": ", 1) for line in body.splitlines() if line and not line.startswith("#"))
    assert fields["Contact"].startswith(("mailto:", "https://"))
    assert fields["Preferred-Languages"] == "nl, en"
    assert fields["Canonical"] == f"{installation.url}/.well-known/security.txt"
    expires = time.mktime(time.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ"))
    assert time.time() < expires < time.time() + 366 * 24 * 3600  # RFC 9116: less than a year ahead


def test_a_new_browser_gets_a_routing_cookie_and_keeps_its_process(installation: Installation) -> None:
    _, first, _ = _get(f"{installation.url}/")
    cookie = first["set-cookie"].split(";", 1)[0]
    assert cookie.startswith("ladder_route=") and "Secure" in first["set-cookie"] and "HttpOnly" in first["set-cookie"]
    for _ in range(5):
        _, again, _ = _get(f"{installation.url}/", cookie=cookie)
        assert again["x-upstream"] == first["x-upstream"] and "set-cookie" not in again


def test_two_browsers_on_two_processes_share_one_working_group(browser: Browser, installation: Installation) -> None:
    routes = _routes_to_each_process(installation)
    assert sorted(routes) == sorted(f"127.0.0.1:{port}" for port in installation.app_ports)
    (facilitator_process, facilitator_route), (member_process, member_route) = sorted(routes.items())
    facilitator_context = new_context(browser, ignore_https_errors=True)
    member_context = new_context(browser, ignore_https_errors=True)
    try:
        facilitator_context.add_cookies([{"name": "ladder_route", "value": facilitator_route,
                                          "url": installation.url}])
        member_context.add_cookies([{"name": "ladder_route", "value": member_route, "url": installation.url}])

        facilitator = facilitator_context.new_page()
        response = facilitator.goto(f"{installation.url}/")
        assert response is not None and response.headers["x-upstream"] == facilitator_process
        # Not logged in: the login page; through the demo provider, the begeleider's Start page
        open_page(facilitator, installation.url, "")
        expect(facilitator.get_by_role("heading", name="Inloggen", level=1)).to_be_visible()
        log_in(facilitator, installation.url, "demo-begeleider")
        expect(facilitator.get_by_role("heading", name="Start", level=1)).to_be_visible()

        join_code = _start_session(facilitator, installation.url)
        member = member_context.new_page()
        response = member.goto(f"{installation.url}/werkgroep")
        assert response is not None and response.headers["x-upstream"] == member_process
        _join_and_submit(member, installation.url, join_code)
        # The other process wrote it; this one reads it from the shared database
        expect(facilitator.get_by_text("1 van de 1 deelnemers hebben hun antwoorden ingestuurd")).to_be_visible(
            timeout=AUTO_REFRESH_WAIT_MS)

        # An upload passes the proxy too (Streamlit's XSRF check behind the proxy's Host and Origin, and nginx's
        # body limit and streaming): a municipality's rule file is checked on the Regels page, which needs a login
        # (the member joined without one)
        log_in(member, installation.url, "demo-medewerker")
        open_page(member, installation.url, "regels")
        member.get_by_role("tab", name="Regels controleren").click()
        member.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
            str(ROOT / "municipalities" / "voorbeeldgemeente.yaml"))
        expect(member.get_by_text("Uitkomst voor het bestand voorbeeldgemeente.yaml")).to_be_visible()
        expect(member.get_by_text("In orde: deze regels kunnen worden gebruikt.")).to_be_visible()
    finally:
        facilitator_context.close()
        member_context.close()
    # The websockets, where Streamlit keeps each session: nginx logs one when it closes, with the process it used
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        streams = {line.split("upstream=")[1].split()[0] for line in installation.access_log().splitlines()
                   if '"GET /_stcore/stream"' in line and " 101 " in line}
        if streams >= {facilitator_process, member_process}:
            break
        time.sleep(0.2)
    assert streams >= {facilitator_process, member_process}
    uploads = [line for line in installation.access_log().splitlines() if "/_stcore/upload_file/" in line]
    assert uploads and all(line.split()[1].startswith("2") and f"upstream={member_process} " in line for line in uploads), uploads

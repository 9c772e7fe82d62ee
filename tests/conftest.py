"""Shared fixtures: the bundled rule sets (loaded once) and helpers to write rule files in tmp_path."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from golden.cases import CASES, golden_answers, not_yet_agreed  # noqa: F401 (shared with the tests that import them from here)

from ladder.rules.loading import load_rule_set
from ladder.rules.model import RuleSet
from ladder.rules.sources import RuleSources

TESTS = Path(__file__).parent
ROOT = TESTS.parent
BUNDLED = RuleSources.bundled()


@pytest.fixture(scope="session")
def base() -> RuleSet:
    return load_rule_set(ROOT / "rules" / "base.yaml")


@pytest.fixture(scope="session")
def bundled() -> dict[str, RuleSet]:
    return {m: BUNDLED.load(m) for m in BUNDLED.ids()}


@pytest.fixture(scope="session")
def rules(bundled: dict[str, RuleSet]) -> RuleSet:
    """The rule set a test uses when any bundled one will do: Voorbeeldgemeente."""
    return bundled["voorbeeldgemeente"]


@pytest.fixture
def write_rules(tmp_path: Path):
    """Write a rule file into tmp_path (extends resolves to the bundled rules/ and municipalities/)."""

    def write(text: str, name: str = "proef.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def open_app():
    """Open the app on one page, as a visitor following a link with these query parameters would.

    The app finds its rule sets in `sources` when given (see bundle_municipality), else in the bundled folders.
    """
    from streamlit.testing.v1 import AppTest

    from ui.state import SOURCES_KEY

    def open_page(page: str = "start", sources: RuleSources | None = None, **query: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        if sources is not None:
            at.session_state[SOURCES_KEY] = sources
        for key, value in query.items():
            # a list would become repeated keys, of which the page reads one: join answers as a link does
            assert isinstance(value, str), f"query parameter {key!r}: give a string (ui.share_link.answers_to_params)"
            at.query_params[key] = value
        if page != "start":
            at.switch_page(f"ui/pages/{page}.py")  # url_path equals the file name, so this works before a run
        at.run()
        assert not at.exception, at.exception
        return at

    return open_page


@pytest.fixture
def bundle_municipality(tmp_path: Path) -> Callable[[str], RuleSources]:
    """Rule sources like the bundled ones, with one extra municipality, 'proefgemeente', written from `text`
    into a copy of the municipalities folder (writing it again replaces it)."""

    def bundle(text: str) -> RuleSources:
        folder = tmp_path / "municipalities"
        shutil.copytree(BUNDLED.municipalities_dir, folder, dirs_exist_ok=True)
        (folder / "proefgemeente.yaml").write_text(text, encoding="utf-8")
        return dataclasses.replace(BUNDLED, municipalities_dir=folder)

    return bundle


# --- Storage: every storage test runs on SQLite and on PostgreSQL -----------------------------------------------
# PostgreSQL comes from LADDER_TEST_POSTGRES_URL (scripts/run-tests.sh makes sure a server answers and sets it).
# Each test run gets its own fresh PostgreSQL database, dropped at the end; each test starts with empty tables.

POSTGRES_VARIABLE = "LADDER_TEST_POSTGRES_URL"


@pytest.fixture(autouse=True)
def _own_database_file(monkeypatch, tmp_path_factory) -> None:
    """No test touches data/ladder.db: whatever opens 'the' database gets a fresh SQLite file of its own."""
    path = tmp_path_factory.mktemp("db") / "ladder.db"
    monkeypatch.setenv("LADDER_DATABASE_URL", f"sqlite:///{path}")
DATABASES = ("sqlite", pytest.param("postgresql", marks=pytest.mark.postgres))


@pytest.fixture(scope="session")
def postgres_url():
    """The URL of a fresh, empty PostgreSQL database for this test run (skips when none is configured)."""
    import os
    import uuid

    import sqlalchemy as sa

    server = os.environ.get(POSTGRES_VARIABLE)
    if not server:
        pytest.skip(f"{POSTGRES_VARIABLE} is not set; scripts/run-tests.sh sets it (see README)")
    url = sa.engine.make_url(server).set(drivername="postgresql+psycopg")
    name = f"ladder_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(params=DATABASES)
def database_url(request, tmp_path: Path) -> str:
    """A database URL to open, empty of rows: a new SQLite file, or the run's PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ladder.db'}"
    url = request.getfixturevalue("postgres_url")
    _empty_tables(url)
    return url


@pytest.fixture
def database(database_url: str):
    """An open, migrated database (SQLite or PostgreSQL); closed after the test."""
    from storage.database import open_database

    db = open_database(database_url)
    yield db
    db.dispose()


def _empty_tables(url: str) -> None:
    import sqlalchemy as sa

    from storage.tables import metadata

    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            if sa.inspect(conn).has_table("group_sessions"):
                for table in reversed(metadata.sorted_tables):
                    conn.execute(table.delete())
    finally:
        engine.dispose()


# --- Time: storage.clock, replaced so a test moves time on instead of sleeping --------------------------------


@dataclasses.dataclass
class FakeClock:
    moment: dt.datetime

    def now(self) -> dt.datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += dt.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> FakeClock:
    """storage.clock.now() reads this clock, which starts at 4 December 2026, 12:00 UTC and moves only when told."""
    from storage import clock as storage_clock

    fake = FakeClock(dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC))
    monkeypatch.setattr(storage_clock, "now", fake.now)
    return fake

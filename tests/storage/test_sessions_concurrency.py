"""Twenty members saving at the same moment, two hundred times each: nothing lost, nothing doubled.

Once with threads sharing one Database (as the app's visitors share its one engine), once with separate
processes that each open their own Database from the URL (as several app servers would). On SQLite and
on PostgreSQL. Every save writes answers no other save writes, so the end state proves which save won.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa

from ladder.analysis.group import ROLES
from ladder.rules.model import RuleSet
from ladder.rules.sources import RuleSources
from storage.database import Database, Limits, open_database
from storage.errors import StorageError
from storage.sessions import close_session, create_session, facilitator_view, join_session, save_answers
from storage.tables import group_members

MEMBERS = 20
ROUNDS = 200
MUNICIPALITY = "voorbeeldgemeente"
WAIT_SECONDS = 600  # a generous limit for a stuck worker; the test never measures time


@pytest.fixture
def patient(database_url):
    """The database with a pool timeout as long as the test waits (see _with_threads)."""
    db = open_database(database_url, Limits(pool_timeout_seconds=WAIT_SECONDS))
    yield db
    db.dispose()


def answers_for(rule_set: RuleSet, member: int, round_: int) -> dict[str, tuple[str, ...]]:
    """A different set of answers for every member and round: the number member*ROUNDS+round in mixed radix."""
    number = member * ROUNDS + round_
    answers = {}
    for trait in rule_set.traits:
        if trait.multiple:
            continue
        number, digit = divmod(number, len(trait.option_ids()))
        answers[trait.id] = (trait.option_ids()[digit],)
    assert number == 0, "the questions must hold every combination"
    return answers


def _member_saves(db: Database, rule_set: RuleSet, join_code: str, member: int, start: Callable[[], object]) -> tuple[str, int]:
    """Join, wait for everyone, then save ROUNDS times (the last one submits). Returns the code and the saves confirmed."""
    start()
    joined = join_session(db, join_code, f"Lid {member:02d}", ROLES[member % len(ROLES)])
    start()
    confirmed = 0
    for round_ in range(ROUNDS):
        answers = answers_for(rule_set, member, round_)
        saved = save_answers(db, joined.member_code, answers, rule_set, submit=round_ == ROUNDS - 1)
        assert saved.answers == answers  # read back in the same transaction: exactly what this member wrote
        confirmed += 1
    return joined.member_code, confirmed


def _in_process(url: str, join_code: str, member: int, barrier, results) -> None:
    db = open_database(url)
    try:
        results.put((member, *_member_saves(db, RuleSources.bundled().load(MUNICIPALITY), join_code, member, barrier.wait)))
    except Exception as error:  # reported to the test, which fails with it
        results.put((member, repr(error), -1))
    finally:
        db.dispose()


def _with_threads(database: Database, url: str, rule_set: RuleSet, join_code: str) -> dict[int, int]:
    barrier = threading.Barrier(MEMBERS, timeout=WAIT_SECONDS)
    # More threads than the pool has connections, and the pool is not fair: a waiting thread may wait longer than
    # the app's pool timeout while the others keep saving. Waiting is not what this test is about.
    patient = open_database(url, Limits(pool_timeout_seconds=WAIT_SECONDS))
    try:
        with ThreadPoolExecutor(MEMBERS) as pool:
            futures = {m: pool.submit(_member_saves, patient, rule_set, join_code, m, barrier.wait)
                       for m in range(MEMBERS)}
            return {m: f.result(timeout=WAIT_SECONDS)[1] for m, f in futures.items()}
    finally:
        patient.dispose()


def _with_processes(database: Database, url: str, rule_set: RuleSet, join_code: str) -> dict[int, int]:
    context = multiprocessing.get_context("fork")  # each worker still opens its own Database
    barrier, results = context.Barrier(MEMBERS, timeout=WAIT_SECONDS), context.Queue()
    workers = [context.Process(target=_in_process, args=(url, join_code, m, barrier, results)) for m in range(MEMBERS)]
    for worker in workers:
        worker.start()
    reported = [results.get(timeout=WAIT_SECONDS) for _ in workers]
    for worker in workers:
        worker.join(WAIT_SECONDS)
    failures = [(m, code) for m, code, saves in reported if saves < 0]
    assert not failures, failures
    return {m: saves for m, _, saves in reported}


@pytest.mark.parametrize("run", [_with_threads, _with_processes], ids=["threads", "processes"])
@pytest.mark.slow
def test_twenty_members_saving_at_once_lose_and_duplicate_nothing(database, database_url, bundled, run):
    rule_set = bundled[MUNICIPALITY]
    created = create_session(database, "Drukte", "", rule_set)

    confirmed = run(database, database_url, rule_set, created.join_code)

    assert confirmed == {m: ROUNDS for m in range(MEMBERS)}
    members = facilitator_view(database, created.facilitator_code).members
    assert len(members) == MEMBERS
    by_name = {m.name: m for m in members}
    assert sorted(by_name) == [f"Lid {m:02d}" for m in range(MEMBERS)]
    for m in range(MEMBERS):
        member = by_name[f"Lid {m:02d}"]
        assert member.answers == answers_for(rule_set, m, ROUNDS - 1), member.name  # the last save won
        assert member.submitted and member.role == ROLES[m % len(ROLES)]
    with database.transaction() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(group_members)).scalar_one() == MEMBERS


@pytest.mark.slow
def test_closing_while_members_save_keeps_every_confirmed_save_and_refuses_the_rest(patient, bundled):
    database = patient
    rule_set = bundled[MUNICIPALITY]
    created = create_session(database, "Sluiten onder druk", "", rule_set)
    codes = [join_session(database, created.join_code, f"Lid {m:02d}", "inwoner").member_code for m in range(MEMBERS)]
    confirmed = threading.Semaphore(0)

    def save_until_closed(member: int) -> dict[str, tuple[str, ...]]:
        last: dict[str, tuple[str, ...]] = {}
        for round_ in range(ROUNDS):
            answers = answers_for(rule_set, member, round_)
            try:
                save_answers(database, codes[member], answers, rule_set)
            except StorageError as error:
                assert error.kind == "closed"
                return last
            last = answers
            confirmed.release()
        return last

    with ThreadPoolExecutor(MEMBERS) as pool:
        futures = [pool.submit(save_until_closed, m) for m in range(MEMBERS)]
        for _ in range(MEMBERS * ROUNDS // 4):  # close once a quarter of all saves has landed
            confirmed.acquire(timeout=WAIT_SECONDS)
        close_session(database, created.facilitator_code)
        last = [f.result(timeout=WAIT_SECONDS) for f in futures]

    members = facilitator_view(database, created.facilitator_code).members
    assert [m.answers for m in members] == last  # every confirmed save is there, and nothing after the close
    assert [a for m, a in enumerate(last) if a != answers_for(rule_set, m, ROUNDS - 1)]  # the close stopped someone


def test_twenty_people_joining_at_once_take_the_last_five_places_once(database, bundled):
    # The session row is locked exclusively while one person is counted and added: no sixth member slips in.
    created = create_session(database, "Vijf plaatsen", "", bundled[MUNICIPALITY], member_limit=5)
    barrier = threading.Barrier(MEMBERS, timeout=WAIT_SECONDS)

    def try_to_join(member: int) -> str:
        barrier.wait()
        try:
            join_session(database, created.join_code, f"Lid {member:02d}", "inwoner")
        except StorageError as error:
            return error.kind
        return "joined"

    with ThreadPoolExecutor(MEMBERS) as pool:
        outcomes = list(pool.map(try_to_join, range(MEMBERS), timeout=WAIT_SECONDS))
    assert sorted(outcomes) == ["full"] * (MEMBERS - 5) + ["joined"] * 5
    assert len(facilitator_view(database, created.facilitator_code).members) == 5

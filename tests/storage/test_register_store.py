"""The register's storage, on SQLite and on PostgreSQL: save, list, filter, search, evaluate, change, delete.

Every write is one transaction: what fails halfway leaves nothing behind, and saving at the same moment from many
threads loses and duplicates nothing (the rule-set snapshot is stored once per content hash).
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest
import sqlalchemy as sa
from conftest import golden_answers
from proef_rules import OPEN_PLAN

from ladder.engine.advisor import advise
from ladder.rules.model import VALUES
from storage.errors import StorageError
from storage.register import (
    NewEntry,
    NewEvaluation,
    RegisterFilter,
    add_evaluation,
    delete_entry,
    get_entry,
    list_entries,
    save_entry,
    update_choice,
)
from storage.snapshots import get_snapshot
from storage.tables import register_entries, register_evaluations, rule_set_snapshots

TYPED = "<b>x</b> **y**"  # what someone might type: stored and given back exactly as typed
SCORES = {"inclusie": 3, "invloed": 2, "eigenaarschap": 4, "deliberatie": 1, "legitimiteit": 0}


def _count(db, table: sa.Table) -> int:
    with db.transaction() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


@pytest.fixture
def save(database, bundled):
    """Save an advice for a municipality's rules; returns the entry's number."""

    def save_one(project: str = "Herinrichting marktplein", municipality: str = "voorbeeldgemeente",
                 answers: dict | None = None, chosen: str | None = None, reason: str = "",
                 saved_on: dt.date = dt.date(2026, 3, 1), source: str = "advies", contact: str = "") -> int:
        rule_set = bundled[municipality]
        advice = advise(rule_set, OPEN_PLAN if answers is None else answers)
        entry = NewEntry(project_name=project, saved_on=saved_on, chosen_rung=chosen or advice.recommended,
                         choice_reason=reason, contact_person=contact, source=source)
        return save_entry(database, entry, advice, rule_set)

    return save_one


def test_a_saved_advice_comes_back_whole(database, save, bundled):
    rule_set = bundled["voorbeeldgemeente"]
    advice = advise(rule_set, OPEN_PLAN)
    number = save(project=TYPED, chosen="informeren", reason=TYPED, contact="Jan (team participatie)")
    entry = get_entry(database, number)
    s = entry.summary
    assert (s.project_name, s.choice_reason, s.contact_person) == (TYPED, TYPED, "Jan (team participatie)")
    assert (s.municipality_id, s.rule_set_version, s.content_hash) == ("voorbeeldgemeente", rule_set.version,
                                                                        rule_set.content_hash)
    assert (s.advised_rung, s.chosen_rung, s.source) == (advice.recommended, "informeren", "advies")
    assert s.saved_on == dt.date(2026, 3, 1) and s.created_at.tzinfo is not None
    assert s.chose_differently
    assert entry.answers == {trait: list(options) for trait, options in advice.answers.items()}
    assert entry.advice == advice.model_dump(mode="json")
    assert get_snapshot(database, rule_set.content_hash) == rule_set.model_dump(mode="json")


def test_a_reason_is_kept_only_when_the_choice_differs_and_empty_fields_stay_empty(database, save):
    number = save(reason="vanzelfsprekend", contact="  ")
    s = get_entry(database, number).summary
    assert s.choice_reason is None and s.contact_person is None and not s.chose_differently


def test_the_advice_must_come_from_the_rule_set_given(database, bundled):
    advice = advise(bundled["leusden"], OPEN_PLAN)
    with pytest.raises(ValueError):
        save_entry(database, NewEntry("Project", dt.date(2026, 1, 1), advice.recommended), advice,
                   bundled["voorbeeldgemeente"])
    assert _count(database, register_entries) == 0


def test_the_list_is_newest_first_and_counts_evaluations(database, save):
    old = save(project="Oud", saved_on=dt.date(2024, 5, 1))
    new = save(project="Nieuw", saved_on=dt.date(2026, 5, 1))
    add_evaluation(database, old, NewEvaluation("Goed", SCORES))
    add_evaluation(database, old, NewEvaluation("Nog beter", {}))
    entries = list_entries(database)
    assert [(e.id, e.evaluations) for e in entries] == [(new, 0), (old, 2)]


@pytest.mark.parametrize(("where", "expected"), [
    (RegisterFilter(), {"marktplein", "speeltuin", "dorpshuis", "jeugdagenda"}),
    (RegisterFilter(municipality_id="leusden"), {"dorpshuis"}),
    (RegisterFilter(year=2025), {"speeltuin", "jeugdagenda"}),
    (RegisterFilter(source="werkgroep"), {"jeugdagenda"}),
    (RegisterFilter(chosen_rung="informeren"), {"speeltuin"}),
    (RegisterFilter(year=2025, source="advies"), {"speeltuin"}),
    (RegisterFilter(text="SPEEL"), {"speeltuin"}),  # the project name, ignoring case
    (RegisterFilter(text="weinig tijd"), {"speeltuin"}),  # the reason
    (RegisterFilter(text="jongeren bereikt"), {"jeugdagenda"}),  # the lessons of an evaluation
    (RegisterFilter(text="100%_"), set()),  # LIKE wildcards are searched as the characters they are
    (RegisterFilter(year=2023), set()),
])
def test_filter_and_search(database, save, where, expected):
    numbers = {
        "marktplein": save(project="Herinrichting marktplein", saved_on=dt.date(2026, 2, 1)),
        "speeltuin": save(project="Speeltuin vernieuwen", saved_on=dt.date(2025, 6, 1), chosen="informeren",
                          reason="Er was weinig tijd."),
        "dorpshuis": save(project="Dorpshuis overname", municipality="leusden", saved_on=dt.date(2026, 1, 1)),
        "jeugdagenda": save(project="Jeugdagenda", saved_on=dt.date(2025, 9, 1), source="werkgroep"),
    }
    add_evaluation(database, numbers["jeugdagenda"], NewEvaluation("Druk bezocht", SCORES,
                                                                   lessons="Via de sportclub veel jongeren bereikt."))
    found = {e.id for e in list_entries(database, where)}
    assert found == {numbers[name] for name in expected}


def test_the_advised_rung_filter(database, save, bundled):
    advised = advise(bundled["voorbeeldgemeente"], OPEN_PLAN).recommended
    shelter = golden_answers("13")  # emergency shelter: inform only, so another advised rung
    assert advise(bundled["voorbeeldgemeente"], shelter).recommended != advised
    number = save()
    save(answers=shelter)
    assert [e.id for e in list_entries(database, RegisterFilter(advised_rung=advised))] == [number]


def test_evaluations_come_back_latest_first_with_their_scores(database, save):
    number = save()
    first = add_evaluation(database, number, NewEvaluation("Na de eerste avond", SCORES, "Eerder beginnen."))
    second = add_evaluation(database, number, NewEvaluation("Na afloop", {"invloed": 4}))
    evaluations = get_entry(database, number).evaluations
    assert [e.id for e in evaluations] == [second, first]
    assert evaluations[1].scores == SCORES and evaluations[1].lessons == "Eerder beginnen."
    assert evaluations[0].scores == {v: (4 if v == "invloed" else None) for v in VALUES}


@pytest.mark.parametrize("score", [7, -1])
def test_a_score_outside_0_to_4_is_refused_and_nothing_is_written(database, save, score):
    number = save()
    with pytest.raises(StorageError) as raised:
        add_evaluation(database, number, NewEvaluation("Ging goed", {**SCORES, "legitimiteit": score}))
    assert raised.value.kind == "failed"
    assert _count(database, register_evaluations) == 0


def test_an_entry_that_fails_midway_leaves_no_snapshot_behind(database, bundled):
    # The snapshot is written first, then the entry; the entry is refused (unknown source): both roll back.
    rule_set = bundled["amersfoort"]
    advice = advise(rule_set, OPEN_PLAN)
    with pytest.raises(StorageError):
        save_entry(database, NewEntry("Project", dt.date(2026, 1, 1), advice.recommended, source="elders"),
                   advice, rule_set)
    assert _count(database, rule_set_snapshots) == 0
    assert _count(database, register_entries) == 0


def test_the_choice_reason_and_contact_can_be_changed(database, save):
    number = save(contact="Piet")
    update_choice(database, number, "informeren", "De raad besloot anders.", "")
    s = get_entry(database, number).summary
    assert (s.chosen_rung, s.choice_reason, s.contact_person) == ("informeren", "De raad besloot anders.", None)
    update_choice(database, number, s.advised_rung, "niet meer nodig", "Team participatie")
    s = get_entry(database, number).summary
    assert (s.chosen_rung, s.choice_reason, s.contact_person) == (s.advised_rung, None, "Team participatie")


def test_deleting_an_entry_removes_its_evaluations_and_contact(database, save):
    kept = save(project="Blijft")
    gone = save(project="Weg", contact="jan@example.org")
    add_evaluation(database, gone, NewEvaluation("Ging goed", SCORES))
    add_evaluation(database, kept, NewEvaluation("Ging ook goed", SCORES))
    delete_entry(database, gone)
    assert get_entry(database, gone) is None
    assert [e.id for e in list_entries(database)] == [kept]
    assert _count(database, register_evaluations) == 1
    with database.transaction() as conn:
        assert "jan@example.org" not in str(conn.execute(sa.select(register_entries)).all())


@pytest.mark.parametrize("write", [
    lambda db: delete_entry(db, 999),
    lambda db: update_choice(db, 999, "informeren", "", ""),
    lambda db: add_evaluation(db, 999, NewEvaluation("Ging goed", SCORES)),
])
def test_writing_to_an_entry_that_is_not_there_says_not_found(database, write):
    with pytest.raises(StorageError) as raised:
        write(database)
    assert raised.value.kind == "not_found"


def test_a_snapshot_is_stored_once_per_rule_set(database, save):
    for _ in range(3):
        save()
    save(municipality="leusden")
    assert _count(database, rule_set_snapshots) == 2


def test_twenty_people_saving_at_once_lose_and_duplicate_nothing(database, bundled):
    rule_set = bundled["maashorst"]
    advice = advise(rule_set, OPEN_PLAN)
    start = threading.Barrier(20)
    errors: list[BaseException] = []
    numbers: list[int] = []

    def save_one(i: int) -> None:
        start.wait()
        try:
            numbers.append(save_entry(database, NewEntry(f"Project {i}", dt.date(2026, 4, 1), advice.recommended),
                                      advice, rule_set))
        except BaseException as exc:  # noqa: BLE001 (collected and asserted below)
            errors.append(exc)

    threads = [threading.Thread(target=save_one, args=(i,)) for i in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert _count(database, rule_set_snapshots) == 1
    assert sorted(e.project_name for e in list_entries(database)) == sorted(f"Project {i}" for i in range(20))
    assert len(set(numbers)) == 20

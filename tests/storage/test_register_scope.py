"""A logged-in person works in their own municipality's register only (storage.register, `organisation`):
another municipality's entry cannot be listed, read, changed, evaluated or deleted, as if it did not exist."""

from __future__ import annotations

import datetime as dt

import pytest
from proef_rules import OPEN_PLAN

from ladder.engine.advisor import advise
from storage.errors import StorageError
from storage.register import (
    NewEntry,
    NewEvaluation,
    add_evaluation,
    delete_entry,
    get_entry,
    list_entries,
    save_entry,
    update_choice,
)

OWN, OTHER = "voorbeeldgemeente", "leusden"


@pytest.fixture
def entries(database, bundled) -> dict[str, int]:
    def save(municipality: str) -> int:
        advice = advise(bundled[municipality], OPEN_PLAN)
        return save_entry(database, NewEntry(f"Project in {municipality}", dt.date(2026, 5, 1), advice.recommended),
                          advice, bundled[municipality])

    return {OWN: save(OWN), OTHER: save(OTHER)}


def test_only_the_own_municipalitys_entries_are_listed(database, entries):
    assert [e.id for e in list_entries(database, organisation=OWN)] == [entries[OWN]]
    assert {e.id for e in list_entries(database)} == set(entries.values())  # the laptop: everything


def test_another_municipalitys_entry_cannot_be_read(database, entries):
    assert get_entry(database, entries[OTHER], organisation=OWN) is None
    assert get_entry(database, entries[OWN], organisation=OWN) is not None


@pytest.mark.parametrize("write", [
    lambda db, n: update_choice(db, n, "raadplegen", "reden", "", organisation=OWN),
    lambda db, n: add_evaluation(db, n, NewEvaluation("Ging goed", {}), organisation=OWN),
    lambda db, n: delete_entry(db, n, organisation=OWN),
], ids=["change", "evaluate", "delete"])
def test_another_municipalitys_entry_cannot_be_changed(database, entries, write):
    with pytest.raises(StorageError) as raised:
        write(database, entries[OTHER])
    assert raised.value.kind == "not_found"
    assert get_entry(database, entries[OTHER]) is not None
    assert get_entry(database, entries[OTHER]).evaluations == ()


def test_an_advice_under_another_municipalitys_rules_is_not_saved(database, bundled):
    advice = advise(bundled[OTHER], OPEN_PLAN)
    with pytest.raises(StorageError) as raised:
        save_entry(database, NewEntry("Elders", dt.date(2026, 5, 1), advice.recommended), advice, bundled[OTHER],
                   organisation=OWN)
    assert raised.value.kind == "other_organisation"
    assert list_entries(database) == []

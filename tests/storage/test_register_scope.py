"""A logged-in person works in their own municipality's register only (storage.register, `organisation`):
another municipality's entry cannot be listed, read, changed, evaluated or deleted, as if it did not exist."""

from __future__ import annotations

import datetime as dt

import pytest
from proef_rules import OPEN_PLAN

from ladder.engine.advisor import advise
from storage.audit import Actor, audit_entries
from storage.errors import StorageError
from storage.register import (
    NewEntry,
    NewEvaluation,
    add_evaluation,
    delete_entry,
    entries_naming,
    get_entry,
    list_entries,
    remove_contact_person,
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


# --- a contact person removed on request (AVG art. 17) ------------------------------------------------------


def _with_contacts(database, bundled, contacts: dict[str, str]) -> dict[str, int]:
    advice = advise(bundled[OWN], OPEN_PLAN)
    return {name: save_entry(database, NewEntry(name, dt.date(2026, 5, 1), advice.recommended, contact_person=contact),
                             advice, bundled[OWN]) for name, contact in contacts.items()}


def test_a_contact_person_is_found_and_removed_from_every_entry_that_names_them(database, bundled):
    numbers = _with_contacts(database, bundled, {"Plein": "Anna de Vries", "Park": "anna.devries@gemeente.nl",
                                                 "School": "Piet Jansen"})
    assert [e.id for e in entries_naming(database, "ANNA", organisation=OWN)] == sorted(
        [numbers["Plein"], numbers["Park"]], reverse=True)
    assert remove_contact_person(database, "anna", organisation=OWN) == sorted([numbers["Plein"], numbers["Park"]])
    assert {e.project_name: e.contact_person for e in list_entries(database)} == {
        "Plein": None, "Park": None, "School": "Piet Jansen"}


def test_removing_a_contact_person_is_logged_per_entry_without_the_name(database, bundled):
    numbers = _with_contacts(database, bundled, {"Plein": "Anna de Vries"})
    remove_contact_person(database, "Anna de Vries", actor=Actor("gebruiker", "bh-1"), organisation=OWN)
    latest = audit_entries(database)[0]
    assert (latest.action, latest.subject_id, latest.fields, latest.actor) == (
        "contact_person_removed", numbers["Plein"], ("contact_person",), Actor("gebruiker", "bh-1"))
    assert "Anna" not in repr(audit_entries(database))


@pytest.mark.parametrize("too_short", ["", "  ", "an", " a "])
def test_a_contact_person_is_looked_up_by_at_least_three_characters(database, bundled, too_short):
    _with_contacts(database, bundled, {"Plein": "Anna de Vries"})
    for action in (entries_naming, remove_contact_person):
        with pytest.raises(StorageError) as raised:
            action(database, too_short, organisation=OWN)
        assert raised.value.kind == "invalid"
    assert list_entries(database)[0].contact_person == "Anna de Vries"


def test_another_municipalitys_contact_persons_are_neither_found_nor_removed(database, bundled):
    advice = advise(bundled[OTHER], OPEN_PLAN)
    save_entry(database, NewEntry("Elders", dt.date(2026, 5, 1), advice.recommended, contact_person="Anna de Vries"),
               advice, bundled[OTHER])
    assert entries_naming(database, "Anna", organisation=OWN) == []
    assert remove_contact_person(database, "Anna", organisation=OWN) == []
    assert list_entries(database)[0].contact_person == "Anna de Vries"


def test_a_percent_sign_or_underscore_is_searched_as_itself(database, bundled):
    _with_contacts(database, bundled, {"Plein": "Anna de Vries"})
    assert entries_naming(database, "An_a", organisation=OWN) == []
    assert entries_naming(database, "%%%", organisation=OWN) == []

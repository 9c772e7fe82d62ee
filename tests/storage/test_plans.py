"""A register entry's participation plan and verslag in the database: every save a new version, the old ones kept,
the changes logged by field name, and only the own organisation's entries (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import pytest
from proef_rules import OPEN_PLAN

from ladder.engine.advisor import advise
from ladder.plans.model import InputResponse, Plan, Turnout, Verslag
from storage.audit import audit_entries
from storage.errors import StorageError
from storage.plans import plan_versions, save_plan, save_verslag, verslag_versions
from storage.register import NewEntry, delete_entry, save_entry

PLAN = Plan(project="Stationsplein", question="Hoe wordt het plein ingericht?", form="coproduceren",
            start=dt.date(2027, 2, 1))


@pytest.fixture
def entry(database, bundled) -> int:
    advice = advise(bundled["voorbeeldgemeente"], OPEN_PLAN)
    return save_entry(database, NewEntry("Stationsplein", dt.date(2026, 12, 1), advice.recommended), advice,
                      bundled["voorbeeldgemeente"])


def test_every_save_is_a_new_version_and_the_old_ones_stay(database, entry):
    assert plan_versions(database, entry) == []
    assert save_plan(database, entry, PLAN) == 1
    changed = PLAN.model_copy(update={"decides": "De gemeenteraad, in juni 2027"})
    assert save_plan(database, entry, changed) == 2
    versions = plan_versions(database, entry)
    assert [(v.number, v.content) for v in versions] == [(2, changed), (1, PLAN)]
    assert versions[0].saved_at.tzinfo is not None


def test_each_save_is_logged_with_the_fields_that_changed_never_their_text(database, entry):
    save_plan(database, entry, PLAN)
    save_plan(database, entry, PLAN.model_copy(update={"decides": "De gemeenteraad"}))
    latest, first = audit_entries(database)[:2]
    assert (first.action, first.subject_id, first.fields) == ("plan_saved", entry, ("form", "project", "question",
                                                                                     "start"))
    assert (latest.action, latest.fields) == ("plan_saved", ("decides",))
    assert "gemeenteraad" not in repr(audit_entries(database))


def test_the_verslag_is_kept_apart_from_the_plan(database, entry):
    verslag = Verslag(asked="Hoe wordt het plein ingericht?", turnout=(Turnout(group="Bewoners", count=40),),
                      responses=(InputResponse(input="Meer bomen", response="overgenomen", reason="Past in het budget"),))
    save_plan(database, entry, PLAN)
    assert save_verslag(database, entry, verslag) == 1
    assert [v.content for v in verslag_versions(database, entry)] == [verslag]
    assert [v.content for v in plan_versions(database, entry)] == [PLAN]


def test_another_organisations_entry_has_no_plan_to_read_or_write(database, entry):
    for action in (lambda: save_plan(database, entry, PLAN, organisation="leusden"),
                   lambda: plan_versions(database, entry, organisation="leusden"),
                   lambda: save_plan(database, entry + 99, PLAN)):
        with pytest.raises(StorageError) as raised:
            action()
        assert raised.value.kind == "not_found"
    assert plan_versions(database, entry, organisation="voorbeeldgemeente") == []


def test_deleting_the_entry_deletes_its_plans(database, entry):
    save_plan(database, entry, PLAN)
    delete_entry(database, entry)
    with pytest.raises(StorageError):
        plan_versions(database, entry)

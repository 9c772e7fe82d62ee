"""The register table's names: from today's rule sets; an id shows where no current rule set names it."""

from __future__ import annotations

import datetime as dt

from conftest import BUNDLED

from ladder.analysis.register_entry import EntrySummary
from ladder.reports.register_table import HEADERS, RegisterNames, register_table
from ladder.rules.model import RuleSet


def _entry(number: int, municipality_id: str, advised: str = "informeren") -> EntrySummary:
    return EntrySummary(id=number, project_name="Plein", saved_on=dt.date(2026, 1, 5), municipality_id=municipality_id,
                        rule_set_version="1", content_hash="ab" * 32, advised_rung=advised, chosen_rung=None,
                        choice_reason=None, contact_person=None, source="advies", group_session_id=None,
                        created_at=dt.datetime(2026, 1, 5, 10), evaluations=0)


def test_names_come_from_the_current_rules_and_ids_stand_in_for_removed_or_broken_ones(bundle_municipality):
    sources = bundle_municipality("extends: base\nrungs: []\n")  # broken: a file with extends has no rungs
    entries = [_entry(1, "leusden"), _entry(2, "proefgemeente"), _entry(3, "opgeheven", "eigen_vorm")]
    loaded: list[str] = []

    def load(municipality_id: str) -> RuleSet:
        loaded.append(municipality_id)
        return sources.load(municipality_id)

    names = RegisterNames.current(entries, sources.ids(), load, "nl")
    table = register_table(entries, names, "nl")
    column = HEADERS["nl"]["municipality"]
    assert table[column].tolist() == [BUNDLED.load("leusden").name.get("nl"), "proefgemeente", "opgeheven"]
    assert table[HEADERS["nl"]["advised"]].tolist()[2] == "eigen_vorm"
    assert loaded == ["leusden", "proefgemeente"]  # only municipalities there are, each once

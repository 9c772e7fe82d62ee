"""The register as a table: the same rows on the Register page, in the CSV and Excel exports and in the terminal.

Pure: takes register records (ladder.analysis.register_entry.EntrySummary) and the rule sets that name
rungs and municipalities; builds a pandas table and its file bytes. People type project names and reasons, and a
spreadsheet reads a cell that starts with = + - @ (or a tab or carriage return) as a formula: in CSV such a cell
gets a leading ', and in Excel every text cell is written as text, never as a formula.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from ladder.analysis.register_entry import EntrySummary
from ladder.rules.model import RuleSet
from ladder.rules.problems import RuleSetError
from ladder.text import language

HASH_SHOWN = 12  # as elsewhere in the app: enough to tell rule sets apart, short enough to read

COLUMNS = ("number", "project", "date", "municipality", "version", "hash", "advised", "chosen", "reason", "contact",
           "source", "evaluations")
HEADERS: dict[str, dict[str, str]] = {
    "nl": {"number": "Nummer", "project": "Project", "date": "Datum", "municipality": "Gemeente",
           "version": "Versie regels", "hash": "Kenmerk regels", "advised": "Geadviseerde vorm",
           "chosen": "Gekozen vorm", "reason": "Reden andere keuze", "contact": "Contactpersoon", "source": "Bron",
           "evaluations": "Evaluaties"},
    "en": {"number": "Number", "project": "Project", "date": "Date", "municipality": "Municipality",
           "version": "Rules version", "hash": "Rules fingerprint", "advised": "Advised form",
           "chosen": "Chosen form", "reason": "Reason for another choice", "contact": "Contact person",
           "source": "Source", "evaluations": "Evaluations"},
}
SOURCE_NAMES: dict[str, dict[str, str]] = {
    "nl": {"advies": "Advies", "werkgroep": "Werkgroep"},
    "en": {"advies": "Advice", "werkgroep": "Working group"},
}


@dataclass(frozen=True)
class RegisterNames:
    """Names of municipalities and rungs from the current rule sets; an id stands in for what no rule set names."""

    municipalities: Mapping[str, str]
    rungs: Mapping[str, Mapping[str, str]]  # per municipality: rung id -> name
    rung_order: tuple[str, ...]  # every rung id known, low to high

    @classmethod
    def from_rule_sets(cls, rule_sets: Mapping[str, RuleSet], lang: str) -> RegisterNames:
        order: list[str] = []
        for rule_set in rule_sets.values():
            order.extend(r for r in rule_set.rung_ids() if r not in order)
        # a rung a municipality added sits after the base rungs it follows
        position = {r: min(rs.rung_ids().index(r) for rs in rule_sets.values() if r in rs.rung_ids()) for r in order}
        return cls(municipalities={m: rs.name.get(lang) for m, rs in rule_sets.items()},
                   rungs={m: {r.id: r.name.get(lang) for r in rs.rungs} for m, rs in rule_sets.items()},
                   rung_order=tuple(sorted(order, key=lambda r: (position[r], order.index(r)))))

    @classmethod
    def current(cls, records: Iterable[EntrySummary], known: Collection[str], load: Callable[[str], RuleSet],
                lang: str) -> RegisterNames:
        """Names from today's rule sets of the municipalities in these records (`load` gives one by id); a
        municipality no longer `known`, or whose rules are broken, is left out, so its ids show."""
        rule_sets: dict[str, RuleSet] = {}
        for municipality_id in sorted({r.municipality_id for r in records} & set(known)):
            try:
                rule_sets[municipality_id] = load(municipality_id)
            except RuleSetError:
                continue
        return cls.from_rule_sets(rule_sets, lang)

    def municipality(self, municipality_id: str) -> str:
        return self.municipalities.get(municipality_id, municipality_id)

    def rung(self, rung_id: str, municipality_id: str | None = None) -> str:
        """The municipality's own name for the rung; else the first rule set's that has it; else its id."""
        own = self.rungs.get(municipality_id or "", {})
        if rung_id in own:
            return own[rung_id]
        return next((names[rung_id] for names in self.rungs.values() if rung_id in names), rung_id)

    def ordered(self, rung_ids: Iterable[str]) -> list[str]:
        """Low to high on the ladder; rungs no current rule set has come last, by id."""
        known = {r: i for i, r in enumerate(self.rung_order)}
        return sorted(set(rung_ids), key=lambda r: (known.get(r, len(known)), r))


def register_table(records: Iterable[EntrySummary], names: RegisterNames, lang: str) -> pd.DataFrame:
    """One row per entry, with readable names; the columns in COLUMNS order, headed in the language."""
    headers = HEADERS[language(lang)]
    sources = SOURCE_NAMES[language(lang)]
    rows = [{
        "number": r.id,
        "project": r.project_name,
        "date": r.saved_on,
        "municipality": names.municipality(r.municipality_id),
        "version": r.rule_set_version,
        "hash": r.content_hash[:HASH_SHOWN],
        "advised": names.rung(r.advised_rung, r.municipality_id),
        "chosen": names.rung(r.chosen_rung, r.municipality_id) if r.chosen_rung else "",
        "reason": r.choice_reason or "",
        "contact": r.contact_person or "",
        "source": sources.get(r.source, r.source),
        "evaluations": r.evaluations,
    } for r in records]
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    return table.rename(columns=headers)

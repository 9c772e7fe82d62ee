"""One saved advice as the register lists it: what the page, the exports and the charts read.

A plain record, so ladder/ can lay out the register without knowing how storage/ keeps it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class EntrySummary:
    """One row of the register table: everything but the stored answers and advice."""

    id: int
    project_name: str
    saved_on: dt.date
    municipality_id: str
    rule_set_version: str
    content_hash: str
    advised_rung: str
    chosen_rung: str | None
    choice_reason: str | None
    contact_person: str | None
    source: str
    group_session_id: int | None
    created_at: dt.datetime
    evaluations: int

    @property
    def chose_differently(self) -> bool:
        return self.chosen_rung is not None and self.chosen_rung != self.advised_rung

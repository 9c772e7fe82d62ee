"""Experts, initiatives and the vocabulary of expertise areas, as frozen, bounded data.

An expert is a person with an account who chose to be findable: only what they entered, and they can delete it
(AVG). An initiative registers without an account. Both name expertise areas from the vocabulary
(rules/expertise.yaml), which is checked when they are made.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ladder.rules.model import Text

VOCABULARY_FILE = Path(__file__).resolve().parents[2] / "rules" / "expertise.yaml"
MOST_AREAS = 64  # the matching keeps an expert's areas in one 64-bit mask
MOST_HOURS = 160  # hours a month: a full-time job

Name = Annotated[str, Field(min_length=1, max_length=100)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9_]{1,60}$")]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Area(Frozen):
    id: Id
    label: Text


class Vocabulary(Frozen):
    """The expertise areas, in the order they are offered."""

    version: str
    areas: Annotated[tuple[Area, ...], Field(min_length=1, max_length=MOST_AREAS)]

    @model_validator(mode="after")
    def _unique(self) -> Vocabulary:
        ids = [a.id for a in self.areas]
        if len(set(ids)) != len(ids):
            raise ValueError(f"expertise areas listed twice: {sorted({i for i in ids if ids.count(i) > 1})}")
        return self

    def ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.areas)

    def label(self, area_id: str, lang: str) -> str:
        return next(a.label.get(lang) for a in self.areas if a.id == area_id)


def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    return Vocabulary.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


class Expert(Frozen):
    """Someone who helps initiatives: where they work, what they know, what they have done, how much time they have,
    and whether they help outside their own municipality."""

    id: Annotated[str, Field(min_length=1, max_length=255)]  # the account's subject; never shown
    name: Name
    municipality: Id
    region: Annotated[str, Field(max_length=100)] = ""
    areas: frozenset[str] = Field(max_length=MOST_AREAS)
    rungs: frozenset[str] = frozenset()  # forms of participation they have worked with
    roles: frozenset[str] = frozenset()  # roles of the municipality toward initiatives they have taken
    hours_per_month: Annotated[int, Field(ge=0, le=MOST_HOURS)]
    outside_own: bool = False  # willing to help an initiative in another municipality


class Initiative(Frozen):
    """What the matching needs of an initiative: where it is, the help it asks, and its advice (form and role)."""

    id: Annotated[str, Field(min_length=1, max_length=100)]
    municipality: Id
    region: Annotated[str, Field(max_length=100)] = ""
    areas: frozenset[str] = Field(min_length=1, max_length=MOST_AREAS)
    rung: str | None = None  # the advised form
    role: str | None = None  # the advised role of the municipality
    own_permits: bool = True  # the own municipality also decides on its permits: the 'two hats'


def check_areas(areas: frozenset[str], vocabulary: Vocabulary) -> None:
    """Every area is in the vocabulary; raises ValueError naming the others."""
    unknown = sorted(areas - set(vocabulary.ids()))
    if unknown:
        raise ValueError(f"unknown expertise areas: {', '.join(unknown)}")

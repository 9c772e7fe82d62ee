"""The netwerkpartner-scan: statements per building block (rules/netwerkpartner-scan.yaml), scored by each member
on their own; the group's profile per block, where members differ, the dilemmas to discuss, and the change since
the last scan. Pure functions on plain data; scores are whole numbers, averages exact to one decimal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import Field, model_validator

from ladder.network.model import Frozen, Id
from ladder.rules.model import Text

SCAN_FILE = Path(__file__).resolve().parents[2] / "rules" / "netwerkpartner-scan.yaml"
DIFFER_SPREAD = 2  # scores this far apart on a block (highest minus lowest member average) are worth a talk


class Scale(Frozen):
    lowest: int
    highest: int
    lowest_label: Text
    highest_label: Text


class Statement(Frozen):
    id: Id
    text: Text


class Block(Frozen):
    id: Id
    name: Text
    statements: Annotated[tuple[Statement, ...], Field(min_length=1)]


class Dilemma(Frozen):
    text: Text
    blocks: tuple[Id, ...]
    source: str


class Scan(Frozen):
    version: str
    scale: Scale
    source: str
    blocks: Annotated[tuple[Block, ...], Field(min_length=1)]
    dilemmas: tuple[Dilemma, ...] = ()

    @model_validator(mode="after")
    def _ids(self) -> Scan:
        ids = [s.id for s in self.statements()]
        if len(set(ids)) != len(ids):
            raise ValueError("a statement id is used twice")
        blocks = {b.id for b in self.blocks}
        if unknown := sorted({b for d in self.dilemmas for b in d.blocks} - blocks):
            raise ValueError(f"dilemmas name unknown blocks: {', '.join(unknown)}")
        return self

    def statements(self) -> tuple[Statement, ...]:
        return tuple(s for b in self.blocks for s in b.statements)


def load_scan(path: Path = SCAN_FILE) -> Scan:
    return Scan.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


Scores = Mapping[str, int]  # statement id -> score on the scale; a statement left out was not answered


@dataclass(frozen=True)
class BlockResult:
    block: str
    average: Fraction | None  # of the members' block averages; None when nobody answered this block
    lowest: Fraction | None
    highest: Fraction | None
    answered: int  # members who scored at least one statement of the block
    differs: bool  # highest - lowest >= DIFFER_SPREAD
    change: Fraction | None = None  # since the previous scan's average


def check_scores(scan: Scan, scores: Scores) -> None:
    """Every score is on the scale and for a statement of the scan; ValueError names the first that is not."""
    known = {s.id for s in scan.statements()}
    for statement, score in scores.items():
        if statement not in known:
            raise ValueError(f"unknown statement: {statement}")
        if isinstance(score, bool) or not isinstance(score, int) or not scan.scale.lowest <= score <= scan.scale.highest:
            raise ValueError(f"score {score!r} for {statement} is not on the scale")


def profile(scan: Scan, members: Sequence[Scores], previous: Sequence[BlockResult] = ()) -> tuple[BlockResult, ...]:
    """Per block: the average of the members' own block averages (each member counts once), the lowest and
    highest member, whether they differ enough to talk about, and the change since `previous`."""
    before = {r.block: r.average for r in previous}
    results = []
    for block in scan.blocks:
        own = [Fraction(sum(given), len(given)) for member in members
               if (given := [member[s.id] for s in block.statements if s.id in member])]
        average = Fraction(sum(own), len(own)) if own else None
        lowest, highest = (min(own), max(own)) if own else (None, None)
        old = before.get(block.id)
        results.append(BlockResult(
            block=block.id, average=average, lowest=lowest, highest=highest, answered=len(own),
            differs=bool(own) and highest - lowest >= DIFFER_SPREAD,  # type: ignore[operator]
            change=average - old if average is not None and old is not None else None))
    return tuple(results)


def dilemmas_for(scan: Scan, results: Sequence[BlockResult]) -> tuple[Dilemma, ...]:
    """The dilemmas to discuss first: those of blocks where the group differs, then those of the lowest block."""
    differing = {r.block for r in results if r.differs}
    scored = [r for r in results if r.average is not None]
    weakest = {min(scored, key=lambda r: (r.average, r.block)).block} if scored else set()
    first = [d for d in scan.dilemmas if differing & set(d.blocks)]
    then = [d for d in scan.dilemmas if d not in first and weakest & set(d.blocks)]
    return tuple(first + then)

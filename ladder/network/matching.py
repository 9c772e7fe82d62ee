"""Which experts fit an initiative, ranked, each with the reasons: a pure function, explainable like an advice.

Points (whole numbers, so equal inputs give equal rankings on every machine):
- AREA_POINTS for every area the initiative asks that the expert knows; an expert who knows none is no match;
- RUNG_POINTS for experience with the advised form, ROLE_POINTS with the advised role of the municipality;
- HOURS_POINTS for at least ENOUGH_HOURS a month (help that fits in someone's week);
- REGION_POINTS for the same region (close enough to visit);
- OUTSIDE_POINTS for an expert from another municipality when the initiative's own municipality also decides on its
  permits: the initiative then gets support from someone who holds no second hat (seed 003, the 'tweepettenargwaan').
An expert with no hours, or from another municipality without wanting to help outside it, is no match.
Ties go to the expert id that sorts first. Each expert's points depend on that expert and the initiative only, so
adding an expert never reorders the others, and an expert who fits better in any respect never ranks lower.

`match` is the definition; `match_many` computes the same for many initiatives at once with numpy (the tests
hold them equal).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from ladder.network.model import Expert, Initiative

AREA_POINTS = 3
RUNG_POINTS = 2
ROLE_POINTS = 2
HOURS_POINTS = 1
ENOUGH_HOURS = 4
REGION_POINTS = 1
OUTSIDE_POINTS = 2
CHUNK = 64  # initiatives scored at a time in match_many: a 64 × experts matrix stays small

ReasonKind = Literal["areas", "rung", "role", "hours", "region", "outside"]


@dataclass(frozen=True)
class Reason:
    kind: ReasonKind
    points: int
    areas: tuple[str, ...] = ()  # for "areas": the areas asked that the expert knows, in the initiative's order


@dataclass(frozen=True)
class Match:
    expert_id: str
    points: int
    reasons: tuple[Reason, ...]


def match(initiative: Initiative, experts: Sequence[Expert], top: int | None = None) -> list[Match]:
    """The experts who fit, best first (then by id), with their reasons; at most `top`."""
    found = [m for e in experts if (m := _score(initiative, e)) is not None]
    found.sort(key=lambda m: (-m.points, m.expert_id))
    return found if top is None else found[:top]


def _score(initiative: Initiative, expert: Expert) -> Match | None:
    shared = tuple(sorted(initiative.areas & expert.areas))
    other = expert.municipality != initiative.municipality
    if not shared or expert.hours_per_month == 0 or (other and not expert.outside_own):
        return None
    reasons = [Reason("areas", AREA_POINTS * len(shared), shared)]
    if initiative.rung is not None and initiative.rung in expert.rungs:
        reasons.append(Reason("rung", RUNG_POINTS))
    if initiative.role is not None and initiative.role in expert.roles:
        reasons.append(Reason("role", ROLE_POINTS))
    if expert.hours_per_month >= ENOUGH_HOURS:
        reasons.append(Reason("hours", HOURS_POINTS))
    if initiative.region and initiative.region == expert.region:
        reasons.append(Reason("region", REGION_POINTS))
    if other and initiative.own_permits:
        reasons.append(Reason("outside", OUTSIDE_POINTS))
    return Match(expert.id, sum(r.points for r in reasons), tuple(reasons))


def match_many(initiatives: Sequence[Initiative], experts: Sequence[Expert], top: int) -> list[list[tuple[str, int]]]:
    """For each initiative, the ids and points of its `top` best experts, exactly as `match` ranks them."""
    by_id = sorted(experts, key=lambda e: e.id)  # index order is the tie order
    areas = _bits([a for e in by_id for a in e.areas] + [a for i in initiatives for a in i.areas])
    rungs = _bits([r for e in by_id for r in e.rungs] + [i.rung for i in initiatives if i.rung])
    roles = _bits([r for e in by_id for r in e.roles] + [i.role for i in initiatives if i.role])
    places = _codes([e.municipality for e in by_id] + [i.municipality for i in initiatives])
    regions = _codes([e.region for e in by_id if e.region] + [i.region for i in initiatives if i.region])
    known = np.array([_mask(e.areas, areas) for e in by_id], dtype=np.uint64)
    rung_mask = np.array([_mask(e.rungs, rungs) for e in by_id], dtype=np.uint64)
    role_mask = np.array([_mask(e.roles, roles) for e in by_id], dtype=np.uint64)
    place = np.array([places[e.municipality] for e in by_id], dtype=np.int64)
    region = np.array([regions[e.region] if e.region else -1 for e in by_id], dtype=np.int64)
    hours = np.array([e.hours_per_month for e in by_id], dtype=np.int64)
    outside = np.array([e.outside_own for e in by_id], dtype=bool)
    n = len(by_id)
    ranked: list[list[tuple[str, int]]] = []
    for start in range(0, len(initiatives), CHUNK):
        chunk = initiatives[start:start + CHUNK]
        asked = np.array([[_mask(i.areas, areas)] for i in chunk], dtype=np.uint64)
        shared = np.bitwise_count(asked & known).astype(np.int64)
        other = place != np.array([[places[i.municipality]] for i in chunk])
        points = AREA_POINTS * shared + HOURS_POINTS * (hours >= ENOUGH_HOURS)
        points += RUNG_POINTS * _has(rung_mask, [i.rung for i in chunk], rungs)
        points += ROLE_POINTS * _has(role_mask, [i.role for i in chunk], roles)
        wanted_region = np.array([[regions[i.region] if i.region else -2] for i in chunk])
        points += REGION_POINTS * (region == wanted_region)
        points += OUTSIDE_POINTS * (other & np.array([[i.own_permits] for i in chunk]))
        fits = (shared > 0) & (hours > 0) & (~other | outside)
        # One number per expert that orders as (points, then the first id): ties go to the lower index.
        key = np.where(fits, points * n + (n - 1 - np.arange(n)), -1)
        k = min(top, n)
        best = np.argpartition(-key, k - 1, axis=1)[:, :k] if k else np.empty((len(chunk), 0), dtype=np.int64)
        for row, picks in enumerate(best):
            picks = picks[np.argsort(-key[row, picks], kind="stable")]
            ranked.append([(by_id[j].id, int(points[row, j])) for j in picks if key[row, j] >= 0])
    return ranked


def _codes(values: list[str]) -> dict[str, int]:
    return {v: i for i, v in enumerate(sorted(set(values)))}


def _bits(values: list[str]) -> dict[str, int]:
    """Codes for values kept as bits of one 64-bit mask: more than 64 distinct values do not fit (the vocabulary
    has at most 64 areas)."""
    codes = _codes(values)
    if len(codes) > 64:
        raise ValueError(f"at most 64 distinct values can be matched at once, not {len(codes)}")
    return codes


def _mask(values: frozenset[str], codes: dict[str, int]) -> int:
    return sum(1 << codes[v] for v in values)


def _has(masks: np.ndarray, wanted: list[str | None], codes: dict[str, int]) -> np.ndarray:
    """Per initiative (rows) and expert (columns): whether the expert has the wanted rung or role."""
    bits = np.array([[np.uint64(1 << codes[w]) if w is not None else np.uint64(0)] for w in wanted], dtype=np.uint64)
    return ((masks & bits) != 0).astype(np.int64)

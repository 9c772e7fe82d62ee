"""Benchmark of the participation network's matching (not a test: prints medians, asserts nothing).

    .venv/bin/python benchmarks/bench_network.py [--experts 10000] [--initiatives 1000] [--top 10] [--repeat 3]

Seeded random experts (18 areas, 5 forms, 4 roles, 40 municipalities in 12 regions) and initiatives; times
ladder.network.matching.match_many for all initiatives at once (the issue's target: 10,000 × 1,000 under a second),
and the one-by-one `match` on a sample of initiatives, extrapolated, for the ratio. Peak memory of the process.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ladder.network.matching import match, match_many  # noqa: E402
from ladder.network.model import Expert, Initiative, load_vocabulary  # noqa: E402

RUNGS = ("adviseren", "coproduceren", "meebeslissen", "zelfbeheer", "overheidsparticipatie")
ROLES = ("loslaten", "faciliteren", "stimuleren", "reguleren")


def population(experts: int, initiatives: int) -> tuple[list[Expert], list[Initiative]]:
    rng = random.Random(3)
    areas = load_vocabulary().ids()
    places = [f"gemeente_{i}" for i in range(40)]
    region = {p: f"regio_{i % 12}" for i, p in enumerate(places)}

    def some(values, most):
        return frozenset(rng.sample(values, rng.randint(1, most)))

    people = [Expert(id=f"e{i:05d}", name="X", municipality=(p := rng.choice(places)), region=region[p],
                     areas=some(areas, 4), rungs=some(RUNGS, 2), roles=some(ROLES, 2),
                     hours_per_month=rng.choice((0, 2, 4, 8, 16)), outside_own=rng.random() < 0.7)
              for i in range(experts)]
    asks = [Initiative(id=f"i{i:04d}", municipality=(p := rng.choice(places)), region=region[p], areas=some(areas, 3),
                       rung=rng.choice(RUNGS), role=rng.choice(ROLES), own_permits=rng.random() < 0.8)
            for i in range(initiatives)]
    return people, asks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--experts", type=int, default=10_000)
    parser.add_argument("--initiatives", type=int, default=1_000)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sample", type=int, default=20, help="initiatives matched one by one, for the ratio")
    args = parser.parse_args()
    experts, initiatives = population(args.experts, args.initiatives)
    many, single = [], []
    for _ in range(args.repeat):  # interleaved, so both see the same machine
        start = time.perf_counter()
        match_many(initiatives, experts, args.top)
        many.append(time.perf_counter() - start)
        start = time.perf_counter()
        for initiative in initiatives[:args.sample]:
            match(initiative, experts, args.top)
        single.append((time.perf_counter() - start) / args.sample * len(initiatives))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    now, loop = statistics.median(many), statistics.median(single)
    print(f"match_many: {now:.3f} s median for {args.initiatives:,} initiatives × {args.experts:,} experts (top {args.top})")
    print(f"match one by one (extrapolated from {args.sample}): {loop:.2f} s; ratio {loop / now:.1f}×")
    print(f"ROW | {args.experts:,} experts × {args.initiatives:,} initiatives matched | reference (one by one) {loop:.2f} s"
          f" | now {now:.3f} s | ratio {now / loop:.3f} | peak {peak:.0f} MB")


if __name__ == "__main__":
    main()

"""Benchmarks for the core (not a test: prints medians, asserts nothing).

    .venv/bin/python benchmarks/bench_core.py

- advise: one full advice with the complete explanation (flips, unknowns, phases, methods), per golden
  case, under each bundled rule set. Timed in interleaved rounds (each round times every pair once with each
  of the three below, one after the other), so a busy machine slows all three alike; median and p90 over
  every call:
  - the engine's advise();
  - the straightforward engine kept as the test oracle (tests/engine/oracle_advisor.py): every what-if
    decided from scratch, as advise() did before it was made incremental;
  - a reference written here: plain Python, the what-ifs by delta (base - old + new per rung), kaders
    re-checked only where they read the changed trait, for a rule set of the same shape as the real one
    (its traits and options, 7 rungs, its number of kaders) with seeded random points. It explains nothing
    else, so it is a floor for the what-ifs alone; the ratio shows how far the full advice is from it.
- recommend: the fast path (rung and scores only), for comparison.
- load: reading, validating and resolving every bundled rule set with the parse cache emptied first.
"""

from __future__ import annotations

import gc
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "engine"))

from oracle_advisor import advise as advise_straightforwardly

from ladder.engine import advisor as engine
from ladder.engine.advisor import advise, recommend
from ladder.rules import loading
from ladder.rules.model import RuleSet
from ladder.rules.sources import RuleSources

SEED = 20261207
ROUNDS = 15
REFERENCE = "reference (delta, plain Python)"


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


class Reference:
    """What-ifs by delta in plain Python, for a rule set of a real one's shape: per trait its options, each with
    seeded random points on 7 rungs; per kader one trait and the options that fire it, and a cap, floor or
    exclusion."""

    RUNGS = 7

    def __init__(self, rule_set: RuleSet, rng: random.Random) -> None:
        self.options = [t.option_ids() for t in rule_set.traits]
        self.points = [[tuple(float(rng.randint(-4, 4)) for _ in range(self.RUNGS)) for _ in opts] for opts in self.options]
        self.zero = (0.0,) * self.RUNGS
        self.kaders: list[tuple[int, frozenset[int], str, int]] = []
        self.readers: list[list[int]] = [[] for _ in self.options]
        for k in range(len(rule_set.kaders)):
            trait = rng.randrange(len(self.options))
            fire = frozenset(rng.sample(range(len(self.options[trait])), 1))
            self.kaders.append((trait, fire, rng.choice(("max", "min", "exclude")), rng.randrange(self.RUNGS)))
            self.readers[trait].append(k)

    def answers(self, raw: dict[str, Any], rule_set: RuleSet) -> list[int]:
        """The golden case's answers as option indexes (-1: unknown), its first option where it has several."""
        chosen = []
        for trait, opts in zip(rule_set.traits, self.options):
            given = raw.get(trait.id)
            first = given[0] if isinstance(given, list) and given else given
            chosen.append(opts.index(first) if first in opts else -1)
        return chosen

    def vector(self, trait: int, option: int) -> tuple[float, ...]:
        return self.zero if option < 0 else self.points[trait][option]

    def decide(self, totals: list[float], fired: list[bool]) -> int:
        low, high, excluded = 0, self.RUNGS - 1, set()
        for (_, _, effect, rung), on in zip(self.kaders, fired):
            if on and effect == "max":
                high = min(high, rung)
            elif on and effect == "min":
                low = max(low, rung)
            elif on:
                excluded.add(rung)
        allowed = [i for i in range(low, high + 1) if i not in excluded] or list(range(high + 1))
        return max(allowed, key=lambda i: (totals[i], -i))

    def flips(self, answers: list[int]) -> list[tuple[int, int, int]]:
        base = [0.0] * self.RUNGS
        for trait, option in enumerate(answers):
            base = [b + v for b, v in zip(base, self.vector(trait, option))]
        fired = [answers[trait] in fire for trait, fire, _, _ in self.kaders]
        advised = self.decide(base, fired)
        flips = []
        for trait, current in enumerate(answers):
            old = self.vector(trait, current)
            for option in range(-1, len(self.options[trait])):
                if option == current:
                    continue
                new = self.vector(trait, option)
                totals = [b - o + n for b, o, n in zip(base, old, new)]
                changed = list(fired)
                for k in self.readers[trait]:
                    changed[k] = option in self.kaders[k][1]
                rung = self.decide(totals, changed)
                if rung != advised:
                    flips.append((trait, option, rung))
        return flips


def interleaved(runs: dict[str, list[Callable[[], object]]], rounds: int) -> dict[str, list[float]]:
    """Per name, the time of every call in ms. Each round runs every name's calls once, name after name, so that load
    elsewhere on the machine falls on all of them alike; a name's calls run together (not call by call with the
    others), and after a garbage collection, so that none pays for the caches or the garbage of another."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, calls in runs.items():
            gc.collect()
            for call in calls:
                start = time.perf_counter()
                call()
                times[name].append((time.perf_counter() - start) * 1000)
    return times


def p90(times: list[float]) -> float:
    return statistics.quantiles(times, n=10)[8]


def load_all() -> None:
    loading._parse_cached.cache_clear()
    engine._COMPILED.clear()
    sources = RuleSources.bundled()
    for municipality_id in sources.ids():
        sources.load(municipality_id)


def main() -> None:
    sources = RuleSources.bundled()
    rule_sets = {m: sources.load(m) for m in sources.ids()}
    projects = [yaml.safe_load(p.read_text(encoding="utf-8"))["project"]["answers"]
                for p in sorted((ROOT / "tests" / "cases").glob("*.yaml"))]
    pairs = [(rs, p) for rs in rule_sets.values() for p in projects]
    rng = random.Random(SEED)
    references = {rs.id: Reference(rs, rng) for rs in rule_sets.values()}
    coded = [(references[rs.id], references[rs.id].answers(p, rs)) for rs, p in pairs]
    runs: dict[str, list[Callable[[], object]]] = {
        "advise()": [lambda rs=rs, p=p: advise(rs, p, ignore_unknown_traits=True) for rs, p in pairs],
        "straightforward (oracle)": [lambda rs=rs, p=p: advise_straightforwardly(rs, p, ignore_unknown_traits=True)
                                     for rs, p in pairs],
        REFERENCE: [lambda r=r, a=a: r.flips(a) for r, a in coded],
    }
    times = interleaved(runs, ROUNDS)
    reference = statistics.median(times[REFERENCE])
    recommend_ms = [median_ms(lambda rs=rs, p=p: recommend(rs, p, ignore_unknown_traits=True), 15) for rs, p in pairs]
    load_ms = median_ms(load_all, 15)
    cold = subprocess.run(
        [sys.executable, "-c", "import time; t=time.perf_counter(); from ladder.rules.sources import RuleSources; s=RuleSources.bundled(); "
         "[s.load(m) for m in s.ids()]; print((time.perf_counter()-t)*1000)"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    print(f"one full advice, {len(pairs)} project x rule-set pairs x {ROUNDS} interleaved rounds:")
    for name, ms in times.items():
        print(f"  {name:32} median {statistics.median(ms):6.2f} ms   p90 {p90(ms):6.2f} ms   "
              f"{statistics.median(ms) / reference:5.1f}x the reference")
    print(f"recommend (fast path), median: {statistics.median(recommend_ms):.3f} ms")
    print(f"load + validate all {len(rule_sets)} bundled rule sets (caches emptied), median: {load_ms:.1f} ms")
    print(f"the same in a fresh process, including imports: {float(cold.stdout):.1f} ms")
    engine = times["advise()"]
    print(f"ROW | one full advice with every explanation | reference {reference:.2f} ms | "
          f"now {statistics.median(engine):.2f} ms median, p90 {p90(engine):.2f} ms | "
          f"ratio {statistics.median(engine) / reference:.1f}")


if __name__ == "__main__":
    main()

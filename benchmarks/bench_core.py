"""Benchmarks for the core (not a test: prints medians, asserts nothing).

    .venv/bin/python benchmarks/bench_core.py

- advise: one full advice with the complete explanation (flips, unknowns, phases, methods), per golden
  case, under each bundled rule set.
- recommend: the fast path (rung and scores only), for comparison.
- load: reading, validating and resolving every bundled rule set with the parse cache emptied first.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ladder.engine import advisor as engine
from ladder.engine.advisor import advise, recommend  # noqa: E402
from ladder.rules import loading  # noqa: E402
from ladder.rules.sources import RuleSources  # noqa: E402


def median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


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

    advise_ms = [median_ms(lambda rs=rs, p=p: advise(rs, p, ignore_unknown_traits=True), 15) for rs, p in pairs]
    recommend_ms = [median_ms(lambda rs=rs, p=p: recommend(rs, p, ignore_unknown_traits=True), 15) for rs, p in pairs]
    load_ms = median_ms(load_all, 15)
    cold = subprocess.run(
        [sys.executable, "-c", "import time; t=time.perf_counter(); from ladder.rules.sources import RuleSources; s=RuleSources.bundled(); "
         "[s.load(m) for m in s.ids()]; print((time.perf_counter()-t)*1000)"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    print(f"advise (full explanation), median over {len(pairs)} project x rule-set pairs: "
          f"{statistics.median(advise_ms):.2f} ms (slowest pair {max(advise_ms):.2f} ms)")
    print(f"recommend (fast path), median: {statistics.median(recommend_ms):.3f} ms")
    print(f"load + validate all {len(rule_sets)} bundled rule sets (caches emptied), median: {load_ms:.1f} ms")
    print(f"the same in a fresh process, including imports: {float(cold.stdout):.1f} ms")


if __name__ == "__main__":
    main()

"""Benchmark of the batch engine (not a test: prints medians and peak memory, asserts nothing).

    .venv/bin/python benchmarks/bench_batch.py [--rows 1000000] [--repeat 3] [--sample 2000] [--advise-sample 400]

- batch: 1,000,000 random projects (seeded), a DataFrame of strings (pandas' default string dtype), scored
  under the 5 bundled frameworks with ladder.engine.batch.advise_many_each (the frame is read once for all five),
  and with five separate advise_many calls; then the same projects as object columns (as from Excel).
  Median of --repeat runs each.
- loop: a plain per-project loop of the engine under the same 5 frameworks, with recommend() (rung and
  scores only, the engine's fast path) on the first --sample projects and with advise() (the full explained
  advice: flips, unknowns, phases, methods) on the first --advise-sample; extrapolated per project to the
  full frame, for the ratio (CPU time against the batch's CPU time, both single-threaded). The rows are turned
  into dicts beforehand, so the loop times the engine only.
- memory: peak resident set size of the whole process (resource.getrusage ru_maxrss), which includes the
  generated frame itself; and the frame's own size for comparison.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ladder.engine.advisor import advise, recommend  # noqa: E402
from ladder.engine.batch import MULTI_SEPARATOR, advise_many, advise_many_each, parse_cell  # noqa: E402
from ladder.rules.model import UNKNOWN, RuleSet  # noqa: E402
from ladder.rules.sources import RuleSources  # noqa: E402

SEED = 20261123
UNKNOWN_SHARE = 0.1  # share of cells left onbekend: a third written 'onbekend', a third empty, a third missing


def random_projects(rule_sets: list[RuleSet], rows: int, dtype: str, seed: int = SEED) -> pd.DataFrame:
    """One column per trait id of any of the rule sets; multiple-answer traits get one to three answers joined."""
    rng = np.random.default_rng(seed)
    traits = {t.id: t for rs in rule_sets for t in rs.traits}
    columns = {}
    for trait_id, trait in traits.items():
        options = list(trait.option_ids())
        if trait.multiple:  # an exclusive option (procedure: geen, ...) only on its own, as the form gives it
            exclusive = [o.id for o in trait.options if o.exclusive]
            others = [o.id for o in trait.options if not o.exclusive]
            picks = [rng.choice(others, size=rng.integers(1, 4), replace=False) for _ in range(256)]
            options = exclusive + [MULTI_SEPARATOR.join(o for o in others if o in p) for p in picks]
        values = np.array(options, dtype=object)[rng.integers(0, len(options), rows)]
        blank = rng.random(rows) < UNKNOWN_SHARE
        values[blank] = np.array([UNKNOWN, "", None], dtype=object)[rng.integers(0, 3, int(blank.sum()))]
        columns[trait_id] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(columns)


def median_seconds(fn, repeat: int) -> tuple[float, float]:
    """Median wall-clock and median CPU seconds of the process; on a shared machine CPU time varies less."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def loop_seconds(engine_fn, rule_sets: list[RuleSet], projects: list[dict]) -> float:
    """CPU seconds per project for all rule sets, with a plain loop over the single engine."""
    start = time.process_time()
    for rs in rule_sets:
        for answers in projects:
            engine_fn(rs, answers, ignore_unknown_traits=True)
    return (time.process_time() - start) / len(projects)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sample", type=int, default=2000)
    parser.add_argument("--advise-sample", type=int, default=400)
    args = parser.parse_args()

    sources = RuleSources.bundled()
    rule_sets = [sources.load(m) for m in sources.ids()]
    start = time.perf_counter()
    frame = random_projects(rule_sets, args.rows, "str")
    made = time.perf_counter() - start
    frame_mb = frame.memory_usage(deep=True).sum() / 2**20
    rss_before = peak_rss_mb()
    print(f"{args.rows:,} projects x {len(frame.columns)} traits ({frame.dtypes.iloc[0]} columns, {frame_mb:.0f} MB), "
          f"generated in {made:.1f} s; frameworks: {', '.join(rs.id for rs in rule_sets)}")

    batch, batch_cpu = median_seconds(lambda: advise_many_each(rule_sets, frame), args.repeat)
    separate, separate_cpu = median_seconds(lambda: [advise_many(rs, frame) for rs in rule_sets], args.repeat)
    print(f"batch, advise_many_each over all {len(rule_sets)} frameworks, median of {args.repeat}: {batch:.2f} s "
          f"(CPU {batch_cpu:.2f} s)")
    print(f"batch, {len(rule_sets)} separate advise_many calls, median of {args.repeat}: {separate:.2f} s "
          f"(CPU {separate_cpu:.2f} s)")
    print(f"peak RSS of the process: {peak_rss_mb():.0f} MB (after generating the frame: {rss_before:.0f} MB)")
    objects = random_projects(rule_sets, args.rows, "object")  # the same projects, as object columns (as from Excel)
    as_objects, as_objects_cpu = median_seconds(lambda: advise_many_each(rule_sets, objects), args.repeat)
    print(f"batch, advise_many_each on the same projects as object columns, median of {args.repeat}: {as_objects:.2f} s "
          f"(CPU {as_objects_cpu:.2f} s; peak RSS now {peak_rss_mb():.0f} MB, both frames in memory)")

    projects = [{k: v for k, v in ((k, parse_cell(v)) for k, v in row.items()) if v is not None}
                for row in frame.head(max(args.sample, args.advise_sample)).to_dict("records")]
    for name, engine_fn, sample in (("recommend()", recommend, projects[:args.sample]),
                                    ("advise()", advise, projects[:args.advise_sample])):
        per_project = loop_seconds(engine_fn, rule_sets, sample)
        loop = per_project * args.rows
        print(f"loop of {name} on {len(sample):,} projects x {len(rule_sets)} frameworks: "
              f"{per_project * 1e6 / len(rule_sets):.0f} us per project per framework; extrapolated to {args.rows:,}: "
              f"{loop:.0f} s = {loop / batch_cpu:.0f}x the batch")


if __name__ == "__main__":
    main()

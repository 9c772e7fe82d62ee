"""Benchmark of the batch engine (not a test: prints medians and peak memory, asserts nothing).

    .venv/bin/python benchmarks/bench_batch.py [--rows 1000000] [--repeat 5] [--sample 2000] [--advise-sample 400]

- row (last line, for the table of issue 17): 1,000,000 random projects (seeded) as categorical columns, scored
  under the 5 bundled frameworks with ladder.engine.batch.advise_many_each(..., scores=False) (recommendations
  only, as the portfolio reads them), against a reference of the same shape written here in plain numpy: per
  framework, per trait with a column, its integer codes pick a row of a float table (one entry per category and
  one for a missing cell, one column per rung) and the rows are added up; per kader and pre check one bit, from a
  table over the codes of a trait it reads; the bits pick a row of 0 and -inf from a table of the allowed rungs,
  and np.argmax gives the rung. Both in chunks of CHUNK_ROWS rows. The two run interleaved, each run in a fresh
  subprocess (which generates the frame, runs once to warm up and then once timed), so that the peak resident set
  size (ru_maxrss) is that of one side alone, frame included. Medians of --repeat runs each.
- other: the same projects with scores (scores=True, today's default), and as string columns (pandas' default
  string dtype, as from a CSV file), each --repeat runs in one subprocess.
- loop: a plain per-project loop of the engine under the same 5 frameworks, with recommend() (rung and
  scores only, the engine's fast path) on the first --sample projects and with advise() (the full explained
  advice: flips, unknowns, phases, methods) on the first --advise-sample; extrapolated per project to the
  full frame, for the ratio (CPU time against the batch's CPU time with scores, both single-threaded). The rows
  are turned into dicts beforehand, so the loop times the engine only.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ladder.engine.advisor import advise, recommend  # noqa: E402
from ladder.engine.batch import CHUNK_ROWS, MULTI_SEPARATOR, advise_many_each, parse_cell  # noqa: E402
from ladder.rules.conditions import traits_in  # noqa: E402
from ladder.rules.model import UNKNOWN, RuleSet  # noqa: E402
from ladder.rules.sources import RuleSources  # noqa: E402

SEED = 20261123
UNKNOWN_SHARE = 0.1  # share of cells left onbekend: a third written 'onbekend', a third empty, a third missing


def random_projects(rule_sets: list[RuleSet], rows: int, dtype: str, seed: int = SEED) -> pd.DataFrame:
    """One column per trait id of any of the rule sets; multiple-answer traits get one to three answers joined.

    The same projects for every dtype: 'category' is built from the codes directly (no column of strings on the
    way, so the frame stays small), any other dtype from the cells the codes stand for.
    """
    rng = np.random.default_rng(seed)
    traits = {t.id: t for rs in rule_sets for t in rs.traits}
    columns = {}
    for trait_id, trait in traits.items():
        options = list(trait.option_ids())
        if trait.multiple:  # an exclusive option (procedure: geen, ...) only on its own, as the form gives it
            exclusive = [o.id for o in trait.options if o.exclusive]
            others = [o.id for o in trait.options if not o.exclusive]
            picks = [rng.choice(others, size=rng.integers(1, 4), replace=False) for _ in range(256)]
            options = list(dict.fromkeys(exclusive + [MULTI_SEPARATOR.join(o for o in others if o in p) for p in picks]))
        categories = options + [UNKNOWN, ""]
        codes = rng.integers(0, len(options), rows)
        blank = rng.random(rows) < UNKNOWN_SHARE
        codes[blank] = np.array([len(options), len(options) + 1, -1])[rng.integers(0, 3, int(blank.sum()))]
        codes = codes.astype(np.int8 if len(categories) < 127 else np.int16)
        if dtype == "category":
            columns[trait_id] = pd.Series(pd.Categorical.from_codes(codes, categories))
        else:
            columns[trait_id] = pd.Series(np.array(categories + [None], dtype=object)[codes], dtype=dtype)
    return pd.DataFrame(columns)


def reference(rule_sets: list[RuleSet], frame: pd.DataFrame) -> list[np.ndarray]:
    """Plain numpy of the same shape as the batch engine's work: see the module docstring. Its numbers are made up."""
    rng = np.random.default_rng(SEED)
    n = len(frame)
    codes = {c: frame[c].cat.codes.to_numpy() for c in frame.columns}
    best = []
    for rs in rule_sets:
        rungs = len(rs.rungs)
        traits = [t.id for t in rs.traits if t.id in codes]
        # a row per category and one more, the last, for a missing cell (code -1)
        points = {t: rng.integers(-8, 9, (len(frame[t].cat.categories) + 1, rungs)) * 0.5 for t in traits}
        conditions = [*(k for k in rs.kaders if not k.warning), *rs.preconditions.pre]
        reads = [next((t for t in sorted(traits_in(c.when)) if t in codes), traits[0]) for c in conditions]
        fires = [rng.random(len(frame[t].cat.categories) + 1) < 0.2 for t in reads]
        allowed = np.where(rng.random((1 << len(conditions), rungs)) < 0.7, 0.0, -np.inf)
        allowed[:, 0] = 0.0  # at least one rung allowed
        out = np.zeros(n, dtype=np.int8)
        for start in range(0, n, CHUNK_ROWS):
            stop = min(start + CHUNK_ROWS, n)
            totals = np.zeros((stop - start, rungs))
            for t in traits:
                totals += points[t].take(codes[t][start:stop], axis=0)
            pattern = np.zeros(stop - start, dtype=np.intp)
            for bit, (t, table) in enumerate(zip(reads, fires)):
                pattern |= table.take(codes[t][start:stop]).astype(np.intp) << bit
            out[start:stop] = np.argmax(totals + allowed.take(pattern, axis=0), axis=1)
        best.append(out)
    return best


def rule_sets_bundled() -> list[RuleSet]:
    sources = RuleSources.bundled()
    return [sources.load(m) for m in sources.ids()]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    start, start_cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - start_cpu


def child(side: str, rows: int, repeat: int) -> None:
    """One measured side in this (fresh) process: prints its timings and its peak RSS as JSON."""
    rule_sets = rule_sets_bundled()
    dtype = "str" if side == "strings" else "category"
    frame = random_projects(rule_sets, rows, dtype)
    run: Callable[[], object] = {
        "reference": lambda: reference(rule_sets, frame),
        "engine": lambda: advise_many_each(rule_sets, frame, scores=False),
        "scores": lambda: advise_many_each(rule_sets, frame),
        "strings": lambda: advise_many_each(rule_sets, frame),
    }[side]
    run()  # warm up: imports, the rule sets' compiled forms
    runs = [timed(run) for _ in range(repeat)]
    print(json.dumps({"wall": [w for w, _ in runs], "cpu": [c for _, c in runs], "peak_mb": peak_rss_mb(),
                      "frame_mb": float(frame.memory_usage(deep=True).sum() / 2**20)}))


def in_child(side: str, rows: int, repeat: int = 1) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", side, "--rows", str(rows), "--repeat", str(repeat)],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


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
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sample", type=int, default=2000)
    parser.add_argument("--advise-sample", type=int, default=400)
    parser.add_argument("--child", choices=["reference", "engine", "scores", "strings"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.rows, args.repeat)

    rule_sets = rule_sets_bundled()
    frameworks = len(rule_sets)
    sample = random_projects(rule_sets, max(args.sample, args.advise_sample), "str")
    print(f"{args.rows:,} projects x {len(sample.columns)} traits, frameworks: {', '.join(rs.id for rs in rule_sets)}; "
          f"chunks of {CHUNK_ROWS:,} rows")

    scored = {}
    for side, label in (("scores", "categorical columns, with scores"), ("strings", "string columns, with scores")):
        scored[side] = result = in_child(side, args.rows, args.repeat)
        print(f"batch, advise_many_each over all {frameworks} frameworks, {label}, median of {args.repeat}: "
              f"{statistics.median(result['wall']):.2f} s (CPU {statistics.median(result['cpu']):.2f} s); "
              f"peak RSS of its process {result['peak_mb']:.0f} MB (frame {result['frame_mb']:.0f} MB)")

    projects = [{k: v for k, v in ((k, parse_cell(v)) for k, v in row.items()) if v is not None}
                for row in sample.to_dict("records")]
    batch_cpu = statistics.median(scored["scores"]["cpu"])
    for name, engine_fn, some in (("recommend()", recommend, projects[:args.sample]),
                                  ("advise()", advise, projects[:args.advise_sample])):
        per_project = loop_seconds(engine_fn, rule_sets, some)
        loop = per_project * args.rows
        print(f"loop of {name} on {len(some):,} projects x {frameworks} frameworks: "
              f"{per_project * 1e6 / frameworks:.0f} us per project per framework; extrapolated to {args.rows:,}: "
              f"{loop:.0f} s = {loop / batch_cpu:.0f}x the batch with scores")

    runs: dict[str, list[dict]] = {"reference": [], "engine": []}
    for _ in range(args.repeat):  # interleaved, so both sides see the same load of the machine
        for side in runs:
            runs[side].append(in_child(side, args.rows))
    wall = {side: statistics.median(r["wall"][0] for r in results) for side, results in runs.items()}
    cpu = {side: statistics.median(r["cpu"][0] for r in results) for side, results in runs.items()}
    peak = {side: max(r["peak_mb"] for r in results) for side, results in runs.items()}
    for side, label in (("reference", "reference, plain numpy of the same shape"),
                        ("engine", "batch, advise_many_each(..., scores=False), categorical columns")):
        print(f"{label}, median of {args.repeat} interleaved runs: {wall[side]:.2f} s (CPU {cpu[side]:.2f} s); "
              f"peak RSS of its process {peak[side]:.0f} MB")
    print(f"ROW | {args.rows:,} projects × {frameworks} frameworks | reference {wall['reference']:.2f} s | "
          f"now {wall['engine']:.2f} s | ratio {wall['engine'] / wall['reference']:.2f} | peak {peak['engine']:.0f} MB")


if __name__ == "__main__":
    main()

"""Benchmark of reading a portfolio and of loading the rule sets (not a test: prints medians and peak memory, asserts
nothing).

    .venv/bin/python benchmarks/bench_read.py [--rows 100000] [--repeat 5]

1. A CSV of --rows projects, drawn with a fixed seed from examples/portfolio.csv (as bench_portfolio.py draws them,
   every row valid). References: pandas.read_csv (its C reader, every column as text) and pyarrow.csv.read_csv
   (when installed), reading the file only. Ours: ladder.analysis.portfolio.score_file, which reads, checks and
   scores it under the 5 bundled frameworks. The three take turns, --repeat times; the median of each.
2. The command line end to end: `python -m ladder batch FILE -m ID (each of the 5) -o results.csv` in a subprocess,
   the whole command timed (start, rule sets, read, check, score, write), taking turns with the fresh load of 3.
3. All bundled rule sets loaded and validated (RuleSources.load for every id). Warm: in this process, imports done,
   with the parsed-file cache (ladder.rules.loading._parse_cached) cleared before every round: the app only loads
   again when a file changed, and then that cache misses too, so a cached round would time nothing real (it is
   printed as well, for comparison). Fresh: `python -c` in a subprocess that imports and loads them, timed whole.
Peak memory is each process's ru_maxrss (os.wait4 in a small launcher process): for the portfolio, the CLI process, which does
the whole job; for the rule sets, the fresh process. Timings on a shared machine are noisy: compare interleaved runs;
the CPU seconds of ours and of each subprocess are printed too, as they vary less with the load.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ladder.analysis.portfolio import score_file  # noqa: E402
from ladder.rules import loading  # noqa: E402
from ladder.rules.sources import RuleSources  # noqa: E402

SEED = 2026  # as bench_portfolio.py
LOAD_ALL = "from ladder.rules.sources import RuleSources; s = RuleSources.bundled(); [s.load(i) for i in s.ids()]"


def portfolio_csv(rows: int, folder: Path) -> Path:
    """--rows projects drawn from the example, written as Dutch Excel writes a CSV (semicolons, a BOM)."""
    example = pd.read_csv(ROOT / "examples" / "portfolio.csv", sep=";", dtype=str, keep_default_na=False,
                          encoding="utf-8-sig")
    path = folder / f"portfolio_{rows}.csv"
    example.sample(n=rows, replace=True, random_state=SEED).to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    return path


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


# Runs a command and reports its wall-clock seconds, CPU seconds and peak memory. A child keeps the peak of the
# process it was forked from (Linux carries ru_maxrss across exec), so the command is started from this small
# process, not from the benchmark, which holds the generated file and pandas.
LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(os.waitstatus_to_exitcode(status), time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def run_process(command: list[str]) -> tuple[float, float, float]:
    """Wall-clock seconds of the whole command, its CPU seconds, and its peak resident memory in MB."""
    done = subprocess.run([sys.executable, "-c", LAUNCHER, *command], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    code, seconds, cpu, peak_kb = done.stdout.split()
    if int(code) not in (0, 1):  # 1: some rows skipped, the others written
        raise SystemExit(f"{' '.join(command)} failed with exit code {code}")
    return float(seconds), float(cpu), float(peak_kb) / 1024  # Linux reports kilobytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    try:
        import pyarrow.csv as pa_csv
    except ImportError:
        pa_csv = None
    sources = RuleSources.bundled()
    ids = sources.ids()
    rule_sets = [sources.load(i) for i in ids]

    def load_all() -> None:
        loading._parse_cached.cache_clear()
        for i in ids:
            sources.load(i)

    with tempfile.TemporaryDirectory() as tmp:
        path = portfolio_csv(args.rows, Path(tmp))
        data = path.read_bytes()
        print(f"{args.rows:,} projects, {len(data) / 1e6:.1f} MB CSV, {len(rule_sets)} frameworks: {', '.join(ids)}")
        cli = [sys.executable, "-m", "ladder", "batch", str(path), *(a for i in ids for a in ("-m", i)),
               "-o", str(Path(tmp) / "results.csv")]
        fresh = [sys.executable, "-c", LOAD_ALL]
        times: dict[str, list[float]] = {k: [] for k in ("pandas", "pyarrow", "ours", "cli", "warm", "cached", "fresh")}
        cpu: dict[str, list[float]] = {"ours": [], "cli": [], "fresh": []}
        peaks: dict[str, list[float]] = {"cli": [], "fresh": []}
        score_file(data, path.name, rule_sets)  # the first round pays for imports and first calls
        for _ in range(args.repeat):
            times["pandas"].append(timed(lambda: pd.read_csv(io.BytesIO(data), sep=";", dtype=str, keep_default_na=False,
                                                             encoding="utf-8-sig")))
            if pa_csv is not None:
                times["pyarrow"].append(timed(lambda: pa_csv.read_csv(io.BytesIO(data), parse_options=pa_csv.ParseOptions(
                    delimiter=";", newlines_in_values=True))))
            cpu_start = time.process_time()
            times["ours"].append(timed(lambda: score_file(data, path.name, rule_sets)))
            cpu["ours"].append(time.process_time() - cpu_start)
            for name, command in (("cli", cli), ("fresh", fresh)):
                seconds, cpu_seconds, peak = run_process(command)
                times[name].append(seconds)
                cpu[name].append(cpu_seconds)
                peaks[name].append(peak)
            times["warm"].append(timed(load_all))
            times["cached"].append(timed(lambda: [sources.load(i) for i in ids]))

    median = {k: statistics.median(v) if v else float("nan") for k, v in times.items()}
    for name, values in times.items():
        shown = ", ".join(f"{v:.3f}" for v in values) or "not installed"
        used = f"; CPU median {statistics.median(cpu[name]):.3f} s" if cpu.get(name) else ""
        print(f"{name:>8}: median {median[name]:.3f} s of {shown}{used}")
    print(f"peak: CLI {max(peaks['cli']):.0f} MB, fresh rule-set load {max(peaks['fresh']):.0f} MB; "
          f"cached rule-set load (not a real load, see above) {median['cached'] * 1000:.0f} ms")
    print(f"ROW | {args.rows:,}-row CSV read, checked, scored ×5 | reference {median['pandas']:.2f} s (pandas), "
          f"{median['pyarrow']:.2f} s (pyarrow) | now {median['ours']:.2f} s | CLI {median['cli']:.2f} s | "
          f"peak {max(peaks['cli']):.0f} MB")
    print(f"ROW | all bundled rule sets loaded and validated | — | warm {median['warm'] * 1000:.0f} ms | "
          f"fresh {median['fresh'] * 1000:.0f} ms | peak {max(peaks['fresh']):.0f} MB")


if __name__ == "__main__":
    main()

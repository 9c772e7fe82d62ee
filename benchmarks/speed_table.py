"""Every row of issue 17's table in one run (not a test: prints, asserts nothing).

    .venv/bin/python benchmarks/speed_table.py

Runs each benchmark in its own process, one after the other, and prints the line each ends with ("ROW | ..."):
one advice (bench_core), 1,000,000 projects × 5 frameworks (bench_batch), the 100,000-row CSV and the rule sets
(bench_read), the Advies page rerun (bench_app), and the network's matching (bench_network). Each script compares
with its own reference in the same run; see their docstrings. Takes several minutes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = ("bench_core.py", "bench_batch.py", "bench_read.py", "bench_app.py", "bench_network.py")


def main() -> None:
    rows: list[str] = []
    for script in SCRIPTS:
        print(f"running {script} ...", flush=True)
        done = subprocess.run([sys.executable, str(HERE / script)], capture_output=True, text=True, cwd=HERE.parent)
        found = [line for line in done.stdout.splitlines() if line.startswith("ROW |")]
        rows += found or [f"ROW | {script} | failed (exit {done.returncode}) | {done.stderr.strip()[-200:]}"]
    print("\n| work | reference | now | ratio / more |\n|---|---|---|---|")
    for row in rows:
        cells = [c.strip() for c in row.split("|")[1:]]
        print("| " + " | ".join(cells[:1] + [" · ".join(cells[1:2]), " · ".join(cells[2:3]), " · ".join(cells[3:])])
              + " |")


if __name__ == "__main__":
    main()

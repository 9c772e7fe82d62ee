"""Benchmarks for the app (not a test: prints medians, asserts nothing).

    .venv/bin/python benchmarks/bench_app.py

- rerun: the Advies page after one changed answer (AppTest, the whole script: questions, advice, charts,
  what-if), alternating between answers so every run really recomputes.
- startup: from `streamlit run app.py` to /_stcore/health answering, in a fresh process each time.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from tests.browser.harness import running_app  # noqa: E402

RERUNS = 40
STARTS = 5
ALTERNATIVES = ("geen", "beperkt", "ruim", "open")


def rerun_ms() -> list[float]:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.switch_page("ui/pages/advies.py").run()
    widget = "q:voorbeeldgemeente:beleidsruimte"
    times = []
    for i in range(RERUNS):
        at.selectbox(key=widget).set_value(ALTERNATIVES[i % len(ALTERNATIVES)])
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
        assert not at.exception, at.exception
    return times[2:]  # the first runs fill caches (rule set, compiled weights)


def startup_s() -> list[float]:
    times = []
    for _ in range(STARTS):
        start = time.perf_counter()
        with running_app():
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    reruns = rerun_ms()
    print(f"advice page rerun after one changed answer: median {statistics.median(reruns):.0f} ms, "
          f"max {max(reruns):.0f} ms over {len(reruns)} runs")
    starts = startup_s()
    print(f"streamlit run -> /_stcore/health: median {statistics.median(starts):.2f} s, "
          f"max {max(starts):.2f} s over {len(starts)} starts")


if __name__ == "__main__":
    main()

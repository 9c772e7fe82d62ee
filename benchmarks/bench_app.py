"""Benchmarks for the app (not a test: prints medians, asserts nothing).

    .venv/bin/python benchmarks/bench_app.py

- rerun: the Advies page after one changed answer (AppTest, the whole script: questions, advice, charts,
  what-if), alternating between answers so every run really recomputes. The page opens on the example project
  (examples/marktplein.yaml) from a shared link: with too little answered the page shows no form, no tabs and no
  charts, and the rerun measured would not be the one people wait for.
- startup: from `streamlit run app.py` to /_stcore/health answering, in a fresh process each time.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from tests.browser.harness import running_app  # noqa: E402

RERUNS = 40
STARTS = 5
ALTERNATIVES = ("geen", "beperkt", "ruim", "open")  # every one still advises a form for this project
PROJECT = ROOT / "examples" / "marktplein.yaml"


def project_link() -> dict[str, str]:
    """The example project's answers as a shared link writes them: several options joined by commas."""
    answers = yaml.safe_load(PROJECT.read_text(encoding="utf-8"))["answers"]
    return {trait: ",".join(a) if isinstance(a, list) else a for trait, a in answers.items()}


def rerun_ms() -> list[float]:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in project_link().items():
        at.query_params[key] = value
    at.switch_page("ui/pages/advies.py").run()
    assert at.tabs, "the page shows no advised form: the benchmark would skip the tabs and their charts"
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
    median, p90 = statistics.median(reruns), statistics.quantiles(reruns, n=10)[-1]
    print(f"advice page rerun after one changed answer: median {median:.0f} ms, "
          f"max {max(reruns):.0f} ms over {len(reruns)} runs")
    starts = startup_s()
    print(f"streamlit run -> /_stcore/health: median {statistics.median(starts):.2f} s, "
          f"max {max(starts):.2f} s over {len(starts)} starts")
    print(f"ROW | Advies page rerun after one answer | — | now {median:.0f} ms median (AppTest) | p90 {p90:.0f} ms")


if __name__ == "__main__":
    main()

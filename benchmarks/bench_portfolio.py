"""Benchmark: a 100,000-row portfolio CSV scored under five frameworks in the app (not a test: prints, asserts nothing).

    .venv/bin/python benchmarks/bench_portfolio.py [ROWS]

Serves the app, opens the Portfolio page in chromium (the browser tests' harness), chooses all five bundled
frameworks, uploads a CSV of ROWS projects (drawn with a fixed seed from examples/portfolio.csv, so every row is
valid) and times from the upload to the results on screen. Prints the progress-bar texts seen on the way.
The issue's target: 100,000 rows within 30 s, with progress shown.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from browser.harness import chromium, expect_rerun, new_context, open_page, running_app, wait_for_app  # noqa: E402

from ladder.analysis.portfolio import framework_label  # noqa: E402
from ladder.rules.sources import RuleSources  # noqa: E402
from ui.state import DEFAULT_MUNICIPALITY  # noqa: E402

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
SEED = 2026
FRAMEWORKS_LABEL = "Regels van gemeenten (1 tot 5)"
SCORED = "[data-testid='stMetricValue']"
LIMIT_S = 300
SOURCES = RuleSources.bundled()


def portfolio_csv(rows: int, folder: Path) -> Path:
    example = pd.read_csv(ROOT / "examples" / "portfolio.csv", sep=None, engine="python", dtype=str, keep_default_na=False)
    drawn = example.sample(n=rows, replace=True, random_state=SEED)
    path = folder / f"portfolio_{rows}.csv"
    drawn.to_csv(path, sep=";", index=False, encoding="utf-8-sig")
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        csv = portfolio_csv(ROWS, Path(tmp))
        print(f"{ROWS:,} projects, {csv.stat().st_size / 1e6:.1f} MB CSV, {len(SOURCES.ids())} frameworks")
        with running_app() as app, chromium() as browser:
            page = new_context(browser).new_page()
            page.set_default_timeout(LIMIT_S * 1000)
            open_page(page, app.url, "portfolio")
            chosen = page.get_by_role("combobox", name=FRAMEWORKS_LABEL)
            for municipality_id in SOURCES.ids():
                if municipality_id == DEFAULT_MUNICIPALITY:  # the sidebar's, chosen already
                    continue
                name = framework_label(SOURCES.load(municipality_id), "nl")
                with expect_rerun(page):
                    chosen.click()
                    page.keyboard.type(name)  # the list filters as you type; Enter takes the first match
                    page.keyboard.press("Enter")
                page.keyboard.press("Escape")
            start = time.perf_counter()
            page.locator("input[type=file]").set_input_files(str(csv))
            progress: list[tuple[float, str]] = []
            while _scored(page) != str(ROWS):
                bar = page.locator("[data-testid='stProgress']")
                if bar.count():
                    text = bar.first.inner_text().strip()
                    if text and (not progress or progress[-1][1] != text):
                        progress.append((time.perf_counter() - start, text))
                if time.perf_counter() - start > LIMIT_S:
                    raise SystemExit(f"no result after {LIMIT_S} s")
                time.sleep(0.2)
            wait_for_app(page)
            print(f"upload to results on screen: {time.perf_counter() - start:.1f} s")
            for at, text in progress:
                print(f"  {at:5.1f} s  {text}")


def _scored(page) -> str:
    """The 'scored' metric as digits only, whatever thousands separator it shows."""
    values = page.locator(SCORED).all_inner_texts()
    return "".join(c for c in values[0] if c.isdigit()) if values else ""


if __name__ == "__main__":
    main()

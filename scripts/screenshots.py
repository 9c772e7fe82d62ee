"""Screenshots of every page at 1280x800 into docs/screenshots/, taken with the browser tests' harness.

Run: .venv/bin/python scripts/screenshots.py   (needs /usr/bin/chromium: bash scripts/install-system-packages.sh)
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image

from ladder.rules.model import UNKNOWN

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the harness lives with the browser tests, so both drive the app alike

from browser.harness import (
    APP_ERROR,
    PAGES,
    BrowserMissing,
    chromium,
    new_context,
    open_page,
    running_app,
)
from golden.cases import golden_answers

OUT = ROOT / "docs" / "screenshots"


def _link(answers: dict[str, object]) -> dict[str, str]:
    """Answers as a shared link carries them: several answers to one question joined by commas."""
    return {trait: ",".join(value) if isinstance(value, list) else str(value) for trait, value in answers.items()
            if value != UNKNOWN}  # an unanswered question is simply left out of a link


# The advice page as a shared link opens it with a realistic project (golden case 04, a square redesign: coproduceren),
# so it shows an explained advice and not the "too little is known" card of model v2
ADVICE_LINK = _link(golden_answers("04"))
# Golden case 15: water storage under strict norms, where the frameworks' rules differ
COMPARE_ANSWERS = _link(golden_answers("15"))
# (file stem, page, query, text to scroll to the top: the views below the fold worth a picture of their own)
SHOTS: tuple[tuple[str, str, dict[str, str], str | None], ...] = (
    ("start", PAGES["start"], {}, None),
    ("advies", PAGES["advies"], ADVICE_LINK, "Geadviseerde vorm:"),
    ("advies_uitleg", PAGES["advies"], ADVICE_LINK, "Wat duwde naar"),
    ("de_ladder", PAGES["de_ladder"], {}, None),
    ("regels", PAGES["regels"], {}, None),
    ("vergelijken", PAGES["vergelijken"], {"vergelijk": "voorbeeldgemeente,amersfoort,leusden", **COMPARE_ANSWERS},
     "Het advies per gemeente"),
    ("werkgroep", PAGES["werkgroep"], {}, None),
    ("portfolio", PAGES["portfolio"], {}, None),
)


def _small_png(png: bytes) -> Image.Image:
    """256 colours are plenty for a mostly flat page and make the committed files several times smaller."""
    return Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        with running_app() as app, chromium() as browser:
            context = new_context(browser)
            for name, path, query, top in SHOTS:
                page = context.new_page()
                open_page(page, app.url, path, **query)
                if page.locator(APP_ERROR).count():
                    sys.exit(f"{name}: the page shows an error; no screenshot taken. Server output:\n{app.output()}")
                if top:
                    page.get_by_text(top).first.evaluate("e => e.scrollIntoView({block: 'start'})")
                target = OUT / f"{name}.png"
                _small_png(page.screenshot(animations="disabled")).save(target, optimize=True)
                print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KB")
                page.close()
    except BrowserMissing as missing:
        sys.exit(str(missing))


if __name__ == "__main__":
    main()

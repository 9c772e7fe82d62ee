"""Screenshots of every page at 1280x800 into docs/screenshots/, taken with the browser tests' harness.

Run: .venv/bin/python scripts/screenshots.py   (needs /usr/bin/chromium: bash scripts/install-system-packages.sh)
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PIL import Image

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

OUT = ROOT / "docs" / "screenshots"
# The advice page as a shared link opens it, with a few answers, so it shows an advice and not only empty questions
ADVICE_LINK = {"beleidsruimte": "open", "initiatiefnemer": "gemeente", "impact": "hoog", "fase": "agenda,voorbereiding"}
# Golden case 15: Amersfoort caps strict legal frames at Adviseren where the others allow more
COMPARE_ANSWERS = {"initiatiefnemer": "samen", "beleidsruimte": "ruim", "wettelijke_kaders": "strikt", "complexiteit": "hoog",
                   "impact": "hoog", "capaciteit_samenleving": "hoog", "vertrouwen": "hoog", "middelen": "hoog",
                   "fase": "voorbereiding"}
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

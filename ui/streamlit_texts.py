"""Streamlit's own widget texts in the page's language: Streamlit ships them in English only and has no setting.

A Dutch page must not say "Select all", "Help for …" or "Drag and drop files here" (WCAG 3.1.1/3.1.2: a screen reader
reads them with the page's Dutch voice, and a visitor meets two languages). A small script in the page (the
documented patch, `script`) rewrites those texts and the aria-labels and titles that carry them, as React draws
them, and again after every rerun. The English originals and their Dutch translations are listed here, in one
place: a Streamlit upgrade that renames a text shows up in the browser test (tests/browser/test_streamlit_texts.py).
"""

from __future__ import annotations

import json

from ladder.text import language

# Streamlit 1.67's English texts (from its frontend bundle) that the project's pages show, and their Dutch.
EXACT: dict[str, str] = {
    "Select all": "Alles kiezen",
    "Clear all": "Alles wissen",
    "No results": "Geen resultaten",
    "Choose an option": "Kies een optie",
    "Choose options": "Kies één of meer",
    "Drag and drop file here": "Sleep een bestand hierheen",
    "Drag and drop a file here": "Sleep een bestand hierheen",
    "Drag and drop files here": "Sleep bestanden hierheen",
    "Upload": "Bestand kiezen",
    "Skip to main content": "Naar de inhoud",
    "Collapse sidebar": "Zijbalk sluiten",
    "Expand sidebar": "Zijbalk openen",
    "Download as CSV": "Downloaden als CSV",
    "Search": "Zoeken",
    "Fullscreen": "Volledig scherm",
    "Close": "Sluiten",
    "Show password": "Wachtwoord tonen",
    "Running...": "Bezig...",
    "Page not found": "Pagina niet gevonden",
}
# Texts with a part that varies ("{}"): the English pattern and its Dutch.
PATTERNS: dict[str, str] = {
    "Help for {}": "Uitleg bij {}",
    "Remove {}": "{} weghalen",
    "{} per file": "{} per bestand",
}
ATTRIBUTES = ("aria-label", "title", "placeholder")


def translations(lang: str) -> dict[str, object]:
    """What the script replaces for a page in `lang`: English to Dutch on a Dutch page; on an English page the way
    back for the fixed texts a Dutch run left behind before the language was switched (the varying ones are drawn
    anew with their new label)."""
    to_dutch = language(lang) == "nl"
    exact = EXACT if to_dutch else {nl: en for en, nl in EXACT.items()}
    patterns = PATTERNS if to_dutch else {}
    return {"exact": exact, "patterns": [[_regex(source), target.replace("{}", "$1")]
                                         for source, target in patterns.items()]}


def _regex(pattern: str) -> str:
    head, _, tail = pattern.partition("{}")
    return "^" + _escape(head) + "(.+)" + _escape(tail) + "$"


def _escape(text: str) -> str:
    return "".join("\\" + ch if ch in r"\^$.*+?()[]{}|/" else ch for ch in text)


def script(lang: str) -> str:
    """The <script> for st.html(..., unsafe_allow_javascript=True): sets the page language and installs (once) an
    observer that translates Streamlit's texts as they appear; every run passes the current language's table."""
    table = json.dumps(translations(lang), ensure_ascii=False)
    return f"""<script>
(() => {{
  document.documentElement.lang = {json.dumps(language(lang))};
  window.__ladderTexts = {table};
  const ATTRS = {json.dumps(list(ATTRIBUTES))};
  const swap = (value) => {{
    const table = window.__ladderTexts, text = value.trim();
    if (!text) return null;
    if (Object.hasOwn(table.exact, text)) return value.replace(text, table.exact[text]);
    for (const [source, target] of table.patterns) {{
      const re = new RegExp(source);
      if (re.test(text)) return value.replace(text, text.replace(re, target));
    }}
    return null;
  }};
  const fix = (root) => {{
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {{
      const swapped = swap(node.nodeValue);
      if (swapped !== null && swapped !== node.nodeValue) node.nodeValue = swapped;
    }}
    const elements = root.querySelectorAll ? [root, ...root.querySelectorAll("[aria-label],[title],[placeholder]")] : [];
    for (const element of elements) {{
      for (const name of ATTRS) {{
        const value = element.getAttribute && element.getAttribute(name);
        const swapped = value && swap(value);
        if (swapped && swapped !== value) element.setAttribute(name, swapped);
      }}
    }}
  }};
  fix(document.body);
  if (!window.__ladderTextsObserver) {{
    window.__ladderTextsObserver = new MutationObserver((changes) => {{
      for (const change of changes) {{
        if (change.type === "characterData") fix(change.target.parentNode || document.body);
        else if (change.type === "attributes") fix(change.target);
        else change.addedNodes.forEach((node) => fix(node.nodeType === 1 ? node : node.parentNode || document.body));
      }}
    }});
    window.__ladderTextsObserver.observe(document.body, {{subtree: true, childList: true, characterData: true,
                                                          attributes: true, attributeFilter: ATTRS}});
  }}
}})();
</script>"""

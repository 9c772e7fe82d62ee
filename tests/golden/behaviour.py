"""What the library produces for fixed input: every golden case's advice under every bundled municipality,
and the text, Markdown and PDF of some, and a working-group report, each as bytes.

tests/test_behaviour_kept.py compares their SHA-256 with behaviour.json, so a refactoring that changes one
byte of an advice or a document fails. A change meant to alter output regenerates the record on purpose:
    PYTHONPATH=tests .venv/bin/python -m tests.golden.behaviour --update
and says in its commit what changed and why.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

from golden.cases import CASES
from ladder import RuleSources, advise
from ladder.analysis.group import Respondent, summarize
from ladder.reports.group import SessionInfo, render_group_markdown, render_group_pdf
from ladder.reports.markdown import render_markdown
from ladder.reports.pdf import render_pdf
from ladder.reports.plain_text import render_text

HERE = Path(__file__).parent
RECORD = HERE / "behaviour.json"
DOCUMENT_CASES = ("02", "05", "07", "12", "18")  # an inspraak, a budget, an initiative, a hand-over, a village
PDF_MUNICIPALITIES = ("voorbeeldgemeente", "leusden")
GROUP_ROLES = ("raadslid", "inwoner", "ambtenaar", "inwoner", "ondernemer")


def _project(case: Path) -> dict:
    return yaml.safe_load(case.read_text(encoding="utf-8"))["project"]


def artefacts() -> Iterator[tuple[str, bytes]]:
    sources = RuleSources.bundled()
    for municipality in sources.ids():
        rule_set = sources.load(municipality)
        for case in CASES:
            project = _project(case)
            advice = advise(rule_set, project["answers"], ignore_unknown_traits=True)
            yield f"{municipality}__{case.stem}.json", advice.to_json().encode()
            if case.stem[:2] not in DOCUMENT_CASES:
                continue
            title, description = project["title"], project.get("description", "")
            for lang in ("nl", "en"):
                yield f"{municipality}__{case.stem}__{lang}.txt", render_text(advice, rule_set, title, lang).encode()
                yield (f"{municipality}__{case.stem}__{lang}.md",
                       render_markdown(advice, rule_set, title, lang, description).encode())
                if municipality in PDF_MUNICIPALITIES:
                    yield f"{municipality}__{case.stem}__{lang}.pdf", render_pdf(advice, rule_set, title, lang, description)
    rule_set = sources.load("voorbeeldgemeente")
    people = [Respondent(name=f"P{i}", role=role, answers=_project(case)["answers"])  # type: ignore[arg-type]
              for i, (role, case) in enumerate(zip(GROUP_ROLES, CASES, strict=False))]
    summary = summarize(rule_set, people)
    info = SessionInfo(title="Werkgroep plein", description="Een test", held_on=dt.date(2026, 12, 1), closed=False,
                       notes={"impact": "Iedereen."})
    for lang in ("nl", "en"):
        yield f"group__{lang}.md", render_group_markdown(summary, rule_set, info, lang).encode()
        yield f"group__{lang}.pdf", render_group_pdf(summary, rule_set, info, lang)


def fingerprints() -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in artefacts()}


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        RECORD.write_text(json.dumps(fingerprints(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    elif len(sys.argv) == 3 and sys.argv[1] == "--dump":  # the artefacts themselves, to diff by hand
        folder = Path(sys.argv[2])
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in artefacts():
            (folder / name).write_bytes(data)
    else:
        sys.exit("usage: python -m tests.golden.behaviour --update | --dump FOLDER")

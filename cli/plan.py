"""Command line `plan N -o FILE` and `verslag N -o FILE`: the latest saved participation plan or verslag of register
entry N, as a document (the file's extension picks the format: the same Document the app offers).

The database is LADDER_DATABASE_URL, or the app's SQLite file; storage is imported only when these commands run.
A missing entry, plan or snapshot, or a storage problem, prints one clear line and exits with 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path

from cli.texts import t
from ladder.reports import MEDIA_TYPES, FileFormat, document_file
from ladder.reports.document import Document
from ladder.reports.plan_document import plan_document, verslag_document
from ladder.rules.sources import RuleSources
from ladder.text import LANGUAGES

EXIT_BAD_INPUT = 2


# The file's extension picks the format
FORMATS: dict[str, FileFormat] = {f".{format}": format for format in MEDIA_TYPES}


def add_parser(sub: argparse._SubParsersAction) -> None:
    for kind, about in (("plan", "the participation plan"), ("verslag", "the report on the participation")):
        p = sub.add_parser(kind, help=f"{about} of a register entry, as a document ({', '.join(FORMATS)})")
        p.add_argument("number", type=int, help="the entry's number in the register")
        p.add_argument("--output", "-o", type=Path, required=True, help=f"the file to write: {kind}{'/'.join(FORMATS)}")
        p.add_argument("--lang", choices=LANGUAGES, default="nl", help="the language of the headings")
        p.set_defaults(run=_run, kind=kind)


def _run(args: argparse.Namespace, sources: RuleSources) -> int:
    format = FORMATS.get(args.output.suffix.lower())
    if format is None:
        print(t(args.lang, "document_extension", path=args.output, extensions=", ".join(FORMATS)), file=sys.stderr)
        return EXIT_BAD_INPUT
    document = _document(args)
    if document is None:
        return EXIT_BAD_INPUT
    try:
        args.output.write_bytes(document_file(document, format))
    except OSError as exc:
        print(t(args.lang, "cannot_write", path=args.output, reason=exc.strerror), file=sys.stderr)
        return EXIT_BAD_INPUT
    print(t(args.lang, "report_written", path=args.output))
    return 0


def _document(args: argparse.Namespace) -> Document | None:
    """The latest version as a Document; None after one line on stderr when there is nothing to write."""
    from ladder.analysis.register_check import snapshot_rule_set
    from storage.database import open_database
    from storage.errors import StorageError
    from storage.plans import plan_versions, verslag_versions
    from storage.register import get_entry
    from storage.snapshots import get_snapshot

    logging.getLogger("storage").addHandler(logging.NullHandler())
    number, lang = args.number, args.lang
    try:
        db = open_database()
        try:
            entry = get_entry(db, number)
            if entry is None:
                return _say(lang, "no_entry", number)
            snapshot = get_snapshot(db, entry.summary.content_hash)
            plans = plan_versions(db, number)
            reports = verslag_versions(db, number) if args.kind == "verslag" else []
        finally:
            db.dispose()
    except StorageError as error:
        print(error.message(lang), file=sys.stderr)
        return None
    if snapshot is None:
        return _say(lang, "no_snapshot", number)
    rule_set = snapshot_rule_set(snapshot)
    if not plans:
        return _say(lang, "no_plan", number)
    plan = plans[0]
    if args.kind == "plan":
        return plan_document(plan.content, rule_set, lang, _day(plan.saved_at), plan.number)
    if not reports:
        return _say(lang, "no_verslag", number)
    return verslag_document(reports[0].content, plan.content, rule_set, lang, _day(reports[0].saved_at),
                            reports[0].number)


def _say(lang: str, key: str, number: int) -> Document | None:
    """Why there is no document, on stderr; None, so that `return _say(...)` ends the look-up."""
    print(t(lang, key, number=number), file=sys.stderr)
    return None


def _day(moment: dt.datetime) -> dt.date:
    return moment.date()

"""Command line `register list` and `register export -o FILE`: the saved advices, as a table or a CSV/Excel file.

The database is LADDER_DATABASE_URL, or the app's SQLite file. A storage problem prints one clear line and
exits with 2. The storage package is imported only when a register command runs: the other commands (and the
ladder package itself) stay free of the database.
"""

from __future__ import annotations

import argparse
import logging
import sys
import unicodedata
from pathlib import Path

import pandas as pd

from cli.texts import t
from ladder.reports.register_table import HEADERS, SOURCE_NAMES, RegisterNames, register_table
from ladder.reports.spreadsheet import to_csv, to_xlsx
from ladder.rules.sources import RuleSources
from ladder.text import LANGUAGES

EXIT_BAD_INPUT = 2
COLUMN_WIDTH = 40  # a long project name or reason is cut in the terminal; the export keeps it whole
LIST_COLUMNS = ("number", "date", "municipality", "project", "advised", "chosen", "evaluations")
EXPORTS = {".csv": to_csv, ".xlsx": lambda table: to_xlsx({"Register": table})}

def add_parser(sub: argparse._SubParsersAction) -> None:
    register = sub.add_parser("register", help="the register of saved advices: list or export")
    actions = register.add_subparsers(dest="register_command", required=True)

    p = actions.add_parser("list", help="show the saved advices as a table")
    _filters(p)
    p.set_defaults(run=_list)

    p = actions.add_parser("export", help="write the saved advices to a CSV or Excel (.xlsx) file")
    p.add_argument("--output", "-o", type=Path, required=True, help="register.csv or register.xlsx")
    _filters(p)
    p.set_defaults(run=_export)


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--municipality", "-m", help="only this municipality (rule-set id)")
    p.add_argument("--year", type=int, help="only advices saved in this year")
    p.add_argument("--advised", help="only this advised rung (id)")
    p.add_argument("--chosen", help="only this chosen rung (id)")
    p.add_argument("--source", choices=tuple(SOURCE_NAMES["nl"]), help="where the advice was saved from")
    p.add_argument("--search", default="", help="text in the project name, the reason or the evaluations")
    p.add_argument("--lang", choices=LANGUAGES, default="nl")


def _list(args: argparse.Namespace, sources: RuleSources) -> int:
    table = _table(args, sources)
    if table is None:
        return EXIT_BAD_INPUT
    if table.empty:
        print(t(args.lang, "register_empty"))
        return 0
    shown = table[[HEADERS[args.lang][c] for c in LIST_COLUMNS]]
    print(format_table(shown), end="")
    return 0


def _export(args: argparse.Namespace, sources: RuleSources) -> int:
    write = EXPORTS.get(args.output.suffix.lower())
    if write is None:
        print(t(args.lang, "bad_extension", path=args.output), file=sys.stderr)
        return EXIT_BAD_INPUT
    table = _table(args, sources, exporting=True)
    if table is None:
        return EXIT_BAD_INPUT
    try:
        args.output.write_bytes(write(table))
    except OSError as exc:
        print(t(args.lang, "cannot_write", path=args.output, reason=exc.strerror), file=sys.stderr)
        return EXIT_BAD_INPUT
    print(t(args.lang, "register_written", count=len(table), path=args.output))
    return 0


def _table(args: argparse.Namespace, sources: RuleSources, exporting: bool = False) -> pd.DataFrame | None:
    """The filtered register as a table; None (after one line on stderr) when the database cannot be used.
    An export is noted in the audit log before the data leaves: when the log cannot be written, nothing is."""
    from storage.audit import COMMAND_LINE
    from storage.database import open_database
    from storage.errors import StorageError
    from storage.register import RegisterFilter, list_entries, record_export

    # The storage log says what failed for whoever runs the service; in the terminal the one clear line below is it
    logging.getLogger("storage").addHandler(logging.NullHandler())
    where = RegisterFilter(text=args.search, municipality_id=args.municipality, advised_rung=args.advised,
                           chosen_rung=args.chosen, year=args.year, source=args.source)
    try:
        db = open_database()
        try:
            entries = list_entries(db, where)
            if exporting:
                record_export(db, actor=COMMAND_LINE)
        finally:
            db.dispose()
    except StorageError as error:
        print(error.message(args.lang), file=sys.stderr)
        return None
    names = RegisterNames.current(entries, sources.ids(), sources.load, args.lang)
    return register_table(entries, names, args.lang)


def format_table(table: pd.DataFrame) -> str:
    """Aligned columns for the terminal; texts people typed are cut and their control characters shown as spaces."""
    cells = [[_terminal(str(c)) for c in table.columns]]
    cells += [[_terminal("" if pd.isna(v) else str(v)) for v in row] for row in table.itertuples(index=False)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(table.columns))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines) + "\n"


def _terminal(text: str) -> str:
    """No escape sequences from the database reach the terminal; a long text ends in an ellipsis."""
    clean = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)
    return clean if len(clean) <= COLUMN_WIDTH else clean[:COLUMN_WIDTH - 1] + "…"

"""Command line `batch`: score a portfolio (CSV or Excel) under one or more frameworks.

    python -m ladder batch portfolio.csv --municipality amersfoort --municipality leusden -o results.csv

The results go to -o (.csv or .xlsx, by extension) or, as CSV, to standard output. Progress, skipped rows and
notices go to standard error: a progress bar on a terminal, a few plain lines otherwise (a log, a pipe).
Exit codes: 0 every row scored; 1 some rows were skipped (the others are written); 2 the input could not be
used (an unreadable file, no known columns, no row left to score, an unknown or broken rule set).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from cli.texts import t
from ladder.analysis.portfolio import (
    CHECK_STAGE,
    PortfolioError,
    PortfolioResult,
    framework_label,
    score_file,
    write_results,
)
from ladder.rules.loading import load_rule_set
from ladder.rules.model import RuleSet
from ladder.rules.sources import RuleSources
from ladder.text import LANGUAGES

EXIT_SKIPPED = 1
EXIT_BAD_INPUT = 2
DEFAULT_MUNICIPALITY = "voorbeeldgemeente"
OUTPUTS = (".csv", ".xlsx")
BAR_WIDTH = 30
PLAIN_STEPS = 4  # without a terminal: a line at 25, 50, 75 and 100 %

def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="score a portfolio of projects (CSV or Excel) under one or more municipalities")
    p.add_argument("portfolio", type=Path, help="a .csv or .xlsx file: a row per project, a column per question id")
    p.add_argument("--municipality", "-m", action="append", default=[],
                   help=f"rule-set id; repeat to compare several (default: {DEFAULT_MUNICIPALITY})")
    p.add_argument("--rules", type=Path, action="append", default=[], help="a rule-set file; may be repeated")
    p.add_argument("--output", "-o", type=Path, help="results.csv or results.xlsx; without it: CSV on standard output")
    p.add_argument("--lang", choices=LANGUAGES, default="nl")
    p.set_defaults(run=run)


def run(args: argparse.Namespace, sources: RuleSources) -> int:
    if args.output is not None and args.output.suffix.lower() not in OUTPUTS:
        print(t(args.lang, "bad_extension", path=args.output), file=sys.stderr)
        return EXIT_BAD_INPUT
    rule_sets = _rule_sets(args, sources)  # a RuleSetError reaches cli.main, which prints it and exits with 2
    try:
        data = args.portfolio.read_bytes()
    except OSError as error:
        print(t(args.lang, "cannot_read", path=args.portfolio, reason=error.strerror or error), file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        result = score_file(data, args.portfolio.name, rule_sets, progress_printer(sys.stderr, rule_sets, args.lang))
    except PortfolioError as error:
        print(f"{args.portfolio}: {error.message.get(args.lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    _report(result, args.lang)
    if not len(result.portfolio.rows):
        print(t(args.lang, "batch_nothing_scored"), file=sys.stderr)
        return EXIT_BAD_INPUT
    if not _write(result, args):
        return EXIT_BAD_INPUT
    return EXIT_SKIPPED if result.portfolio.bad_rows else 0


def _rule_sets(args: argparse.Namespace, sources: RuleSources) -> list[RuleSet]:
    wanted = list(dict.fromkeys(args.municipality)) or ([] if args.rules else [DEFAULT_MUNICIPALITY])
    return [*(sources.load(m) for m in wanted), *(load_rule_set(path, sources) for path in args.rules)]


def progress_printer(stream: TextIO, rule_sets: list[RuleSet], lang: str) -> Callable[[float, str], None]:
    """A bar redrawn in place on a terminal; otherwise a line at every quarter, so a log stays short."""
    names = {rs.id: framework_label(rs, lang) for rs in rule_sets}
    terminal = stream.isatty()
    shown = {"step": -1}

    def step_name(stage: str) -> str:
        if stage == CHECK_STAGE:
            return t(lang, "batch_checking")
        return t(lang, "batch_scoring", name=names.get(stage, stage))

    def show(fraction: float, stage: str) -> None:
        if terminal:
            filled = round(BAR_WIDTH * fraction)
            stream.write(f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {fraction:4.0%} {step_name(stage):<40}")
            if fraction >= 1:
                stream.write("\n")
            stream.flush()
            return
        reached = int(fraction * PLAIN_STEPS + 1e-9)
        for step in range(max(shown["step"] + 1, 1), reached + 1):  # every quarter once, also when one was skipped
            print(t(lang, "batch_progress", percent=round(100 * step / PLAIN_STEPS), step=step_name(stage)), file=stream)
        shown["step"] = max(shown["step"], reached)

    return show


def _report(result: PortfolioResult, lang: str) -> None:
    for notice in result.portfolio.notices:
        print(t(lang, "batch_notice", message=notice.get(lang)), file=sys.stderr)
    for bad in result.portfolio.bad_rows:
        project = f" ({bad.project})" if bad.project else ""
        print(t(lang, "batch_skipped", row=bad.row, project=project, reason=bad.reason(lang)), file=sys.stderr)


def _write(result: PortfolioResult, args: argparse.Namespace) -> bool:
    portfolio = result.portfolio
    frameworks = ", ".join(framework_label(rs, args.lang) for rs in result.rule_sets)
    summary = t(args.lang, "batch_summary", scored=len(portfolio.rows), frameworks=frameworks,
                skipped=len(portfolio.bad_rows))
    if args.output is None:
        sys.stdout.buffer.write(write_results(result, args.lang, xlsx=False).removeprefix(b"\xef\xbb\xbf"))
        sys.stdout.flush()
        print(summary, file=sys.stderr)
        return True
    try:
        args.output.write_bytes(write_results(result, args.lang, xlsx=args.output.suffix.lower() == ".xlsx"))
    except OSError as error:
        print(t(args.lang, "cannot_write", path=args.output, reason=error.strerror or error), file=sys.stderr)
        return False
    print(summary)
    print(t(args.lang, "batch_written", path=args.output))
    return True

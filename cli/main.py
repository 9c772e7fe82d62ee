"""Command line: advise, validate, municipalities, explain-rung, schema, algoritmeregister.

Exit codes: 0 done; 1 `validate` found problems; 2 the input could not be used (a bad project file,
bad answers, an unknown or broken rule set). User mistakes print one clear line each, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from cli import batch as cli_batch
from cli import plan as cli_plan
from cli import register as cli_register
from cli.texts import t
from ladder.engine.advisor import advise
from ladder.engine.roles import roles_for_rung
from ladder.reports import FORMATS, render
from ladder.reports.algoritmeregister import algoritmeregister_record, record_json, record_markdown
from ladder.rules.loading import MAX_PROBLEMS, load_rule_set, validate_file
from ladder.rules.model import VALUES, RuleSet
from ladder.rules.problems import AnswerError, Problem, RuleSetError
from ladder.rules.project import read_project
from ladder.rules.schema import rule_set_schema
from ladder.rules.sources import RuleSources
from ladder.text import LANGUAGES

EXIT_PROBLEMS = 1
EXIT_BAD_INPUT = 2


def main(argv: list[str] | None = None, sources: RuleSources | None = None) -> int:
    """Run one command; rule sets are found in `sources` (the bundled folders when none are given)."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args, sources or RuleSources.bundled())
    except RuleSetError as exc:
        _print_problems(exc.problems, getattr(args, "lang", "nl"))
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `... | head` closed the pipe; nothing is wrong
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m ladder", description="Participatieladder 3.0")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("advise", help="advise on a project file (YAML or JSON)")
    p.add_argument("project", type=Path)
    source = p.add_mutually_exclusive_group()
    source.add_argument("--municipality", "-m", default="voorbeeldgemeente", help="rule-set id (see: municipalities)")
    source.add_argument("--rules", type=Path, help="a rule-set file instead of a bundled municipality")
    p.add_argument("--format", "-f", choices=FORMATS, default="text",
                   help="text (default), md (Markdown), pdf (the participatieparagraaf), odt or docx (the full "
                        "report, editable; pdf, odt and docx need -o or a redirect), json (the full Advice)")
    p.add_argument("--json", dest="format", action="store_const", const="json", help="the same as --format json")
    p.add_argument("--output", "-o", type=Path, help="write the report to this file instead of to the screen")
    p.add_argument("--lang", choices=LANGUAGES, default="nl")
    p.set_defaults(run=_advise)

    p = sub.add_parser("validate", help="check rule-set files; exit 1 when any has problems")
    p.add_argument("files", type=Path, nargs="+")
    p.add_argument("--lang", choices=LANGUAGES, default="nl")
    p.set_defaults(run=_validate)

    p = sub.add_parser("municipalities", help="list the bundled rule sets")
    p.add_argument("--lang", choices=LANGUAGES, default="nl")
    p.set_defaults(run=_municipalities)

    p = sub.add_parser("explain-rung", help="explain one rung of the ladder")
    p.add_argument("rung")
    p.add_argument("--municipality", "-m", default="voorbeeldgemeente")
    p.add_argument("--lang", choices=LANGUAGES, default="nl")
    p.set_defaults(run=_explain_rung)

    p = sub.add_parser("schema", help="print the JSON Schema of a rule-set file")
    p.add_argument("--output", "-o", type=Path)
    p.set_defaults(run=_schema)

    p = sub.add_parser("algoritmeregister",
                       help="a record for the Dutch Algoritmeregister, from a rule set's metadata (Markdown or JSON)")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--municipality", "-m", default="voorbeeldgemeente", help="rule-set id (see: municipalities)")
    source.add_argument("--rules", type=Path, help="a rule-set file instead of a bundled municipality")
    p.add_argument("--format", "-f", choices=("md", "json"), default="md", help="md (Markdown, default) or json")
    p.add_argument("--source-url", help="the public repository, e.g. https://github.com/ORG/participatieladder/blob/main;"
                                        " fills in the field Link naar broncode")
    p.add_argument("--output", "-o", type=Path, help="write the record to this file instead of to the screen")
    p.add_argument("--lang", choices=LANGUAGES, default="nl")
    p.set_defaults(run=_algoritmeregister)

    cli_register.add_parser(sub)
    cli_plan.add_parser(sub)
    cli_batch.add_parser(sub)
    return parser


def _advise(args: argparse.Namespace, sources: RuleSources) -> int:
    rule_set = load_rule_set(args.rules, sources) if args.rules else sources.load(args.municipality)
    project, doc, problems = read_project(args.project)
    if project is None:
        _print_problems(problems, args.lang)
        return EXIT_BAD_INPUT
    try:
        advice = advise(rule_set, project.answers)
    except AnswerError as exc:
        _print_problems([Problem(str(args.project), doc.key_line(("answers", a.trait)) if doc else None,
                                 f"answers.{a.trait}", a.code, a.params) for a in exc.problems], args.lang)
        return EXIT_BAD_INPUT
    return _write_report(render(advice, rule_set, project.title, args.format, args.lang, project.description), args)


def _write_report(report: str | bytes, args: argparse.Namespace) -> int:
    """To the file named, else to standard output; a file (PDF, ODT, DOCX) only when that is not a terminal, where it
    would be noise."""
    if isinstance(report, str) and args.format == "json":
        report += "\n"
    if args.output:
        try:
            if isinstance(report, bytes):
                args.output.write_bytes(report)
            else:
                args.output.write_text(report, encoding="utf-8")
        except OSError as exc:
            print(t(args.lang, "cannot_write", path=args.output, reason=exc.strerror), file=sys.stderr)
            return EXIT_BAD_INPUT
        print(t(args.lang, "report_written", path=args.output))
    elif isinstance(report, str):
        sys.stdout.write(report)
    elif sys.stdout.isatty():
        print(t(args.lang, "file_to_terminal", name=args.format.upper(), format=args.format), file=sys.stderr)
        return EXIT_BAD_INPUT
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(report)
        sys.stdout.buffer.flush()
    return 0


def _validate(args: argparse.Namespace, sources: RuleSources) -> int:
    failed = False
    for path in args.files:
        problems = validate_file(path, sources)
        if problems:
            failed = True
            _print_problems(problems, args.lang)
        else:
            print(t(args.lang, "validate_ok", file=path))
    return EXIT_PROBLEMS if failed else 0


def _municipalities(args: argparse.Namespace, sources: RuleSources) -> int:
    print(t(args.lang, "municipalities_header"))
    for municipality_id in sources.ids():
        rs = sources.load(municipality_id)
        note = f"  ({t(args.lang, 'illustration_short')})" if rs.illustration else ""
        print(f"  {rs.id:<20} {rs.name.get(args.lang)}  v{rs.version} {rs.status} {rs.content_hash[:12]}{note}")
    return 0


def _explain_rung(args: argparse.Namespace, sources: RuleSources) -> int:
    rule_set = sources.load(args.municipality)
    lang = args.lang
    if args.rung not in rule_set.rung_ids():
        print(t(lang, "unknown_rung", rung=args.rung, known=", ".join(rule_set.rung_ids())), file=sys.stderr)
        return EXIT_BAD_INPUT
    print(_rung_text(rule_set, args.rung, lang), end="")
    return 0


def _rung_text(rule_set: RuleSet, rung_id: str, lang: str) -> str:
    rung = rule_set.rung(rung_id)
    lines = [rung.name.get(lang).upper(), rung.description.get(lang), ""]
    lines.append(f"{t(lang, 'rung_stance')}: {rung.stance.get(lang)}")
    lines.append(f"{t(lang, 'rung_role')}: {rung.role.get(lang)}")
    lines.append(f"{t(lang, 'promise')}: {rung.promise.get(lang)}")
    lines.append(f"{t(lang, 'commitment')}: {rung.commitment.get(lang)}")
    c = rung.crosswalk
    lines.append(t(lang, "rung_crosswalk", iap2=c.iap2, arnstein=c.arnstein, klassiek=c.klassieke_ladder))
    lines.append("")
    lines.append(t(lang, "values_single", rung=rung.name.get(lang)))
    for value in VALUES:
        rating = getattr(rung.values, value)
        lines.append(f"  {t(lang, 'value_' + value):<14} {rating.score}  {rating.why.get(lang)}")
    if rung.pitfalls:
        lines.append("")
        lines.append(t(lang, "rung_pitfalls"))
        lines.extend(f"  - {p.get(lang)}" for p in rung.pitfalls)
    if roles := roles_for_rung(rule_set, rung_id):
        lines.append("")
        lines.append(t(lang, "roles_header"))
        for role in map(rule_set.role, roles):
            lines.append(f"  - {role.name.get(lang)}: {role.description.get(lang)}")
            lines.append(f"    {t(lang, 'fits_when')}: {role.fits_when.get(lang)}")
    return "\n".join(lines) + "\n"


def _algoritmeregister(args: argparse.Namespace, sources: RuleSources) -> int:
    rule_set = load_rule_set(args.rules, sources) if args.rules else sources.load(args.municipality)
    record = algoritmeregister_record(rule_set, args.lang, args.source_url)
    report = record_json(record) if args.format == "json" else record_markdown(record, args.lang)
    return _write_report(report, args)


def _schema(args: argparse.Namespace, sources: RuleSources) -> int:
    text = json.dumps(rule_set_schema(), indent=2, ensure_ascii=False) + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 0


def _print_problems(problems: Sequence[Problem], lang: str) -> None:
    """In the language asked for, and no more than a screenful: a file with 10,000 wrong answers gets 50 lines."""
    for problem in problems[:MAX_PROBLEMS]:
        print(problem.describe(lang), file=sys.stderr)
    if len(problems) > MAX_PROBLEMS:
        print(Problem(problems[MAX_PROBLEMS].file, None, "", "more_problems", {"shown": MAX_PROBLEMS}).describe(lang),
              file=sys.stderr)

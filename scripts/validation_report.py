"""Run the validation cases under every bundled framework and report agreement with practice and the experts.

    .venv/bin/python scripts/validation_report.py            # writes validation/results.json and the figures
    .venv/bin/python scripts/validation_report.py --check    # exit 1 when the results differ from the record

Inputs: validation/cases/*.yaml (documented cases: answers and the form chosen in practice), tests/cases/*.yaml
(the golden projects), validation/expert/judge*.yaml (blind expert labels, kept as the judges wrote them) and
validation/expert/projects.json (which judged project is which case). The figures go between the markers in
docs/validation.md; everything else in that file is written by hand.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ladder import AnswerError, RuleSet, RuleSources, advise  # noqa: E402
from ladder.analysis.validation import (  # noqa: E402
    BASE_LADDER,
    Agreement,
    Outcome,
    Reference,
    agreement,
    between_references,
    first_step,
    ladder_of,
)

CASES = ROOT / "validation" / "cases"
EXPERT = ROOT / "validation" / "expert"
GOLDEN = ROOT / "tests" / "cases"
SOURCES = RuleSources.bundled()  # model v2, answered with `answers_v2`
# Model v1 (rules 1.0.0), kept beside it so the figures show what the rework changed; answered with `answers`
V1 = ROOT / "validation" / "model-v1"
V1_SOURCES = RuleSources(V1 / "rules", V1 / "municipalities", ROOT)
V1_PREFIX = "v1 "
RESULTS = ROOT / "validation" / "results.json"
REPORT = ROOT / "docs" / "validation.md"
START, END = "<!-- validation-figures:start -->", "<!-- validation-figures:end -->"


def _roles(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (str(value),)


def _participate(value: object) -> str:
    """judge1 wrote `participate: yes` unquoted, which YAML reads as true; the labels are kept as written."""
    return "participate" if value in (True, "yes", None) else str(value)


def documented() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(CASES.glob("*.yaml"))}


def golden() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))["project"] for p in sorted(GOLDEN.glob("*.yaml"))}


def answers_of(cases: Mapping[str, dict], goldens: Mapping[str, dict]) -> dict[str, dict]:
    """The blind answers to the bundled (v2) questionnaire: in each case file and in the golden projects."""
    out = {case_id: case["answers_v2"] for case_id, case in cases.items() if case.get("answers_v2")}
    out.update({case_id: project["answers"] for case_id, project in goldens.items()})
    return out


def answers_v1_of(cases: Mapping[str, dict]) -> dict[str, dict]:
    """The blind answers to the v1 questionnaire: in each case file, and for the golden projects in one file."""
    out = {case_id: case["answers"] for case_id, case in cases.items() if case.get("answers")}
    golden_v1 = yaml.safe_load((V1 / "golden_answers.yaml").read_text(encoding="utf-8")) or {}
    out.update({case_id: entry["answers"] for case_id, entry in golden_v1.items()})
    return out


def practice(cases: Mapping[str, dict]) -> list[Reference]:
    return [Reference(case_id, c["chosen"]["rung"], _roles(c["chosen"].get("role"))) for case_id, c in cases.items()]


def judges() -> dict[str, list[Reference]]:
    names = json.loads((EXPERT / "projects.json").read_text(encoding="utf-8"))
    out = {}
    for path in sorted(EXPERT.glob("judge*.yaml")):
        labels = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[path.stem] = [Reference(names[pid]["source"], label["rung"], _roles(label.get("role")),
                                    tuple(label.get("acceptable") or ()), _participate(label.get("participate")))
                          for pid, label in labels.items()]
    return out


def outcomes(answers: Mapping[str, dict], v1: bool = False) -> dict[str, dict[str, dict[str, Any]]]:
    """Per framework, per case: the advised rung and role (or the reason the answers do not fit)."""
    result: dict[str, dict[str, dict[str, Any]]] = {}
    for framework in (V1_SOURCES if v1 else SOURCES).ids():
        framework = V1_PREFIX + framework if v1 else framework
        rule_set = _rule_set(framework)
        per_case: dict[str, dict[str, Any]] = {}
        for case_id, given in sorted(answers.items()):
            try:
                advice = advise(rule_set, given, ignore_unknown_traits=True)
            except AnswerError as exc:
                per_case[case_id] = {"error": str(exc)}
                continue
            per_case[case_id] = {
                "rung": advice.recommended, "role": advice.role.role, "hats": [h.role for h in advice.hats if h.role],
                "status": advice.status,
                "precondition": advice.precondition.outcome if advice.precondition else "participate"}
        result[framework] = per_case
    return result


def _as_outcomes(framework: str, per_case: Mapping[str, dict]) -> dict[str, Outcome]:
    return {c: Outcome(c, framework, r["rung"], r["role"], r["status"], r["precondition"])
            for c, r in per_case.items() if "rung" in r}


def _pct(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def _row(name: str, a: Agreement) -> str:
    roles = f"{a.role_right}/{a.role_total}" if a.role_total else "–"
    worst = max((gap for _, _, gap in a.misses), default=0 if a.total else None)
    return (f"| {name} | {a.total} | {_pct(a.exact, a.total)} | {_pct(a.within_one, a.total)} | "
            f"{_pct(a.acceptable, a.total)} | {len(a.misses)} | {worst if worst is not None else '–'} | {roles} | "
            f"{a.too_little_known} |")


HEADER = ("| framework | cases | exact | within one | exact or acceptable | misses ≥ 2 | largest miss | role right "
          "| too little known |\n|---|---|---|---|---|---|---|---|---|")
FIRST_STEP_HEADER = ("| framework | expert: inform only or first arrange | tool also stops or postpones | same outcome "
                     "| tool: inform only where the expert participates |\n|---|---|---|---|---|")


def figures(results: Mapping[str, dict[str, dict]], cases: Mapping[str, dict]) -> str:
    refs = {"practice (documented cases)": practice(cases)}
    refs.update({f"expert {name[5:]} (all judged projects)": labels for name, labels in judges().items()})
    lines = []
    for title, references in refs.items():
        lines += [f"#### Against {title}", "", HEADER]
        for framework, per_case in results.items():
            ladder = ladder_of(_rule_set(framework).rung_ids())
            lines.append(_row(framework, agreement(references, _as_outcomes(framework, per_case), ladder)))
        lines.append("")
    judged = judges()
    for name, references in judged.items():
        lines += [f"#### Should we participate at all? ({name})", "", FIRST_STEP_HEADER]
        for framework, per_case in results.items():
            f = first_step(references, _as_outcomes(framework, per_case))
            lines.append(f"| {framework} | {f.expected_no} | {f.found} | {f.same} | {f.unexpected} |")
        lines.append("")
    if len(judged) >= 2:
        (n1, j1), (n2, j2) = list(judged.items())[:2]
        lines += ["#### Between the references themselves", "", HEADER.replace("framework", "pair"),
                  _row(f"{n1} ~ {n2}", between_references(j1, j2, BASE_LADDER)),
                  _row(f"{n1} ~ practice", between_references(j1, practice(cases), BASE_LADDER)),
                  _row(f"{n2} ~ practice", between_references(j2, practice(cases), BASE_LADDER)), ""]
    lines += _misses_table(results, cases)
    lines += _base_misses(cases)
    return "\n".join(lines)


@functools.cache
def _rule_set(framework: str) -> RuleSet:
    """Each framework loaded once: the outcomes and every table of figures read it."""
    if framework.startswith(V1_PREFIX):
        return V1_SOURCES.load(framework.removeprefix(V1_PREFIX))
    return SOURCES.load(framework)


def _misses_table(results: Mapping[str, dict[str, dict]], cases: Mapping[str, dict]) -> list[str]:
    """Per documented case: the form chosen in practice and what each framework advises."""
    frameworks = list(results)
    lines = ["#### Per documented case", "",
             "Marks: `?` too little known for an advice, `~` provisional, `¡` inform only (a precondition), "
             "`!` first arrange something; roles as main + hats.", "",
             "| case | chosen in practice | " + " | ".join(frameworks) + " |",
             "|---|---|" + "---|" * len(frameworks)]
    for case_id, case in cases.items():
        chosen = case["chosen"]["rung"] + (f" ({', '.join(_roles(case['chosen'].get('role')))})"
                                           if case["chosen"].get("role") else "")
        cells = []
        for framework in frameworks:
            r = results[framework].get(case_id, {})
            roles = [x for x in (r.get("role"), *r.get("hats", ())) if x]
            marks = {"onvoldoende": " ?", "voorlopig": " ~"}.get(r.get("status", ""), "")
            marks += {"inform_only": " ¡", "first_arrange": " !"}.get(r.get("precondition", ""), "")
            cells.append(r.get("rung", "–") + (f" ({' + '.join(roles)})" if roles else "") + marks)
        lines.append(f"| {case_id} | {chosen} | " + " | ".join(cells) + " |")
    return [*lines, ""]


NEUTRAL = "voorbeeldgemeente"  # the base with nothing municipal added


def _base_misses(cases: Mapping[str, dict]) -> list[str]:
    """Every miss of two rungs or more of the base, with what drove it, so each can be explained from the rules."""
    answers = answers_of(cases, golden())
    rule_set = _rule_set(NEUTRAL)
    references = {"practice": practice(cases), **judges()}
    lines = [f"#### Misses of two rungs or more: {NEUTRAL}, with what drove them", "",
             "| case | reference | says | base advises | main reasons (answer) | kaders and checks that held |",
             "|---|---|---|---|---|---|"]
    for name, refs in references.items():
        for ref in refs:
            if ref.case not in answers:
                continue
            advice = advise(rule_set, answers[ref.case], ignore_unknown_traits=True)
            if abs(BASE_LADDER.index(ref.rung) - BASE_LADDER.index(advice.recommended)) < 2:
                continue
            reasons = ", ".join(f"{t}={'+'.join(advice.answers[t])}" for t in advice.main_reasons) or "–"
            held = [k.id for k in advice.kaders if not k.yielded and k.effect != "warning"]
            held += [c.id for c in (advice.precondition.checks if advice.precondition else ())]
            lines.append(f"| {ref.case} | {name} | {ref.rung} | {advice.recommended} | {reasons} | "
                         f"{', '.join(held) or '–'} |")
    return [*lines, ""]


def main(argv: list[str]) -> int:
    cases = documented()
    results = outcomes(answers_v1_of(cases), v1=True) | outcomes(answers_of(cases, golden()))
    if argv == ["--check"]:
        recorded = json.loads(RESULTS.read_text(encoding="utf-8"))
        if recorded != results:
            print("The validation results differ from validation/results.json; run scripts/validation_report.py "
                  "and report the new agreement in docs/validation.md.", file=sys.stderr)
            return 1
        return 0
    RESULTS.write_text(json.dumps(results, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    report = REPORT.read_text(encoding="utf-8")
    before, _, rest = report.partition(START)
    _, _, after = rest.partition(END)
    REPORT.write_text(f"{before}{START}\n{figures(results, cases)}\n{END}{after}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

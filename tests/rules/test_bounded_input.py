"""Hostile or careless input is refused with a clear message, never a crash or minutes of work (issue 14's probes)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from ladder.rules.loading import MAX_PROBLEMS, load_rule_set_text
from ladder.rules.problems import RuleSetError
from ladder.rules.yaml_source import MAX_DEPTH, parse_yaml


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    # In a child process: before the bound, LibYAML's composer overflowed the C stack and killed the process
    # (exit 139), which would take this test run with it.
    return subprocess.run([sys.executable, "-m", "ladder", *args[:1], "--lang", "en", *args[1:]], cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("nesting", ["{a: " * 30_000 + "1" + "}" * 30_000, "[" * 100_000 + "]" * 100_000])
def test_a_rule_set_nested_thousands_deep_is_refused_naming_the_limit(tmp_path: Path, nesting: str) -> None:
    deep = tmp_path / "diep.yaml"
    deep.write_text(nesting + "\n", encoding="utf-8")
    run = cli("validate", str(deep))
    assert run.returncode == 1, run.stderr
    assert f"more than {MAX_DEPTH} lists or mappings inside each other" in run.stderr


def test_a_project_file_nested_thousands_deep_is_refused_as_bad_input(tmp_path: Path) -> None:
    project = tmp_path / "project.json"
    project.write_text('{"title": "x", "answers": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    run = cli("advise", str(project))
    assert run.returncode == 2, run.stderr
    assert run.stderr.count("\n") == 1 and "nested too deeply" in run.stderr


@pytest.mark.parametrize("depth", [MAX_DEPTH, MAX_DEPTH + 1])
def test_the_depth_limit_lies_exactly_at_max_depth(depth: int) -> None:
    doc, problems = parse_yaml("[" * depth + "]" * depth, "x.yaml")
    if depth <= MAX_DEPTH:
        assert doc is not None and problems == []
    else:
        assert doc is None and [p.code for p in problems] == ["yaml_nested_too_deeply"]
        assert "meer dan 32 lijsten of blokken" in problems[0].message("nl")


def test_twenty_thousand_unknown_keys_give_the_first_problems_and_say_there_are_more() -> None:
    text = "extends: base\n" + "".join(f"sleutel{i}: 1\n" for i in range(20_000))
    with pytest.raises(RuleSetError) as raised:
        load_rule_set_text(text, "geplakt.yaml")
    problems = raised.value.problems
    more = [p for p in problems if p.code == "more_problems"]
    listed = [p for p in problems if p.code == "key_unknown"]
    assert len(more) == 1 and f"alleen de eerste {MAX_PROBLEMS}" in more[0].message("nl")
    assert [p.line for p in listed] == list(range(2, MAX_PROBLEMS + 2))  # the first keys, each at its own line

"""The README's worked example is real: running its command gives exactly the output it shows."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import ROOT


@pytest.mark.slow
def test_the_readme_example_reproduces():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"\.venv/bin/python -m ladder (advise [^\n]+)", readme).group(1).split()
    shown = re.search(r"<!-- example-output:start -->\n```text\n(.*?)```\n<!-- example-output:end -->", readme, re.S).group(1)
    result = subprocess.run([sys.executable, "-m", "ladder", *command], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout == shown


def test_the_readme_names_the_two_setup_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/run-app.sh" in readme and "bash scripts/run-tests.sh" in readme
    assert "scripts/run-tests.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")

"""The layers: which package may import which, as the import contracts in pyproject.toml ([tool.importlinter]) say.

ladder never imports storage, ui, cli, streamlit or plotly (except ladder/__main__.py, which starts the command line);
ladder.rules never imports ladder.engine, ladder.analysis or ladder.reports; ladder.engine never imports
ladder.analysis or ladder.reports; storage never imports ui or cli; ui never imports cli.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PACKAGES = ("ladder", "cli", "storage", "ui")

# In a child process: import-linter finds the packages through sys.path, which must start at the folder checked,
# not at this test run's already imported copies.
CHECK = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True, no_logo=True))"


def check_contracts(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", CHECK], cwd=folder, capture_output=True, text=True, timeout=120)


def copy_of_the_project(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_code_keeps_every_import_contract() -> None:
    result = check_contracts(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "forbidden_import", "contract"),
    [
        ("ladder/rules/model.py", "import storage", "ladder is the core"),
        ("ladder/engine/advisor.py", "import streamlit", "ladder is the core"),
        ("ladder/rules/model.py", "import ladder.reports.texts", "ladder.rules never imports"),
        ("ladder/engine/batch.py", "from ladder.analysis import compare", "ladder.engine never imports"),
        ("storage/database.py", "import ui.state", "storage never imports"),
        ("ui/state.py", "import cli.main", "ui never imports cli"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(tmp_path: Path, module: str, forbidden_import: str, contract: str) -> None:
    project = copy_of_the_project(tmp_path)
    path = project / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{forbidden_import}\n", encoding="utf-8")

    result = check_contracts(project)

    assert result.returncode != 0, result.stdout
    broken = [line for line in result.stdout.splitlines() if " BROKEN" in line]
    assert any(line.startswith(contract) for line in broken), result.stdout
    assert module.removesuffix(".py").replace("/", ".") in result.stdout

"""Where rule sets are found: the shared rules folder (the base) and the folder of municipalities' own files.

One RuleSources is handed to whoever loads rule sets by id: the command line, the app, the tests (which build
one on a temporary folder). `RuleSources.bundled()` is the project's own rules/ and municipalities/.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ladder.rules.problems import Problem, RuleSetError

if TYPE_CHECKING:
    from ladder.rules.model import RuleSet

_PROJECT = Path(__file__).resolve().parents[2]

# What a folder looks like now: per rule file its path, size and modification time (nanoseconds).
Stamp = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class RuleSources:
    """The folders rule sets are read from; file names in problems are shown relative to `project_dir`."""

    rules_dir: Path
    municipalities_dir: Path
    project_dir: Path

    @classmethod
    def bundled(cls) -> RuleSources:
        """The rule sets that come with the project."""
        return cls(_PROJECT / "rules", _PROJECT / "municipalities", _PROJECT)

    def ids(self) -> list[str]:
        """The municipalities, by id (the file name without .yaml)."""
        return sorted(p.stem for p in self.municipalities_dir.glob("*.yaml"))

    def find(self, rule_set_id: str, near: Path | None = None) -> Path | None:
        """Where a rule set id lives: next to the file that names it, then the rules, then the municipalities."""
        folders = ([near] if near else []) + [self.rules_dir, self.municipalities_dir]
        return next((d / f"{rule_set_id}.yaml" for d in folders if (d / f"{rule_set_id}.yaml").is_file()), None)

    def load(self, rule_set_id: str) -> RuleSet:
        """The resolved rule set with this id; raises RuleSetError with every problem found."""
        # loading follows `extends` through a RuleSources, so it is imported when a rule set is loaded, not above
        from ladder.rules.loading import load_rule_set

        path = self.find(rule_set_id)
        if path is None:
            known = ", ".join(self.ids())
            raise RuleSetError([Problem(rule_set_id, None, "", "unknown_rule_set", {"ids": known})])
        return load_rule_set(path, self)

    def display_name(self, path: Path) -> str:
        """How problems name a file: relative to the project when it is inside it, else as given."""
        try:
            return str(path.resolve().relative_to(self.project_dir))
        except ValueError:
            return str(path)

    def stamp(self) -> Stamp:
        """Changes when a rule file is added, removed or changed: a cache of loaded rule sets can tell it is stale."""
        files = sorted([*self.rules_dir.glob("*.yaml"), *self.municipalities_dir.glob("*.yaml")])
        return tuple((str(p), (stat := p.stat()).st_size, stat.st_mtime_ns) for p in files)

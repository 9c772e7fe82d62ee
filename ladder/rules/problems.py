"""Errors a user can act on: where (file, line, path), what was expected and what was found."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem in one file, located as precisely as the YAML allows."""

    file: str
    line: int | None  # 1-based; None when the whole file is meant
    path: str  # dotted path inside the document, "" for the document itself
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where} {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class RuleSetError(Exception):
    """A rule set could not be loaded; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.path, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


class AnswerError(Exception):
    """Answers to the questions do not fit the rule set (unknown trait, invalid option).

    `problems` pairs each message with the trait it is about, so callers can point at its line.
    """

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("\n".join(message for _, message in problems))

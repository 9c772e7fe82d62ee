"""Errors a user can act on: where (file, line, path), what was expected and what was found.

A problem is a code with its parameters; ladder/rules/problem_texts.py says it in Dutch or English, so
the two languages cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic_core import PydanticCustomError

from ladder.rules.problem_texts import PROBLEM_TEXTS, PROBLEMS


class _Coded:
    """What a rule-set problem and an answer problem share: a code of problem_texts.PROBLEMS and its parameters."""

    code: str
    params: Mapping[str, object]

    def __post_init__(self) -> None:
        if self.code not in PROBLEMS["en"]:
            raise KeyError(f"unknown problem code '{self.code}'")

    def message(self, lang: str) -> str:
        """What is wrong, in the reader's language."""
        return PROBLEM_TEXTS.t(lang, self.code, **self.params)


@dataclass(frozen=True)
class Problem(_Coded):
    """One problem in one file, located as precisely as the YAML allows."""

    file: str
    line: int | None  # 1-based; None when the whole file is meant
    path: str  # dotted path inside the document, "" for the document itself
    code: str  # a key of problem_texts.PROBLEMS
    params: Mapping[str, object] = field(default_factory=dict, hash=False)

    def describe(self, lang: str) -> str:
        """The whole problem in one line: `file:6 path: message`, in Dutch `file, regel 6, path: message`."""
        where = self.file if self.line is None else PROBLEM_TEXTS.t(lang, "where_line", file=self.file, line=self.line)
        layout = "where_path" if self.path else "where_no_path"
        return PROBLEM_TEXTS.t(lang, layout, where=where, path=self.path, message=self.message(lang))

    def __str__(self) -> str:
        return self.describe("en")


def rule_error(code: str, **params: object) -> PydanticCustomError:
    """A broken rule for a model validator to raise: pydantic reports the code as its type, the parameters as
    its context, and validation_messages turns that back into a Problem."""
    return PydanticCustomError(code, PROBLEMS["en"][code], params)


class RuleSetError(Exception):
    """A rule set could not be loaded; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.path, p.message("en")))
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class AnswerProblem(_Coded):
    """One answer that does not fit the rule set: which question, and a code with its parameters."""

    trait: str
    code: str  # a key of problem_texts.PROBLEMS
    params: Mapping[str, object] = field(default_factory=dict, hash=False)

    def get(self, lang: str) -> str:
        """As a template value (answer_in_row): said in the language of the text it is put in."""
        return self.message(lang)

    def __str__(self) -> str:
        return self.message("en")


class AnswerError(Exception):
    """Answers to the questions do not fit the rule set (unknown trait, invalid option).

    Each problem names the trait it is about, so callers can point at its line.
    """

    def __init__(self, problems: list[AnswerProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

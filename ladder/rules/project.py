"""Project files: a title, a description and answers, in YAML or JSON. Read as safely as rule sets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ladder.rules.locations import format_path
from ladder.rules.problems import Problem
from ladder.rules.validation_messages import describe
from ladder.rules.yaml_source import YamlDocument, read_yaml


class Project(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1)
    description: str = ""
    answers: dict[str, Any] = Field(default_factory=dict, description="missing traits count as onbekend")


def read_project(path: Path) -> tuple[Project | None, YamlDocument | None, list[Problem]]:
    """A project and its document (for answer line numbers), or the problems that stop reading it.

    JSON is read by the same YAML reader: JSON is valid YAML, and this keeps the size, alias and
    duplicate-key protections for both.
    """
    doc, problems = read_yaml(path)
    if doc is None:
        return None, None, problems
    try:
        return Project.model_validate(doc.data), doc, []
    except ValidationError as exc:
        return None, doc, [
            Problem(doc.file, doc.line_of(error["loc"]), format_path(doc.data, error["loc"]), *describe(error))
            for error in exc.errors()
        ]

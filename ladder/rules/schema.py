"""The JSON Schema of a rule-set file, published in docs/rule-set.schema.json for editors that check YAML."""

from __future__ import annotations

from typing import Any

from ladder.rules.model import RuleSetFile


def rule_set_schema() -> dict[str, Any]:
    schema = RuleSetFile.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Participatieladder 3.0 rule set"
    return schema

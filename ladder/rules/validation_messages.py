"""Plain messages for pydantic's validation errors: what was expected and what was found."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_EXPECTED = {
    "string_type": "expected text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "dict_type": "expected a mapping (key: value)",
    "model_type": "expected a mapping (key: value)",
    "model_attributes_type": "expected a mapping (key: value)",
    "list_type": "expected a list",
    "tuple_type": "expected a list",
    "date_type": "expected a date like 2026-01-31",
    "date_parsing": "expected a date like 2026-01-31",
    "date_from_datetime_parsing": "expected a date like 2026-01-31",
    "string_pattern_mismatch": "expected an id: lowercase letters, digits and _, starting with a letter",
    "string_too_short": "expected non-empty text",
}


def describe(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    found = _shown(error.get("input"))
    if kind == "missing":
        return f"missing required key '{error['loc'][-1]}'"
    if kind == "extra_forbidden":
        return f"unknown key '{error['loc'][-1]}'"
    if kind == "literal_error":
        return f"expected one of {error['ctx']['expected']}, got {found}"
    if kind == "too_short":
        return f"expected at least {error['ctx']['min_length']} item(s), got {error['ctx']['actual_length']}"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = next(iter(error["ctx"].values()))
        words = {"greater_than": "above", "greater_than_equal": "at least", "less_than": "below",
                 "less_than_equal": "at most"}[kind]
        return f"expected a number {words} {bound}, got {found}"
    if kind in ("value_error", "assertion_error"):
        return str(error["ctx"]["error"])
    if kind in _EXPECTED:
        return f"{_EXPECTED[kind]}, got {found}"
    return f"{error['msg']}, got {found}"


def _shown(value: Any) -> str:
    if isinstance(value, (dict, list, tuple)):
        return "a mapping" if isinstance(value, dict) else "a list"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."

"""Pydantic's validation errors as problem codes: what was expected and what was found."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ladder.rules.problem_texts import PROBLEMS, Alternatives, word
from ladder.text import Message

# pydantic's error type -> problem code, for errors that need nothing but what was found.
_EXPECTED = {
    "string_type": "text_expected",
    "float_type": "number_expected",
    "float_parsing": "number_expected",
    "bool_type": "bool_expected",
    "bool_parsing": "bool_expected",
    "dict_type": "mapping_expected",
    "model_type": "mapping_expected",
    "model_attributes_type": "mapping_expected",
    "list_type": "list_expected",
    "tuple_type": "list_expected",
    "date_type": "date_expected",
    "date_parsing": "date_expected",
    "date_from_datetime_parsing": "date_expected",
    "date_from_datetime_inexact": "date_with_time",
    "string_pattern_mismatch": "id_expected",
    "string_too_short": "text_empty",
}


def describe(error: Mapping[str, Any]) -> tuple[str, dict[str, object]]:
    """The problem code and its parameters for one of pydantic's errors."""
    kind = error["type"]
    found = _shown(error.get("input"))
    if kind == "missing":
        return "key_missing", {"name": error["loc"][-1]}
    if kind == "extra_forbidden":
        return "key_unknown", {"name": error["loc"][-1]}
    if kind == "literal_error":
        return "not_one_of", {"choices": _alternatives(error["ctx"]["expected"]), "found": found}
    if kind == "too_short":
        return "too_few", {"count": error["ctx"]["min_length"], "actual": error["ctx"]["actual_length"]}
    if kind == "greater_than":  # the model's only bound of pydantic's own: Field(gt=0)
        return "number_above", {"bound": error["ctx"]["gt"], "found": found}
    if kind in PROBLEMS["en"]:  # raised by a validator of ladder/rules/model.py (problems.rule_error)
        return kind, {"found": found, **error.get("ctx", {})}
    if kind in _EXPECTED:
        return _EXPECTED[kind], {"found": found}
    return "value_invalid", {"detail": error["msg"], "found": found}


def _alternatives(expected: str) -> Alternatives:
    """pydantic names a Literal's values as one text, "'a', 'b' or 'c'": as values, to list per language."""
    head, _, last = expected.rpartition(" or ")
    return Alternatives((*head.split(", "), last) if head else (last,))


def _shown(value: Any) -> Message | str:
    if isinstance(value, dict):
        return word("found_mapping")
    if isinstance(value, (list, tuple)):
        return word("found_list")
    if value is None:
        return word("found_nothing")
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."

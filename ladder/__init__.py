"""Participatieladder 3.0, the library: load a rule set, advise on a project's answers, read the Advice.

The layers, each only importing those before it: rules (YAML to a checked RuleSet) → engine (the advice)
→ analysis (comparing, groups, portfolios, the register) → reports (the advice as documents). The library
never imports Streamlit, storage or the command line; a test holds it to that (import-linter).

The names below are imported when first asked for, not with the package: `import ladder.rules.loading` (loading
rule sets, which every command and the app start with) then does not also load the engine.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ladder.engine.advice import Advice
    from ladder.engine.advisor import advise
    from ladder.rules.loading import load_rule_set
    from ladder.rules.model import RuleSet
    from ladder.rules.problems import AnswerError, Problem, RuleSetError
    from ladder.rules.sources import RuleSources

_MODULES = {
    "Advice": "ladder.engine.advice",
    "advise": "ladder.engine.advisor",
    "load_rule_set": "ladder.rules.loading",
    "RuleSet": "ladder.rules.model",
    "AnswerError": "ladder.rules.problems",
    "Problem": "ladder.rules.problems",
    "RuleSetError": "ladder.rules.problems",
    "RuleSources": "ladder.rules.sources",
}

__all__ = ["Advice", "AnswerError", "Problem", "RuleSet", "RuleSetError", "RuleSources", "advise", "load_rule_set"]


def __getattr__(name: str) -> Any:
    """`ladder.advise` and `from ladder import advise`: the name from its module, imported now."""
    if name not in _MODULES:
        raise AttributeError(f"module 'ladder' has no attribute {name!r}")
    return getattr(importlib.import_module(_MODULES[name]), name)

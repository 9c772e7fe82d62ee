"""Participatieladder 3.0, the library: load a rule set, advise on a project's answers, read the Advice.

The layers, each only importing those before it: rules (YAML to a checked RuleSet) → engine (the advice)
→ analysis (comparing, groups, portfolios, the register) → reports (the advice as documents). The library
never imports Streamlit, storage or the command line; a test holds it to that (import-linter).
"""

from ladder.engine.advice import Advice
from ladder.engine.advisor import advise
from ladder.rules.loading import load_rule_set
from ladder.rules.model import RuleSet
from ladder.rules.problems import AnswerError, Problem, RuleSetError
from ladder.rules.sources import RuleSources

__all__ = ["Advice", "AnswerError", "Problem", "RuleSet", "RuleSetError", "RuleSources", "advise", "load_rule_set"]

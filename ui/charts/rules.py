"""The pure part of the regels page: a rule set as tables, a heatmap and sentences, and checked text as tables.

No Streamlit here, so everything can be unit-tested. The heatmap is drawn from the table shown below it,
so the chart and its text equivalent always hold the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlparse

import pandas as pd
import plotly.graph_objects as go

from ladder.reports.sentences import Labels
from ladder.rules.model import PHASE_TRAIT, POINTS_LIMIT, Condition, Kader, RuleSet, Trait, TraitWeights
from ladder.rules.problems import Problem
from ladder.text import number_text
from ui.charts.style import plain, readable
from ui.texts import t

SHORT_HASH = 12  # as in the advice header and `python -m ladder municipalities`
_CELL_PX = 26


def weight_table(rule_set: RuleSet, lang: str) -> pd.DataFrame:
    """One row per answer that has points ("question: answer"), one column per rung, then why it weighs so.

    The points are what the engine adds: as written in the files, times any weight factor.
    """
    labels = Labels(rule_set, lang)
    rows, index = [], []
    for trait in rule_set.traits:
        weighed = rule_set.weights.get(trait.id, {})
        for option in trait.options:
            if option.id in weighed:
                answer = weighed[option.id]
                index.append(labels.short(trait.id, option.id))
                rows.append([answer.points.get(rung_id, 0.0) for rung_id in rule_set.rung_ids()] + [_why(answer, lang)])
    columns = [rung.name.get(lang) for rung in rule_set.rungs] + [t(lang, "regels_col_why")]
    return pd.DataFrame(rows, index=pd.Index(index, name=t(lang, "regels_col_answer_of")), columns=columns)


def _why(answer: TraitWeights, lang: str) -> str:
    notes = [t(lang, "factor_note", factor=number_text(f.factor, lang), why=f.why.get(lang)) for f in answer.factors]
    return " ".join([answer.why.get(lang), *(f"({note})" for note in notes)])


def weights_heatmap(table: pd.DataFrame, lang: str) -> go.Figure:
    """Answers × rungs with every number printed in its cell; the diverging colour only repeats the sign."""
    points = table.drop(columns=t(lang, "regels_col_why"))
    # Plotly reads a little HTML in labels: rule-set texts are escaped.
    rungs = [plain(name) for name in points.columns]
    answers = [plain(answer) for answer in points.index]
    figure = go.Figure(
        go.Heatmap(
            z=points.to_numpy().tolist(),
            x=rungs,
            y=answers,
            text=[[number_text(value, lang) for value in row] for row in points.to_numpy().tolist()],
            texttemplate="%{text}",
            zmin=-POINTS_LIMIT,
            zmax=POINTS_LIMIT,
            zmid=0,
            colorscale="RdBu",
            xgap=1,
            ygap=1,
            hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
            colorbar={"title": {"text": t(lang, "regels_points")}, "tickvals": list(range(-POINTS_LIMIT, POINTS_LIMIT + 1)),
                      "thickness": 14},
        )
    )
    figure.update_layout(
        title={"text": t(lang, "regels_weights_chart_title"), "x": 0, "xanchor": "left"},
        height=160 + _CELL_PX * len(points),
        margin={"l": 10, "r": 10, "t": 120, "b": 10},
        # With a long list of answers, the rung names belong on top, next to the first rows.
        xaxis={"side": "top", "automargin": True, "tickangle": -35},
        yaxis={"autorange": "reversed", "automargin": True},
    )
    return readable(figure, lang)


def condition_words(condition: Condition, labels: Labels) -> str:
    """A condition as people say it, with the questions' short names and the answers' labels."""
    lang = labels.lang
    if condition.trait is not None:
        return _test_words(condition, labels, negated=False)
    if condition.not_ is not None:
        if condition.not_.trait is not None:
            return _test_words(condition.not_, labels, negated=True)
        return t(lang, "regels_cond_not", condition=condition_words(condition.not_, labels))
    parts, joiner = (condition.all, "regels_cond_and") if condition.all is not None else (condition.any, "regels_cond_or")
    return t(lang, joiner).join(_part_words(part, labels) for part in parts or ())


def _part_words(part: Condition, labels: Labels) -> str:
    # "a and (b or c)": a group inside a group needs brackets to be read the right way.
    group = part.all or part.any
    words = condition_words(part, labels)
    return f"({words})" if group and len(group) > 1 else words


def _test_words(test: Condition, labels: Labels, negated: bool) -> str:
    assert test.trait is not None  # only called for a test on one trait
    options = (test.equals,) if test.equals is not None else test.in_ or ()
    answers = [f'"{labels.answer(test.trait, option)}"' for option in options]
    joiner, key = ("regels_cond_nor", "regels_cond_is_not") if negated else ("regels_cond_or", "regels_cond_is")
    trait = labels.rule_set.trait(test.trait).short_name(labels.lang)
    return t(labels.lang, key, trait=trait, answers=t(labels.lang, joiner).join(answers))


def kader_when(kader: Kader, rule_set: RuleSet, lang: str) -> str:
    """The kader's condition in words, with the phases it is limited to ("..., in de fase "Agenda: ..."")."""
    labels = Labels(rule_set, lang)
    when = condition_words(kader.when, labels)
    if not kader.phases:
        return when
    trait = rule_set.phases.trait if rule_set.phases else PHASE_TRAIT
    phases = t(lang, "regels_cond_or").join(f'"{labels.answer(trait, p)}"' for p in kader.phases)
    return t(lang, "regels_kader_in_phases", when=when, phases=phases)


def kader_sentence(kader: Kader, rule_set: RuleSet, lang: str) -> str:
    """"Als <condition in words>, dan hoogstens <rung>: <reason>", and likewise for min, exclude and warnings."""
    labels = Labels(rule_set, lang)
    values = {"when": kader_when(kader, rule_set, lang), "reason": kader.reason.get(lang)}
    if kader.effect in ("max", "min"):
        values["rung"] = labels.rung(getattr(kader, kader.effect))
    elif kader.effect == "exclude":
        values["rungs"] = t(lang, "regels_cond_and").join(labels.rung(r) for r in kader.exclude or ())
    return t(lang, f"regels_kader_{kader.effect}", **values)


def options_table(trait: Trait, lang: str) -> pd.DataFrame:
    """The answers, with their explanation when any answer has one."""
    answer, explanation = t(lang, "regels_col_answer"), t(lang, "regels_col_help")
    table = pd.DataFrame({answer: [o.label.get(lang) for o in trait.options],
                          explanation: [o.help.get(lang) if o.help else "" for o in trait.options]})
    return table if any(o.help for o in trait.options) else table[[answer]]


def web_link(url: str | None) -> str | None:
    """The rule set's own address, only when it is a web page: other schemes (javascript:, data:) are never links."""
    parsed = urlparse(url or "")
    return url if parsed.scheme in ("http", "https") and parsed.netloc else None


def lineage_table(rule_set: RuleSet, lang: str) -> pd.DataFrame:
    rows = [[source.file, source.sha256[:SHORT_HASH]] for source in rule_set.lineage]
    return pd.DataFrame(rows, columns=[t(lang, "regels_col_file"), t(lang, "regels_col_sha")])


def summary_table(rule_set: RuleSet, lang: str) -> pd.DataFrame:
    """What a checked rule set is, in a few rows: a table shows its texts literally, whatever they contain."""
    rows = [
        ("regels_name", rule_set.name.get(lang)),
        ("regels_version", rule_set.version),
        ("regels_date", rule_set.date.isoformat()),
        ("regels_status", t(lang, f"regels_status_{rule_set.status}")),
        ("regels_illustration", t(lang, "regels_yes" if rule_set.illustration else "regels_no")),
        ("regels_hash", rule_set.content_hash[:SHORT_HASH]),
        ("regels_extends", ", ".join(source.file for source in rule_set.lineage[:-1])),
        ("regels_count_rungs", str(len(rule_set.rungs))),
        ("regels_count_traits", str(len(rule_set.traits))),
        ("regels_count_kaders", str(len(rule_set.kaders))),
        ("regels_count_werkvormen", str(len(rule_set.werkvormen))),
    ]
    columns = [t(lang, "regels_col_part"), t(lang, "regels_col_value")]
    return pd.DataFrame([(t(lang, key), value) for key, value in rows], columns=columns)


def problem_table(problems: Iterable[Problem], lang: str) -> pd.DataFrame:
    """Line, place and what is wrong, in the reader's language; the file only when problems span several files."""
    problems = list(problems)
    table = pd.DataFrame(
        {
            t(lang, "regels_col_file"): [p.file for p in problems],
            t(lang, "regels_col_line"): pd.array([p.line for p in problems], dtype="Int64"),
            t(lang, "regels_col_place"): [p.path for p in problems],
            t(lang, "regels_col_problem"): [p.message(lang) for p in problems],
        }
    )
    return table if len({p.file for p in problems}) > 1 else table.drop(columns=t(lang, "regels_col_file"))

"""The pure part of the Vergelijken page: differences between frameworks as sentences, tables and a heatmap.

No Streamlit and no advice computed here: the differences come from ladder/compare.py, the advice from the
engine. Every chart is paired with a table holding the same numbers (WCAG: a text equivalent), and every
number is written in its cell, so nothing is said by colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from ladder.analysis.compare import (
    AdviceDifference,
    Difference,
    FactorDifference,
    KaderContrast,
    KaderDifference,
    MethodsChanged,
    MethodsOnlyIn,
    PointsDifference,
    RobustnessDifference,
    RoleNeedDifference,
    RungOnlyIn,
    RungRenamed,
    TraitOnlyIn,
    weight_difference,
)
from ladder.engine.advice import Advice, FiredKader
from ladder.reports.sentences import Labels, kader_heading, margin_sentence
from ladder.rules.model import Kader, RoleNeed, RuleSet
from ladder.text import number_text
from ui.charts.advice import Chart
from ui.charts.rules import condition_words, kader_when
from ui.charts.style import plain, readable
from ui.texts import t

_CELL_PX = 30
_TIMES_IN_WORDS = (2, 3, 4)  # "twee keer zo zwaar"; other ratios are written as numbers


@dataclass(frozen=True)
class Sentence:
    """One difference in words, and the reasons the rule sets give for it (empty when they give none)."""

    text: str
    detail: str = ""


def short_name(rule_set: RuleSet, lang: str) -> str:
    """The municipality as a sentence names it: "Amersfoort" from "Amersfoort (illustratie): stad van ..."."""
    name = rule_set.name.get(lang)
    short = name.split(" (")[0].split(":")[0].strip()
    return short or name


def signed(value: float, lang: str) -> str:
    """+1,5 / -2 / 0: the sign always written, so a difference reads without colour."""
    text = number_text(value, lang)
    return f"+{text}" if round(value, 2) > 0 else text


# --- rule-set differences in words ----------------------------------------------------------------


def rule_sentences(differences: tuple[Difference, ...], a: RuleSet, b: RuleSet, lang: str) -> list[Sentence]:
    rule_sets = {a.id: a, b.id: b}
    return [_sentence(d, a, b, rule_sets, lang) for d in differences]


def _sentence(d: Difference, a: RuleSet, b: RuleSet, rule_sets: Mapping[str, RuleSet], lang: str) -> Sentence:
    def name(rule_set_id: str) -> str:
        return short_name(rule_sets[rule_set_id], lang)

    if isinstance(d, RungOnlyIn):
        own = Labels(rule_sets[d.only_in], lang)
        if d.after is None:
            return Sentence(t(lang, "cmp_rung_only_bottom", name=name(d.only_in), rung=own.rung(d.rung), other=name(d.other)))
        return Sentence(t(lang, "cmp_rung_only", name=name(d.only_in), rung=own.rung(d.rung), after=own.rung(d.after),
                          other=name(d.other)))
    if isinstance(d, RungRenamed):
        return Sentence(t(lang, "cmp_rung_renamed", a=name(a.id), b=name(b.id), name_a=Labels(a, lang).rung(d.rung),
                          name_b=Labels(b, lang).rung(d.rung)))
    if isinstance(d, TraitOnlyIn):
        trait = rule_sets[d.only_in].trait(d.trait)
        if d.disabled_in_other:
            return Sentence(t(lang, "cmp_trait_disabled", name=name(d.only_in), other=name(d.other),
                              trait=trait.short_name(lang)))
        return Sentence(t(lang, "cmp_trait_only", name=name(d.only_in), trait=trait.short_name(lang),
                          question=trait.question.get(lang)))
    if isinstance(d, FactorDifference):
        return _factor_sentence(d, rule_sets, lang)
    if isinstance(d, PointsDifference):
        labels = Labels(a, lang)
        rungs = [t(lang, "cmp_points_rung", rung=labels.rung(r), a=name(a.id), b=name(b.id), a_points=signed(pa, lang),
                   b_points=signed(pb, lang)) for r, pa, pb in d.points]
        return Sentence(t(lang, "cmp_points", answer=labels.short(d.trait, d.option), rungs="; ".join(rungs)))
    if isinstance(d, KaderDifference):
        return _kader_sentence(d, a, b, lang)
    if isinstance(d, RoleNeedDifference):
        return _role_need_sentence(d, a, b, lang)
    if isinstance(d, RobustnessDifference):
        return Sentence(t(lang, "cmp_robustness", a=name(a.id), b=name(b.id), a_firm=number_text(d.a.robuust, lang),
                          a_fair=number_text(d.a.redelijk, lang), b_firm=number_text(d.b.robuust, lang),
                          b_fair=number_text(d.b.redelijk, lang)))
    if isinstance(d, MethodsOnlyIn):
        owner = rule_sets[d.only_in]
        methods = ", ".join(next(m.name.get(lang) for m in owner.werkvormen if m.id == i) for i in d.methods)
        return Sentence(t(lang, "cmp_methods_only", name=name(d.only_in), methods=methods, other=name(d.other)))
    assert isinstance(d, MethodsChanged)  # the last kind of Difference
    methods = ", ".join(next(m.name.get(lang) for m in a.werkvormen if m.id == i) for i in d.methods)
    return Sentence(t(lang, "cmp_methods_changed", a=name(a.id), b=name(b.id), methods=methods))


def _role_need_sentence(d: RoleNeedDifference, a: RuleSet, b: RuleSet, lang: str) -> Sentence:
    """When a situation asks a role of the municipality in one framework only, or asks it differently."""
    def words(need: RoleNeed, rule_set: RuleSet) -> dict[str, str]:
        return {"when": condition_words(need.when, Labels(rule_set, lang)),
                "role": rule_set.role(need.role).name.get(lang),
                "effect": t(lang, "cmp_role_hat" if need.hat else "cmp_role_main")}

    sides = [(n, rs) for n, rs in ((d.a, a), (d.b, b)) if n is not None]
    detail = " ".join(t(lang, "cmp_reason", name=short_name(rs, lang), reason=n.why.get(lang)) for n, rs in sides)
    if len(sides) == 1:
        need, owner = sides[0]
        other = b if owner is a else a
        return Sentence(t(lang, "cmp_role_only", name=short_name(owner, lang), other=short_name(other, lang),
                          **words(need, owner)), detail)
    assert d.a is not None and d.b is not None
    wa, wb = words(d.a, a), words(d.b, b)
    return Sentence(t(lang, "cmp_role_changed", a=short_name(a, lang), b=short_name(b, lang),
                      when_a=wa["when"], effect_a=t(lang, "cmp_role_effect", **wa),
                      when_b=wb["when"], effect_b=t(lang, "cmp_role_effect", **wb)), detail)


def _factor_sentence(d: FactorDifference, rule_sets: Mapping[str, RuleSet], lang: str) -> Sentence:
    heavier, lighter = rule_sets[d.heavier], rule_sets[d.lighter]
    labels = Labels(heavier, lang)
    trait = heavier.trait(d.trait).short_name(lang)
    if d.every_option:
        what = t(lang, "cmp_what_trait", trait=trait)
    else:
        answers = t(lang, "regels_cond_or").join(f'"{labels.answer(d.trait, o)}"' for o in d.options)
        what = t(lang, "cmp_what_answers", trait=trait, answers=answers)
    names = {"heavier": short_name(heavier, lang), "lighter": short_name(lighter, lang), "what": what}
    if d.ratio is None:
        text = t(lang, "cmp_factor_zero", **names)
    else:
        times = (t(lang, f"cmp_times_{int(d.ratio)}") if d.ratio in _TIMES_IN_WORDS
                 else t(lang, "cmp_times", n=number_text(d.ratio, lang)))
        text = t(lang, "cmp_factor", times=times, **names)
    return Sentence(text, " ".join(t(lang, "cmp_why", why=why.get(lang)) for why in d.whys))


def _effect(kader: Kader, rule_set: RuleSet, lang: str) -> str:
    """What the kader does, with the municipality as subject: "Amersfoort begrenst op Adviseren"."""
    labels = Labels(rule_set, lang)
    values = {"name": short_name(rule_set, lang)}
    if kader.effect in ("max", "min"):
        values["rung"] = labels.rung(getattr(kader, kader.effect))
    elif kader.effect == "exclude":
        values["rungs"] = t(lang, "regels_cond_and").join(labels.rung(r) for r in kader.exclude or ())
    return t(lang, f"cmp_effect_{kader.effect}", **values)


def _kader_sentence(d: KaderDifference, a: RuleSet, b: RuleSet, lang: str) -> Sentence:
    sides = [(k, rs) for k, rs in ((d.a, a), (d.b, b)) if k is not None]
    detail = " ".join(t(lang, "cmp_reason", name=short_name(rs, lang), reason=k.reason.get(lang)) for k, rs in sides)
    if d.a is not None and d.b is not None and d.same_condition:
        return Sentence(t(lang, "cmp_kader_both", when=kader_when(d.a, a, lang), effect_a=_effect(d.a, a, lang),
                          effect_b=_effect(d.b, b, lang)), detail)
    parts = [t(lang, "cmp_kader_when", when=kader_when(k, rs, lang), effect=_effect(k, rs, lang)) for k, rs in sides]
    if len(sides) == 1:
        parts.append(t(lang, "cmp_kader_absent", other=short_name(b if d.b is None else a, lang)))
    return Sentence(" ".join(parts), detail)


# --- why one project's advice differs -------------------------------------------------------------


def advice_card(advice: Advice, rule_set: RuleSet, lang: str) -> tuple[str, str, str]:
    """The advised rung, the firmness in words and the margin (or why there is none), for a card."""
    labels = Labels(rule_set, lang)
    firmness = t(lang, "robustness", label=t(lang, "robust_" + advice.robustness))
    return labels.rung(advice.recommended), firmness, margin_sentence(advice, labels) or t(lang, "cmp_no_margin")


def why_sentences(diff: AdviceDifference, a: RuleSet, b: RuleSet, lang: str, shown: int) -> list[Sentence]:
    """The difference in a few sentences: the two advices, the kaders behind it, the answers that weigh most differently."""
    rule_sets = {a.id: a, b.id: b}
    la, lb = Labels(a, lang), Labels(b, lang)
    na, nb = short_name(a, lang), short_name(b, lang)
    out = [Sentence(t(lang, "cmp_why_head", a=na, b=nb, rung_a=la.rung(diff.rung_a), rung_b=lb.rung(diff.rung_b)))]
    for rung, lacking in diff.missing:
        having = rule_sets[b.id if lacking == a.id else a.id]
        out.append(Sentence(t(lang, "cmp_why_missing", other=short_name(rule_sets[lacking], lang),
                              rung=Labels(having, lang).rung(rung))))
    out.extend(_contrast_sentence(c, a, b, lang) for c in diff.kaders)
    standing_a, standing_b = diff.standings
    if not diff.missing:
        gap_a = (standing_a.score_a or 0.0) - (standing_b.score_a or 0.0)
        gap_b = (standing_a.score_b or 0.0) - (standing_b.score_b or 0.0)
        out.append(Sentence(t(lang, "cmp_why_gap", a=na, b=nb, rung_a=la.rung(diff.rung_a), rung_b=la.rung(diff.rung_b),
                              gap_a=signed(gap_a, lang), gap_b=signed(gap_b, lang))))
    for s in diff.shifts[:shown]:
        labels = la if s.trait in {tr.id for tr in a.traits} else lb
        out.append(Sentence(t(lang, "cmp_why_shift", answer=labels.short(s.trait, s.answer), a=na, b=nb,
                              rung_a=la.rung(diff.rung_a), rung_b=la.rung(diff.rung_b),
                              lead_a=signed(s.lead_a, lang), lead_b=signed(s.lead_b, lang))))
    if not diff.kaders and not diff.shifts and not diff.missing:
        out.append(Sentence(t(lang, "cmp_why_close")))
    return out


def _contrast_sentence(c: KaderContrast, a: RuleSet, b: RuleSet, lang: str) -> Sentence:
    na, nb = short_name(a, lang), short_name(b, lang)
    fired = [(k, rs) for k, rs in ((c.in_a, a), (c.in_b, b)) if k is not None]
    detail = " ".join(t(lang, "cmp_reason", name=short_name(rs, lang), reason=k.reason.get(lang)) for k, rs in fired)
    if c.in_a is not None and c.in_b is not None:
        return Sentence(t(lang, "cmp_why_kader_both", a=na, b=nb, heading_a=_heading(c.in_a, a, lang),
                          heading_b=_heading(c.in_b, b, lang)), detail)
    kader, rule_set = fired[0]
    other_has_it = c.b_has_it if rule_set is a else c.a_has_it
    key = "cmp_why_kader_not_fired" if other_has_it else "cmp_why_kader_absent"
    return Sentence(t(lang, key, name=short_name(rule_set, lang), other=nb if rule_set is a else na,
                      heading=_heading(kader, rule_set, lang)), detail)


def _heading(kader: FiredKader, rule_set: RuleSet, lang: str) -> str:
    return kader_heading(kader, Labels(rule_set, lang))


def standing_table(diff: AdviceDifference, a: RuleSet, b: RuleSet, lang: str) -> pd.DataFrame:
    """Per framework: its advice and the points of both advised rungs, with a kader's mark where one blocked it."""
    columns = [t(lang, "cmp_col_framework"), t(lang, "cmp_col_advice")]
    names = [Labels(a if s.rung in a.rung_ids() else b, lang).rung(s.rung) for s in diff.standings]
    columns += [t(lang, "cmp_col_points_of", rung=n) for n in names]
    rows = []
    for rule_set, advised, side in ((a, diff.rung_a, "a"), (b, diff.rung_b, "b")):
        row = [short_name(rule_set, lang), Labels(rule_set, lang).rung(advised)]
        for s in diff.standings:
            score, status = (s.score_a, s.status_a) if side == "a" else (s.score_b, s.status_b)
            row.append(_score_words(score, status, lang))
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def _score_words(score: float | None, status: str | None, lang: str) -> str:
    if score is None:
        return t(lang, "cmp_no_such_rung")
    words = signed(score, lang)
    return f"{words} ({t(lang, 'status_' + status)})" if status in ("begrensd", "uitgesloten") else words


def shift_table(diff: AdviceDifference, a: RuleSet, b: RuleSet, lang: str) -> pd.DataFrame:
    """Every answer that favours the two advised rungs differently, biggest difference first."""
    la, lb = Labels(a, lang), Labels(b, lang)
    traits_a = {tr.id for tr in a.traits}
    return pd.DataFrame({
        t(lang, "cmp_col_answer"): [(la if s.trait in traits_a else lb).short(s.trait, s.answer) for s in diff.shifts],
        t(lang, "cmp_col_lead_in", name=short_name(a, lang)): [signed(s.lead_a, lang) for s in diff.shifts],
        t(lang, "cmp_col_lead_in", name=short_name(b, lang)): [signed(s.lead_b, lang) for s in diff.shifts],
        t(lang, "cmp_col_shift"): [signed(s.shift, lang) for s in diff.shifts],
    })


# --- the heatmap of weight differences ------------------------------------------------------------


def weight_difference_chart(reference: RuleSet, other: RuleSet, lang: str) -> Chart | None:
    """Answers × rungs both have: points in `other` minus points in `reference`; None when no answer differs."""
    frame = weight_difference(reference, other)
    if frame.empty:
        return None
    ref_labels, other_labels = Labels(reference, lang), Labels(other, lang)
    ref_traits = {tr.id for tr in reference.traits}
    answers = [(ref_labels if trait in ref_traits else other_labels).short(trait, option) for trait, option in frame.index]
    rungs = [ref_labels.rung(r) for r in frame.columns]
    values = frame.to_numpy().tolist()
    texts = [[signed(v, lang) for v in row] for row in values]
    reach = max(1.0, max(abs(v) for row in values for v in row))
    title = t(lang, "cmp_heatmap_title", other=short_name(other, lang), reference=short_name(reference, lang))
    figure = go.Figure(go.Heatmap(
        z=values, x=[plain(r) for r in rungs], y=[plain(a) for a in answers], text=texts, texttemplate="%{text}",
        zmin=-reach, zmax=reach, zmid=0, colorscale="RdBu", xgap=1, ygap=1,
        hovertemplate="%{y}<br>%{x}: %{text}<extra></extra>",
        colorbar={"title": {"text": t(lang, "cmp_heatmap_scale")}, "thickness": 14},
    ))
    figure.update_layout(
        title={"text": plain(title), "x": 0, "xanchor": "left"}, height=170 + _CELL_PX * len(answers),
        margin={"l": 10, "r": 10, "t": 120, "b": 10}, font={"size": 14}, plot_bgcolor="white",
        xaxis={"side": "top", "automargin": True, "tickangle": -35}, yaxis={"autorange": "reversed", "automargin": True},
    )
    table = pd.DataFrame(texts, columns=rungs)
    table.insert(0, t(lang, "cmp_col_answer"), answers)
    return Chart(readable(figure, lang), table)


def rungs_left_out(reference: RuleSet, other: RuleSet, lang: str) -> list[str]:
    """Rungs only one of the two has: the heatmap has no column for them."""
    return ([Labels(reference, lang).rung(r) for r in reference.rung_ids() if r not in other.rung_ids()]
            + [Labels(other, lang).rung(r) for r in other.rung_ids() if r not in reference.rung_ids()])

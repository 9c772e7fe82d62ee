"""The sentences and names every report shares (and the app, which shows the same advice on screen).

Only says what the engine concluded, in one language; every format and the app word it alike.
"""

from __future__ import annotations

from ladder.engine.advice import Advice, FiredKader, Flip, MethodAdvice, UnknownEffect
from ladder.reports.chart_data import runner_up_of
from ladder.reports.texts import t
from ladder.rules.model import UNKNOWN, Contact, RuleSet
from ladder.text import number_text


class Labels:
    """Names of rungs, questions and answers from the rule set, in one language."""

    def __init__(self, rule_set: RuleSet, lang: str):
        self.rule_set = rule_set
        self.lang = lang

    def rung(self, rung_id: str) -> str:
        return self.rule_set.rung(rung_id).name.get(self.lang)

    def question(self, trait_id: str) -> str:
        return self.rule_set.trait(trait_id).question.get(self.lang)

    def answer(self, trait_id: str, options: tuple[str, ...] | str) -> str:
        options = (options,) if isinstance(options, str) else options
        trait = self.rule_set.trait(trait_id)
        labels = {o.id: o.label.get(self.lang) for o in trait.options}
        return ", ".join(t(self.lang, "unknown_answer") if o == UNKNOWN else labels.get(o, o) for o in options)

    def short(self, trait_id: str, options: tuple[str, ...] | str) -> str:
        """'Trait: answer' for compact lists."""
        return f"{self.rule_set.trait(trait_id).short_name(self.lang)}: {self.answer(trait_id, options)}"


def margin_sentence(advice: Advice, labels: Labels) -> str | None:
    """How far the advice is ahead of the runner-up; None when only one form was possible."""
    runner_up = runner_up_of(advice)
    if advice.margin is None or runner_up is None:
        return None
    if advice.margin == 1:
        return t(labels.lang, "margin_one", runner_up=labels.rung(runner_up))
    return t(labels.lang, "margin", margin=number_text(advice.margin, labels.lang), runner_up=labels.rung(runner_up))


def why_sentence(advice: Advice, labels: Labels) -> str:
    """One sentence of why: the main answers, and any kader that capped or floored the outcome."""
    lang = labels.lang
    parts = []
    if advice.main_reasons:
        reasons = "; ".join(labels.short(tr, advice.answers[tr]) for tr in advice.main_reasons)
        parts.append(t(lang, "why_main", reasons=reasons))
    binding = [k for k in advice.kaders if k.changed_outcome]
    if binding:
        parts.append(t(lang, "why_kaders", reasons=" ".join(k.reason.get(lang) for k in binding)))
    return ". ".join(parts) if parts else t(lang, "why_none")


def kader_effect(kader: FiredKader, labels: Labels) -> str:
    lang = labels.lang
    if kader.effect == "max":
        return t(lang, "kader_max", rung=labels.rung(kader.rungs[0]))
    if kader.effect == "min":
        return t(lang, "kader_min", rung=labels.rung(kader.rungs[0]))
    if kader.effect == "exclude":
        return t(lang, "kader_exclude", rungs=", ".join(labels.rung(r) for r in kader.rungs))
    return t(lang, "kader_warning")


def kader_heading(kader: FiredKader, labels: Labels) -> str:
    """The kader's effect, and whether it decided the advice."""
    decisive = f" ({t(labels.lang, 'kader_decisive')})" if kader.changed_outcome else ""
    return f"{kader_effect(kader, labels)}{decisive}"


def flip_sentence(flip: Flip, labels: Labels) -> str:
    return t(labels.lang, "flip_line", question=labels.question(flip.trait), new=labels.answer(flip.trait, flip.new_answer),
             old=labels.answer(flip.trait, flip.answer), rung=labels.rung(flip.new_rung))


def unknown_sentence(unknown: UnknownEffect, advice: Advice, labels: Labels) -> str:
    question = labels.question(unknown.trait)
    if not unknown.changes_advice:
        return t(labels.lang, "unknown_same", question=question, rung=labels.rung(advice.recommended))
    outcomes = "; ".join(f"{labels.answer(unknown.trait, o.answer)} -> {labels.rung(o.rung)}" for o in unknown.outcomes)
    return t(labels.lang, "unknown_changes", question=question, outcomes=outcomes)


def route_sentences(advice: Advice, labels: Labels) -> list[str]:
    """The two routes of the Participatiekompas, and whether they agree."""
    lang = labels.lang
    r = advice.routes
    if r.goal is None:
        return [t(lang, "routes_no_goal")]
    goal_route = labels.rule_set.goal_route
    goal_trait = goal_route.trait if goal_route else ""
    key = "routes_agree" if r.distance == 0 else "routes_close" if r.distance == 1 else "routes_differ"
    lines = [
        t(lang, "route_line", situation=labels.rung(r.situation), goal_answer=labels.answer(goal_trait, r.goal_answer or ""),
          goal=labels.rung(r.goal)),
        t(lang, key, distance=r.distance),
    ]
    if r.goal_allowed is False:
        lines.append(t(lang, "goal_not_allowed"))
    return lines


def method_heading(method: MethodAdvice, advice: Advice, labels: Labels) -> str:
    """The method's name, and for whom it fits when that is the runner-up rather than the advice."""
    if method.for_rung == advice.recommended:
        return method.name.get(labels.lang)
    return f"{method.name.get(labels.lang)} {t(labels.lang, 'method_for_runner_up', rung=labels.rung(method.for_rung))}"


def method_notes(method: MethodAdvice, lang: str) -> str:
    return "; ".join(t(lang, "method_fits" if r.fits else "method_misfits", why=r.why.get(lang)) for r in method.reasons)


def contact_sentence(contact: Contact, lang: str) -> str:
    return f"{contact.name}: {contact.role.get(lang)}. {contact.how}. {contact.when.get(lang)}."

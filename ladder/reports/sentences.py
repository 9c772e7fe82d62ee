"""The sentences and names every report shares (and the app, which shows the same advice on screen).

Only says what the engine concluded, in one language; every format and the app word it alike.
"""

from __future__ import annotations

from ladder.engine.advice import Advice, FiredCheck, FiredKader, Flip, MethodAdvice, PhaseAdvice, UnknownEffect
from ladder.reports.chart_data import runner_up_of
from ladder.reports.texts import t
from ladder.rules.model import UNKNOWN, Contact, RuleSet
from ladder.text import list_text, number_text


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


def margin_words(advice: Advice, lang: str) -> list[str]:
    """The margin in words, said once beside the margin itself: how much a point is, and for a firm or a narrow
    advice what it takes to change it. Nothing when no other form was possible."""
    if advice.margin is None or runner_up_of(advice) is None:
        return []
    words = [t(lang, "margin_scale")]
    if advice.robustness in ("robuust", "krap"):
        words.append(t(lang, f"margin_{advice.robustness}"))
    return words


def questions_text(traits: tuple[str, ...] | list[str], labels: Labels) -> str:
    """Questions one after the other, each with its own question mark; a full stop only after one without."""
    text = " ".join(labels.question(trait) for trait in traits)
    return text if text.endswith(("?", ".", "!")) else f"{text}."


def moving_unknowns(advice: Advice) -> list[str]:
    """The unknown answers that could still change the advice: why a provisional advice is provisional."""
    return [u.trait for u in advice.unknowns if u.changes_advice]


def advised_form(advice: Advice, labels: Labels) -> str:
    """The first line of the advice: the form, and whether it is provisional or holds only on a condition.
    Under onvoldoende there is no form to name: the line says so instead."""
    lang = labels.lang
    if advice.form is None:
        return t(lang, "insufficient_title")
    rung = labels.rung(advice.recommended)
    if advice.conditional_on and advice.fallback:
        rung = t(lang, "conditional_rung", rung=rung, fallback=labels.rung(advice.fallback))
    return t(lang, "provisional_form" if advice.status == "voorlopig" else "advised_form", rung=rung)


def status_sentence(advice: Advice, labels: Labels) -> str | None:
    """What the status means, right under the first line: what to answer first, or why the advice is provisional."""
    lang = labels.lang
    if advice.form is None:
        return t(lang, "insufficient", questions=questions_text(advice.needed, labels))
    if advice.status == "voorlopig":
        moving = moving_unknowns(advice)
        return t(lang, "provisional_why", questions=questions_text(moving, labels)) if moving else t(lang, "provisional_general")
    return None


def role_line(advice: Advice, lang: str) -> str:
    """The municipality's main role, and the other hats it wears beside it."""
    role = t(lang, "municipal_role", role=advice.role.name.get(lang))
    if not advice.hats:
        return role
    return f"{role}. {t(lang, 'role_hats', hats=list_text((h.name.get(lang) for h in advice.hats), lang))}"


def role_why(advice: Advice, lang: str) -> str:
    """Why the main role, and why each hat."""
    return " ".join(r.why.get(lang) for r in (advice.role, *advice.hats) if r.why)


def late_entry_note(advice: Advice, lang: str) -> str:
    """When the project joins late (at the decision): the phase matrix's note for the entry phase."""
    if not advice.late_entry:
        return ""
    return next((p.note.get(lang) for p in advice.phases if p.phase == advice.entry_phase and p.note), "")


def why_sentence(advice: Advice, labels: Labels) -> str:
    """Why this form, in the words of the rules: the reasons of the answers that made it win (design §11), and then
    every kader that changed the outcome."""
    lang = labels.lang
    rung = labels.rung(advice.recommended)
    whys = {c.trait: c.why.get(lang) for c in advice.contributions}
    traits = [r.trait for r in advice.reason_shares] or list(advice.main_reasons)
    reasons = " ".join(whys[trait] for trait in traits if trait in whys)
    parts = [t(lang, "why_main", rung=rung, reasons=reasons) if reasons else t(lang, "why_none", rung=rung)]
    parts += [t(lang, "why_also", reason=k.reason.get(lang)) for k in advice.kaders if k.changed_outcome]
    return " ".join(parts)


def shares_sentence(advice: Advice, labels: Labels) -> str:
    """Each main reason's part of the lead, when the engine weighed them."""
    shares = [f"{labels.rule_set.trait(r.trait).short_name(labels.lang)} {round(r.share * 100)}%" for r in advice.reason_shares]
    return t(labels.lang, "reason_shares", shares=list_text(shares, labels.lang)) if shares else ""


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


def route_names(advice: Advice, lang: str) -> tuple[str, str]:
    """The names of the two routes: the rule set's (the Kompas calls them 'Stap voor stap' and 'Doelgericht'),
    else 'Situatie' and 'Doel'."""
    r = advice.routes
    return (r.situation_name.get(lang) if r.situation_name else t(lang, "route_situation"),
            r.goal_name.get(lang) if r.goal_name else t(lang, "route_goal"))


def route_sentences(advice: Advice, labels: Labels) -> list[str]:
    """The two routes of the Participatiekompas, whether they agree, and when they differ what to adjust."""
    lang = labels.lang
    r = advice.routes
    if r.goal is None:
        return [t(lang, "routes_no_goal")]
    goal_route = labels.rule_set.goal_route
    goal_trait = goal_route.trait if goal_route else ""
    situation_name, goal_name = route_names(advice, lang)
    key = "routes_agree" if r.distance == 0 else "routes_close" if r.distance == 1 else "routes_differ"
    if key == "routes_differ" and r.adjust:
        agreement = t(lang, "routes_differ_adjust", distance=r.distance, adjust=r.adjust.get(lang))
    else:
        agreement = t(lang, key, distance=r.distance)
    lines = [
        t(lang, "route_line", situation_name=situation_name, situation=labels.rung(r.situation), goal_name=goal_name,
          goal_answer=labels.answer(goal_trait, r.goal_answer or ""), goal=labels.rung(r.goal)),
        agreement,
    ]
    if r.goal_allowed is False:
        lines.append(t(lang, "goal_not_allowed"))
    return lines


def flip_groups(advice: Advice) -> list[tuple[str, list[Flip]]]:
    """The flips by the kind of their question: other facts first, then choices the reader can make."""
    groups = [(kind, [f for f in advice.flips if f.kind == kind]) for kind in ("feit", "keuze")]
    return [(kind, flips) for kind, flips in groups if flips]


def checks(advice: Advice, stage: str, severity: str | None = None, conditional: bool | None = None) -> list[FiredCheck]:
    """The precondition checks that held, of one stage (and severity); `conditional` picks the checks the advice
    depends on ("mits ...") or the others."""
    if advice.precondition is None:
        return []
    return [c for c in advice.precondition.checks if c.stage == stage and (severity is None or c.severity == severity)
            and (conditional is None or (c.id in advice.conditional_on) == conditional)]


def inform_only(advice: Advice) -> bool:
    return advice.precondition is not None and advice.precondition.outcome == "inform_only"


def phase_detail(advice: Advice, phase: PhaseAdvice, lang: str) -> str:
    """Under a phase's advice: its note from the phase matrix, and the precondition that holds in it."""
    check = next((c.text.get(lang) for c in checks(advice, "pre") if c.id == phase.precondition), "")
    return " ".join(text for text in (phase.note.get(lang) if phase.note else "", check) if text)


def method_heading(method: MethodAdvice, advice: Advice, labels: Labels) -> str:
    """The method's name, and for whom it fits when that is the runner-up rather than the advice."""
    if method.for_rung == advice.recommended:
        return method.name.get(labels.lang)
    return f"{method.name.get(labels.lang)} {t(labels.lang, 'method_for_runner_up', rung=labels.rung(method.for_rung))}"


def method_notes(method: MethodAdvice, lang: str) -> str:
    """Why a method fits or fits less; a note (say, combine it with a broad form) is neither."""
    return "; ".join(t(lang, "method_note" if r.note else "method_fits" if r.fits else "method_misfits", why=r.why.get(lang))
                     for r in method.reasons)


def contact_sentence(contact: Contact, lang: str) -> str:
    return f"{contact.name}: {contact.role.get(lang)}. {contact.how}. {contact.when.get(lang)}."

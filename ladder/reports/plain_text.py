"""The advice as readable text (for the terminal and as the base of a memo), in Dutch or English.

Only presents what the engine concluded; every number and conclusion comes from the Advice.
"""

from __future__ import annotations

from ladder.engine.advice import Advice, FiredKader, Flip, MethodAdvice, UnknownEffect
from ladder.reports.texts import t
from ladder.text import number_text
from ladder.rules.model import UNKNOWN, VALUES, Contact, RuleSet
from ladder.reports.chart_data import MARK_KEYS, contribution_rows, ladder_rows, runner_up_of

TEXT_METHODS = 5  # the advice ranks more; a memo reads best with the first few


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


def render_text(advice: Advice, rule_set: RuleSet, title: str, lang: str = "nl") -> str:
    labels = Labels(rule_set, lang)
    out: list[str] = []
    add = out.append
    runner_up = runner_up_of(advice)
    ref = advice.rule_set
    add(t(lang, "advice_for", title=title))
    add(t(lang, "rule_set_line", name=ref.name.get(lang), version=ref.version, status=ref.status, hash=ref.content_hash[:12]))
    if rule_set.illustration and rule_set.disclaimer:
        add(t(lang, "illustration", disclaimer=rule_set.disclaimer.get(lang)))
    add("")
    add(t(lang, "advised_form", rung=labels.rung(advice.recommended)).upper())
    add(t(lang, "municipal_role", role=advice.role.name.get(lang)))
    if advice.role.why:
        add(f"  {advice.role.why.get(lang)}")
    add(t(lang, "why_line", why=why_sentence(advice, labels)))

    _section(out, t(lang, "scores"))
    width = max(len(labels.rung(s.rung)) for s in advice.scores) + 2
    for rung_row in ladder_rows(advice):
        key = MARK_KEYS[rung_row.mark]
        note = ""
        if key is not None:
            words = t(lang, key)
            note = {"advised": f"  <- {words}", "runner_up": f"  ({words})"}.get(rung_row.mark, f"  [{words}]")
        add(f"  {labels.rung(rung_row.rung):<{width}} {rung_row.score:>7.2f}{note}")

    if advice.kaders:
        _section(out, t(lang, "kaders_fired"))
        for k in advice.kaders:
            add(f"  - {kader_heading(k, labels)}: {k.reason.get(lang)}")
            if k.yielded:
                add(f"    {t(lang, 'kader_yielded')}")

    if advice.contributions:
        header = (
            t(lang, "contributions", rung=labels.rung(advice.recommended), runner_up=labels.rung(runner_up))
            if runner_up
            else t(lang, "contributions_single", rung=labels.rung(advice.recommended))
        )
        _section(out, header)
        by_trait = {c.trait: c for c in advice.contributions}
        for row in contribution_rows(advice):
            c = by_trait[row.trait]
            pair = f"{row.advised:+6.2f}" if row.runner_up is None else f"{row.advised:+6.2f} / {row.runner_up:+6.2f}"
            add(f"  {pair}  {labels.short(c.trait, c.answer)}. {c.why.get(lang)}")
            for f in c.factors:
                add(f"                     {t(lang, 'factor_note', factor=f'{f.factor:g}', why=f.why.get(lang))}")

    _section(out, t(lang, "robustness", label=t(lang, "robust_" + advice.robustness)))
    if margin := margin_sentence(advice, labels):
        add(f"  {margin}")
    if advice.flips:
        add(f"  {t(lang, 'flips')}:")
        for flip in advice.flips:
            add("  - " + flip_sentence(flip, labels))
    else:
        add(f"  {t(lang, 'no_flips')}")

    if advice.unknowns:
        _section(out, t(lang, "unknowns"))
        for u in advice.unknowns:
            add("  - " + unknown_sentence(u, advice, labels))

    _section(out, t(lang, "routes"))
    for line in route_sentences(advice, labels):
        add(f"  {line}")

    if advice.phases:
        _section(out, t(lang, "phases"))
        for p in advice.phases:
            add("  - " + t(lang, "phase_line", phase=labels.answer("fase", p.phase), rung=labels.rung(p.rung)))

    _section(out, t(lang, "promise"))
    add(f"  {advice.promise.get(lang)}")
    _section(out, t(lang, "commitment"))
    add(f"  {advice.commitment.get(lang)}")

    if advice.werkvormen:
        _section(out, t(lang, "methods"))
        for i, m in enumerate(advice.werkvormen[:TEXT_METHODS], 1):
            add(f"  {i}. {method_heading(m, advice, labels)}: {m.description.get(lang)}")
            notes = method_notes(m, lang)
            if notes:
                add(f"     ({notes})")

    for kind in ("do", "dont", "dilemma"):
        items = [g for g in advice.guidance if g.kind == kind]
        if items:
            _section(out, t(lang, kind))
            for g in items:
                add(f"  - {g.text.get(lang)}")

    v = advice.values
    if v.runner_up is not None and v.runner_up_rung:
        _section(out, t(lang, "values", rung=labels.rung(advice.recommended), runner_up=labels.rung(v.runner_up_rung)))
    else:
        _section(out, t(lang, "values_single", rung=labels.rung(advice.recommended)))
    for value in VALUES:
        other = f" / {v.runner_up[value]}" if v.runner_up else ""
        add(f"  {t(lang, 'value_' + value):<14} {v.advised[value]}{other}")

    if rule_set.contacts or rule_set.escalation:
        _section(out, t(lang, "contacts"))
        for contact in rule_set.contacts:
            add(f"  - {contact_sentence(contact, lang)}")
        if rule_set.escalation:
            add(f"  {t(lang, 'escalation')}: {rule_set.escalation.get(lang)}")
    if advice.ignored_answers:
        add("")
        add(t(lang, "ignored", traits=", ".join(advice.ignored_answers)))
    return "\n".join(out) + "\n"


def _section(out: list[str], title: str) -> None:
    out.append("")
    out.append(title)


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

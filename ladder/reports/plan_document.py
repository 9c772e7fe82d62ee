"""From an advice to a participation plan, and from a plan to its verslag: the drafts a civil servant starts from,
and the Documents that the renderers (Markdown, PDF, ODT, DOCX) lay out.

A draft says only what the advice and the rule set say (the form and its promise, the kaders that fired and the
answers on what is fixed, the form per phase, the methods that fit, rights and duties, support for hard-to-reach
groups); what only the municipality knows (dates, budget, who decides) starts empty, with a hint in the form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ladder.engine.advice import Advice
from ladder.plans.model import Plan, PlanPhase, Verslag
from ladder.reports.document import (
    BulletList,
    Column,
    Document,
    Fact,
    Item,
    Paragraph,
    Row,
    Section,
    Table,
    paragraph,
    plain,
)
from ladder.reports.plan_texts import PLAN
from ladder.rules.model import NOT_APPLICABLE, UNKNOWN, RuleSet
from ladder.text import Value, count_text, date_text

METHODS_PER_PHASE = 2  # the best fitting methods named per phase; the Advies page lists them all


def t(lang: str, key: str, **values: Value) -> str:
    return PLAN.t(lang, key, **values)


def draft_plan(advice: Advice, rule_set: RuleSet, lang: str, project: str, chosen: str | None = None) -> Plan:
    """A plan pre-filled from the advice, for the form `chosen` (the form the municipality chose; the advised one
    when left out). Raises ValueError when the advice names no form (too little known)."""
    form = chosen or advice.form
    if form is None:
        raise ValueError("the advice names no form yet: too little is known")
    rung = rule_set.rung(form)
    same = form == advice.recommended
    return Plan(
        project=project[:200] or "-",
        question=_named(advice, rule_set, "soort_opgave", lang),
        fixed=_fixed(advice, rule_set, lang),
        decides="",
        committed=_answer(advice, rule_set, "bindendheid", lang),
        form=form,
        role=_role(advice, lang) if same else "",
        promise=advice.promise.get(lang) if same else rung.promise.get(lang),
        commitment=advice.commitment.get(lang) if same else rung.commitment.get(lang),
        phases=_phases(advice, rule_set, lang),
        groups=_groups(advice, rule_set, lang),
        rights=_lines(r.text.get(lang) for r in advice.rights if r.kind == "recht"),
        formal_route=_lines(f"{r.text.get(lang)} ({r.basis})" for r in advice.rights if r.kind == "plicht"),
        budget=_named(advice, rule_set, "middelen", lang),
        evaluation=t(lang, "plan_draft_evaluation"),
    )


def draft_verslag(plan: Plan) -> Verslag:
    """A verslag that starts from the plan's question; the rest is what happened, which only people know."""
    return Verslag(asked=plan.question)


def plan_document(plan: Plan, rule_set: RuleSet, lang: str, day: dt.date, version: int | None = None) -> Document:
    """The plan as a document: the fields in the order a council reads them, empty ones said to be open."""
    facts = [Fact(t(lang, "plan_fact_rules", name=rule_set.name.get(lang), version=rule_set.version), brief=True)]
    if version is not None:
        facts.append(Fact(t(lang, "plan_fact_version", version=version, date=date_text(day, lang)), brief=True))
    form = rule_set.rung(plan.form).name.get(lang) if plan.form in rule_set.rung_ids() else plan.form
    sections = [
        _section(lang, "plan_question", plan.question),
        _section(lang, "plan_fixed", plan.fixed),
        _section(lang, "plan_decides", plan.decides, plan.committed and t(lang, "plan_committed_lead") + " "
                 + plan.committed),
        Section(t(lang, "plan_form"), (paragraph(form, "strong"),
                                        *_paragraphs(t(lang, "plan_role_lead"), plan.role),
                                        *_paragraphs(t(lang, "plan_promise_lead"), plan.promise),
                                        *_paragraphs(t(lang, "plan_commitment_lead"), plan.commitment))),
    ]
    if plan.phases:
        sections.append(Section(t(lang, "plan_phases"), (_phase_table(plan, rule_set, lang),)))
    sections += [
        _section(lang, "plan_groups", plan.groups),
        _section(lang, "plan_rights", plan.rights),
        _section(lang, "plan_formal_route", plan.formal_route),
        Section(t(lang, "plan_planning"), (_planning(plan, lang),)),
        _section(lang, "plan_evaluation", plan.evaluation),
    ]
    return Document(lang=lang, title=plan.project, body=tuple(sections), date=day,
                    footer=t(lang, "plan_footer", project=plan.project), subject=t(lang, "plan_subject"),
                    facts=tuple(facts))


def verslag_document(verslag: Verslag, plan: Plan, rule_set: RuleSet, lang: str, day: dt.date,
                     version: int | None = None) -> Document:
    """The verslag as a document: what was asked, who took part, what came out, what was done with each piece of
    input and why, and how the promise of the plan was kept."""
    facts = [Fact(t(lang, "plan_fact_rules", name=rule_set.name.get(lang), version=rule_set.version), brief=True)]
    if version is not None:
        facts.append(Fact(t(lang, "plan_fact_version", version=version, date=date_text(day, lang)), brief=True))
    sections: list[Section] = [_section(lang, "verslag_asked", verslag.asked)]
    if verslag.turnout:
        total = sum(g.count for g in verslag.turnout)
        sections.append(Section(t(lang, "verslag_turnout"), (Table(
            columns=(Column(t(lang, "verslag_col_group")), Column(t(lang, "verslag_col_count"), align="right")),
            rows=(*(Row((plain(g.group), plain(count_text(g.count, lang)))) for g in verslag.turnout),
                  Row((plain(t(lang, "verslag_total")), plain(count_text(total, lang)))))),)))
    else:
        sections.append(_section(lang, "verslag_turnout", ""))
    sections.append(_section(lang, "verslag_outcome", verslag.outcome))
    if verslag.responses:
        sections.append(Section(t(lang, "verslag_responses"), (Table(
            columns=(Column(t(lang, "verslag_col_input")), Column(t(lang, "verslag_col_response")),
                     Column(t(lang, "verslag_col_reason"))),
            rows=tuple(Row((plain(r.input), plain(t(lang, f"verslag_response_{r.response}")), plain(r.reason)))
                       for r in verslag.responses),
            layout="numbers_first"),)))
    else:
        sections.append(_section(lang, "verslag_responses", ""))
    sections.append(_section(lang, "verslag_promise_kept", verslag.promise_kept,
                             plan.promise and t(lang, "verslag_promise_was") + " " + plan.promise))
    return Document(lang=lang, title=plan.project, body=tuple(sections), date=day,
                    footer=t(lang, "verslag_footer", project=plan.project), subject=t(lang, "verslag_subject"),
                    facts=tuple(facts))


# --- the draft ------------------------------------------------------------------------------------------


def _answer(advice: Advice, rule_set: RuleSet, trait_id: str, lang: str) -> str:
    """The answer given, as its label; empty when the question is not in the rules, not asked or not answered."""
    given = advice.answers.get(trait_id, ())
    if not given or set(given) <= {UNKNOWN, NOT_APPLICABLE} or trait_id not in {x.id for x in rule_set.traits}:
        return ""
    labels = {o.id: o.label.get(lang) for o in rule_set.trait(trait_id).options}
    return ", ".join(labels[o] for o in given if o in labels)


def _named(advice: Advice, rule_set: RuleSet, trait_id: str, lang: str) -> str:
    """'Question name: answer', or empty as _answer."""
    answer = _answer(advice, rule_set, trait_id, lang)
    return f"{rule_set.trait(trait_id).short_name(lang)}: {answer}" if answer else ""


def _role(advice: Advice, lang: str) -> str:
    """The role (and any second role, the 'twee petten') a role rule picked, with what it means."""
    roles = [r for r in (advice.role, *advice.hats) if r.role is not None]
    return _lines(f"{r.name.get(lang)}: {r.description.get(lang)}" for r in roles)


def _fixed(advice: Advice, rule_set: RuleSet, lang: str) -> str:
    """What fixes the outcome, as answered, and the caps that fired: the frames that limit what participants decide."""
    lines = [_named(advice, rule_set, trait, lang) for trait in ("beleidsruimte", "vastgelegd_door", "besluit_genomen")]
    lines += [k.reason.get(lang) for k in advice.kaders if k.effect == "max"]
    return _lines(lines)


def _phases(advice: Advice, rule_set: RuleSet, lang: str) -> tuple[PlanPhase, ...]:
    if rule_set.phases is None:
        return ()
    names = {o.id: o.label.get(lang) for o in rule_set.trait(rule_set.phases.trait).options}
    return tuple(PlanPhase(phase=names.get(p.phase, p.phase)[:100], form=p.rung, methods=_methods(advice, p.rung, lang),
                           note=p.note.get(lang) if p.note else "")
                 for p in advice.phases)


def _methods(advice: Advice, rung: str, lang: str) -> str:
    fitting = [m.name.get(lang) for m in advice.werkvormen if m.for_rung == rung][:METHODS_PER_PHASE]
    return ", ".join(fitting)


def _groups(advice: Advice, rule_set: RuleSet, lang: str) -> str:
    """The groups the answers name as hard to reach, and the support the rule set says they need."""
    lines = []
    if named := _answer(advice, rule_set, "doelgroepen", lang):
        lines.append(t(lang, "plan_draft_groups", groups=named))
    lines += [s.text.get(lang) for s in advice.support]
    return _lines(lines)


def _lines(lines: Iterable[str]) -> str:
    return "\n".join(line for line in lines if line)


# --- the document ---------------------------------------------------------------------------------------


def _paragraphs(lead: str, text: str) -> tuple[Paragraph, ...]:
    return () if not text.strip() else (paragraph(lead, "strong"), *(paragraph(p) for p in _split(text)))


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.splitlines() if p.strip()]


def _section(lang: str, key: str, text: str, extra: str = "") -> Section:
    """A field as a section: its paragraphs, or "still open" when nobody filled it in."""
    blocks: list[Paragraph | BulletList] = [paragraph(p) for p in _split(text)] or [paragraph(t(lang, "plan_open"),
                                                                                               "note")]
    if extra:
        blocks.append(paragraph(extra))
    return Section(t(lang, key), tuple(blocks))


def _phase_table(plan: Plan, rule_set: RuleSet, lang: str) -> Table:
    names = {r.id: r.name.get(lang) for r in rule_set.rungs}
    return Table(columns=(Column(t(lang, "plan_col_phase")), Column(t(lang, "plan_col_form")),
                          Column(t(lang, "plan_col_methods"))),
                 rows=tuple(Row((plain(p.phase), plain(names.get(p.form, p.form)), plain(p.methods)),
                                notes=(p.note,) if p.note else ()) for p in plan.phases))


def _planning(plan: Plan, lang: str) -> BulletList:
    def when(day: dt.date | None) -> str:
        return date_text(day, lang) if day else t(lang, "plan_open")

    return BulletList((
        Item(plain(t(lang, "plan_start") + ": " + when(plan.start))),
        Item(plain(t(lang, "plan_feedback") + ": " + (plan.feedback or t(lang, "plan_open")))),
        Item(plain(t(lang, "plan_decision_date") + ": " + when(plan.decision_date))),
        Item(plain(t(lang, "plan_budget") + ": " + (plan.budget or t(lang, "plan_open")))),
        Item(plain(t(lang, "plan_staff") + ": " + (plan.staff or t(lang, "plan_open")))),
    ))

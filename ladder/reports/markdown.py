"""The advice as a Markdown document, in Dutch or English: the same content as the text report.

Only presents what the engine concluded. Every text that comes from outside this module (the user's
title and description, rule-set texts, report sentences) passes through `escape_markdown`, so the
document's structure comes from here alone: a title like `[klik](javascript:x)` shows as typed.
"""

from __future__ import annotations

import re

from ladder.engine.advice import Advice
from ladder.reports.texts import t
from ladder.rules.model import VALUES, RuleSet
from ladder.reports.chart_data import (
    MARK_KEYS,
    Mark,
    contribution_rows,
    ladder_rows,
    runner_up_of,
)
from ladder.reports.plain_text import (
    TEXT_METHODS,
    Labels,
    contact_sentence,
    flip_sentence,
    kader_heading,
    margin_sentence,
    method_heading,
    method_notes,
    route_sentences,
    unknown_sentence,
    why_sentence,
)

# Characters with a meaning anywhere in a line (CommonMark, GitHub tables and strikethrough, and the
# LaTeX that Streamlit's st.markdown renders between dollar signs).
_INLINE = re.compile(r"([\\`*_\[\]<>&|$~#])")
# Characters that only mean something at the start of a line: a list item or a horizontal rule.
_LIST_START = re.compile(r"^(?:([+-])|(\d+)([.)])(?=\s|$))")


def escape_markdown(text: str) -> str:
    """Text that Markdown shows literally, on one line (line breaks would let text start a new block)."""
    flat = " ".join(text.split())
    escaped = _INLINE.sub(r"\\\1", flat)
    return _LIST_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", escaped)


def markdown_paragraphs(text: str) -> list[str]:
    """User text as escaped paragraphs: a blank line separates them, other line breaks do not."""
    return [escape_markdown(p) for p in re.split(r"\n\s*\n", text) if p.strip()]


def _row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def markdown_table(header: tuple[str, ...], align: str, rows: list[tuple[str, ...]]) -> list[str]:
    """A GitHub table; `align` has one letter per column: l(eft) or r(ight)."""
    rule = tuple("---:" if a == "r" else "---" for a in align)
    return [_row(*header), _row(*rule), *(_row(*r) for r in rows), ""]


def render_markdown(advice: Advice, rule_set: RuleSet, title: str, lang: str = "nl", description: str = "") -> str:
    labels = Labels(rule_set, lang)
    e = escape_markdown
    out: list[str] = []
    add = out.append
    runner_up = runner_up_of(advice)
    ref = advice.rule_set
    advised = labels.rung(advice.recommended)

    add(f"# {e(t(lang, 'advice_for', title=title))}")
    add("")
    for paragraph in markdown_paragraphs(description):
        add(paragraph)
        add("")
    add(e(t(lang, "rule_set_line", name=ref.name.get(lang), version=ref.version, status=ref.status, hash=ref.content_hash[:12]))
        + "  ")
    add(e(t(lang, "rule_set_date", date=rule_set.date.isoformat())))
    if rule_set.illustration and rule_set.disclaimer:
        add("")
        add(f"> {e(t(lang, 'illustration', disclaimer=rule_set.disclaimer.get(lang)))}")
    add("")
    markdown_heading(out, t(lang, "advised_form", rung=advised))
    add(f"- {e(t(lang, 'municipal_role', role=advice.role.name.get(lang)))}")
    if advice.role.why:
        add(f"  {e(advice.role.why.get(lang))}")
    add(f"- {e(t(lang, 'why_line', why=why_sentence(advice, labels)))}")
    add("")

    markdown_heading(out, t(lang, "scores"))
    out.extend(markdown_table((e(t(lang, "col_rung")), e(t(lang, "col_score")), e(t(lang, "col_note"))), "lrl",
                      [(e(labels.rung(r.rung)), f"{r.score:.2f}", _mark_words(r.mark, lang)) for r in ladder_rows(advice)]))

    if advice.kaders:
        markdown_heading(out, t(lang, "kaders_fired"))
        for k in advice.kaders:
            add(f"- **{e(kader_heading(k, labels))}**: {e(k.reason.get(lang))}")
            if k.yielded:
                add(f"  {e(t(lang, 'kader_yielded'))}")
        add("")

    rows = contribution_rows(advice)
    if rows:
        header = (t(lang, "contributions", rung=advised, runner_up=labels.rung(runner_up)) if runner_up
                  else t(lang, "contributions_single", rung=advised))
        markdown_heading(out, header)
        by_trait = {c.trait: c for c in advice.contributions}
        columns = [e(t(lang, "col_answer")), e(t(lang, "col_points", rung=advised))]
        if runner_up:
            columns += [e(t(lang, "col_points", rung=labels.rung(runner_up))), e(t(lang, "col_lead"))]
        columns.append(e(t(lang, "col_why")))
        table = []
        for row in rows:
            c = by_trait[row.trait]
            why = " ".join([c.why.get(lang), *(t(lang, "factor_note", factor=f"{f.factor:g}", why=f.why.get(lang)) for f in c.factors)])
            numbers = [f"{row.advised:+.2f}"]
            if row.runner_up is not None:
                numbers += [f"{row.runner_up:+.2f}", f"{row.lead:+.2f}"]
            table.append((e(labels.short(c.trait, c.answer)), *numbers, e(why)))
        out.extend(markdown_table(tuple(columns), "l" + "r" * (len(columns) - 2) + "l", table))

    markdown_heading(out, t(lang, "robustness", label=t(lang, "robust_" + advice.robustness)))
    if margin := margin_sentence(advice, labels):
        add(e(margin))
        add("")
    if advice.flips:
        add(f"{e(t(lang, 'flips'))}:")
        add("")
        out.extend(f"- {e(flip_sentence(flip, labels))}" for flip in advice.flips)
    else:
        add(e(t(lang, "no_flips")))
    add("")

    if advice.unknowns:
        _bullets(out, t(lang, "unknowns"), [unknown_sentence(u, advice, labels) for u in advice.unknowns])
    _bullets(out, t(lang, "routes"), route_sentences(advice, labels))
    if advice.phases:
        _bullets(out, t(lang, "phases"), [t(lang, "phase_line", phase=labels.answer("fase", p.phase), rung=labels.rung(p.rung))
                                          for p in advice.phases])
    for key, text in (("promise", advice.promise), ("commitment", advice.commitment)):
        markdown_heading(out, t(lang, key))
        add(e(text.get(lang)))
        add("")

    if advice.werkvormen:
        markdown_heading(out, t(lang, "methods"))
        for i, m in enumerate(advice.werkvormen[:TEXT_METHODS], 1):
            add(f"{i}. **{e(method_heading(m, advice, labels))}**: {e(m.description.get(lang))}")
            notes = method_notes(m, lang)
            if notes:
                add(f"   *{e(notes)}*")
        add("")

    for kind in ("do", "dont", "dilemma"):
        items = [g.text.get(lang) for g in advice.guidance if g.kind == kind]
        if items:
            _bullets(out, t(lang, kind), items)

    v = advice.values
    compared = v.runner_up if v.runner_up_rung else None
    if compared is not None and v.runner_up_rung:
        markdown_heading(out, t(lang, "values", rung=advised, runner_up=labels.rung(v.runner_up_rung)))
        value_columns: tuple[str, ...] = (t(lang, "col_value"), advised, labels.rung(v.runner_up_rung))
    else:
        markdown_heading(out, t(lang, "values_single", rung=advised))
        value_columns = (t(lang, "col_value"), advised)
    out.extend(markdown_table(tuple(e(c) for c in value_columns), "l" + "r" * (len(value_columns) - 1),
                      [(e(t(lang, "value_" + value)), str(v.advised[value]), *((str(compared[value]),) if compared else ()))
                       for value in VALUES]))

    if rule_set.contacts or rule_set.escalation:
        markdown_heading(out, t(lang, "contacts"))
        out.extend(f"- {e(contact_sentence(contact, lang))}" for contact in rule_set.contacts)
        if rule_set.escalation:
            add(f"- **{e(t(lang, 'escalation'))}**: {e(rule_set.escalation.get(lang))}")
        add("")
    if advice.ignored_answers:
        add(e(t(lang, "ignored", traits=", ".join(advice.ignored_answers))))
        add("")
    return "\n".join(out).rstrip("\n") + "\n"


def _mark_words(mark: Mark, lang: str) -> str:
    """The mark in words; the advice in bold as well, so it stands out without colour."""
    key = MARK_KEYS[mark]
    if key is None:
        return ""
    words = escape_markdown(t(lang, key))
    return f"**{words}**" if mark == "advised" else words


def markdown_heading(out: list[str], text: str) -> None:
    out.append(f"## {escape_markdown(text)}")
    out.append("")


def _bullets(out: list[str], heading: str, items: list[str]) -> None:
    markdown_heading(out, heading)
    out.extend(f"- {escape_markdown(item)}" for item in items)
    out.append("")

"""The report of a working-group session, as Markdown and as a PDF of one to three A4 pages.

It shows where the group differed (the divergence chart), who answered what by role, the spread of the
individual advices, the joint answers with their notes, and the joint advice with its explanation. The
advice parts are the advice reports' own (ladder.reports.markdown, ladder.reports.pdf), so a group's advice
reads exactly like a single one. Names of members are left out: the report goes round, roles are enough.

Only presents what ladder.analysis.group and the engine concluded. Everything people typed (title, description,
notes) passes through the Markdown escaping, and into the PDF as plain text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from fpdf.enums import Align

from ladder.reports import markdown as md
from ladder.reports import pdf as pdf_parts
from ladder.engine.advice import Advice
from ladder.analysis.group import DIVERGENCE_MEASURE, ROLES, GroupSummary, QuestionSpread, role_name
from ladder.reports.texts import t
from ladder.rules.model import RuleSet
from ladder.reports.chart_data import ladder_rows
from ladder.reports.markdown import escape_markdown, render_markdown
from ladder.reports.plain_text import Labels, kader_heading, margin_sentence

MAX_PAGES = 3
PDF_DISTRIBUTIONS = 3  # the PDF spells out who answered what for the most divided questions; Markdown for all
BAR_CELLS = 10  # a Markdown bar: one block per 10%

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "grp_report": "Verslag van de werkgroep",
        "grp_title": "Werkgroep: {title}",
        "grp_held": "Sessie van {date}. Status: {status}.",
        "grp_open": "open",
        "grp_closed": "gesloten",
        "grp_members": "Wie deed mee",
        "grp_members_line": "{count} deelnemers stuurden hun antwoorden in: {roles}.",
        "grp_members_none": "Nog niemand stuurde antwoorden in.",
        "grp_no_names": "Dit verslag noemt geen namen, alleen rollen.",
        "grp_divergence": "Waar de groep het meest verschilt",
        "grp_divergence_note": "Per vraag: hoe verdeeld de groep is (0% = iedereen eens). Vragen met minder dan twee antwoorden staan er niet in.",
        "grp_not_enough": "Te weinig antwoorden om te vergelijken: {questions}.",
        "grp_col_question": "Vraag",
        "grp_col_divergence": "Verschil",
        "grp_col_chart": "Grafiek",
        "grp_col_answered": "Beantwoord",
        "grp_col_answer": "Antwoord",
        "grp_col_total": "Totaal",
        "grp_col_rung": "Vorm",
        "grp_col_members": "Deelnemers",
        "grp_col_roles": "Per rol",
        "grp_col_joint": "Gezamenlijk antwoord",
        "grp_col_note": "Notitie",
        "grp_who_what": "Wie antwoordde wat",
        "grp_who_what_top": "Wie antwoordde wat, bij de meest verdeelde vragen",
        "grp_spread": "Het advies bij ieders eigen antwoorden",
        "grp_spread_note": "Per vorm: bij hoeveel deelnemers hun eigen antwoorden tot dat advies leiden.",
        "grp_joint_mark": "gezamenlijk advies",
        "grp_comparison": "Bij {same} van de {total} deelnemers leiden de eigen antwoorden tot hetzelfde advies als het gezamenlijke. Bij {lower} tot een lagere trede, bij {higher} tot een hogere.",
        "grp_joint_answers": "Gezamenlijke antwoorden",
        "grp_no_joint": "De groep heeft nog geen gezamenlijke antwoorden vastgelegd. Er is dus nog geen gezamenlijk advies.",
        "grp_joint_advice": "Het gezamenlijke advies",
        "grp_count_role": "{count} {role}",
        "grp_flips_elsewhere": "{count} keer verandert het advies als één antwoord anders is. Het Markdown-verslag noemt ze allemaal.",
    },
    "en": {
        "grp_report": "Working group report",
        "grp_title": "Working group: {title}",
        "grp_held": "Session of {date}. Status: {status}.",
        "grp_open": "open",
        "grp_closed": "closed",
        "grp_members": "Who took part",
        "grp_members_line": "{count} members submitted their answers: {roles}.",
        "grp_members_none": "Nobody has submitted answers yet.",
        "grp_no_names": "This report names no one, only roles.",
        "grp_divergence": "Where the group differs most",
        "grp_divergence_note": "Per question: how divided the group is (0% = everyone agrees). Questions with fewer than two answers are left out.",
        "grp_not_enough": "Too few answers to compare: {questions}.",
        "grp_col_question": "Question",
        "grp_col_divergence": "Difference",
        "grp_col_chart": "Chart",
        "grp_col_answered": "Answered",
        "grp_col_answer": "Answer",
        "grp_col_total": "Total",
        "grp_col_rung": "Form",
        "grp_col_members": "Members",
        "grp_col_roles": "By role",
        "grp_col_joint": "Joint answer",
        "grp_col_note": "Note",
        "grp_who_what": "Who answered what",
        "grp_who_what_top": "Who answered what, for the most divided questions",
        "grp_spread": "The advice from each member's own answers",
        "grp_spread_note": "Per form: for how many members their own answers lead to that advice.",
        "grp_joint_mark": "joint advice",
        "grp_comparison": "For {same} of the {total} members their own answers lead to the same advice as the joint one. For {lower} to a lower rung, for {higher} to a higher one.",
        "grp_joint_answers": "Joint answers",
        "grp_no_joint": "The group has not set joint answers yet. So there is no joint advice yet.",
        "grp_joint_advice": "The joint advice",
        "grp_count_role": "{count} {role}",
        "grp_flips_elsewhere": "In {count} cases the advice changes when one answer is different. The Markdown report lists them all.",
    },
}


def gt(lang: str, key: str, **values: object) -> str:
    """A text of this report (the advice parts use ladder.text)."""
    return TEXTS["en" if lang == "en" else "nl"][key].format(**values)


@dataclass(frozen=True)
class SessionInfo:
    """What the report says about the session itself: as the facilitator typed it, and when it was held."""

    title: str
    description: str
    held_on: dt.date  # also the PDF's creation date: the same session gives the same bytes
    closed: bool
    notes: Mapping[str, str] = field(default_factory=dict)  # per question, the group's note on its joint answer


# --- sentences both formats share -----------------------------------------------------------------------


def percent(value: float) -> str:
    return f"{round(value * 100)}%"


def roles_sentence(counts: Mapping[str, int], lang: str) -> str:
    """'2 Inwoner, 1 Raadslid': the roles present, in the fixed role order."""
    return ", ".join(gt(lang, "grp_count_role", count=counts[r], role=role_name(r, lang)) for r in ROLES if counts.get(r))


def members_sentence(summary: GroupSummary, lang: str) -> str:
    if not summary.respondents:
        return gt(lang, "grp_members_none")
    counts: dict[str, int] = {r: sum(1 for p in summary.respondents if p.role == r) for r in ROLES}
    return gt(lang, "grp_members_line", count=len(summary.respondents), roles=roles_sentence(counts, lang))


def comparison_sentence(summary: GroupSummary, lang: str) -> str | None:
    c = summary.comparison
    if c is None or not summary.respondents:
        return None
    return gt(lang, "grp_comparison", same=c.same, total=len(summary.respondents), lower=c.lower, higher=c.higher)


def compared(summary: GroupSummary) -> tuple[QuestionSpread, ...]:
    """The questions at least two members answered, most divided first."""
    return tuple(q for q in summary.ranking() if q.divergence is not None)


def not_enough_sentence(summary: GroupSummary, labels: Labels) -> str | None:
    rest = [q for q in summary.questions if q.divergence is None]
    if not rest:
        return None
    return gt(labels.lang, "grp_not_enough", questions="; ".join(labels.rule_set.trait(q.trait).short_name(labels.lang)
                                                                  for q in rest))


def distribution_sentence(question: QuestionSpread, labels: Labels) -> str:
    """'Laag: 2 (1 Inwoner, 1 Raadslid); Hoog: 1 (1 Ambtenaar)': the answers given, with their roles."""
    parts = [f"{labels.answer(question.trait, c.option)}: {c.total} ({roles_sentence(c.by_role, labels.lang)})"
             for c in question.counts if c.total]
    return "; ".join(parts)


def _present_roles(summary: GroupSummary) -> tuple[str, ...]:
    return tuple(r for r in ROLES if any(p.role == r for p in summary.respondents))


# --- Markdown -------------------------------------------------------------------------------------------


def _bar(value: float) -> str:
    filled = round(value * BAR_CELLS)
    return "█" * filled + "░" * (BAR_CELLS - filled)


def render_group_markdown(summary: GroupSummary, rule_set: RuleSet, info: SessionInfo, lang: str = "nl") -> str:
    labels = Labels(rule_set, lang)
    e = escape_markdown
    out: list[str] = [f"# {e(gt(lang, 'grp_title', title=info.title))}", ""]
    add = out.append
    for paragraph in md.markdown_paragraphs(info.description):
        add(paragraph)
        add("")
    status = gt(lang, "grp_closed" if info.closed else "grp_open")
    add(e(gt(lang, "grp_held", date=info.held_on.isoformat(), status=status)) + "  ")
    add(e(t(lang, "rule_set_line", name=rule_set.name.get(lang), version=rule_set.version, status=rule_set.status,
            hash=rule_set.content_hash[:12])))
    if rule_set.illustration and rule_set.disclaimer:
        add("")
        add(f"> {e(t(lang, 'illustration', disclaimer=rule_set.disclaimer.get(lang)))}")
    add("")

    md.markdown_heading(out, gt(lang, "grp_members"))
    add(e(members_sentence(summary, lang)) + "  ")
    add(e(gt(lang, "grp_no_names")))
    add("")

    md.markdown_heading(out, gt(lang, "grp_divergence"))
    add(e(DIVERGENCE_MEASURE.get(lang)))
    add("")
    rows: list[tuple[str, ...]] = [(e(labels.question(q.trait)), percent(q.divergence or 0.0), _bar(q.divergence or 0.0), str(q.answered))
            for q in compared(summary)]
    if rows:
        out.extend(md.markdown_table(tuple(e(gt(lang, k)) for k in ("grp_col_question", "grp_col_divergence", "grp_col_chart",
                                                            "grp_col_answered")), "lrlr", rows))
    if rest := not_enough_sentence(summary, labels):
        add(e(rest))
        add("")

    roles = _present_roles(summary)
    if summary.respondents:
        md.markdown_heading(out, gt(lang, "grp_who_what"))
        for q in compared(summary) + tuple(q for q in summary.questions if q.divergence is None and q.answered):
            add(f"**{e(labels.question(q.trait))}**")
            add("")
            header = (gt(lang, "grp_col_answer"), gt(lang, "grp_col_total"), *(role_name(r, lang) for r in roles))
            out.extend(md.markdown_table(tuple(e(h) for h in header), "l" + "r" * (len(header) - 1),
                                 [(e(labels.answer(q.trait, c.option)), str(c.total), *(str(c.by_role[r]) for r in roles))
                                  for c in q.counts if c.total]))

        md.markdown_heading(out, gt(lang, "grp_spread"))
        add(e(gt(lang, "grp_spread_note")))
        add("")
        joint_rung = summary.joint.recommended if summary.joint else None
        total = len(summary.respondents)
        out.extend(md.markdown_table(
            tuple(e(gt(lang, k)) for k in ("grp_col_rung", "grp_col_members", "grp_col_chart", "grp_col_roles")), "lrll",
            [(e(labels.rung(r.rung)) + (f" (**{e(gt(lang, 'grp_joint_mark'))}**)" if r.rung == joint_rung else ""),
              str(r.total), _bar(r.total / total), e(roles_sentence(r.by_role, lang))) for r in summary.spread]))
        if sentence := comparison_sentence(summary, lang):
            add(e(sentence))
            add("")

    md.markdown_heading(out, gt(lang, "grp_joint_answers"))
    if summary.joint is None:
        add(e(gt(lang, "grp_no_joint")))
        return "\n".join(out).rstrip("\n") + "\n"
    out.extend(md.markdown_table(tuple(e(gt(lang, k)) for k in ("grp_col_question", "grp_col_joint", "grp_col_note")), "lll",
                         [(e(labels.question(tr.id)), e(labels.answer(tr.id, summary.joint.answers[tr.id])),
                           e(info.notes.get(tr.id, ""))) for tr in rule_set.traits]))
    md.markdown_heading(out, gt(lang, "grp_joint_advice"))
    # The advice report itself, one heading level down, so it sits under this heading.
    advice = render_markdown(summary.joint, rule_set, info.title, lang)
    out.extend(f"#{line}" if line.startswith("#") else line for line in advice.splitlines())
    return "\n".join(out).rstrip("\n") + "\n"


# --- PDF ------------------------------------------------------------------------------------------------


def render_group_pdf(summary: GroupSummary, rule_set: RuleSet, info: SessionInfo, lang: str = "nl") -> bytes:
    # Smaller type first; only when even that runs over, the list of single changes gives way to a pointer to the
    # Markdown report, which always has it.
    for flips in (True, False):
        for scale in pdf_parts.SCALES:
            pdf = _compose(summary, rule_set, info, lang, scale, flips)
            if pdf.pages_count <= MAX_PAGES:
                return bytes(pdf.output())
    return bytes(pdf.output())


def _compose(summary: GroupSummary, rule_set: RuleSet, info: SessionInfo, lang: str, scale: float,
             flips: bool) -> pdf_parts.Paper:
    labels = Labels(rule_set, lang)
    footer = t(lang, "rule_set_line", name=rule_set.name.get(lang), version=rule_set.version, status=rule_set.status,
               hash=rule_set.content_hash[:12])
    if rule_set.illustration:
        footer += f". {t(lang, 'illustration_short').capitalize()}."
    pdf = pdf_parts.Paper(footer, lang, pdf_parts.font_files(), scale)
    pdf.set_title(gt(lang, "grp_title", title=info.title))
    pdf.set_subject(gt(lang, "grp_report"))
    pdf.set_creation_date(dt.datetime.combine(info.held_on, dt.time(), tzinfo=dt.UTC))
    pdf.add_page()

    pdf.text_block(gt(lang, "grp_report"), pdf_parts.SMALL, colour=pdf_parts.MUTED, after=0.5)
    pdf.text_block(info.title, 16, bold=True, after=1)
    status = gt(lang, "grp_closed" if info.closed else "grp_open")
    pdf.text_block(gt(lang, "grp_held", date=info.held_on.isoformat(), status=status), pdf_parts.SMALL,
                   colour=pdf_parts.MUTED, after=1.5)
    if info.description.strip():
        pdf.text_block(" ".join(info.description.split()), after=2)
    pdf.text_block(f"{members_sentence(summary, lang)} {gt(lang, 'grp_no_names')}", after=2)

    if summary.joint is not None:
        pdf_parts.advice_block(pdf, summary.joint, labels)
        if sentence := comparison_sentence(summary, lang):
            pdf.text_block(sentence)
    else:
        pdf.text_block(gt(lang, "grp_no_joint"), bold=True)

    _divergence_chart(pdf, summary, labels)
    top = compared(summary)[:PDF_DISTRIBUTIONS]
    if top:
        pdf.heading(gt(lang, "grp_who_what_top"))
        for q in top:
            pdf.bullet(f"{labels.rule_set.trait(q.trait).short_name(lang)}:", distribution_sentence(q, labels),
                       size=pdf_parts.SMALL)
    if summary.respondents:
        _spread_chart(pdf, summary, labels)

    if summary.joint is not None:
        pdf.heading(gt(lang, "grp_joint_answers"))
        for trait in rule_set.traits:
            answer = labels.answer(trait.id, summary.joint.answers[trait.id])
            note = info.notes.get(trait.id, "")
            pdf.bullet(f"{trait.short_name(lang)}: {answer}.", " ".join(note.split()), size=pdf_parts.SMALL)
        pdf_parts.ladder_chart(pdf, ladder_rows(summary.joint), labels)
        pdf.heading(t(lang, "kaders_fired"))
        if not summary.joint.kaders:
            pdf.text_block(t(lang, "no_kaders"))
        for k in summary.joint.kaders:
            pdf.bullet(f"{kader_heading(k, labels)}:", k.reason.get(lang))
        if flips or not summary.joint.flips:
            pdf_parts.robustness(pdf, summary.joint, labels)
        else:
            _robustness_in_short(pdf, summary.joint, labels)
        pdf_parts.contributions_chart(pdf, summary.joint, labels)
    return pdf


def _robustness_in_short(pdf: pdf_parts.Paper, advice: Advice, labels: Labels) -> None:
    lang = labels.lang
    pdf.heading(t(lang, "robustness", label=t(lang, "robust_" + advice.robustness)))
    if margin := margin_sentence(advice, labels):
        pdf.text_block(margin + ".")
    pdf.text_block(gt(lang, "grp_flips_elsewhere", count=len(advice.flips)))


def _bar_rows(pdf: pdf_parts.Paper, rows: list[tuple[str, float, str, bool]], label_w: float) -> None:
    """Horizontal bars from zero (a value of 1 fills the width), each with its label (any mark in words in it) and
    its number; a bold row is drawn darker as well, so it stands out by more than colour."""
    line = pdf.leading(pdf_parts.CHART)
    zone_x = pdf.l_margin + label_w
    zone_w = pdf.epw - label_w - pdf_parts.VALUE_ROOM - 2
    top = y = pdf.get_y()
    for label, value, shown, bold in rows:
        height = pdf.lines(label, label_w - 2, pdf_parts.CHART, bold) * line + 1.4
        pdf.font(pdf_parts.CHART, bold)
        pdf.set_xy(pdf.l_margin, y + 0.7)
        pdf.multi_cell(label_w - 2, line, label, align=Align.R)
        bar_h = line + 0.4
        bar_y = y + (height - bar_h) / 2
        if value > 0:
            with pdf.colours(pdf_parts.FILLS["advised" if bold else "runner_up"]):
                pdf.rect(zone_x, bar_y, value * zone_w, bar_h, style="DF")
        pdf.value(zone_x + value * zone_w, bar_y, bar_h, shown, right=True, bold=bold)
        y += height
    with pdf.colours(pdf_parts.TEXT):
        pdf.line(zone_x, top, zone_x, y)
    pdf.set_xy(pdf.l_margin, y + 2)


def _rows_height(pdf: pdf_parts.Paper, labels: list[str], width: float) -> float:
    return sum(pdf.lines(label, width - 2, pdf_parts.CHART) * pdf.leading(pdf_parts.CHART) + 1.4 for label in labels)


def _divergence_chart(pdf: pdf_parts.Paper, summary: GroupSummary, labels: Labels) -> None:
    lang = labels.lang
    questions = compared(summary)
    rest = not_enough_sentence(summary, labels)
    names = [labels.rule_set.trait(q.trait).short_name(lang) for q in questions]
    label_w = 62.0
    pdf_parts.chart_title(pdf, gt(lang, "grp_divergence"), DIVERGENCE_MEASURE.get(lang), _rows_height(pdf, names, label_w))
    _bar_rows(pdf, [(n, q.divergence or 0.0, percent(q.divergence or 0.0), False) for n, q in zip(names, questions)],
              label_w)
    if rest:
        pdf.text_block(rest, pdf_parts.SMALL, colour=pdf_parts.MUTED)


def _spread_chart(pdf: pdf_parts.Paper, summary: GroupSummary, labels: Labels) -> None:
    """Per rung, highest on top like the ladder: how many members' own answers advise it; the joint advice in words."""
    lang = labels.lang
    joint = summary.joint.recommended if summary.joint else None
    rows = list(reversed(summary.spread))
    names = [labels.rung(r.rung) + (f" ({gt(lang, 'grp_joint_mark')})" if r.rung == joint else "") for r in rows]
    label_w = 62.0
    pdf_parts.chart_title(pdf, gt(lang, "grp_spread"), gt(lang, "grp_spread_note"), _rows_height(pdf, names, label_w))
    total = len(summary.respondents)
    _bar_rows(pdf, [(n, r.total / total, str(r.total), r.rung == joint) for n, r in zip(names, rows)], label_w)

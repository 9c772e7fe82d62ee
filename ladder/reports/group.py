"""The report of a working-group session: a Markdown document, and a PDF of one to three A4 pages.

It shows where the group differed (the divergence chart), who answered what by role, the spread of the
individual advices, the joint answers with their notes, and the joint advice with its explanation. The
advice parts are the advice documents' own (ladder.reports.advice_document), so a group's advice reads
exactly like a single one. Names of members are left out: the report goes round, roles are enough. For the same
reason it counts per role as members see the group (ladder.analysis.group.for_members): roles with fewer than
three members together, or no split by role, with a sentence that says why.

Only presents what ladder.analysis.group and the engine concluded, as a Document (ladder.reports.document)
that the Markdown and PDF renderers lay out; everything people typed stays plain text there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from ladder.analysis.group import (
    DIVERGENCE_MEASURE,
    MIN_PER_ROLE,
    OTHER_ROLES,
    ROLES,
    TOO_LITTLE,
    GroupSummary,
    QuestionSpread,
    RungCount,
    for_members,
    role_name,
)
from ladder.reports.advice_document import (
    advice_report,
    footer_line,
    illustration_warning,
    paper_contributions_chart,
    paper_kaders,
    paper_robustness,
    paper_scores_chart,
    rule_set_line,
    verdict,
)
from ladder.reports.document import (
    Bar,
    BulletList,
    Chart,
    Column,
    Document,
    Element,
    Fact,
    Item,
    Paragraph,
    Part,
    Row,
    Run,
    Section,
    Table,
    paragraph,
    plain,
    strong,
)
from ladder.reports.markdown import markdown_of
from ladder.reports.pdf import first_fitting
from ladder.reports.sentences import Labels
from ladder.reports.texts import gt
from ladder.rules.model import RuleSet

MAX_PAGES = 3
PDF_DISTRIBUTIONS = 3  # the PDF spells out who answered what for the most divided questions; Markdown for all
BAR_CELLS = 10  # a bar in a table: one block per 10%


@dataclass(frozen=True)
class SessionInfo:
    """What the report says about the session itself: as the facilitator typed it, and when it was held."""

    title: str
    description: str
    held_on: dt.date  # also the PDF's creation date: the same session gives the same bytes
    closed: bool
    notes: Mapping[str, str] = field(default_factory=dict)  # per question, the group's note on its joint answer


# --- sentences both documents share ---------------------------------------------------------------------


def percent(value: float) -> str:
    return f"{round(value * 100)}%"


def roles_sentence(counts: Mapping[str, int], lang: str) -> str:
    """'2 Inwoner, 1 Raadslid': the roles present, in the order of `counts` (the fixed role order)."""
    return ", ".join(gt(lang, "grp_count_role", count=n, role=role_name(r, lang)) for r, n in counts.items() if n)


def role_privacy_sentence(summary: GroupSummary, lang: str) -> str | None:
    """Why the split by role is not complete, for members and the report (see for_members); None when it is."""
    if not summary.for_members or not summary.respondents:
        return None
    if not summary.roles:
        return gt(lang, "grp_roles_hidden", min=MIN_PER_ROLE)
    if OTHER_ROLES in summary.roles:
        return gt(lang, "grp_roles_together", min=MIN_PER_ROLE, other=role_name(OTHER_ROLES, lang))
    return None


def members_sentence(summary: GroupSummary, lang: str) -> str:
    if not summary.respondents:
        return gt(lang, "grp_members_none")
    counts: dict[str, int] = {r: sum(1 for p in summary.respondents if p.role == r) for r in ROLES}
    return gt(lang, "grp_members_line", count=len(summary.respondents), roles=roles_sentence(counts, lang))


def comparison_sentence(summary: GroupSummary, lang: str) -> str | None:
    c = summary.comparison
    if c is None or not summary.respondents:
        return None
    sentence = gt(lang, "grp_comparison", same=c.same, total=len(summary.respondents), lower=c.lower, higher=c.higher)
    if count := summary.too_little.total:
        sentence += " " + gt(lang, "grp_comparison_too_little", count=count)
    return sentence


def rung_counts(summary: GroupSummary) -> tuple[RungCount, ...]:
    """The spread, low to high, with the members whose answers are too few below the lowest rung (when there are any)."""
    return ((summary.too_little,) if summary.too_little.total else ()) + summary.spread


def count_label(count: RungCount, labels: Labels) -> str:
    """The name of a spread row: the form, or that too little is known for one."""
    return gt(labels.lang, "grp_too_little") if count.rung == TOO_LITTLE else labels.rung(count.rung)


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
    """'Laag: 2 (1 Inwoner, 1 Raadslid); Hoog: 1 (1 Ambtenaar)': the answers given, with their roles (when shown)."""
    parts = []
    for c in question.counts:
        if c.total:
            roles = roles_sentence(c.by_role, labels.lang)
            parts.append(f"{labels.answer(question.trait, c.option)}: {c.total}" + (f" ({roles})" if roles else ""))
    return "; ".join(parts)


def _bar(value: float) -> str:
    filled = round(value * BAR_CELLS)
    return "█" * filled + "░" * (BAR_CELLS - filled)


def _held(info: SessionInfo, lang: str) -> str:
    return gt(lang, "grp_held", date=info.held_on.isoformat(), status=gt(lang, "grp_closed" if info.closed else "grp_open"))


def divergence_chart(summary: GroupSummary, labels: Labels) -> Chart:
    """Per question at least two members answered, how divided the group is, most divided first."""
    lang = labels.lang
    questions = compared(summary)
    bars = tuple(Bar(labels.rule_set.trait(q.trait).short_name(lang), q.divergence or 0.0, percent(q.divergence or 0.0),
                     "second") for q in questions)
    columns = (Column(gt(lang, "grp_col_question")), Column(gt(lang, "grp_col_divergence"), "right"),
               Column(gt(lang, "grp_col_chart")), Column(gt(lang, "grp_col_answered"), "right"))
    rows = tuple(Row((plain(labels.question(q.trait)), plain(percent(q.divergence or 0.0)), plain(_bar(q.divergence or 0.0)),
                      plain(str(q.answered)))) for q in questions)
    return Chart("shares", gt(lang, "grp_divergence"), DIVERGENCE_MEASURE.get(lang), bars, Table(columns, rows))


def spread_chart(summary: GroupSummary, labels: Labels) -> Chart:
    """Per rung, low to high like the ladder: how many members' own answers advise it; the joint advice marked."""
    lang = labels.lang
    joint = summary.joint.form if summary.joint else None  # too little known: no rung is marked
    total = len(summary.respondents)
    mark = gt(lang, "grp_joint_mark")
    counts = rung_counts(summary)
    bars = tuple(Bar(count_label(r, labels) + (f" ({mark})" if r.rung == joint else ""), r.total / total, str(r.total),
                     "main" if r.rung == joint else "second") for r in counts)
    by_role = bool(summary.roles)  # no split by role (for members, see for_members): no column for it
    columns = (Column(gt(lang, "grp_col_rung")), Column(gt(lang, "grp_col_members"), "right"),
               Column(gt(lang, "grp_col_chart")), *((Column(gt(lang, "grp_col_roles")),) if by_role else ()))
    rows = tuple(Row(((Run(labels.rung(r.rung)), Run(" ("), Run(mark, strong=True), Run(")")) if r.rung == joint
                      else plain(count_label(r, labels)), plain(str(r.total)), plain(_bar(r.total / total)),
                      *((plain(roles_sentence(r.by_role, lang)),) if by_role else ()))) for r in counts)
    return Chart("shares", gt(lang, "grp_spread"), gt(lang, "grp_spread_note"), bars, Table(columns, rows), upward=True)


# --- the report (Markdown) -------------------------------------------------------------------------------


def group_report(summary: GroupSummary, rule_set: RuleSet, info: SessionInfo, lang: str = "nl") -> Document:
    summary = for_members(summary)  # the report goes round
    labels = Labels(rule_set, lang)
    privacy = role_privacy_sentence(summary, lang)
    body: list[Element] = [Section(gt(lang, "grp_members"), (Paragraph((members_sentence(summary, lang),
                                                                          gt(lang, "grp_no_names"),
                                                                          *((privacy,) if privacy else ()))),)),
                           divergence_chart(summary, labels)]
    if rest := not_enough_sentence(summary, labels):
        body.append(paragraph(rest))
    if summary.respondents:
        roles = summary.roles
        columns = (Column(gt(lang, "grp_col_answer")), Column(gt(lang, "grp_col_total"), "right"),
                   *(Column(role_name(r, lang), "right") for r in roles))
        blocks: list[Paragraph | Table] = [paragraph(privacy)] if privacy else []
        for q in compared(summary) + tuple(q for q in summary.questions if q.divergence is None and q.answered):
            blocks.append(paragraph(labels.question(q.trait), "strong"))
            blocks.append(Table(columns, tuple(Row((plain(labels.answer(q.trait, c.option)), plain(str(c.total)),
                                                    *(plain(str(c.by_role[r])) for r in roles)))
                                               for c in q.counts if c.total)))
        body.append(Section(gt(lang, "grp_who_what"), tuple(blocks)))
        body.append(spread_chart(summary, labels))
        if sentence := comparison_sentence(summary, lang):
            body.append(paragraph(sentence))
    if summary.joint is None:
        body.append(Section(gt(lang, "grp_joint_answers"), (paragraph(gt(lang, "grp_no_joint")),)))
    else:
        joint = summary.joint
        columns = (Column(gt(lang, "grp_col_question")), Column(gt(lang, "grp_col_joint")), Column(gt(lang, "grp_col_note")))
        body.append(Section(gt(lang, "grp_joint_answers"), (Table(columns, tuple(
            Row((plain(labels.question(tr.id)), plain(labels.answer(tr.id, joint.answers[tr.id])),
                 plain(info.notes.get(tr.id, "")))) for tr in rule_set.traits)),)))
        body.append(Section(gt(lang, "grp_joint_advice"), ()))
        body.append(Part(advice_report(joint, rule_set, info.title, lang)))
    return Document(lang=lang, title=gt(lang, "grp_title", title=info.title), description=info.description,
                    facts=(Fact(_held(info, lang)), Fact(rule_set_line(rule_set, lang))),
                    warning=illustration_warning(rule_set, lang), footer=footer_line(rule_set, lang), date=info.held_on,
                    body=tuple(body))


def render_group_markdown(summary: GroupSummary, rule_set: RuleSet, info: SessionInfo, lang: str = "nl") -> str:
    return markdown_of(group_report(summary, rule_set, info, lang))


# --- on paper (PDF) ----------------------------------------------------------------------------------------


def group_paper(summary: GroupSummary, rule_set: RuleSet, info: SessionInfo, lang: str = "nl",
                flips: bool = True, notes: bool = True) -> Document:
    """The report on one to three pages: the joint advice up front. `flips=False` gives the list of single changes
    up for a pointer to the Markdown report, which always has it; `notes=False` does the same for the notes on the
    joint answers."""
    summary = for_members(summary)  # the report goes round
    labels = Labels(rule_set, lang)
    privacy = role_privacy_sentence(summary, lang)
    body: list[Element] = [paragraph(" ".join((members_sentence(summary, lang), gt(lang, "grp_no_names"),
                                               *((privacy,) if privacy else ()))), "lead")]
    joint = summary.joint
    if joint is not None:
        body.append(verdict(joint, labels, paper=True))
        if sentence := comparison_sentence(summary, lang):
            body.append(paragraph(sentence))
    else:
        body.append(paragraph(gt(lang, "grp_no_joint"), "strong"))
    body.append(divergence_chart(summary, labels))
    if rest := not_enough_sentence(summary, labels):
        body.append(paragraph(rest, "note"))
    if top := compared(summary)[:PDF_DISTRIBUTIONS]:
        body.append(Section(gt(lang, "grp_who_what_top"), (BulletList(tuple(
            Item((*strong(f"{labels.rule_set.trait(q.trait).short_name(lang)}: "), *plain(distribution_sentence(q, labels))))
            for q in top), small=True),)))
    if summary.respondents:
        body.append(spread_chart(summary, labels))
    if joint is not None and notes:
        body.append(Section(gt(lang, "grp_joint_answers"), (BulletList(tuple(
            Item((*strong(f"{trait.short_name(lang)}: {labels.answer(trait.id, joint.answers[trait.id])}. "),
                  *plain(" ".join(info.notes.get(trait.id, "").split()))))
            for trait in rule_set.traits), small=True),)))
    elif joint is not None:  # one running paragraph, the notes left to the Markdown report
        answers = "; ".join(f"{trait.short_name(lang)}: {labels.answer(trait.id, joint.answers[trait.id])}"
                            for trait in rule_set.traits)
        elsewhere = (paragraph(gt(lang, "grp_notes_elsewhere"), "note"),) if info.notes else ()
        body.append(Section(gt(lang, "grp_joint_answers"), (paragraph(f"{answers}."), *elsewhere)))
    if joint is not None and joint.form is not None:  # the verdict says what to answer first; no form to chart
        body += [paper_scores_chart(joint, labels), paper_kaders(joint, labels),
                 paper_robustness(joint, labels, "" if flips else gt(lang, "grp_flips_elsewhere", count=len(joint.flips)))]
        if chart := paper_contributions_chart(joint, labels):
            body.append(chart)
    return Document(lang=lang, title=info.title, name=gt(lang, "grp_title", title=info.title), subject=gt(lang, "grp_report"),
                    description=info.description, facts=(Fact(_held(info, lang)),), footer=footer_line(rule_set, lang),
                    date=info.held_on, body=tuple(body))


def render_group_pdf(summary: GroupSummary, rule_set: RuleSet, info: SessionInfo, lang: str = "nl") -> bytes:
    # Smaller type first; only when even that runs over, the list of single changes gives way, then the notes.
    return first_fitting((group_paper(summary, rule_set, info, lang, flips, notes)
                          for flips, notes in ((True, True), (False, True), (False, False))), MAX_PAGES)

"""The advice as a Document, said once for every format: the full report, and the participatieparagraaf.

The full report (`advice_report`) says everything the engine concluded: plain text and Markdown render it.
The participatieparagraaf (`advice_paragraph`) is the one or two A4 pages for a raadsvoorstel (council
proposal): the advice, its two charts, the promise, the kaders, a few methods and how firm it is. The
working-group report reuses the pieces (`verdict`, `scores_chart`, ...), so a group's advice reads like one.
"""

from __future__ import annotations

from itertools import groupby

from ladder.engine.advice import Advice, RuleSetRef
from ladder.reports.chart_data import (
    MARK_KEYS,
    Mark,
    contribution_rows,
    ladder_rows,
    runner_up_of,
)
from ladder.reports.document import (
    Bar,
    BulletList,
    Callout,
    Chart,
    Column,
    Document,
    Element,
    Fact,
    Item,
    Paragraph,
    Row,
    Section,
    Table,
    Text,
    paragraph,
    plain,
    strong,
)
from ladder.reports.document import Mark as Emphasis
from ladder.reports.sentences import (
    Labels,
    advised_form,
    checks,
    contact_sentence,
    flip_groups,
    flip_sentence,
    inform_only,
    kader_heading,
    late_entry_note,
    margin_sentence,
    margin_words,
    method_heading,
    method_notes,
    phase_detail,
    role_line,
    role_why,
    route_sentences,
    shares_sentence,
    status_sentence,
    unknown_sentence,
    why_sentence,
)
from ladder.reports.texts import t
from ladder.rules.model import VALUES, RuleSet
from ladder.text import points_text

REPORT_METHODS = 5  # the advice ranks more; a memo reads best with the first few
PAPER_METHODS = 3  # a council proposal names a few; the app and the full report list more

# A chart's marks (ladder.reports.chart_data) as the document's emphasis: a rung a kader rules out is blocked.
MARKS: dict[Mark, Emphasis] = {"advised": "main", "runner_up": "second", "possible": "plain", "begrensd": "blocked",
                          "uitgesloten": "blocked"}


def rule_set_line(ref: RuleSet | RuleSetRef, lang: str) -> str:
    return t(lang, "rule_set_line", name=ref.name.get(lang), version=ref.version, status=ref.status,
             hash=ref.content_hash[:12])


def footer_line(ref: RuleSet | RuleSetRef, lang: str) -> str:
    """On every page: which rules gave this, and whether they are only an illustration."""
    line = rule_set_line(ref, lang)
    return f"{line}. {t(lang, 'illustration_short').capitalize()}." if ref.illustration else line


def illustration_warning(rule_set: RuleSet, lang: str) -> str:
    return t(lang, "illustration", disclaimer=rule_set.disclaimer.get(lang)) if rule_set.illustration and rule_set.disclaimer else ""


# --- the full report -------------------------------------------------------------------------------------


def advice_report(advice: Advice, rule_set: RuleSet, title: str, lang: str = "nl", description: str = "") -> Document:
    labels = Labels(rule_set, lang)
    return Document(
        lang=lang,
        title=t(lang, "advice_for", title=title),
        description=description,
        facts=(Fact(rule_set_line(advice.rule_set, lang), brief=True),
               Fact(t(lang, "rule_set_date", date=rule_set.date.isoformat()))),
        warning=illustration_warning(rule_set, lang),
        footer=footer_line(advice.rule_set, lang),
        date=rule_set.date,
        body=report_body(advice, rule_set, labels),
    )


def report_body(advice: Advice, rule_set: RuleSet, labels: Labels) -> tuple[Element, ...]:
    lang = labels.lang
    body: list[Element] = [verdict(advice, labels, paper=False), *arrangements(advice, labels)]
    if advice.form is None:  # no form to explain yet: only what holds whatever the advice becomes
        return (*body, *rights_and_duties(advice, lang), *_contacts_and_ignored(advice, rule_set, lang))
    advised = labels.rung(advice.recommended)
    runner_up = runner_up_of(advice)
    body.append(scores_chart(advice, labels, t(lang, "scores"), ""))
    if advice.kaders:
        body.append(Section(t(lang, "kaders_fired"), (BulletList(tuple(
            Item((*strong(kader_heading(k, labels)), *plain(": "), *plain(k.reason.get(lang))),
                 detail=t(lang, "kader_yielded") if k.yielded else "")
            for k in advice.kaders)),)))
    title = (t(lang, "contributions", rung=advised, runner_up=labels.rung(runner_up)) if runner_up
             else t(lang, "contributions_single", rung=advised))
    if chart := contributions_chart(advice, labels, title, ""):
        body.append(chart)

    firmness: list[Paragraph | BulletList] = []
    if margin := margin_sentence(advice, labels):
        firmness.append(paragraph(" ".join([f"{margin}.", *margin_words(advice, lang)])))
    firmness += [_bullets([flip_sentence(f, labels) for f in flips], intro=f"{t(lang, 'flips_' + kind)}:")
                 for kind, flips in flip_groups(advice)]
    if not advice.flips:
        firmness.append(paragraph(t(lang, "no_flips")))
    body.append(Section(_robustness_heading(advice, lang), tuple(firmness)))

    if advice.unknowns:
        body.append(Section(t(lang, "unknowns"), (_bullets([unknown_sentence(u, advice, labels) for u in advice.unknowns]),)))
    body.append(Section(t(lang, "routes"), (BulletList(tuple(Item(plain(line), dash=False)
                                                             for line in route_sentences(advice, labels))),)))
    if advice.phases:
        body.append(_phases(advice, labels))
    body.append(Section(t(lang, "promise"), (paragraph(advice.promise.get(lang)),)))
    body.append(Section(t(lang, "commitment"), (paragraph(advice.commitment.get(lang)),)))
    body += rights_and_duties(advice, lang)
    if advice.werkvormen:
        body.append(Section(t(lang, "methods"), (BulletList(tuple(
            Item((*strong(method_heading(m, advice, labels)), *plain(": "), *plain(m.description.get(lang))),
                 remark=method_notes(m, lang))
            for m in advice.werkvormen[:REPORT_METHODS]), numbered=True),)))
    body += support(advice, lang)
    for kind in ("do", "dont", "dilemma"):
        if items := [g.text.get(lang) for g in advice.guidance if g.kind == kind]:
            body.append(Section(t(lang, kind), (_bullets(items),)))
    body.append(_values(advice, labels))
    return (*body, *_contacts_and_ignored(advice, rule_set, lang))


def _contacts_and_ignored(advice: Advice, rule_set: RuleSet, lang: str) -> list[Element]:
    body: list[Element] = []
    if rule_set.contacts or rule_set.escalation:
        contacts = [Item(plain(contact_sentence(c, lang))) for c in rule_set.contacts]
        if rule_set.escalation:
            contacts.append(Item((*strong(t(lang, "escalation")), *plain(": "), *plain(rule_set.escalation.get(lang))),
                                 dash=False))
        body.append(Section(t(lang, "contacts"), (BulletList(tuple(contacts)),)))
    if advice.ignored_answers:
        body.append(paragraph(t(lang, "ignored", traits=", ".join(advice.ignored_answers))))
    return body


def _phases(advice: Advice, labels: Labels) -> Section:
    """The advice per phase, each with its note; first which phase the advice itself is for."""
    lang = labels.lang
    blocks: list[Paragraph | BulletList] = []
    if advice.entry_phase:
        blocks.append(paragraph(t(lang, "entry_phase", phase=labels.answer("fase", advice.entry_phase))))
    blocks.append(BulletList(tuple(
        Item(plain(t(lang, "phase_line", phase=labels.answer("fase", p.phase), rung=labels.rung(p.rung))),
             detail=phase_detail(advice, p, lang))
        for p in advice.phases)))
    return Section(t(lang, "phases"), tuple(blocks))


def _values(advice: Advice, labels: Labels) -> Section:
    lang = labels.lang
    advised = labels.rung(advice.recommended)
    v = advice.values
    compared = v.runner_up if v.runner_up_rung else None
    columns = [Column(t(lang, "col_value")), Column(advised, "right")]
    if compared is not None and v.runner_up_rung:
        heading = t(lang, "values", rung=advised, runner_up=labels.rung(v.runner_up_rung))
        columns.append(Column(labels.rung(v.runner_up_rung), "right"))
    else:
        heading = t(lang, "values_single", rung=advised)
    rows = tuple(Row((plain(t(lang, "value_" + value)), plain(str(v.advised[value])),
                      *((plain(str(compared[value])),) if compared else ()))) for value in VALUES)
    return Section(heading, (Table(tuple(columns), rows),))


def _bullets(texts: list[str], intro: str = "", small: bool = False) -> BulletList:
    return BulletList(tuple(Item(plain(text)) for text in texts), intro=intro, small=small)


def _robustness_heading(advice: Advice, lang: str) -> str:
    return t(lang, "robustness", label=t(lang, "robust_" + advice.robustness))


# --- the pieces both documents (and the working-group report) show -----------------------------------------


def verdict(advice: Advice, labels: Labels, paper: bool) -> Callout:
    """The advice itself: the form (and its status) in the first line, then what the status means, the checks that
    replace or bind the form, the municipality's role (why, as its detail) and why this form. On paper the role is in
    bold, as the second thing a reader looks for. Under onvoldoende no form is named, only what to answer first."""
    lang = labels.lang
    items: list[Item] = []
    if sentence := status_sentence(advice, labels):
        items.append(Item(plain(sentence)))
    if advice.form is None:
        return Callout(advised_form(advice, labels), (*items, Item(plain(t(lang, "insufficient_next")))))
    if inform_only(advice):
        items += [Item(plain(c.text.get(lang))) for c in checks(advice, "pre")]
        if advice.precondition and advice.precondition.then_rung:
            items.append(Item(plain(t(lang, "inform_only_then", rung=labels.rung(advice.precondition.then_rung)))))
    items += [Item(plain(t(lang, "condition", text=c.text.get(lang)))) for c in checks(advice, "post", conditional=True)]
    role = role_line(advice, lang)
    items.append(Item(strong(role) if paper else plain(role), detail=role_why(advice, lang)))
    if note := late_entry_note(advice, lang):
        items.append(Item(plain(note)))
    items.append(Item(plain(why_sentence(advice, labels)), detail=shares_sentence(advice, labels)))
    return Callout(advised_form(advice, labels), tuple(items))


def arrangements(advice: Advice, labels: Labels) -> list[Section]:
    """What to arrange before the start (a must) and beside it (a should); a condition of the advice itself is in
    the verdict, not here again."""
    lang = labels.lang
    sections = []
    for key, severity in (("arrange_first", "must"), ("arrange_also", "should")):
        if found := checks(advice, "post", severity, conditional=False):
            sections.append(Section(t(lang, key), (_bullets([c.text.get(lang) for c in found]),)))
    return sections


def rights_and_duties(advice: Advice, lang: str) -> list[Section]:
    """Residents' rights and the municipality's legal duties, each with where it is laid down. They hold whatever
    form is advised, so they are listed apart from the methods."""
    sections = []
    for key, kind in (("rights", "recht"), ("duties", "plicht")):
        if items := [r for r in advice.rights if r.kind == kind]:
            sections.append(Section(t(lang, key), (BulletList(tuple(
                Item(plain(r.text.get(lang)), detail=t(lang, "right_basis", basis=r.basis)) for r in items)),)))
    return sections


def support(advice: Advice, lang: str) -> list[Section]:
    """The support that lets people with little time, money or language take part (the participation paradox)."""
    if not advice.support:
        return []
    return [Section(t(lang, "support"), (_bullets([s.text.get(lang) for s in advice.support]),))]


def scores_chart(advice: Advice, labels: Labels, title: str, note: str) -> Chart:
    """Every rung with its score, low to high, its mark in words."""
    lang = labels.lang
    rows = ladder_rows(advice)
    words = [t(lang, key) if (key := MARK_KEYS[r.mark]) else "" for r in rows]
    bars = tuple(Bar(labels.rung(r.rung), r.score, points_text(r.score, lang, signed=False), MARKS[r.mark], w)
                 for r, w in zip(rows, words, strict=True))
    table = Table((Column(t(lang, "col_rung")), Column(t(lang, "col_score"), "right"), Column(t(lang, "col_note"))),
                  tuple(Row((plain(b.label), plain(b.shown), strong(b.words) if b.mark == "main" else plain(b.words)))
                        for b in bars))
    return Chart("scores", title, note, bars, table, upward=True)


def contributions_chart(advice: Advice, labels: Labels, title: str, note: str) -> Chart | None:
    """Per answer that weighed, its points for the advice and the runner-up, and its lead; None when none weighed."""
    rows = contribution_rows(advice)
    if not rows:
        return None
    lang = labels.lang
    advised = labels.rung(advice.recommended)
    runner_up = runner_up_of(advice)
    columns = [Column(t(lang, "col_answer")), Column(t(lang, "col_points", rung=advised), "right")]
    if runner_up:
        columns += [Column(t(lang, "col_points", rung=labels.rung(runner_up)), "right"),
                    Column(t(lang, "col_lead"), "right", brief=False)]
        directions = (t(lang, "report_toward", rung=labels.rung(runner_up)), t(lang, "report_toward", rung=advised))
    else:
        directions = (t(lang, "report_against", rung=advised), t(lang, "report_for", rung=advised))
    columns.append(Column(t(lang, "col_why")))
    by_trait = {c.trait: c for c in advice.contributions}
    table_rows = []
    for row in rows:
        c = by_trait[row.trait]
        numbers: list[Text] = [plain(points_text(row.advised, lang))]
        if row.runner_up is not None:
            numbers += [plain(points_text(row.runner_up, lang)), plain(points_text(row.lead, lang))]
        table_rows.append(Row((plain(labels.short(c.trait, c.answer)), *numbers, plain(c.why.get(lang))),
                              notes=tuple(t(lang, "factor_note", factor=f"{f.factor:g}", why=f.why.get(lang))
                                          for f in c.factors)))
    bars = tuple(Bar(labels.short(r.trait, advice.answers[r.trait]), r.lead, _signed(r.lead, lang)) for r in rows)
    return Chart("leads", title, note, bars, Table(tuple(columns), tuple(table_rows), layout="numbers_first"),
                 directions=directions)


def _signed(value: float, lang: str) -> str:
    """+0,50 or -0,50; a lead of nothing as plain 0,00, not +0,00."""
    return points_text(value, lang, signed=bool(round(value, 2)))


def paper_scores_chart(advice: Advice, labels: Labels) -> Chart:
    return scores_chart(advice, labels, t(labels.lang, "report_ladder_chart"), t(labels.lang, "report_ladder_note"))


def paper_contributions_chart(advice: Advice, labels: Labels) -> Chart | None:
    lang = labels.lang
    advised = labels.rung(advice.recommended)
    runner_up = runner_up_of(advice)
    note = (t(lang, "report_contrib_note", rung=advised, runner_up=labels.rung(runner_up)) if runner_up
            else t(lang, "report_contrib_note_single", rung=advised))
    return contributions_chart(advice, labels, t(lang, "report_contrib_chart"), note)


def paper_kaders(advice: Advice, labels: Labels) -> Section:
    """The kaders that applied, or that none did: a council wants to know either way."""
    lang = labels.lang
    if not advice.kaders:
        return Section(t(lang, "kaders_fired"), (paragraph(t(lang, "no_kaders")),))
    return Section(t(lang, "kaders_fired"), (BulletList(tuple(
        Item((*strong(f"{kader_heading(k, labels)}: "), *plain(k.reason.get(lang)))) for k in advice.kaders)),))


def paper_robustness(advice: Advice, labels: Labels, flips_elsewhere: str = "") -> Section:
    """How firm the advice is, and the single answers that would change it: facts and choices apart, one line per
    question rather than per flip (an advice with many unknowns can have dozens). With `flips_elsewhere`, that
    sentence instead of them."""
    lang = labels.lang
    blocks: list[Paragraph | BulletList] = []
    if margin := margin_sentence(advice, labels):
        blocks.append(paragraph(" ".join([f"{margin}.", *margin_words(advice, lang)])))
    if not advice.flips:
        blocks.append(paragraph(t(lang, "no_flips")))
    elif flips_elsewhere:
        blocks.append(paragraph(flips_elsewhere))
    else:
        for kind, of_kind in flip_groups(advice):
            items = []
            for trait, group in groupby(of_kind, key=lambda f: f.trait):
                flips = list(group)
                lead = t(lang, "flip_group", question=labels.rule_set.trait(trait).short_name(lang),
                         old=labels.answer(trait, flips[0].answer))
                changes = "; ".join(t(lang, "flip_change", new=labels.answer(trait, f.new_answer), rung=labels.rung(f.new_rung))
                                    for f in flips)
                items.append(Item((*strong(lead + " "), *plain(changes + "."))))
            blocks.append(BulletList(tuple(items), intro=f"{t(lang, 'flips_' + kind)}:", small=True))
    return Section(_robustness_heading(advice, lang), tuple(blocks))


# --- the participatieparagraaf --------------------------------------------------------------------------


def advice_paragraph(advice: Advice, rule_set: RuleSet, title: str, lang: str = "nl", description: str = "",
                     flips: bool = True, leads_chart: bool = True) -> Document:
    """The participatieparagraaf. To fit the paper: without `flips` the single changes are counted, not listed;
    without `leads_chart` the chart of the main reasons goes (the verdict names them with their shares already)."""
    labels = Labels(rule_set, lang)
    body: list[Element] = [verdict(advice, labels, paper=True), *arrangements(advice, labels)]
    if advice.form is None:  # no form to explain yet
        body += rights_and_duties(advice, lang)
    else:
        body += [paper_scores_chart(advice, labels),
                 Section(t(lang, "promise"), (paragraph(advice.promise.get(lang)),)),
                 Section(t(lang, "commitment"), (paragraph(advice.commitment.get(lang)),)),
                 paper_kaders(advice, labels), *rights_and_duties(advice, lang)]
        if advice.werkvormen:
            body.append(Section(t(lang, "methods"), (BulletList(tuple(
                Item((*strong(f"{method_heading(m, advice, labels)}: "), *plain(m.description.get(lang))))
                for m in advice.werkvormen[:PAPER_METHODS])),)))
        elsewhere = "" if flips else t(lang, "flips_elsewhere", count=len(advice.flips))
        body += [*support(advice, lang), paper_robustness(advice, labels, elsewhere)]
        if leads_chart and (chart := paper_contributions_chart(advice, labels)):
            body.append(chart)
    return Document(lang=lang, title=title, subject=t(lang, "report_paragraph"), description=description,
                    footer=footer_line(advice.rule_set, lang), date=rule_set.date, body=tuple(body))

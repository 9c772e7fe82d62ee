"""The working-group report (ladder.reports.group): what a reader finds in the Markdown and the PDF, that what
people typed cannot change the document, that no member is named, and that the PDF stays one to three pages."""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import replace

import pytest
from conftest import BUNDLED
from test_reports import ANSWER_SETS, GFM_AUTOLINK, NASTY_TITLES, flat, page_count, pdf_text

from ladder.analysis.group import DIVERGENCE_MEASURE, OTHER_ROLES, ROLES, Respondent, for_members, summarize
from ladder.reports.group import (
    SessionInfo,
    compared,
    comparison_sentence,
    members_sentence,
    percent,
    render_group_markdown,
    render_group_pdf,
    role_privacy_sentence,
)
from ladder.reports.markdown import escape_markdown
from ladder.reports.sentences import Labels, advised_form, flip_sentence
from ladder.reports.texts import GROUP_TEXTS, gt, t
from ladder.rules.model import RuleSet
from ladder.text import WORD_JOINER
from storage.sessions import DESCRIPTION_LIMIT, NOTE_LIMIT, TITLE_LIMIT

HELD_ON = dt.date(2026, 11, 24)
PIPE = re.compile(r"(?<!\\)\|")  # a column border: a pipe that is not escaped
ROLE_COUNT = re.compile(r"\d (Raadslid|Inwoner|Ambtenaar|Ondernemer|Anders|Andere rollen samen)\b")  # '2 Inwoner'
NAMES = ("Anna Jansen", "Piet de Vries", "Kees Bakker", "Fatima El Amrani", "Joost van Dam")


def group(rule_set: RuleSet, size: int, seed: int = 7) -> tuple[Respondent, ...]:
    """Members who answered most questions, some several phases; seeded, so every run sees the same group. An option
    that excludes the others (procedure: geen) is chosen alone."""
    rng = random.Random(seed)
    people = []
    for i in range(size):
        answers = {}
        for trait in rule_set.traits:
            if rng.random() < 0.85:
                if not trait.multiple:
                    answers[trait.id] = [rng.choice(trait.option_ids())]
                    continue
                alone = [o.id for o in trait.options if o.exclusive]
                combinable = [o.id for o in trait.options if not o.exclusive]
                answers[trait.id] = [rng.choice(alone)] if alone and rng.random() < 0.3 else sorted(rng.sample(combinable, 2))
        people.append(Respondent(f"{NAMES[i % len(NAMES)]} {i}", ROLES[i % len(ROLES)], answers))
    return tuple(people)


def info(title: str = "Herinrichting Stationsplein", description: str = "Een nieuw plein.",
         notes: dict[str, str] | None = None, closed: bool = False) -> SessionInfo:
    return SessionInfo(title=title, description=description, held_on=HELD_ON, closed=closed, notes=notes or {})


@pytest.fixture(scope="module")
def summary(rules):
    return summarize(rules, group(rules, 8), ANSWER_SETS["marktplein"])


@pytest.fixture(scope="module")
def markdown(summary, rules) -> str:
    return render_group_markdown(summary, rules, info(notes={"ingrijpendheid": "Iedereen merkt het."}))


def line_kinds(document: str) -> list[str]:
    """The structure of a Markdown document: per line its kind (heading level, table width, list, quote or text)."""
    kinds = []
    for line in document.splitlines():
        if line.startswith("#"):
            kinds.append(line.split(" ", 1)[0])
        elif line.startswith("|"):
            kinds.append(f"table{len(PIPE.findall(line))}")
        elif re.match(r"(-|\d+\.) ", line):
            kinds.append("list")
        else:
            kinds.append({"": "blank", ">": "quote"}.get(line[:1], "text"))
    return kinds


# --- Markdown -------------------------------------------------------------------------------------------


def test_markdown_ranks_the_questions_by_how_divided_the_group_is(summary, rules, markdown):
    labels = Labels(rules, "nl")
    assert escape_markdown(DIVERGENCE_MEASURE.get("nl")) in markdown
    rows = [line for line in markdown.splitlines() if line.startswith("| ") and ("█" in line or "░" in line)]
    ranked = compared(summary)
    assert len(ranked) >= 10
    for row, question in zip(rows, ranked):
        assert row.startswith(f"| {escape_markdown(labels.question(question.trait))} | {percent(question.divergence)} |")


def with_roles(people: tuple[Respondent, ...], *roles: str) -> tuple[Respondent, ...]:
    return tuple(replace(p, role=role) for p, role in zip(people, roles, strict=True))


def who_what_table(markdown: str, question: str) -> list[str]:
    """The lines of the table under one question in 'Wie antwoordde wat'."""
    section = markdown.split(f"**{escape_markdown(question)}**", 1)[1].split("\n\n", 2)[1]
    return section.splitlines()


def test_markdown_says_who_answered_what_by_role(rules):
    people = with_roles(group(rules, 7), *["inwoner"] * 4, *["raadslid"] * 3)
    summary = summarize(rules, people, ANSWER_SETS["marktplein"])
    markdown = render_group_markdown(summary, rules, info())
    labels = Labels(rules, "nl")
    question = compared(summary)[0]
    table = who_what_table(markdown, labels.question(question.trait))
    assert table[0] == "| Antwoord | Totaal | Raadslid | Inwoner |"
    for count in question.counts:
        if count.total:
            cells = [str(count.total), *(str(count.by_role[r]) for r in ("raadslid", "inwoner"))]
            assert f"| {escape_markdown(labels.answer(question.trait, count.option))} | {' | '.join(cells)} |" in table


def test_the_report_counts_roles_of_fewer_than_three_members_together(rules):
    # 4 inwoners, 1 raadslid and 2 ondernemers: the raadslid and the ondernemers are one column of 3
    people = with_roles(group(rules, 7), *["inwoner"] * 4, "raadslid", "ondernemer", "ondernemer")
    summary = summarize(rules, people, ANSWER_SETS["marktplein"])
    markdown = render_group_markdown(summary, rules, info())
    question = compared(summary)[0]
    table = who_what_table(markdown, Labels(rules, "nl").question(question.trait))
    assert table[0] == "| Antwoord | Totaal | Inwoner | Andere rollen samen |"
    sentence = gt("nl", "grp_roles_together", min=3, other="Andere rollen samen")
    assert escape_markdown(sentence) in markdown
    assert "1 Raadslid" in markdown  # who took part, as a count: no answers
    spread = [line for line in markdown.splitlines() if line.startswith("| ") and "░" in line and "Inwoner" in line]
    assert spread and all("Raadslid" not in line and "Ondernemer" not in line for line in spread)
    text = flat(pdf_text(render_group_pdf(summary, rules, info())))
    assert "Andere rollen samen" in text and flat(sentence) in text
    after = text.split(gt("nl", "grp_no_names"), 1)[1]  # after who took part (counted, without answers)
    assert {m[1] for m in ROLE_COUNT.finditer(after)} == {"Inwoner", "Andere rollen samen"}


def test_the_report_shows_no_split_by_role_when_a_role_has_one_or_two_members(summary, rules, markdown):
    # the group of eight: two or one per role
    question = compared(summary)[0]
    table = who_what_table(markdown, Labels(rules, "nl").question(question.trait))
    assert table[0] == "| Antwoord | Totaal |"
    sentence = gt("nl", "grp_roles_hidden", min=3)
    assert sentence == role_privacy_sentence(for_members(summary), "nl")
    assert escape_markdown(sentence) in markdown
    assert "| Vorm | Deelnemers | Grafiek |" in markdown  # the spread without its column per role
    text = flat(pdf_text(render_group_pdf(summary, rules, info())))
    assert flat(sentence) in text
    after = text.split(gt("nl", "grp_no_names"), 1)[1]
    assert not ROLE_COUNT.search(after)
    assert OTHER_ROLES not in for_members(summary).roles


def test_markdown_shows_the_spread_of_individual_advices_and_marks_the_joint_one(summary, rules, markdown):
    labels = Labels(rules, "nl")
    for rung in summary.spread:
        name = escape_markdown(labels.rung(rung.rung))
        line = next(line for line in markdown.splitlines() if line.startswith(f"| {name}"))
        assert f"| {rung.total} |" in line
        assert ("(**gezamenlijk advies**)" in line) == (rung.rung == summary.joint.recommended)
    assert escape_markdown(comparison_sentence(summary, "nl")) in markdown


def test_a_member_with_too_few_answers_is_counted_apart_not_as_a_form(rules):
    few = Respondent("Joost 9", "ondernemer", {"beleidsruimte": ["ruim"]})
    summary = summarize(rules, (*group(rules, 4), few), ANSWER_SETS["marktplein"])
    markdown = render_group_markdown(summary, rules, info())
    line = next(line for line in markdown.splitlines() if line.startswith(f"| {gt('nl', 'grp_too_little')}"))
    count = summary.too_little.total
    assert summary.too_little.respondents[-1] == 4 and f"| {count} |" in line
    assert sum(r.total for r in summary.spread) == 5 - count
    assert gt("nl", "grp_comparison_too_little", count=count) in comparison_sentence(summary, "nl")


def test_joint_answers_too_few_for_an_advice_mark_no_rung(rules):
    summary = summarize(rules, group(rules, 4), {"beleidsruimte": ["ruim"]})
    assert summary.joint is not None and summary.joint.form is None
    markdown = render_group_markdown(summary, rules, info())
    assert "(**gezamenlijk advies**)" not in markdown
    assert comparison_sentence(summary, "nl") is None


def test_markdown_has_the_joint_answers_with_notes_and_the_full_joint_advice(summary, rules, markdown):
    labels = Labels(rules, "nl")
    question, answer = labels.question("ingrijpendheid"), labels.answer("ingrijpendheid", summary.joint.answers["ingrijpendheid"])
    assert f"| {escape_markdown(question)} | {escape_markdown(answer)} | Iedereen merkt het. |" in markdown
    # The advice report itself, one level down: its sections and reasons are all there.
    assert f"### {escape_markdown(advised_form(summary.joint, labels))}" in markdown
    assert "## Advies voor: Herinrichting Stationsplein" in markdown
    assert f"### {escape_markdown(t('nl', 'robustness', label=t('nl', 'robust_' + summary.joint.robustness)))}" in markdown
    for k in summary.joint.kaders:
        assert escape_markdown(k.reason.get("nl")) in markdown


def test_markdown_tables_are_well_formed(markdown):
    tables = [block for block in markdown.split("\n\n") if block.startswith("| ")]
    assert len(tables) > 10
    for table in tables:
        assert len({len(PIPE.findall(line)) for line in table.splitlines()}) == 1, table


def test_without_joint_answers_the_report_says_so(rules):
    summary = summarize(rules, group(rules, 3))
    document = render_group_markdown(summary, rules, info())
    assert escape_markdown(gt("nl", "grp_no_joint")) in document
    assert "Geadviseerde vorm" not in document and "gezamenlijk advies**" not in document


def test_a_session_nobody_submitted_to(rules):
    document = render_group_markdown(summarize(rules, ()), rules, info())
    assert escape_markdown(gt("nl", "grp_members_none")) in document
    assert gt("nl", "grp_spread") not in document


@pytest.mark.parametrize("nasty", NASTY_TITLES + ["<b>x</b> **y**"])
def test_what_people_typed_cannot_change_the_markdown_structure(summary, rules, nasty):
    notes = {trait.id: "Een notitie." for trait in rules.traits}
    plain = render_group_markdown(summary, rules, info("Titel", "Omschrijving", notes))
    typed = render_group_markdown(summary, rules, info(nasty, "Omschrijving", {k: nasty for k in notes}))
    assert line_kinds(typed) == line_kinds(plain)
    assert "<b>" not in typed and "**y**" not in typed


def test_web_addresses_people_typed_become_no_links_in_either_report(summary, rules):
    typed = "Plein https://evil.example/titel, www.evil.example en info@evil.example"
    document = info(typed, typed, {trait.id: typed for trait in rules.traits})
    markdown = render_group_markdown(summary, rules, document)
    assert not GFM_AUTOLINK.search(markdown)
    assert escape_markdown(typed) in markdown
    data = render_group_pdf(summary, rules, document)
    assert b"/URI" not in data and b"/Link" not in data  # no link of its own
    text = flat(pdf_text(data))
    assert not GFM_AUTOLINK.search(text)  # nothing a PDF viewer would take for an address
    assert typed in text.replace(WORD_JOINER, "")  # and it reads as typed


def test_the_description_keeps_its_paragraphs_and_nothing_else(summary, rules):
    document = render_group_markdown(summary, rules, info(description="Eerste alinea.\n\n# Geen kop\n- geen lijst"))
    assert "Eerste alinea.\n\n\\# Geen kop - geen lijst\n" in document  # one line: the dash starts nothing


def test_the_report_names_no_member(summary, rules, markdown):
    text = flat(pdf_text(render_group_pdf(summary, rules, info())))
    for respondent in summary.respondents:
        assert respondent.name not in markdown and respondent.name not in text
    assert escape_markdown(members_sentence(summary, "nl")) in markdown


def test_markdown_in_english(summary, rules):
    document = render_group_markdown(summary, rules, info("Market square"), "en")
    assert document.startswith("# Working group: Market square\n")
    assert "## Where the group differs most" in document and "### Advised form:" in document
    assert "Waar de groep" not in document


# --- PDF ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("joint", ["marktplein", "krap", "alles_onbekend"])
@pytest.mark.parametrize("municipality", BUNDLED.ids())
@pytest.mark.slow
def test_pdf_is_one_to_three_pages_even_with_the_longest_texts_and_twenty_members(bundled, municipality, joint):
    rule_set = bundled[municipality]
    summary = summarize(rule_set, group(rule_set, 20), ANSWER_SETS[joint])
    notes = {trait.id: ("Waarom de groep dit koos, in een paar zinnen. " * 10)[:NOTE_LIMIT] for trait in rule_set.traits}
    longest = info(("Herinrichting van het marktplein, fase " * 10)[:TITLE_LIMIT],
                   ("Bewoners en ondernemers denken mee. " * 100)[:DESCRIPTION_LIMIT], notes)
    data = render_group_pdf(summary, rule_set, longest)
    assert data.startswith(b"%PDF-") and 1 <= page_count(data) <= 3


@pytest.mark.slow
def test_when_even_small_type_runs_over_the_pdf_points_to_the_markdown_for_the_single_changes(bundled):
    rule_set = bundled["voorbeeldgemeente"]
    summary = summarize(rule_set, group(rule_set, 20), ANSWER_SETS["krap"])
    notes = {trait.id: "x " * (NOTE_LIMIT // 2) for trait in rule_set.traits}
    longest = info("T" * TITLE_LIMIT, "Omschrijving. " * (DESCRIPTION_LIMIT // 14), notes)
    text = flat(pdf_text(render_group_pdf(summary, rule_set, longest)))
    assert flat(gt("nl", "grp_flips_elsewhere", count=len(summary.joint.flips))) in text
    document = render_group_markdown(summary, rule_set, longest)
    assert len(summary.joint.flips) > 20
    labels = Labels(rule_set, "nl")
    for flip in summary.joint.flips:
        assert escape_markdown(flip_sentence(flip, labels)) in document


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pdf_shows_divergence_spread_joint_answers_and_advice_in_words_and_numbers(summary, rules, lang):
    labels = Labels(rules, lang)
    data = render_group_pdf(summary, rules, info(notes={"ingrijpendheid": "Iedereen merkt het."}), lang)
    text = flat(pdf_text(data))
    lines = pdf_text(data).splitlines()
    for question in compared(summary):
        assert percent(question.divergence) in lines
    for rung in summary.spread:
        assert str(rung.total) in lines
    assert f"{labels.rung(summary.joint.recommended)} ({gt(lang, 'grp_joint_mark')})" in text
    assert flat(DIVERGENCE_MEASURE.get(lang)) in text
    assert flat(comparison_sentence(summary, lang)) in text
    assert flat(advised_form(summary.joint, labels)) in text
    assert "Iedereen merkt het." in text
    for k in summary.joint.kaders:
        assert flat(k.reason.get(lang)) in text
    footer = flat(pdf_text(data, footer=True))
    assert rules.content_hash[:12] in footer


def test_pdf_without_joint_answers_says_there_is_no_joint_advice_yet(rules):
    data = render_group_pdf(summarize(rules, group(rules, 4)), rules, info())
    assert flat(gt("nl", "grp_no_joint")) in flat(pdf_text(data))
    assert 1 <= page_count(data) <= 2


def test_pdf_shows_typed_text_as_typed(summary, rules):
    title = "<b>x</b> **y** [klik](javascript:x)"
    assert title in pdf_text(render_group_pdf(summary, rules, info(title, notes={"ingrijpendheid": title})))


def test_pdf_is_byte_identical_for_the_same_session(summary, rules):
    first = render_group_pdf(summary, rules, info())
    assert render_group_pdf(summary, rules, info()) == first
    assert render_group_pdf(summary, rules, info(), "en") != first
    assert f"/CreationDate (D:{HELD_ON:%Y%m%d}000000Z)".encode() in first


def test_every_report_text_exists_in_both_languages():
    assert GROUP_TEXTS["nl"].keys() == GROUP_TEXTS["en"].keys()
    assert all(key.startswith("grp_") for key in GROUP_TEXTS["nl"])

"""The downloadable reports: Markdown and the PDF participatieparagraaf, and the chart rows they share.

The reports only present an Advice; these specifications say what a reader must find in them, that user
text cannot change a document's structure, and that the PDF stays one or two pages for every bundled
rule set, in Dutch and English.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zlib

import pytest
import yaml
from conftest import BUNDLED, CASES, ROOT, golden_answers, not_yet_agreed
from hypothesis import given
from hypothesis import strategies as st

from ladder.engine.advice import Advice, Contribution
from ladder.engine.advisor import advise
from ladder.reports import pdf as report_pdf
from ladder.reports.chart_data import MARK_KEYS, contribution_rows, ladder_rows
from ladder.reports.markdown import escape_markdown, render_markdown
from ladder.reports.pdf import font_files, render_pdf
from ladder.reports.sentences import Labels, advised_form, flip_sentence, questions_text
from ladder.reports.texts import TEXTS as MESSAGES
from ladder.reports.texts import t
from ladder.rules.model import RuleSet
from ladder.rules.project import Project
from ladder.text import WORD_JOINER, no_autolinks, points_text

# The app's limits for the project's title and description (ui/pages/advies.py, max_chars).
TITLE_LIMIT = 200
DESCRIPTION_LIMIT = 2000


def golden_project(stem: str) -> Project:
    """A golden project (tests/cases/) with its title and description, its answers from conftest.golden_answers."""
    path = next(c for c in CASES if c.stem.startswith(stem))
    project = yaml.safe_load(path.read_text(encoding="utf-8"))["project"]
    return Project(title=project["title"], description=project.get("description", ""), answers=golden_answers(stem))


# The redesign of a market square (golden project 04, the project of examples/marktplein.yaml), with what happens to
# the outcome not agreed yet: coproduceren once that is arranged, with a narrow margin, a kader that rules
# overheidsparticipatie out and some twenty single answers that flip it.
MARKTPLEIN = golden_project("04").model_copy(update={"answers": not_yet_agreed(golden_answers("04"))})
# The questions the tool needs before it advises at all (rules/base.yaml, information).
NEEDED = ("initiatiefnemer", "soort_opgave", "beleidsruimte", "bindendheid", "ingrijpendheid", "belanghebbenden",
          "conflict", "capaciteit_samenleving", "tijd_tot_besluit")

# Varied projects: each advises another rung, fires other kaders, or leaves much unknown.
ANSWER_SETS: dict[str, dict[str, object]] = {
    "marktplein": MARKTPLEIN.answers,
    "alles_onbekend": {},  # every question 'weet ik niet': too little is known, so no form is advised (onvoldoende)
    # Only what the tool needs, the rest 'weet ik niet': a provisional advice with the most unknowns.
    "alleen_het_nodige": {trait: MARKTPLEIN.answers[trait] for trait in NEEDED},
    "wegonderhoud": golden_answers("01"),  # nothing left to choose: inform only
    "sportpark_zelfbeheer": golden_answers("06"),
    "energiecooperatie": golden_answers("07"),
    "schoolzone": golden_answers("08"),
    "omgevingsvisie": golden_answers("14"),
    # A narrow advice with two kaders (a floor for the required participation, and a social initiative stays its
    # own) and some thirty flips under voorbeeldgemeente: the longest robustness part.
    "krap": {
        "initiatiefnemer": "maatschappelijk_initiatief", "vraag_initiatief": ["taak_overnemen"], "beleidsruimte": "beperkt",
        "vastgelegd_door": ["wet_of_norm"], "procedure": ["verplichte_participatie_raad"], "formeel_recht": ["geen"],
        "tijd_tot_besluit": "ruim", "complexiteit": "midden", "ingrijpendheid": "laag", "conflict": "laag",
        "belanghebbenden": "weinig", "capaciteit_samenleving": "laag", "vertrouwen": "hoog", "politieke_gevoeligheid": "laag",
        "middelen": "midden", "bestaande_netwerken": "nee", "uitvoerder_participatie": "samen", "inbreng_helpt": "ja",
        "schaal": "regio", "fase": ["uitvoering", "beheer"], "doel": "zelf_dragen",
    },
}
LONG_TITLE = ("Herinrichting van het marktplein en de aanliggende straten, fase " * 4)[:TITLE_LIMIT]
LONG_DESCRIPTION = ("Bewoners, ondernemers en de marktvereniging denken mee over een nieuw ontwerp. " * 30)[:DESCRIPTION_LIMIT]

NASTY_TITLES = [
    "[klik](javascript:x)",
    "<img src=x onerror=alert(1)>",
    "# kop",
    "kop #",
    "- lijst",
    "1. eerste",
    "**vet** en _schuin_",
    "`code`",
    "| a | b |",
    "$x^2$",
    "&lt;script&gt;",
    "~~weg~~",
    "regel\n# tweede kop\n\n---",
    "    ingesprongen als code",
    "![plaatje](https://voorbeeld.nl/x.png)",
    "\\[al ontsnapt\\]",
]


def _advice(rule_set: RuleSet, answers: dict[str, object]) -> Advice:
    return advise(rule_set, answers, ignore_unknown_traits=True)


@pytest.fixture(scope="module")
def plein(bundled) -> tuple[Advice, RuleSet]:
    rule_set = bundled["voorbeeldgemeente"]
    return _advice(rule_set, MARKTPLEIN.answers), rule_set


# --- reading a PDF back (fpdf2 writes text as glyph ids; each font's ToUnicode map turns them back) -----


def _objects(data: bytes) -> dict[int, bytes]:
    return {int(m[1]): m[2] for m in re.finditer(rb"(\d+) 0 obj\n(.*?)\nendobj", data, re.DOTALL)}


def _stream(obj: bytes) -> bytes:
    raw = re.search(rb"stream\n(.*)\nendstream", obj, re.DOTALL)
    assert raw is not None
    return zlib.decompress(raw[1]) if b"/FlateDecode" in obj else raw[1]


def _unescape(literal: bytes) -> bytes:
    return re.sub(rb"\\(.)", lambda m: b"\r" if m[1] == b"r" else m[1], literal, flags=re.DOTALL)


FOOTER_ZONE = 50  # points from the bottom of the page: the footer with the rule set and page number


def pdf_text(data: bytes, footer: bool = False) -> str:
    """The text drawn on the pages in drawing order, one piece per line: the body, or only the footers."""
    objects = _objects(data)
    decoders = {}
    for name, ref in set(re.findall(rb"/(F\d+) (\d+) 0 R", data)):
        to_unicode = re.search(rb"/ToUnicode (\d+) 0 R", objects[int(ref)])
        if to_unicode is None:  # a core font: WinAnsi bytes
            decoders[name] = lambda b: b.decode("cp1252")
            continue
        cmap = _stream(objects[int(to_unicode[1])])
        chars = {}
        for block in re.findall(rb"beginbfchar\n(.*?)endbfchar", cmap, re.DOTALL):
            chars |= {int(a, 16): chr(int(b, 16)) for a, b in re.findall(rb"<([0-9A-F]+)> <([0-9A-F]+)>", block)}
        decoders[name] = lambda b, chars=chars: "".join(chars[int.from_bytes(b[i:i + 2], "big")] for i in range(0, len(b), 2))
    pieces, font, y = [], None, 0.0
    for obj in objects.values():
        if b"/Contents" in obj or b"stream" not in obj or b"/ToUnicode" in obj:
            continue
        for m in re.finditer(rb"/(F\d+) [\d.]+ Tf|[\d.]+ ([\d.]+) Td|\(((?:\\.|[^\\)])*)\) ?Tj", _stream(obj), re.DOTALL):
            if m[1]:
                font = m[1]
            elif m[2]:
                y = float(m[2])
            elif font in decoders and (y < FOOTER_ZONE) == footer:
                pieces.append(decoders[font](_unescape(m[3])))
    return "\n".join(pieces)


def page_count(data: bytes) -> int:
    found = re.search(rb"/Count (\d+)", data)
    assert found is not None
    return int(found[1])


def flat(text: str) -> str:
    """Pieces joined with spaces, so a sentence wrapped over lines can be searched for."""
    return " ".join(text.split())


# --- chart rows -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ANSWER_SETS)
@pytest.mark.parametrize("municipality", BUNDLED.ids())
def test_ladder_rows_are_every_rung_low_to_high_with_its_mark(bundled, municipality, name):
    rule_set = bundled[municipality]
    advice = _advice(rule_set, ANSWER_SETS[name])
    rows = ladder_rows(advice)
    assert [r.rung for r in rows] == list(rule_set.rung_ids())
    assert [r.score for r in rows] == [s.score for s in advice.scores]
    marks = {r.rung: r.mark for r in rows}
    assert [rung for rung, mark in marks.items() if mark == "advised"] == [advice.recommended]
    runner_up = [advice.runner_ups[0].rung] if advice.runner_ups else []
    assert [rung for rung, mark in marks.items() if mark == "runner_up"] == runner_up
    for s in advice.scores:
        if s.rung != advice.recommended and s.rung not in runner_up:
            assert marks[s.rung] == ("possible" if s.status == "mogelijk" else s.status)


def test_the_answer_sets_meet_every_state_of_an_advice(bundled):
    """So the report tests below see no advice yet, a provisional and a definite one, and inform only."""
    rule_set = bundled["voorbeeldgemeente"]
    advices = {name: _advice(rule_set, answers) for name, answers in ANSWER_SETS.items()}
    assert advices["alles_onbekend"].status == "onvoldoende"
    assert advices["alleen_het_nodige"].status == "voorlopig" and len(advices["alleen_het_nodige"].unknowns) > 10
    assert advices["marktplein"].status == "definitief"
    assert advices["wegonderhoud"].precondition is not None
    assert advices["wegonderhoud"].precondition.outcome == "inform_only"
    assert advices["krap"].robustness == "krap" and len(advices["krap"].kaders) >= 2 and len(advices["krap"].flips) > 20


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_mark_but_possible_has_words(lang):
    words = {mark: t(lang, key) for mark, key in MARK_KEYS.items() if key}
    assert set(words) == {"advised", "runner_up", "begrensd", "uitgesloten"}
    assert len(set(words.values())) == len(words)  # each mark reads differently
    assert MARK_KEYS["possible"] is None


def _with_contributions(advice: Advice, points: dict[str, tuple[float, float]]) -> Advice:
    """The advice with made-up contributions: per trait (points for the advice, points for the runner-up)."""
    runner_up = advice.runner_ups[0].rung
    contributions = tuple(
        Contribution(trait=trait, answer=("x",), points={advice.recommended: here, runner_up: there}, why=advice.contributions[0].why)
        for trait, (here, there) in points.items()
    )
    return advice.model_copy(update={"contributions": contributions})


@pytest.mark.parametrize(
    ("points", "order", "leads"),
    [
        pytest.param({"a": (1, 0), "b": (0, 2), "c": (0, 0), "d": (0.5, 0.5), "e": (1.5, 0.5)}, ["a", "e", "d", "b"],
                     [1, 1, 0, -2], id="biggest-lead-first-ties-keep-order-nothing-left-out-but-zero-for-both"),
        pytest.param({"a": (-1, -3), "b": (2, 3)}, ["a", "b"], [2, -1], id="negative-points-can-still-lead"),
        pytest.param({"a": (0, 0)}, [], [], id="no-points-no-row"),
    ],
)
def test_contribution_rows_sort_by_lead_for_the_advice_over_the_runner_up(plein, points, order, leads):
    advice = _with_contributions(plein[0], points)
    rows = contribution_rows(advice)
    assert [r.trait for r in rows] == order
    assert [r.lead for r in rows] == leads
    for r in rows:
        assert r.lead == r.advised - r.runner_up
        assert (r.lead > 0) == (r.advised > r.runner_up)


def test_contribution_rows_without_a_runner_up_are_the_points_for_the_advice(plein):
    advice = plein[0].model_copy(update={"runner_ups": ()})
    rows = contribution_rows(advice)
    assert rows and all(r.runner_up is None for r in rows)
    points = {c.trait: c.points[advice.recommended] for c in advice.contributions}
    assert [r.lead for r in rows] == sorted((p for p in points.values() if p), reverse=True)


def test_the_text_report_lists_contributions_in_the_chart_order(plein):
    from ladder.reports.plain_text import render_text

    advice, rule_set = plein
    labels = Labels(rule_set, "nl")
    text = render_text(advice, rule_set, "x")
    positions = [text.index(f"  {labels.short(r.trait, advice.answers[r.trait])}. ") for r in contribution_rows(advice)]
    assert positions == sorted(positions)


# --- escaping user text for Markdown ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("[klik](javascript:x)", r"\[klik\](javascript:x)"),
        ("<img src=x>", r"\<img src=x\>"),
        ("# kop", r"\# kop"),
        ("kop #", r"kop \#"),
        ("- lijst", r"\- lijst"),
        ("+ lijst", r"\+ lijst"),
        ("1. eerste", r"1\. eerste"),
        ("2) tweede", r"2\) tweede"),
        ("1.5 punten", "1.5 punten"),
        ("**vet** _schuin_", r"\*\*vet\*\* \_schuin\_"),
        ("`code`", r"\`code\`"),
        ("a | b", r"a \| b"),
        ("$x$", r"\$x\$"),
        ("&lt;", r"\&lt;"),
        ("~~weg~~", r"\~\~weg\~\~"),
        ("a\\b", r"a\\b"),
        ("regel\n# kop\n\n    code", r"regel \# kop code"),
        ("Gewoon een zin, met (haakjes) en een punt.", "Gewoon een zin, met (haakjes) en een punt."),
    ],
)
def test_escape_markdown(text, escaped):
    assert escape_markdown(text) == escaped


SPECIAL = set("\\`*_[]<>&|$~#")
# The addresses GitHub's Markdown (and so Streamlit's) makes a link of by itself, as mdast-util-gfm-autolink-literal
# finds them: a web address from http(s):// or www., and an e-mail address
GFM_AUTOLINK = re.compile(r"(https?://|www(?=\.))[-.\w]+|[-.\w+]+@[-\w]+(\.[-\w]+)+", re.IGNORECASE)
ADDRESSES = ["https://evil.example", "http://evil.example/pad?x=1", "www.evil.example", "WWW.EVIL.EXAMPLE",
             "zie www.evil.example/info.", "mail anna@evil.example", "mailto:anna@evil.example", "(https://evil.example)",
             "Plein https://evil.example/titel en www.evil.example"]


@pytest.mark.parametrize("text", ADDRESSES)
def test_escaped_text_holds_no_address_markdown_makes_a_link_of(text):
    assert GFM_AUTOLINK.search(text)  # as typed, it would be a link
    escaped = escape_markdown(text)
    assert not GFM_AUTOLINK.search(escaped), escaped
    assert escaped.replace(WORD_JOINER, "") == text  # it reads the same: the word joiner is invisible
    assert no_autolinks(escaped) == escaped  # once is enough


def test_text_without_addresses_keeps_every_character():
    text = "Inwoners en ondernemers (ook via de wijkraad) bespreken het plein: 1,5 ha, 3 weken."
    assert no_autolinks(text) == text == escape_markdown(text)


@given(st.text())
@pytest.mark.slow
def test_escaped_text_reads_back_as_typed_on_one_line(text):
    escaped = escape_markdown(text)
    assert "\n" not in escaped and "\r" not in escaped
    unescaped, i = [], 0
    while i < len(escaped):  # every special character is preceded by exactly one backslash
        if escaped[i] == "\\":
            unescaped.append(escaped[i + 1])
            i += 2
        else:
            assert escaped[i] not in SPECIAL, escaped
            unescaped.append(escaped[i])
            i += 1
    assert "".join(unescaped).replace(WORD_JOINER, "") == " ".join(text.split()).replace(WORD_JOINER, "")


# --- Markdown report --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ANSWER_SETS)
@pytest.mark.parametrize("municipality", BUNDLED.ids())
def test_markdown_has_the_advice_its_reasons_and_the_rule_set(bundled, municipality, name):
    rule_set = bundled[municipality]
    advice = _advice(rule_set, ANSWER_SETS[name])
    labels = Labels(rule_set, "nl")
    md = render_markdown(advice, rule_set, "Project", "nl")
    ref = advice.rule_set
    assert advice.rule_set.content_hash[:12] in md and advice.rule_set.content_hash not in md
    assert f"versie {ref.version}, status {ref.status}" in md
    assert rule_set.date.isoformat() in md
    assert f"## {escape_markdown(advised_form(advice, labels))}" in md  # the form, provisional or not, or that there is none
    if advice.status == "onvoldoende":  # no form yet: what to answer first, and no ladder that marks one as the advice
        assert escape_markdown(t("nl", "insufficient", questions=questions_text(advice.needed, labels))) in md
        assert t("nl", "scores") not in md and "Geadviseerde vorm" not in md
        return
    assert escape_markdown(advice.role.name.get("nl")) in md
    for flip in advice.flips:
        assert f"- {escape_markdown(flip_sentence(flip, labels))}" in md
    if not advice.flips:
        assert t("nl", "no_flips") in md
    for row in ladder_rows(advice):
        line = next(line for line in md.splitlines() if line.startswith(f"| {escape_markdown(labels.rung(row.rung))} |"))
        assert f"| {points_text(row.score, 'nl', signed=False)} |" in line
        key = MARK_KEYS[row.mark]
        assert (t("nl", key) in line) if key else line.endswith("|  |")
    for k in advice.kaders:
        assert escape_markdown(k.reason.get("nl")) in md
    for row in contribution_rows(advice):
        assert f"| {points_text(row.advised, 'nl')} |" in md


def test_markdown_tables_are_well_formed(plein):
    md = render_markdown(*plein, "Project")
    tables = [block for block in md.split("\n\n") if block.startswith("| ")]
    assert len(tables) == 3  # scores, contributions, values
    for table in tables:
        widths = {len(re.findall(r"(?<!\\)\|", line)) for line in table.splitlines()}
        assert len(widths) == 1, table


@pytest.mark.parametrize("title", NASTY_TITLES)
def test_user_text_cannot_change_the_markdown_structure(plein, title):
    plain = render_markdown(*plein, "Project", description="Omschrijving")
    nasty = render_markdown(*plein, title, description=title)
    head, rest = nasty.split("\nRegels: ", 1)
    paragraphs = [escape_markdown(p) for p in re.split(r"\n\s*\n", title) if p.strip()]
    assert head == "\n\n".join([f"# {escape_markdown(t('nl', 'advice_for', title=title))}", *paragraphs]) + "\n"
    # After the title and description the document is the same: no heading, list or table was added.
    assert rest == plain.split("\nRegels: ", 1)[1]


def test_markdown_in_english(plein):
    advice, rule_set = plein
    md = render_markdown(advice, rule_set, "Market square", "en")
    assert md.startswith("# Advice for: Market square\n")
    assert f"## Advised form: {escape_markdown(Labels(rule_set, 'en').rung(advice.recommended))}" in md
    assert "Geadviseerde vorm" not in md and "| Rung | Score | Note |" in md


# --- PDF participatieparagraaf ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ANSWER_SETS)
@pytest.mark.parametrize("municipality", BUNDLED.ids())
@pytest.mark.slow
def test_pdf_is_one_or_two_pages_even_with_the_longest_title_and_description(bundled, municipality, name):
    rule_set = bundled[municipality]
    advice = _advice(rule_set, ANSWER_SETS[name])
    data = render_pdf(advice, rule_set, LONG_TITLE, "nl", LONG_DESCRIPTION)
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert 1 <= page_count(data) <= 2


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.slow
def test_pdf_says_the_advice_role_reasons_and_rule_set_in_words(bundled, lang):
    rule_set = bundled["voorbeeldgemeente"]
    advice = _advice(rule_set, ANSWER_SETS["krap"])
    labels = Labels(rule_set, lang)
    data = render_pdf(advice, rule_set, "Proef", lang, "Een korte omschrijving.")
    text = flat(pdf_text(data))
    assert flat(advised_form(advice, labels)) in text
    assert flat(t(lang, "municipal_role", role=advice.role.name.get(lang))) in text
    assert flat(advice.promise.get(lang)) in text and flat(advice.commitment.get(lang)) in text
    for k in advice.kaders:
        assert flat(k.reason.get(lang)) in text
    for m in advice.werkvormen[:3]:
        assert m.name.get(lang) in text
    assert advice.werkvormen[3].name.get(lang) not in text
    for flip in advice.flips:  # every flip, grouped per question
        assert flat(t(lang, "flip_change", new=labels.answer(flip.trait, flip.new_answer), rung=labels.rung(flip.new_rung))) in text
    assert "Een korte omschrijving." in text
    ref = advice.rule_set
    footer = flat(pdf_text(data, footer=True))
    assert footer.count(ref.content_hash[:12]) == 2  # on both pages
    assert f"{ref.version}, status {ref.status}" in footer
    assert footer.lower().count(t(lang, "illustration_short")) == 2
    assert t(lang, "report_page", page=2, pages=2) in footer


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pdf_charts_mark_rungs_in_words_and_print_every_number(bundled, lang):
    rule_set = bundled["voorbeeldgemeente"]
    advice = _advice(rule_set, MARKTPLEIN.answers)
    text = pdf_text(render_pdf(advice, rule_set, "Proef", lang)).splitlines()
    for row in ladder_rows(advice):
        assert points_text(row.score, lang, signed=False) in text
        if (key := MARK_KEYS[row.mark]) is not None:
            assert t(lang, key) in text
    assert "uitgesloten" in {r.mark for r in ladder_rows(advice)}  # so the hatched bar's words are checked above
    for row in contribution_rows(advice):
        assert points_text(row.lead, lang, signed=bool(round(row.lead, 2))) in text


@pytest.mark.slow
def test_pdf_is_byte_identical_for_the_same_advice(plein):
    advice, rule_set = plein
    first = render_pdf(advice, rule_set, "Herinrichting", "nl", "Omschrijving")
    assert render_pdf(advice, rule_set, "Herinrichting", "nl", "Omschrijving") == first
    assert render_pdf(advice, rule_set, "Herinrichting", "en", "Omschrijving") != first


@pytest.mark.slow
def test_pdf_is_byte_identical_across_processes(tmp_path):
    project = tmp_path / "marktplein.yaml"
    project.write_text(yaml.safe_dump(MARKTPLEIN.model_dump(), allow_unicode=True, sort_keys=False), encoding="utf-8")
    script = (
        "import hashlib, sys\n"
        "from ladder.engine.advisor import advise\n"
        "from ladder.rules.sources import RuleSources\n"
        "from ladder.rules.project import read_project\n"
        "from ladder.reports.pdf import render_pdf\n"
        "from pathlib import Path\n"
        "p = read_project(Path(sys.argv[1]))[0]\n"
        "rs = RuleSources.bundled().load('leusden')\n"
        "print(hashlib.sha256(render_pdf(advise(rs, p.answers), rs, p.title, 'nl', p.description)).hexdigest())\n"
    )
    digests = {
        subprocess.run([sys.executable, "-c", script, str(project)], capture_output=True, text=True, cwd=ROOT, check=True,
                       env={"PYTHONHASHSEED": seed, "PATH": ""}).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_pdf_metadata_names_the_title_language_and_the_rule_set_date(plein):
    advice, rule_set = plein
    data = render_pdf(advice, rule_set, "Herinrichting", "en")
    assert b"/Title (Herinrichting)" in data
    assert b"/Lang (en)" in data
    assert f"/CreationDate (D:{rule_set.date:%Y%m%d}000000Z)".encode() in data


def test_pdf_embeds_the_unicode_font_and_keeps_every_character(plein):
    assert font_files() is not None, "install fonts-dejavu-core (scripts/install-system-packages.sh)"
    title = "Plein “De Markt” – fase 2 → € 1.000 ✓"
    data = render_pdf(*plein, title)
    assert b"DejaVuSans" in data
    assert title in pdf_text(data)


def test_pdf_without_the_unicode_font_still_renders_with_unknown_characters_as_question_marks(plein, monkeypatch, tmp_path):
    monkeypatch.setattr(report_pdf, "FONT_DIR", tmp_path)
    assert font_files() is None
    data = render_pdf(*plein, "Plein “De Markt” – € 1.000 → ✓", "nl", LONG_DESCRIPTION)
    assert b"DejaVu" not in data and b"/Helvetica" in data
    assert 1 <= page_count(data) <= 2
    text = pdf_text(data)
    assert "Plein “De Markt” – € 1.000 ? ?" in text  # WinAnsi holds the quotes, dash and euro sign
    assert t("nl", "score_advised") in text.splitlines()


def test_pdf_wraps_a_word_longer_than_the_page(plein):
    word = "Participatie" * 17  # 204 characters without a space
    data = render_pdf(*plein, word[:TITLE_LIMIT], "nl", word * 9)
    assert 1 <= page_count(data) <= 2
    assert word[:TITLE_LIMIT] in pdf_text(data).replace("\n", "")


def test_every_report_text_exists_in_both_languages():
    assert MESSAGES["nl"].keys() == MESSAGES["en"].keys()
    assert not [k for k in MESSAGES["nl"] if k.startswith("app_")]


def test_long_rung_names_wrap_in_the_ladder_chart(plein):
    advice, rule_set = plein
    longer = " en daarbij nog een heel lange toelichting"
    rungs = tuple(r.model_copy(update={"name": r.name.model_copy(update={"nl": r.name.nl + longer})}) for r in rule_set.rungs)
    data = render_pdf(advice, rule_set.model_copy(update={"rungs": rungs}), "Proef")
    assert 1 <= page_count(data) <= 2
    text = flat(pdf_text(data))
    for rung in rungs:
        assert rung.name.nl in text


def test_an_advice_fixed_by_the_kaders_has_no_runner_up_in_either_report(plein):
    advice, rule_set = plein
    fixed = advice.model_copy(update={
        "runner_ups": (), "margin": None, "robustness": "vastgelegd",
        "values": advice.values.model_copy(update={"runner_up": None, "runner_up_rung": None}),
    })
    advised = Labels(rule_set, "nl").rung(advice.recommended)
    md = render_markdown(fixed, rule_set, "Project")
    assert escape_markdown(t("nl", "contributions_single", rung=advised)) in md
    assert escape_markdown(t("nl", "values_single", rung=advised)) in md
    assert t("nl", "col_lead") not in md and t("nl", "score_runner_up") not in md
    text = pdf_text(render_pdf(fixed, rule_set, "Project"))
    assert t("nl", "report_for", rung=advised) in flat(text) and t("nl", "report_against", rung=advised) in flat(text)
    assert t("nl", "robust_vastgelegd") in flat(text)
    assert t("nl", "score_runner_up") not in text.splitlines()


@pytest.mark.parametrize(("margin", "lang", "expected"), [
    (1.5, "nl", "1,5 punten voorsprong op"),  # a Dutch sentence writes a decimal comma
    (1.5, "en", "1.5 points ahead of"),
    (1.0, "nl", "1 punt voorsprong op"),  # not "1 punten"
    (1.0, "en", "1 point ahead of"),
    (2.0, "nl", "2 punten voorsprong op"),
])
def test_the_margin_sentence_writes_numbers_as_people_do(bundled, margin, lang, expected):
    from ladder.engine.advisor import advise
    from ladder.reports.sentences import Labels, margin_sentence

    rule_set = bundled["voorbeeldgemeente"]
    advice = advise(rule_set, MARKTPLEIN.answers).model_copy(update={"margin": margin})
    assert margin_sentence(advice, Labels(rule_set, lang)).startswith(expected)

"""The regels page: each municipality's rules as people read them, the rule-file checker, and the template."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from conftest import BUNDLED, ROOT
from pydantic import ValidationError

from ladder.reports.markdown import escape_markdown
from ladder.reports.sentences import Labels
from ladder.rules.loading import load_rule_set_text, validate_file
from ladder.rules.model import EXTENDS_ONLY, Kader, Option
from ladder.rules.problems import Problem, RuleSetError
from ladder.rules.yaml_source import MAX_BYTES
from ui.charts import rules as charts

TEMPLATE = ROOT / "docs" / "sjabloon-gemeente.yaml"
TEXT_KEY = "regels_check_text"
# Five problems on five lines: an unknown key, a number for text, a point out of range, an unknown option and rung.
BROKEN = (
    "extends: base\n"
    "kleur: blauw\n"
    "version: 1.0\n"
    "weights:\n"
    "  tijd_tot_besluit:\n"
    "    krap:\n"
    "      why: Haast.\n"
    "      adviseren: 9\n"
    "kaders:\n"
    "  - id: k\n"
    "    when: {trait: tijd_tot_besluit, equals: heel_hoog}\n"
    "    min: nergens\n"
    "    reason: Twee fouten.\n"
)


def _table_with(at, column: str) -> pd.DataFrame:
    return next(frame.value for frame in at.dataframe if column in frame.value.columns)


def _texts(at) -> list[str]:
    """Everything the page writes as Markdown (which would render links, HTML entities and formatting)."""
    kinds = ("markdown", "subheader", "success", "error", "warning", "info", "caption", "title", "header")
    return [element.value for kind in kinds for element in at.get(kind)]


# --- the chosen municipality ------------------------------------------------------------------


@pytest.mark.parametrize("municipality", BUNDLED.ids())
def test_every_bundled_municipality_is_shown_as_its_rules_say(open_app, municipality):
    rule_set = BUNDLED.load(municipality)
    at = open_app("regels", gemeente=municipality)
    assert at.subheader[0].value == escape_markdown(rule_set.name.get("nl"))
    summary = dict(_table_with(at, "Onderdeel").to_numpy().tolist())
    assert summary["Versie"] == rule_set.version
    assert summary["Datum"] == rule_set.date.isoformat()
    assert summary["Illustratie"] == ("ja" if rule_set.illustration else "nee")
    assert rule_set.content_hash[:12] in [code.value for code in at.code]
    assert _table_with(at, "Bestand")["Bestand"].tolist() == [source.file for source in rule_set.lineage]
    questions = [expander.label for expander in at.expander]
    assert all(any(escape_markdown(trait.question.get("nl")) in label for label in questions) for trait in rule_set.traits)
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert figure["data"][0]["z"] == charts.weight_table(rule_set, "nl").drop(columns="Waarom").to_numpy().tolist()
    kader_lines = [line for text in _texts(at) for line in text.splitlines() if line.startswith("- Als ")]
    assert len(kader_lines) == len(rule_set.kaders)


def test_the_page_speaks_english_on_request(open_app):
    at = open_app("regels", lang="en")
    assert [tab.label for tab in at.tabs][:4] == ["About these rules", "Questions", "Points", "Frames"]
    assert any(line.startswith("- If ") for text in _texts(at) for line in text.splitlines())
    assert "Part" in _table_with(at, "Value").columns


def test_an_illustration_shows_its_disclaimer(open_app):
    rule_set = BUNDLED.load("leusden")
    at = open_app("regels", gemeente="leusden")
    assert escape_markdown(rule_set.disclaimer.get("nl")) in at.warning[0].value


def test_rule_set_texts_are_shown_literally_and_only_web_addresses_are_links(open_app, bundle_municipality):
    sources = bundle_municipality(
        "extends: base\n"
        "name: '<script>alert(1)</script> **vet** [klik](https://kwaad.example)'\n"
        "escalation: '$x^2$ :material/home: <b>vet</b>'\n"
        "policy_references:\n"
        "  - {title: Verordening, url: 'https://www.example.org/verordening?a=1&b=2'}\n"
        "  - {title: Intranet, url: 'javascript:alert(1)'}\n"
    )
    at = open_app("regels", sources=sources, gemeente="proefgemeente")
    shown = "\n".join(_texts(at))
    assert "<script>" not in shown and "**vet**" not in shown and "[klik](" not in shown and "$x^2$" not in shown
    assert at.subheader[0].value == escape_markdown("<script>alert(1)</script> **vet** [klik](https://kwaad.example)")
    assert [button.proto.url for button in at.get("link_button")] == ["https://www.example.org/verordening?a=1&b=2"]
    assert "javascript:alert(1)" in [text.value for text in at.text]


# --- checking a rule file ---------------------------------------------------------------------


def test_a_valid_pasted_rule_set_is_in_order(open_app):
    text = (ROOT / "municipalities" / "leusden.yaml").read_text(encoding="utf-8")
    at = open_app("regels")
    at.text_area(key=TEXT_KEY).input(text).run()
    assert not at.exception
    assert at.success[0].value == "In orde: deze regels kunnen worden gebruikt."
    summary = _checked_summary(at)
    assert summary["Kenmerk"] == BUNDLED.load("leusden").content_hash[:12]
    assert summary["Treden"] == "7"  # v2: the base's seven; Leusden no longer adds samenleving_zonder_gemeente
    assert not at.error


def _checked_summary(at) -> dict[str, str]:
    tables = [frame.value for frame in at.dataframe if "Onderdeel" in frame.value.columns]
    assert len(tables) == 2, "the chosen municipality's summary and the checked one's"
    return dict(tables[1].to_numpy().tolist())


@pytest.mark.parametrize(("lang", "heading", "column"), [("nl", "Niet in orde: er zijn 5 problemen", "Wat er mis is"),
                                                        ("en", "Not OK: 5 problems", "What is wrong")])
def test_a_broken_pasted_rule_set_shows_every_problem_with_its_line(open_app, lang, heading, column):
    with pytest.raises(RuleSetError) as raised:
        load_rule_set_text(BROKEN, "x.yaml")
    at = open_app("regels", lang=lang)
    at.text_area(key=TEXT_KEY).input(BROKEN).run()
    assert not at.exception
    assert at.error[0].value.startswith(heading)
    table = _table_with(at, column)
    assert table.iloc[:, 0].tolist() == [2, 3, 8, 11, 12]
    assert table[column].tolist() == [p.message(lang) for p in raised.value.problems]
    assert "'heel_hoog'" in table[column].iloc[3]  # an unknown answer to a v2 question, not an unknown question
    english = [p.message("en") for p in raised.value.problems]
    assert (table[column].tolist() == english) == (lang == "en")
    assert "Bestand" not in table.columns and "File" not in table.columns


def test_pasted_titles_with_html_or_markdown_are_shown_literally(open_app):
    title = "<script>alert('x')</script> # Kop **vet** [link](https://kwaad.example) $x$"
    at = open_app("regels")
    at.text_area(key=TEXT_KEY).input(f"extends: base\nname: {json.dumps(title)}\n").run()
    assert at.success
    assert _checked_summary(at)["Naam"] == title
    shown = "\n".join(_texts(at))
    assert "<script>" not in shown and "kwaad.example" not in shown


@pytest.mark.parametrize(("text", "said"), [
    ("extends: base\ndate: 2026-13-45\n", "geen geldige YAML"),
    ("extends: base\nversion: !!float abc\n", "geen geldige YAML"),
    ("extends: base\nname: " + "[" * 3000 + "]" * 3000 + "\n", "te diep genest: meer dan 32"),
])
def test_text_the_reader_chokes_on_gives_a_message_not_a_traceback(open_app, text, said):
    at = open_app("regels")
    at.text_area(key=TEXT_KEY).input(text).run()
    assert not at.exception
    assert any(said in c.value for c in at.code)


def _upload(at, name: str, data: bytes):
    at.get("file_uploader")[0].set_value((name, data, "application/x-yaml")).run()
    assert not at.exception
    return at


def test_a_valid_uploaded_file_is_in_order(open_app):
    data = (ROOT / "municipalities" / "maashorst.yaml").read_bytes()
    at = _upload(open_app("regels"), "maashorst.yml", data)
    assert at.success[0].value == "In orde: deze regels kunnen worden gebruikt."
    assert _checked_summary(at)["Kenmerk"] == BUNDLED.load("maashorst").content_hash[:12]


def test_an_upload_over_one_megabyte_is_refused_before_it_is_read(open_app):
    data = b"extends: base\n# " + b"x" * MAX_BYTES + b"\n"
    at = _upload(open_app("regels"), "groot.yaml", data)
    assert at.error[0].value == "Niet in orde: er is 1 probleem gevonden."
    [message] = _table_with(at, "Wat er mis is")["Wat er mis is"].tolist()
    assert message == f"het bestand is {len(data):,} bytes; er worden hoogstens 1.000.000 bytes gelezen".replace(",", ".")


def test_an_upload_that_is_not_utf8_gives_a_message(open_app):
    at = _upload(open_app("regels", lang="en"), "latin.yaml", "extends: base\nname: café\n".encode("latin-1"))
    [message] = _table_with(at, "What is wrong")["What is wrong"].tolist()
    assert message == "expected UTF-8 text, found bytes that are not UTF-8"


def test_an_uploaded_file_name_is_shown_literally(open_app):
    at = _upload(open_app("regels"), "**vet** <b>.yaml", b"extends: base\n")
    assert "Uitkomst voor het bestand " + escape_markdown("**vet** <b>.yaml") in [s.value for s in at.subheader]


# --- the template -----------------------------------------------------------------------------


def test_the_template_can_be_downloaded(open_app):
    at = open_app("regels")
    [button] = at.get("download_button")
    assert button.proto.label == "Sjabloon downloaden"
    assert TEMPLATE.read_text(encoding="utf-8").rstrip("\n") in [code.value for code in at.code]


def test_the_template_is_a_valid_rule_set():
    assert validate_file(TEMPLATE) == []


def _examples_switched_on(text: str) -> str:
    """The template with every commented example in use: a block starts at `# key:` and goes on while indented."""
    lines, in_example = [], False
    for line in text.splitlines():
        if re.match(r"# [a-z_]+:", line):
            in_example = True
        elif not line.startswith("#  "):
            in_example = False
        lines.append(line[2:] if in_example else line)
    return "\n".join(lines) + "\n"


def test_the_template_examples_are_valid_together():
    with_examples = _examples_switched_on(TEMPLATE.read_text(encoding="utf-8"))
    rule_set = load_rule_set_text(with_examples, "sjabloon_gemeente.yaml")
    # v2: the example switches off besluit_genomen (uitdaagrecht is no longer a question but an option of formeel_recht)
    assert "samen_onderzoeken" in rule_set.rung_ids() and "besluit_genomen" in rule_set.disabled_traits
    assert "besluit_al_genomen" not in {check.id for check in rule_set.preconditions.pre}  # switched off with it


# Verbs that change a section the base must have; the template shows them once the bundled base has that section
# (model v2 has them all: validation/model-v2/sjabloon-gemeente.yaml).
NEEDS_SECTION = {"phase_points": "phases", "disable_preconditions": "preconditions", "add_role_needs": "role_needs",
                 "disable_role_needs": "role_needs", "disable_rights": "rights", "disable_support": "support"}


def _has_section(value) -> bool:
    """Whether the base fills a section: not absent, not empty (a section with required fields is filled when given)."""
    if value in (None, ()):
        return False
    try:
        return value != type(value)()
    except ValidationError:
        return True


def test_the_template_shows_every_section_a_municipality_may_use(base):
    text = _examples_switched_on(TEMPLATE.read_text(encoding="utf-8"))
    has = {verb for verb, section in NEEDS_SECTION.items() if _has_section(getattr(base, section))}
    assert has == set(NEEDS_SECTION)  # model v2 has every section, so the template must show every verb
    verbs = [v for v in EXTENDS_ONLY if v not in NEEDS_SECTION or v in has]
    optional = ("name", "description", "version", "date", "status", "illustration", "disclaimer", "sources", "contacts",
                "escalation", "policy_references", "robustness", "weights", "kaders", "werkvormen", "guidance", *verbs)
    missing = [key for key in optional if not re.search(rf"^{key}:", text, re.MULTILINE)]
    assert missing == []


# --- the pure parts -----------------------------------------------------------------------------

IF = {"nl": "Als", "en": "If"}
# v2: the time until the decision (v1 urgentie); "krap" is v1's hoog, "gemiddeld" and "ruim" are v1's midden and laag
KRAP = {"nl": 'Tijd tot het besluit is "Minder dan 3 maanden, ook bij een korte wettelijke termijn"',
        "en": 'Time until the decision is "Less than 3 months, also with a short legal deadline"'}
KRAP_WHEN = {"trait": "tijd_tot_besluit", "equals": "krap"}


@pytest.mark.parametrize(
    ("when", "lang", "words"),
    [
        (KRAP_WHEN, "nl", KRAP["nl"]),
        (KRAP_WHEN, "en", KRAP["en"]),
        ({"trait": "tijd_tot_besluit", "equals": "onbekend"}, "nl", 'Tijd tot het besluit is "weet ik niet"'),
        ({"trait": "tijd_tot_besluit", "in": ["gemiddeld", "ruim"]}, "nl",
         'Tijd tot het besluit is "3 tot 6 maanden" of "Meer dan 6 maanden"'),
        ({"not": {"trait": "tijd_tot_besluit", "in": ["gemiddeld", "ruim"]}}, "nl",
         'Tijd tot het besluit is niet "3 tot 6 maanden" en niet "Meer dan 6 maanden"'),
        ({"not": KRAP_WHEN}, "en",
         'Time until the decision is not "Less than 3 months, also with a short legal deadline"'),
        ({"all": [KRAP_WHEN, {"trait": "conflict", "equals": "laag"}]}, "nl", f'{KRAP["nl"]} en Onenigheid is "Laag"'),
        ({"any": [KRAP_WHEN, {"trait": "conflict", "equals": "laag"}]}, "en", f'{KRAP["en"]} or Disagreement is "Low"'),
        ({"all": [KRAP_WHEN,
                  {"any": [{"trait": "conflict", "equals": "hoog"}, {"trait": "conflict", "equals": "midden"}]}]}, "nl",
         f'{KRAP["nl"]} en (Onenigheid is "Hoog" of Onenigheid is "Midden")'),
        ({"all": [KRAP_WHEN, {"any": [{"trait": "conflict", "equals": "hoog"}]}]}, "nl",
         f'{KRAP["nl"]} en Onenigheid is "Hoog"'),
        ({"not": {"all": [KRAP_WHEN, {"trait": "conflict", "equals": "laag"}]}}, "nl",
         f'niet ({KRAP["nl"]} en Onenigheid is "Laag")'),
        # a question with several answers reads the same way
        ({"trait": "vastgelegd_door", "equals": "wet_of_norm"}, "nl",
         'Waardoor het vastligt is "Een wet of een landelijke norm"'),
    ],
)
def test_a_kader_condition_reads_as_words(base, when, lang, words):
    kader = Kader.model_validate({"id": "k", "when": when, "max": "adviseren", "reason": {"nl": "Reden.", "en": "Reason."}})
    effect = {"nl": "dan hoogstens Adviseren: Reden.", "en": "then at most Advise: Reason."}[lang]
    assert charts.kader_sentence(kader, base, lang) == f"{IF[lang]} {words}, {effect}"


@pytest.mark.parametrize(
    ("effect", "lang", "sentence"),
    [
        ({"min": "raadplegen"}, "nl", f'Als {KRAP["nl"]}, dan minstens Raadplegen: Reden.'),
        ({"exclude": ["meebeslissen", "zelfbeheer"]}, "nl",
         f'Als {KRAP["nl"]}, dan niet Meebeslissen en Zelfbeheer: Reden.'),
        ({"exclude": ["coproduceren"]}, "en",
         f'If {KRAP["en"]}, then not Co-produce (making together, co-creation): Reason.'),
        ({"warning": True}, "en", f'If {KRAP["en"]}, then a warning: Reason.'),
    ],
)
def test_a_kader_sentence_names_its_effect(base, effect, lang, sentence):
    kader = Kader.model_validate({"id": "k", "when": KRAP_WHEN, **effect, "reason": {"nl": "Reden.", "en": "Reason."}})
    assert charts.kader_sentence(kader, base, lang) == sentence


def test_a_kader_limited_to_phases_says_in_which(bundled):
    """Maashorst's floor holds only when the project joins at the agenda phase; the sentence must not say always."""
    maashorst = bundled["maashorst"]
    kader = next(k for k in maashorst.kaders if k.id == "vroeg_en_open_minstens_advies")
    agenda = Labels(maashorst, "nl").answer("fase", "agenda")
    assert f', in de fase "{agenda}", dan minstens Adviseren:' in charts.kader_sentence(kader, maashorst, "nl")
    assert ", in the phase " in charts.kader_sentence(kader, maashorst, "en")


@pytest.mark.parametrize("municipality", ["voorbeeldgemeente", "leusden"])
def test_the_weight_table_holds_the_points_the_engine_adds(municipality):
    rule_set = BUNDLED.load(municipality)
    table = charts.weight_table(rule_set, "nl")
    expected = {
        (rule_set.trait(trait_id).short_name("nl"), option_id, rung.name.get("nl")): answer.points.get(rung.id, 0.0)
        for trait_id, answers in rule_set.weights.items() for option_id, answer in answers.items() for rung in rule_set.rungs
    }
    labels = {f"{trait.short_name('nl')}: {o.label.get('nl')}": (trait.short_name("nl"), o.id)
              for trait in rule_set.traits for o in trait.options}
    shown = {(*labels[answer], rung): table.loc[answer, rung] for answer in table.index for rung in table.columns[:-1]}
    assert shown == expected


def test_a_weight_factor_is_shown_with_its_why():
    table = charts.weight_table(BUNDLED.load("leusden"), "nl")
    # v2: bestaand_initiatief is bestaande_netwerken; Leusden still doubles it (3 points in the base)
    why = table.loc["Bestaande groepen en netwerken: Ja", "Waarom"]
    assert "(weegt hier 2× zo zwaar: Samenleving Voorop" in why
    assert table.loc["Bestaande groepen en netwerken: Ja", "Overheidsparticipatie: de gemeente doet mee"] == 6.0


def test_the_heatmap_shows_the_table_numbers_in_every_cell():
    table = charts.weight_table(BUNDLED.load("leusden"), "nl")
    figure = charts.weights_heatmap(table, "nl")
    points = table.drop(columns="Waarom")
    assert [list(row) for row in figure.data[0].z] == points.to_numpy().tolist()
    assert [list(row) for row in figure.data[0].text] == [[charts.number_text(v, "nl") for v in row] for row in points.to_numpy()]
    assert (figure.data[0].zmin, figure.data[0].zmid, figure.data[0].zmax) == (-5, 0, 5)
    assert list(figure.data[0].y) == list(points.index)


def test_heatmap_labels_are_escaped_for_plotly():
    table = pd.DataFrame({"<b>Trede</b>": [1.0], "Waarom": ["x"]}, index=["<a href='x'>Vraag</a>: ja"])
    figure = charts.weights_heatmap(table, "nl")
    assert list(figure.data[0].x) == ["&lt;b&gt;Trede&lt;/b&gt;"]
    assert "<a" not in figure.data[0].y[0]


@pytest.mark.parametrize(("value", "lang", "text"), [(1.5, "nl", "1,5"), (1.5, "en", "1.5"), (-0.0, "nl", "0"),
                                                     (2.0, "nl", "2"), (0.75, "nl", "0,75"), (-4.0, "en", "-4")])
def test_numbers_are_written_as_people_write_them(value, lang, text):
    assert charts.number_text(value, lang) == text


@pytest.mark.parametrize(
    ("url", "link"),
    [("https://www.example.org/a?b=1", "https://www.example.org/a?b=1"), ("http://example.org", "http://example.org"),
     ("javascript:alert(1)", None), ("data:text/html,x", None), ("intranet/beleid.pdf", None), ("https://", None),
     (None, None)],
)
def test_only_web_addresses_become_links(url, link):
    assert charts.web_link(url) == link


def test_the_problem_table_names_the_file_only_when_problems_span_several_files():
    one = [Problem("a.yaml", 2, "name", "key_unknown", {"name": "x"}), Problem("a.yaml", None, "", "file_not_found")]
    table = charts.problem_table(one, "nl")
    assert list(table.columns) == ["Regel", "Plek", "Wat er mis is"]
    assert table["Wat er mis is"].tolist() == ["onbekende sleutel 'x'", "het bestand is niet gevonden"]
    assert pd.isna(table["Regel"].iloc[1])
    two = [*one, Problem("b.yaml", 1, "", "file_not_found")]
    assert list(charts.problem_table(two, "en").columns) == ["File", "Line", "Place", "What is wrong"]


def test_the_answers_get_an_explanation_column_only_when_one_has_an_explanation(base):
    without = charts.options_table(base.trait("complexiteit"), "nl")  # v2: a question without help on its answers
    assert without.to_dict("list") == {"Antwoord": ["Laag", "Midden", "Hoog"]}
    trait = base.trait("complexiteit").model_copy(update={"options": (
        Option.model_validate({"id": "laag", "label": "Laag", "help": {"nl": "Eén vraag.", "en": "One question."}}),
        *base.trait("complexiteit").options[1:],
    )})
    assert charts.options_table(trait, "en")["Explanation"].tolist() == ["One question.", "", ""]
    helped = charts.options_table(base.trait("initiatiefnemer"), "nl")  # v2 explains some initiators
    assert list(helped.columns) == ["Antwoord", "Uitleg"] and "" in helped["Uitleg"].tolist()

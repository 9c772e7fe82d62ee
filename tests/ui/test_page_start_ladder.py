"""The Start page and De ladder page: what they show, the method filters, the charts and their tables."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from conftest import BUNDLED

from ladder.reports.markdown import escape_markdown
from ladder.rules.model import VALUES
from ladder.text import WORD_JOINER
from ui.charts import catalogue as charts
from ui.charts.style import escape_table
from ui.texts import ladder_page, start

BLOCKS = {
    "nl": ["Werk met wat er is", "Het gaat iedereen aan", "Eis vooraf geen zekerheid",
           "De gemeente is een lerende organisatie", "Gemeenschap bouwen hoort bij ieders werk"],
    "en": ["Work with what is there", "It concerns everyone", "Demand no certainty up front",
           "The municipality is a learning organisation", "Building community is part of everyone's job"],
}
ILLUSTRATION = {"nl": "geen beleid", "en": "not policy"}


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def _in_order(node) -> list:
    """Every element below a node, in page order (AppTest's typed lists lose the order across blocks)."""
    children = getattr(node, "children", None)
    if not children:
        return [node]
    return [leaf for child in children.values() for leaf in _in_order(child)]


def _charts_with_next_table(at) -> list[tuple[dict, pd.DataFrame]]:
    elements = _in_order(at.main)
    pairs = []
    for i, element in enumerate(elements):
        if element.type == "plotly_chart":
            table = next(e for e in elements[i + 1:] if e.type in ("arrow_data_frame", "dataframe"))
            pairs.append((json.loads(element.proto.spec), table.value))
    return pairs


def _methods_shown(at) -> list[str]:
    """Names in the methods table: the one data table with a description column."""
    name, description = ladder_page.TEXTS["nl"]["ladder_col_method"], ladder_page.TEXTS["nl"]["ladder_col_description"]
    table = next(d.value for d in at.dataframe if description in d.value.columns)
    return table[name].tolist()


@pytest.mark.parametrize("catalogue", [start, ladder_page], ids=["start", "ladder_page"])
def test_a_page_catalogue_owns_only_keys_with_its_prefix(catalogue):
    # both languages hold the same keys: tests/test_texts.py checks every catalogue
    prefix = "start_" if catalogue is start else "ladder_"
    assert all(key.startswith(prefix) for key in catalogue.TEXTS["nl"])


# --- Start ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_start_shows_the_five_building_blocks_and_the_illustration_note(open_app, lang):
    at = open_app("start", lang=lang)
    shown = _markdown(at)
    for number, title in enumerate(BLOCKS[lang], 1):
        assert f"**{number}. {title}**" in shown
    assert ILLUSTRATION[lang] in at.info[0].value


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_start_links_to_every_page(open_app, lang):
    at = open_app("start", lang=lang)
    first, *links = [(link.proto.page, link.proto.label) for link in at.get("page_link")]
    assert first == ("advies", start.TEXTS[lang]["start_begin"])  # the first thing on the page
    assert [page for page, _ in links] == ["advies", "de_ladder", "regels", "werkgroep", "register", "plan",
                                           "vergelijken", "portfolio", "netwerk"]
    assert [label for _, label in links] == [start.TEXTS[lang][f"start_link_{k}"] for k in (
        "advies", "ladder", "regels", "werkgroep", "register", "plan", "vergelijken", "portfolio", "netwerk")]


# --- De ladder: rungs, crosswalk, roles -----------------------------------------------------------------

@pytest.mark.parametrize("municipality", BUNDLED.ids())
def test_ladder_shows_every_rung_with_its_details(open_app, municipality):
    rule_set = BUNDLED.load(municipality)
    at = open_app("de_ladder", gemeente=municipality)
    labels = [e.label for e in at.expander]
    assert labels == [escape_markdown(f"Trede {n}: {r.name.nl}") for n, r in enumerate(rule_set.rungs, 1)]
    for expander, rung in zip(at.expander, rule_set.rungs, strict=True):
        inside = "\n".join(m.value for m in expander.markdown)
        for text in (rung.description, rung.stance, rung.role, rung.promise, rung.commitment, *rung.pitfalls):
            assert escape_markdown(text.nl) in inside
        for value in VALUES:
            rating = getattr(rung.values, value)
            assert f"{rating.score}**. {escape_markdown(rating.why.nl)}" in inside
        assert escape_markdown(rung.crosswalk.arnstein) in inside


def test_leusden_shows_its_own_name_for_a_rung(open_app):
    # v2: Leusden no longer adds the rung "society without the municipality" (that extreme is the role loslaten);
    # it names the top rung in its own words, and the page uses them
    at = open_app("de_ladder", gemeente="leusden", lang="en")
    own = "Government participation: the municipality joins in"
    assert own != BUNDLED.load("voorbeeldgemeente").rung("overheidsparticipatie").name.en
    assert at.expander[-1].label == f"Rung 7: {own}"
    assert own in at.table[0].value.iloc[:, 0].tolist()
    assert "**Let go**" in _markdown(at)


@pytest.mark.parametrize("municipality", BUNDLED.ids())
def test_ladder_shows_the_crosswalk_of_all_rungs(open_app, municipality):
    rule_set = BUNDLED.load(municipality)
    at = open_app("de_ladder", gemeente=municipality)
    crosswalk = at.table[0].value
    expected = [[escape_markdown(s) for s in (r.name.nl, r.crosswalk.iap2, r.crosswalk.arnstein, r.crosswalk.klassieke_ladder)]
                for r in rule_set.rungs]
    assert crosswalk.to_numpy().tolist() == expected


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_ladder_shows_the_roles_of_the_overheidsparticipatietrap(open_app, lang):
    rule_set = BUNDLED.load("voorbeeldgemeente")
    at = open_app("de_ladder", lang=lang)
    shown = _markdown(at)
    assert [r.id for r in rule_set.roles] == ["loslaten", "faciliteren", "stimuleren", "regisseren", "reguleren"]
    for role in rule_set.roles:
        assert f"**{escape_markdown(role.name.get(lang))}**" in shown
        assert escape_markdown(role.description.get(lang)) in shown
        assert escape_markdown(role.fits_when.get(lang)) in shown


# --- De ladder: working methods --------------------------------------------------------------------------

def test_method_filters_have_dutch_placeholders(open_app):
    at = open_app("de_ladder")
    placeholders = [m.placeholder for m in at.multiselect]
    assert placeholders == ["Alle treden", "Alle schalen", "Alle groepen", "Alle kosten", "Elke duur"]


def test_without_filters_every_method_is_shown(open_app):
    rule_set = BUNDLED.load("voorbeeldgemeente")
    at = open_app("de_ladder")
    assert _methods_shown(at) == [m.name.nl for m in rule_set.werkvormen]


def test_filtering_narrows_the_methods_table_and_its_chart(open_app):
    rule_set = BUNDLED.load("voorbeeldgemeente")
    at = open_app("de_ladder")
    at.multiselect(key="ladder_filter_kosten:voorbeeldgemeente").set_value(["hoog"])
    at.multiselect(key="ladder_filter_rungs:voorbeeldgemeente").set_value(["adviseren", "meebeslissen"])
    at.run()
    expected = [m.name.nl for m in rule_set.werkvormen
                if m.kosten == "hoog" and {"adviseren", "meebeslissen"} & set(m.rungs)]
    assert 0 < len(expected) < len(rule_set.werkvormen)
    assert _methods_shown(at) == expected
    spec, table = _charts_with_next_table(at)[1]
    assert spec["data"][0]["y"] == expected == table.iloc[:, 0].tolist()
    assert f"{len(expected)} van de {len(rule_set.werkvormen)} werkvormen" in _markdown(at)


def test_a_filter_that_matches_nothing_says_so_and_draws_no_chart(open_app):
    at = open_app("de_ladder")
    at.multiselect(key="ladder_filter_rungs:voorbeeldgemeente").set_value(["informeren"])
    at.multiselect(key="ladder_filter_duur:voorbeeldgemeente").set_value(["lang"])
    at.multiselect(key="ladder_filter_groepsgrootte:voorbeeldgemeente").set_value(["klein"])
    at.run()
    assert not at.exception
    assert at.warning[0].value == ladder_page.TEXTS["nl"]["ladder_methods_none"]
    assert len(at.get("plotly_chart")) == 1


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_chart_has_a_table_with_the_same_numbers_a_title_and_an_alt_text(open_app, lang):
    at = open_app("de_ladder", gemeente="leusden", lang=lang)
    pairs = _charts_with_next_table(at)
    assert len(pairs) == 2
    for spec, table in pairs:
        heatmap = spec["data"][0]
        assert heatmap["z"] == table.iloc[:, 1:].to_numpy().tolist()
        assert heatmap["y"] == table.iloc[:, 0].tolist()
        assert heatmap["x"] == table.columns[1:].tolist()
        assert heatmap["texttemplate"] == "%{z}"  # the numbers are printed on the chart
        assert spec["layout"]["title"]["text"]
    assert all(chart.proto.alt for chart in at.get("plotly_chart"))


# --- The pure module -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def example():
    return BUNDLED.load("voorbeeldgemeente")


def test_rung_values_table_holds_each_rungs_scores(example):
    table = charts.rung_values_table(example, "en")
    assert table.columns.tolist() == ["Rung", "Inclusion", "Influence", "Ownership", "Deliberation", "Legitimacy"]
    assert table.iloc[:, 0].tolist() == [r.name.en for r in example.rungs]
    assert table.iloc[:, 1:].to_numpy().tolist() == [[getattr(r.values, v).score for v in VALUES] for r in example.rungs]


def test_the_heatmap_draws_its_table_with_numbers_on_a_fixed_0_to_4_scale(example):
    table = charts.method_values_table(example.werkvormen[:3], "nl")
    figure = charts.score_heatmap(table, "Titel", "nl")
    heatmap = figure.data[0]
    assert list(heatmap.z) == [list(row) for row in table.iloc[:, 1:].to_numpy()]
    assert list(heatmap.y) == [m.name.nl for m in example.werkvormen[:3]]
    assert (heatmap.zmin, heatmap.zmax) == (0, 4)
    assert heatmap.texttemplate == "%{z}"
    assert figure.layout.title.text == "Titel"
    assert figure.layout.yaxis.autorange == "reversed"  # first row of the table on top


def test_the_heatmap_grows_with_its_rows(example):
    small = charts.score_heatmap(charts.method_values_table(example.werkvormen[:2], "nl"), "t", "nl")
    large = charts.score_heatmap(charts.method_values_table(example.werkvormen, "nl"), "t", "nl")
    assert large.layout.height > small.layout.height


def test_an_empty_filter_keeps_every_method_and_each_field_narrows(example):
    methods = example.werkvormen
    assert charts.filter_methods(methods, charts.MethodFilter()) == list(methods)
    for field, value in (("rungs", "zelfbeheer"), ("schaal", "regio"), ("groepsgrootte", "klein"), ("kosten", "laag"),
                         ("duur", "kort")):
        kept = charts.filter_methods(methods, charts.MethodFilter(**{field: (value,)}))
        assert 0 < len(kept) < len(methods), field
        for method in kept:
            has = getattr(method, field)
            assert value in (has if isinstance(has, tuple) else (has,)), (field, method.id)


def test_choices_within_one_field_widen_and_fields_combine(example):
    methods = example.werkvormen
    one = charts.filter_methods(methods, charts.MethodFilter(kosten=("laag",)))
    two = charts.filter_methods(methods, charts.MethodFilter(kosten=("laag", "hoog")))
    both = charts.filter_methods(methods, charts.MethodFilter(kosten=("laag",), duur=("lang",)))
    assert len(one) < len(two)
    assert both == [m for m in one if m.duur == "lang"]


def test_methods_table_names_rungs_scales_and_attributes_in_words(example):
    method = next(m for m in example.werkvormen if m.id == "informatieavond")
    row = charts.methods_table([method], example, "nl").iloc[0].tolist()
    assert row == ["Informatieavond", "Informeren, Raadplegen", "Buurt, Wijk of dorp, Hele gemeente",
                   "Groot", "Laag", "Kort", method.description.nl]


def test_scale_options_follow_the_question_order(example):
    assert charts.scale_options(example) == ["straat", "buurt", "wijk_dorp", "gemeente", "regio"]


def test_escape_table_keeps_markdown_from_rule_sets_literal():
    table = pd.DataFrame({"Trede [x](javascript:alert(1))": ["**vet** ![img](http://x/y.png) $a$"]})
    escaped = escape_table(table)
    assert escaped.columns[0] == r"Trede \[x\](javascript:alert(1))"
    assert escaped.iloc[0, 0] == r"\*\*vet\*\* !\[img\](http:" + WORD_JOINER + r"//x/y.png) \$a\$"


def test_escape_table_escapes_each_distinct_text_as_escaping_cell_by_cell_did():
    # The oracle is the old way, DataFrame.map over every cell; mixed types, repeats, links and gaps read the same
    table = pd.DataFrame({"Vraag | *nu*": ["[a](javascript:x)", "- lijst", "[a](javascript:x)", "www.x.nl"],
                          "Punten": [1, 2, 3, 4], "Score": [0.5, float("nan"), -1.25, 2.0],
                          "Datum": [dt.date(2026, 1, 1), None, dt.date(2026, 1, 1), None],
                          "Vraag | *nu* ": [True, False, True, False]}, index=[3, 1, 2, 0])
    oracle = table.map(lambda cell: escape_markdown(str(cell)))
    oracle.columns = [escape_markdown(str(c)) for c in table.columns]
    pd.testing.assert_frame_equal(escape_table(table), oracle)
    empty = pd.DataFrame({"*a*": [], "b": []})
    assert list(escape_table(empty).columns) == [r"\*a\*", "b"] and escape_table(empty).empty


def test_table_height_fits_every_row():
    assert charts.table_height(10) - charts.table_height(9) == 35
    assert charts.table_height(0) > 0

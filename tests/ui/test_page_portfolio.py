"""The Portfolio page: the example or an upload, the frameworks to compare, skipped rows, charts with their
tables, downloads, and Dutch and English. Plus the page's charts, which must say what their tables say."""

from __future__ import annotations

import json

import pytest
from conftest import BUNDLED, ROOT, golden_answers

from ladder.analysis.portfolio import agreement, distribution, score_file
from ladder.text import WORD_JOINER
from ui.charts import portfolio as charts

EXAMPLE = ROOT / "examples" / "portfolio.csv"
# Tests of the page's workings score a small table of their own (the golden projects, in v2 questions): the
# bundled example is regenerated now and then, and only the tests of the example itself read it.
PROJECTS = {
    "Wegonderhoud": golden_answers("01"),
    "Herinrichting plein": golden_answers("04"),
    "Buurtbudget": golden_answers("05"),
    "Energiecoöperatie": golden_answers("07"),
    "Dorpshuis overnemen": golden_answers("12"),
    "Noodopvang": golden_answers("13"),
    # safety norms leave only details open: Amersfoort caps this at adviseren, the others advise coproduceren
    "Speeltuin volgens de normen": {**golden_answers("11"), "beleidsruimte": "beperkt", "vastgelegd_door": ["veiligheid"]},
    # an existing group in the neighbourhood: Leusden weighs that twice
    "Speeltuin met de buurtvereniging": {**golden_answers("11"), "bestaande_netwerken": "ja"},
}
UPLOAD = "pf_upload_widget"
FRAMEWORKS = "pf_frameworks_widget"
SOURCE = "pf_source_widget"


def upload(at, content: str | bytes, name: str = "mijn-projecten.csv"):
    data = content.encode("utf-8") if isinstance(content, str) else content
    at.file_uploader(key=UPLOAD).set_value((name, data, "text/csv"))
    at.run()
    assert not at.exception, at.exception
    return at


def projects_table(projects: dict[str, dict] = PROJECTS) -> str:
    """Projects as a portfolio file has them: one row each, `;` between columns, `+` between several answers."""
    traits = list(dict.fromkeys(trait for answers in projects.values() for trait in answers))
    lines = [";".join(["project", *traits])]
    for name, answers in projects.items():
        cells = [answers.get(trait, "onbekend") for trait in traits]
        lines.append(";".join([name, *("+".join(c) if isinstance(c, list) else c for c in cells)]))
    return "\n".join(lines) + "\n"


@pytest.fixture
def projects_file(tmp_path):
    path = tmp_path / "projecten.csv"
    path.write_text(projects_table(), encoding="utf-8")
    return path


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def figures(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def test_without_a_file_the_page_says_what_to_do(open_app):
    at = open_app("portfolio")
    assert [h.value for h in at.header] == ["1. Uw projecten", "2. Welke regels?"]
    assert "Kies een bestand, of kies het voorbeeld." in [i.value for i in at.info]
    assert at.multiselect(key=FRAMEWORKS).value == ["voorbeeldgemeente"]  # the sidebar's choice
    assert any("tot 1 MB" in c.value or "MB groot" in c.value for c in at.caption)  # the upload limit is stated


def test_the_example_is_scored_with_charts_tables_and_no_skipped_rows(open_app):
    at = open_app("portfolio")
    at.radio(key=SOURCE).set_value("example").run()
    assert metrics(at) == {"Gescoorde projecten": "240", "Overgeslagen regels": "0", "Gekozen regels": "1"}
    assert "Alle regels zijn gescoord." in [m.value for m in at.markdown]
    bars = figures(at)[0]
    # nine example projects are first explorations with too few answers: counted apart, below the lowest rung
    assert [trace["name"] for trace in bars["data"]][:3] == ["Te weinig bekend", "Informeren", "Raadplegen"]
    assert sum(sum(trace["x"]) for trace in bars["data"]) == 240
    assert len(at.table) >= 1  # the distribution's table right under the chart
    assert "Kies minstens twee gemeenten om ze te vergelijken." in [i.value for i in at.info]


def test_choosing_frameworks_compares_them(open_app, projects_file):
    at = upload(open_app("portfolio"), projects_file.read_bytes(), projects_file.name)
    assert metrics(at)["Gescoorde projecten"] == str(len(PROJECTS))
    at.multiselect(key=FRAMEWORKS).set_value(["amersfoort", "leusden", "noordoost_brabant"]).run()
    assert not at.exception
    assert metrics(at)["Gekozen regels"] == "3"
    heatmap = figures(at)[1]["data"][0]
    assert heatmap["type"] == "heatmap" and len(heatmap["z"]) == 3 and heatmap["z"][0][0] == 1
    assert all(cell.endswith("%") for row in heatmap["text"] for cell in row)
    shown = [df.value for df in at.dataframe]
    worst = next(df for df in shown if "Aantal verschillende adviezen" in df.columns and len(df) <= 20)
    assert worst["Aantal verschillende adviezen"].iloc[0] >= 2
    assert set(worst["Project"].iloc[:2]) == {"Speeltuin volgens de normen", "Speeltuin met de buurtvereniging"}


def test_at_most_five_frameworks(open_app):
    at = open_app("portfolio")
    assert at.multiselect(key=FRAMEWORKS).proto.max_selections == 5
    options = at.multiselect(key=FRAMEWORKS).options  # shown by name
    assert len(options) == len(BUNDLED.ids()) and "Leusden (illustratie): Samenleving Voorop" in options


def test_an_upload_with_bad_rows_lists_them_and_scores_the_rest(open_app):
    at = upload(open_app("portfolio"), "project;ingrijpendheid;opmerking\nGoed;hoog;x\nFout;3;y\n\nOok goed;Laag;\n")
    assert metrics(at)["Gescoorde projecten"] == "2" and metrics(at)["Overgeslagen regels"] == "1"
    bad = next(df.value for df in at.dataframe if "Reden" in df.value.columns)
    assert bad.to_dict("records") == [{"Regel": 3, "Project": "Fout", "Reden": (
        "Kolom 'ingrijpendheid': een getal (3) waar een antwoord verwacht wordt. Kies uit: laag, midden, hoog of onbekend.")}]
    notices = "\n".join(i.value for i in at.info)
    assert "niet gebruikt: opmerking" in notices and "lege regel(s) overgeslagen: 4" in notices


def test_a_file_that_cannot_be_used_shows_why_without_a_traceback(open_app):
    at = upload(open_app("portfolio"), "project;ingrijpendheid\nEnergieco\u00f6peratie;hoog\n".encode("cp1252"))
    assert "Dit bestand kan niet worden gebruikt." in [e.value for e in at.error]
    assert "geen UTF-8" in at.text[0].value


def test_user_text_is_shown_as_text(open_app):
    at = upload(open_app("portfolio"), "project;ingrijpendheid;**vet** [link](http://x)\n<b>Plein</b>;hoog;\n")
    notices = "\n".join(i.value for i in at.info)
    assert r"\*\*vet\*\* \[link\](http:" + WORD_JOINER + "//x)" in notices  # escaped, and no link
    results = next(df.value for df in at.dataframe if "Advies Voorbeeldgemeente" in df.value.columns)
    assert results["Project"].tolist() == ["<b>Plein</b>"]  # a data table shows it as it is


def test_the_result_is_kept_across_reruns_and_pages(open_app):
    at = upload(open_app("portfolio"), "project;ingrijpendheid\nA;hoog\n")
    first = at.session_state["pf_result"]["outcome"]
    at.run()
    assert at.session_state["pf_result"]["outcome"] is first  # a rerun does not score again
    at.switch_page("ui/pages/advies.py").run()
    at.switch_page("ui/pages/portfolio.py").run()
    assert at.session_state["pf_result"]["outcome"] is first
    assert any("In gebruik: mijn-projecten.csv" in c.value for c in at.caption)
    at.multiselect(key=FRAMEWORKS).set_value(["voorbeeldgemeente", "leusden"]).run()
    assert at.session_state["pf_result"]["outcome"] is not first  # other rules: scored again


def test_in_english(open_app):
    at = upload(open_app("portfolio", lang="en"), "project;ingrijpendheid\nGood;hoog\nBad;heel hoog\n")
    assert [h.value for h in at.header] == ["1. Your projects", "2. Which rules?", "3. Results"]
    assert metrics(at) == {"Projects scored": "1", "Rows skipped": "1", "Rules chosen": "1"}
    bad = next(df.value for df in at.dataframe if "Reason" in df.value.columns)
    assert bad["Reason"].iloc[0].startswith("Column 'ingrijpendheid': 'heel hoog' is not an answer to this question.")
    assert [t.label for t in at.tabs] == ["Distribution", "Agreement", "Largest differences", "All projects", "Download"]


def test_downloads_are_offered(open_app, projects_file):
    at = upload(open_app("portfolio"), projects_file.read_bytes(), projects_file.name)
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Sjabloon downloaden (CSV)", "Voorbeeld downloaden (CSV)", "Uitkomsten downloaden (CSV)",
                      "Alles downloaden (Excel)"]


# --- the charts: every number in the figure is in its table ------------------------------------------


@pytest.fixture(scope="module")
def compared(bundled, tmp_path_factory):
    path = tmp_path_factory.mktemp("portfolio") / "projecten.csv"
    path.write_text(projects_table(), encoding="utf-8")
    return score_file(path.read_bytes(), path.name, [bundled["amersfoort"], bundled["leusden"]])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_distribution_chart_and_its_table_hold_the_same_counts(compared, lang):
    counts = distribution(compared, lang)
    chart = charts.distribution_chart(counts, lang, "titel")
    table = chart.table.set_index(chart.table.columns[0])
    for trace, rung in zip(chart.figure.data, counts.columns, strict=True):
        assert list(trace.x) == counts[rung].tolist()
        assert [int(text or 0) for text in trace.text] == counts[rung].tolist()  # written on the bar, not colour alone
        assert [int(cell.split(" (")[0]) for cell in table.loc[rung]] == counts[rung].tolist()
    assert len({trace.marker.pattern.shape for trace in chart.figure.data}) == len(counts.columns)  # hatched apart
    assert table.iloc[-1].tolist() == [str(len(PROJECTS))] * 2


def test_the_agreement_chart_writes_every_percentage_and_its_table_too(compared):
    shares = agreement(compared, "nl")
    chart = charts.agreement_chart(shares, "nl", "titel")
    expected = [[f"{100 * v:.0f}%" for v in row] for row in shares.to_numpy()]
    assert [list(row) for row in chart.figure.data[0].text] == expected
    assert chart.table.iloc[:, 1:].to_numpy().tolist() == expected


def test_chart_labels_from_rule_sets_are_plain_text(compared):
    counts = distribution(compared, "nl").rename(columns={"Informeren": "<b>Informeren</b>"})
    chart = charts.distribution_chart(counts, "nl", "titel")
    assert chart.figure.data[0].name == "&lt;b&gt;Informeren&lt;/b&gt;"

"""`ladder algoritmeregister`: a record per rule set with every field of the publication standard, filled or marked."""

from __future__ import annotations

import json

import pytest

from cli.main import main
from ladder.reports.algoritmeregister import (
    MAX_CHARS,
    SECTIONS,
    STANDARD_SCHEMA,
    algoritmeregister_record,
    record_markdown,
)
from ladder.rules.sources import RuleSources

SOURCES = RuleSources.bundled()
FIELDS = [field for _, names in SECTIONS for field in names]
MARK = {"nl": "[IN TE VULLEN: ", "en": "[TO BE FILLED IN: "}


def _json(capsys, *args: str) -> dict:
    assert main(["algoritmeregister", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("municipality", SOURCES.ids())
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_field_of_the_standard_is_filled_or_a_marked_placeholder(municipality, lang, capsys):
    data = _json(capsys, "-m", municipality, "--lang", lang)
    assert [f["field"] for f in data["fields"]] == FIELDS
    for f in data["fields"]:
        assert f["value"].strip() or f["to_fill_in"], f["field"]
        assert len(f["value"]) < MAX_CHARS.get(f["field"], 10_000), f["field"]
    rule_set = SOURCES.load(municipality)
    assert data["rule_set"]["content_hash"] == rule_set.content_hash
    assert data["rule_set"]["version"] == rule_set.version
    assert data["rule_set"]["files"] == [f.file for f in rule_set.lineage]
    by_field = {f["field"]: f for f in data["fields"]}
    assert rule_set.content_hash in by_field["Technische werking"]["value"]
    assert by_field["Schema"]["value"] == STANDARD_SCHEMA
    assert by_field["Taal"]["value"] == {"nl": "nld", "en": "eng"}[lang]
    assert [q["id"] for q in data["questions"]] == [t.id for t in rule_set.traits]
    assert [k["id"] for k in data["kaders"]] == [k.id for k in rule_set.kaders]


def test_markdown_is_the_default_and_marks_every_placeholder(capsys):
    assert main(["algoritmeregister", "-m", "leusden"]) == 0
    out = capsys.readouterr().out
    record = algoritmeregister_record(SOURCES.load("leusden"), "nl")
    assert out == record_markdown(record, "nl")
    assert out.startswith("# Algoritmeregister: Leusden (illustratie)")
    for field in FIELDS:
        assert f"\n### {field}\n" in out
    # once in the introduction that explains the mark, then once per field the municipality fills in
    assert out.count(MARK["nl"]) == 1 + sum(1 for f in record.fields if f.to_fill_in)
    assert "Publiceer deze registratie niet zo" in out  # an illustration says so
    assert SOURCES.load("leusden").content_hash in out


def test_english_labels_keep_the_standards_field_names(capsys):
    assert main(["algoritmeregister", "-m", "leusden", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "### Human intervention (Menselijke tussenkomst)" in out
    assert "The civil servant (or a working group" in out
    assert MARK["en"] in out and MARK["nl"] not in out
    assert "Society First" in out


def test_human_intervention_and_legal_basis_say_it_advises_only(capsys):
    fields = {f["field"]: f for f in _json(capsys, "-m", "leusden")["fields"]}
    assert "kiest de vorm" in fields["Menselijke tussenkomst"]["value"]
    assert "register" in fields["Menselijke tussenkomst"]["value"]
    legal = fields["Wettelijke basis"]
    assert "neemt geen besluiten" in legal["value"]
    assert legal["to_fill_in"]  # the municipality's own legal basis: never invented here
    assert "art." not in legal["value"]
    assert fields["Contactgegevens"]["to_fill_in"] and not fields["Contactgegevens"]["value"]
    assert "niet zelflerend" in fields["Technische werking"]["value"]


def test_weights_factors_and_kaders_are_how_it_works(capsys):
    fields = {f["field"]: f for f in _json(capsys, "-m", "leusden")["fields"]}
    werking = fields["Technische werking"]["value"]
    assert "×2" in werking and "Bestaande groepen en netwerken" in werking  # Leusden's weight factor
    assert f"{len(SOURCES.load('leusden').kaders)} kaders" in werking


def test_source_url_fills_the_link_to_the_source(capsys):
    url = "https://example.org/participatieladder/blob/main/"
    fields = {f["field"]: f for f in _json(capsys, "-m", "leusden", "--source-url", url)["fields"]}
    link = fields["Link naar broncode"]
    assert link["to_fill_in"] is None
    assert link["value"] == f"{url}rules/base.yaml {url}municipalities/leusden.yaml"
    without = {f["field"]: f for f in _json(capsys, "-m", "leusden")["fields"]}["Link naar broncode"]
    assert "municipalities/leusden.yaml" in without["value"] and without["to_fill_in"]


def test_a_rule_set_file_and_an_output_file(tmp_path, capsys):
    target = tmp_path / "record.md"
    assert main(["algoritmeregister", "--rules", "docs/voorbeeld-regelset.yaml", "-o", str(target)]) == 0
    assert "Geschreven" in capsys.readouterr().out
    text = target.read_text(encoding="utf-8")
    assert "### Technische werking" in text and "docs/voorbeeld-regelset.yaml" in text


def test_an_unknown_municipality_is_one_clear_line(capsys):
    assert main(["algoritmeregister", "-m", "atlantis"]) == 2
    err = capsys.readouterr().err
    assert "atlantis" in err and "Traceback" not in err


def test_an_adopted_rule_set_is_in_use_from_its_date_and_has_no_illustration_warning():
    adopted = SOURCES.load("leusden").model_copy(update={"status": "vastgesteld", "illustration": False})
    record = algoritmeregister_record(adopted, "nl")
    assert record.field("Status").value == "In gebruik"
    begin = record.field("Begindatum")
    assert begin.value == adopted.date.strftime("%Y-%m") and begin.to_fill_in  # the municipality confirms it
    assert "Publiceer deze registratie niet zo" not in record_markdown(record, "nl")

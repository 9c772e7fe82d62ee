"""Rule sources: which municipalities there are, loading one by id, and telling when a rule file changed."""

from __future__ import annotations

import dataclasses
import os

import pytest
from conftest import BUNDLED, ROOT

from ladder.rules.problems import RuleSetError

PROEF = "extends: voorbeeldgemeente\nname: Proefgemeente\n"


def test_the_bundled_sources_are_the_projects_own_folders():
    assert (BUNDLED.rules_dir, BUNDLED.municipalities_dir) == (ROOT / "rules", ROOT / "municipalities")
    assert BUNDLED.ids() == sorted(p.stem for p in (ROOT / "municipalities").glob("*.yaml"))
    assert "base" not in BUNDLED.ids()  # the base is a rule set, not a municipality


def test_a_municipality_in_other_folders_is_listed_loaded_and_extends_the_bundled_rules(bundle_municipality):
    sources = bundle_municipality(PROEF)
    assert sources.ids() == sorted([*BUNDLED.ids(), "proefgemeente"])
    rule_set = sources.load("proefgemeente")
    assert rule_set.name.get("nl") == "Proefgemeente"
    folder = sources.municipalities_dir
    assert [f.file for f in rule_set.lineage] == [  # a file outside the project is named by its whole path
        "rules/base.yaml", str(folder / "voorbeeldgemeente.yaml"), str(folder / "proefgemeente.yaml")]
    assert "proefgemeente" not in BUNDLED.ids()


def test_an_unknown_id_names_the_municipalities_there_are(bundle_municipality):
    with pytest.raises(RuleSetError) as raised:
        bundle_municipality(PROEF).load("atlantis")
    assert raised.value.problems[0].file == "atlantis"
    assert "proefgemeente" in raised.value.problems[0].message("en")


def test_extends_is_found_next_to_the_file_first(tmp_path):
    (tmp_path / "voorbeeldgemeente.yaml").write_text("extends: base\nname: Naast het bestand\n", encoding="utf-8")
    assert BUNDLED.find("voorbeeldgemeente", near=tmp_path) == tmp_path / "voorbeeldgemeente.yaml"
    assert BUNDLED.find("voorbeeldgemeente") == ROOT / "municipalities" / "voorbeeldgemeente.yaml"
    assert BUNDLED.find("base") == ROOT / "rules" / "base.yaml"
    assert BUNDLED.find("atlantis") is None


@pytest.mark.parametrize("change", ["edit", "touch", "add", "remove"])
def test_the_stamp_changes_when_a_rule_file_changes(bundle_municipality, change):
    sources = bundle_municipality(PROEF)
    before = sources.stamp()
    path = sources.municipalities_dir / "proefgemeente.yaml"
    if change == "edit":  # the same modification time, another size
        mtime = path.stat().st_mtime_ns
        path.write_text(PROEF + "version: '2'\n", encoding="utf-8")
        os.utime(path, ns=(mtime, mtime))
    elif change == "touch":
        os.utime(path, ns=(path.stat().st_mtime_ns + 1_000_000_000,) * 2)
    elif change == "add":
        (sources.municipalities_dir / "tweede.yaml").write_text(PROEF, encoding="utf-8")
    else:
        path.unlink()
    assert sources.stamp() != before


def test_the_stamp_stays_the_same_while_nothing_changes(bundle_municipality):
    sources = bundle_municipality(PROEF)
    assert sources.stamp() == sources.stamp() == dataclasses.replace(sources).stamp()


def test_a_file_outside_the_project_is_named_by_its_path(tmp_path):
    assert BUNDLED.display_name(ROOT / "rules" / "base.yaml") == "rules/base.yaml"
    assert BUNDLED.display_name(tmp_path / "proef.yaml") == str(tmp_path / "proef.yaml")


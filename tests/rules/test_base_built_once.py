"""The base is built and checked once for all the municipalities that extend it, with the same outcome as before:
the same rule sets, and a broken base still reported for every municipality that extends it."""

from __future__ import annotations

import pytest
from conftest import BUNDLED

from ladder.rules import loading
from ladder.rules.problems import RuleSetError
from ladder.rules.sources import RuleSources


def test_loading_every_municipality_builds_the_base_once(monkeypatch):
    loading._parse_cached.cache_clear()
    built: list[str] = []
    apply = loading._apply

    def counting(parent, pf):
        if parent is None:
            built.append(pf.name)
        return apply(parent, pf)

    monkeypatch.setattr(loading, "_apply", counting)
    rule_sets = [BUNDLED.load(i) for i in BUNDLED.ids()]
    assert built == ["rules/base.yaml"]
    assert all(rs.lineage[0].file == "rules/base.yaml" for rs in rule_sets)


def test_a_municipality_is_the_same_whether_the_base_was_built_before_or_not():
    loading._parse_cached.cache_clear()
    first = BUNDLED.load("leusden")
    BUNDLED.load("amersfoort")
    loading._parse_cached.cache_clear()
    assert BUNDLED.load("leusden") == first


def test_a_broken_base_is_reported_for_every_municipality_that_extends_it(tmp_path):
    rules, municipalities = tmp_path / "rules", tmp_path / "municipalities"
    rules.mkdir()
    municipalities.mkdir()
    (rules / "base.yaml").write_text("name: Kapot\nversion: 1\n", encoding="utf-8")  # the required sections missing
    for name in ("noord", "zuid"):
        (municipalities / f"{name}.yaml").write_text(f"extends: base\nname: {name}\n", encoding="utf-8")
    sources = RuleSources(rules, municipalities, tmp_path)
    outcomes = []
    for name in ("noord", "zuid", "noord"):  # the first once more, after the base was built for it
        with pytest.raises(RuleSetError) as raised:
            sources.load(name)
        outcomes.append([(p.file, p.line, p.path, p.code) for p in raised.value.problems])
    assert [o[0][0] for o in outcomes] == ["municipalities/noord.yaml", "municipalities/zuid.yaml", "municipalities/noord.yaml"]
    assert all(o[0][3] == "parent_broken" for o in outcomes)
    assert outcomes[0] == outcomes[2] and outcomes[0][1:] == outcomes[1][1:]  # the base's own problems, each time
    assert any(code == "base_key_missing" for *_, code in outcomes[0])

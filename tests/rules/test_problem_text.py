"""Every problem the checker can give reads as Dutch in the Dutch view, and stays exact in English.

A problem is a code with parameters, said in either language by ladder/rules/problem_texts.py. The
examples below trigger every code of that catalogue: a new code fails
`test_every_problem_code_is_triggered_here` until an example here triggers it, and
`test_every_message_reads_as_dutch` fails when its Dutch text still holds English words.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import BUNDLED, ROOT

from ladder.rules.loading import load_rule_set_text, validate_file
from ladder.rules.problem_texts import (
    PROBLEM_TEXTS,
    PROBLEMS,
    Alternatives,
    Count,
    Words,
    YamlPhrase,
    word,
)
from ladder.rules.problems import Problem, RuleSetError
from ladder.rules.yaml_source import read_yaml

BROKEN = ROOT / "tests" / "fixtures" / "broken"
BASE_TEXT = (ROOT / "rules" / "base.yaml").read_text(encoding="utf-8")
V2_TEXT = (ROOT / "tests" / "fixtures" / "v2" / "v2_base.yaml").read_text(encoding="utf-8")
CONDITIONS = (
    "{id: a, when: {trait: tijd_tot_besluit}, max: informeren, reason: x}",
    "{id: b, when: {}, max: informeren, reason: x}",
    "{id: c, when: {all: [], any: []}, max: informeren, reason: x}",
    "{id: d, when: {equals: hoog}, warning: true, reason: x}",
    "{id: e, when: {trait: tijd_tot_besluit, equals: krap, all: [{trait: tijd_tot_besluit, equals: krap}]}, warning: true, reason: x}",
    "{id: f, when: {all: [{trait: tijd_tot_besluit, equals: krap}], not: {trait: tijd_tot_besluit, equals: ruim}}, warning: true, reason: x}",
    "{id: g, when: {trait: tijd_tot_besluit, equals: krap}, reason: x}",
)
ALL_RUNGS = "[informeren, raadplegen, adviseren, coproduceren, meebeslissen, zelfbeheer, overheidsparticipatie]"
# Pasted rule-set texts, each giving one or more problems.
TEXTS = {
    "yaml_int_tag": "extends: base\nversion: !!int abc\n",
    "excluded_cap": ("extends: base\nkaders:\n  - {id: niets_mag, when: {trait: beleidsruimte, equals: geen}, "
                     "exclude: [informeren, raadplegen], reason: x}\n"),
    "yaml_impossible_date": "extends: base\ndate: 2026-13-45\n",
    "yaml_float_tag": "extends: base\nversion: !!float abc\n",
    "yaml_bool_tag": "extends: base\nillustration: !!bool abc\n",
    "yaml_timestamp_tag": "extends: base\ndate: !!timestamp abc\n",
    "yaml_nested_too_deeply": "extends: base\nname: " + "[" * 3000 + "]" * 3000 + "\n",
    "more_problems": "extends: base\n" + "".join(f"onbekend{i}: 1\n" for i in range(60)),
    "yaml_python_tag": "extends: base\nversion: !!python/object:os.system x\n",
    "yaml_own_tag": "extends: base\nname: !foo x\n",
    "yaml_tab": "extends: base\n\tname: x\n",
    "yaml_colon": "extends: base\nname: a: b\n",
    "yaml_undefined_alias": "extends: base\nname: *x\n",
    "yaml_two_documents": "extends: base\n---\nname: x\n",
    "yaml_unclosed_quote": "extends: base\nname: 'abc\n",
    "yaml_indentation": "extends: base\nname:\n  nl: a\n en: b\n",
    "yaml_list_as_key": "extends: base\n? [a, b]\n: c\n",
    "yaml_duplicate_anchor": "extends: base\na: &x 1\nb: &x 2\n",
    "yaml_escape": 'extends: base\nname: "\\q"\n',
    "yaml_directive": "%FOO\n---\na: 1\n",
    "yaml_anchor": "extends: base\nname: &\n",
    "yaml_control_character": "extends: base\nname: a\x07b\n",
    "yaml_omap": "extends: base\nsources: !!omap\n  - a\n",
    "yaml_pairs": "extends: base\nsources: !!pairs [a]\n",
    "yaml_set": "extends: base\nsources: !!set [a]\n",
    "yaml_binary": "extends: base\nversion: !!binary 'a'\n",
    "yaml_block_entry": "extends: base\nname: x\n- y\n",
    "yaml_flow_mapping": "extends: base\nname: {nl: a\n",
    "yaml_character": "extends: base\nname: @x\n",
    "not_a_mapping": "- a\n- b\n",
    "text_not_a_mapping": "hello\n",
    "text_expected": "extends: base\nversion: true\n",
    "mapping_expected": "extends: base\nname: 5\ndescription: [a]\n",
    "list_expected": "extends: base\nsources: abc\n",
    "number_expected": "extends: base\nrobustness: {robuust: .nan, redelijk: x}\n",
    "date_expected": "extends: base\ndate: 'abc'\n",
    "date_with_time": "extends: base\ndate: 2026-01-01 10:00:00\n",
    "status_word": "extends: base\nstatus: klaar\n",
    "empty_text": "extends: base\nname: {nl: ''}\n",
    "factor_too_high": "extends: base\nweight_factors: [{trait: tijd_tot_besluit, factor: 6, why: x}]\n",
    "score_not_whole": (
        "extends: base\nwerkvormen: [{id: a, name: a, description: a, rungs: [informeren], schaal: [dorp], "
        "groepsgrootte: klein, kosten: laag, duur: kort, "
        "waarden: {inclusie: 5, invloed: 1.5, eigenaarschap: x, deliberatie: 1, legitimiteit: 1}}]\n"
    ),
    "conditions": "extends: base\nkaders: [" + ", ".join(CONDITIONS) + "]\n",
    "excludes_every_rung": f"extends: base\nkaders: [{{id: a, when: {{trait: tijd_tot_besluit, equals: krap}}, exclude: {ALL_RUNGS}, reason: x}}]\n",
    "robustness_order": "extends: base\nrobustness: {robuust: 1, redelijk: 2}\n",
    "options": (
        "extends: base\nadd_traits: [{id: x, question: q, help: h, options: [{id: onbekend, label: a}, {id: b, label: b}]}, "
        "{id: y, question: q, help: h, options: [{id: a, label: a}, {id: a, label: b}]}, "
        "{id: tijd_tot_besluit, question: q, help: h, options: [{id: a, label: a}, {id: b, label: b}]}]\n"
    ),
    "ids": (
        "extends: base\n"
        "kaders: [{id: a, when: {trait: tijd_tot_besluit, equals: krap}, warning: true, reason: x}, "
        "{id: a, when: {trait: tijd_tot_besluit, equals: krap}, warning: true, reason: x}]\n"
        "disable_kaders: [nope]\ndisable_traits: [nope]\nrename_rungs: {nope: {name: x}}\n"
        "traits: []\nroles: []\n"
    ),
    "added_rungs": (
        "extends: base\nadd_rungs:\n"
        + "".join(
            f"  - {{id: {rung_id}, after: {after}, name: n, description: d, stance: s, role: r, promise: p, commitment: c,"
            " crosswalk: {iap2: a, arnstein: b, klassieke_ladder: c}, values: {"
            + ", ".join(f"{v}: {{score: 1, why: w}}" for v in ("inclusie", "invloed", "eigenaarschap", "deliberatie", "legitimiteit"))
            + "}}\n"
            for rung_id, after in (("informeren", "adviseren"), ("nieuw", "nergens"))
        )
    ),
    "weights": "extends: base\nweights: {doel: {begrip: {why: x}}, tijd_tot_besluit: {onbekend: {why: x}, krap: {why: x, nergens: 1}}}\n",
    "disabled_trait": (
        "extends: base\ndisable_traits: [formeel_recht]\ndisable_kaders: [uitdaagrecht_serieus_nemen]\n"
        "disable_guidance: [indieners_eerst_horen]\ndisable_rights: [uitdaagrecht, burgerinitiatiefvoorstel, petitierecht]\n"
        "weights: {formeel_recht: {uitdaagrecht: {why: x}}}\n"
    ),
    "base_parts": (
        "name: x\nversion: '1'\ndate: 2026-01-01\nstatus: concept\nrobustness: {robuust: 2, redelijk: 1}\n"
        "rungs: [{id: a}]\ntraits: []\nweights: {}\nadd_traits: []\nrole_rules: [{role: x, rungs: [a], why: w}]\n"
    ),
    "goal_route_gap": BASE_TEXT.replace("    zelf_dragen:\n      rung: zelfbeheer\n", "    zelf_dragen_x:\n      rung: zelfbeheer\n"),
    "werkvorm_fit_value": BASE_TEXT.replace("prefer: {laag: [laag], midden: [laag, midden]", "prefer: {laag: [goedkoop], midden: [laag, midden]"),
    "text_too_large": "extends: base\n# " + "x" * 1_000_001 + "\n",
    "role_unknown": BASE_TEXT.replace("      role: regisseren\n", "      role: regelen\n", 1),
    "trait_exists": "extends: base\nadd_traits: [{id: tijd_tot_besluit, question: q, help: h, options: [{id: a, label: a}, {id: b, label: b}]}]\n",
    "role_rules_and_needs": BASE_TEXT + "role_rules: [{role: reguleren, rungs: [informeren], why: w}]\n",
    "v2_references": V2_TEXT.replace(
        "    ask_when: {trait: initiatiefnemer, equals: inwoners}\n", "    ask_when: {trait: vraag_initiatief, equals: steun}\n"
    ).replace("traits: [initiatiefnemer, vraag_initiatief, beleidsruimte]}",
              "traits: [initiatiefnemer, vraag_initiatief, beleidsruimte]}\n  - {id: dubbel, title: t, traits: [beleidsruimte]}"),
    "v2_questions": V2_TEXT.replace("options: [{id: nee, label: Nee}, {id: ja, label: Ja}]", "options: [{id: nee, label: Nee}, {id: nvt, label: Ja}]"
    ).replace("options: [{id: laag, label: Weinig}, {id: hoog, label: Genoeg}]",
              "options: [{id: laag, label: Weinig, exclusive: true}, {id: hoog, label: Genoeg}]"
    ).replace("{count: 2, of: [bindendheid, middelen, doelgroepen]}", "{count: 5, of: [bindendheid, middelen]}"
    ).replace("      rungs_from: adviseren\n", "      rungs_from: adviseren\n      rungs: [adviseren]\n"),
    "v2_phases": V2_TEXT.replace("    multiple: true\n    options: [{id: agenda", "    options: [{id: agenda"
    ).replace("  besluit_genomen:\n", "  fase:\n    agenda: {why: w, informeren: 1}\n  besluit_genomen:\n"),
    "fit_forms": BASE_TEXT.replace("\nwerkvorm_fit:\n", (
        "\nwerkvorm_fit:\n"
        "  - {trait: schaal, attribute: schaal, why: x}\n"
        "  - {trait: schaal, attribute: schaal, per_answer: 1, why: x}\n"
        "  - {trait: schaal, attribute: schaal, prefer: {straat: [straat]}, cap: 1, why: x}\n"
        "  - {trait: schaal, attribute: kanaal, per_answer: 1, cap: 1, why: x}\n"), 1),
}


def _problems_of_text(text: str) -> list[Problem]:
    with pytest.raises(RuleSetError) as raised:
        load_rule_set_text(text, "geplakt.yaml")
    return raised.value.problems


def _problems_of_files(tmp_path: Path) -> list[Problem]:
    """Messages that need a file on disk: size, encoding, a missing file, a parent with errors, aliases."""
    big = tmp_path / "groot.yaml"
    big.write_text("extends: base\n# " + "x" * 1_000_001 + "\n", encoding="utf-8")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("extends: base\nname: café\n".encode("latin-1"))
    (tmp_path / "ouder.yaml").write_text("extends: base\nweights: {tijd_tot_besluit: {krap: {why: x, informeren: 9}}}\n", encoding="utf-8")
    child = tmp_path / "kind.yaml"
    child.write_text("extends: ouder\n", encoding="utf-8")
    aliases = tmp_path / "aliassen.yaml"
    aliases.write_text("\n".join(["extends: base", "sources:", "  - &a x"] + ["  - *a"] * 101) + "\n", encoding="utf-8")
    bomb = tmp_path / "bom.yaml"
    bomb_lines = ["extends: base", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    bomb_lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    bomb.write_text("\n".join(bomb_lines) + "\n", encoding="utf-8")
    missing = tmp_path / "bestaat_niet.yaml"
    # The bundled base has phases now: phase_points without phases needs a parent without them.
    (tmp_path / "zonder_fasen.yaml").write_text(
        (ROOT / "tests" / "fixtures" / "v2_roles" / "v2_base.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    no_phases = tmp_path / "fasepunten.yaml"
    no_phases.write_text("extends: zonder_fasen\nphase_points: {agenda: {points: {informeren: 1}}}\n", encoding="utf-8")
    # The bundled base has role_needs now: changing them needs a parent with the older role_rules.
    start, end = BASE_TEXT.index("\nrole_needs:\n"), BASE_TEXT.index("\nrights:\n")
    (tmp_path / "met_role_rules.yaml").write_text(
        BASE_TEXT[:start] + "\nrole_rules: [{role: reguleren, rungs: [informeren], why: w}]\n" + BASE_TEXT[end:], encoding="utf-8")
    old_roles = tmp_path / "rolbehoeften.yaml"
    old_roles.write_text("extends: met_role_rules\ndisable_role_needs: [a]\n"
                         "add_role_needs: [{id: a, role: faciliteren, when: {trait: tijd_tot_besluit, equals: krap}, why: x}]\n",
                         encoding="utf-8")
    problems = [p for path in (big, latin, child, aliases, bomb, missing, no_phases, old_roles) for p in validate_file(path)]
    for path in (big, latin, missing):
        problems += read_yaml(path)[1]
    with pytest.raises(RuleSetError) as raised:
        BUNDLED.load("atlantis")
    return problems + raised.value.problems


@pytest.fixture(scope="module")
def every_problem(tmp_path_factory) -> list[Problem]:
    fixtures = [p for path in sorted(BROKEN.glob("*.yaml")) for p in validate_file(path)]
    texts = [p for text in TEXTS.values() for p in _problems_of_text(text)]
    return fixtures + texts + _problems_of_files(tmp_path_factory.mktemp("files"))


# English words that never occur in the Dutch messages; ids, keys and values are quoted or joined by _ or /.
ENGLISH = {
    "the", "expected", "got", "found", "unknown", "not", "must", "allowed", "missing", "should", "while", "and",
    "or", "only", "but", "has", "have", "are", "be", "this", "that", "every", "needs", "need", "used", "twice",
    "already", "exists", "more", "than", "least", "most", "above", "below", "between", "number", "whole", "text",
    "mapping", "list", "nothing", "empty", "key", "value", "line", "starts", "parsing", "scanning", "could",
    "find", "did", "character", "here", "refused", "file", "rule", "rung", "trait", "option", "condition",
    "effect", "item", "with", "without", "defines", "may", "use", "keep", "leave", "out", "next", "circle",
    "each", "other", "unacceptable", "characters", "position", "occurrence", "stream",
}
# Codes whose text is a detail only pydantic or the engine gives, in English.
PASSED_ON = {"value_invalid", "answer_unknown_trait", "answer_one_only", "answer_not_an_option", "answer_not_asked",
             "answer_in_row", "answer_exclusive"}  # answers, not rule sets: tests/engine and tests/cli trigger these


def _english_words(dutch: str) -> set[str]:
    unquoted = re.sub(r"'[^']*'|\"[^\"]*\"", "", dutch)
    return {word for word in re.findall(r"[A-Za-z_/]+", unquoted) if word.lower() in ENGLISH}


def test_every_message_reads_as_dutch(every_problem):
    untranslated = {}
    for problem in every_problem:
        dutch = problem.message("nl")
        if dutch == problem.message("en") or _english_words(dutch):
            untranslated[problem.message("en")] = (dutch, sorted(_english_words(dutch)))
    assert not untranslated, untranslated


def test_every_problem_code_is_triggered_here(every_problem):
    triggered = {problem.code for problem in every_problem}
    untriggered = sorted(set(PROBLEMS["en"]) - PASSED_ON - triggered)
    assert untriggered == [], untriggered


def test_the_catalogue_has_every_code_in_both_languages_with_the_same_placeholders():
    from ladder.text import catalogue_problems

    assert catalogue_problems("problem_texts", PROBLEMS) == []


def test_a_problem_with_an_unknown_code_is_refused():
    with pytest.raises(KeyError):
        Problem("a.yaml", 1, "", "no_such_code")


def test_a_problem_is_described_in_dutch_with_file_line_and_path():
    [problem] = validate_file(BROKEN / "weight_not_a_number.yaml")
    assert problem.describe("nl") == (
        "tests/fixtures/broken/weight_not_a_number.yaml, regel 6, weights.tijd_tot_besluit.krap.adviseren: "
        "verwacht een getal tussen -5 en 5, gevonden 'veel'"
    )


def test_in_english_a_problem_is_described_exactly_as_the_cli_prints_it():
    problems = validate_file(BROKEN / "missing_required.yaml") + validate_file(BROKEN / "empty_file.yaml")
    assert [p.describe("en") for p in problems] == [str(p) for p in problems]
    assert all(str(p).endswith(p.message("en")) for p in problems)


@pytest.mark.parametrize(
    ("problem", "dutch"),
    [
        (Problem("a.yaml", None, "", "file_not_found"), "a.yaml: het bestand is niet gevonden"),
        (Problem("a.yaml", 3, "", "key_unknown", {"name": "x"}), "a.yaml, regel 3: onbekende sleutel 'x'"),
        (Problem("a.yaml", None, "status", "key_unknown", {"name": "x"}), "a.yaml, status: onbekende sleutel 'x'"),
    ],
)
def test_the_line_and_path_are_left_out_when_the_problem_has_none(problem, dutch):
    assert problem.describe("nl") == dutch


@pytest.mark.parametrize(
    ("code", "params", "english", "dutch"),
    [
        ("file_too_big", {"size": Count(1_048_577), "limit": Count(1_000_000)},
         "file is 1,048,577 bytes; at most 1,000,000 bytes are read",
         "het bestand is 1.048.577 bytes; er worden hoogstens 1.000.000 bytes gelezen"),
        ("not_one_of", {"choices": Alternatives(("'concept'", "'in_gebruik'", "'illustratie'")), "found": "'klaar'"},
         "expected one of 'concept', 'in_gebruik' or 'illustratie', got 'klaar'",
         "verwacht een van: 'concept', 'in_gebruik' of 'illustratie', gevonden 'klaar'"),
        ("kader_effects", {"found": Words(("max", "min"))},
         "expected exactly one effect (max, min, exclude or warning: true), found max and min",
         "verwacht precies één gevolg (max, min, exclude of warning: true), gevonden: 'max' en 'min'"),
        ("kader_effects", {"found": word("found_none")},
         "expected exactly one effect (max, min, exclude or warning: true), found none",
         "verwacht precies één gevolg (max, min, exclude of warning: true), gevonden: geen"),
        ("mapping_expected", {"found": word("found_list")},
         "expected a mapping (key: value), got a list",
         "verwacht een blok met sleutels en waarden (sleutel: waarde), gevonden een lijst"),
        ("yaml_invalid_since", {"problem": YamlPhrase("did not find expected ',' or ']'"),
                                "context": YamlPhrase("while parsing a flow sequence"), "line": 3},
         "not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 3)",
         "geen geldige YAML: hier ontbreekt een komma (,) of een ] (in een lijst tussen [ ], vanaf regel 3)"),
    ],
)
def test_values_inside_a_message_are_said_in_each_language_too(code, params, english, dutch):
    problem = Problem("a.yaml", 1, "", code, params)
    assert (problem.message("en"), problem.message("nl")) == (english, dutch)


def test_a_yaml_phrase_without_a_dutch_text_stays_as_it_is():
    problem = Problem("a.yaml", 1, "", "yaml_invalid", {"problem": YamlPhrase("something new")})
    assert problem.message("nl") == "geen geldige YAML: something new"


def test_the_format_reference_lists_every_problem_code_with_its_english_text():
    """docs/rule-format.md has a table of every code; it must say what the catalogue says."""
    reference = (ROOT / "docs" / "rule-format.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z0-9_]+)` \| `(.*)` \|$", reference, flags=re.MULTILINE)
    expected = [(code, PROBLEM_TEXTS.t("en", code, **_placeholders(code))) for code in PROBLEMS["en"]]
    table = "\n".join(f"| `{code}` | `{text}` |" for code, text in expected)
    assert rows == expected, "docs/rule-format.md should hold this table:\n" + table


def _placeholders(code: str) -> dict[str, str]:
    """Each parameter shown as <name>, as the reference writes it."""
    from ladder.text import placeholders

    return {name: f"<{name}>" for name in placeholders(PROBLEMS["en"][code])}

"""Every class of rule-set error gets a message naming file, line and path, what was expected and found.

One broken fixture per error class in tests/fixtures/broken/, with the exact message a user sees.
"""

from __future__ import annotations

import pytest
from conftest import ROOT

from ladder.rules.loading import load_rule_set, load_rule_set_text, validate_file
from ladder.rules.problems import RuleSetError

BROKEN = ROOT / "tests" / "fixtures" / "broken"
B = "tests/fixtures/broken"

EXPECTED = {
    "weight_not_a_number": [f"{B}/weight_not_a_number.yaml:6 weights.tijd_tot_besluit.krap.adviseren: expected a number between -5 and 5, got 'veel'"],
    "weight_out_of_range": [f"{B}/weight_out_of_range.yaml:6 weights.tijd_tot_besluit.krap.informeren: expected a number between -5 and 5, got 7"],
    "duplicate_key": [f"{B}/duplicate_key.yaml:3 version: duplicate key 'version' (first at line 2); each key may appear once"],
    "unknown_key": [f"{B}/unknown_key.yaml:6 kaders[wet_staat_vast].reden: unknown key 'reden'"],
    "unknown_trait": [
        f"{B}/unknown_trait.yaml:3 weights.ingrijpend: 'ingrijpend' is not a trait of this rule set; expected one of "
        "initiatiefnemer, soort_opgave, rol_gemeente, uitvoerder_participatie, schaal, fase, beleidsruimte, "
        "vertrekpunt, vastgelegd_door, besluit_genomen, bindendheid, procedure, formeel_recht, ingrijpendheid, belanghebbenden, "
        "doelgroepen, conflict, vertrouwen, capaciteit_samenleving, bestaande_netwerken, vraag_initiatief, inbreng_helpt, "
        "afhankelijk_van_inwoners, tijd_tot_besluit, complexiteit, publiek_belang, politieke_gevoeligheid, middelen, doel"
    ],
    "unknown_option": [
        f"{B}/unknown_option.yaml:4 kaders[veel_conflict].when.equals: unknown option 'heel_hoog' of trait 'conflict'; "
        "expected one of laag, midden, hoog, onbekend"
    ],
    "unknown_rung": [
        f"{B}/unknown_rung.yaml:5 kaders[wet_inspraak].max: unknown rung 'inspraak'; expected one of informeren, "
        "raadplegen, adviseren, coproduceren, meebeslissen, zelfbeheer, overheidsparticipatie"
    ],
    "excluded_floor": [
        f"{B}/excluded_floor.yaml:4 kaders[initiatief_niet].when: kaders 'maatschappelijk_initiatief_blijft_eigen' "
        "(min coproduceren) and 'initiatief_niet' (exclude coproduceren, meebeslissen, zelfbeheer, overheidsparticipatie) "
        "contradict: under the same condition every rung the min allows is excluded"
    ],
    "contradicting_kaders": [
        f"{B}/contradicting_kaders.yaml:4 kaders[geen_ruimte_hoog].when: kaders 'geen_ruimte_hoog' (min meebeslissen) and "
        "'niets_te_beslissen' (max informeren) contradict: under the same condition the minimum is above the maximum"
    ],
    "missing_extends": [
        f"{B}/missing_extends.yaml:1 extends: extends 'gemeente_die_niet_bestaat', but no gemeente_die_niet_bestaat.yaml "
        "was found next to this file, in rules/ or in municipalities/"
    ],
    "cycle_a": [
        f"{B}/cycle_b.yaml:1 extends: the rule sets extend each other in a circle: {B}/cycle_a.yaml -> {B}/cycle_b.yaml "
        f"-> {B}/cycle_a.yaml"
    ],
    "base_only_key": [f"{B}/base_only_key.yaml:2 rungs: 'rungs' is not allowed here: use add_rungs or rename_rungs in a file with 'extends'"],
    "two_effects": [f"{B}/two_effects.yaml:3 kaders[dubbel]: expected exactly one effect (max, min, exclude or warning: true), found max and min"],
    "not_yaml": [
        f"{B}/not_yaml.yaml:4: not valid YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence that starts at line 3)"
    ],
    "empty_value": [
        f"{B}/empty_value.yaml:2 name: expected a value, got nothing (leave the key out to keep what the rule set it extends has)"
    ],
    "not_a_boolean": [f"{B}/not_a_boolean.yaml:2 illustration: expected true or false, got 'yes'"],
    "empty_file": [f"{B}/empty_file.yaml: expected a mapping of sections, got an empty file"],
    "invalid_extends": [
        f"{B}/invalid_extends.yaml:1 extends: expected an id: lowercase letters, digits and _, starting with a letter, got 'Base'"
    ],
    "disabled_trait_still_used": [
        f"{B}/disabled_trait_still_used.yaml:2 disable_traits[#1]: trait 'formeel_recht' is still used by "
        "kaders[uitdaagrecht_serieus_nemen], guidance[indieners_eerst_horen], rights[uitdaagrecht], "
        "rights[burgerinitiatiefvoorstel], rights[petitierecht]; disable those too, each with the disable_ key of "
        "its section (disable_kaders, disable_guidance, disable_rights, disable_support, disable_preconditions, "
        "disable_role_needs; a question with ask_when is disabled with disable_traits; information is replaced by "
        "an information of your own), or keep the trait; always keep it when werkvorm_fit, goal_route, phases, "
        "role_rules, role_needs.main_for or role_needs.hats_from_trait uses it: only a base can change those"
    ],
    "empty_base": [
        f"{B}/empty_base.yaml:6 rungs: expected at least 2 item(s), got 0",
        f"{B}/empty_base.yaml:7 traits: expected at least 1 item(s), got 0",
        f"{B}/empty_base.yaml:8 weights: expected at least 1 item(s), got 0",
    ],
    "missing_required": [
        f"{B}/missing_required.yaml:1: missing required key '{key}' (a base rule set defines it)"
        for key in ("robustness", "rungs", "traits", "weights")
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_fixture_gives_exact_messages(name):
    problems = validate_file(BROKEN / f"{name}.yaml")
    assert [str(p) for p in problems] == EXPECTED[name]


def test_every_broken_fixture_is_covered():
    fixtures = {p.stem for p in BROKEN.glob("*.yaml")} - {"cycle_b"}
    assert fixtures == set(EXPECTED)


def test_all_errors_of_a_file_are_reported_at_once(write_rules):
    path = write_rules(
        "extends: base\n"
        "colour: blue\n"
        "weights:\n"
        "  tijd_tot_besluit:\n"
        "    krap:\n"
        "      why: Haast.\n"
        "      informeren: veel\n"
        "kaders:\n"
        "  - id: k\n"
        "    when: {trait: bestaat_niet, equals: x}\n"
        "    max: nergens\n"
        "    reason: Twee fouten.\n"
    )
    messages = [p.message("en") for p in validate_file(path)]
    assert len(messages) == 4, messages
    assert "unknown key 'colour'" in messages
    assert any("expected a number between -5 and 5, got 'veel'" in m for m in messages)
    assert any("'bestaat_niet' is not a trait" in m for m in messages)
    assert any("unknown rung 'nergens'" in m for m in messages)


def test_a_parent_with_errors_is_named_in_the_child(write_rules, tmp_path):
    write_rules("extends: base\nweights: {tijd_tot_besluit: {krap: {why: x, informeren: 9}}}\n", "ouder.yaml")
    child = write_rules("extends: ouder\n", "kind.yaml")
    with pytest.raises(RuleSetError) as raised:
        load_rule_set(child)
    text = str(raised.value)
    assert "the rule set it extends" in text and "ouder.yaml" in text
    assert "expected a number between -5 and 5, got 9" in text


def test_a_file_over_one_megabyte_is_refused_before_parsing(write_rules):
    path = write_rules("extends: base\n# " + "x" * 1_000_001 + "\n")
    [problem] = validate_file(path)
    assert problem.message("en").startswith("file is 1,000,018 bytes; at most 1,000,000 bytes are read")


def test_more_than_a_hundred_aliases_are_refused(write_rules):
    lines = ["extends: base", "sources:", "  - &a x"] + ["  - *a"] * 101
    [problem] = validate_file(write_rules("\n".join(lines) + "\n"))
    assert problem.message("en") == "more than 100 YAML aliases (*name); refused"
    assert problem.line == 104


def test_an_alias_bomb_under_the_alias_limit_is_refused(write_rules):
    # 9 levels of 10 aliases: only 90 aliases, but 10^9 values once expanded.
    lines = ["extends: base", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    [problem] = validate_file(write_rules("\n".join(lines) + "\n"))
    assert "aliases expand to more than" in problem.message("en")


def test_pasted_text_is_checked_the_same_way():
    with pytest.raises(RuleSetError) as raised:
        load_rule_set_text("extends: base\nversion: 1\nversion: 2\n", "geplakt.yaml")
    assert str(raised.value) == "geplakt.yaml:3 version: duplicate key 'version' (first at line 2); each key may appear once"


def test_yaml_1_1_booleans_stay_text_so_no_and_on_are_valid_option_ids(write_rules):
    path = write_rules(
        "extends: base\n"
        "add_traits:\n"
        "  - id: stroom\n"
        "    question: Staat de stroom aan?\n"
        "    help: Een proef met YAML 1.1 woorden.\n"
        "    options:\n"
        "      - {id: no, label: Nee}\n"
        "      - {id: on, label: Aan}\n"
    )
    rule_set = load_rule_set(path)
    assert rule_set.trait("stroom").option_ids() == ("no", "on")


def test_validate_accepts_every_bundled_file():
    for path in [ROOT / "rules" / "base.yaml", *sorted((ROOT / "municipalities").glob("*.yaml"))]:
        assert validate_file(path) == [], path


def test_yaml_1_1_numbers_stay_text():
    from ladder.rules.yaml_source import parse_yaml

    doc, problems = parse_yaml("a: 010\nb: 12:30\nc: 7\nd: -2.5\ne: 1e3\n", "x.yaml")
    assert problems == []
    assert doc.data == {"a": 10, "b": "12:30", "c": 7, "d": -2.5, "e": 1000.0}


def test_conditions_that_differ_only_for_several_phases_do_not_contradict(write_rules):
    """fase takes several answers: 'agenda' and 'agenda but not voorbereiding' differ for [agenda, voorbereiding]."""
    path = write_rules(
        "extends: base\n"
        "kaders:\n"
        "  - {id: vroeg_hoog, when: {trait: fase, equals: agenda}, min: meebeslissen, reason: Vroeg.}\n"
        "  - id: alleen_agenda_laag\n"
        "    when: {all: [{trait: fase, equals: agenda}, {not: {trait: fase, equals: voorbereiding}}]}\n"
        "    max: raadplegen\n"
        "    reason: Alleen agenda.\n"
    )
    assert validate_file(path) == []


def test_unknown_working_method_attribute_values_in_werkvorm_fit_are_errors(write_rules):
    base = (ROOT / "rules" / "base.yaml").read_text(encoding="utf-8")
    broken = base.replace("prefer: {laag: [laag], midden: [laag, midden]", "prefer: {laag: [goedkoop], midden: [laag, midden]")
    with pytest.raises(RuleSetError) as raised:
        load_rule_set_text(broken, "rules/base.yaml")
    [problem] = raised.value.problems
    assert problem.path == "werkvorm_fit[#7].prefer.laag[#1]"
    assert problem.message("en") == "unknown kosten 'goedkoop'; expected one of laag, midden, hoog"


def test_the_format_reference_lists_every_error_message_exactly():
    reference = (ROOT / "docs" / "rule-format.md").read_text(encoding="utf-8")
    for messages in EXPECTED.values():
        for message in messages:
            assert f"`{message}`" in reference, message

"""What every rule-set problem says, in Dutch and English: one template per problem code.

The loader gives each problem a code and its parameters (ladder/rules/problems.py); this catalogue says
it in the reader's language. docs/rule-format.md lists every code with its English text, and a test
keeps that table and this catalogue the same. Parameters that differ per language (what was found, a
list of words) are values with their own text per language, defined at the bottom.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ladder.text import Catalogue, Message, Templates, count_text, language, list_text

_GOT_EN = ", got {found}"
_GOT_NL = ", gevonden {found}"

PROBLEMS: Templates = {
    "nl": {
        # Reading the file (ladder/rules/yaml_source.py, ladder/rules/loading.py).
        "file_too_big": "het bestand is {size} bytes; er worden hoogstens {limit} bytes gelezen",
        "text_too_big": "de tekst is groter dan {limit} bytes en wordt niet gelezen",
        "file_unreadable": "het bestand kan niet worden gelezen ({reason})",
        "file_not_found": "het bestand is niet gevonden",
        "not_utf8": "verwacht tekst in UTF-8, maar het bestand bevat tekens die geen UTF-8 zijn; sla het op als UTF-8",
        "not_utf8_bytes": "verwacht tekst in UTF-8, maar het bestand bevat tekens die geen UTF-8 zijn; sla het op als UTF-8",
        "too_many_aliases": "meer dan {limit} YAML-aliassen (*naam); het bestand wordt niet gelezen",
        "aliases_too_large": "de aliassen worden samen meer dan {limit} waarden; het bestand wordt niet gelezen",
        "duplicate_key": "de sleutel '{name}' staat er twee keer (de eerste keer op regel {first_line}); "
                         "elke sleutel mag maar één keer voorkomen",
        "yaml_invalid": "geen geldige YAML: {problem}",
        "yaml_invalid_since": "geen geldige YAML: {problem} ({context}, vanaf regel {line})",
        "yaml_character": "geen geldige YAML: het teken #x{character} is niet toegestaan (teken {position} van de tekst)",
        "yaml_nested_too_deeply": "te diep genest: meer dan {limit} lijsten of blokken in elkaar; het bestand wordt niet gelezen",
        "yaml_value_type": "geen geldige YAML: een waarde past niet bij haar soort{detail}; "
                           "schrijf een datum als 2026-01-31 en controleer tags met !!",
        "yaml_whole_number": "geen geldige YAML: verwacht een heel getal" + _GOT_NL,
        # Where the file sits in its chain (ladder/rules/loading.py).
        "not_sections": "verwacht een bestand met onderdelen (sleutel: waarde)" + _GOT_NL,
        "empty_value": "verwacht een waarde, maar er staat niets (laat de sleutel weg om te houden wat de regelset "
                       "heeft waarop u voortbouwt)",
        "extends_not_found": "'extends' noemt '{id}', maar {id}.yaml is niet gevonden: niet naast dit bestand, "
                             "niet in rules/ en niet in municipalities/",
        "extends_circle": "de regelsets bouwen in een kring op elkaar voort: {chain}",
        "parent_broken": "de regelset waarop dit bestand voortbouwt ({file}) bevat fouten",
        "unknown_rule_set": "er is geen regelset met deze id; meegeleverd zijn: {ids}",
        "base_only_use": "'{name}' mag hier niet: gebruik {first} of {second} in een bestand met 'extends'",
        "base_only": "'{name}' mag hier niet: alleen een basisregelset (zonder 'extends') legt dit vast",
        "extends_only": "'{name}' mag hier niet: alleen een bestand met 'extends' mag dit gebruiken",
        "base_key_missing": "de sleutel '{name}' ontbreekt (een basisregelset moet die hebben)",
        "key_missing": "de sleutel '{name}' ontbreekt; die is verplicht",
        "key_unknown": "onbekende sleutel '{name}'",
        "more_problems": "er zijn nog meer problemen; alleen de eerste {shown} staan in deze lijst",
        # References between rungs, traits, options and ids.
        "rung_unknown": "onbekende trede '{id}'; verwacht een van: {choices}",
        "rung_unknown_or_why": "onbekende trede '{id}'; verwacht een van: {choices} of why",
        "rung_unknown_none_known": "onbekende trede '{id}'",
        "trait_unknown": "onbekende vraag '{id}'; verwacht een van: {choices}",
        "role_unknown": "onbekende rol '{id}'; verwacht een van: {choices}",
        "role_unknown_none_known": "onbekende rol '{id}'",
        "option_unknown": "onbekend antwoord '{id}' bij vraag '{trait}'; verwacht een van: {choices}",
        "attribute_value_unknown": "onbekende waarde '{id}' voor {attribute}; verwacht een van: {choices}",
        "id_unknown": "onbekende id '{id}' in {name}",
        "id_twice": "de id '{id}' komt twee keer voor in {name}",
        "rung_exists": "de trede '{id}' bestaat al",
        "trait_exists": "de vraag '{id}' bestaat al",
        "trait_disabled": "de vraag '{id}' is in deze regelset uitgezet; verwacht een van: {choices}",
        "not_a_trait": "'{id}' is geen vraag van deze regelset; verwacht een van: {choices}",
        "goal_trait_weighed": "'{id}' is de vraag van de doelroute; die krijgt geen punten in de situatieroute",
        "excludes_every_rung": "sluit alle treden uit; er moet minstens één trede mogelijk blijven",
        "goal_links_missing": "elk antwoord heeft een trede nodig; die ontbreekt bij: {ids}",
        "trait_still_used": "de vraag '{id}' wordt nog gebruikt door {users}; zet die ook uit, elk met de "
                            "disable_-sleutel van zijn onderdeel (disable_kaders, disable_guidance, disable_rights, "
                            "disable_support, disable_preconditions, disable_role_needs; een vraag met ask_when "
                            "zet u uit met disable_traits; information vervangt u door een eigen information), of "
                            "houd de vraag; houd hem altijd als werkvorm_fit, goal_route, phases, role_rules, "
                            "role_needs.main_for of role_needs.hats_from_trait hem gebruikt: alleen een "
                            "basisregelset kan die veranderen",
        "kaders_min_above_max": "de kaders '{low}' (min {min}) en '{high}' (max {max}) spreken elkaar tegen: "
                                "onder dezelfde voorwaarde ligt het minimum boven het maximum",
        "kaders_bound_excluded": "de kaders '{bound}' ({effect} {limit}) en '{excluding}' (niet: {rungs}) spreken "
                                 "elkaar tegen: onder dezelfde voorwaarde is elke trede binnen de grens van "
                                 "'{bound}' uitgesloten",
        "phase_trait_not_multiple": "de vraag '{id}' van 'phases' moet 'multiple: true' hebben",
        "phase_trait_weighed": "'{id}' is de vraag van 'phases'; zet de punten per fase in 'phases' of 'phase_points', "
                               "niet in 'weights'",
        "phase_points_without_phases": "'phase_points' kan alleen als de regelset waarop u voortbouwt 'phases' heeft",
        "at_least_too_many": "vraagt {count} antwoorden, maar noemt maar {size} vragen",
        "trait_in_two_blocks": "de vraag '{id}' staat al in het blok '{block}'; elke vraag staat in hoogstens één blok",
        "ask_when_self": "een vraag kan niet afhangen van haar eigen antwoord",
        "role_rules_and_needs": "gebruik 'role_needs' of 'role_rules', niet allebei",
        "role_needs_missing": "'{name}' verandert de rolbehoeften, maar de regelset waarop dit bestand voortbouwt "
                              "heeft geen 'role_needs'",
        # The checks of the model itself (ladder/rules/model.py).
        "unknown_listed": "'{id}' komt vanzelf bij elke vraag; zet het niet bij de antwoorden",
        "options_repeated": "elk antwoord moet een eigen id hebben; meer dan één keer gevonden: {ids}",
        "condition_both": "een voorwaarde is óf een test op één vraag, óf all/any/not, niet allebei",
        "condition_combined": "gebruik één van all/any/not per voorwaarde; gevonden: {found}",
        "condition_test": "een test op een vraag heeft precies één van 'equals' of 'in' nodig",
        "condition_without_trait": "bij 'equals' en 'in' hoort een 'trait'",
        "condition_empty": "verwacht 'trait' met 'equals' of 'in', of één van all/any/not",
        "kader_effects": "verwacht precies één gevolg (max, min, exclude of warning: true), gevonden: {found}",
        "robustness_order": "'redelijk' mag niet hoger zijn dan 'robuust'",
        "not_applicable_listed": "'{id}' is het antwoord van een vraag die niet gesteld wordt; gebruik een andere id",
        "exclusive_single": "'exclusive' past alleen bij een vraag met 'multiple: true'",
        "rungs_and_rungs_from": "gebruik 'rungs' of 'rungs_from', niet allebei",
        "fit_form": "een passingsregel heeft 'prefer' of 'per_answer' nodig: precies één van de twee",
        "fit_cap_missing": "bij 'per_answer' hoort een 'cap': het grootste totaal (het teken telt niet)",
        "fit_cap_with_prefer": "'cap' hoort bij 'per_answer', niet bij 'prefer'",
        "fit_per_answer_list": "'per_answer' telt antwoorden in een lijst van de werkvorm; '{attribute}' is geen "
                               "lijst; kies {choices}",
        "number_between": "verwacht een getal tussen {low} en {high}" + _GOT_NL,
        "whole_number_between": "verwacht een heel getal tussen {low} en {high}" + _GOT_NL,
        # What pydantic found wrong in a value (ladder/rules/validation_messages.py).
        "number_above": "verwacht een getal boven {bound}" + _GOT_NL,
        "too_few": "te weinig: verwacht minstens {count}, gevonden {actual}",
        "not_one_of": "verwacht een van: {choices}" + _GOT_NL,
        "text_expected": "verwacht tekst" + _GOT_NL,
        "text_empty": "verwacht tekst die niet leeg is" + _GOT_NL,
        "number_expected": "verwacht een getal" + _GOT_NL,
        "bool_expected": "verwacht true of false" + _GOT_NL,
        "mapping_expected": "verwacht een blok met sleutels en waarden (sleutel: waarde)" + _GOT_NL,
        "list_expected": "verwacht een lijst" + _GOT_NL,
        "date_expected": "verwacht een datum zoals 2026-01-31" + _GOT_NL,
        "date_with_time": "verwacht alleen een datum zoals 2026-01-31 (zonder tijd)" + _GOT_NL,
        "id_expected": "verwacht een id: kleine letters, cijfers en _, beginnend met een letter" + _GOT_NL,
        # A check of pydantic's that this catalogue does not know: pydantic's own (English) words.
        "value_invalid": "{detail}" + _GOT_NL,
        # Answers in a project file that the rule set does not take: the engine says why, in English.
        "answer_unknown_trait": "onbekende vraag '{trait}'; kies uit {choices}",
        "answer_one_only": "de vraag '{trait}' heeft één antwoord, maar kreeg er {count}: {given}",
        "answer_not_an_option": "ongeldig antwoord {given} bij de vraag '{trait}'; kies uit {choices} of {unknown}",
        "answer_not_asked": "de vraag '{trait}' hoort niet bij deze regels",
        "answer_exclusive": "het antwoord '{option}' bij de vraag '{trait}' kan niet samen met andere antwoorden: {given}",
        "answer_in_row": "regel {row}: {problem}",
    },
    "en": {
        "file_too_big": "file is {size} bytes; at most {limit} bytes are read",
        "text_too_big": "text is over {limit} bytes; refused before parsing",
        "file_unreadable": "cannot read the file ({reason})",
        "file_not_found": "file not found",
        "not_utf8": "expected UTF-8 text",
        "not_utf8_bytes": "expected UTF-8 text, found bytes that are not UTF-8",
        "too_many_aliases": "more than {limit} YAML aliases (*name); refused",
        "aliases_too_large": "aliases expand to more than {limit} values; refused",
        "duplicate_key": "duplicate key '{name}' (first at line {first_line}); each key may appear once",
        "yaml_invalid": "not valid YAML: {problem}",
        "yaml_invalid_since": "not valid YAML: {problem} ({context} that starts at line {line})",
        "yaml_character": "not valid YAML: the character #x{character} is not allowed (character {position} of the text)",
        "yaml_nested_too_deeply": "nested too deeply: more than {limit} lists or mappings inside each other; refused",
        "yaml_value_type": "not valid YAML: a value does not fit its type{detail}",
        "yaml_whole_number": "not valid YAML: expected a whole number" + _GOT_EN,
        "not_sections": "expected a mapping of sections" + _GOT_EN,
        "empty_value": "expected a value, got nothing (leave the key out to keep what the rule set it extends has)",
        "extends_not_found": "extends '{id}', but no {id}.yaml was found next to this file, in rules/ or in "
                             "municipalities/",
        "extends_circle": "the rule sets extend each other in a circle: {chain}",
        "parent_broken": "the rule set it extends, {file}, has errors",
        "unknown_rule_set": "no rule set with this id; bundled: {ids}",
        "base_only_use": "'{name}' is not allowed here: use {first} or {second} in a file with 'extends'",
        "base_only": "'{name}' is not allowed here: only a base rule set (without 'extends') defines it",
        "extends_only": "'{name}' is not allowed here: only a file with 'extends' may use it",
        "base_key_missing": "missing required key '{name}' (a base rule set defines it)",
        "key_missing": "missing required key '{name}'",
        "key_unknown": "unknown key '{name}'",
        "more_problems": "there are more problems; only the first {shown} are listed",
        "rung_unknown": "unknown rung '{id}'; expected one of {choices}",
        "rung_unknown_or_why": "unknown rung '{id}'; expected one of {choices} or why",
        "rung_unknown_none_known": "unknown rung '{id}'",
        "trait_unknown": "unknown trait '{id}'; expected one of {choices}",
        "role_unknown": "unknown role '{id}'; expected one of {choices}",
        "role_unknown_none_known": "unknown role '{id}'",
        "option_unknown": "unknown option '{id}' of trait '{trait}'; expected one of {choices}",
        "attribute_value_unknown": "unknown {attribute} '{id}'; expected one of {choices}",
        "id_unknown": "unknown id '{id}' in {name}",
        "id_twice": "id '{id}' is used twice in {name}",
        "rung_exists": "rung '{id}' already exists",
        "trait_exists": "trait '{id}' already exists",
        "trait_disabled": "'{id}' is disabled in this rule set; expected one of {choices}",
        "not_a_trait": "'{id}' is not a trait of this rule set; expected one of {choices}",
        "goal_trait_weighed": "'{id}' is the goal route's trait; it is not weighed in the situation route",
        "excludes_every_rung": "excludes every rung; at least one must stay possible",
        "goal_links_missing": "every answer needs a rung; missing {ids}",
        "trait_still_used": "trait '{id}' is still used by {users}; disable those too, each with the disable_ "
                            "key of its section (disable_kaders, disable_guidance, disable_rights, disable_support, "
                            "disable_preconditions, disable_role_needs; a question with ask_when is disabled with "
                            "disable_traits; information is replaced by an information of your own), or keep the "
                            "trait; always keep it when werkvorm_fit, goal_route, phases, role_rules, "
                            "role_needs.main_for or role_needs.hats_from_trait uses it: only a base can change those",
        "kaders_min_above_max": "kaders '{low}' (min {min}) and '{high}' (max {max}) contradict: under the same "
                                "condition the minimum is above the maximum",
        "kaders_bound_excluded": "kaders '{bound}' ({effect} {limit}) and '{excluding}' (exclude {rungs}) contradict: "
                                 "under the same condition every rung the {effect} allows is excluded",
        "phase_trait_not_multiple": "the phases trait '{id}' must have multiple: true",
        "phase_trait_weighed": "'{id}' is the phases trait; give its points in phases or phase_points, not in weights",
        "phase_points_without_phases": "phase_points needs a rule set with phases to extend",
        "at_least_too_many": "asks for {count} answers but lists only {size} traits",
        "trait_in_two_blocks": "trait '{id}' is already in block '{block}'; a trait is in at most one block",
        "ask_when_self": "a trait cannot depend on its own answer",
        "role_rules_and_needs": "use 'role_needs' or 'role_rules', not both",
        "role_needs_missing": "'{name}' changes the role needs, but the rule set it extends has no 'role_needs'",
        "unknown_listed": "'{id}' is added to every question by itself; do not list it",
        "options_repeated": "option ids must be unique, found {ids} more than once",
        "condition_both": "a condition is either a test on one trait or all/any/not, not both",
        "condition_combined": "use one of all/any/not per condition, found {found}",
        "condition_test": "a test on a trait needs exactly one of 'equals' or 'in'",
        "condition_without_trait": "'equals' and 'in' need a 'trait'",
        "condition_empty": "expected 'trait' with 'equals'/'in', or one of all/any/not",
        "kader_effects": "expected exactly one effect (max, min, exclude or warning: true), found {found}",
        "robustness_order": "'redelijk' must not be above 'robuust'",
        "not_applicable_listed": "'{id}' is the answer of a question that is not asked; use another id",
        "exclusive_single": "exclusive needs a trait with multiple: true",
        "rungs_and_rungs_from": "use rungs or rungs_from, not both",
        "fit_form": "a fit rule needs exactly one of 'prefer' or 'per_answer'",
        "fit_cap_missing": "'per_answer' needs a 'cap': the largest total (its sign does not count)",
        "fit_cap_with_prefer": "'cap' goes with 'per_answer', not with 'prefer'",
        "fit_per_answer_list": "'per_answer' counts answers in a list of the method; '{attribute}' is not a list, "
                               "use {choices}",
        "number_between": "expected a number between {low} and {high}" + _GOT_EN,
        "whole_number_between": "expected a whole number between {low} and {high}" + _GOT_EN,
        "number_above": "expected a number above {bound}" + _GOT_EN,
        "too_few": "expected at least {count} item(s), got {actual}",
        "not_one_of": "expected one of {choices}" + _GOT_EN,
        "text_expected": "expected text" + _GOT_EN,
        "text_empty": "expected non-empty text" + _GOT_EN,
        "number_expected": "expected a number" + _GOT_EN,
        "bool_expected": "expected true or false" + _GOT_EN,
        "mapping_expected": "expected a mapping (key: value)" + _GOT_EN,
        "list_expected": "expected a list" + _GOT_EN,
        "date_expected": "expected a date like 2026-01-31" + _GOT_EN,
        "date_with_time": "Datetimes provided to dates should have zero time - e.g. be exact dates" + _GOT_EN,
        "id_expected": "expected an id: lowercase letters, digits and _, starting with a letter" + _GOT_EN,
        "value_invalid": "{detail}" + _GOT_EN,
        "answer_unknown_trait": "unknown trait '{trait}'; expected one of {choices}",
        "answer_one_only": "trait '{trait}' takes one answer, got {count}: {given}",
        "answer_not_an_option": "invalid answer {given} for trait '{trait}'; expected one of {choices} or {unknown}",
        "answer_not_asked": "unknown trait '{trait}'",
        "answer_exclusive": "answer '{option}' of trait '{trait}' cannot be combined with other answers: {given}",
        "answer_in_row": "row {row}: {problem}",
    },
}

# Where a problem is: `file:6 path: message` in English (as the command line prints it), `file, regel 6,
# path: message` in Dutch.
WHERE: Templates = {
    "nl": {
        "where_line": "{file}, regel {line}",
        "where_path": "{where}, {path}: {message}",
        "where_no_path": "{where}: {message}",
    },
    "en": {
        "where_line": "{file}:{line}",
        "where_path": "{where} {path}: {message}",
        "where_no_path": "{where}: {message}",
    },
}

# Words inside a problem: what was found, and why a file could not be read.
WORDS: Templates = {
    "nl": {
        "found_nothing": "niets",
        "found_mapping": "een blok met sleutels en waarden",
        "found_list": "een lijst",
        "found_empty_file": "een leeg bestand",
        "found_none": "geen",
        "type_list": "een lijst",
        "type_str": "tekst",
        "type_int": "een getal",
        "type_float": "een getal",
        "type_bool": "true of false",
        "type_date": "een datum",
        "type_datetime": "een datum met tijd",
        "reason_no_such_file": "het bestand bestaat niet",
        "reason_permission": "geen toestemming om het te lezen",
    },
    "en": {
        "found_nothing": "nothing",
        "found_mapping": "a mapping",
        "found_list": "a list",
        "found_empty_file": "an empty file",
        "found_none": "none",
        "type_list": "list",
        "type_str": "str",
        "type_int": "int",
        "type_float": "float",
        "type_bool": "bool",
        "type_date": "date",
        "type_datetime": "datetime",
        "reason_no_such_file": "No such file or directory",
        "reason_permission": "Permission denied",
    },
}

PROBLEM_TEXTS = Catalogue(("problems", PROBLEMS), ("where", WHERE), ("words", WORDS))

# What LibYAML and PyYAML say (English only) inside "not valid YAML: ...", in Dutch. A phrase that is
# not here stays English; one that ends in a detail of its own is matched by its beginning.
YAML_DUTCH: dict[str, str] = {
    "block sequence entries are not allowed in this context": "een lijstregel (- ...) mag hier niet staan",
    "mapping keys are not allowed in this context": "een sleutel mag hier niet staan",
    "mapping values are not allowed in this context":
        "hier staat een dubbele punt (:) waar die niet kan; zet tekst met een dubbele punt tussen aanhalingstekens",
    "but found another document": "er begint nog een document (---)",
    "expected a single document in the stream": "er mag maar één document in het bestand staan",
    "could not find expected ':'": "de dubbele punt (:) na een sleutel ontbreekt",
    "could not find expected directive name": "na het teken % ontbreekt een naam",
    "did not find URI escaped octet": "een %-teken in een tag is niet goed geschreven",
    "did not find expected '!'": "het teken ! ontbreekt",
    "did not find expected ',' or ']'": "hier ontbreekt een komma (,) of een ]",
    "did not find expected ',' or '}'": "hier ontbreekt een komma (,) of een }",
    "did not find expected '-' indicator": "hier ontbreekt het streepje (-) van een lijstregel",
    "did not find expected <document start>": "het begin van een document (---) ontbreekt",
    "did not find expected alphabetic or numeric character": "hier hoort een letter of cijfer te staan",
    "did not find expected comment or line break": "hier hoort commentaar (#) of het einde van de regel te staan",
    "did not find expected digit or '.' character": "hier hoort een cijfer of een punt te staan",
    "did not find expected hexdecimal number": "hier hoort een hexadecimaal getal te staan",
    "did not find expected key": "hier hoort een sleutel te staan; kijk of de regels goed zijn ingesprongen",
    "did not find expected node content": "hier hoort een waarde te staan",
    "did not find expected tag URI": "de tag (!...) is niet goed geschreven",
    "did not find expected version number": "het versienummer na %YAML ontbreekt",
    "did not find expected whitespace": "hier hoort een spatie of het einde van de regel te staan",
    "did not find expected whitespace or line break": "hier hoort een spatie of het einde van de regel te staan",
    "did not find the expected '>'": "het teken > ontbreekt",
    "found a tab character that violates indentation": "hier staat een tab; spring in met spaties",
    "found a tab character where an indentation space is expected": "hier staat een tab; spring in met spaties",
    "found an incorrect leading UTF-8 octet": "hier staat een teken dat geen UTF-8 is",
    "found an incorrect trailing UTF-8 octet": "hier staat een teken dat geen UTF-8 is",
    "found an indentation indicator equal to 0": "het getal na | of > mag geen 0 zijn",
    "found character that cannot start any token":
        "hier staat een teken waarmee geen waarde kan beginnen (zoals @ of `); zet de tekst tussen aanhalingstekens",
    "found duplicate %TAG directive": "de regel %TAG staat er twee keer",
    "found duplicate %YAML directive": "de regel %YAML staat er twee keer",
    "second occurrence": "hetzelfde anker (&naam) staat er nog een keer",
    "found duplicate anchor; first occurrence": "de eerste keer",
    "found extremely long version number": "het versienummer na %YAML is te lang",
    "found incompatible YAML document": "deze YAML-versie wordt niet ondersteund",
    "found invalid Unicode character escape code": "een code als \\u... in de tekst is geen geldig teken",
    "found undefined alias": "er wordt verwezen naar een alias (*naam) die niet bestaat",
    "found undefined tag handle": "de tag (!...) is onbekend",
    "found unexpected ':'": "hier staat een dubbele punt (:) die hier niet kan",
    "found unexpected document indicator": "hier staat --- of ... midden in een waarde",
    "found unexpected end of stream": "het bestand houdt onverwacht op; is er een aanhalingsteken of haakje niet gesloten?",
    "found unexpected non-alphabetical character": "hier hoort een letter te staan",
    "found unknown directive name": "een regel die met % begint, is onbekend",
    "found unknown escape character": "na een \\ in tekst tussen dubbele aanhalingstekens staat een onbekend teken",
    "found unhashable key": "een sleutel mag geen lijst of blok zijn",
    **dict.fromkeys(
        [f"while {verb} a {what}" for verb in ("parsing", "scanning")
         for what in ("simple key", "plain scalar", "node", "block node", "flow node")],
        "in een waarde",
    ),
    **dict.fromkeys(
        ["while parsing a block mapping", "while parsing a mapping", "while constructing a block mapping",
         "while constructing a mapping"],
        "in een blok met sleutels",
    ),
    "while parsing a block collection": "in een blok",
    "while parsing a flow mapping": "in een blok tussen { }",
    "while parsing a flow sequence": "in een lijst tussen [ ]",
    "while parsing a quoted scalar": "in een tekst tussen aanhalingstekens",
    "while scanning a quoted scalar": "in een tekst tussen aanhalingstekens",
    "while scanning a block scalar": "in een tekstblok (| of >)",
    "while scanning an alias": "in een alias (*naam)",
    "while scanning an anchor": "in een anker (&naam)",
    "while parsing a tag": "in een tag (!...)",
    "while scanning a tag": "in een tag (!...)",
    **dict.fromkeys(
        [f"while {verb} {what}" for verb in ("parsing", "scanning")
         for what in ("a directive", "a %TAG directive", "a %YAML directive", "a tag directive")],
        "in een regel die met % begint",
    ),
    "while scanning for the next token": "bij het lezen",
    **dict.fromkeys(
        ["while constructing an ordered map", "while constructing pairs", "while constructing a set"],
        "in een waarde met een tag (!!...)",
    ),
}
# Phrases that end in a detail (a tag, a node kind, Python's reason): the beginning says it all.
YAML_DUTCH_BEGINNINGS: dict[str, str] = {
    "could not determine a constructor for the tag ": "de tag {rest} is niet toegestaan",
    "expected a sequence, but found ": "deze tag (!!...) past niet bij de waarde die erna komt",
    "expected a mapping node, but found ": "deze tag (!!...) past niet bij de waarde die erna komt",
    "expected a mapping of length 1, but found ": "deze tag (!!...) past niet bij de waarde die erna komt",
    "failed to decode base64 data: ": "de gegevens na !!binary zijn geen geldige base64",
    "failed to convert base64 data: ": "de gegevens na !!binary zijn geen geldige base64",
}


# --- parameters with their own text per language -------------------------------------------------


@dataclass(frozen=True)
class YamlPhrase:
    """What the YAML reader said, in English; in Dutch from YAML_DUTCH (English when it is not there)."""

    english: str

    def get(self, lang: str) -> str:
        if language(lang) == "en":
            return self.english
        if self.english in YAML_DUTCH:
            return YAML_DUTCH[self.english]
        for beginning, dutch in YAML_DUTCH_BEGINNINGS.items():
            if self.english.startswith(beginning):
                return dutch.format(rest=self.english.removeprefix(beginning))
        return self.english


@dataclass(frozen=True)
class EnglishDetail:
    """A detail only Python gives, in English: shown in brackets to English readers, left out in Dutch."""

    text: str

    def get(self, lang: str) -> str:
        return f" ({self.text})" if self.text and language(lang) == "en" else ""


@dataclass(frozen=True)
class Count:
    """A count of bytes or values, grouped as each language does (1,000,000 and 1.000.000)."""

    value: int

    def get(self, lang: str) -> str:
        return count_text(self.value, lang)


@dataclass(frozen=True)
class Words:
    """Keys of the format named in a sentence: `max and min`; in Dutch quoted, as keys among Dutch words."""

    words: tuple[str, ...]

    def get(self, lang: str) -> str:
        quoted = self.words if language(lang) == "en" else tuple(f"'{word}'" for word in self.words)
        return list_text(quoted, lang)


@dataclass(frozen=True)
class Alternatives:
    """The values a field allows, already quoted: `'a', 'b' or 'c'` and `'a', 'b' of 'c'`."""

    values: tuple[str, ...]

    def get(self, lang: str) -> str:
        return list_text(self.values, lang, "or")


def ids(values: Iterable[str]) -> str:
    """Ids in a problem as the format writes them, in both languages: `laag, midden, hoog`."""
    return ", ".join(values)


def word(key: str) -> Message:
    return PROBLEM_TEXTS.message(key)


def found_type(value: object) -> Message | str:
    """What a whole document turned out to be, when it is not a mapping of sections."""
    if value is None:
        return word("found_empty_file")
    name = type(value).__name__
    return word(f"type_{name}") if f"type_{name}" in PROBLEM_TEXTS else name


def os_reason(strerror: str | None) -> Message | str:
    """Why the operating system could not read a file, for the reasons a reader can meet."""
    key = {"No such file or directory": "reason_no_such_file", "Permission denied": "reason_permission"}.get(strerror or "")
    return word(key) if key else str(strerror)

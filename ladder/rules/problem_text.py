"""Rule-set problems in the reader's language.

The checker writes its messages in English (the CLI, the tests and docs/rule-format.md rely on them).
For Dutch readers, one catalogue of message patterns turns each message into Dutch, reusing the ids,
lines and values it captured. A message without a pattern stays English; tests/test_problem_text.py
triggers every message the loader can give and fails on any that is not translated.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ladder.rules.problems import Problem

_GOT = r", got (?P<found>.+)"

# What pydantic and the loader call the value they found (validation_messages._shown, loading's type names).
_FOUND = {
    "nothing": "niets",
    "a mapping": "een blok met sleutels en waarden",
    "a list": "een lijst",
    "an empty file": "een leeg bestand",
    "list": "een lijst",
    "str": "tekst",
    "int": "een getal",
    "float": "een getal",
    "bool": "true of false",
    "date": "een datum",
    "datetime": "een datum met tijd",
}
# Why the operating system could not read a file (OSError.strerror) for the errors a reader can meet.
_REASONS = {"No such file or directory": "het bestand bestaat niet", "Permission denied": "geen toestemming om het te lezen"}
_WORDS = {
    "a whole number": "een heel getal",
    "a number": "een getal",
    "above": "boven",
    "at least": "minstens",
    "below": "onder",
    "at most": "hoogstens",
    "none": "geen",
}

# (English message as a regular expression, Dutch template). The first pattern that matches the whole
# message wins, so a specific pattern comes before a general one. Named groups are copied into the
# template; how a group's value is translated depends on its name (see _CONVERT).
_PATTERNS: tuple[tuple[str, str], ...] = (
    # Reading the file (ladder/yaml_source.py, ladder/loading.py).
    (r"file is (?P<bytes>[\d,]+) bytes; at most (?P<bytes2>[\d,]+) bytes are read",
     "het bestand is {bytes} bytes; er worden hoogstens {bytes2} bytes gelezen"),
    (r"text is over (?P<bytes>[\d,]+) bytes; refused before parsing",
     "de tekst is groter dan {bytes} bytes en wordt niet gelezen"),
    (r"cannot read the file \((?P<reason>.+)\)", "het bestand kan niet worden gelezen ({reason})"),
    (r"file not found", "het bestand is niet gevonden"),
    (r"expected UTF-8 text(?:, found bytes that are not UTF-8)?",
     "verwacht tekst in UTF-8, maar het bestand bevat tekens die geen UTF-8 zijn; sla het op als UTF-8"),
    (r"more than (?P<count>\d+) YAML aliases \(\*name\); refused",
     "meer dan {count} YAML-aliassen (*naam); het bestand wordt niet gelezen"),
    (r"aliases expand to more than (?P<bytes>[\d,]+) values; refused",
     "de aliassen worden samen meer dan {bytes} waarden; het bestand wordt niet gelezen"),
    (r"duplicate key '(?P<key>.*)' \(first at line (?P<line>\d+)\); each key may appear once",
     "de sleutel '{key}' staat er twee keer (de eerste keer op regel {line}); elke sleutel mag maar één keer voorkomen"),
    (r"not valid YAML: (?P<msg>.+) \((?P<msg2>.+) that starts at line (?P<line>\d+)\)",
     "geen geldige YAML: {msg} ({msg2}, vanaf regel {line})"),
    (r"not valid YAML: (?P<msg>.+)", "geen geldige YAML: {msg}"),
    # What the YAML reader (libyaml and PyYAML's constructor) says inside "not valid YAML: ...".
    (r"a value does not fit its type.*",
     "een waarde past niet bij haar soort; schrijf een datum als 2026-01-31 en controleer tags met !!"),
    (r"nested too deeply", "te diep genest (te veel haakjes of inspringingen in elkaar)"),
    (r"unacceptable character #x(?P<code>[0-9a-fA-F]+): \w+ characters are not allowed.*position (?P<position>\d+)",
     "het teken #x{code} is niet toegestaan (teken {position} van de tekst)"),
    (r"block sequence entries are not allowed in this context", "een lijstregel (- ...) mag hier niet staan"),
    (r"mapping keys are not allowed in this context", "een sleutel mag hier niet staan"),
    (r"mapping values are not allowed in this context",
     "hier staat een dubbele punt (:) waar die niet kan; zet tekst met een dubbele punt tussen aanhalingstekens"),
    (r"but found another document", "er begint nog een document (---)"),
    (r"expected a single document in the stream", "er mag maar één document in het bestand staan"),
    (r"could not find expected ':'", "de dubbele punt (:) na een sleutel ontbreekt"),
    (r"could not find expected directive name", "na het teken % ontbreekt een naam"),
    (r"did not find URI escaped octet", "een %-teken in een tag is niet goed geschreven"),
    (r"did not find expected '!'", "het teken ! ontbreekt"),
    (r"did not find expected ',' or '\]'", "hier ontbreekt een komma (,) of een ]"),
    (r"did not find expected ',' or '\}'", "hier ontbreekt een komma (,) of een }}"),
    (r"did not find expected '-' indicator", "hier ontbreekt het streepje (-) van een lijstregel"),
    (r"did not find expected <document start>", "het begin van een document (---) ontbreekt"),
    (r"did not find expected alphabetic or numeric character", "hier hoort een letter of cijfer te staan"),
    (r"did not find expected comment or line break", "hier hoort commentaar (#) of het einde van de regel te staan"),
    (r"did not find expected digit or '\.' character", "hier hoort een cijfer of een punt te staan"),
    (r"did not find expected hexdecimal number", "hier hoort een hexadecimaal getal te staan"),
    (r"did not find expected key", "hier hoort een sleutel te staan; kijk of de regels goed zijn ingesprongen"),
    (r"did not find expected node content", "hier hoort een waarde te staan"),
    (r"did not find expected tag URI", "de tag (!...) is niet goed geschreven"),
    (r"did not find expected version number", "het versienummer na %YAML ontbreekt"),
    (r"did not find expected whitespace(?: or line break)?", "hier hoort een spatie of het einde van de regel te staan"),
    (r"did not find the expected '>'", "het teken > ontbreekt"),
    (r"found a tab character (?:that violates indentation|where an indentation space is expected)",
     "hier staat een tab; spring in met spaties"),
    (r"found an incorrect (?:leading|trailing) UTF-8 octet", "hier staat een teken dat geen UTF-8 is"),
    (r"found an indentation indicator equal to 0", "het getal na | of > mag geen 0 zijn"),
    (r"found character that cannot start any token",
     "hier staat een teken waarmee geen waarde kan beginnen (zoals @ of `); zet de tekst tussen aanhalingstekens"),
    (r"found duplicate %(?P<name>TAG|YAML) directive", "de regel %{name} staat er twee keer"),
    (r"second occurrence", "hetzelfde anker (&naam) staat er nog een keer"),
    (r"found duplicate anchor; first occurrence", "de eerste keer"),
    (r"found extremely long version number", "het versienummer na %YAML is te lang"),
    (r"found incompatible YAML document", "deze YAML-versie wordt niet ondersteund"),
    (r"found invalid Unicode character escape code", "een code als \\u... in de tekst is geen geldig teken"),
    (r"found undefined alias", "er wordt verwezen naar een alias (*naam) die niet bestaat"),
    (r"found undefined tag handle", "de tag (!...) is onbekend"),
    (r"found unexpected ':'", "hier staat een dubbele punt (:) die hier niet kan"),
    (r"found unexpected document indicator", "hier staat --- of ... midden in een waarde"),
    (r"found unexpected end of stream",
     "het bestand houdt onverwacht op; is er een aanhalingsteken of haakje niet gesloten?"),
    (r"found unexpected non-alphabetical character", "hier hoort een letter te staan"),
    (r"found unknown directive name", "een regel die met % begint, is onbekend"),
    (r"found unknown escape character", "na een \\ in tekst tussen dubbele aanhalingstekens staat een onbekend teken"),
    (r"found unhashable key", "een sleutel mag geen lijst of blok zijn"),
    (r"could not determine a constructor for the tag '(?P<tag>.*)'", "de tag '{tag}' is niet toegestaan"),
    (r"expected a (?:sequence|mapping node|mapping of length 1), but found (?P<node>\w+)",
     "deze tag (!!...) past niet bij de waarde die erna komt"),
    (r"failed to (?:decode|convert) base64 data: .*", "de gegevens na !!binary zijn geen geldige base64"),
    (r"while (?:parsing|scanning) a (?:simple key|plain scalar|node|block node|flow node)", "in een waarde"),
    (r"while (?:parsing|constructing) a (?:block mapping|mapping)", "in een blok met sleutels"),
    (r"while parsing a block collection", "in een blok"),
    (r"while parsing a flow mapping", "in een blok tussen {{ }}"),
    (r"while parsing a flow sequence", "in een lijst tussen [ ]"),
    (r"while (?:parsing|scanning) a quoted scalar", "in een tekst tussen aanhalingstekens"),
    (r"while scanning a block scalar", "in een tekstblok (| of >)"),
    (r"while scanning an alias", "in een alias (*naam)"),
    (r"while scanning an anchor", "in een anker (&naam)"),
    (r"while (?:parsing|scanning) a tag", "in een tag (!...)"),
    (r"while (?:parsing|scanning) (?:a|an) (?:directive|%TAG directive|%YAML directive|tag directive)",
     "in een regel die met % begint"),
    (r"while scanning for the next token", "bij het lezen"),
    (r"while constructing (?:an ordered map|pairs|a set)", "in een waarde met een tag (!!...)"),
    # Where the file sits in its chain (ladder/loading.py).
    (r"expected a mapping of sections" + _GOT,
     "verwacht een bestand met onderdelen (sleutel: waarde), gevonden {found}"),
    (r"expected a value, got nothing \(leave the key out to keep what the rule set it extends has\)",
     "verwacht een waarde, maar er staat niets (laat de sleutel weg om te houden wat de regelset heeft waarop u voortbouwt)"),
    (r"extends '(?P<id>.*)', but no (?P<file>.+) was found next to this file, in rules/ or in municipalities/",
     "'extends' noemt '{id}', maar {file} is niet gevonden: niet naast dit bestand, niet in rules/ en niet in municipalities/"),
    (r"the rule sets extend each other in a circle: (?P<chain>.+)",
     "de regelsets bouwen in een kring op elkaar voort: {chain}"),
    (r"the rule set it extends, (?P<file>.+), has errors",
     "de regelset waarop dit bestand voortbouwt ({file}) bevat fouten"),
    (r"no rule set with this id; bundled: (?P<ids>.*)", "er is geen regelset met deze id; meegeleverd zijn: {ids}"),
    (r"'(?P<key>\w+)' is not allowed here: use (?P<a>\w+) or (?P<b>\w+) in a file with 'extends'",
     "'{key}' mag hier niet: gebruik {a} of {b} in een bestand met 'extends'"),
    (r"'(?P<key>\w+)' is not allowed here: only a file with 'extends' may use it",
     "'{key}' mag hier niet: alleen een bestand met 'extends' mag dit gebruiken"),
    (r"'(?P<key>\w+)' is not allowed here: only a base rule set \(without 'extends'\) defines it",
     "'{key}' mag hier niet: alleen een basisregelset (zonder 'extends') legt dit vast"),
    (r"missing required key '(?P<key>.*)' \(a base rule set defines it\)",
     "de sleutel '{key}' ontbreekt (een basisregelset moet die hebben)"),
    (r"missing required key '(?P<key>.*)'", "de sleutel '{key}' ontbreekt; die is verplicht"),
    (r"unknown key '(?P<key>.*)'", "onbekende sleutel '{key}'"),
    # References between rungs, traits, options and ids.
    (r"unknown rung '(?P<id>.*)'; expected one of (?P<choices>.*)", "onbekende trede '{id}'; verwacht een van: {choices}"),
    (r"unknown rung '(?P<id>.*)'", "onbekende trede '{id}'"),
    (r"unknown trait '(?P<id>.*)'; expected one of (?P<choices>.*)", "onbekende vraag '{id}'; verwacht een van: {choices}"),
    (r"unknown trait '(?P<id>.*)'", "onbekende vraag '{id}'"),
    (r"unknown role '(?P<id>.*)'; expected one of (?P<choices>.*)", "onbekende rol '{id}'; verwacht een van: {choices}"),
    (r"unknown option '(?P<id>.*)' of trait '(?P<trait>.*)'; expected one of (?P<choices>.*)",
     "onbekend antwoord '{id}' bij vraag '{trait}'; verwacht een van: {choices}"),
    (r"unknown (?P<attribute>schaal|groepsgrootte|kosten|duur) '(?P<id>.*)'; expected one of (?P<choices>.*)",
     "onbekende waarde '{id}' voor {attribute}; verwacht een van: {choices}"),
    (r"unknown id '(?P<id>.*)' in (?P<key>\w+)", "onbekende id '{id}' in {key}"),
    (r"id '(?P<id>.*)' is used twice in (?P<key>\w+)", "de id '{id}' komt twee keer voor in {key}"),
    (r"rung '(?P<id>.*)' already exists", "de trede '{id}' bestaat al"),
    (r"trait '(?P<id>.*)' already exists", "de vraag '{id}' bestaat al"),
    (r"'(?P<id>.*)' is disabled in this rule set; expected one of (?P<choices>.*)",
     "de vraag '{id}' is in deze regelset uitgezet; verwacht een van: {choices}"),
    (r"'(?P<id>.*)' is not a trait of this rule set; expected one of (?P<choices>.*)",
     "'{id}' is geen vraag van deze regelset; verwacht een van: {choices}"),
    (r"'(?P<id>.*)' is the goal route's trait; it is not weighed in the situation route",
     "'{id}' is de vraag van de doelroute; die krijgt geen punten in de situatieroute"),
    (r"excludes every rung; at least one must stay possible",
     "sluit alle treden uit; er moet minstens één trede mogelijk blijven"),
    (r"every answer needs a rung; missing (?P<ids>.*)", "elk antwoord heeft een trede nodig; die ontbreekt bij: {ids}"),
    ((r"trait '(?P<id>.*)' is still used by (?P<users>.*); disable those kaders and guidance too "
      r"\(disable_kaders, disable_guidance\), or keep the trait"),
     ("de vraag '{id}' wordt nog gebruikt door {users}; zet die kaders en tips ook uit "
      "(disable_kaders, disable_guidance), of houd de vraag")),
    ((r"kaders '(?P<low>.*)' \(min (?P<min>\w+)\) and '(?P<high>.*)' \(max (?P<max>\w+)\) contradict: "
      r"under the same condition the minimum is above the maximum"),
     ("de kaders '{low}' (min {min}) en '{high}' (max {max}) spreken elkaar tegen: "
      "onder dezelfde voorwaarde ligt het minimum boven het maximum")),
    ((r"kaders '(?P<bound>.*)' \((?P<effect>min|max) (?P<limit>\w+)\) and '(?P<excluding>.*)' \(exclude (?P<rungs>.*)\) "
      r"contradict: under the same condition every rung the (?:min|max) allows is excluded"),
     ("de kaders '{bound}' ({effect} {limit}) en '{excluding}' (niet: {rungs}) spreken elkaar tegen: "
      "onder dezelfde voorwaarde is elke trede binnen de grens van '{bound}' uitgesloten")),
    # The checks of the model itself (ladder/model.py).
    (r"'(?P<id>\w+)' is added to every question by itself; do not list it",
     "'{id}' komt vanzelf bij elke vraag; zet het niet bij de antwoorden"),
    (r"option ids must be unique, found (?P<ids>.*) more than once",
     "elk antwoord moet een eigen id hebben; meer dan één keer gevonden: {ids}"),
    (r"a condition is either a test on one trait or all/any/not, not both",
     "een voorwaarde is óf een test op één vraag, óf all/any/not, niet allebei"),
    (r"use one of all/any/not per condition, found (?P<both>.+)",
     "gebruik één van all/any/not per voorwaarde; gevonden: {both}"),
    (r"a test on a trait needs exactly one of 'equals' or 'in'",
     "een test op een vraag heeft precies één van 'equals' of 'in' nodig"),
    (r"'equals' and 'in' need a 'trait'", "bij 'equals' en 'in' hoort een 'trait'"),
    (r"expected 'trait' with 'equals'/'in', or one of all/any/not",
     "verwacht 'trait' met 'equals' of 'in', of één van all/any/not"),
    (r"expected exactly one effect \(max, min, exclude or warning: true\), found (?P<both>.+)",
     "verwacht precies één gevolg (max, min, exclude of warning: true), gevonden: {both}"),
    (r"'redelijk' must not be above 'robuust'", "'redelijk' mag niet hoger zijn dan 'robuust'"),
    (r"expected (?P<word>a whole number|a number) between (?P<low>\S+) and (?P<high>\S+)" + _GOT,
     "verwacht {word} tussen {low} en {high}, gevonden {found}"),
    # What pydantic found wrong in a value (ladder/validation_messages.py).
    (r"expected a number (?P<word>above|at least|below|at most) (?P<bound>\S+)" + _GOT,
     "verwacht een getal {word} {bound}, gevonden {found}"),
    (r"expected at least (?P<count>\d+) item\(s\), got (?P<actual>\d+)",
     "te weinig: verwacht minstens {count}, gevonden {actual}"),
    (r"expected one of (?P<choices>.*)" + _GOT, "verwacht een van: {choices}, gevonden {found}"),
    (r"expected text" + _GOT, "verwacht tekst, gevonden {found}"),
    (r"expected non-empty text" + _GOT, "verwacht tekst die niet leeg is, gevonden {found}"),
    (r"expected (?P<word>a whole number|a number)" + _GOT, "verwacht {word}, gevonden {found}"),
    (r"expected true or false" + _GOT, "verwacht true of false, gevonden {found}"),
    (r"expected a mapping \(key: value\)" + _GOT, "verwacht een blok met sleutels en waarden (sleutel: waarde), gevonden {found}"),
    (r"expected a list" + _GOT, "verwacht een lijst, gevonden {found}"),
    (r"expected a date like (?P<example>\S+)" + _GOT, "verwacht een datum zoals {example}, gevonden {found}"),
    (r"Datetimes provided to dates should have zero time - e\.g\. be exact dates" + _GOT,
     "verwacht alleen een datum zoals 2026-01-31 (zonder tijd), gevonden {found}"),
    (r"expected an id: lowercase letters, digits and _, starting with a letter" + _GOT,
     "verwacht een id: kleine letters, cijfers en _, beginnend met een letter, gevonden {found}"),
)
_CATALOGUE = tuple((re.compile(english, re.DOTALL), dutch) for english, dutch in _PATTERNS)


def _dutch(message: str) -> str:
    for pattern, template in _CATALOGUE:
        match = pattern.fullmatch(message)
        if match:
            return template.format(**{name: _convert(name, value) for name, value in match.groupdict().items()})
    return message


_CONVERT: dict[str, Callable[[str], str]] = {
    "msg": _dutch,  # a message inside a message: the YAML reader's problem and its context
    "found": lambda value: _FOUND.get(value, value),
    "reason": lambda value: _REASONS.get(value, value),
    "word": lambda value: _WORDS.get(value, value),
    "both": lambda value: _WORDS.get(value, " en ".join(f"'{word}'" for word in value.split(" and "))),
    "choices": lambda value: value.replace(" or ", " of "),
    "bytes": lambda value: value.replace(",", "."),  # 1,000,000 is written 1.000.000 in Dutch
}


def _convert(name: str, value: str) -> str:
    # A pattern with two groups of one kind numbers the second (msg2, bytes2): it converts the same way.
    return _CONVERT.get(name.rstrip("0123456789"), str)(value)


def problem_message(problem: Problem, lang: str) -> str:
    """What is wrong, in the reader's language."""
    return problem.message if lang == "en" else _dutch(problem.message)


def describe_problem(problem: Problem, lang: str) -> str:
    """The whole problem in one line: `file, regel 6, path: message` (in English exactly as str(problem))."""
    if lang == "en":
        return str(problem)
    line = [f"regel {problem.line}"] if problem.line is not None else []
    where = [problem.file, *line, *([problem.path] if problem.path else [])]
    return f"{', '.join(where)}: {problem_message(problem, lang)}"

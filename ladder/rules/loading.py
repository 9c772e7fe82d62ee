"""Loading rule sets: read each YAML file safely, validate it, follow `extends`, and resolve the chain.

Every problem names the file, the line and the path inside it. All problems of a file are reported at
once: each top-level section is validated on its own, and cross-references are checked on every section
that is itself well-formed.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Annotated, Any, get_args

from pydantic import TypeAdapter, ValidationError

from ladder.rules.conditions import holds, traits_in
from ladder.rules.locations import Loc, format_path
from ladder.rules.model import (
    BASE_ONLY,
    BASE_REQUIRED,
    EXTENDS_ONLY,
    PHASE_TRAIT,
    UNKNOWN,
    Channel,
    Condition,
    Cost,
    Duration,
    GroupSize,
    Kader,
    Organiser,
    PhaseProfile,
    Phases,
    Preconditions,
    Reach,
    RoleNeed,
    RuleSet,
    RuleSetFile,
    Rung,
    SourceFile,
    Task,
    TraitWeights,
)
from ladder.rules.problem_texts import Count, found_type, ids
from ladder.rules.problems import Problem, RuleSetError
from ladder.rules.sources import RuleSources
from ladder.rules.validation_messages import describe
from ladder.rules.yaml_source import MAX_BYTES, YamlDocument, decode_yaml_bytes, parse_yaml

# One adapter per top-level section (with the field's own constraints), so each validates on its own.
_SECTION_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    name: TypeAdapter(Annotated[f.annotation, f])  # type: ignore[arg-type]
    for name, f in RuleSetFile.model_fields.items()
}
# How many answer combinations may be tried to decide whether two kader conditions are the same.
_EQUIVALENCE_BUDGET = 20_000
# At most this many problems are reported for one file; a last one says there are more.
MAX_PROBLEMS = 50
# The trait whose options are the groups a working method reaches (bereikt) or shuts out (drempel), as the
# trait schaal gives the values of a method's schaal.
TARGET_GROUPS_TRAIT = "doelgroepen"


@dataclass(frozen=True)
class ParsedFile:
    """One file read and validated on its own; `sections` holds every section that is well-formed."""

    name: str
    path: Path | None
    sha256: str
    doc: YamlDocument | None
    sections: Mapping[str, Any]
    problems: tuple[Problem, ...]

    @cached_property
    def content_sha256(self) -> str:
        """Of the parsed content as canonical JSON; computed once, as the parsed file itself is cached."""
        return _sha256(_canonical(self.doc.data if self.doc else None))

    @cached_property
    def built_alone(self) -> tuple[RuleSet | None, tuple[Problem, ...]]:
        """The rule set this file makes without a parent, as a base, and the problems found: worked out once, as the
        parsed file itself is cached, so the municipalities that extend the base all start from the same one
        instead of each building and checking it again."""
        built, problems = _apply(None, self)
        return built, tuple(problems)

    def problem(self, loc: Loc, code: str, *, key_line: bool = False, **params: object) -> Problem:
        data = self.doc.data if self.doc else None
        line = None
        if self.doc is not None:
            line = self.doc.key_line(loc) if key_line else self.doc.line_of(loc)
        return Problem(self.name, line, format_path(data, loc), code, params)


def parse_rule_file(text: str, name: str, path: Path | None = None) -> ParsedFile:
    return _parse_cached(text, name, path)


@lru_cache(maxsize=64)
def _parse_cached(text: str, name: str, path: Path | None) -> ParsedFile:
    sha = _sha256(text)
    doc, problems = parse_yaml(text, name)
    if doc is None:
        return ParsedFile(name, path, sha, None, {}, tuple(problems))
    pf = ParsedFile(name, path, sha, doc, {}, ())
    if not isinstance(doc.data, dict):
        return ParsedFile(name, path, sha, doc, {}, (pf.problem((), "not_sections", found=found_type(doc.data)),))
    sections: dict[str, Any] = {}
    misplaced = BASE_ONLY if "extends" in doc.data else EXTENDS_ONLY  # reported once, in _apply
    for key, value in doc.data.items():
        if len(problems) > MAX_PROBLEMS:
            break
        if key in misplaced:
            continue
        if key not in _SECTION_ADAPTERS:
            problems.append(pf.problem((str(key),), "key_unknown", key_line=True, name=key))
            continue
        if value is None:
            problems.append(pf.problem((key,), "empty_value", key_line=True))
            continue
        try:
            sections[key] = _SECTION_ADAPTERS[key].validate_python(value)
        except ValidationError as exc:
            problems.extend(_validation_problems(pf, key, exc))
    return ParsedFile(name, path, sha, doc, sections, _capped(pf, problems))


def _validation_problems(pf: ParsedFile, key: str, exc: ValidationError) -> list[Problem]:
    # Only the first ones can be shown (see _capped); the check below compares every error with every other.
    errors = exc.errors()[: MAX_PROBLEMS + 1]
    locs = [(key, *(s for s in e["loc"] if s != "[key]")) for e in errors]
    problems = []
    for error, loc in zip(errors, locs):
        # pydantic repeats an item's error as "too short" on its list; the item's own error says it all.
        if error["type"] == "too_short" and any(other[: len(loc)] == loc and other != loc for other in locs):
            continue
        code, params = describe(error)
        problems.append(pf.problem(loc, code, key_line=error["type"] == "extra_forbidden", **params))
    return problems


def _capped(pf: ParsedFile, problems: list[Problem]) -> tuple[Problem, ...]:
    """The first MAX_PROBLEMS, and a last one saying there are more: nobody reads past the first screenful, and
    20,000 unknown keys pasted on the Regels page took 25 s per rerun to list."""
    if len(problems) <= MAX_PROBLEMS:
        return tuple(problems)
    return (*problems[:MAX_PROBLEMS], pf.problem((), "more_problems", shown=MAX_PROBLEMS))


def read_rule_file(path: Path, sources: RuleSources) -> ParsedFile:
    name = sources.display_name(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            too_big = Problem(name, None, "", "file_too_big", {"size": Count(size), "limit": Count(MAX_BYTES)})
            return ParsedFile(name, path, "", None, {}, (too_big,))
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ParsedFile(name, path, "", None, {}, (Problem(name, None, "", "file_not_found"),))
    except UnicodeDecodeError:
        return ParsedFile(name, path, "", None, {}, (Problem(name, None, "", "not_utf8"),))
    return parse_rule_file(text, name, path.resolve())


# --- following `extends` -------------------------------------------------------------------------


def _chain(first: ParsedFile, sources: RuleSources) -> tuple[list[ParsedFile], list[Problem]]:
    """The files from `first` up to its base, base first; problems for cycles and missing parents."""
    chain = [first]
    while True:
        current = chain[-1]
        parent_id = current.sections.get("extends")
        if parent_id is None:
            return list(reversed(chain)), []
        near = current.path.parent if current.path else None
        parent_path = sources.find(parent_id, near)
        if parent_path is None:
            return [], [current.problem(("extends",), "extends_not_found", id=parent_id)]
        if any(pf.path == parent_path.resolve() for pf in chain):
            names = " -> ".join([pf.name for pf in chain] + [sources.display_name(parent_path)])
            return [], [current.problem(("extends",), "extends_circle", chain=names)]
        chain.append(read_rule_file(parent_path, sources))


# --- resolving a chain ---------------------------------------------------------------------------


def load_rule_set(path: Path, sources: RuleSources | None = None) -> RuleSet:
    """Load and resolve the rule set in `path`; raises RuleSetError with every problem found.

    `extends` is looked up next to the file, then in `sources` (the bundled folders when none are given).
    """
    sources = sources or RuleSources.bundled()
    return resolve(read_rule_file(path, sources), sources)


def load_rule_set_text(text: str, name: str, sources: RuleSources | None = None) -> RuleSet:
    """Load a rule set from text (pasted or uploaded); `extends` is looked up in `sources` (default: bundled)."""
    return resolve(parse_rule_file(text, name), sources or RuleSources.bundled())


def load_rule_set_bytes(data: bytes, name: str, sources: RuleSources | None = None) -> RuleSet:
    """Load an uploaded rule set: the same size and encoding checks as for a file on disk."""
    text, problems = decode_yaml_bytes(data, name)
    if text is None:
        raise RuleSetError(problems)
    return load_rule_set_text(text, name, sources)


def resolve(first: ParsedFile, sources: RuleSources) -> RuleSet:
    unusable = first.doc is None or not isinstance(first.doc.data, dict)
    extends_broken = "extends" in _raw_keys(first) and "extends" not in first.sections
    if first.problems and (unusable or extends_broken):
        # Without a mapping, or without a valid `extends`, every other check would only add noise.
        raise RuleSetError(list(first.problems))
    chain, problems = _chain(first, sources)
    problems = list(first.problems) + problems
    if not chain:
        raise RuleSetError(problems)
    rule_set: RuleSet | None = None
    for pf in chain:
        own = [] if pf is first else list(pf.problems)
        built, found = pf.built_alone if rule_set is None else _apply(rule_set, pf)
        problems.extend([*own, *found])
        if own or found or built is None:
            if pf is not first:
                problems.insert(0, first.problem(("extends",), "parent_broken", file=pf.name))
            raise RuleSetError(problems)
        rule_set = built
    if problems:
        raise RuleSetError(problems)
    assert rule_set is not None
    return rule_set


def validate_file(path: Path, sources: RuleSources | None = None) -> list[Problem]:
    try:
        load_rule_set(path, sources)
    except RuleSetError as exc:
        return exc.problems
    return []


@dataclass
class _Draft:
    """The rule set while a file is applied to its parent: plain, mutable, checked before it is frozen."""

    meta: dict[str, Any]
    rungs: list[Any]
    traits: list[Any]
    disabled_traits: list[str]
    weights: dict[str, dict[str, TraitWeights]]
    kaders: list[Any]
    werkvormen: list[Any]
    guidance: list[Any]
    pre: list[Any] = field(default_factory=list)
    post: list[Any] = field(default_factory=list)
    rights: list[Any] = field(default_factory=list)
    support: list[Any] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _apply(parent: RuleSet | None, pf: ParsedFile) -> tuple[RuleSet | None, list[Problem]]:
    s = pf.sections
    problems: list[Problem] = []
    wrong_place = EXTENDS_ONLY if parent is None else BASE_ONLY
    for key in wrong_place:
        if key in _raw_keys(pf):
            code, params = ("extends_only", {}) if parent is None else _base_only_hint(key)
            problems.append(pf.problem((key,), code, key_line=True, name=key, **params))
    if parent is None:
        for key in BASE_REQUIRED:
            if key not in s and key not in _raw_keys(pf):
                problems.append(pf.problem((), "base_key_missing", name=key))
    draft = _start_draft(parent, pf)
    _merge_rungs(draft, pf, parent)
    _merge_traits(draft, pf, parent)
    _merge_weights(draft, pf)
    _merge_listed(draft, pf, parent, "kaders", "disable_kaders")
    _merge_listed(draft, pf, parent, "werkvormen", "disable_werkvormen")
    _merge_listed(draft, pf, parent, "guidance", "disable_guidance")
    _merge_phase_points(draft, pf, parent)
    _merge_preconditions(draft, pf)
    _merge_listed(draft, pf, parent, "rights", "disable_rights")
    _merge_listed(draft, pf, parent, "support", "disable_support")
    _merge_role_needs(draft, pf)
    problems.extend(_check_references(draft, pf, parent))
    problems.extend(draft.problems)
    if problems or pf.problems:
        return None, problems
    return _freeze(draft, pf, parent), []


def _raw_keys(pf: ParsedFile) -> set[str]:
    return set(pf.doc.data) if pf.doc and isinstance(pf.doc.data, dict) else set()


def _base_only_hint(key: str) -> tuple[str, dict[str, str]]:
    """A base-only key in a file with `extends`: for rungs and traits, the verbs to use instead."""
    instead = {"rungs": ("add_rungs", "rename_rungs"), "traits": ("add_traits", "disable_traits")}.get(key)
    return ("base_only_use", {"first": instead[0], "second": instead[1]}) if instead else ("base_only", {})


def _start_draft(parent: RuleSet | None, pf: ParsedFile) -> _Draft:
    s = pf.sections
    meta_keys = ("name", "description", "version", "date", "status", "illustration", "disclaimer", "sources",
                 "contacts", "escalation", "policy_references", "robustness", "roles", "role_rules",
                 "role_needs", "goal_route", "werkvorm_fit", "phases", "question_blocks", "information")
    if parent is None:
        meta = {k: s.get(k) for k in meta_keys}
        return _Draft(meta, list(s.get("rungs") or ()), list(s.get("traits") or ()), [], {}, [], [], [])
    meta = {k: getattr(parent, k) for k in meta_keys}
    meta.update({k: s[k] for k in meta_keys if k in s and k not in BASE_ONLY})
    return _Draft(
        meta,
        list(parent.rungs),
        list(parent.traits),
        list(parent.disabled_traits),
        {t: dict(opts) for t, opts in parent.weights.items()},
        list(parent.kaders),
        list(parent.werkvormen),
        list(parent.guidance),
        list(parent.preconditions.pre),
        list(parent.preconditions.post),
        list(parent.rights),
        list(parent.support),
    )


def _merge_rungs(draft: _Draft, pf: ParsedFile, parent: RuleSet | None) -> None:
    s = pf.sections
    _unique_ids(draft, pf, "rungs", s.get("rungs") or ())
    for rung_id, rename in (s.get("rename_rungs") or {}).items():
        index = next((i for i, r in enumerate(draft.rungs) if r.id == rung_id), None)
        if index is None:
            draft.problems.append(_unknown(pf, ("rename_rungs", rung_id), "rung", rung_id, draft.rungs, key_line=True))
            continue
        changes = {"name": rename.name} | ({"description": rename.description} if rename.description else {})
        draft.rungs[index] = draft.rungs[index].model_copy(update=changes)
    for i, added in enumerate(s.get("add_rungs") or ()):
        ids = [r.id for r in draft.rungs]
        if added.id in ids:
            draft.problems.append(pf.problem(("add_rungs", i, "id"), "rung_exists", id=added.id))
        elif added.after not in ids:
            draft.problems.append(_unknown(pf, ("add_rungs", i, "after"), "rung", added.after, draft.rungs))
        else:
            rung = Rung(**{k: getattr(added, k) for k in Rung.model_fields})
            draft.rungs.insert(ids.index(added.after) + 1, rung)


def _merge_traits(draft: _Draft, pf: ParsedFile, parent: RuleSet | None) -> None:
    s = pf.sections
    _unique_ids(draft, pf, "traits", s.get("traits") or ())
    for i, trait_id in enumerate(s.get("disable_traits") or ()):
        if trait_id not in [t.id for t in draft.traits]:
            draft.problems.append(_unknown(pf, ("disable_traits", i), "trait", trait_id, draft.traits))
            continue
        draft.traits = [t for t in draft.traits if t.id != trait_id]
        draft.weights.pop(trait_id, None)
        draft.disabled_traits.append(trait_id)
    _unique_ids(draft, pf, "add_traits", s.get("add_traits") or ())
    for i, trait in enumerate(s.get("add_traits") or ()):
        if trait.id in [t.id for t in draft.traits] or trait.id in draft.disabled_traits:
            draft.problems.append(pf.problem(("add_traits", i, "id"), "trait_exists", id=trait.id))
        else:
            draft.traits.append(trait)


def _merge_weights(draft: _Draft, pf: ParsedFile) -> None:
    """Listed rungs replace the points as written; factors (earlier files' and this file's) multiply them."""
    for trait_id, options in (pf.sections.get("weights") or {}).items():
        for option_id, given in options.items():
            old = draft.weights.get(trait_id, {}).get(option_id)
            written = (dict(old.given) if old else {}) | given.points()
            factors = old.factors if old else ()
            draft.weights.setdefault(trait_id, {})[option_id] = _weighted(written, given.why, factors)
    for factor in pf.sections.get("weight_factors") or ():
        for option_id, old in list(draft.weights.get(factor.trait, {}).items()):
            if factor.options is None or option_id in factor.options:
                draft.weights[factor.trait][option_id] = _weighted(old.given, old.why, (*old.factors, factor))


def _weighted(given: dict[str, float], why: Any, factors: tuple[Any, ...]) -> TraitWeights:
    scale = 1.0
    for factor in factors:
        scale *= factor.factor
    return TraitWeights(points={r: p * scale for r, p in given.items()}, given=given, why=why, factors=factors)


def _merge_listed(draft: _Draft, pf: ParsedFile, parent: RuleSet | None, key: str, disable_key: str) -> None:
    """Kaders, working methods and guidance: a new id adds, a known id replaces, disable_ removes."""
    items: list[Any] = getattr(draft, key)
    _disable(draft, pf, items, disable_key, key)
    given = pf.sections.get(key) or ()
    _unique_ids(draft, pf, key, given)
    _add_or_replace(items, given)


def _disable(draft: _Draft, pf: ParsedFile, items: list[Any], disable_key: str, name: str) -> None:
    """Every id listed under disable_key is removed from items; an id that is not there is a problem."""
    for i, item_id in enumerate(pf.sections.get(disable_key) or ()):
        if item_id not in [x.id for x in items]:
            draft.problems.append(pf.problem((disable_key, i), "id_unknown", id=item_id, name=name))
        items[:] = [x for x in items if x.id != item_id]


def _add_or_replace(items: list[Any], given: Iterable[Any]) -> None:
    """Every item whose id is new is added at the end; one with a known id takes the old one's place."""
    for item in given:
        index = next((i for i, x in enumerate(items) if x.id == item.id), None)
        if index is None:
            items.append(item)
        else:
            items[index] = item


def _merge_phase_points(draft: _Draft, pf: ParsedFile, parent: RuleSet | None) -> None:
    """Like weights: the listed rungs of the listed phases replace the points; a note replaces the note."""
    changes = pf.sections.get("phase_points")
    phases: Phases | None = draft.meta["phases"]
    if not changes or parent is None:
        return
    if phases is None:
        draft.problems.append(pf.problem(("phase_points",), "phase_points_without_phases", key_line=True))
        return
    profiles = dict(phases.profiles)
    for phase, change in changes.items():
        old = profiles.get(phase)
        points = (dict(old.points) if old else {}) | change.points
        note = change.note if change.note is not None else (old.note if old else None)
        profiles[phase] = PhaseProfile(points=points, note=note, late=old.late if old else False)
    draft.meta["phases"] = phases.model_copy(update={"profiles": profiles})


def _merge_preconditions(draft: _Draft, pf: ParsedFile) -> None:
    """A new id adds a check, a known id replaces it (in either stage), disable_preconditions removes it."""
    known = [c.id for c in (*draft.pre, *draft.post)]
    for i, check_id in enumerate(pf.sections.get("disable_preconditions") or ()):
        if check_id not in known:
            draft.problems.append(pf.problem(("disable_preconditions", i), "id_unknown", id=check_id, name="preconditions"))
    gone = set(pf.sections.get("disable_preconditions") or ())
    draft.pre = [c for c in draft.pre if c.id not in gone]
    draft.post = [c for c in draft.post if c.id not in gone]
    given: Preconditions = pf.sections.get("preconditions") or Preconditions()
    _unique_ids(draft, pf, "preconditions", (*given.pre, *given.post))
    for stage, other in (("pre", "post"), ("post", "pre")):
        for check in getattr(given, stage):
            setattr(draft, other, [c for c in getattr(draft, other) if c.id != check.id])  # it moved stage
        _add_or_replace(getattr(draft, stage), getattr(given, stage))


def _merge_role_needs(draft: _Draft, pf: ParsedFile) -> None:
    """disable_role_needs removes needs by id, then add_role_needs adds (new id) or replaces (same id)."""
    disabled = pf.sections.get("disable_role_needs") or ()
    added: tuple[RoleNeed, ...] = pf.sections.get("add_role_needs") or ()
    if not disabled and not added:
        return
    role_needs = draft.meta.get("role_needs")
    if role_needs is None:
        for key in ("disable_role_needs", "add_role_needs"):
            if key in pf.sections:
                draft.problems.append(pf.problem((key,), "role_needs_missing", key_line=True, name=key))
        return
    needs = list(role_needs.needs)
    _disable(draft, pf, needs, "disable_role_needs", "role_needs")
    _unique_ids(draft, pf, "add_role_needs", added)
    _add_or_replace(needs, added)
    draft.meta["role_needs"] = role_needs.model_copy(update={"needs": tuple(needs)})


def _unique_ids(draft: _Draft, pf: ParsedFile, key: str, items: Iterable[Any]) -> None:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.id in seen:
            draft.problems.append(pf.problem((key, i, "id"), "id_twice", id=item.id, name=key))
        seen.add(item.id)


def _unknown(pf: ParsedFile, loc: Loc, kind: str, value: str, known: Iterable[Any], key_line: bool = False) -> Problem:
    """An unknown rung, trait or role, with the ids it could have been (a rule set always has traits; it may
    have no roles, and no rungs when its rungs are broken)."""
    choices = [x if isinstance(x, str) else x.id for x in known]
    if not choices:
        return pf.problem(loc, f"{kind}_unknown_none_known", key_line=key_line, id=value)
    return pf.problem(loc, f"{kind}_unknown", key_line=key_line, id=value, choices=ids(choices))


# --- cross-references ---------------------------------------------------------------------------


def _check_references(draft: _Draft, pf: ParsedFile, parent: RuleSet | None) -> list[Problem]:
    s = pf.sections
    rung_ids = [r.id for r in draft.rungs]
    traits = {t.id: t.option_ids() for t in draft.traits}
    disabled = set(draft.disabled_traits)
    meta = draft.meta
    goal = meta.get("goal_route")
    phases: Phases | None = meta.get("phases")
    phase_trait = phases.trait if phases is not None else PHASE_TRAIT
    problems: list[Problem] = []

    def rung(loc: Loc, value: str) -> None:
        if value not in rung_ids:
            problems.append(_unknown(pf, loc, "rung", value, rung_ids))

    def trait(loc: Loc, value: str, key_line: bool = False) -> bool:
        if value in traits:
            return True
        code = "trait_disabled" if value in disabled else "not_a_trait"
        problems.append(pf.problem(loc, code, key_line=key_line, id=value, choices=ids(traits)))
        return False

    def option(loc: Loc, trait_id: str, value: str, allow_unknown: bool, key_line: bool = False) -> None:
        allowed = traits[trait_id] + ((UNKNOWN,) if allow_unknown else ())
        if value not in allowed:
            problems.append(pf.problem(loc, "option_unknown", key_line=key_line, id=value, trait=trait_id, choices=ids(allowed)))

    def condition(loc: Loc, cond: Condition) -> None:
        if cond.trait is not None:
            if trait((*loc, "trait"), cond.trait):
                if cond.equals is not None:
                    option((*loc, "equals"), cond.trait, cond.equals, allow_unknown=True)
                for j, value in enumerate(cond.in_ or ()):
                    option((*loc, "in", j), cond.trait, value, allow_unknown=True)
            return
        for name, parts in (("all", cond.all), ("any", cond.any)):
            for j, part in enumerate(parts or ()):
                condition((*loc, name, j), part)
        if cond.not_ is not None:
            condition((*loc, "not"), cond.not_)

    def phase_options(loc: Loc, listed: tuple[str, ...] | None) -> None:
        """Phase ids are options of the phases trait (fase when the rule set has no phases section)."""
        if listed and trait(loc, phase_trait):
            for j, phase in enumerate(listed):
                option((*loc, j), phase_trait, phase, allow_unknown=False)

    for key in ("traits", "add_traits"):
        for i, item in enumerate(s.get(key) or ()):
            if item.ask_when is not None:
                condition((key, i, "ask_when"), item.ask_when)
                if item.id in traits_in(item.ask_when):
                    problems.append(pf.problem((key, i, "ask_when"), "ask_when_self"))
    for trait_id, options in (s.get("weights") or {}).items():
        if not trait(("weights", trait_id), trait_id, key_line=True):
            continue
        if goal and trait_id == goal.trait:
            problems.append(pf.problem(("weights", trait_id), "goal_trait_weighed", key_line=True, id=trait_id))
            continue
        if phases is not None and trait_id == phases.trait:
            problems.append(pf.problem(("weights", trait_id), "phase_trait_weighed", key_line=True, id=trait_id))
            continue
        for option_id, given in options.items():
            option(("weights", trait_id, option_id), trait_id, option_id, allow_unknown=False, key_line=True)
            for rung_id in given.points():
                if rung_id not in rung_ids:
                    loc = ("weights", trait_id, option_id, rung_id)
                    problems.append(pf.problem(loc, "rung_unknown_or_why", key_line=True, id=rung_id, choices=ids(rung_ids)))
    for i, factor in enumerate(s.get("weight_factors") or ()):
        if trait(("weight_factors", i, "trait"), factor.trait):
            for j, option_id in enumerate(factor.options or ()):
                option(("weight_factors", i, "options", j), factor.trait, option_id, allow_unknown=False)
    for i, kader in enumerate(s.get("kaders") or ()):
        condition(("kaders", i, "when"), kader.when)
        phase_options(("kaders", i, "phases"), kader.phases)
        for key in ("max", "min"):
            if getattr(kader, key) is not None:
                rung(("kaders", i, key), getattr(kader, key))
        for j, rung_id in enumerate(kader.exclude or ()):
            rung(("kaders", i, "exclude", j), rung_id)
        if kader.exclude and set(rung_ids) <= set(kader.exclude):
            problems.append(pf.problem(("kaders", i, "exclude"), "excludes_every_rung"))
    for i, method in enumerate(s.get("werkvormen") or ()):
        for j, rung_id in enumerate(method.rungs):
            rung(("werkvormen", i, "rungs", j), rung_id)
        if "schaal" in traits:
            for j, scale in enumerate(method.schaal):
                option(("werkvormen", i, "schaal", j), "schaal", scale, allow_unknown=False)
        if TARGET_GROUPS_TRAIT in traits:
            for key in ("bereikt", "drempel"):
                for j, group in enumerate(getattr(method, key) or ()):
                    option(("werkvormen", i, key, j), TARGET_GROUPS_TRAIT, group, allow_unknown=False)
    for i, item in enumerate(s.get("guidance") or ()):
        for j, rung_id in enumerate(item.rungs or ()):
            rung(("guidance", i, "rungs", j), rung_id)
        if item.when is not None:
            condition(("guidance", i, "when"), item.when)
    for key in ("rights", "support"):
        for i, item in enumerate(s.get(key) or ()):
            if item.when is not None:
                condition((key, i, "when"), item.when)
    for i, item in enumerate(s.get("support") or ()):
        rung(("support", i, "rungs_from"), item.rungs_from)
    role_ids = [r.id for r in meta.get("roles") or ()]

    def need(loc: Loc, item: RoleNeed) -> None:
        if item.role not in role_ids:
            problems.append(_unknown(pf, (*loc, "role"), "role", item.role, role_ids))
        if isinstance(item.rungs, tuple):
            for j, rung_id in enumerate(item.rungs):
                rung((*loc, "rungs", j), rung_id)
        condition((*loc, "when"), item.when)

    for i, item in enumerate(s.get("add_role_needs") or ()):
        need(("add_role_needs", i), item)
    if parent is None:
        _unique_ids(draft, pf, "roles", s.get("roles") or ())
        role_needs = s.get("role_needs")
        if role_needs is not None:
            if s.get("role_rules"):
                problems.append(pf.problem(("role_needs",), "role_rules_and_needs", key_line=True))
            for j, rung_id in enumerate(role_needs.applies_to):
                rung(("role_needs", "applies_to", j), rung_id)
            for i, main in enumerate(role_needs.main_for):
                if main.role not in role_ids:
                    problems.append(_unknown(pf, ("role_needs", "main_for", i, "role"), "role", main.role, role_ids))
                condition(("role_needs", "main_for", i, "when"), main.when)
            seen: set[str] = set()
            for i, item in enumerate(role_needs.needs):
                if item.id in seen:
                    problems.append(pf.problem(("role_needs", "needs", i, "id"), "id_twice", id=item.id, name="role_needs"))
                seen.add(item.id)
                need(("role_needs", "needs", i), item)
            hats = role_needs.hats_from_trait
            if hats is not None and trait(("role_needs", "hats_from_trait", "trait"), hats.trait):
                for j, option_id in enumerate(hats.options):
                    option(("role_needs", "hats_from_trait", "options", j), hats.trait, option_id, allow_unknown=False)
        for i, rule in enumerate(s.get("role_rules") or ()):
            if rule.role not in role_ids:
                problems.append(_unknown(pf, ("role_rules", i, "role"), "role", rule.role, role_ids))
            for j, rung_id in enumerate(rule.rungs):
                rung(("role_rules", i, "rungs", j), rung_id)
            if rule.when is not None:
                condition(("role_rules", i, "when"), rule.when)
        if goal is not None and trait(("goal_route", "trait"), goal.trait):
            for option_id, link in goal.links.items():
                option(("goal_route", "links", option_id), goal.trait, option_id, allow_unknown=False, key_line=True)
                rung(("goal_route", "links", option_id, "rung"), link.rung)
            missing = [o for o in traits[goal.trait] if o not in goal.links]
            if missing:
                problems.append(pf.problem(("goal_route", "links"), "goal_links_missing", ids=ids(missing)))
        for i, fit in enumerate(s.get("werkvorm_fit") or ()):
            prefer = fit.prefer or {}
            if trait(("werkvorm_fit", i, "trait"), fit.trait):
                for option_id in prefer:
                    option(("werkvorm_fit", i, "prefer", option_id), fit.trait, option_id, allow_unknown=False, key_line=True)
            allowed_values = _attribute_values(fit.attribute, traits)
            for option_id, values in prefer.items():
                for j, value in enumerate(values):
                    if value not in allowed_values:
                        where = ("werkvorm_fit", i, "prefer", option_id, j)
                        choices = ids(allowed_values)
                        problems.append(pf.problem(where, "attribute_value_unknown", attribute=fit.attribute, id=value, choices=choices))
    for phase_id, change in (s.get("phase_points") or {}).items():
        if phases is not None:
            option(("phase_points", phase_id), phases.trait, phase_id, allow_unknown=False, key_line=True)
            for rung_id in change.points:
                rung(("phase_points", phase_id, "points", rung_id), rung_id)
    given_checks: Preconditions = s.get("preconditions") or Preconditions()
    for i, pre in enumerate(given_checks.pre):
        condition(("preconditions", "pre", i, "when"), pre.when)
        phase_options(("preconditions", "pre", i, "phases"), pre.phases)
    for i, post in enumerate(given_checks.post):
        condition(("preconditions", "post", i, "when"), post.when)
        for j, rung_id in enumerate(post.rungs or ()):
            rung(("preconditions", "post", i, "rungs", j), rung_id)
        if post.rungs_from is not None:
            rung(("preconditions", "post", i, "rungs_from"), post.rungs_from)
    information = s.get("information")
    if information is not None:
        for j, trait_id in enumerate(information.required):
            trait(("information", "required", j), trait_id)
        for i, group in enumerate(information.at_least):
            for j, trait_id in enumerate(group.of):
                trait(("information", "at_least", i, "of", j), trait_id)
            if group.count > len(group.of):
                problems.append(pf.problem(("information", "at_least", i, "count"), "at_least_too_many",
                                           count=group.count, size=len(group.of)))
        for i, rule in enumerate(information.required_when):
            condition(("information", "required_when", i, "when"), rule.when)
            for j, trait_id in enumerate(rule.traits):
                trait(("information", "required_when", i, "traits", j), trait_id)
    if parent is None:
        problems.extend(_check_phases(pf, phases, trait, option, rung, {t.id: t for t in draft.traits}))
        problems.extend(_check_blocks(draft, pf, trait))
    problems.extend(_contradictions(draft, pf, rung_ids, traits))
    problems.extend(_disabled_but_used(draft, pf, meta))
    return problems


def _check_phases(pf: ParsedFile, phases: Phases | None, trait: Any, option: Any, rung: Any,
                  known: Mapping[str, Any]) -> Iterator[Problem]:
    """The base's phases section: a multiple trait, a profile per option of it, points per rung."""
    if phases is None or not trait(("phases", "trait"), phases.trait):
        return
    if not known[phases.trait].multiple:
        yield pf.problem(("phases", "trait"), "phase_trait_not_multiple", id=phases.trait)
    for phase_id, profile in phases.profiles.items():
        option(("phases", "profiles", phase_id), phases.trait, phase_id, allow_unknown=False, key_line=True)
        for rung_id in profile.points:
            rung(("phases", "profiles", phase_id, "points", rung_id), rung_id)


def _check_blocks(draft: _Draft, pf: ParsedFile, trait: Any) -> Iterator[Problem]:
    """Question blocks name existing traits, each in at most one block."""
    blocks = pf.sections.get("question_blocks") or ()
    _unique_ids(draft, pf, "question_blocks", blocks)
    placed: dict[str, str] = {}
    for i, block in enumerate(blocks):
        for j, trait_id in enumerate(block.traits):
            if trait_id in placed:
                yield pf.problem(("question_blocks", i, "traits", j), "trait_in_two_blocks", id=trait_id, block=placed[trait_id])
            elif trait(("question_blocks", i, "traits", j), trait_id):
                placed[trait_id] = block.id


def _attribute_values(attribute: str, traits: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The values a working method's attribute can take: schaal takes the schaal trait's options, bereikt and
    drempel the target groups trait's."""
    literal = {"groepsgrootte": GroupSize, "kosten": Cost, "duur": Duration, "taak": Task, "kanaal": Channel,
               "organisator": Organiser, "bereik": Reach}.get(attribute)
    if literal is not None:
        return tuple(get_args(literal))
    return traits.get(TARGET_GROUPS_TRAIT if attribute in ("bereikt", "drempel") else "schaal", ())


def _disabled_but_used(draft: _Draft, pf: ParsedFile, meta: Mapping[str, Any]) -> Iterator[Problem]:
    """A trait this file disables must not be needed by a rule that stays: it would silently act as unknown."""
    for i, trait_id in enumerate(pf.sections.get("disable_traits") or ()):
        users = [f"kaders[{k.id}]" for k in draft.kaders if trait_id in traits_in(k.when)]
        users += [f"guidance[{g.id}]" for g in draft.guidance if g.when is not None and trait_id in traits_in(g.when)]
        users += [f"role_rules[{r.role}]" for r in meta.get("role_rules") or () if r.when is not None and trait_id in traits_in(r.when)]
        users += [f"{key}[{x.id}]" for key in ("rights", "support") for x in getattr(draft, key)
                  if x.when is not None and trait_id in traits_in(x.when)]
        users += _role_needs_users(meta.get("role_needs"), trait_id)
        users += ["werkvorm_fit" for f in meta.get("werkvorm_fit") or () if f.trait == trait_id]
        goal = meta.get("goal_route")
        users += ["goal_route"] if goal is not None and goal.trait == trait_id else []
        users += [f"traits[{t.id}].ask_when" for t in draft.traits if t.ask_when is not None and trait_id in traits_in(t.ask_when)]
        users += [f"preconditions[{c.id}]" for c in (*draft.pre, *draft.post) if trait_id in traits_in(c.when)]
        users += ["information"] if trait_id in _information_traits(meta.get("information")) else []
        phases = meta.get("phases")
        users += ["phases"] if phases is not None and phases.trait == trait_id else []
        if users:
            yield pf.problem(("disable_traits", i), "trait_still_used", id=trait_id, users=ids(dict.fromkeys(users)))


def _information_traits(information: Any) -> set[str]:
    if information is None:
        return set()
    named = {*information.required, *(t for g in information.at_least for t in g.of)}
    for rule in information.required_when:
        named |= {*rule.traits, *traits_in(rule.when)}
    return named


def _role_needs_users(role_needs: Any, trait_id: str) -> list[str]:
    if role_needs is None:
        return []
    users = [f"role_needs[{n.id}]" for n in role_needs.needs if trait_id in traits_in(n.when)]
    users += ["role_needs.main_for" for m in role_needs.main_for if trait_id in traits_in(m.when)]
    hats = role_needs.hats_from_trait
    return users + (["role_needs.hats_from_trait"] if hats is not None and hats.trait == trait_id else [])


def _contradictions(draft: _Draft, pf: ParsedFile, rung_ids: list[str], traits: Mapping[str, tuple[str, ...]]) -> Iterator[Problem]:
    """Kaders that under the same condition leave no rung can never all be met: name both.

    A floor above a cap, or a floor or cap whose every allowed rung another kader excludes.
    """
    own = {k.id: i for i, k in enumerate(pf.sections.get("kaders") or ())}
    multiple = {t.id for t in draft.traits if t.multiple}
    floors = [k for k in draft.kaders if k.min in rung_ids]
    caps = [k for k in draft.kaders if k.max in rung_ids]
    exclusions = [k for k in draft.kaders if k.exclude]

    def clash(a: Kader, b: Kader) -> Loc | None:
        """Where two kaders that cannot both be met are reported: at this file's one of them."""
        if a.id not in own and b.id not in own:
            return None  # reported where the parent defined them
        if _same_condition(a.when, b.when, traits, multiple):
            return ("kaders", own[a.id if a.id in own else b.id], "when")
        return None

    for low, high in itertools.product(floors, caps):
        if rung_ids.index(low.min) > rung_ids.index(high.max):
            where = clash(low, high)
            if where:
                yield pf.problem(where, "kaders_min_above_max", low=low.id, min=low.min, high=high.id, max=high.max)
    for bound, excluding in itertools.product([*floors, *caps], exclusions):
        limit = bound.min if bound.min is not None else bound.max
        at = rung_ids.index(limit)
        allowed = rung_ids[at:] if bound.min is not None else rung_ids[:at + 1]
        if set(allowed) <= set(excluding.exclude or ()):
            where = clash(bound, excluding)
            if where:
                yield pf.problem(where, "kaders_bound_excluded", bound=bound.id, effect=bound.effect, limit=limit,
                                 excluding=excluding.id, rungs=ids(excluding.exclude or ()))


def _possible_answers(options: tuple[str, ...], multiple: bool) -> list[tuple[str, ...]]:
    """Every answer a user can give: one option, or for multi-answer traits any non-empty set of them."""
    if not multiple:
        return [(o,) for o in (*options, UNKNOWN)]
    subsets = (combo for size in range(1, len(options) + 1) for combo in itertools.combinations(options, size))
    return [*subsets, (UNKNOWN,)]


def _same_condition(a: Condition, b: Condition, traits: Mapping[str, tuple[str, ...]], multiple: set[str]) -> bool:
    names = sorted(traits_in(a) | traits_in(b))
    choices = [_possible_answers(traits.get(n, ()), n in multiple) for n in names]
    count = 1
    for choice in choices:
        count *= len(choice)
    if count > _EQUIVALENCE_BUDGET:
        return a == b
    for combo in itertools.product(*choices):
        answers = dict(zip(names, combo, strict=True))
        if holds(a, answers) != holds(b, answers):
            return False
    return True


# --- the frozen result ----------------------------------------------------------------------------


def _freeze(draft: _Draft, pf: ParsedFile, parent: RuleSet | None) -> RuleSet:
    meta = draft.meta
    rule_set_id = pf.path.stem if pf.path else Path(pf.name).stem
    own = SourceFile(file=pf.name, sha256=pf.sha256, content_sha256=pf.content_sha256)
    lineage = (*(parent.lineage if parent else ()), own)
    return RuleSet(
        id=rule_set_id,
        name=meta["name"],
        description=meta["description"],
        version=meta["version"],
        date=meta["date"],
        status=meta["status"],
        illustration=bool(meta["illustration"]),
        disclaimer=meta["disclaimer"],
        sources=meta["sources"] or (),
        contacts=meta["contacts"] or (),
        escalation=meta["escalation"],
        policy_references=meta["policy_references"] or (),
        robustness=meta["robustness"],
        rungs=tuple(draft.rungs),
        traits=tuple(draft.traits),
        disabled_traits=tuple(draft.disabled_traits),
        roles=meta["roles"] or (),
        role_rules=meta["role_rules"] or (),
        role_needs=meta["role_needs"],
        goal_route=meta["goal_route"],
        werkvorm_fit=meta["werkvorm_fit"] or (),
        weights=draft.weights,
        kaders=tuple(draft.kaders),
        werkvormen=tuple(draft.werkvormen),
        guidance=tuple(draft.guidance),
        phases=meta["phases"],
        preconditions=Preconditions(pre=tuple(draft.pre), post=tuple(draft.post)),
        information=meta["information"],
        # Blocks only order the questions: a trait an extending file disables simply drops out of its block.
        question_blocks=tuple(
            b.model_copy(update={"traits": tuple(t for t in b.traits if t not in draft.disabled_traits)})
            for b in meta["question_blocks"] or ()
        ),
        rights=tuple(draft.rights),
        support=tuple(draft.support),
        lineage=lineage,
        content_hash=content_hash(lineage),
    )


def content_hash(lineage: Iterable[SourceFile]) -> str:
    """What identifies a rule set for reproducible advice: the parsed content of its files, base first.

    Built from the YAML content itself rather than from this program's internal models, so the same
    files keep the same hash across versions of the code; comments, layout and file names do not count.
    """
    return _sha256("\n".join(f.content_sha256 for f in lineage))


def _canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


"""Reading YAML defensively: bounded in size and aliases, no duplicate keys, and with line numbers.

PyYAML's safe loader refuses Python tags, but it still silently keeps the last of duplicate keys,
expands alias "bombs" when the data is walked, and reads `no`/`on`/`yes` as booleans (YAML 1.1).
Rule sets are written by hand by people who are not YAML experts, so each of those is refused or
avoided here, with the line where it happens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ladder.rules.problem_texts import Count, EnglishDetail, YamlPhrase, os_reason
from ladder.rules.problems import Problem

MAX_BYTES = 1_000_000
MAX_ALIASES = 100
# Lists and mappings inside each other; the bundled rule sets go 8 deep. LibYAML's composer recurses once per level
# in C, past the stack and Python's recursion guard: 30,000 levels crash the whole app server, so deeper is refused
# while the parser's events are counted, before anything is composed.
MAX_DEPTH = 32
# Bounds what aliases can expand to once walked; a real rule set has a few thousand nodes.
MAX_EXPANDED_NODES = 250_000


# LibYAML's C parser is about six times faster on the base rule set; the pure-Python one is the fallback.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):  # type: ignore[misc, valid-type]
    """A safe loader with YAML 1.2 booleans: only true/false, so option ids like `no` or `on` stay text."""


# YAML 1.2 core schema for booleans and numbers: 1.1's `no`/`on` booleans, octal `010` (= 8) and
# sexagesimal `12:30` (= 750) are read as the text they look like.
_REPLACED = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _REPLACED]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+.0123456789"),
)



class _NotWholeNumber(yaml.constructor.ConstructorError):
    """`!!int` on a text that is not a whole number; `found` is that text as the problem shows it."""

    def __init__(self, found: str, node: yaml.ScalarNode):
        super().__init__(None, None, f"expected a whole number, got {found}", node.start_mark)
        self.found = found


def _decimal_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    """Whole numbers are decimal: PyYAML's own constructor reads a leading 0 as octal."""
    text = loader.construct_scalar(node)
    try:
        return int(text, 10)
    except ValueError:
        raise _NotWholeNumber(repr(text), node) from None


_Loader.add_constructor("tag:yaml.org,2002:int", _decimal_int)


@dataclass(frozen=True)
class YamlDocument:
    """A parsed document together with its node tree, so any path can be traced to a line."""

    file: str
    data: Any
    root: Node | None
    # Per mapping node (by id), its keys: so each step of a look-up is one dict access, not a scan of the mapping.
    _keys: dict[int, dict[str, tuple[ScalarNode, Node]]] = field(default_factory=dict, compare=False, repr=False)

    def line_of(self, path: tuple[str | int, ...]) -> int | None:
        """1-based line of the deepest node on `path` that exists (a missing key points at its parent)."""
        node = self.root
        if node is None:
            return None
        for step in path:
            child = self._child(node, step)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1

    def key_line(self, path: tuple[str | int, ...]) -> int | None:
        """Line of the key itself for mapping entries (useful for 'unknown key' messages)."""
        if not path:
            return self.line_of(path)
        parent = self.root
        for step in path[:-1]:
            parent = self._child(parent, step) if parent is not None else None
        if isinstance(parent, MappingNode):
            entry = self._entries(parent).get(str(path[-1]))
            if entry is not None:
                return entry[0].start_mark.line + 1
        return self.line_of(path)

    def _entries(self, node: MappingNode) -> dict[str, tuple[ScalarNode, Node]]:
        entries = self._keys.get(id(node))
        if entries is None:
            entries = {}
            for key, value in node.value:
                if isinstance(key, ScalarNode):
                    entries.setdefault(key.value, (key, value))  # the first of duplicate keys, as a scan finds it
            self._keys[id(node)] = entries
        return entries

    def _child(self, node: Node, step: str | int) -> Node | None:
        if isinstance(node, MappingNode):
            entry = self._entries(node).get(str(step))
            return entry[1] if entry else None
        if isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            return node.value[step]
        return None


def read_yaml(path: Path, display_name: str | None = None) -> tuple[YamlDocument | None, list[Problem]]:
    """Read one YAML file. Returns the document, or None with the problems that stopped reading."""
    name = display_name or str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, [Problem(name, None, "", "file_unreadable", {"reason": os_reason(exc.strerror)})]
    if size > MAX_BYTES:  # checked before reading: a huge file is never loaded into memory
        return None, [_too_big(name, size)]
    text, problems = decode_yaml_bytes(path.read_bytes(), name)
    return (None, problems) if text is None else parse_yaml(text, name)


def decode_yaml_bytes(data: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """Bytes from a file or an upload as text: at most MAX_BYTES, UTF-8."""
    if len(data) > MAX_BYTES:
        return None, [_too_big(name, len(data))]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        return None, [Problem(name, None, "", "not_utf8_bytes")]


def _too_big(name: str, size: int) -> Problem:
    return Problem(name, None, "", "file_too_big", {"size": Count(size), "limit": Count(MAX_BYTES)})


def parse_yaml(text: str, name: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse YAML text (already within the size limit) under all the safety rules above."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        return None, [Problem(name, None, "", "text_too_big", {"limit": Count(MAX_BYTES)})]
    try:
        aliases = depth = 0
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    line = event.start_mark.line + 1 if event.start_mark else None
                    return None, [Problem(name, line, "", "yaml_nested_too_deeply", {"limit": MAX_DEPTH})]
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
            elif isinstance(event, AliasEvent):
                aliases += 1
                if aliases > MAX_ALIASES:
                    line = event.start_mark.line + 1 if event.start_mark else None
                    return None, [Problem(name, line, "", "too_many_aliases", {"limit": MAX_ALIASES})]
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
            if root is None:
                return YamlDocument(name, None, None), []
            problems = _duplicate_keys(root, name)
            expanded = _expanded_size(root, {})
            if expanded > MAX_EXPANDED_NODES:
                return None, [Problem(name, None, "", "aliases_too_large", {"limit": Count(MAX_EXPANDED_NODES)})]
            if problems:
                return None, problems
            data = loader.construct_document(root)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, name)]
    except yaml.reader.ReaderError as exc:
        character = f"{exc.character:04x}" if isinstance(exc.character, int) else exc.character.hex()
        return None, [Problem(name, None, "", "yaml_character", {"character": character, "position": exc.position})]
    except yaml.YAMLError as exc:
        return None, [Problem(name, None, "", "yaml_invalid", {"problem": YamlPhrase(str(exc))})]
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError) as exc:
        # PyYAML's constructors raise these for values like `2026-13-45` or `!!float abc`
        detail = str(exc) if isinstance(exc, ValueError) else ""  # the others' texts mean nothing to a reader
        return None, [Problem(name, None, "", "yaml_value_type", {"detail": EnglishDetail(detail)})]
    return YamlDocument(name, data, root), []


def _syntax_problem(exc: yaml.MarkedYAMLError, name: str) -> Problem:
    """What the YAML reader found, at its line; with where the enclosing part began when that is elsewhere."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    if isinstance(exc, _NotWholeNumber):
        return Problem(name, line, "", "yaml_whole_number", {"found": exc.found})
    problem = YamlPhrase(str(exc.problem or exc.context))
    if exc.context_mark is not None and exc.problem_mark is not None and exc.context_mark.line != exc.problem_mark.line:
        since = {"context": YamlPhrase(str(exc.context)), "line": exc.context_mark.line + 1}
        return Problem(name, line, "", "yaml_invalid_since", {"problem": problem, **since})
    return Problem(name, line, "", "yaml_invalid", {"problem": problem})


def _duplicate_keys(root: Node, name: str) -> list[Problem]:
    problems: list[Problem] = []
    seen_nodes: set[int] = set()

    def walk(node: Node, path: tuple[str, ...]) -> None:
        if id(node) in seen_nodes:
            return
        seen_nodes.add(id(node))
        if isinstance(node, MappingNode):
            first_line: dict[str, int] = {}
            for key, value in node.value:
                label = key.value if isinstance(key, ScalarNode) else "?"
                if label in first_line:
                    where = ".".join((*path, label))
                    params = {"name": label, "first_line": first_line[label]}
                    problems.append(Problem(name, key.start_mark.line + 1, where, "duplicate_key", params))
                else:
                    first_line[label] = key.start_mark.line + 1
                walk(value, (*path, label))
        elif isinstance(node, SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, (*path, str(index)))

    walk(root, ())
    return problems


def _expanded_size(node: Node, memo: dict[int, int]) -> int:
    """How many values the tree holds once every alias is expanded (memoised, so linear in nodes)."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = MAX_EXPANDED_NODES + 1  # a cycle counts as too large
    if isinstance(node, MappingNode):
        size = 1 + sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    elif isinstance(node, SequenceNode):
        size = 1 + sum(_expanded_size(item, memo) for item in node.value)
    else:
        size = 1
    memo[key] = min(size, MAX_EXPANDED_NODES + 1)
    return memo[key]

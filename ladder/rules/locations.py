"""Turning a position inside a YAML document into words a rule-set author can find: a path and a line."""

from __future__ import annotations

from typing import Any

Loc = tuple[str | int, ...]


def format_path(data: Any, loc: Loc) -> str:
    """`weights.urgentie.hoog.adviseren`; list items by id when they have one (`kaders[strikt]`), else 1-based (`[#3]`)."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and 0 <= step < len(node) else None
            item_id = item.get("id") if isinstance(item, dict) else None
            label = f"[{item_id}]" if isinstance(item_id, str) and item_id else f"[#{step + 1}]"
            parts.append(label)
            node = item
        else:
            parts.append(("." if parts else "") + str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts)

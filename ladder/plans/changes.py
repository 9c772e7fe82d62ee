"""What changed between two versions of a plan or verslag: the page shows it, the audit log names the fields."""

from __future__ import annotations

from ladder.plans.model import Plan, Verslag

EMPTY: tuple[object, ...] = ("", None, [], ())


def changed_fields(before: Plan | Verslag | None, after: Plan | Verslag) -> list[str]:
    """The fields whose value differs, in the model's order; for a first version (`before` None), the filled-in ones."""
    new = after.model_dump(mode="json")
    old = before.model_dump(mode="json") if before is not None else {}
    return [name for name, value in new.items() if name != "schema_version"
            and (old.get(name) != value if before is not None else value not in EMPTY)]

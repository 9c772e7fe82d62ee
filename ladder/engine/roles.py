"""The municipality's role for an advised rung: the main role and its hats (the 'twee petten').

With `role_needs` (ROB 2012, "climb as little as possible"): the main role is the highest role, in the order
of the rule set's roles, that a need asks for, so it covers every need; without any need it is the lowest role
(loslaten). Hat needs, the chosen options of `hats_from_trait`, and the needs that could not pick the main role
(under `main_for`, or for a rung outside `applies_to`) are hats beside it. With the older `role_rules`, the first
rule that holds picks the role and there are no hats.
"""

from __future__ import annotations

from dataclasses import dataclass

from ladder.engine.advice import RoleAdvice
from ladder.rules.conditions import Answers, holds
from ladder.rules.model import RoleNeed, RoleNeeds, RuleSet, Text


@dataclass(frozen=True)
class Roles:
    main: RoleAdvice
    hats: tuple[RoleAdvice, ...]
    needs: tuple[str, ...]  # ids of the needs that held for the advised rung


def advise_roles(rule_set: RuleSet, rung_id: str, answers: Answers) -> Roles:
    if rule_set.role_needs is None:
        return Roles(main=_from_role_rules(rule_set, rung_id, answers), hats=(), needs=())
    return _from_role_needs(rule_set, rule_set.role_needs, rung_id, answers)


def roles_for_rung(rule_set: RuleSet, rung_id: str) -> tuple[str, ...]:
    """The ids of the roles the municipality can take on this rung, in the order of the trap: every role where the
    role needs pick the main role (or where an old role rule names the rung), else none."""
    if rule_set.role_needs is not None:
        possible = {r.id for r in rule_set.roles} if rung_id in rule_set.role_needs.applies_to else set()
    else:
        possible = {rule.role for rule in rule_set.role_rules if rung_id in rule.rungs}
    return tuple(r.id for r in rule_set.roles if r.id in possible)


def _from_role_rules(rule_set: RuleSet, rung_id: str, answers: Answers) -> RoleAdvice:
    for rule in rule_set.role_rules:
        if rung_id in rule.rungs and (rule.when is None or holds(rule.when, answers)):
            return _role(rule_set, rule.role, rule.why)
    return _rung_role(rule_set, rung_id)


def _from_role_needs(rule_set: RuleSet, role_needs: RoleNeeds, rung_id: str, answers: Answers) -> Roles:
    held = [n for n in role_needs.needs if _covers(n, role_needs, rung_id) and holds(n.when, answers)]
    order = [r.id for r in rule_set.roles]
    climbing = [n for n in held if not n.hat]
    fixed = next((m for m in role_needs.main_for if holds(m.when, answers)), None)
    if fixed is not None:
        main = _role(rule_set, fixed.role, fixed.why or rule_set.role(fixed.role).fits_when)
    elif rung_id in role_needs.applies_to:
        main = _climbed(rule_set, order, climbing, role_needs.loslaten_why)
        climbing = []  # the main role covers them
    else:
        main = _rung_role(rule_set, rung_id)
    hats = [_role(rule_set, n.role, n.why) for n in [*climbing, *(n for n in held if n.hat)]]
    hats += _trait_hats(rule_set, role_needs, answers)
    return Roles(main=main, hats=_distinct(hats, main), needs=tuple(n.id for n in held))


def _covers(need: RoleNeed, role_needs: RoleNeeds, rung_id: str) -> bool:
    if need.rungs == "all":
        return True
    return rung_id in (need.rungs if need.rungs is not None else role_needs.applies_to)


def _climbed(rule_set: RuleSet, order: list[str], needs: list[RoleNeed], loslaten_why: Text) -> RoleAdvice:
    """The lowest role that covers every need: the highest one asked for; the lowest of all when none is."""
    if not needs:
        return _role(rule_set, order[0], loslaten_why)
    highest = max(needs, key=lambda n: order.index(n.role))  # on equal roles, the first need's why
    return _role(rule_set, highest.role, highest.why)


def _trait_hats(rule_set: RuleSet, role_needs: RoleNeeds, answers: Answers) -> list[RoleAdvice]:
    source = role_needs.hats_from_trait
    if source is None:
        return []
    trait = rule_set.trait(source.trait)
    chosen = answers.get(trait.id, ())
    return [
        RoleAdvice(role=None, name=o.label, description=o.help or o.label, why=None)
        for o in trait.options
        if o.id in source.options and o.id in chosen
    ]


def _distinct(hats: list[RoleAdvice], main: RoleAdvice) -> tuple[RoleAdvice, ...]:
    """Each hat once (the first why), and never the main role again."""
    seen: set[str] = {main.role} if main.role else set()
    result = []
    for hat in hats:
        key = hat.role or hat.name.nl
        if key not in seen:
            seen.add(key)
            result.append(hat)
    return tuple(result)


def _role(rule_set: RuleSet, role_id: str, why: Text | None) -> RoleAdvice:
    role = rule_set.role(role_id)
    return RoleAdvice(role=role.id, name=role.name, description=role.description, why=why)


def _rung_role(rule_set: RuleSet, rung_id: str) -> RoleAdvice:
    rung = rule_set.rung(rung_id)
    return RoleAdvice(role=None, name=rung.role, description=rung.stance, why=None)

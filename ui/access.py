"""Who may do what: the roles of a shared installation, and the one person of a laptop installation.

Two modes, chosen by the administrator with LADDER_AUTH:
- "lokaal" (the default, the README's app command): one person on their own computer, no login, every role;
- "oidc": everyone logs in with the municipality's OpenID Connect provider (Entra ID, Keycloak, ...) through
  Streamlit's st.login. Roles and organisation come from claims in the ID token, set by the provider's
  administrator. A visitor who is not logged in may only log in or join a working group by code.

Roles add up (someone can be medewerker and begeleider); what each role allows is PERMISSIONS, least privilege:
- medewerker: advice, and the register entries of their own organisation (read, save, evaluate, change the choice);
- begeleider: start and run working groups;
- beheerder: deleting register entries, exports, the audit log (and, outside the app, rule sets and retention).
This module is pure (no Streamlit), so the rules of access are tested on their own.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from storage.audit import LOCAL, Actor
from storage.tables import SUBJECT_LENGTH

Mode = Literal["lokaal", "oidc"]
MODES: tuple[Mode, ...] = ("lokaal", "oidc")
Role = Literal["medewerker", "begeleider", "beheerder"]
ROLES: tuple[Role, ...] = ("medewerker", "begeleider", "beheerder")
Permission = Literal["advise", "register", "facilitate", "administer"]

PERMISSIONS: dict[Role, frozenset[Permission]] = {
    "medewerker": frozenset({"advise", "register"}),
    "begeleider": frozenset({"advise", "facilitate"}),
    # Deleting and exporting entries needs seeing them: the beheerder reads the register too
    "beheerder": frozenset({"advise", "register", "administer"}),
}
# Permissions that touch register entries, which belong to an organisation: without a known one, none of them
SCOPED: frozenset[Permission] = frozenset({"register", "administer"})

AUTH_ENV = "LADDER_AUTH"
ROLES_CLAIM_ENV = "LADDER_ROLES_CLAIM"
ORGANISATION_CLAIM_ENV = "LADDER_ORGANISATION_CLAIM"
ORGANISATION_ENV = "LADDER_ORGANISATION"
ROLE_MAP_ENV = "LADDER_ROLE_MAP"
_MODE_BY_NAME: dict[str, Mode] = {mode: mode for mode in MODES}
_ROLE_BY_NAME: dict[str, Role] = {role: role for role in ROLES}
CLAIM_LIMIT = 200  # characters of a claim value used; a provider's claim is input too (BIO: bounded input)
ROLE_VALUES_LIMIT = 50  # role values read from one claim


class AccessConfigError(ValueError):
    """The administrator's settings for login are wrong: the app shows this and nothing else (fail closed)."""

    def __init__(self, variable: str, found: str, expected: str) -> None:
        super().__init__(f"{variable}={found!r}: expected {expected}")
        self.variable, self.found, self.expected = variable, found, expected


@dataclass(frozen=True)
class AccessSettings:
    mode: Mode = "lokaal"
    roles_claim: str = "roles"
    organisation_claim: str = "organisation"
    # The installation's own municipality, for accounts whose token names none (a one-municipality installation)
    default_organisation: str | None = None
    # A provider's role value -> the role here, e.g. Entra ID app role "Ladder.Beheer" -> "beheerder"
    role_map: Mapping[str, Role] | None = None


@dataclass(frozen=True)
class User:
    """Who is using the app now. `subject` is the provider's opaque id for the account (None on a laptop)."""

    subject: str | None
    name: str
    roles: frozenset[Role]
    # The municipality (rule-set id) whose register entries this person sees; None: every entry (the laptop)
    organisation: str | None
    logged_in: bool

    def may(self, permission: Permission) -> bool:
        if permission in SCOPED and self.logged_in and self.organisation is None:
            return False
        return any(permission in PERMISSIONS[role] for role in self.roles)

    @property
    def actor(self) -> Actor:
        """How the audit log names this person: the account's subject id, never a name or e-mail."""
        return Actor("gebruiker", self.subject) if self.subject is not None else LOCAL


LOCAL_USER = User(subject=None, name="", roles=frozenset(ROLES), organisation=None, logged_in=False)
ANONYMOUS = User(subject=None, name="", roles=frozenset(), organisation=None, logged_in=False)


def settings_from_env(env: Mapping[str, str] | None = None) -> AccessSettings:
    """The administrator's choices; raises AccessConfigError naming the variable when one is wrong."""
    env = os.environ if env is None else env
    mode = env.get(AUTH_ENV, "lokaal").strip() or "lokaal"
    if mode not in _MODE_BY_NAME:
        raise AccessConfigError(AUTH_ENV, mode, " or ".join(MODES))
    return AccessSettings(
        mode=_MODE_BY_NAME[mode],
        roles_claim=env.get(ROLES_CLAIM_ENV, "").strip() or "roles",
        organisation_claim=env.get(ORGANISATION_CLAIM_ENV, "").strip() or "organisation",
        default_organisation=env.get(ORGANISATION_ENV, "").strip() or None,
        role_map=_role_map(env.get(ROLE_MAP_ENV, "")),
    )


def _role_map(text: str) -> Mapping[str, Role] | None:
    """'Ladder.Beheer=beheerder, Ladder.Medewerker=medewerker' -> a mapping; empty: role values are the roles."""
    if not text.strip():
        return None
    mapping: dict[str, Role] = {}
    for pair in text.split(","):
        value, _, role = (part.strip() for part in pair.partition("="))
        if not value or role not in _ROLE_BY_NAME:
            raise AccessConfigError(ROLE_MAP_ENV, pair.strip(), f"value=role pairs, role one of {', '.join(ROLES)}")
        mapping[value] = _ROLE_BY_NAME[role]
    return mapping


def user_from_claims(claims: Mapping[str, object], settings: AccessSettings) -> User:
    """The logged-in user as the ID token describes them. Unknown role values give nothing (least privilege)."""
    subject = _text(claims.get("sub"), SUBJECT_LENGTH)
    name = _text(claims.get("name")) or _text(claims.get("preferred_username")) or _text(claims.get("email"))
    organisation = _text(claims.get(settings.organisation_claim)) or settings.default_organisation
    return User(subject=subject or None, name=name, roles=_roles(claims.get(settings.roles_claim), settings),
                organisation=organisation, logged_in=True)


def _roles(value: object, settings: AccessSettings) -> frozenset[Role]:
    # Providers send a list (Entra ID, Keycloak with a mapper) or one space-separated string
    values = value.split() if isinstance(value, str) else value if isinstance(value, list) else []
    found: set[Role] = set()
    for item in values[:ROLE_VALUES_LIMIT]:
        role = _text(item)
        mapped: str = settings.role_map.get(role, "") if settings.role_map is not None else role
        if mapped in _ROLE_BY_NAME:
            found.add(_ROLE_BY_NAME[mapped])
    return frozenset(found)


def _text(value: object, limit: int = CLAIM_LIMIT) -> str:
    return value.strip()[:limit] if isinstance(value, str) else ""

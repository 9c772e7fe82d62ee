"""Who may do what (ui.access): roles from the login provider's claims, least privilege, and the laptop mode."""

from __future__ import annotations

import pytest

from storage.audit import LOCAL, Actor
from ui.access import (
    ANONYMOUS,
    LOCAL_USER,
    AccessConfigError,
    AccessSettings,
    settings_from_env,
    user_from_claims,
)

OIDC = AccessSettings(mode="oidc")
ORG = {"organisation": "leusden"}


@pytest.mark.parametrize(("roles", "allowed"), [
    (["medewerker"], {"advise", "register"}),
    (["begeleider"], {"advise", "facilitate"}),
    (["beheerder"], {"advise", "register", "administer"}),
    (["medewerker", "begeleider"], {"advise", "register", "facilitate"}),
    ([], set()),
    (["admin", "superuser"], set()),  # values the app does not know give nothing
])
def test_each_role_allows_only_its_own_work(roles, allowed):
    user = user_from_claims({"sub": "a1", "roles": roles, **ORG}, OIDC)
    assert {p for p in ("advise", "register", "facilitate", "administer") if user.may(p)} == allowed


def test_roles_may_come_as_one_space_separated_string():
    user = user_from_claims({"sub": "a1", "roles": "medewerker begeleider", **ORG}, OIDC)
    assert user.roles == {"medewerker", "begeleider"}


def test_an_account_without_an_organisation_gets_no_register_work():
    user = user_from_claims({"sub": "a1", "roles": ["medewerker", "beheerder"]}, OIDC)
    assert user.may("advise") and not user.may("register") and not user.may("administer")


def test_the_installation_names_the_organisation_when_the_token_does_not():
    settings = settings_from_env({"LADDER_AUTH": "oidc", "LADDER_ORGANISATION": "maashorst"})
    user = user_from_claims({"sub": "a1", "roles": ["medewerker"]}, settings)
    assert user.organisation == "maashorst" and user.may("register")


def test_claim_names_and_role_values_follow_the_providers_settings():
    settings = settings_from_env({"LADDER_AUTH": "oidc", "LADDER_ROLES_CLAIM": "groups",
                                  "LADDER_ORGANISATION_CLAIM": "gemeente",
                                  "LADDER_ROLE_MAP": "Ladder.Beheer=beheerder, Ladder.Medewerker=medewerker"})
    user = user_from_claims({"sub": "a1", "groups": ["Ladder.Beheer", "medewerker"], "gemeente": "leusden"},
                            settings)
    # with a map, only mapped values count: a plain "medewerker" group is someone else's naming
    assert user.roles == {"beheerder"} and user.organisation == "leusden"


def test_the_audit_log_names_an_account_by_its_subject_not_its_name():
    user = user_from_claims({"sub": "f81d4fae", "name": "Anne de Vries", "email": "anne@example.nl",
                             "roles": ["medewerker"], **ORG}, OIDC)
    assert user.actor == Actor("gebruiker", "f81d4fae")
    assert user.name == "Anne de Vries"


def test_the_laptop_has_one_person_with_every_role_and_the_whole_register():
    assert settings_from_env({}).mode == "lokaal"
    assert all(LOCAL_USER.may(p) for p in ("advise", "register", "facilitate", "administer"))
    assert LOCAL_USER.organisation is None and LOCAL_USER.actor == LOCAL


def test_a_visitor_who_is_not_logged_in_may_do_nothing_but_join_by_code():
    assert not any(ANONYMOUS.may(p) for p in ("advise", "register", "facilitate", "administer"))


@pytest.mark.parametrize(("env", "variable"), [
    ({"LADDER_AUTH": "open"}, "LADDER_AUTH"),
    ({"LADDER_AUTH": "oidc", "LADDER_ROLE_MAP": "Ladder.Admin=root"}, "LADDER_ROLE_MAP"),
    ({"LADDER_AUTH": "oidc", "LADDER_ROLE_MAP": "beheerder"}, "LADDER_ROLE_MAP"),
])
def test_wrong_settings_are_refused_with_the_variable_named(env, variable):
    with pytest.raises(AccessConfigError) as raised:
        settings_from_env(env)
    assert raised.value.variable == variable


def test_claims_are_bounded_input():
    user = user_from_claims({"sub": "s" * 10_000, "name": "n" * 10_000, "roles": ["medewerker"] * 100_000, **ORG},
                            OIDC)
    assert len(user.subject or "") == 255 and len(user.name) == 200  # OpenID Connect allows 255 for the subject and user.roles == {"medewerker"}

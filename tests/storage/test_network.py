"""The participation network in the database (storage.network), on SQLite and PostgreSQL: profiles that their
owner can replace and really delete, initiatives by code, and requests from asking to closing with lessons."""

from __future__ import annotations

import pytest

from ladder.network.model import Expert
from storage.audit import Actor, audit_entries
from storage.errors import StorageError
from storage.network import (
    NewInitiative,
    answer_request,
    available_experts,
    close_request,
    delete_profile,
    get_profile,
    initiative_view,
    lessons_learned,
    register_initiative,
    request_help,
    requests_for_expert,
    save_profile,
)

ANNA = Expert(id="sub-anna", name="Anna (energie)", municipality="amersfoort", region="utrecht",
              areas=frozenset({"energie", "subsidies_en_fondsen"}), hours_per_month=8, outside_own=True)
ME = Actor("gebruiker", "sub-anna")
SOLAR = NewInitiative(title="Zon op de school", description="Zonnepanelen op het dak van de basisschool.",
                      municipality="leusden", region="utrecht", areas=frozenset({"energie"}), stage="opstart",
                      rung="overheidsparticipatie", role="faciliteren", own_permits=True)


def _kind(action) -> str:
    with pytest.raises(StorageError) as raised:
        action()
    return raised.value.kind


def test_a_profile_is_saved_replaced_and_read_back(database):
    save_profile(database, ANNA, actor=ME)
    save_profile(database, ANNA.model_copy(update={"hours_per_month": 4}), actor=ME)
    assert get_profile(database, "sub-anna") == ANNA.model_copy(update={"hours_per_month": 4})
    assert available_experts(database) == [ANNA.model_copy(update={"hours_per_month": 4})]
    assert [e.action for e in audit_entries(database)] == ["profile_saved", "profile_saved"]


def test_an_expert_without_hours_is_not_offered(database):
    save_profile(database, ANNA.model_copy(update={"hours_per_month": 0}), actor=ME)
    assert available_experts(database) == []


def test_an_initiative_asks_an_expert_who_accepts_and_it_closes_with_lessons(database):
    save_profile(database, ANNA, actor=ME)
    code = register_initiative(database, SOLAR)
    number = request_help(database, code, "sub-anna")
    assert _kind(lambda: request_help(database, code, "sub-anna")) == "invalid"  # asked once while open
    [waiting] = requests_for_expert(database, "sub-anna")
    assert (waiting.id, waiting.status, waiting.initiative_title) == (number, "gevraagd", "Zon op de school")
    answer_request(database, "sub-anna", number, accept=True, actor=ME)
    assert _kind(lambda: answer_request(database, "sub-anna", number, accept=False, actor=ME)) == "not_found"
    close_request(database, code, number, "Vraag de netbeheerder vroeg.")
    [closed] = initiative_view(database, code).requests
    assert (closed.status, closed.expert_name, closed.lessons) == ("afgesloten", "Anna (energie)",
                                                                   "Vraag de netbeheerder vroeg.")
    assert [r.id for r in lessons_learned(database, "netbeheerder")] == [number]


def test_only_the_asked_expert_answers_and_only_the_initiative_closes(database):
    save_profile(database, ANNA, actor=ME)
    save_profile(database, ANNA.model_copy(update={"id": "sub-bob", "name": "Bob"}), actor=Actor("gebruiker", "sub-bob"))
    code = register_initiative(database, SOLAR)
    number = request_help(database, code, "sub-anna")
    assert _kind(lambda: answer_request(database, "sub-bob", number, True, actor=ME)) == "not_found"
    other = register_initiative(database, SOLAR)
    assert _kind(lambda: close_request(database, other, number, "")) == "not_found"
    assert _kind(lambda: request_help(database, "WRONG-CODE", "sub-anna")) == "forbidden"


def test_deleting_a_profile_is_real_and_hands_its_open_requests_over(database):
    save_profile(database, ANNA, actor=ME)
    code = register_initiative(database, SOLAR)
    request_help(database, code, "sub-anna")
    assert delete_profile(database, "sub-anna", actor=ME) == 1
    assert get_profile(database, "sub-anna") is None
    [handed] = initiative_view(database, code).requests
    assert (handed.status, handed.expert_name) == ("overdracht", None)  # the initiative keeps it, to ask another
    assert _kind(lambda: delete_profile(database, "sub-anna", actor=ME)) == "not_found"


def test_a_wrong_code_finds_no_initiative_and_the_code_is_not_stored(database):
    code = register_initiative(database, SOLAR)
    assert _kind(lambda: initiative_view(database, "AAAA-BBBB-CCCC-DDDD")) == "not_found"
    assert initiative_view(database, code.lower()).title == "Zon op de school"  # typed in any case
    assert code not in repr(audit_entries(database))


@pytest.mark.parametrize("bad", [{"title": " "}, {"title": "x" * 201}, {"areas": frozenset()}, {"stage": "later"}])
def test_an_initiative_needs_a_title_an_area_and_a_stage(database, bad):
    assert _kind(lambda: register_initiative(database, NewInitiative(**{**SOLAR.__dict__, **bad}))) == "invalid"

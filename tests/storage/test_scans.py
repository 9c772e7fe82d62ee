"""The netwerkpartner-scan in the database (storage.scans), on SQLite and PostgreSQL: rounds joined by code, members
known by role only, scores checked against the scan, results for the facilitator, and the round before."""

from __future__ import annotations

import pytest

from ladder.network.scan import load_scan
from storage.audit import audit_entries
from storage.errors import StorageError
from storage.scans import create_scan, delete_scan, join_scan, my_scan, previous_scores, save_scores, scan_results

SCAN = load_scan()
ALL_FOUR = {s.id: 4 for s in SCAN.statements()}


def _kind(action) -> str:
    with pytest.raises(StorageError) as raised:
        action()
    return raised.value.kind


def test_members_join_by_code_score_alone_and_the_facilitator_sees_them(database):
    created = create_scan(database, "Scan 2026", "leusden")
    anna = join_scan(database, created.join_code, "ambtenaar")
    save_scores(database, anna.member_code, ALL_FOUR, SCAN, submit=True)
    piet = join_scan(database, created.join_code.lower(), "raadslid")
    save_scores(database, piet.member_code, {"eerst_verkennen": 2}, SCAN, submit=False)
    round_, members = scan_results(database, created.facilitator_code)
    assert round_.title == "Scan 2026"
    assert [(m.role, m.submitted) for m in members] == [("ambtenaar", True), ("raadslid", False)]
    assert my_scan(database, piet.member_code)[1].scores == {"eerst_verkennen": 2}


def test_scores_off_the_scale_or_with_another_code_change_nothing(database):
    created = create_scan(database, "Scan", "leusden")
    anna = join_scan(database, created.join_code, "inwoner")
    assert _kind(lambda: save_scores(database, anna.member_code, {"eerst_verkennen": 9}, SCAN, True)) == "invalid"
    assert _kind(lambda: save_scores(database, created.join_code, ALL_FOUR, SCAN, True)) == "forbidden"
    assert _kind(lambda: scan_results(database, created.join_code)) == "not_found"
    assert _kind(lambda: join_scan(database, created.join_code, "wethouder")) == "invalid"
    assert my_scan(database, anna.member_code)[1].scores == {}


def test_the_round_before_in_the_same_municipality_gives_the_change(database, clock):
    first = create_scan(database, "2025", "leusden")
    save_scores(database, join_scan(database, first.join_code, "inwoner").member_code, ALL_FOUR, SCAN, True)
    create_scan(database, "elders", "amersfoort")
    clock.advance(days=365)
    second = create_scan(database, "2026", "leusden")
    assert previous_scores(database, scan_results(database, second.facilitator_code)[0]) == [ALL_FOUR]
    assert previous_scores(database, scan_results(database, first.facilitator_code)[0]) == []


def test_deleting_the_round_deletes_every_member_and_logs_no_code(database):
    created = create_scan(database, "Scan", "leusden")
    join_scan(database, created.join_code, "inwoner")
    delete_scan(database, created.facilitator_code)
    assert _kind(lambda: scan_results(database, created.facilitator_code)) == "not_found"
    assert [e.action for e in audit_entries(database)] == ["scan_deleted", "scan_joined", "scan_created"]
    assert created.join_code not in repr(audit_entries(database))

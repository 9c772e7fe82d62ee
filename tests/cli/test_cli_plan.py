"""`python -m ladder plan N -o FILE` and `verslag N -o FILE`: a register entry's latest plan or verslag as a
document. Runs on SQLite and PostgreSQL (the `database` fixture; the CLI finds it through LADDER_DATABASE_URL)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import golden_answers

from cli.main import main
from ladder.engine.advisor import advise
from ladder.plans.model import Plan, Verslag
from storage.database import URL_VARIABLE
from storage.plans import save_plan, save_verslag
from storage.register import NewEntry, save_entry


@pytest.fixture
def entry(database, database_url, bundled, monkeypatch) -> int:
    monkeypatch.setenv(URL_VARIABLE, database_url)
    rules = bundled["voorbeeldgemeente"]
    advice = advise(rules, golden_answers("04"))
    return save_entry(database, NewEntry("Stationsplein", dt.date(2026, 12, 1), advice.recommended), advice, rules)


def test_the_latest_plan_is_written_as_markdown_or_pdf(database, entry, tmp_path, capsys):
    save_plan(database, entry, Plan(project="Stationsplein", form="coproduceren", decides="De raad"))
    save_plan(database, entry, Plan(project="Stationsplein", form="coproduceren", decides="Het college"))
    assert main(["plan", str(entry), "-o", str(tmp_path / "plan.md")]) == 0
    text = (tmp_path / "plan.md").read_text(encoding="utf-8")
    assert "Het college" in text and "De raad" not in text and "Versie 2 van het plan" in text
    assert main(["plan", str(entry), "-o", str(tmp_path / "plan.pdf"), "--lang", "en"]) == 0
    assert (tmp_path / "plan.pdf").read_bytes()[:5] == b"%PDF-"
    for editable in ("plan.odt", "plan.docx"):  # zip packages: the editable formats
        assert main(["plan", str(entry), "-o", str(tmp_path / editable)]) == 0
        assert (tmp_path / editable).read_bytes()[:2] == b"PK"
    assert capsys.readouterr().out.startswith("Geschreven:")


def test_the_verslag_is_written_with_the_plans_promise(database, entry, tmp_path):
    save_plan(database, entry, Plan(project="Stationsplein", form="coproduceren", promise="U maakt het plan mee."))
    save_verslag(database, entry, Verslag(outcome="Een plein met meer groen."))
    assert main(["verslag", str(entry), "-o", str(tmp_path / "verslag.md")]) == 0
    text = (tmp_path / "verslag.md").read_text(encoding="utf-8")
    assert "Een plein met meer groen." in text and "U maakt het plan mee." in text


@pytest.mark.parametrize(("argv", "said"), [
    (["plan", "{n}", "-o", "plan.md"], "Voor nummer {n} is nog geen participatieplan bewaard."),
    (["verslag", "{n}", "-o", "verslag.md"], "Voor nummer {n} is nog geen participatieplan bewaard."),
    (["plan", "999", "-o", "plan.md"], "Nummer 999 staat niet in het register."),
    (["plan", "{n}", "-o", "plan.txt"], "plan.txt: kies een bestandsnaam die eindigt op .odt, .docx, .pdf, .md"),
])
def test_nothing_to_write_is_one_clear_line_and_exit_2(entry, tmp_path, monkeypatch, capsys, argv, said):
    monkeypatch.chdir(tmp_path)
    assert main([a.format(n=entry) for a in argv]) == 2
    assert capsys.readouterr().err.startswith(said.format(n=entry))
    assert not list(tmp_path.glob("plan*")) + list(tmp_path.glob("verslag*"))  # no file written

"""The Register page, and saving an advice from the Advies page: what a visitor sees and does (AppTest).

Each test has its own SQLite file (LADDER_DATABASE_URL); ui/database opens one connection per URL.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa
from proef_rules import OPEN_PLAN, OPEN_PLAN_LINK, PROEF, PROEF_CAPPED

from ladder.engine.advisor import advise
from ladder.reports.markdown import escape_markdown
from ladder.rules.loading import load_rule_set
from storage.audit import audit_entries
from storage.database import URL_VARIABLE, open_database
from storage.errors import StorageError
from storage.register import (
    NewEntry,
    NewEvaluation,
    add_evaluation,
    delete_entry,
    get_entry,
    list_entries,
    save_entry,
    update_choice,
)
from storage.tables import register_evaluations

TYPED = "<b>x</b> **y**"


@pytest.fixture
def db(monkeypatch, tmp_path):
    """This test's database, also the app's (through LADDER_DATABASE_URL)."""
    url = f"sqlite:///{tmp_path / 'register.db'}"
    monkeypatch.setenv(URL_VARIABLE, url)
    database = open_database(url)
    yield database
    database.dispose()


@pytest.fixture
def filled(db, bundled):
    """Three saved advices: a typed name with markup, a Leusden project chosen differently, and one from 2025."""
    def save(project, municipality, saved_on, chosen=None, reason="", source="advies"):
        advice = advise(bundled[municipality], OPEN_PLAN)
        entry = NewEntry(project, saved_on, chosen or advice.recommended, reason, "Team participatie", source)
        return save_entry(db, entry, advice, bundled[municipality])

    return {"typed": save(TYPED, "voorbeeldgemeente", dt.date(2026, 3, 1), chosen="informeren", reason=TYPED),
            "dorpshuis": save("Dorpshuis overname", "leusden", dt.date(2026, 2, 1)),
            "speeltuin": save("Speeltuin vernieuwen", "amersfoort", dt.date(2025, 5, 1), source="werkgroep")}


def rows(at) -> list[str]:
    """The projects in the register's table (the audit log's table further down has no Project column)."""
    tables = [d.value for d in at.dataframe if "Project" in d.value.columns]
    return tables[0]["Project"].tolist() if tables else []


def texts(at) -> list[str]:
    """Everything shown as plain text (st.text)."""
    return [e.value for e in at.text]


def markdown(at) -> str:
    return "\n".join(e.value for e in at.markdown)


def open_entry(at, number: int):
    return at.selectbox(key="reg_detail").set_value(number).run()


@pytest.mark.parametrize(("lang", "words"), [("nl", "Het register is nog leeg"), ("en", "The register is still empty")])
def test_an_empty_register_says_how_to_fill_it(open_app, db, lang, words):
    at = open_app("register", lang=lang)
    assert at.info[0].value.startswith(words)
    assert not at.dataframe


def test_every_entry_is_listed_as_typed(open_app, filled):
    at = open_app("register")
    assert rows(at) == [TYPED, "Dorpshuis overname", "Speeltuin vernieuwen"]  # newest first, markup as typed
    assert at.caption[0].value == "3 van 3 bewaarde adviezen."
    table = at.dataframe[0].value
    assert table["Reden andere keuze"].tolist() == [TYPED, "", ""]
    assert table["Gekozen vorm"].tolist()[0] == "Informeren"
    assert TYPED not in markdown(at)  # never handed to Markdown unescaped


@pytest.mark.parametrize(("widget", "value", "expected"), [
    ("reg_f_municipality", "leusden", ["Dorpshuis overname"]),
    ("reg_f_year", 2025, ["Speeltuin vernieuwen"]),
    ("reg_f_source", "werkgroep", ["Speeltuin vernieuwen"]),
    ("reg_f_chosen", "informeren", [TYPED]),
])
def test_filters_narrow_the_table(open_app, filled, widget, value, expected):
    at = open_app("register")
    at.selectbox(key=widget).set_value(value).run()
    assert rows(at) == expected
    assert at.caption[0].value == f"{len(expected)} van 3 bewaarde adviezen."


@pytest.mark.parametrize(("query", "expected"), [("DORPS", ["Dorpshuis overname"]), ("**y**", [TYPED]),
                                                 ("niets zoals dit", [])])
def test_search(open_app, filled, query, expected):
    at = open_app("register")
    at.text_input(key="reg_search").set_value(query).run()
    assert rows(at) == expected
    if not expected:
        assert at.info[0].value.startswith("Niets past bij deze keuzes")


def test_search_finds_lessons_learned(open_app, db, filled):
    add_evaluation(db, filled["dorpshuis"], NewEvaluation("Goed", {}, "Begin bij de dorpsraad."))
    at = open_app("register")
    at.text_input(key="reg_search").set_value("dorpsraad").run()
    assert rows(at) == ["Dorpshuis overname"]


def test_the_charts_and_their_tables_show_the_same_numbers(open_app, filled, bundled):
    at = open_app("register")
    rungs, years = (json.loads(chart.proto.spec) for chart in at.get("plotly_chart"))
    rung_table, year_table = at.table[0].value, at.table[1].value
    advised = advise(bundled["voorbeeldgemeente"], OPEN_PLAN).recommended
    names = rung_table["Vorm"].tolist()
    assert names == [escape_markdown(n) for n in ["Informeren", bundled["voorbeeldgemeente"].rung(advised).name.get("nl")]]
    assert rungs["data"][0]["y"] == [0, 3] and rung_table["Geadviseerd"].tolist() == ["0", "3"]
    assert rungs["data"][1]["y"] == [1, 2] and rung_table["Gekozen"].tolist() == ["1", "2"]
    assert rungs["data"][1]["marker"]["pattern"]["shape"] == "/"  # told apart by pattern too, not colour alone
    assert years["data"][0]["x"] == ["2025", "2026"] and years["data"][0]["y"] == [1, 2]
    assert years["data"][1]["y"] == [0, 1] and year_table["Anders gekozen"].tolist() == ["0", "1"]


def test_the_detail_view_shows_the_stored_advice_and_that_it_is_reproducible(open_app, filled, bundled):
    at = open_entry(open_app("register"), filled["typed"])
    assert at.subheader[0].value == escape_markdown(TYPED)
    rule_set = bundled["voorbeeldgemeente"]
    advised = rule_set.rung(advise(rule_set, OPEN_PLAN).recommended).name.get("nl")
    assert f"Geadviseerde vorm: {escape_markdown(advised)}" in markdown(at)
    assert f"Het advies is {escape_markdown(advised)}." in markdown(at)
    assert "Gekozen vorm: Informeren. Dat is een andere vorm dan het advies." in markdown(at)
    assert TYPED in texts(at)  # the reason, as plain text
    assert at.success[0].value.startswith("Herhaalbaar:")
    assert at.info[0].value.startswith("De huidige regels (versie 2.0.0) zijn dezelfde")


def test_the_detail_view_says_when_the_current_rules_would_advise_differently(open_app, db, write_rules,
                                                                              bundle_municipality):
    then = load_rule_set(write_rules(PROEF.format(version="1.0"), "proefgemeente.yaml"))
    advice = advise(then, OPEN_PLAN)
    number = save_entry(db, NewEntry("Proef", dt.date(2026, 6, 2), advice.recommended), advice, then)
    sources = bundle_municipality(PROEF_CAPPED.format(version="1.3"))
    at = open_entry(open_app("register", sources=sources), number)
    assert at.success[0].value.startswith("Herhaalbaar:")  # from the snapshot, although the file changed
    assert at.warning[0].value == escape_markdown(
        "Met de huidige regels (versie 1.3) zou het advies Adviseren zijn in plaats van Meebeslissen.")


def test_an_evaluation_is_added_and_shown_latest_first(open_app, db, filled):
    add_evaluation(db, filled["dorpshuis"], NewEvaluation("Eerste ronde", {"invloed": 1}))
    at = open_entry(open_app("register"), filled["dorpshuis"])
    n = filled["dorpshuis"]
    at.text_area(key=f"reg_eval_how:{n}:0").set_value(TYPED)
    at.radio(key=f"reg_eval_inclusie:{n}:0").set_value(4)
    at.radio(key=f"reg_eval_legitimiteit:{n}:0").set_value(0)
    at.text_area(key=f"reg_eval_lessons:{n}:0").set_value("Eerder beginnen.")
    at.button(key=f"reg_eval_save:{n}:0").click().run()
    assert not at.exception
    assert at.success[0].value == "De evaluatie is bewaard."
    assert texts(at)[1:] == [TYPED, "Eerder beginnen.", "Eerste ronde"]  # after the full advice text
    scores = at.table[-2].value  # the newest evaluation's scores (the entry's facts table comes first)
    assert scores["Score (0 tot 4)"].tolist()[0] == "4 (heel goed)"
    assert at.text_area(key=f"reg_eval_how:{n}:1").value == ""  # the form starts empty again
    evaluations = get_entry(db, n).evaluations
    assert evaluations[0].scores["inclusie"] == 4 and evaluations[0].scores["invloed"] is None


def test_an_evaluation_needs_to_say_how_it_went(open_app, db, filled):
    n = filled["speeltuin"]
    at = open_entry(open_app("register"), n)
    at.button(key=f"reg_eval_save:{n}:0").click().run()
    assert at.warning[0].value.startswith("Schrijf kort op hoe het ging")
    with db.transaction() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(register_evaluations)).scalar_one() == 0


def test_a_failed_write_shows_the_message_and_keeps_what_was_typed(open_app, db, filled, monkeypatch):
    def unreachable(*_args, **_kwargs):
        raise StorageError("unreachable")

    n = filled["speeltuin"]
    at = open_entry(open_app("register"), n)
    monkeypatch.setattr("storage.register.add_evaluation", unreachable)
    at.text_area(key=f"reg_eval_how:{n}:0").set_value("Veel geleerd")
    at.button(key=f"reg_eval_save:{n}:0").click().run()
    assert at.error[0].value == StorageError("unreachable").message("nl")
    assert at.text_area(key=f"reg_eval_how:{n}:0").value == "Veel geleerd"
    monkeypatch.undo()
    monkeypatch.setenv(URL_VARIABLE, str(db.engine.url))
    at.button(key=f"reg_eval_save:{n}:0").click().run()  # press again: now it lands
    assert at.success[0].value == "De evaluatie is bewaard."


def test_the_choice_reason_and_contact_can_be_changed(open_app, db, filled):
    n = filled["dorpshuis"]
    at = open_entry(open_app("register"), n)
    at.selectbox(key=f"reg_edit_chosen:{n}:0").set_value("raadplegen")
    at.button(key=f"reg_edit_save:{n}:0").click().run()
    assert at.warning[0].value.startswith("U koos een andere vorm dan het advies")  # a reason is needed
    at.text_area(key=f"reg_edit_reason:{n}:0").set_value("De raad wilde eerst horen wat leeft.")
    at.text_input(key=f"reg_edit_contact:{n}:0").set_value("")
    at.button(key=f"reg_edit_save:{n}:0").click().run()
    assert at.success[0].value == "De wijziging is bewaard."
    s = get_entry(db, n).summary
    assert (s.chosen_rung, s.choice_reason, s.contact_person) == ("raadplegen", "De raad wilde eerst horen wat leeft.",
                                                                 None)


def test_deleting_needs_a_confirmation(open_app, db, filled):
    n = filled["typed"]
    at = open_entry(open_app("register"), n)
    at.button(key=f"reg_delete_go:{n}:0").click().run()
    assert at.warning[0].value.startswith("Vink eerst aan")
    assert get_entry(db, n) is not None
    at.checkbox(key=f"reg_delete_sure:{n}:0").check()
    at.button(key=f"reg_delete_go:{n}:0").click().run()
    assert at.success[0].value == "Het project is uit het register verwijderd."
    assert get_entry(db, n) is None
    assert rows(at) == ["Dorpshuis overname", "Speeltuin vernieuwen"]
    assert at.selectbox(key="reg_detail").value is None


def test_the_page_in_english(open_app, filled):
    at = open_entry(open_app("register", lang="en"), filled["typed"])
    assert at.title[0].value == "Register"
    assert at.caption[0].value == "3 of 3 saved advices."
    assert "Chosen form" in at.dataframe[0].value.columns
    assert at.success[0].value.startswith("Reproducible:")
    assert "Form chosen: Inform. That is another form than the advice." in markdown(at)


# --- the audit log ------------------------------------------------------------------------------------------


@pytest.fixture
def downloads(monkeypatch):
    """The data of every download made when clicked (a callable), by file name: calling one is the click."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    made: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return made


def audit_log(at):
    """The log's table: the last one on the page, in the expander "Logboek" (or "Audit log")."""
    (expander,) = [e for e in at.expander if e.label in ("Logboek", "Audit log")]
    return expander.dataframe[0].value


def test_the_audit_log_shows_every_change_with_no_name_or_reason(open_app, db, filled):
    update_choice(db, filled["dorpshuis"], "raadplegen", TYPED, "Anna de Vries")
    add_evaluation(db, filled["speeltuin"], NewEvaluation("Ging goed", {"invloed": 2}, "Eerder beginnen"))
    at = open_entry(open_app("register"), filled["typed"])
    at.checkbox(key=f"reg_delete_sure:{filled['typed']}:0").check()
    at.button(key=f"reg_delete_go:{filled['typed']}:0").click().run()
    log = audit_log(at)
    assert list(log.columns) == ["Wanneer", "Wie", "Wat", "Waarover (nummer)", "Welke gegevens"]
    assert log["Wat"].tolist() == ["Project verwijderd", "Evaluatie toegevoegd", "Keuze aangepast",
                                   "Project bewaard", "Project bewaard", "Project bewaard"]
    assert log["Waarover (nummer)"].tolist() == [str(n) for n in (filled["typed"], filled["speeltuin"],
                                                                      filled["dorpshuis"], filled["speeltuin"],
                                                                      filled["dorpshuis"], filled["typed"])]
    assert log["Welke gegevens"].tolist()[1:3] == ["hoe het ging, lessen, score invloed",
                                                   "reden, gekozen vorm, contactpersoon"]
    assert set(log["Wie"]) == {"Gebruiker op deze computer"}
    shown = log.to_string()
    for typed in (TYPED, "Anna de Vries", "Team participatie", "Eerder beginnen", "Dorpshuis"):
        assert typed not in shown


def test_the_audit_log_is_offered_as_a_csv_for_dutch_excel(open_app, db, filled, downloads):
    delete_entry(db, filled["dorpshuis"])
    open_app("register")
    data = downloads["logboek.csv"]()
    assert data.startswith("\ufeff".encode()) and b"\r\n" in data  # UTF-8 with BOM, as Dutch Excel expects
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Wanneer;Wie;Wat;Waarover (nummer);Welke gegevens"
    assert lines[1].split(";")[2:4] == ["Project verwijderd", str(filled["dorpshuis"])]
    assert len(lines) == 1 + 4


def test_a_long_log_shows_the_newest_lines_and_the_download_holds_them_all(open_app, filled, downloads,
                                                                           monkeypatch):
    at = open_app("register")
    assert [c.value for c in at.caption if c.value.startswith("Het nieuwste")] == ["Het nieuwste staat bovenaan."]
    monkeypatch.setattr("storage.audit.DEFAULT_LIMIT", 2)
    at = open_app("register")
    assert len(audit_log(at)) == 2
    assert ("Het nieuwste staat bovenaan. Hier staan de laatste 2 regels. De download bevat het hele logboek."
            in [c.value for c in at.caption])
    assert len(downloads["logboek.csv"]().decode("utf-8-sig").splitlines()) == 1 + 3


def test_downloading_the_register_is_logged_when_it_is_clicked(open_app, db, filled, downloads):
    open_app("register")
    assert [e.action for e in audit_entries(db)].count("register_exported") == 0  # showing the page is no export
    assert downloads["register.csv"]().decode("utf-8-sig").startswith("Nummer;Project;")
    downloads["register.xlsx"]()
    latest = audit_entries(db)[:2]
    assert [(e.action, e.subject_kind, e.subject_id) for e in latest] == [("register_exported", "register", None)] * 2
    at = open_app("register")
    assert audit_log(at)["Waarover (nummer)"].tolist()[0] == "het hele register"


def test_the_log_stays_after_the_last_entry_is_deleted(open_app, db, bundled):
    advice = advise(bundled["leusden"], OPEN_PLAN)
    number = save_entry(db, NewEntry("Enige project", dt.date(2026, 1, 5), advice.recommended), advice,
                        bundled["leusden"])
    delete_entry(db, number)
    at = open_app("register")
    assert at.info[0].value.startswith("Het register is nog leeg")
    assert audit_log(at)["Wat"].tolist() == ["Project verwijderd", "Project bewaard"]


def test_the_audit_log_in_english(open_app, filled):
    at = open_app("register", lang="en")
    log = audit_log(at)
    assert list(log.columns) == ["When", "Who", "What", "About what (number)", "Which items"]
    assert log["What"].tolist() == ["Project saved"] * 3
    assert log["Which items"].tolist()[0] == "chosen form, contact person, project name, date"
    assert set(log["Who"]) == {"User on this computer"}


# --- saving from the Advies page ------------------------------------------------------------------------------


def fill_register_form(at, project: str, chosen: str | None = None, reason: str = "", contact: str = ""):
    """On Advies the project's name is the one field above the form, which also names the documents."""
    if project:
        at.text_input(key="project_title").set_value(project)
    if chosen:
        next(s for s in at.selectbox if s.key and s.key.startswith("advies_register:chosen")).set_value(chosen)
    at.run()  # the reason is asked only once another form is chosen
    if reason:
        at.text_area(key="advies_register:reason").set_value(reason)
    at.text_input(key="advies_register:contact").set_value(contact)
    return at.button(key="advies_register:save").click().run()


def test_the_advies_page_saves_an_advice_in_the_register(open_app, db, bundled):
    at = open_app("advies", gemeente="leusden", **OPEN_PLAN_LINK)
    at = fill_register_form(at, "Herinrichting Stationsplein", contact="Anna, team participatie")
    assert not at.exception
    assert at.success[0].value.startswith("Bewaard in het register als nummer 1")
    [plan_link] = [link for link in at.get("page_link") if link.proto.label == "Plan en verslag van dit project"]
    assert plan_link.proto.page.endswith("plan") and "nummer=1" in plan_link.proto.query_string  # the next step
    (entry,) = list_entries(db)
    assert (entry.project_name, entry.municipality_id, entry.source) == ("Herinrichting Stationsplein", "leusden",
                                                                         "advies")
    assert entry.contact_person == "Anna, team participatie" and entry.saved_on == dt.date.today()
    stored = get_entry(db, entry.id)
    assert stored.advice == advise(bundled["leusden"], OPEN_PLAN).model_dump(mode="json")
    at.button(key="advies_register:save").click().run()  # pressed twice: saved once
    assert at.info[-1].value.startswith("Dit staat al in het register, als nummer 1")
    assert len(list_entries(db)) == 1


def test_an_advice_with_too_little_answered_cannot_be_saved(open_app, db):
    at = open_app("advies")  # nothing answered: the page says what it still needs, and names no form
    assert not [b for b in at.button if b.key == "advies_register:save"]
    assert any(c.value.startswith("Er is nog te weinig bekend voor een advies.") for c in at.caption)
    assert list_entries(db) == []


def test_the_advies_page_asks_the_projects_name_once(open_app, db):
    at = open_app("advies", **OPEN_PLAN_LINK)
    assert [i.label for i in at.text_input].count("Naam van het project") == 1
    at = fill_register_form(at, "")
    assert at.warning[-1].value == "Vul hierboven de naam van het project in. Er is nog niets bewaard."
    assert list_entries(db) == []


def test_the_reason_is_asked_only_when_another_form_is_chosen(open_app):
    at = open_app("advies", **OPEN_PLAN_LINK)
    assert not [a for a in at.text_area if a.key == "advies_register:reason"]  # the advised form is kept
    next(s for s in at.selectbox if s.key and s.key.startswith("advies_register:chosen")).set_value("informeren").run()
    assert at.text_area(key="advies_register:reason").label == "Waarom koos u een andere vorm dan het advies?"


def test_the_advies_page_asks_why_when_another_form_was_chosen(open_app, db):
    at = fill_register_form(open_app("advies", **OPEN_PLAN_LINK), TYPED, chosen="informeren")
    assert at.warning[-1].value.startswith("U koos een andere vorm dan het advies")
    assert list_entries(db) == []
    at = fill_register_form(at, TYPED, chosen="informeren", reason=TYPED)
    assert at.success[0].value == escape_markdown(
        f"Bewaard in het register als nummer 1: {TYPED} (gekozen vorm: Informeren).")
    (entry,) = list_entries(db)
    assert (entry.project_name, entry.chosen_rung, entry.choice_reason) == (TYPED, "informeren", TYPED)


def test_the_advies_page_keeps_the_input_when_the_database_cannot_be_reached(open_app, monkeypatch, tmp_path):
    monkeypatch.setenv(URL_VARIABLE, "postgresql://postgres@127.0.0.1:1/test")
    at = fill_register_form(open_app("advies", **OPEN_PLAN_LINK), "Buurtbudget", contact="Piet")
    assert at.error[0].value == StorageError("unreachable").message("nl")
    assert at.text_input(key="project_title").value == "Buurtbudget"
    assert at.text_input(key="advies_register:contact").value == "Piet"
    url = f"sqlite:///{tmp_path / 'later.db'}"
    monkeypatch.setenv(URL_VARIABLE, url)  # the database is back
    at.button(key="advies_register:save").click().run()
    assert at.success[0].value.startswith("Bewaard in het register als nummer 1: Buurtbudget")


def test_the_audit_log_lists_working_group_actions_without_names(open_app, db, bundled):
    from storage.sessions import close_session, create_session, join_session

    created = create_session(db, "Werkgroep-Zwaluwstaart", "", bundled["voorbeeldgemeente"])
    joined = join_session(db, created.join_code, "Merel-Vinkenoog", "inwoner")
    close_session(db, created.facilitator_code)
    at = open_app("register")  # the register itself is empty: the log still shows the working group
    log = audit_log(at)
    number, member = created.session.id, joined.member.id
    assert log["Wat"].tolist() == ["Werkgroep gesloten", "Deelnemer aangemeld", "Werkgroep gemaakt"]
    assert log["Wie"].tolist() == [f"Begeleider van werkgroep {number}", f"Deelnemer {member}",
                                   f"Begeleider van werkgroep {number}"]
    assert log["Waarover (nummer)"].tolist() == [f"werkgroep {number}", f"deelnemer {member}",
                                                     f"werkgroep {number}"]
    assert log["Welke gegevens"].tolist()[1] == "naam, rol"
    shown = log.to_string()
    for typed in ("Zwaluwstaart", "Vinkenoog", created.join_code, created.facilitator_code, joined.member_code):
        assert typed not in shown


def test_the_working_group_actions_in_english(open_app, db, bundled):
    from storage.retention import delete_closed_sessions
    from storage.sessions import close_session, create_session

    created = create_session(db, "Werkgroep", "", bundled["voorbeeldgemeente"])
    close_session(db, created.facilitator_code)
    delete_closed_sessions(db, 0)
    log = audit_log(open_app("register", lang="en"))
    assert log["What"].tolist() == ["Closed working groups deleted after the retention period",
                                    "Working group closed", "Working group created"]
    assert log["Who"].tolist()[0] == "The tool itself (retention period)"
    assert log["About what (number)"].tolist()[0] == "closed working groups"


# --- a contact person removed on request ---------------------------------------------------------------------


def test_a_contact_person_is_removed_from_every_project_after_checking_the_list(open_app, db, filled):
    at = open_app("register")
    at.text_input(key="reg_contact_search:0").set_value("team PART").run()
    assert "Deze persoon is contactpersoon bij 3 projecten:" in markdown(at)
    found = [d.value for d in at.dataframe if "Contactpersoon" in d.value.columns and "Nummer" in d.value.columns][-1]
    assert sorted(found["Nummer"]) == sorted(filled.values())
    at.button(key="reg_contact_go").click().run()
    assert at.warning[0].value == "Vink eerst aan dat u de naam wilt weghalen. Er is niets veranderd."
    assert {e.contact_person for e in list_entries(db)} == {"Team participatie"}
    at.checkbox(key="reg_contact_sure").check()
    at.button(key="reg_contact_go").click().run()
    assert at.success[0].value == "De naam is weggehaald bij 3 projecten."
    assert {e.contact_person for e in list_entries(db)} == {None}
    assert at.text_input(key="reg_contact_search:1").value == ""  # the field starts empty again
    assert [e.action for e in audit_entries(db)[:3]] == ["contact_person_removed"] * 3


@pytest.mark.parametrize(("typed", "said"), [
    ("Te", "Vul minstens 3 tekens in."),
    ("Niemand", "Bij geen enkel project staat deze contactpersoon."),
])
def test_a_contact_search_that_finds_no_one_changes_nothing(open_app, db, filled, typed, said):
    at = open_app("register")
    at.text_input(key="reg_contact_search:0").set_value(typed).run()
    assert said in [m.value for m in (*at.warning, *at.info)]
    assert not [b for b in at.button if b.key == "reg_contact_go"]


def test_an_entry_says_where_its_plan_and_verslag_stand_and_links_to_them(open_app, db, filled):
    from ladder.plans.model import Plan
    from storage.plans import save_plan

    number = filled["dorpshuis"]
    at = open_entry(open_app("register"), number)
    assert "Nog geen participatieplan. Nog geen verslag." in [c.value for c in at.caption]
    save_plan(db, number, Plan(project="Dorpshuis overname", form="zelfbeheer"))
    at = open_entry(open_app("register"), number)
    assert any(c.value.startswith("Participatieplan: versie 1, van ") for c in at.caption)
    [link] = [p for p in at.get("page_link") if p.proto.label == "Plan en verslag van dit project"]
    assert f"nummer={number}" in link.proto.query_string

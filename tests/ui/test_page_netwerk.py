"""The Netwerk page (AppTest): an initiative registers without an account, gets the advice and the experts who
fit with the reasons, asks one; the expert keeps a profile, accepts, and can download and delete it."""

from __future__ import annotations

import pytest

from ladder.network.model import Expert
from storage.audit import LOCAL
from storage.database import URL_VARIABLE, open_database
from storage.network import get_profile, initiative_view, save_profile

OTHER = Expert(id="sub-zara", name="Zara (energie, subsidies)", municipality="amersfoort", region="Utrecht",
               areas=frozenset({"energie", "subsidies_en_fondsen"}), hours_per_month=8, outside_own=True)


@pytest.fixture
def db(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'netwerk.db'}"
    monkeypatch.setenv(URL_VARIABLE, url)
    database = open_database(url)
    yield database
    database.dispose()


def click(at, key: str):
    at.button(key=key).click().run()
    assert not at.exception, at.exception
    return at


def register(open_app, title: str = "Zon op de school"):
    at = open_app("netwerk")
    at.text_input(key="nw_title").input(title)
    at.selectbox(key="nw_municipality").set_value("leusden")
    at.multiselect(key="nw_areas").set_value(["energie"])
    at.multiselect(key="nw_q:vraag_initiatief").set_value(["advies_en_contacten"])
    at.selectbox(key="nw_q:beleidsruimte").set_value("ruim")
    at.selectbox(key="nw_q:capaciteit_samenleving").set_value("midden")
    at.selectbox(key="nw_q:belanghebbenden").set_value("weinig")
    at.selectbox(key="nw_q:ingrijpendheid").set_value("laag")
    return click(at, "nw_register")


def code_of(at) -> str:
    return next(c.value for c in at.code)


def test_an_initiative_registers_gets_its_code_once_and_the_advice(open_app, db):
    at = register(open_app)
    assert at.success[0].value.startswith("Uw initiatief is aangemeld.")
    assert at.warning[0].value.startswith("Dit is uw code om terug te komen. U ziet hem maar één keer.")
    view = initiative_view(db, code_of(at))
    assert (view.title, view.initiative.municipality, view.initiative.rung) == ("Zon op de school", "leusden",
                                                                                  "overheidsparticipatie")
    shown = [m.value for m in at.markdown]
    assert any(m.startswith("Advies voor de samenwerking met de gemeente:") for m in shown)
    at.run()
    assert not at.code  # shown once


def test_the_initiative_sees_who_fits_with_the_reasons_and_asks_for_help(open_app, db):
    save_profile(db, OTHER, actor=LOCAL)
    at = register(open_app)
    assert "Waarom: kent Energie; heeft genoeg tijd; werkt bij een andere gemeente, dus helpt onafhankelijk." in [
        m.value for m in at.markdown]
    click(at, "nw_ask:sub-zara")
    assert at.success[0].value == "Uw vraag is verstuurd naar Zara (energie, subsidies)."
    assert "U hebt deze persoon al om hulp gevraagd." in [c.value for c in at.caption]


def test_an_initiative_comes_back_with_its_code_on_another_device(open_app, db):
    code = code_of(register(open_app))
    other = open_app("netwerk")
    other.text_input(key="nw_code_input").input(code.lower())
    click(other, "nw_open")
    assert "Zon op de school" in [s.value for s in other.subheader]


def test_a_wrong_code_says_so(open_app, db):
    at = open_app("netwerk")
    at.text_input(key="nw_code_input").input("AAAA-BBBB-CCCC-DDDD")
    click(at, "nw_open")
    assert at.error[0].value == "Dit is niet gevonden. Kijk of de code goed is overgenomen."


def test_an_expert_keeps_a_profile_accepts_a_request_and_deletes_the_profile(open_app, db):
    at = open_app("netwerk")
    at.text_input(key="nw_name").input("Piet (vergunningen)")
    at.multiselect(key="nw_my_areas").set_value(["energie", "vergunningen"])
    click(at, "nw_save_profile")
    assert at.success[0].value == "Uw profiel is bewaard."
    assert get_profile(db, "lokaal").areas == frozenset({"energie", "vergunningen"})
    at = register(open_app)
    code = code_of(at)
    click(at, "nw_ask:lokaal")
    expert = open_app("netwerk")
    expert.button(key=next(b.key for b in expert.button if (b.key or "").startswith("nw_accept:"))).click().run()
    assert expert.success[0].value == "U helpt dit initiatief. Het initiatief ziet dat."
    assert "Mijn profiel downloaden (JSON)" in [b.proto.label for b in expert.get("download_button")]
    expert.checkbox(key="nw_delete_sure").check().run()
    click(expert, "nw_delete")
    assert get_profile(db, "lokaal") is None
    assert [r.status for r in initiative_view(db, code).requests] == ["overdracht"]


def test_the_page_in_english(open_app, db):
    at = open_app("netwerk", lang="en")
    assert at.title[0].value == "Network"
    assert [tab.label for tab in at.tabs] == ["Find help", "Come back", "My profile", "Requests to me", "Lessons",
                                              "Network-partner scan"]


# --- the netwerkpartner-scan ------------------------------------------------------------------------------


def start_scan(open_app):
    at = open_app("netwerk")
    at.text_input(key="scan_title").input("Scan 2026")
    at.button(key="FormSubmitter:scan_start-Scan beginnen").click().run()
    codes = [c.value for c in at.code]
    return at, codes[0], codes[1]  # the join code, the facilitator code


def member_scores(open_app, join_code: str, role: str, score: str):
    at = open_app("netwerk")
    at.text_input(key="scan_code_input").input(join_code)
    at.selectbox(key="scan_role").set_value(role)
    at.button(key="FormSubmitter:scan_join-Verder").click().run()
    for radio in at.radio:
        if radio.key and radio.key.startswith("scan_q:"):
            radio.set_value(score)
    submit = next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:scan_answers") and "Insturen" in b.key)
    submit.click().run()
    assert at.success[0].value == "Uw scores zijn ingestuurd. Dank u wel."
    return at


def test_a_scan_shows_the_profile_once_three_members_submitted(open_app, db):
    facilitator, join_code, facilitator_code = start_scan(open_app)
    assert facilitator.warning[0].value.startswith("Deze codes ziet u maar één keer.")
    member_scores(open_app, join_code, "ambtenaar", "5")
    member_scores(open_app, join_code, "raadslid", "2")
    results = open_app("netwerk")
    results.text_input(key="scan_facilitator_input").input(facilitator_code)
    results.button(key="FormSubmitter:scan_results_open-Uitslag openen").click().run()
    assert "De uitslag komt als minstens 3 mensen hun scores hebben ingestuurd." in results.info[-1].value
    member_scores(open_app, join_code, "inwoner", "2")
    results.run()
    table = results.table[-1].value
    assert list(table.columns) == ["Bouwsteen", "Gemiddeld", "Laagste tot hoogste", "Verschil met de vorige scan"]
    assert table.iloc[0].tolist() == ["Werken met wat er is", "3", "2–5", "geen vorige scan"]
    shown = "\n".join(m.value for m in results.markdown)
    assert "Hier verschilt u veel van elkaar" in shown and "Dilemma's om te bespreken" in shown

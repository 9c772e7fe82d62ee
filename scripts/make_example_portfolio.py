"""Writes the example portfolio, the portfolio template and the column table of docs/portfolio.md.

    .venv/bin/python scripts/make_example_portfolio.py

Seeded, so it always writes the same files; tests/test_portfolio.py checks that the files in the repository
are exactly what this script writes. The example is made from project archetypes: a residents' initiative
has `initiatiefnemer=samenleving`, a traffic-safety measure strict legal frames, and so on. Each archetype
fixes the answers that make it what it is and draws the rest from plausible spreads; a few answers are left
unknown, written as a user would ("", "onbekend", "weet ik niet").
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from ladder.analysis.portfolio import PROJECT_COLUMN, columns_markdown, template_csv, to_csv  # noqa: E402
from ladder.rules.loading import load_rule_set  # noqa: E402
from ladder.rules.sources import RuleSources  # noqa: E402

EXAMPLE = ROOT / "examples" / "portfolio.csv"
TEMPLATE = ROOT / "docs" / "portfolio-sjabloon.csv"
DOC = ROOT / "docs" / "portfolio.md"
BASE = RuleSources.bundled().rules_dir / "base.yaml"
DOC_MARKS = {lang: (f"<!-- columns-{lang}:start -->\n", f"<!-- columns-{lang}:end -->") for lang in ("nl", "en")}
SEED = 2026
PROJECTS = 240
UNKNOWN_SHARE = 0.06  # of the answers an archetype does not fix
UNKNOWN_WRITTEN = ("", "onbekend", "weet ik niet")
# The questions some bundled municipalities add: the example fills them too, so the frameworks differ
EXTRA_TRAITS = ("nieuwe_partners", "thema", "veiligheid", "dorpsorganisatie")
TEMPLATE_EXAMPLE = {
    PROJECT_COLUMN: "Voorbeeld: herinrichting marktplein (overschrijf deze regel)",
    "initiatiefnemer": "gemeente", "beleidsruimte": "ruim", "wettelijke_kaders": "enkele", "urgentie": "laag",
    "complexiteit": "hoog", "impact": "hoog", "conflict": "midden", "belanghebbenden": "veel",
    "capaciteit_samenleving": "onbekend", "vertrouwen": "onbekend", "politieke_gevoeligheid": "midden",
    "middelen": "hoog", "bestaand_initiatief": "nee", "verplichte_participatie": "nee", "uitdaagrecht": "nee",
    "schaal": "wijk_dorp", "fase": "agenda+voorbereiding", "doel": "eigenaarschap",
}

PLACES = {
    "straat": ["Dorpsstraat", "Kerkstraat", "Molenweg", "Stationsweg", "Schoolstraat", "Julianalaan", "Hoofdstraat",
               "Marktstraat", "Lindelaan", "Beukenlaan", "Wilhelminastraat", "Nieuwe Weg", "Burgemeester Smitlaan",
               "Torenstraat", "Van Goghlaan"],
    "buurt": ["Wilgenhof", "De Hoven", "Zuidrand", "Kruiskamp", "Rustenburg", "Het Zand", "Nieuwland", "De Weide",
              "Bloemenbuurt", "Vogelwijk", "Oude Dorp", "Sterrenbuurt", "Componistenbuurt", "De Brink", "Hofstede"],
    "dorp": ["Achterveld", "Stoutenburg", "Zeeland", "Schaijk", "Reek", "Odiliapeel", "Volkel", "Boekel", "Venhorst",
             "Landhorst", "Huisseling", "Escharen", "Herpen", "Nistelrode", "Heeswijk"],
    "plein": ["Stationsplein", "Marktplein", "Kerkplein", "Raadhuisplein", "Lindeplein", "Wilhelminaplein"],
    "park": ["Stadspark", "Wilhelminapark", "Park De Wielewaal", "Bosrandpark", "Molenpark", "Heempark"],
    "club": ["vv Achterveld", "SV De Hoven", "Hockeyclub Zuidrand", "Tennisvereniging De Brink",
             "Korfbalvereniging Nieuwland", "Atletiekclub Volkel"],
    "jaar": ["2030", "2035", "2040", "2050"],
}

# Per archetype: name patterns ({slot} from PLACES) and the answers that make it what it is. A value is one
# option, a list of options (one drawn), or a dict of option: weight. `fase` options may combine with +.
# The first round takes one project from every archetype, named `first` where given.
ARCHETYPES: list[dict[str, Any]] = [
    {"first": "Herinrichting Stationsplein",
     "names": ["Herinrichting {plein}", "Herinrichting {straat}", "Herinrichting centrum {dorp}",
               "Vergroening schoolplein {buurt}"],
     "initiatiefnemer": "gemeente", "beleidsruimte": {"ruim": 3, "beperkt": 1}, "wettelijke_kaders": "enkele",
     "impact": "hoog", "belanghebbenden": ["gemiddeld", "veel"], "complexiteit": ["midden", "hoog"],
     "schaal": ["straat", "buurt", "wijk_dorp"], "fase": ["agenda+voorbereiding", "voorbereiding"],
     "doel": ["draagvlak", "deskundigheid"], "thema": "fysiek", "urgentie": ["laag", "midden"]},
    {"first": "Snelheidsmaatregelen Dorpsstraat",
     "names": ["Snelheidsmaatregelen {straat}", "Veilige schoolroute {buurt}", "Fietsstraat {straat}",
               "Kruispunt {straat} veiliger", "Verkeersdrempels {buurt}"],
     "initiatiefnemer": "gemeente", "beleidsruimte": ["beperkt", "geen"], "wettelijke_kaders": "strikt",
     "veiligheid": "ja", "urgentie": ["midden", "hoog"], "impact": ["midden", "hoog"], "conflict": ["midden", "hoog"],
     "complexiteit": ["laag", "midden"], "schaal": ["straat", "buurt"], "fase": ["voorbereiding", "uitvoering"],
     "doel": ["begrip", "draagvlak"], "thema": "fysiek", "verplichte_participatie": "nee"},
    {"first": "Speeltuin Wilgenhof (bewonersinitiatief)",
     "names": ["Speeltuin {buurt} (bewonersinitiatief)", "Buurtmoestuin {buurt}", "Geveltuinen {straat}",
               "Tiny forest {buurt}", "Pluktuin {buurt}", "Jeu-de-boulesbaan {buurt} (bewonersinitiatief)"],
     "initiatiefnemer": "samenleving", "beleidsruimte": ["ruim", "open"], "wettelijke_kaders": ["geen", "enkele"],
     "bestaand_initiatief": "ja", "capaciteit_samenleving": {"hoog": 3, "midden": 1}, "conflict": "laag",
     "belanghebbenden": ["weinig", "gemiddeld"], "complexiteit": "laag", "schaal": ["straat", "buurt"],
     "fase": ["uitvoering", "uitvoering+beheer", "voorbereiding+uitvoering"], "middelen": ["laag", "midden"],
     "doel": ["eigenaarschap", "verantwoordelijkheid"], "thema": "fysiek", "nieuwe_partners": ["ja", "nee"],
     "politieke_gevoeligheid": "laag"},
    {"first": "Energiecoöperatie Zonnedak Sporthal",
     "names": ["Energiecoöperatie Zonnedak Sporthal", "Zonnedaken {buurt} (energiecoöperatie)",
               "Warmtenet {buurt}", "Buurtbatterij {buurt}", "Energiecoöperatie {dorp}"],
     "initiatiefnemer": ["samenleving", "samen"], "bestaand_initiatief": "ja", "capaciteit_samenleving": "hoog",
     "wettelijke_kaders": "enkele", "complexiteit": ["midden", "hoog"], "beleidsruimte": ["ruim", "open"],
     "schaal": ["buurt", "wijk_dorp"], "fase": ["voorbereiding", "voorbereiding+uitvoering", "uitvoering"],
     "doel": ["eigenaarschap", "verantwoordelijkheid"], "thema": ["economie", "fysiek"], "conflict": ["laag", "midden"]},
    {"first": "Omgevingsvisie 2040",
     "names": ["Omgevingsvisie {jaar}", "Woonvisie {jaar}", "Mobiliteitsplan {jaar}", "Klimaatadaptatiestrategie",
               "Visie op het buitengebied", "Groenbeleidsplan {jaar}", "Omgevingsprogramma Centrum"],
     "initiatiefnemer": "gemeente", "beleidsruimte": ["open", "ruim"], "complexiteit": "hoog", "schaal": "gemeente",
     "belanghebbenden": "veel", "impact": ["midden", "hoog"], "politieke_gevoeligheid": ["midden", "hoog"],
     "verplichte_participatie": "ja", "urgentie": "laag", "wettelijke_kaders": "enkele", "middelen": ["midden", "hoog"],
     "fase": ["agenda", "agenda+voorbereiding"], "doel": ["draagvlak", "deskundigheid", "eigenaarschap"],
     "thema": ["fysiek", "bestuur"]},
    {"names": ["Groot onderhoud {straat}", "Rioolvervanging {straat}", "Vervanging lichtmasten {buurt}",
               "Asfaltering {straat}", "Vervanging kademuur {straat}"],
     "initiatiefnemer": "gemeente", "beleidsruimte": ["geen", "beperkt"], "wettelijke_kaders": ["enkele", "strikt"],
     "complexiteit": "laag", "conflict": "laag", "impact": ["laag", "midden"], "politieke_gevoeligheid": "laag",
     "schaal": "straat", "fase": ["uitvoering", "voorbereiding+uitvoering"], "doel": "begrip", "thema": "fysiek",
     "middelen": ["laag", "midden"]},
    {"names": ["Buurtbeheer groenstroken {buurt} (uitdaagrecht)", "Onderhoud {park} door bewoners (uitdaagrecht)",
               "Zwerfafval {buurt}: bewoners nemen het over", "Beheer hondenveld {buurt} (uitdaagrecht)"],
     "initiatiefnemer": "samenleving", "uitdaagrecht": "ja", "bestaand_initiatief": "ja",
     "capaciteit_samenleving": ["midden", "hoog"], "beleidsruimte": ["beperkt", "ruim"], "complexiteit": "laag",
     "schaal": ["straat", "buurt"], "fase": ["beheer", "uitvoering+beheer"], "doel": "verantwoordelijkheid",
     "thema": "fysiek", "conflict": "laag"},
    {"names": ["Overname dorpshuis {dorp}", "Verbouwing dorpshuis {dorp}", "Dorpsontwikkelingsplan {dorp}",
               "Multifunctionele accommodatie {dorp}", "Zorgcoöperatie {dorp}"],
     "initiatiefnemer": ["samenleving", "samen"], "dorpsorganisatie": "ja", "capaciteit_samenleving": "hoog",
     "bestaand_initiatief": "ja", "schaal": "wijk_dorp", "beleidsruimte": ["ruim", "open"],
     "fase": ["voorbereiding", "uitvoering+beheer", "agenda+voorbereiding"], "doel": ["eigenaarschap", "verantwoordelijkheid"],
     "thema": ["sociaal", "fysiek"], "vertrouwen": ["midden", "hoog"]},
    {"names": ["Jeugdagenda {jaar}", "Aanpak eenzaamheid {buurt}", "Mantelzorgbeleid", "Preventieakkoord {jaar}",
               "Inclusieagenda", "Armoedebeleid: bereik vergroten", "Ontmoetingsplek ouderen {buurt}"],
     "initiatiefnemer": ["gemeente", "samen"], "beleidsruimte": ["ruim", "open"], "complexiteit": "hoog",
     "wettelijke_kaders": ["geen", "enkele"], "impact": ["midden", "hoog"], "belanghebbenden": ["gemiddeld", "veel"],
     "schaal": ["buurt", "gemeente"], "fase": ["agenda", "agenda+voorbereiding", "voorbereiding"],
     "doel": ["deskundigheid", "draagvlak"], "thema": "sociaal", "nieuwe_partners": {"ja": 3, "nee": 1}},
    {"names": ["Noodopvang asielzoekers {dorp}", "Tijdelijke opvang Oekraïense vluchtelingen",
               "Sluiting zwembad na inspectie", "Maatregelen bij hittegolf", "Opvang dak- en thuislozen {buurt}"],
     "initiatiefnemer": "gemeente", "urgentie": "hoog", "politieke_gevoeligheid": "hoog", "conflict": "hoog",
     "wettelijke_kaders": "strikt", "beleidsruimte": ["beperkt", "geen"], "impact": "hoog",
     "schaal": ["wijk_dorp", "gemeente"], "fase": ["besluitvorming", "uitvoering", "besluitvorming+uitvoering"],
     "doel": ["begrip", "draagvlak"], "thema": ["sociaal", "bestuur"], "middelen": ["laag", "midden"]},
    {"names": ["Buurtbudget {buurt}", "Wijkbudget {buurt}", "Dorpsbudget {dorp}", "Burgerbegroting {jaar}"],
     "initiatiefnemer": "samen", "beleidsruimte": "open", "wettelijke_kaders": "geen", "conflict": ["laag", "midden"],
     "schaal": ["buurt", "wijk_dorp"], "fase": ["agenda", "besluitvorming", "agenda+besluitvorming"],
     "doel": ["eigenaarschap", "verantwoordelijkheid"], "thema": ["sociaal", "bestuur"], "middelen": "midden"},
    {"names": ["Waterberging {dorp}", "Dijkversterking langs de Maas", "Hemelwaterafvoer {buurt}",
               "Bodemsanering {straat}", "Geluidsscherm A28"],
     "initiatiefnemer": "gemeente", "wettelijke_kaders": "strikt", "complexiteit": "hoog", "beleidsruimte": "beperkt",
     "schaal": ["wijk_dorp", "regio"], "impact": ["midden", "hoog"], "fase": ["voorbereiding", "uitvoering"],
     "doel": ["begrip", "draagvlak"], "thema": "fysiek"},
    {"names": ["Regionale Energiestrategie 1.0", "Windpark {dorp}", "Zonnepark {dorp}", "Regionale woondeal",
               "Regionaal mobiliteitsprogramma"],
     "initiatiefnemer": ["gemeente", "samen"], "schaal": "regio", "complexiteit": "hoog", "conflict": "hoog",
     "politieke_gevoeligheid": "hoog", "belanghebbenden": "veel", "verplichte_participatie": "ja",
     "beleidsruimte": ["beperkt", "ruim"], "fase": ["agenda+voorbereiding", "besluitvorming"],
     "doel": ["draagvlak", "eigenaarschap"], "thema": ["fysiek", "economie"]},
    {"names": ["Hondenbeleid", "Vuurwerkvrije zones", "Parkeerbeleid centrum", "Afvalinzameling (diftar)",
               "Betaald parkeren {buurt}", "Evenementenbeleid", "Terrassenbeleid"],
     "initiatiefnemer": "gemeente", "beleidsruimte": ["beperkt", "ruim"], "wettelijke_kaders": "enkele",
     "conflict": ["midden", "hoog"], "schaal": "gemeente", "belanghebbenden": "veel", "complexiteit": ["laag", "midden"],
     "fase": ["voorbereiding", "besluitvorming"], "doel": ["begrip", "draagvlak"], "thema": ["fysiek", "bestuur"]},
    {"names": ["Woningbouw {buurt}", "Gebiedsontwikkeling {dorp}-Noord", "Transformatie kantoorpand {straat}",
               "Knarrenhof {dorp}", "Tiny houses {buurt}", "Sloop-nieuwbouw {buurt}"],
     "initiatiefnemer": {"gemeente": 2, "samen": 2, "samenleving": 1}, "verplichte_participatie": "ja",
     "conflict": ["midden", "hoog"], "impact": "hoog", "complexiteit": "hoog", "wettelijke_kaders": "enkele",
     "schaal": ["buurt", "wijk_dorp"], "fase": ["agenda", "voorbereiding", "agenda+voorbereiding"],
     "doel": ["draagvlak", "deskundigheid"], "thema": "fysiek", "politieke_gevoeligheid": ["midden", "hoog"]},
    {"names": ["Zelfbeheer sportpark {club}", "Kunstgrasveld {club}", "Clubhuis {club} verduurzamen",
               "Beweegtuin {park}", "Skatebaan {park} (jongereninitiatief)"],
     "initiatiefnemer": "samenleving", "bestaand_initiatief": "ja", "capaciteit_samenleving": ["midden", "hoog"],
     "wettelijke_kaders": "enkele", "schaal": ["buurt", "wijk_dorp"], "belanghebbenden": ["weinig", "gemiddeld"],
     "fase": ["voorbereiding", "uitvoering", "beheer"], "doel": ["eigenaarschap", "verantwoordelijkheid"],
     "thema": ["sociaal", "fysiek"], "conflict": "laag"},
    {"names": ["Centrummanagement {dorp}", "Ondernemersfonds", "Weekmarkt {dorp} vernieuwen",
               "Bedrijventerrein {dorp} verduurzamen", "Winkelgebied {straat} toekomstbestendig"],
     "initiatiefnemer": "samen", "thema": "economie", "beleidsruimte": ["ruim", "beperkt"],
     "belanghebbenden": "gemiddeld", "schaal": ["wijk_dorp", "gemeente"], "bestaand_initiatief": {"ja": 2, "nee": 1},
     "fase": ["agenda", "voorbereiding", "uitvoering"], "doel": ["deskundigheid", "draagvlak"]},
    {"names": ["Participatieverordening", "Vernieuwing inspraakavonden", "Regeling uitdaagrecht",
               "Burgerpanel {jaar}", "Digitale participatieomgeving", "Loting voor een burgerberaad"],
     "initiatiefnemer": "gemeente", "thema": "bestuur", "beleidsruimte": ["ruim", "open"], "schaal": "gemeente",
     "wettelijke_kaders": "enkele", "complexiteit": "midden", "impact": "laag", "conflict": "laag",
     "fase": ["agenda", "voorbereiding"], "doel": ["draagvlak", "deskundigheid"], "nieuwe_partners": "ja"},
    {"names": ["Kermis {dorp}", "Bevrijdingsfestival", "Kunstroute {dorp}", "Open monumentendag {dorp}",
               "Straatfeest {straat}", "Winterfeest {plein}"],
     "initiatiefnemer": "samenleving", "bestaand_initiatief": "ja", "capaciteit_samenleving": "hoog",
     "wettelijke_kaders": ["enkele", "geen"], "veiligheid": {"nee": 3, "ja": 1}, "complexiteit": "laag",
     "schaal": ["straat", "wijk_dorp"], "fase": ["uitvoering", "voorbereiding+uitvoering"],
     "doel": ["eigenaarschap", "verantwoordelijkheid"], "thema": ["sociaal", "economie"], "urgentie": ["midden", "hoog"]},
    {"names": ["Herinrichting {park}", "Nieuw {park}", "Bomenplan {buurt}", "Ecologische oevers {buurt}",
               "Natuurspeelplaats {park}"],
     "initiatiefnemer": {"gemeente": 2, "samen": 1}, "beleidsruimte": ["ruim", "open"], "wettelijke_kaders": "enkele",
     "impact": ["midden", "hoog"], "schaal": ["buurt", "wijk_dorp"], "conflict": ["laag", "midden"],
     "fase": ["agenda+voorbereiding", "voorbereiding", "uitvoering+beheer"], "doel": ["deskundigheid", "eigenaarschap"],
     "thema": "fysiek", "nieuwe_partners": ["ja", "nee"]},
]

# Spreads for the answers an archetype does not fix: mostly the middle, as in practice
DEFAULTS: dict[str, Any] = {
    "initiatiefnemer": "gemeente", "beleidsruimte": {"beperkt": 1, "ruim": 2, "open": 1},
    "wettelijke_kaders": {"geen": 1, "enkele": 3, "strikt": 1}, "urgentie": {"laag": 1, "midden": 2, "hoog": 1},
    "complexiteit": {"laag": 1, "midden": 2, "hoog": 1}, "impact": {"laag": 1, "midden": 2, "hoog": 1},
    "conflict": {"laag": 2, "midden": 2, "hoog": 1}, "belanghebbenden": {"weinig": 1, "gemiddeld": 2, "veel": 1},
    "capaciteit_samenleving": {"laag": 1, "midden": 2, "hoog": 1}, "vertrouwen": {"laag": 1, "midden": 3, "hoog": 1},
    "politieke_gevoeligheid": {"laag": 2, "midden": 2, "hoog": 1}, "middelen": {"laag": 1, "midden": 2, "hoog": 1},
    "bestaand_initiatief": {"nee": 3, "ja": 1}, "verplichte_participatie": {"nee": 4, "ja": 1}, "uitdaagrecht": "nee",
    "schaal": ["buurt", "wijk_dorp", "gemeente"], "fase": ["voorbereiding"], "doel": ["draagvlak"],
    "nieuwe_partners": {"nee": 1, "ja": 1}, "thema": "fysiek", "veiligheid": "nee", "dorpsorganisatie": "nee",
}


def _draw(rng: random.Random, spec: Any) -> str:
    if isinstance(spec, str):
        return spec
    if isinstance(spec, dict):
        return rng.choices(list(spec), weights=list(spec.values()))[0]
    return rng.choice(spec)


def _name(rng: random.Random, pattern: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: rng.choice(PLACES[m.group(1)]), pattern)


def columns() -> list[str]:
    base = load_rule_set(BASE)
    return [PROJECT_COLUMN, *(t.id for t in base.traits), *EXTRA_TRAITS]


def example_rows(seed: int = SEED, count: int = PROJECTS) -> list[dict[str, str]]:
    rng = random.Random(seed)
    traits = columns()[1:]
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    while len(rows) < count:
        first_round = len(rows) < len(ARCHETYPES)
        archetype = ARCHETYPES[len(rows)] if first_round else rng.choice(ARCHETYPES)
        name = archetype["first"] if first_round and "first" in archetype else _name(rng, rng.choice(archetype["names"]))
        if name in seen:
            continue
        seen.add(name)
        row = {PROJECT_COLUMN: name}
        for trait in traits:
            fixed = trait in archetype
            row[trait] = _draw(rng, archetype[trait] if fixed else DEFAULTS[trait])
            if not fixed and rng.random() < UNKNOWN_SHARE:
                row[trait] = rng.choice(UNKNOWN_WRITTEN)
        rows.append(row)
    return rows


def example_csv() -> bytes:
    return to_csv(pd.DataFrame(example_rows(), columns=columns()))


def template() -> bytes:
    return template_csv(load_rule_set(BASE), TEMPLATE_EXAMPLE)


def doc_with_columns(doc: str) -> str:
    """docs/portfolio.md with its generated column tables replaced by what the base rules say now."""
    base = load_rule_set(BASE)
    for lang, (start, end) in DOC_MARKS.items():
        before, rest = doc.split(start, 1)
        _, after = rest.split(end, 1)
        doc = before + start + columns_markdown(base, lang) + end + after
    return doc


def main() -> None:
    EXAMPLE.write_bytes(example_csv())
    TEMPLATE.write_bytes(template())
    DOC.write_text(doc_with_columns(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {EXAMPLE.relative_to(ROOT)}, {TEMPLATE.relative_to(ROOT)} and the column tables in {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

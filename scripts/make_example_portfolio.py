"""Writes the example portfolio, the portfolio template and the generated parts of docs/portfolio.md.

    .venv/bin/python scripts/make_example_portfolio.py

Seeded, so it always writes the same files; tests/analysis/test_portfolio.py checks that the files in the
repository are exactly what this script writes. The example is made from project archetypes in the questions of
model v2: a residents' initiative has `initiatiefnemer=maatschappelijk_initiatief` and says what it asks of the
municipality (`vraag_initiatief`), a developer's plan is an `aanvraag` with `procedure=aanvraag_omgevingsvergunning`,
a neighbourhood budget has `bindendheid=besluit_bij_deelnemers`, and so on. Each archetype fixes the answers that
make it what it is and draws the rest from plausible spreads; a few answers are left unknown, written as a user
would ("", "onbekend", "weet ik niet"). One archetype (first ideas) leaves most answers unknown, so that some
projects get the status "onvoldoende", as in practice. A question that v2 does not ask for a project (its
`ask_when` does not hold, such as `vastgelegd_door` when there is room to decide) is left empty.

The distribution of advised rungs and roles in docs/portfolio.md is computed here with the engine (advise),
never written by hand.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from ladder.analysis.portfolio import (  # noqa: E402
    PROJECT_COLUMN,
    columns_markdown,
    framework_labels,
    template_csv,
    to_csv,
)
from ladder.engine.advisor import advise  # noqa: E402
from ladder.engine.batch import MULTI_SEPARATOR  # noqa: E402
from ladder.rules.conditions import holds  # noqa: E402
from ladder.rules.loading import load_rule_set  # noqa: E402
from ladder.rules.model import UNKNOWN  # noqa: E402
from ladder.rules.sources import RuleSources  # noqa: E402

EXAMPLE = ROOT / "examples" / "portfolio.csv"
TEMPLATE = ROOT / "docs" / "portfolio-sjabloon.csv"
DOC = ROOT / "docs" / "portfolio.md"
RULES = RuleSources.bundled()
BASE = RULES.rules_dir / "base.yaml"
DOC_MARKS = {lang: (f"<!-- columns-{lang}:start -->\n", f"<!-- columns-{lang}:end -->") for lang in ("nl", "en")}
DIST_MARKS = {lang: (f"<!-- distribution-{lang}:start -->\n", f"<!-- distribution-{lang}:end -->") for lang in ("nl", "en")}
SEED = 2026
PROJECTS = 240
UNKNOWN_SHARE = 0.05  # of the answers an archetype does not fix
UNKNOWN_WRITTEN = ("", "onbekend", "weet ik niet")
# The questions some bundled municipalities add: the example fills them too, so the frameworks differ
EXTRA_TRAITS = ("thema", "dorpsorganisatie")
TEMPLATE_EXAMPLE = {
    PROJECT_COLUMN: "Voorbeeld: herinrichting marktplein (overschrijf deze regel)",
    "initiatiefnemer": "gemeente", "soort_opgave": "ontwerp", "rol_gemeente": "opdrachtgever+grondeigenaar",
    "uitvoerder_participatie": "gemeente", "schaal": "wijk_dorp", "fase": "agenda+voorbereiding",
    "beleidsruimte": "ruim", "vertrekpunt": "vraag_bepaald", "besluit_genomen": "nee", "bindendheid": "advies_volgen",
    "procedure": "geen",
    "formeel_recht": "geen", "ingrijpendheid": "hoog", "belanghebbenden": "veel", "doelgroepen": "onbekend",
    "conflict": "midden", "vertrouwen": "onbekend", "capaciteit_samenleving": "onbekend",
    "bestaande_netwerken": "nee", "inbreng_helpt": "ja", "afhankelijk_van_inwoners": "deels",
    "tijd_tot_besluit": "ruim", "complexiteit": "hoog",
    "publiek_belang": "enig", "politieke_gevoeligheid": "midden", "middelen": "hoog", "doel": "samen_maken",
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
    "school": ["basisschool De Regenboog", "het Kindcentrum", "De Wegwijzer", "de Montessorischool", "De Klimop"],
    "weg": ["N221", "N279", "N324", "N199", "N226"],
    "jaar": ["2030", "2035", "2040", "2050"],
}

# Per archetype: name patterns ({slot} from PLACES) and the answers that make it what it is. A value is one
# answer, a list of answers (one drawn), or a dict of answer: weight. Several answers to a question with more
# answers are joined with + ("opdrachtgever+grondeigenaar"). The first round takes one project from every
# archetype, named `first` where given. `unknown_share` overrides UNKNOWN_SHARE (first ideas: most is unknown).
ARCHETYPES: list[dict[str, Any]] = [
    {"first": "Herinrichting Stationsplein",
     "names": ["Herinrichting {plein}", "Herinrichting {straat}", "Herinrichting centrum {dorp}",
               "Vergroening schoolplein {buurt}"],
     "initiatiefnemer": "gemeente", "soort_opgave": "ontwerp", "rol_gemeente": "opdrachtgever+grondeigenaar",
     "beleidsruimte": {"ruim": 3, "beperkt": 1}, "vastgelegd_door": ["budget", "eerder_besluit"],
     "besluit_genomen": ["nee", "richting_gekozen"], "bindendheid": ["advies_volgen", "mening_meewegen", "nog_niet_afgesproken"],
     "ingrijpendheid": "hoog", "belanghebbenden": ["gemiddeld", "veel"], "complexiteit": ["midden", "hoog"],
     "schaal": ["straat", "buurt", "wijk_dorp"], "fase": ["agenda+voorbereiding", "voorbereiding"],
     "doel": ["samen_maken", "deskundigheid", "draagvlak"], "middelen": ["midden", "hoog"], "thema": "fysiek"},
    {"first": "Snelheidsmaatregelen Dorpsstraat",
     "names": ["Snelheidsmaatregelen {straat}", "Veilige schoolroute {buurt}", "Fietsstraat {straat}",
               "Kruispunt {straat} veiliger", "Verkeersdrempels {buurt}"],
     "initiatiefnemer": "gemeente", "soort_opgave": ["ontwerp", "uitvoering_besluit"],
     "rol_gemeente": "opdrachtgever+bevoegd_gezag", "beleidsruimte": ["beperkt", "geen"],
     "vastgelegd_door": "veiligheid+wet_of_norm", "tijd_tot_besluit": ["krap", "gemiddeld"],
     "ingrijpendheid": ["midden", "hoog"], "conflict": ["midden", "hoog"], "complexiteit": ["laag", "midden"],
     "schaal": ["straat", "buurt"], "fase": ["voorbereiding", "uitvoering"], "doel": ["begrip", "weten_wat_leeft"],
     "inbreng_helpt": ["ja", "beperkt"], "thema": "fysiek"},
    {"first": "Speeltuin Wilgenhof (bewonersinitiatief)",
     "names": ["Speeltuin {buurt} (bewonersinitiatief)", "Buurtmoestuin {buurt} (bewonersinitiatief)",
               "Geveltuinen {straat} (bewonersinitiatief)", "Tiny forest {buurt} (bewonersinitiatief)",
               "Pluktuin {buurt} (bewonersinitiatief)", "Jeu-de-boulesbaan {buurt} (bewonersinitiatief)"],
     "initiatiefnemer": "maatschappelijk_initiatief", "soort_opgave": "initiatief_realiseren",
     "rol_gemeente": "ondersteuner", "uitvoerder_participatie": "initiatiefnemer", "beleidsruimte": ["ruim", "open"],
     "bindendheid": "besluit_bij_deelnemers", "procedure": "geen", "formeel_recht": "geen",
     "vraag_initiatief": "alleen_ruimte", "bestaande_netwerken": "ja", "capaciteit_samenleving": {"hoog": 3, "midden": 1},
     "conflict": "laag", "ingrijpendheid": "laag", "belanghebbenden": "weinig", "complexiteit": "laag",
     "publiek_belang": "klein", "schaal": ["straat", "buurt"], "vertrouwen": ["midden", "hoog"],
     "fase": ["uitvoering", "uitvoering+beheer", "voorbereiding+uitvoering"], "middelen": ["laag", "midden"],
     "doel": "zelf_dragen", "thema": "fysiek", "politieke_gevoeligheid": "laag"},
    {"first": "Energiecoöperatie Zonnedak Sporthal",
     "names": ["Zonnedaken {buurt} (energiecoöperatie)", "Warmtenet {buurt} (energiecoöperatie)",
               "Buurtbatterij {buurt}", "Energiecoöperatie {dorp}"],
     "initiatiefnemer": "maatschappelijk_initiatief", "soort_opgave": "initiatief_realiseren",
     "rol_gemeente": ["ondersteuner+bevoegd_gezag", "ondersteuner"], "uitvoerder_participatie": "initiatiefnemer",
     "procedure": ["aanvraag_omgevingsvergunning", "geen"], "bestaande_netwerken": "ja",
     "vraag_initiatief": ["advies_en_contacten+geld_of_middelen", "advies_en_contacten+toestemming", "geld_of_middelen"],
     "capaciteit_samenleving": "hoog", "complexiteit": ["midden", "hoog"], "beleidsruimte": ["ruim", "open"],
     "belanghebbenden": ["weinig", "gemiddeld"], "schaal": ["buurt", "wijk_dorp"], "vertrouwen": ["midden", "hoog"],
     "fase": ["voorbereiding", "voorbereiding+uitvoering", "uitvoering"], "doel": ["zelf_dragen", "initiatief_steunen"],
     "thema": ["economie", "fysiek"], "conflict": ["laag", "midden"]},
    {"first": "Omgevingsvisie 2040",
     "names": ["Omgevingsvisie {jaar}", "Woonvisie {jaar}", "Mobiliteitsplan {jaar}", "Klimaatadaptatiestrategie",
               "Visie op het buitengebied", "Groenbeleidsplan {jaar}", "Omgevingsprogramma Centrum"],
     "initiatiefnemer": "gemeente", "soort_opgave": "beleid", "rol_gemeente": "opdrachtgever",
     "beleidsruimte": ["open", "ruim"], "besluit_genomen": "nee", "procedure": "omgevingsvisie_of_plan",
     "complexiteit": "hoog", "schaal": "gemeente", "belanghebbenden": "veel", "ingrijpendheid": ["midden", "hoog"],
     "politieke_gevoeligheid": ["midden", "hoog"], "tijd_tot_besluit": "ruim", "middelen": ["midden", "hoog"],
     "fase": ["agenda", "agenda+voorbereiding"], "doel": ["weten_wat_leeft", "draagvlak", "deskundigheid"],
     "publiek_belang": ["enig", "groot"], "thema": ["fysiek", "bestuur"]},
    {"names": ["Groot onderhoud {straat}", "Rioolvervanging {straat}", "Vervanging lichtmasten {buurt}",
               "Asfaltering {straat}", "Vervanging kademuur {straat}"],
     "initiatiefnemer": "gemeente", "soort_opgave": ["beheer", "uitvoering_besluit"], "rol_gemeente": "opdrachtgever",
     "beleidsruimte": ["geen", "beperkt"], "vastgelegd_door": ["budget+wet_of_norm", "eerder_besluit", "budget"],
     "besluit_genomen": "ja", "inbreng_helpt": ["beperkt", "nee"], "ingrijpendheid": ["laag", "midden"],
     "complexiteit": "laag", "conflict": "laag", "politieke_gevoeligheid": "laag", "schaal": "straat",
     "fase": ["uitvoering", "voorbereiding+uitvoering"], "doel": "begrip", "thema": "fysiek",
     "middelen": ["laag", "midden"]},
    {"names": ["Buurtbeheer groenstroken {buurt} (uitdaagrecht)", "Onderhoud {park} door bewoners (uitdaagrecht)",
               "Zwerfafval {buurt}: bewoners nemen het over (uitdaagrecht)", "Beheer hondenveld {buurt} (uitdaagrecht)"],
     "initiatiefnemer": "maatschappelijk_initiatief", "soort_opgave": "beheer", "formeel_recht": "uitdaagrecht",
     "rol_gemeente": "opdrachtgever+financier", "uitvoerder_participatie": "initiatiefnemer",
     "vraag_initiatief": ["taak_overnemen", "taak_overnemen+geld_of_middelen"], "bestaande_netwerken": "ja",
     "capaciteit_samenleving": ["midden", "hoog"], "beleidsruimte": ["beperkt", "ruim"], "vastgelegd_door": "contract_of_afspraak",
     "complexiteit": "laag", "schaal": ["straat", "buurt"], "fase": ["beheer", "uitvoering+beheer"],
     "doel": "zelf_dragen", "thema": "fysiek", "conflict": "laag"},
    {"first": "Overname dorpshuis Achterveld",
     "names": ["Overname dorpshuis {dorp}", "Verbouwing dorpshuis {dorp}", "Dorpsontwikkelingsplan {dorp}",
               "Multifunctionele accommodatie {dorp}", "Zorgcoöperatie {dorp}"],
     "initiatiefnemer": ["maatschappelijk_initiatief", "samen"], "soort_opgave": ["beheer", "initiatief_realiseren"],
     "dorpsorganisatie": "ja", "rol_gemeente": ["grondeigenaar+financier+ondersteuner", "financier+ondersteuner"],
     "uitvoerder_participatie": ["initiatiefnemer", "samen"], "capaciteit_samenleving": ["midden", "hoog"],
     "bestaande_netwerken": "ja", "vraag_initiatief": ["taak_overnemen+geld_of_middelen", "advies_en_contacten+geld_of_middelen"],
     "schaal": "wijk_dorp", "beleidsruimte": ["ruim", "open"], "belanghebbenden": "gemiddeld",
     "fase": ["voorbereiding", "uitvoering+beheer", "agenda+voorbereiding"], "doel": ["zelf_dragen", "samen_maken"],
     "thema": ["sociaal", "fysiek"], "vertrouwen": ["midden", "hoog"]},
    {"names": ["Jeugdagenda {jaar}", "Aanpak eenzaamheid {buurt}", "Mantelzorgbeleid", "Preventieakkoord {jaar}",
               "Inclusieagenda", "Armoedebeleid: bereik vergroten", "Ontmoetingsplek ouderen {buurt}"],
     "initiatiefnemer": ["gemeente", "samen"], "soort_opgave": "beleid", "rol_gemeente": "opdrachtgever+financier",
     "beleidsruimte": ["ruim", "open"], "complexiteit": "hoog", "ingrijpendheid": ["midden", "hoog"],
     "belanghebbenden": ["gemiddeld", "veel"], "schaal": ["buurt", "gemeente"],
     "doelgroepen": ["jongeren", "ouderen+weinig_digitaal", "weinig_geld+taal_of_lezen", "beperking", "weinig_tijd"],
     "fase": ["agenda", "agenda+voorbereiding", "voorbereiding"], "doel": ["deskundigheid", "weten_wat_leeft"],
     "thema": "sociaal"},
    {"names": ["Noodopvang asielzoekers {dorp}", "Tijdelijke opvang Oekraïense vluchtelingen",
               "Sluiting zwembad na inspectie", "Maatregelen bij hittegolf", "Opvang dak- en thuislozen {buurt}"],
     "initiatiefnemer": "gemeente", "soort_opgave": "uitvoering_besluit", "tijd_tot_besluit": "acuut",
     "besluit_genomen": ["ja", "richting_gekozen"], "politieke_gevoeligheid": "hoog", "conflict": "hoog",
     "beleidsruimte": ["beperkt", "geen"], "vastgelegd_door": ["besluit_andere_overheid", "veiligheid+wet_of_norm"],
     "ingrijpendheid": "hoog", "schaal": ["wijk_dorp", "gemeente"], "publiek_belang": "groot",
     "fase": ["besluitvorming", "uitvoering", "besluitvorming+uitvoering"], "doel": ["begrip", "weten_wat_leeft"],
     "thema": ["sociaal", "bestuur"], "middelen": ["laag", "midden"]},
    {"names": ["Buurtbudget {buurt}", "Wijkbudget {buurt}", "Dorpsbudget {dorp}", "Burgerbegroting {jaar}"],
     "initiatiefnemer": "gemeente", "soort_opgave": "keuze_of_verdeling", "rol_gemeente": "opdrachtgever+financier",
     "beleidsruimte": "open", "besluit_genomen": "nee", "bindendheid": "besluit_bij_deelnemers", "procedure": "geen",
     "conflict": ["laag", "midden"], "complexiteit": "laag", "tijd_tot_besluit": "ruim",
     "schaal": ["buurt", "wijk_dorp"], "fase": ["agenda", "besluitvorming", "agenda+besluitvorming"],
     "doel": "bindende_keuze", "thema": ["sociaal", "bestuur"], "middelen": "midden"},
    {"names": ["Burgerberaad klimaat (de raad neemt het advies over)", "Burgerberaad {jaar}: wonen",
               "Inwonersraad {dorp}: keuze locatie brede school", "Jongerenraad kiest invulling {park}"],
     "initiatiefnemer": "gemeente", "soort_opgave": ["keuze_of_verdeling", "beleid"], "rol_gemeente": "opdrachtgever",
     "beleidsruimte": ["ruim", "open"], "besluit_genomen": "nee", "bindendheid": "overnemen_binnen_kaders",
     "procedure": ["geen", "verplichte_participatie_raad"], "belanghebbenden": ["gemiddeld", "veel"],
     "tijd_tot_besluit": "ruim", "middelen": ["midden", "hoog"], "fase": ["agenda+voorbereiding", "voorbereiding"],
     "doel": "bindende_keuze", "thema": "bestuur"},
    {"names": ["Waterberging {dorp}", "Hemelwaterafvoer {buurt}", "Bodemsanering {straat}",
               "Geluidsonderzoek {straat}", "Onderzoek bodemdaling {buurt}"],
     "initiatiefnemer": "gemeente", "soort_opgave": ["feitenonderzoek", "ontwerp"], "complexiteit": "hoog",
     "beleidsruimte": "beperkt", "vastgelegd_door": ["wet_of_norm", "wet_of_norm+budget"],
     "schaal": ["wijk_dorp", "buurt"], "ingrijpendheid": ["midden", "hoog"], "fase": ["voorbereiding", "uitvoering"],
     "doel": ["deskundigheid", "begrip"], "inbreng_helpt": ["ja", "beperkt"], "thema": "fysiek"},
    {"names": ["Regionale Energiestrategie 1.0", "Windpark {dorp}", "Zonnepark {dorp}", "Regionale woondeal",
               "Regionaal mobiliteitsprogramma"],
     "initiatiefnemer": ["gemeente", "samen"], "soort_opgave": ["beleid", "keuze_of_verdeling"], "schaal": "regio",
     "complexiteit": "hoog", "conflict": "hoog", "politieke_gevoeligheid": "hoog", "belanghebbenden": "veel",
     "procedure": ["omgevingsvisie_of_plan", "zienswijze_awb"], "beleidsruimte": ["beperkt", "ruim"],
     "vastgelegd_door": "besluit_andere_overheid", "publiek_belang": "groot", "ingrijpendheid": "hoog",
     "fase": ["agenda+voorbereiding", "besluitvorming"], "doel": ["draagvlak", "weten_wat_leeft"],
     "thema": ["fysiek", "economie"]},
    {"names": ["Hondenbeleid", "Vuurwerkvrije zones", "Parkeerbeleid centrum", "Afvalinzameling (diftar)",
               "Betaald parkeren {buurt}", "Evenementenbeleid", "Terrassenbeleid"],
     "initiatiefnemer": "gemeente", "soort_opgave": ["beleid", "keuze_of_verdeling"], "rol_gemeente": "bevoegd_gezag",
     "beleidsruimte": ["beperkt", "ruim"], "vastgelegd_door": ["wet_of_norm", "eerder_besluit"],
     "conflict": ["midden", "hoog"], "schaal": "gemeente", "belanghebbenden": "veel", "complexiteit": ["laag", "midden"],
     "fase": ["voorbereiding", "besluitvorming"], "doel": ["weten_wat_leeft", "draagvlak"],
     "thema": ["fysiek", "bestuur"]},
    {"first": "Woningbouwplan projectontwikkelaar De Hoven",
     "names": ["Woningbouwplan projectontwikkelaar {buurt}", "Transformatie kantoorpand {straat} (ontwikkelaar)",
               "Appartementen {straat} (aanvraag ontwikkelaar)", "Supermarkt {dorp} (aanvraag)",
               "Zonnepark {dorp} (aanvraag ontwikkelaar)", "Tankstation {weg} (aanvraag)"],
     "initiatiefnemer": "private_initiatiefnemer", "soort_opgave": "aanvraag", "rol_gemeente": "bevoegd_gezag",
     "uitvoerder_participatie": {"initiatiefnemer": 3, "gemeente": 1},
     "procedure": ["aanvraag_omgevingsvergunning", "aanvraag_omgevingsvergunning+verplichte_participatie_raad"],
     "beleidsruimte": ["beperkt", "ruim"], "vastgelegd_door": ["wet_of_norm", "contract_of_afspraak"],
     "conflict": ["midden", "hoog"], "ingrijpendheid": ["midden", "hoog"], "complexiteit": ["midden", "hoog"],
     "schaal": ["straat", "buurt", "wijk_dorp"], "fase": ["agenda", "voorbereiding"],
     "doel": ["weten_wat_leeft", "draagvlak"], "thema": ["fysiek", "economie"],
     "politieke_gevoeligheid": ["midden", "hoog"]},
    {"names": ["Zelfbeheer sportpark {club}", "Kunstgrasveld {club}", "Clubhuis {club} verduurzamen",
               "Beweegtuin {park} (bewonersinitiatief)", "Skatebaan {park} (jongereninitiatief)"],
     "initiatiefnemer": "maatschappelijk_initiatief", "soort_opgave": ["beheer", "initiatief_realiseren"],
     "rol_gemeente": ["grondeigenaar", "grondeigenaar+financier", "ondersteuner"],
     "uitvoerder_participatie": "initiatiefnemer", "bestaande_netwerken": "ja",
     "vraag_initiatief": ["taak_overnemen", "geld_of_middelen", "toestemming", "advies_en_contacten"],
     "capaciteit_samenleving": ["midden", "hoog"], "schaal": ["buurt", "wijk_dorp"],
     "belanghebbenden": ["weinig", "gemiddeld"], "fase": ["voorbereiding", "uitvoering", "beheer"],
     "doel": ["zelf_dragen", "initiatief_steunen"], "thema": ["sociaal", "fysiek"], "conflict": "laag"},
    {"names": ["Centrummanagement {dorp}", "Ondernemersfonds", "Weekmarkt {dorp} vernieuwen",
               "Bedrijventerrein {dorp} verduurzamen", "Winkelgebied {straat} toekomstbestendig",
               "Zorgnetwerk {dorp}: huisartsen, wijkteam en vrijwilligers"],
     "initiatiefnemer": ["samen", "maatschappelijk_initiatief"], "soort_opgave": "initiatief_realiseren",
     "rol_gemeente": ["ondersteuner", "ondersteuner+financier"], "uitvoerder_participatie": "samen",
     "bestaande_netwerken": "ja", "vraag_initiatief": ["samenwerkingsafspraak", "samenwerkingsafspraak+advies_en_contacten"],
     "belanghebbenden": "veel", "complexiteit": ["midden", "hoog"], "publiek_belang": ["enig", "groot"],
     "beleidsruimte": ["ruim", "open"], "capaciteit_samenleving": ["midden", "hoog"], "schaal": ["wijk_dorp", "gemeente"],
     "fase": ["agenda", "voorbereiding", "uitvoering"], "doel": ["samen_maken", "initiatief_steunen"],
     "thema": ["economie", "sociaal"]},
    {"names": ["Participatieverordening", "Vernieuwing inspraakavonden", "Regeling uitdaagrecht",
               "Burgerpanel {jaar}", "Digitale participatieomgeving"],
     "initiatiefnemer": "gemeente", "soort_opgave": "beleid", "thema": "bestuur", "beleidsruimte": ["ruim", "open"],
     "schaal": "gemeente", "complexiteit": "midden", "ingrijpendheid": "laag", "conflict": "laag",
     "fase": ["agenda", "voorbereiding"], "doel": ["draagvlak", "deskundigheid", "weten_wat_leeft"]},
    {"names": ["Kermis {dorp}", "Bevrijdingsfestival", "Kunstroute {dorp}", "Open monumentendag {dorp}",
               "Straatfeest {straat}", "Winterfeest {plein}"],
     "initiatiefnemer": "maatschappelijk_initiatief", "soort_opgave": "initiatief_realiseren",
     "rol_gemeente": "bevoegd_gezag", "uitvoerder_participatie": "initiatiefnemer", "bestaande_netwerken": "ja",
     "vraag_initiatief": ["toestemming", "toestemming+geld_of_middelen"], "capaciteit_samenleving": "hoog",
     "beleidsruimte": ["ruim", "beperkt"], "vastgelegd_door": "veiligheid", "complexiteit": "laag",
     "schaal": ["straat", "wijk_dorp"], "fase": ["uitvoering", "voorbereiding+uitvoering"],
     "doel": ["zelf_dragen", "initiatief_steunen"], "thema": ["sociaal", "economie"], "tijd_tot_besluit": ["krap", "gemiddeld"]},
    {"names": ["Herinrichting {park}", "Nieuw {park}", "Bomenplan {buurt}", "Ecologische oevers {buurt}",
               "Natuurspeelplaats {park}"],
     "initiatiefnemer": {"gemeente": 2, "samen": 1}, "soort_opgave": "ontwerp",
     "rol_gemeente": "opdrachtgever+grondeigenaar", "uitvoerder_participatie": ["gemeente", "samen"],
     "beleidsruimte": ["ruim", "open"], "ingrijpendheid": ["midden", "hoog"], "schaal": ["buurt", "wijk_dorp"],
     "conflict": ["laag", "midden"], "bindendheid": ["advies_volgen", "nog_niet_afgesproken"],
     "fase": ["agenda+voorbereiding", "voorbereiding", "uitvoering+beheer"], "doel": ["samen_maken", "deskundigheid"],
     "middelen": ["midden", "hoog"], "thema": "fysiek"},
    {"first": "Petitie: behoud bomen Lindelaan",
     "names": ["Verzoek: zebrapad bij {school}", "Petitie: behoud bomen {straat}", "Petitie: hondenlosloopveld {buurt}",
               "Verzoek bewoners: parkeren {straat}", "Burgerinitiatiefvoorstel: geen windmolens bij {dorp}",
               "Verzoek: bankjes in {park}"],
     "initiatiefnemer": "verzoek_aan_gemeente", "soort_opgave": ["ontwerp", "beleid", "keuze_of_verdeling"],
     "formeel_recht": ["petitie", "geen", "burgerinitiatiefvoorstel"], "rol_gemeente": ["opdrachtgever", "bevoegd_gezag"],
     "beleidsruimte": ["beperkt", "ruim"], "vastgelegd_door": ["budget", "wet_of_norm"], "besluit_genomen": "nee",
     "belanghebbenden": ["weinig", "gemiddeld", "veel"], "schaal": ["straat", "buurt", "wijk_dorp"],
     "fase": ["agenda", "agenda+voorbereiding"], "doel": ["weten_wat_leeft", "draagvlak"],
     "politieke_gevoeligheid": ["midden", "hoog"], "thema": ["fysiek", "bestuur"]},
    {"names": ["Uitvoering raadsbesluit brede school {dorp}", "Aanleg rotonde {straat} (besloten)",
               "Sloop sporthal {buurt} (raadsbesluit)", "Uitvoering bomenkap {park} (besloten)",
               "Inrichting bouwrijp terrein {dorp}-Noord (besloten)"],
     "initiatiefnemer": "gemeente", "soort_opgave": "uitvoering_besluit", "besluit_genomen": "ja",
     "rol_gemeente": "opdrachtgever", "beleidsruimte": ["beperkt", "ruim"], "vastgelegd_door": ["eerder_besluit", "eerder_besluit+budget"],
     "bindendheid": ["mening_meewegen", "nog_niet_afgesproken"], "ingrijpendheid": ["midden", "hoog"],
     "conflict": ["midden", "hoog"], "fase": ["uitvoering", "voorbereiding+uitvoering"],
     "doel": ["begrip", "deskundigheid", "samen_maken"], "thema": "fysiek"},
    {"names": ["Wijkaanpak {buurt}", "Schuldhulp dichtbij {buurt}", "Gezonde wijk {buurt}",
               "Buurtkamer {buurt}", "Taalcafé {buurt}", "Energiearmoede {buurt}"],
     "initiatiefnemer": {"gemeente": 2, "maatschappelijk_initiatief": 1}, "soort_opgave": ["beleid", "initiatief_realiseren"],
     "rol_gemeente": ["ondersteuner", "opdrachtgever+financier"], "capaciteit_samenleving": "laag",
     "doelgroepen": ["weinig_geld+taal_of_lezen", "weinig_geld+taal_of_lezen+weinig_digitaal", "taal_of_lezen"],
     "vertrouwen": ["laag", "midden"], "bestaande_netwerken": ["nee", "ja"],
     "vraag_initiatief": ["advies_en_contacten", "geld_of_middelen+advies_en_contacten"],
     "beleidsruimte": ["ruim", "open"], "schaal": "buurt", "belanghebbenden": ["gemiddeld", "veel"],
     "complexiteit": ["midden", "hoog"], "fase": ["agenda", "agenda+voorbereiding", "uitvoering"],
     "doel": ["weten_wat_leeft", "samen_maken", "initiatief_steunen"], "thema": "sociaal"},
    {"names": ["Provinciale weg {weg}: reconstructie (provincie)", "Dijkversterking langs de Maas (waterschap)",
               "Hoogspanningsverbinding {dorp} (Rijk)", "Spoorovergang {straat} (ProRail en Rijk)",
               "Natuurherstel Peel (provincie)", "Geluidsscherm A28 (Rijkswaterstaat)"],
     "initiatiefnemer": "andere_overheid", "soort_opgave": ["ontwerp", "uitvoering_besluit"],
     "rol_gemeente": ["grondeigenaar", "bevoegd_gezag", "ondersteuner"], "uitvoerder_participatie": ["initiatiefnemer", "samen"],
     "beleidsruimte": ["beperkt", "geen", "ruim"], "vastgelegd_door": "besluit_andere_overheid",
     "procedure": ["zienswijze_awb", "geen"], "schaal": ["wijk_dorp", "regio"], "complexiteit": "hoog",
     "ingrijpendheid": ["midden", "hoog"], "belanghebbenden": "veel", "fase": ["voorbereiding", "uitvoering"],
     "doel": ["begrip", "weten_wat_leeft"], "thema": "fysiek"},
    {"names": ["Idee: kinderboerderij {buurt}", "Idee: ijsbaan {plein}", "Vraag uit de raad: {park}",
               "Signaal: overlast {straat}", "Eerste verkenning {dorp}-Zuid"],
     "unknown_share": 0.75, "initiatiefnemer": {"gemeente": 2, UNKNOWN: 1}, "fase": "agenda"},
]

# Spreads for the answers an archetype does not fix: mostly the middle, as in practice
DEFAULTS: dict[str, Any] = {
    "initiatiefnemer": "gemeente", "soort_opgave": {"ontwerp": 2, "beleid": 1, "keuze_of_verdeling": 1},
    "rol_gemeente": {"opdrachtgever": 3, "opdrachtgever+grondeigenaar": 1}, "uitvoerder_participatie": "gemeente",
    "schaal": ["buurt", "wijk_dorp", "gemeente"], "fase": "voorbereiding",
    "beleidsruimte": {"beperkt": 1, "ruim": 2, "open": 1},
    "vertrekpunt": {"plan_of_keuzes": 2, "vraag_bepaald": 2, "alles_open": 1},
    "vastgelegd_door": {"wet_of_norm": 2, "budget": 1, "eerder_besluit": 1, "wet_of_norm+budget": 1},
    "besluit_genomen": {"nee": 3, "richting_gekozen": 2}, "bindendheid": {"nog_niet_afgesproken": 2, "mening_meewegen": 2, "advies_volgen": 2},
    "procedure": {"geen": 4, "zienswijze_awb": 1}, "formeel_recht": "geen",
    "ingrijpendheid": {"laag": 1, "midden": 2, "hoog": 1}, "belanghebbenden": {"weinig": 1, "gemiddeld": 2, "veel": 1},
    "doelgroepen": {"geen_bijzondere": 3, "ouderen": 1, "jongeren": 1, "weinig_tijd+weinig_digitaal": 1, UNKNOWN: 2},
    "conflict": {"laag": 2, "midden": 2, "hoog": 1}, "vertrouwen": {"laag": 1, "midden": 3, "hoog": 1},
    "capaciteit_samenleving": {"laag": 1, "midden": 2, "hoog": 1}, "bestaande_netwerken": {"nee": 3, "ja": 1},
    "vraag_initiatief": {"advies_en_contacten": 2, "geld_of_middelen": 1, "advies_en_contacten+geld_of_middelen": 1},
    "inbreng_helpt": {"ja": 5, "beperkt": 1}, "afhankelijk_van_inwoners": {"nee": 2, "deels": 1, "ja": 1},
    "tijd_tot_besluit": {"krap": 1, "gemiddeld": 3, "ruim": 2},
    "complexiteit": {"laag": 1, "midden": 2, "hoog": 1}, "publiek_belang": {"klein": 1, "enig": 3},
    "politieke_gevoeligheid": {"laag": 2, "midden": 2, "hoog": 1}, "middelen": {"laag": 1, "midden": 2, "hoog": 1},
    "doel": {"draagvlak": 2, "weten_wat_leeft": 2, "deskundigheid": 1}, "thema": "fysiek", "dorpsorganisatie": "nee",
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


def _known(cell: str) -> bool:
    return cell not in UNKNOWN_WRITTEN


def _asked(base: Any, trait_id: str, row: dict[str, str]) -> bool:
    """Whether v2 asks this question, given the answers drawn so far (its ask_when, on the known answers)."""
    trait = base.trait(trait_id) if trait_id in {t.id for t in base.traits} else None
    if trait is None or trait.ask_when is None:
        return True
    answers = {t: tuple(v.split(MULTI_SEPARATOR)) for t, v in row.items() if t != PROJECT_COLUMN and _known(v)}
    return holds(trait.ask_when, answers)


def example_rows(seed: int = SEED, count: int = PROJECTS) -> list[dict[str, str]]:
    rng = random.Random(seed)
    base = load_rule_set(BASE)
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
        share = archetype.get("unknown_share", UNKNOWN_SHARE)
        row = {PROJECT_COLUMN: name}
        for trait in traits:
            fixed = trait in archetype
            row[trait] = _draw(rng, archetype[trait] if fixed else DEFAULTS[trait])
            if not fixed and rng.random() < share:
                row[trait] = rng.choice(UNKNOWN_WRITTEN)
        for trait in traits:  # a question v2 does not ask for this project stays empty
            if not _asked(base, trait, row):
                row[trait] = ""
        rows.append(row)
    return rows


def example_csv() -> bytes:
    return to_csv(pd.DataFrame(example_rows(), columns=columns()))


def template() -> bytes:
    return template_csv(load_rule_set(BASE), TEMPLATE_EXAMPLE)


# --- the distribution in docs/portfolio.md -------------------------------------------------------------

STATUSES = ("definitief", "voorlopig", "onvoldoende")
DIST_TEXT = {
    "nl": {"rungs": "Geadviseerde trede", "roles": "Rol van de gemeente", "status": "Status van het advies",
           "main": "hoofdrol", "hat": "extra pet", "none": "geen rol (trede zonder rol)",
           "total": "totaal", "too_little": "te weinig bekend (geen vorm)"},
    "en": {"rungs": "Advised rung", "roles": "Role of the municipality", "status": "Status of the advice",
           "main": "main role", "hat": "extra hat", "none": "no role (rung without a role)",
           "total": "total", "too_little": "too little known (no form)"},
}


def _bundled() -> list[Any]:
    return [RULES.load(m) for m in RULES.ids()]


def _answers(row: dict[str, str], trait_ids: set[str]) -> dict[str, Any]:
    return {t: (v.split(MULTI_SEPARATOR) if MULTI_SEPARATOR in v else v)
            for t, v in row.items() if t in trait_ids and _known(v)}


def distribution_counts() -> list[tuple[Any, dict[str, Counter]]]:
    """Per bundled framework: how often each rung, status, main role and hat is advised for the example."""
    rows = example_rows()
    result = []
    for rule_set in _bundled():
        trait_ids = {t.id for t in rule_set.traits}
        counts: dict[str, Counter] = {"rungs": Counter(), "status": Counter(), "main": Counter(), "hat": Counter()}
        for row in rows:
            advice = advise(rule_set, _answers(row, trait_ids))
            counts["rungs"][advice.form] += 1  # None: too little known to name a form
            counts["status"][advice.status] += 1
            counts["main"][advice.role.role] += 1
            for hat in {h.role for h in advice.hats if h.role}:
                counts["hat"][hat] += 1
        result.append((rule_set, counts))
    return result


def distribution_markdown(lang: str, counted: list[tuple[Any, dict[str, Counter]]]) -> str:
    words = DIST_TEXT[lang]
    sets = [r for r, _ in counted]
    head = "| | " + " | ".join(framework_labels(sets, lang)) + " |\n|---|" + "---|" * len(sets) + "\n"
    rung_ids: list[str] = []
    for rule_set in sets:
        for rung in rule_set.rung_ids():
            if rung not in rung_ids:
                rung_ids.append(rung)
    names = {r.id: r.name.get(lang) for rule_set in reversed(sets) for r in rule_set.rungs}
    lines = [f"**{words['rungs']}**\n", head.rstrip("\n")]
    lines.append(f"| *{words['too_little']}* | " + " | ".join(str(c["rungs"][None]) for _, c in counted) + " |")
    for rung in rung_ids:
        lines.append(f"| {names[rung]} | " + " | ".join(str(c["rungs"][rung]) for _, c in counted) + " |")
    lines.append(f"| *{words['total']}* | " + " | ".join(str(sum(c["rungs"].values())) for _, c in counted) + " |")
    lines += ["", f"**{words['status']}**\n", head.rstrip("\n")]
    for status in STATUSES:
        lines.append(f"| {status} | " + " | ".join(str(c["status"][status]) for _, c in counted) + " |")
    lines += ["", f"**{words['roles']}** ({words['main']} · {words['hat']})\n", head.rstrip("\n")]
    role_names = {r.id: r.name.get(lang) for r in sets[0].roles}
    for role, label in role_names.items():
        lines.append(f"| {label} | " + " | ".join(f"{c['main'][role]} · {c['hat'][role]}" for _, c in counted) + " |")
    lines.append(f"| {words['none']} | " + " | ".join(str(c["main"][None]) for _, c in counted) + " |")
    return "\n".join(lines) + "\n"


def _replace(doc: str, start: str, end: str, body: str) -> str:
    before, rest = doc.split(start, 1)
    _, after = rest.split(end, 1)
    return before + start + body + end + after


def doc_with_columns(doc: str) -> str:
    """docs/portfolio.md with its generated column tables replaced by what the base rules say now."""
    base = load_rule_set(BASE)
    for lang, (start, end) in DOC_MARKS.items():
        doc = _replace(doc, start, end, columns_markdown(base, lang))
    return doc


def doc_with_distribution(doc: str) -> str:
    """docs/portfolio.md with its distribution tables replaced by what the engine advises for the example now."""
    counted = distribution_counts()
    for lang, (start, end) in DIST_MARKS.items():
        doc = _replace(doc, start, end, distribution_markdown(lang, counted))
    return doc


def main() -> None:
    EXAMPLE.write_bytes(example_csv())
    TEMPLATE.write_bytes(template())
    doc = doc_with_distribution(doc_with_columns(DOC.read_text(encoding="utf-8")))
    DOC.write_text(doc, encoding="utf-8")
    print(f"wrote {EXAMPLE.relative_to(ROOT)}, {TEMPLATE.relative_to(ROOT)} and the generated tables in {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

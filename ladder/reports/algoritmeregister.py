"""A record for the Dutch Algoritmeregister, per rule set: what a municipality publishes about this tool.

The fields and their names follow the Algoritmeregister Publicatiestandaard, handleiding 1.0.10 of 2024-11-29
(schema 1.0.0), ch02.md of github.com/MinBZK/Algoritmeregister-Publicatiestandaard: four sections (Algemene
informatie, Verantwoord gebruik, Werking, Metadata) and their fields in that order. Each field keeps the
standard's Dutch name as its identifier, in both languages; only its label and text are translated.

What the rule set says (name, version, status, content hash, questions, weights, kaders, files) is written out.
What only the municipality can say (organisation, contact, legal basis of its participation policy, impact
assessments, publication category) is a marked placeholder: `to_fill_in`, shown as "[IN TE VULLEN: ...]".
Nothing here decides anything: the record says so, because the tool gives advice and a person chooses.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from ladder.reports.texts import t as report_t
from ladder.rules.model import RuleSet
from ladder.text import Catalogue, language, list_text, number_text

STANDARD = "Algoritmeregister Publicatiestandaard"
STANDARD_MANUAL_VERSION = "1.0.10"  # the handleiding followed, published 2024-11-29
STANDARD_SCHEMA = "1.0.0"  # the value of the field Schema that handleiding asks for
STANDARD_SOURCE = "https://github.com/MinBZK/Algoritmeregister-Publicatiestandaard (ch02.md)"
ISO_639_3 = {"nl": "nld", "en": "eng"}

# Lengths the standard sets ("Invoertype: Tekst (<N tekens)"), per field.
MAX_CHARS = {
    "Naam": 100, "Korte omschrijving": 350, "Organisatie": 100, "Doel en impact": 2500, "Afwegingen": 2500,
    "Menselijke tussenkomst": 2500, "Risicobeheer": 2500, "Wettelijke basis": 2500, "Gegevens": 2500,
    "Technische werking": 5000, "Leverancier": 200, "Bron-ID": 100, "Zoektermen": 2500,
}

# The standard's statuses; a rule set's own status maps onto one of them.
STATUS = {"concept": "In ontwikkeling", "illustratie": "In ontwikkeling", "in_gebruik": "In gebruik",
          "vastgesteld": "In gebruik"}

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Algemene informatie", ("Naam", "Korte omschrijving", "Organisatie", "Thema", "Status", "Begindatum",
                             "Einddatum", "Contactgegevens", "Link naar publiekspagina", "Publicatiecategorie",
                             "Link naar bronregistratie")),
    ("Verantwoord gebruik", ("Doel en impact", "Afwegingen", "Menselijke tussenkomst", "Risicobeheer",
                             "Wettelijke basis", "Link naar wettelijke basis", "Titel van wettelijke basis",
                             "Verwerkingsregister", "Impacttoets(en)", "Link naar Impacttoets",
                             "Toelichting op impacttoetsen")),
    ("Werking", ("Gegevens", "Link naar Gegevensbron", "Titel van Gegevensbron", "Technische werking",
                 "Leverancier", "Link naar broncode")),
    ("Metadata", ("Taal", "Schema", "Bron-ID", "Zoektermen")),
)

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "ar_title": "Algoritmeregister: {name}",
        "ar_intro": "Een registratie volgens de {standard} (handleiding {manual}, schema {schema}), gemaakt uit de regelset. Velden met [IN TE VULLEN: ...] kan alleen de gemeente invullen. Vul ze in voordat u publiceert.",
        "ar_illustration": "Let op: deze regelset is een illustratie. {disclaimer} Publiceer deze registratie niet zo.",
        "ar_rule_set": "Regelset: {id}, versie {version} van {date}, status {status}, kenmerk {hash}",
        "ar_files": "Gemaakt uit: {files}",
        "ar_to_fill_in": "IN TE VULLEN",
        "ar_questions_title": "Bijlage: de vragen (de gegevens die het hulpmiddel gebruikt)",
        "ar_kaders_title": "Bijlage: de kaders",
        "ar_answers": "antwoorden: {options}",
        # section and field labels
        "sec_Algemene informatie": "Algemene informatie",
        "sec_Verantwoord gebruik": "Verantwoord gebruik",
        "sec_Werking": "Werking",
        "sec_Metadata": "Metadata",
        # the fields
        "v_naam": "Vorm van participatie adviseren met de Participatieladder",
        "v_omschrijving": "Dit hulpmiddel geeft advies over de vorm van samenwerking met inwoners die past bij een project: van informeren tot overheidsparticipatie. Een ambtenaar beantwoordt vragen over het project. De regels van {name} geven het advies, met uitleg. Een mens kiest de vorm.",
        "p_organisatie": "de volledige naam van de organisatie volgens de TOOI-waardelijst, bijvoorbeeld Gemeente ...; deze regels heten '{name}'",
        "p_thema": "een of meer thema's uit de Thema-indeling voor Officiële Publicaties (TOP-lijst)",
        "v_status_illustratie": "{status} (de regelset is een illustratie, geen vastgesteld beleid)",
        "v_status_concept": "{status} (de regelset heeft de status concept)",
        "p_begindatum": "de maand waarin de gemeente deze regels in gebruik nam (jjjj-mm); de regelset is van {date}",
        "v_begindatum": "{month}",
        "p_einddatum": "alleen als de regels buiten gebruik gaan (jjjj-mm); zolang ze in gebruik zijn leeg laten",
        "p_contact": "het e-mailadres of de website waar inwoners vragen over dit hulpmiddel kunnen stellen",
        "p_publiekspagina": "een pagina van de gemeente over participatie en dit hulpmiddel (begint met https://)",
        "p_publicatiecategorie": "kies volgens de handreiking: Hoog-risico AI-systemen, Impactvolle algoritmes of Overige algoritmes. Het hulpmiddel neemt geen besluiten over personen en is geen AI-systeem dat leert; dat weegt mee in de keuze",
        "p_bronregistratie": "de URL van het eigen algoritmeregister van de gemeente, als dat er is",
        "v_doel": "Doel: ambtenaren helpen kiezen welke vorm van samenwerking met inwoners past bij een project, en uitleggen waarom. Zo kiest de gemeente bewuster en legt zij die keuze uit. Impact: inwoners merken het hulpmiddel niet direct. Wel bepaalt de gekozen vorm hoe zij kunnen meedoen: of zij alleen informatie krijgen, mogen meepraten, meebeslissen of zelf iets doen. Het hulpmiddel beslist niets over personen. {description}",
        "v_afwegingen": "Voordelen: elk advies is uitgelegd (wat meewoog, welke kaders golden, hoe stevig het is) en herhaalbaar: dezelfde regels en antwoorden geven altijd hetzelfde advies. De regels staan openbaar in een bestand dat iedereen kan lezen. Nadelen: het advies is zo goed als de antwoorden en de regels. Een vaste puntentelling kan een project missen dat anders is dan de regels verwachten. Daarom is het advies een startpunt voor het gesprek, geen besluit. Het alternatief is kiezen zonder hulpmiddel, op ervaring van de participatieadviseur; dat blijft mogelijk, en de gekozen vorm mag van het advies afwijken.",
        "v_tussenkomst": "Het hulpmiddel geeft alleen advies. De ambtenaar (of een werkgroep van raadsleden, inwoners en ambtenaren) kiest de vorm. In het register staat de geadviseerde vorm, de gekozen vorm en waarom die gekozen is, en later hoe het ging. Bij elk advies staat wat meewoog en welk ander antwoord het advies zou veranderen. Zo kan een mens het advies controleren en ervan afwijken.",
        "v_risico": "Risico's: onjuiste of onvolledige antwoorden; regels die een vorm te vaak of te weinig adviseren; een advies dat als besluit wordt gelezen. Wat het hulpmiddel doet: 'weet ik niet' is altijd een antwoord, en het advies zegt dan of het voorlopig is of dat er te weinig bekend is. Elk advies zegt hoe stevig het is en welke antwoorden het veranderen. Elke versie van de regels heeft een kenmerk (een hash van de inhoud); een bewaard advies wordt opnieuw berekend en het register laat zien of de huidige regels iets anders adviseren. De regels zijn vergeleken met de praktijk en met deskundigen (docs/validation.md in de broncode). Het register bewaart namen van contactpersonen; zie de privacyverklaring (docs/privacy.md).",
        "v_wettelijke_basis": "Het hulpmiddel geeft alleen advies en neemt geen besluiten. Het wordt ingezet in het participatiebeleid van de gemeente.",
        "p_wettelijke_basis": "de wettelijke basis van het participatiebeleid van de gemeente, bijvoorbeeld de eigen participatieverordening, in gewone woorden",
        "p_wettelijke_basis_link": "een link naar die regeling op wetten.overheid.nl of lokaleregelgeving.overheid.nl",
        "p_wettelijke_basis_titel": "de titel van die regeling",
        "p_verwerkingsregister": "een link naar het verwerkingsregister van de gemeente; het register en de werkgroepen bewaren namen van contactpersonen en deelnemers",
        "p_impacttoets": "de namen van uitgevoerde toetsen (bijvoorbeeld een DPIA of IAMA), of dat er geen is uitgevoerd",
        "p_impacttoets_link": "een link naar de toets, als die openbaar is",
        "p_impacttoets_toelichting": "een korte uitleg van de uitkomst van de toetsen",
        "v_gegevens": "De antwoorden die de ambtenaar of de werkgroep geeft op {count} vragen over het project (geen persoonsgegevens): {questions}. De volledige vragen en antwoorden staan in de bijlage. Het hulpmiddel haalt geen gegevens uit andere systemen.",
        "v_gegevensbron_link": "Niet van toepassing: er is geen gegevensbron, de gebruiker vult de antwoorden in.",
        "v_gegevensbron_titel": "Antwoorden van de gebruiker op de vragen van de regelset",
        "v_werking": "Het is een regelsysteem, niet zelflerend. Invoer: de antwoorden op de vragen. Werking: elk antwoord geeft punten aan elke trede van de ladder ({rungs}); de regelset geeft punten bij {answers} antwoorden. {factors}De punten worden opgeteld.{extra} Daarna gelden {kaders} kaders: harde grenzen die een trede uitsluiten, een hoogste of laagste trede vastleggen, of waarschuwen (zie de bijlage). Uitvoer: de trede met de meeste punten die de kaders toelaten; bij gelijke punten de lagere. Het advies zegt ook hoe groot de voorsprong is, wat meewoog en welk ander antwoord het zou veranderen. Regels: {name}, versie {version}, kenmerk {hash}. Dezelfde regels en antwoorden geven altijd hetzelfde advies. Uitleg van het regelformaat: docs/rule-format.md.",
        "v_factors": "Deze gemeente laat sommige antwoorden zwaarder of lichter wegen: {factors}. ",
        "v_factor": "{trait} ×{factor} ({why})",
        "v_phases": " De fase waarin het project instapt, geeft eigen punten; het advies geldt voor die fase, en elke latere fase krijgt een eigen advies.",
        "v_pre": " Geldt een van de {count} voorwaarden vooraf (bijvoorbeeld: er valt niets meer te kiezen), dan is het advies informeren.",
        "v_leverancier": "Participatieladder 3.0, open source (EUPL-1.2)",
        "p_leverancier": "'Intern ontwikkeld', of de naam van de partij die de installatie voor de gemeente beheert",
        "v_broncode": "{files} in de broncode van Participatieladder 3.0",
        "p_broncode": "de openbare URL van de repository met deze bestanden (begint met https://); geef die met --source-url",
        "v_zoektermen": "participatie, inwonersparticipatie, participatieladder, overheidsparticipatie, {id}",
    },
    "en": {
        "ar_title": "Algoritmeregister: {name}",
        "ar_intro": "A record following the {standard} (manual {manual}, schema {schema}), made from the rule set. Fields with [TO BE FILLED IN: ...] only the municipality can fill in. Fill them in before you publish. Field names are the standard's (Dutch); the Dutch register publishes in Dutch (run without --lang en).",
        "ar_illustration": "Note: this rule set is an illustration. {disclaimer} Do not publish this record as it is.",
        "ar_rule_set": "Rule set: {id}, version {version} of {date}, status {status}, fingerprint {hash}",
        "ar_files": "Made from: {files}",
        "ar_to_fill_in": "TO BE FILLED IN",
        "ar_questions_title": "Appendix: the questions (the data the tool uses)",
        "ar_kaders_title": "Appendix: the frames (kaders)",
        "ar_answers": "answers: {options}",
        "sec_Algemene informatie": "General information",
        "sec_Verantwoord gebruik": "Responsible use",
        "sec_Werking": "How it works",
        "sec_Metadata": "Metadata",
        "v_naam": "Advising on the form of participation with the Participatieladder",
        "v_omschrijving": "This tool advises which form of cooperation with residents fits a project: from informing to government participation. A civil servant answers questions about the project. The rules of {name} give the advice, with an explanation. A person chooses the form.",
        "p_organisatie": "the full name of the organisation according to the TOOI value list, for example Gemeente ...; these rules are called '{name}'",
        "p_thema": "one or more themes from the Thema-indeling voor Officiële Publicaties (TOP list)",
        "v_status_illustratie": "{status} (the rule set is an illustration, not adopted policy)",
        "v_status_concept": "{status} (the rule set has the status concept)",
        "p_begindatum": "the month in which the municipality took these rules into use (yyyy-mm); the rule set is dated {date}",
        "v_begindatum": "{month}",
        "p_einddatum": "only when the rules go out of use (yyyy-mm); leave empty while they are in use",
        "p_contact": "the e-mail address or website where residents can ask questions about this tool",
        "p_publiekspagina": "a page of the municipality about participation and this tool (starting with https://)",
        "p_publicatiecategorie": "choose according to the guidance: Hoog-risico AI-systemen, Impactvolle algoritmes or Overige algoritmes. The tool takes no decisions about persons and is not a learning AI system; that counts in the choice",
        "p_bronregistratie": "the URL of the municipality's own algorithm register, if there is one",
        "v_doel": "Purpose: to help civil servants choose which form of cooperation with residents fits a project, and to explain why. So the municipality chooses more deliberately and explains its choice. Impact: residents do not meet the tool directly. But the chosen form decides how they can take part: whether they only receive information, may give their views, decide along or do something themselves. The tool decides nothing about persons. {description}",
        "v_afwegingen": "Advantages: every advice is explained (what weighed, which frames applied, how firm it is) and repeatable: the same rules and answers always give the same advice. The rules are public, in a file anyone can read. Disadvantages: the advice is only as good as the answers and the rules. A fixed scoring can miss a project that differs from what the rules expect. That is why the advice is a starting point for the conversation, not a decision. The alternative is to choose without a tool, on the experience of the participation adviser; that remains possible, and the chosen form may differ from the advice.",
        "v_tussenkomst": "The tool only gives advice. The civil servant (or a working group of council members, residents and civil servants) chooses the form. The register records the advised form, the chosen form and why it was chosen, and later how it went. Every advice shows what weighed and which other answer would change it. So a person can check the advice and depart from it.",
        "v_risico": "Risks: wrong or incomplete answers; rules that advise a form too often or too rarely; an advice read as a decision. What the tool does: 'don't know' is always an answer, and the advice then says whether it is provisional or whether too little is known. Every advice says how firm it is and which answers change it. Every version of the rules has a fingerprint (a hash of its content); a saved advice is calculated again and the register shows whether the current rules advise otherwise. The rules were compared with practice and with experts (docs/validation.md in the source code). The register keeps the names of contact persons; see the privacy statement (docs/privacy.md).",
        "v_wettelijke_basis": "The tool only gives advice and takes no decisions. It is used within the municipality's participation policy.",
        "p_wettelijke_basis": "the legal basis of the municipality's participation policy, for example its own participation bylaw (participatieverordening), in plain words",
        "p_wettelijke_basis_link": "a link to that regulation on wetten.overheid.nl or lokaleregelgeving.overheid.nl",
        "p_wettelijke_basis_titel": "the title of that regulation",
        "p_verwerkingsregister": "a link to the municipality's register of processing activities; the register and the working groups keep names of contact persons and members",
        "p_impacttoets": "the names of the assessments carried out (for example a DPIA or IAMA), or that none was carried out",
        "p_impacttoets_link": "a link to the assessment, if it is public",
        "p_impacttoets_toelichting": "a short explanation of the outcome of the assessments",
        "v_gegevens": "The answers the civil servant or the working group gives to {count} questions about the project (no personal data): {questions}. The full questions and answers are in the appendix. The tool takes no data from other systems.",
        "v_gegevensbron_link": "Not applicable: there is no data source, the user fills in the answers.",
        "v_gegevensbron_titel": "The user's answers to the rule set's questions",
        "v_werking": "It is a rule system, not self-learning. Input: the answers to the questions. How it works: every answer gives points to every rung of the ladder ({rungs}); the rule set gives points for {answers} answers. {factors}The points are added up.{extra} Then {kaders} frames (kaders) apply: hard limits that exclude a rung, set a highest or lowest rung, or warn (see the appendix). Output: the rung with the most points that the frames allow; on equal points the lower one. The advice also says how large its lead is, what weighed and which other answer would change it. Rules: {name}, version {version}, fingerprint {hash}. The same rules and answers always give the same advice. The rule format is explained in docs/rule-format.md.",
        "v_factors": "This municipality weighs some answers more or less: {factors}. ",
        "v_factor": "{trait} ×{factor} ({why})",
        "v_phases": " The phase in which the project enters gives points of its own; the advice is for that phase, and every later phase gets an advice of its own.",
        "v_pre": " When one of the {count} preconditions holds (for example: nothing is left to choose), the advice is to inform.",
        "v_leverancier": "Participatieladder 3.0, open source (EUPL-1.2)",
        "p_leverancier": "'Intern ontwikkeld' (developed in-house), or the name of the party that runs the installation for the municipality",
        "v_broncode": "{files} in the source code of Participatieladder 3.0",
        "p_broncode": "the public URL of the repository with these files (starting with https://); give it with --source-url",
        "v_zoektermen": "participatie, inwonersparticipatie, participatieladder, overheidsparticipatie, {id}",
    },
}

AR = Catalogue(("algoritmeregister", TEXTS))
t = AR.t

# Labels of the fields in English; in Dutch the label is the standard's own name.
FIELD_LABELS_EN = {
    "Naam": "Name", "Korte omschrijving": "Short description", "Organisatie": "Organisation", "Thema": "Theme",
    "Status": "Status", "Begindatum": "Start date", "Einddatum": "End date", "Contactgegevens": "Contact details",
    "Link naar publiekspagina": "Link to public page", "Publicatiecategorie": "Publication category",
    "Link naar bronregistratie": "Link to source registration", "Doel en impact": "Purpose and impact",
    "Afwegingen": "Considerations", "Menselijke tussenkomst": "Human intervention", "Risicobeheer": "Risk management",
    "Wettelijke basis": "Legal basis", "Link naar wettelijke basis": "Link to legal basis",
    "Titel van wettelijke basis": "Title of legal basis", "Verwerkingsregister": "Register of processing activities",
    "Impacttoets(en)": "Impact assessment(s)", "Link naar Impacttoets": "Link to impact assessment",
    "Toelichting op impacttoetsen": "Explanation of impact assessments", "Gegevens": "Data",
    "Link naar Gegevensbron": "Link to data source", "Titel van Gegevensbron": "Title of data source",
    "Technische werking": "Technical operation", "Leverancier": "Supplier", "Link naar broncode": "Link to source code",
    "Taal": "Language", "Schema": "Schema", "Bron-ID": "Source ID", "Zoektermen": "Search terms",
}


@dataclass(frozen=True)
class RecordField:
    """One field of the standard: its value from the rule set, and/or what the municipality must fill in."""

    section: str  # the standard's section name (Dutch)
    field: str  # the standard's field name (Dutch)
    label: str  # the field name in the record's language
    value: str = ""
    to_fill_in: str | None = None


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class KaderLine:
    id: str
    effect: str
    reason: str


@dataclass(frozen=True)
class AlgoritmeregisterRecord:
    rule_set_id: str
    name: str
    version: str
    date: str
    status: str
    illustration: bool
    content_hash: str
    files: tuple[str, ...]
    language: str  # ISO 639-3, as the field Taal asks
    fields: tuple[RecordField, ...]
    questions: tuple[Question, ...]
    kaders: tuple[KaderLine, ...]
    disclaimer: str | None = None

    def field(self, name: str) -> RecordField:
        return next(f for f in self.fields if f.field == name)


def algoritmeregister_record(rule_set: RuleSet, lang: str = "nl", source_url: str | None = None) -> AlgoritmeregisterRecord:
    """The record for one rule set, in one language; `source_url` is the public repository, when known."""
    lang = language(lang)
    rs = rule_set
    name = rs.name.get(lang)
    files = tuple(f.file for f in rs.lineage)
    questions = tuple(tr for tr in rs.traits)
    values: dict[str, str] = {}
    to_fill: dict[str, str] = {}

    values["Naam"] = t(lang, "v_naam")
    values["Korte omschrijving"] = t(lang, "v_omschrijving", name=name)
    to_fill["Organisatie"] = t(lang, "p_organisatie", name=name)
    to_fill["Thema"] = t(lang, "p_thema")
    status = STATUS[rs.status]
    values["Status"] = (t(lang, f"v_status_{rs.status}", status=status) if rs.status in ("illustratie", "concept")
                        else status)
    if rs.status in ("in_gebruik", "vastgesteld") and not rs.illustration:
        # The rule set's date is the date of this version; the municipality confirms the month it took it into use.
        values["Begindatum"] = t(lang, "v_begindatum", month=rs.date.strftime("%Y-%m"))
    to_fill["Begindatum"] = t(lang, "p_begindatum", date=rs.date.isoformat())
    to_fill["Einddatum"] = t(lang, "p_einddatum")
    to_fill["Contactgegevens"] = t(lang, "p_contact")
    to_fill["Link naar publiekspagina"] = t(lang, "p_publiekspagina")
    to_fill["Publicatiecategorie"] = t(lang, "p_publicatiecategorie")
    to_fill["Link naar bronregistratie"] = t(lang, "p_bronregistratie")

    description = rs.description.get(lang) if rs.description else ""
    values["Doel en impact"] = t(lang, "v_doel", description=description).strip()
    values["Afwegingen"] = t(lang, "v_afwegingen")
    values["Menselijke tussenkomst"] = t(lang, "v_tussenkomst")
    values["Risicobeheer"] = t(lang, "v_risico")
    values["Wettelijke basis"] = t(lang, "v_wettelijke_basis")
    to_fill["Wettelijke basis"] = t(lang, "p_wettelijke_basis")
    to_fill["Link naar wettelijke basis"] = t(lang, "p_wettelijke_basis_link")
    to_fill["Titel van wettelijke basis"] = t(lang, "p_wettelijke_basis_titel")
    to_fill["Verwerkingsregister"] = t(lang, "p_verwerkingsregister")
    to_fill["Impacttoets(en)"] = t(lang, "p_impacttoets")
    to_fill["Link naar Impacttoets"] = t(lang, "p_impacttoets_link")
    to_fill["Toelichting op impacttoetsen"] = t(lang, "p_impacttoets_toelichting")

    values["Gegevens"] = t(lang, "v_gegevens", count=len(questions),
                           questions=", ".join(tr.short_name(lang) for tr in questions))
    values["Link naar Gegevensbron"] = t(lang, "v_gegevensbron_link")
    values["Titel van Gegevensbron"] = t(lang, "v_gegevensbron_titel")
    values["Technische werking"] = _how_it_works(rs, lang)
    values["Leverancier"] = t(lang, "v_leverancier")
    to_fill["Leverancier"] = t(lang, "p_leverancier")
    if source_url:
        base = source_url.rstrip("/")
        values["Link naar broncode"] = " ".join(f"{base}/{f}" for f in files)
    else:
        values["Link naar broncode"] = t(lang, "v_broncode", files=list_text(files, lang))
        to_fill["Link naar broncode"] = t(lang, "p_broncode")

    values["Taal"] = ISO_639_3[lang]
    values["Schema"] = STANDARD_SCHEMA
    values["Bron-ID"] = f"{rs.id}@{rs.version}+{rs.content_hash[:12]}"
    values["Zoektermen"] = t(lang, "v_zoektermen", id=rs.id)

    fields = tuple(
        RecordField(section, field, field if lang == "nl" else FIELD_LABELS_EN[field], values.get(field, ""),
                    to_fill.get(field))
        for section, names in SECTIONS for field in names
    )
    return AlgoritmeregisterRecord(
        rule_set_id=rs.id, name=name, version=rs.version, date=rs.date.isoformat(), status=rs.status,
        illustration=rs.illustration, content_hash=rs.content_hash, files=files, language=ISO_639_3[lang],
        fields=fields,
        questions=tuple(Question(tr.id, tr.question.get(lang), tuple(o.label.get(lang) for o in tr.options))
                        for tr in questions),
        kaders=tuple(KaderLine(k.id, _kader_effect(k.effect, k.max or k.min, k.exclude, rs, lang), k.reason.get(lang))
                     for k in rs.kaders),
        disclaimer=rs.disclaimer.get(lang) if rs.illustration and rs.disclaimer else None,
    )


def _how_it_works(rs: RuleSet, lang: str) -> str:
    answers = sum(1 for options in rs.weights.values() for w in options.values() if any(w.points.values()))
    factors: dict[tuple[str, float, str], None] = {}
    for trait_id, options in rs.weights.items():
        for weights in options.values():
            for f in weights.factors:
                factors.setdefault((trait_id, f.factor, f.why.get(lang)), None)
    factor_text = ""
    if factors:
        factor_text = t(lang, "v_factors", factors="; ".join(
            t(lang, "v_factor", trait=_trait_name(rs, trait, lang),
              factor=number_text(factor, lang), why=why)
            for trait, factor, why in factors))
    extra = (t(lang, "v_phases") if rs.phases else "") + (
        t(lang, "v_pre", count=len(rs.preconditions.pre)) if rs.preconditions.pre else "")
    return t(lang, "v_werking", rungs=list_text([r.name.get(lang) for r in rs.rungs], lang), answers=answers,
             factors=factor_text, extra=extra, kaders=len(rs.kaders), name=rs.name.get(lang), version=rs.version,
             hash=rs.content_hash)


def _trait_name(rs: RuleSet, trait_id: str, lang: str) -> str:
    return next((tr.short_name(lang) for tr in rs.traits if tr.id == trait_id), trait_id)


def _kader_effect(effect: str, rung: str | None, exclude: tuple[str, ...] | None, rs: RuleSet, lang: str) -> str:
    def rung_name(rung_id: str) -> str:
        return rs.rung(rung_id).name.get(lang)

    if effect == "exclude":
        return report_t(lang, "kader_exclude", rungs=list_text([rung_name(r) for r in exclude or ()], lang))
    if effect in ("max", "min"):
        return report_t(lang, f"kader_{effect}", rung=rung_name(rung or ""))
    return report_t(lang, "kader_warning")


# --- output -------------------------------------------------------------------------------------------------------


def _shown(field: RecordField, lang: str) -> str:
    """The value, then what is still to be filled in, marked so that nobody publishes it by mistake."""
    parts = [field.value] if field.value else []
    if field.to_fill_in:
        parts.append(f"[{t(lang, 'ar_to_fill_in')}: {field.to_fill_in}]")
    return " ".join(parts)


def record_markdown(record: AlgoritmeregisterRecord, lang: str = "nl") -> str:
    lang = language(lang)
    lines = [f"# {t(lang, 'ar_title', name=record.name)}", ""]
    lines.append(t(lang, "ar_intro", standard=STANDARD, manual=STANDARD_MANUAL_VERSION, schema=STANDARD_SCHEMA))
    lines.append("")
    if record.illustration:
        lines += [f"> **{t(lang, 'ar_illustration', disclaimer=record.disclaimer or '').replace('  ', ' ')}**", ""]
    lines.append(t(lang, "ar_rule_set", id=record.rule_set_id, version=record.version, date=record.date,
                   status=record.status, hash=f"`{record.content_hash}`"))
    lines.append("")
    lines.append(t(lang, "ar_files", files=list_text([f"`{f}`" for f in record.files], lang)))
    section = None
    for field in record.fields:
        if field.section != section:
            section = field.section
            lines += ["", f"## {t(lang, 'sec_' + section)}"]
        label = field.label if lang == "nl" else f"{field.label} ({field.field})"
        lines += ["", f"### {label}", "", _shown(field, lang)]
    lines += ["", f"## {t(lang, 'ar_questions_title')}", ""]
    for q in record.questions:
        lines.append(f"- **{q.question}** ({t(lang, 'ar_answers', options='; '.join(q.options))})")
    lines += ["", f"## {t(lang, 'ar_kaders_title')}", ""]
    for k in record.kaders:
        lines.append(f"- `{k.id}` ({k.effect}): {k.reason}")
    return "\n".join(lines) + "\n"


def record_json(record: AlgoritmeregisterRecord) -> str:
    """The record as JSON: the standard's field names as they are, each with its value and what is to be filled in."""
    data = {
        "standard": STANDARD,
        "standard_manual_version": STANDARD_MANUAL_VERSION,
        "standard_source": STANDARD_SOURCE,
        "rule_set": {"id": record.rule_set_id, "name": record.name, "version": record.version, "date": record.date,
                     "status": record.status, "illustration": record.illustration,
                     "content_hash": record.content_hash, "files": list(record.files),
                     "disclaimer": record.disclaimer},
        "fields": [asdict(f) for f in record.fields],
        "questions": [asdict(q) for q in record.questions],
        "kaders": [asdict(k) for k in record.kaders],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)

"""UI texts of the start page: what the tool is, for whom, the five building blocks and how to use it.

The building blocks and steps are numbered keys (`start_block_1_title` ...), so the page can list them in order.
"""

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "start_intro": (
            "Deze tool helpt een gemeente kiezen hoe zij bij een project samenwerkt met inwoners, ondernemers en "
            "organisaties. Soms is goed informeren genoeg. Soms beslissen inwoners mee. En soms komt het "
            "initiatief uit de samenleving en doet de gemeente mee: dat heet overheidsparticipatie. Er is geen "
            "vorm die altijd de beste is. De tool helpt u per project de vorm te vinden die past."
        ),
        "start_for_whom_header": "Voor wie is deze tool?",
        "start_for_civil_servants": (
            "**Ambtenaren die een project voorbereiden.** U beantwoordt vragen over het project. U krijgt een "
            "advies met de redenen, de rol van de gemeente, passende werkvormen en wat deelnemers mogen verwachten."
        ),
        "start_for_working_groups": (
            "**Gemengde werkgroepen**, bijvoorbeeld raadsleden, inwoners en ambtenaren samen. Iedereen beantwoordt "
            "eerst zelf de vragen. Daarna ziet u waar u verschillend denkt. Juist die verschillen zijn goed om te "
            "bespreken."
        ),
        "start_for_councils": (
            "**Gemeenteraden en netwerken van gemeenten.** U legt de regels van gemeenten naast elkaar. Wat zou een "
            "andere gemeente adviseren voor hetzelfde project, en waarin verschillen de regels?"
        ),
        "start_blocks_header": "Vijf bouwstenen: de gemeente als netwerkpartner",
        "start_blocks_intro": (
            "De tool bouwt op vijf bouwstenen. Ze beschrijven hoe een gemeente goed samenwerkt met de samenleving, "
            "als een van de partners in een netwerk."
        ),
        "start_block_1_title": "Werk met wat er is",
        "start_block_1_text": (
            "Kijk eerst wat inwoners, verenigingen en ondernemers al doen. Sluit daarbij aan, in plaats van zelf "
            "iets nieuws te beginnen."
        ),
        "start_block_2_title": "Het gaat iedereen aan",
        "start_block_2_text": (
            "Samenwerken gaat over alle inwoners, ook over mensen die u niet vanzelf hoort. Zoek daarom ook nieuwe "
            "partners, niet alleen de bekende gezichten."
        ),
        "start_block_3_title": "Eis vooraf geen zekerheid",
        "start_block_3_text": (
            "U hoeft niet alles vooraf te weten. Weet u een antwoord niet? Kies dan 'weet ik niet'. De tool laat "
            "zien wat dat voor het advies betekent."
        ),
        "start_block_4_title": "De gemeente is een lerende organisatie",
        "start_block_4_text": (
            "Kijk na afloop wat goed ging en wat niet. Schrijf die lessen op, zodat de kennis blijft als collega's "
            "vertrekken."
        ),
        "start_block_5_title": "Gemeenschap bouwen hoort bij ieders werk",
        "start_block_5_text": (
            "Samenwerken met de samenleving is niet alleen de taak van één afdeling of één adviseur. Elke medewerker "
            "van de gemeente helpt mee."
        ),
        "start_steps_header": "Zo gebruikt u de tool",
        "start_step_1": "Kies links de regels van uw gemeente. U kunt ook de taal kiezen.",
        "start_step_2": (
            "Ga naar **Advies** en beantwoord de vragen over uw project. Weet u iets niet? Kies dan 'weet ik niet'."
        ),
        "start_step_3": (
            "Lees het advies: de vorm die het best past en waarom, de rol van de gemeente, passende werkvormen en "
            "wat deelnemers mogen verwachten."
        ),
        "start_step_4": (
            "Wilt u meer weten? Op **De ladder** staan alle vormen en werkvormen. Op **Regels** ziet u hoe de regels "
            "van een gemeente wegen."
        ),
        "start_links_header": "Naar de pagina's",
        "start_link_advies": "Advies: beantwoord vragen over uw project",
        "start_link_ladder": "De ladder: alle vormen van samenwerking en werkvormen",
        "start_link_regels": "Regels: hoe de regels van een gemeente wegen",
        "start_link_werkgroep": "Werkgroep: beoordeel een project samen, ieder eerst apart",
        "start_link_register": "Register: bewaarde adviezen, wat er gekozen is en hoe het ging",
        "start_link_vergelijken": "Vergelijken: de regels van twee tot vijf gemeenten naast elkaar",
        "start_link_portfolio": "Portfolio: veel projecten tegelijk scoren",
        "start_link_plan": "Plan en verslag: van advies naar participatieplan, en later het verslag",
        "start_link_netwerk": "Netwerk: een initiatief vindt de juiste ambtenaar, ook uit een andere gemeente",
        "start_begin": "Begin met een advies",
        "start_begin_help": "Beantwoord de vragen over uw project. U ziet meteen welke vorm van samenwerken past, en waarom. Weet u iets niet? Kies dan 'weet ik niet'.",
        "start_illustration_note": (
            "De gemeenten in deze tool zijn voorbeelden. Hun regels zijn geïnspireerd op openbare bronnen. Het is "
            "geen beleid dat deze gemeenten hebben vastgesteld."
        ),
    },
    "en": {
        "start_intro": (
            "This tool helps a municipality choose how it works with residents, entrepreneurs and organisations on "
            "a project. Sometimes good information is enough. Sometimes residents share in the decision. And "
            "sometimes the initiative comes from society and the municipality joins in: that is called government "
            "participation. No form is always the best. The tool helps you find the form that fits, per project."
        ),
        "start_for_whom_header": "Who is this tool for?",
        "start_for_civil_servants": (
            "**Civil servants preparing a project.** You answer questions about the project. You get an advice "
            "with the reasons, the role of the municipality, fitting working methods and what participants may "
            "expect."
        ),
        "start_for_working_groups": (
            "**Mixed working groups**, for example council members, residents and civil servants together. "
            "Everyone first answers the questions alone. Then you see where your views differ. Those differences "
            "are exactly what is worth discussing."
        ),
        "start_for_councils": (
            "**Municipal councils and networks of municipalities.** You put the rules of municipalities side by "
            "side. What would another municipality advise for the same project, and how do the rules differ?"
        ),
        "start_blocks_header": "Five building blocks: the municipality as network partner",
        "start_blocks_intro": (
            "The tool builds on five building blocks. They describe how a municipality works well with society, "
            "as one of the partners in a network."
        ),
        "start_block_1_title": "Work with what is there",
        "start_block_1_text": (
            "First look at what residents, associations and entrepreneurs already do. Join in with that, instead "
            "of starting something new yourself."
        ),
        "start_block_2_title": "It concerns everyone",
        "start_block_2_text": (
            "Working together is about all residents, also the people you do not hear by themselves. So look for "
            "new partners too, not only the familiar faces."
        ),
        "start_block_3_title": "Demand no certainty up front",
        "start_block_3_text": (
            "You do not need to know everything in advance. Don't know an answer? Choose 'don't know'. The tool "
            "shows what that means for the advice."
        ),
        "start_block_4_title": "The municipality is a learning organisation",
        "start_block_4_text": (
            "Afterwards, look at what went well and what did not. Write those lessons down, so the knowledge stays "
            "when colleagues leave."
        ),
        "start_block_5_title": "Building community is part of everyone's job",
        "start_block_5_text": (
            "Working with society is not only the task of one department or one adviser. Every member of the "
            "municipal staff helps."
        ),
        "start_steps_header": "How to use the tool",
        "start_step_1": "Choose the rules of your municipality on the left. You can also choose the language.",
        "start_step_2": (
            "Go to **Advice** and answer the questions about your project. Don't know something? Choose "
            "'don't know'."
        ),
        "start_step_3": (
            "Read the advice: the form that fits best and why, the role of the municipality, fitting working "
            "methods and what participants may expect."
        ),
        "start_step_4": (
            "Want to know more? **The ladder** shows every form and working method. **Rules** shows how the rules "
            "of a municipality weigh."
        ),
        "start_links_header": "Go to the pages",
        "start_link_advies": "Advice: answer questions about your project",
        "start_link_ladder": "The ladder: every form of cooperation and working method",
        "start_link_regels": "Rules: how the rules of a municipality weigh",
        "start_link_werkgroep": "Working group: assess a project together, each on their own first",
        "start_link_register": "Register: saved advice, what was chosen and how it went",
        "start_link_vergelijken": "Compare: the rules of two to five municipalities side by side",
        "start_link_portfolio": "Portfolio: score many projects at once",
        "start_link_plan": "Plan and report: from an advice to a participation plan, and later the report",
        "start_link_netwerk": "Network: an initiative finds the right civil servant, also from another municipality",
        "start_begin": "Start with an advice",
        "start_begin_help": "Answer the questions about your project. You see at once which form of cooperation fits, and why. Don't know something? Then choose 'don't know'.",
        "start_illustration_note": (
            "The municipalities in this tool are examples. Their rules are inspired by public sources. They are not "
            "policy these municipalities have adopted."
        ),
    },
}

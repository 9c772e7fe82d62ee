"""UI texts of the regels page: the chosen rule set as people read it, a checker and a template."""

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "regels_intro": (
            "Hier leest u de regels waarmee de ladder advies geeft: de vragen, de punten per antwoord en de kaders. "
            "U kunt ook een eigen regelbestand controleren of een sjabloon downloaden."
        ),
        "regels_tab_about": "Over deze regels",
        "regels_tab_questions": "Vragen",
        "regels_tab_weights": "Punten",
        "regels_tab_kaders": "Kaders",
        "regels_tab_contacts": "Contact en beleid",
        "regels_tab_check": "Regels controleren",
        "regels_tab_template": "Sjabloon",
        "regels_col_part": "Onderdeel",
        "regels_col_value": "Waarde",
        "regels_name": "Naam",
        "regels_version": "Versie",
        "regels_date": "Datum",
        "regels_status": "Status",
        "regels_status_concept": "concept",
        "regels_status_in_gebruik": "in gebruik",
        "regels_status_vastgesteld": "vastgesteld",
        "regels_status_illustratie": "illustratie",
        "regels_illustration": "Illustratie",
        "regels_yes": "ja",
        "regels_no": "nee",
        "regels_illustration_note": "Dit is een illustratie, geen vastgesteld beleid.",
        "regels_hash": "Kenmerk",
        "regels_hash_header": "Kenmerk van deze regels",
        "regels_hash_explain": (
            "Het kenmerk is een vingerafdruk van de inhoud van de regels. Dezelfde regels geven altijd hetzelfde "
            "kenmerk. Met hetzelfde kenmerk en dezelfde antwoorden krijgt u altijd hetzelfde advies. Zo kunt u later "
            "nagaan op welke regels een advies rust. Het kenmerk staat ook bij elk advies. Commentaar en opmaak in "
            "het bestand tellen niet mee; elke andere wijziging geeft een ander kenmerk."
        ),
        "regels_lineage_header": "Waarop deze regels voortbouwen",
        "regels_lineage_explain": (
            "De regels zijn opgebouwd uit deze bestanden, de basis eerst. Elk volgend bestand past het vorige aan. "
            "De sha256-code verandert bij elke wijziging van het bestand, ook in commentaar."
        ),
        "regels_col_file": "Bestand",
        "regels_col_sha": "sha256 (kort)",
        "regels_extends": "Bouwt voort op",
        "regels_sources": "Bronnen",
        "regels_questions_intro": (
            "Dit zijn de vragen over een project, in de volgorde waarin ze gesteld worden. Bij elke vraag kan ook "
            "'weet ik niet' gekozen worden. Klik op een vraag om de uitleg en de antwoorden te lezen."
        ),
        "regels_multiple": "Bij deze vraag mag u meer dan één antwoord kiezen.",
        "regels_col_answer": "Antwoord",
        "regels_col_help": "Uitleg",
        "regels_disabled_traits": "Deze vragen uit de regels waarop deze gemeente voortbouwt, worden hier niet gesteld: {traits}.",
        "regels_weights_intro": (
            "Elk antwoord geeft punten aan de treden, van -5 tot 5. Een plus duwt het advies naar die trede, een "
            "min duwt het ervan weg. De trede met de meeste punten wordt het advies, binnen de kaders. Een antwoord "
            "dat niet in de lijst staat, geeft geen punten."
        ),
        "regels_weights_chart_title": "Punten per antwoord en trede",
        "regels_weights_chart_alt": (
            "Heatmap met een rij per antwoord en een kolom per trede. In elk vak staat het aantal punten, van -5 tot 5. "
            "Blauw is een plus, rood is een min. Dezelfde getallen staan in de tabel onder de grafiek."
        ),
        "regels_points": "Punten",
        "regels_weights_table": "De punten als tabel, met bij elk antwoord waarom het zo weegt.",
        "regels_col_answer_of": "Vraag: antwoord",
        "regels_col_why": "Waarom",
        "regels_goal_not_weighed": (
            "De vraag '{question}' geeft geen punten: het antwoord wijst de doelroute aan, een tweede advies naast "
            "dit advies."
        ),
        "regels_kaders_intro": (
            "Kaders zijn harde grenzen. Als de voorwaarde geldt, bepaalt een kader welke treden mogelijk zijn, of "
            "geeft het een waarschuwing. Gaan een minimum en een maximum tegen elkaar in, dan wint het maximum."
        ),
        "regels_no_kaders": "Deze regels hebben geen kaders.",
        "regels_kaders_max": "Hoogstens: een maximum",
        "regels_kaders_min": "Minstens: een minimum",
        "regels_kaders_exclude": "Niet mogelijk: uitgesloten treden",
        "regels_kaders_warning": "Waarschuwingen",
        "regels_kader_in_phases": "{when}, in de fase {phases}",
        "regels_kader_max": "Als {when}, dan hoogstens {rung}: {reason}",
        "regels_kader_min": "Als {when}, dan minstens {rung}: {reason}",
        "regels_kader_exclude": "Als {when}, dan niet {rungs}: {reason}",
        "regels_kader_warning": "Als {when}, dan een waarschuwing: {reason}",
        "regels_cond_is": "{trait} is {answers}",
        "regels_cond_is_not": "{trait} is niet {answers}",
        "regels_cond_and": " en ",
        "regels_cond_or": " of ",
        "regels_cond_nor": " en niet ",
        "regels_cond_not": "niet ({condition})",
        "regels_contacts_header": "Contactpersonen",
        "regels_no_contacts": "Deze regels noemen geen contactpersonen.",
        "regels_contact_how": "Bereikbaar via",
        "regels_contact_when": "Wanneer",
        "regels_escalation_header": "Wanneer naar de wethouder",
        "regels_no_escalation": "Deze regels zeggen niet wanneer u naar de wethouder gaat.",
        "regels_policy_header": "Beleidsstukken",
        "regels_no_policy": "Deze regels noemen geen beleidsstukken.",
        "regels_check_intro": (
            "Controleer een regelbestand voordat u het gebruikt. Plak de tekst hieronder of kies een bestand "
            "(.yaml of .yml, hoogstens 1 MB). De controle is dezelfde als die van de ladder zelf. Er wordt niets "
            "opgeslagen."
        ),
        "regels_check_paste": "Plak hier de tekst van een regelbestand (YAML)",
        "regels_check_placeholder": "Bijvoorbeeld:\nextends: base\nname:\n  nl: \"Mijn gemeente\"\nversion: \"0.1.0\"",
        "regels_check_paste_hint": "Klik buiten het vak of druk op Ctrl+Enter om te controleren.",
        "regels_check_upload": "Of kies een bestand",
        "regels_check_upload_hint": "Klik op Upload om een bestand te kiezen, of sleep het bestand naar het vak.",
        "regels_check_pasted_file": "geplakte-tekst.yaml",
        "regels_check_result_pasted": "Uitkomst voor de geplakte tekst",
        "regels_check_result_file": "Uitkomst voor het bestand {name}",
        "regels_check_ok": "In orde: deze regels kunnen worden gebruikt.",
        "regels_check_failed_one": "Niet in orde: er is 1 probleem gevonden.",
        "regels_check_failed_many": (
            "Niet in orde: er zijn {count} problemen gevonden. Los ze op van boven naar beneden: soms verdwijnt dan "
            "een volgend probleem, of komt er een nieuw in beeld."
        ),
        "regels_col_line": "Regel",
        "regels_col_place": "Plek",
        "regels_col_problem": "Wat er mis is",
        "regels_check_as_text": "De problemen als tekst, om te kopiëren",
        "regels_count_rungs": "Treden",
        "regels_count_traits": "Vragen",
        "regels_count_kaders": "Kaders",
        "regels_count_werkvormen": "Werkvormen",
        "regels_template_intro": (
            "Wil uw gemeente eigen regels? Begin met dit sjabloon. Het bouwt voort op de basisregels en legt in "
            "het commentaar (de regels met #) uit wat u kunt invullen. Sla het op als "
            "municipalities/naam_van_uw_gemeente.yaml, vul het in en controleer het op het tabblad 'Regels "
            "controleren'. De uitleg van alle onderdelen staat in docs/rule-format.md."
        ),
        "regels_template_download": "Sjabloon downloaden",
        "regels_template_show": "Het sjabloon bekijken",
    },
    "en": {
        "regels_intro": (
            "Here you read the rules the ladder advises with: the questions, the points per answer and the frames "
            "(kaders). You can also check a rule file of your own or download a template."
        ),
        "regels_tab_about": "About these rules",
        "regels_tab_questions": "Questions",
        "regels_tab_weights": "Points",
        "regels_tab_kaders": "Frames",
        "regels_tab_contacts": "Contacts and policy",
        "regels_tab_check": "Check rules",
        "regels_tab_template": "Template",
        "regels_col_part": "Part",
        "regels_col_value": "Value",
        "regels_name": "Name",
        "regels_version": "Version",
        "regels_date": "Date",
        "regels_status": "Status",
        "regels_status_concept": "draft",
        "regels_status_in_gebruik": "in use",
        "regels_status_vastgesteld": "adopted",
        "regels_status_illustratie": "illustration",
        "regels_illustration": "Illustration",
        "regels_yes": "yes",
        "regels_no": "no",
        "regels_illustration_note": "This is an illustration, not adopted policy.",
        "regels_hash": "Fingerprint",
        "regels_hash_header": "Fingerprint of these rules",
        "regels_hash_explain": (
            "The fingerprint (content hash) identifies the content of the rules. The same rules always give the "
            "same fingerprint. With the same fingerprint and the same answers you always get the same advice, so you "
            "can later check which rules an advice rests on. Every advice shows it. Comments and layout in the file "
            "do not count; any other change gives another fingerprint."
        ),
        "regels_lineage_header": "What these rules build on",
        "regels_lineage_explain": (
            "The rules are built from these files, the base first. Each next file changes the one before. The "
            "sha256 code changes with every change to the file, comments included."
        ),
        "regels_col_file": "File",
        "regels_col_sha": "sha256 (short)",
        "regels_extends": "Builds on",
        "regels_sources": "Sources",
        "regels_questions_intro": (
            "These are the questions about a project, in the order they are asked. Every question also offers "
            "'don't know'. Click a question to read its explanation and answers."
        ),
        "regels_multiple": "More than one answer may be chosen for this question.",
        "regels_col_answer": "Answer",
        "regels_col_help": "Explanation",
        "regels_disabled_traits": "These questions of the rules this municipality builds on are not asked here: {traits}.",
        "regels_weights_intro": (
            "Every answer gives points to the rungs, from -5 to 5. A plus pushes the advice toward that rung, a minus "
            "pushes it away. The rung with the most points becomes the advice, within the frames. An answer that "
            "is not listed gives no points."
        ),
        "regels_weights_chart_title": "Points per answer and rung",
        "regels_weights_chart_alt": (
            "Heatmap with a row per answer and a column per rung. Each cell holds the points, from -5 to 5. Blue is a "
            "plus, red is a minus. The same numbers are in the table below the chart."
        ),
        "regels_points": "Points",
        "regels_weights_table": "The points as a table, with why each answer weighs so.",
        "regels_col_answer_of": "Question: answer",
        "regels_col_why": "Why",
        "regels_goal_not_weighed": (
            "The question '{question}' gives no points: its answer points to the goal route, a second advice next "
            "to this one."
        ),
        "regels_kaders_intro": (
            "Frames (kaders) are hard limits. When the condition holds, a frame decides which rungs are possible, "
            "or gives a warning. When a minimum and a maximum clash, the maximum wins."
        ),
        "regels_no_kaders": "These rules have no frames.",
        "regels_kaders_max": "At most: a maximum",
        "regels_kaders_min": "At least: a minimum",
        "regels_kaders_exclude": "Not possible: excluded rungs",
        "regels_kaders_warning": "Warnings",
        "regels_kader_in_phases": "{when}, in the phase {phases}",
        "regels_kader_max": "If {when}, then at most {rung}: {reason}",
        "regels_kader_min": "If {when}, then at least {rung}: {reason}",
        "regels_kader_exclude": "If {when}, then not {rungs}: {reason}",
        "regels_kader_warning": "If {when}, then a warning: {reason}",
        "regels_cond_is": "{trait} is {answers}",
        "regels_cond_is_not": "{trait} is not {answers}",
        "regels_cond_and": " and ",
        "regels_cond_or": " or ",
        "regels_cond_nor": " and not ",
        "regels_cond_not": "not ({condition})",
        "regels_contacts_header": "Contacts",
        "regels_no_contacts": "These rules name no contacts.",
        "regels_contact_how": "How to reach",
        "regels_contact_when": "When",
        "regels_escalation_header": "When to go to the alderman",
        "regels_no_escalation": "These rules do not say when to go to the alderman.",
        "regels_policy_header": "Policy documents",
        "regels_no_policy": "These rules name no policy documents.",
        "regels_check_intro": (
            "Check a rule file before you use it. Paste its text below or choose a file (.yaml or .yml, at most "
            "1 MB). The check is the same as the ladder's own. Nothing is stored."
        ),
        "regels_check_paste": "Paste the text of a rule file (YAML) here",
        "regels_check_placeholder": "For example:\nextends: base\nname:\n  nl: \"Mijn gemeente\"\nversion: \"0.1.0\"",
        "regels_check_paste_hint": "Click outside the box or press Ctrl+Enter to check.",
        "regels_check_upload": "Or choose a file",
        "regels_check_upload_hint": "Click Upload to choose a file, or drag the file onto the box.",
        "regels_check_pasted_file": "pasted-text.yaml",
        "regels_check_result_pasted": "Result for the pasted text",
        "regels_check_result_file": "Result for the file {name}",
        "regels_check_ok": "OK: these rules can be used.",
        "regels_check_failed_one": "Not OK: 1 problem was found.",
        "regels_check_failed_many": (
            "Not OK: {count} problems were found. Solve them from top to bottom: sometimes a next problem then "
            "disappears, or a new one comes into view."
        ),
        "regels_col_line": "Line",
        "regels_col_place": "Place",
        "regels_col_problem": "What is wrong",
        "regels_check_as_text": "The problems as text, to copy",
        "regels_count_rungs": "Rungs",
        "regels_count_traits": "Questions",
        "regels_count_kaders": "Frames",
        "regels_count_werkvormen": "Working methods",
        "regels_template_intro": (
            "Does your municipality want rules of its own? Start with this template. It builds on the base rules "
            "and explains in its comments (the lines with #, in Dutch) what to fill in. Save it as "
            "municipalities/name_of_your_municipality.yaml, fill it in and check it on the 'Check rules' tab. "
            "Every part is explained in docs/rule-format.md."
        ),
        "regels_template_download": "Download the template",
        "regels_template_show": "View the template",
    },
}

"""UI texts of the Portfolio page: many projects at once, scored under several frameworks and compared."""

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "pf_intro": (
            "Scoor veel projecten tegelijk, onder de regels van één of meer gemeenten. U ziet welke vorm elke gemeente "
            "adviseert, hoe vaak de regels hetzelfde adviseren en bij welke projecten ze het meest verschillen."
        ),
        "pf_file_title": "1. Uw projecten",
        "pf_source": "Welk bestand?",
        "pf_source_upload": "Mijn eigen bestand",
        "pf_source_example": "Het voorbeeld (240 projecten)",
        "pf_upload": "Bestand met projecten (CSV of Excel)",
        "pf_upload_help": "Eén regel per project, één kolom per vraag. Gebruik het sjabloon hieronder.",
        "pf_upload_limit": "Een bestand mag tot {limit} MB groot zijn, met hoogstens {rows} projecten en {columns} kolommen. Voor grote bestanden is CSV veel sneller dan Excel.",
        "pf_kept_file": "In gebruik: {name} ({size} kB). Kies een ander bestand om het te vervangen.",
        "pf_template_download": "Sjabloon downloaden (CSV)",
        "pf_example_download": "Voorbeeld downloaden (CSV)",
        "pf_columns_title": "Welke kolommen en antwoorden?",
        "pf_columns_intro": (
            "De eerste regel bevat de kolomnamen. De kolom 'project' is de naam van het project. Elke andere kolom is "
            "een vraag. Een lege cel, 'onbekend' of 'weet ik niet' betekent: onbekend. Hoofdletters en spaties voor en na "
            "tellen niet. CSV mag puntkomma's of komma's gebruiken en moet UTF-8 zijn."
        ),
        "pf_col_column": "Kolom",
        "pf_col_question": "Vraag",
        "pf_col_values": "Toegestane antwoorden",
        "pf_several": "meer antwoorden met +, zoals agenda+voorbereiding",
        "pf_rules_title": "2. Welke regels?",
        "pf_frameworks": "Regels van gemeenten (1 tot 5)",
        "pf_frameworks_help": "Elk project krijgt een advies onder de regels van elke gekozen gemeente.",
        "pf_choose_one": "Kies minstens één gemeente.",
        "pf_no_file": "Kies een bestand, of kies het voorbeeld.",
        "pf_progress_read": "Bestand lezen ...",
        "pf_progress_check": "Regels controleren ... {percent}%",
        "pf_progress_score": "Scoren met de regels van {name} ... {percent}%",
        "pf_cannot_use": "Dit bestand kan niet worden gebruikt.",
        "pf_results_title": "3. Uitkomsten",
        "pf_metric_scored": "Gescoorde projecten",
        "pf_metric_skipped": "Overgeslagen regels",
        "pf_metric_frameworks": "Gekozen regels",
        "pf_notices_title": "Meldingen over het bestand",
        "pf_bad_rows_title": "Overgeslagen regels",
        "pf_bad_rows_intro": (
            "Deze regels passen niet bij de gekozen regels en zijn niet gescoord. Het regelnummer is het nummer in uw "
            "spreadsheet (de kopregel is regel 1). Verbeter ze en upload het bestand opnieuw."
        ),
        "pf_no_bad_rows": "Alle regels zijn gescoord.",
        "pf_rows_capped": "Hier staan de eerste {shown} van {total}. De download bevat ze allemaal.",
        "pf_nothing_scored": "Geen enkele regel kon worden gescoord. Bekijk de redenen hierboven.",
        "pf_tab_distribution": "Verdeling",
        "pf_tab_agreement": "Overeenkomst",
        "pf_tab_disagreements": "Grootste verschillen",
        "pf_tab_all": "Alle projecten",
        "pf_tab_download": "Downloaden",
        "pf_distribution_title": "Geadviseerde vormen per gemeente",
        "pf_distribution_caption": (
            "Elke balk is één gemeente. De stukken zijn de vormen van de ladder, van laag (links) naar hoog (rechts), "
            "met het aantal projecten erin. Is over een project te weinig bekend voor een advies? Dan staat het helemaal "
            "links, bij 'Te weinig bekend'. De tabel eronder geeft alle aantallen."
        ),
        "pf_axis_projects": "Aantal projecten",
        "pf_col_rules": "Regels",
        "pf_col_total": "Totaal",
        "pf_col_form": "Vorm",
        "pf_agreement_title": "Hoe vaak adviseren twee gemeenten hetzelfde?",
        "pf_agreement_caption": (
            "Elk vak is het deel van de projecten waarop de gemeente van de rij en de gemeente van de kolom hetzelfde "
            "adviseren. 100% betekent: altijd hetzelfde advies."
        ),
        "pf_agreement_scale": "Zelfde advies",
        "pf_agreement_single": "Kies minstens twee gemeenten om ze te vergelijken.",
        "pf_disagreements_intro": (
            "De projecten waarop de gemeenten het minst eens zijn: eerst het aantal verschillende adviezen, dan hoeveel "
            "treden het laagste en het hoogste advies uit elkaar liggen. Hoogstens {top} projecten."
        ),
        "pf_no_disagreements": "De gekozen regels geven bij elk project hetzelfde advies.",
        "pf_all_intro": "Per project het advies onder de regels van elke gekozen gemeente.",
        "pf_download_intro": (
            "CSV: de uitkomsten per project, met puntkomma's, zodat Excel het bestand goed opent. Excel: ook de "
            "verdeling, de overeenkomst, de overgeslagen regels en de meldingen."
        ),
        "pf_download_csv": "Uitkomsten downloaden (CSV)",
        "pf_download_xlsx": "Alles downloaden (Excel)",
        "pf_download_bad": "Overgeslagen regels downloaden (CSV)",
        "pf_file_results": "portfolio-uitkomsten",
        "pf_file_bad_rows": "portfolio-overgeslagen-regels",
    },
    "en": {
        "pf_intro": (
            "Score many projects at once, under the rules of one or more municipalities. You see which form each "
            "municipality advises, how often the rules advise the same, and on which projects they differ most."
        ),
        "pf_file_title": "1. Your projects",
        "pf_source": "Which file?",
        "pf_source_upload": "My own file",
        "pf_source_example": "The example (240 projects)",
        "pf_upload": "File with projects (CSV or Excel)",
        "pf_upload_help": "One row per project, one column per question. Use the template below.",
        "pf_upload_limit": "A file may be up to {limit} MB, with at most {rows} projects and {columns} columns. For large files CSV is much faster than Excel.",
        "pf_kept_file": "In use: {name} ({size} kB). Choose another file to replace it.",
        "pf_template_download": "Download the template (CSV)",
        "pf_example_download": "Download the example (CSV)",
        "pf_columns_title": "Which columns and answers?",
        "pf_columns_intro": (
            "The first row holds the column names. The 'project' column is the project's name. Every other column is "
            "a question. An empty cell, 'onbekend' or 'weet ik niet' means: unknown. Capitals and spaces around a value "
            "do not matter. A CSV may use semicolons or commas and must be UTF-8."
        ),
        "pf_col_column": "Column",
        "pf_col_question": "Question",
        "pf_col_values": "Allowed answers",
        "pf_several": "several answers with +, like agenda+voorbereiding",
        "pf_rules_title": "2. Which rules?",
        "pf_frameworks": "Rules of municipalities (1 to 5)",
        "pf_frameworks_help": "Every project gets an advice under the rules of each chosen municipality.",
        "pf_choose_one": "Choose at least one municipality.",
        "pf_no_file": "Choose a file, or choose the example.",
        "pf_progress_read": "Reading the file ...",
        "pf_progress_check": "Checking the rows ... {percent}%",
        "pf_progress_score": "Scoring with the rules of {name} ... {percent}%",
        "pf_cannot_use": "This file cannot be used.",
        "pf_results_title": "3. Results",
        "pf_metric_scored": "Projects scored",
        "pf_metric_skipped": "Rows skipped",
        "pf_metric_frameworks": "Rules chosen",
        "pf_notices_title": "Notices about the file",
        "pf_bad_rows_title": "Skipped rows",
        "pf_bad_rows_intro": (
            "These rows do not fit the chosen rules and were not scored. The row number is the number in your "
            "spreadsheet (the header is row 1). Correct them and upload the file again."
        ),
        "pf_no_bad_rows": "Every row was scored.",
        "pf_rows_capped": "Shown here: the first {shown} of {total}. The download has them all.",
        "pf_nothing_scored": "Not a single row could be scored. See the reasons above.",
        "pf_tab_distribution": "Distribution",
        "pf_tab_agreement": "Agreement",
        "pf_tab_disagreements": "Largest differences",
        "pf_tab_all": "All projects",
        "pf_tab_download": "Download",
        "pf_distribution_title": "Advised forms per municipality",
        "pf_distribution_caption": (
            "Each bar is one municipality. The pieces are the forms of the ladder, from low (left) to high (right), "
            "with the number of projects in them. Is too little known about a project for an advice? Then it is on the "
            "far left, under 'Too little known'. The table below gives every number."
        ),
        "pf_axis_projects": "Number of projects",
        "pf_col_rules": "Rules",
        "pf_col_total": "Total",
        "pf_col_form": "Form",
        "pf_agreement_title": "How often do two municipalities advise the same?",
        "pf_agreement_caption": (
            "Each cell is the share of projects on which the municipality of the row and the municipality of the "
            "column give the same advice. 100% means: always the same advice."
        ),
        "pf_agreement_scale": "Same advice",
        "pf_agreement_single": "Choose at least two municipalities to compare them.",
        "pf_disagreements_intro": (
            "The projects the municipalities agree on least: first the number of different advices, then how many "
            "rungs lie between the lowest and the highest advice. At most {top} projects."
        ),
        "pf_no_disagreements": "The chosen rules give the same advice on every project.",
        "pf_all_intro": "Per project the advice under the rules of each chosen municipality.",
        "pf_download_intro": (
            "CSV: the results per project, with semicolons, so Excel opens the file well. Excel: also the "
            "distribution, the agreement, the skipped rows and the notices."
        ),
        "pf_download_csv": "Download the results (CSV)",
        "pf_download_xlsx": "Download everything (Excel)",
        "pf_download_bad": "Download the skipped rows (CSV)",
        "pf_file_results": "portfolio-results",
        "pf_file_bad_rows": "portfolio-skipped-rows",
    },
}

"""UI texts of the ladder page (De ladder): the rungs, the roles and the working methods of a rule set."""

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "ladder_intro": (
            "Hier ziet u alle vormen van samenwerking in de regels van {name}. Elke vorm is een trede van de "
            "ladder. Daarna volgen de rollen van de gemeente en de werkvormen."
        ),
        "ladder_rungs_header": "De treden van de ladder",
        "ladder_rungs_intro": (
            "Elke trede is een vorm van samenwerking. Hoe hoger de trede, hoe meer invloed en eigenaarschap de "
            "samenleving heeft. Eigenaarschap betekent: het plan of het werk is (ook) van de samenleving. "
            "Klik op een trede om alles te lezen."
        ),
        "ladder_rung_label": "Trede {number}: {name}",
        "ladder_description": "Wat het is",
        "ladder_rung_values": "Democratische waarden (0 = weinig, 4 = veel)",
        "ladder_crosswalk_header": "Vergelijking met andere ladders",
        "ladder_crosswalk_intro": (
            "Er zijn meer ladders voor participatie. Deze tabel laat zien op welke trede van andere ladders elke "
            "trede het meest lijkt. IAP2 is een internationaal schema. Arnstein schreef in 1969 de eerste "
            "participatieladder. De klassieke ladder komt uit het Nederlandse interactief beleid."
        ),
        "ladder_col_rung": "Trede",
        "ladder_col_iap2": "IAP2-spectrum",
        "ladder_col_arnstein": "Ladder van Arnstein",
        "ladder_col_klassiek": "Klassieke ladder",
        "ladder_values_header": "Democratische waarden per trede",
        "ladder_values_intro": (
            "Elke vorm van samenwerking levert iets op, maar heeft ook risico's. Dat ziet u aan vijf democratische "
            "waarden. Een 0 betekent: deze vorm doet weinig voor die waarde. Een 4 betekent: veel."
        ),
        "ladder_value_help_inclusie": "Inclusie: doen alle groepen mee, ook mensen die u niet vanzelf hoort?",
        "ladder_value_help_invloed": "Invloed: verandert de inbreng van inwoners de uitkomst?",
        "ladder_value_help_eigenaarschap": "Eigenaarschap: is het plan of het werk (ook) van de samenleving?",
        "ladder_value_help_deliberatie": "Deliberatie: praten mensen echt met elkaar en wegen zij argumenten?",
        "ladder_value_help_legitimiteit": "Legitimiteit: vinden mensen het besluit en de weg ernaartoe eerlijk?",
        "ladder_values_chart_title": "Democratische waarden per trede (0 tot 4)",
        "ladder_values_chart_alt": (
            "Heatmap met per trede een score van 0 tot 4 op vijf democratische waarden. "
            "Elk getal staat in het vak. Dezelfde getallen staan in de tabel bij de grafiek."
        ),
        "ladder_score_axis": "Score",
        "ladder_roles_intro": (
            "Bij overheidsparticipatie komt het initiatief uit de samenleving en doet de gemeente mee. Hoe zij "
            "meedoet, kan verschillen. De overheidsparticipatietrap noemt deze rollen, van weinig naar veel "
            "bemoeienis van de gemeente."
        ),
        "ladder_methods_header": "Werkvormen",
        "ladder_methods_intro": (
            "Een werkvorm is een manier om de samenwerking te organiseren, zoals een informatieavond of een "
            "burgerpanel. Kies hieronder wat u zoekt. Laat een keuze leeg om alles te zien."
        ),
        "ladder_filter_rungs": "Trede",
        "ladder_filter_schaal": "Schaal",
        "ladder_filter_groepsgrootte": "Groepsgrootte",
        "ladder_filter_kosten": "Kosten",
        "ladder_filter_duur": "Duur",
        "ladder_any_rungs": "Alle treden",
        "ladder_any_schaal": "Alle schalen",
        "ladder_any_groepsgrootte": "Alle groepen",
        "ladder_any_kosten": "Alle kosten",
        "ladder_any_duur": "Elke duur",
        "ladder_groepsgrootte_klein": "Klein",
        "ladder_groepsgrootte_middel": "Middel",
        "ladder_groepsgrootte_groot": "Groot",
        "ladder_kosten_laag": "Laag",
        "ladder_kosten_midden": "Midden",
        "ladder_kosten_hoog": "Hoog",
        "ladder_duur_kort": "Kort",
        "ladder_duur_middel": "Middellang",
        "ladder_duur_lang": "Lang",
        "ladder_methods_count": "{shown} van de {total} werkvormen passen bij uw keuze.",
        "ladder_methods_none": "Geen enkele werkvorm past bij deze keuze. Maak een keuze leeg om meer te zien.",
        "ladder_col_method": "Werkvorm",
        "ladder_col_description": "Beschrijving",
        "ladder_col_rungs": "Treden",
        "ladder_methods_values_header": "Democratische waarden van de werkvormen",
        "ladder_methods_chart_title": "Democratische waarden van de gekozen werkvormen (0 tot 4)",
        "ladder_methods_chart_alt": (
            "Heatmap met per gekozen werkvorm een score van 0 tot 4 op vijf democratische waarden. "
            "Elk getal staat in het vak. Dezelfde getallen staan in de tabel bij de grafiek."
        ),
    },
    "en": {
        "ladder_intro": (
            "Here you see every form of cooperation in the rules of {name}. Each form is a rung of the ladder. "
            "After them come the roles of the municipality and the working methods."
        ),
        "ladder_rungs_header": "The rungs of the ladder",
        "ladder_rungs_intro": (
            "Each rung is a form of cooperation. The higher the rung, the more influence and ownership society "
            "has. Ownership means: the plan or the work belongs (also) to society. Click a rung to read it all."
        ),
        "ladder_rung_label": "Rung {number}: {name}",
        "ladder_description": "What it is",
        "ladder_rung_values": "Democratic values (0 = little, 4 = much)",
        "ladder_crosswalk_header": "Comparison with other ladders",
        "ladder_crosswalk_intro": (
            "There are more ladders of participation. This table shows which rung of other ladders each rung is "
            "most like. IAP2 is an international spectrum. Arnstein wrote the first ladder of participation in "
            "1969. The classic ladder comes from Dutch interactive policy making."
        ),
        "ladder_col_rung": "Rung",
        "ladder_col_iap2": "IAP2 Spectrum",
        "ladder_col_arnstein": "Arnstein's ladder",
        "ladder_col_klassiek": "Classic Dutch ladder",
        "ladder_values_header": "Democratic values per rung",
        "ladder_values_intro": (
            "Every form of cooperation gains something, but also has risks. Five democratic values show this. "
            "A 0 means: this form does little for that value. A 4 means: much."
        ),
        "ladder_value_help_inclusie": "Inclusion: do all groups take part, also people you do not hear by themselves?",
        "ladder_value_help_invloed": "Influence: does what residents bring in change the outcome?",
        "ladder_value_help_eigenaarschap": "Ownership: does the plan or the work belong (also) to society?",
        "ladder_value_help_deliberatie": "Deliberation: do people really talk with each other and weigh arguments?",
        "ladder_value_help_legitimiteit": "Legitimacy: do people find the decision and the way to it fair?",
        "ladder_values_chart_title": "Democratic values per rung (0 to 4)",
        "ladder_values_chart_alt": (
            "Heatmap with, per rung, a score from 0 to 4 on five democratic values. "
            "Each number is printed in its cell. The same numbers are in the table next to the chart."
        ),
        "ladder_score_axis": "Score",
        "ladder_roles_intro": (
            "In government participation the initiative comes from society and the municipality joins in. How it "
            "joins in can differ. The government participation ladder names these roles, from little to much "
            "involvement of the municipality."
        ),
        "ladder_methods_header": "Working methods",
        "ladder_methods_intro": (
            "A working method is a way to organise the cooperation, such as an information evening or a citizens' "
            "panel. Choose below what you are looking for. Leave a choice empty to see everything."
        ),
        "ladder_filter_rungs": "Rung",
        "ladder_filter_schaal": "Scale",
        "ladder_filter_groepsgrootte": "Group size",
        "ladder_filter_kosten": "Cost",
        "ladder_filter_duur": "Duration",
        "ladder_any_rungs": "All rungs",
        "ladder_any_schaal": "All scales",
        "ladder_any_groepsgrootte": "All groups",
        "ladder_any_kosten": "Any cost",
        "ladder_any_duur": "Any duration",
        "ladder_groepsgrootte_klein": "Small",
        "ladder_groepsgrootte_middel": "Medium",
        "ladder_groepsgrootte_groot": "Large",
        "ladder_kosten_laag": "Low",
        "ladder_kosten_midden": "Medium",
        "ladder_kosten_hoog": "High",
        "ladder_duur_kort": "Short",
        "ladder_duur_middel": "Medium",
        "ladder_duur_lang": "Long",
        "ladder_methods_count": "{shown} of the {total} working methods fit your choice.",
        "ladder_methods_none": "No working method fits this choice. Empty a choice to see more.",
        "ladder_col_method": "Working method",
        "ladder_col_description": "Description",
        "ladder_col_rungs": "Rungs",
        "ladder_methods_values_header": "Democratic values of the working methods",
        "ladder_methods_chart_title": "Democratic values of the chosen working methods (0 to 4)",
        "ladder_methods_chart_alt": (
            "Heatmap with, per chosen working method, a score from 0 to 4 on five democratic values. "
            "Each number is printed in its cell. The same numbers are in the table next to the chart."
        ),
    },
}

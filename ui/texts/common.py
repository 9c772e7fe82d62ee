"""UI texts shared by every page: the frame, navigation and common words."""

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "app_title": "Participatieladder 3.0",
        "nav_start": "Start",
        "nav_advies": "Advies",
        "nav_ladder": "De ladder",
        "nav_regels": "Regels",
        "language": "Taal / Language",
        "municipality": "Regels van gemeente",
        "municipality_help": "Elke gemeente heeft eigen regels die voortbouwen op een gedeelde basis.",
        "illustration_note": "Let op: {disclaimer}",
        "rule_set_error": "De regels van {name} kunnen niet worden geladen. Wat er mis is:",
        "chart_text": "De grafiek in tekst",
    },
    "en": {
        "app_title": "Participatieladder 3.0",
        "nav_start": "Start",
        "nav_advies": "Advice",
        "nav_ladder": "The ladder",
        "nav_regels": "Rules",
        "language": "Taal / Language",
        "municipality": "Rules of municipality",
        "municipality_help": "Each municipality has its own rules that build on a shared base.",
        "illustration_note": "Note: {disclaimer}",
        "rule_set_error": "The rules of {name} cannot be loaded. What is wrong:",
        "chart_text": "The chart as text",
    },
}

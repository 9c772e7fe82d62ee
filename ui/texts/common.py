"""UI texts shared by every page: the frame, navigation and common words."""

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "app_title": "Participatieladder 3.0",
        "nav_start": "Start",
        "nav_advies": "Advies",
        "nav_ladder": "De ladder",
        "nav_regels": "Regels",
        "nav_werkgroep": "Werkgroep",
        "nav_register": "Register",
        "nav_vergelijken": "Vergelijken",
        "nav_portfolio": "Portfolio",
        "language": "Taal / Language",
        "municipality": "Regels van gemeente",
        "municipality_help": "Elke gemeente heeft eigen regels die voortbouwen op een gedeelde basis.",
        "illustration_note": "Let op: {disclaimer}",
        "rule_set_error": "De regels van {name} kunnen niet worden geladen. Wat er mis is:",
        "unknown_municipality": "De link noemt de gemeente '{wanted}'. Die staat niet in dit hulpmiddel. U ziet nu de regels van {shown}. Kies links een andere gemeente als u dat wilt.",
        "chart_text": "De grafiek in tekst",
        "nav_login": "Inloggen",
        "nav_account": "Uw account",
        "login_title": "Inloggen",
        "login_intro": "Werkt u bij de gemeente? Log dan in met uw account van de gemeente. Daarna ziet u de"
                       " adviezen, het register en de andere pagina's die bij uw rol horen.",
        "login_button": "Inloggen",
        "login_group_title": "Doet u mee in een werkgroep?",
        "login_group_intro": "Dan hebt u geen account nodig. Ga naar de pagina Werkgroep en vul de code in die u"
                             " van de begeleider hebt gekregen.",
        "login_group_link": "Naar de werkgroep",
        "login_no_role_title": "Uw account heeft nog geen rol",
        "login_no_role": "U bent ingelogd, maar uw account heeft nog geen rol in de Participatieladder. Vraag de"
                         " beheerder van uw gemeente om u een rol te geven: medewerker, begeleider of beheerder."
                         " Meedoen in een werkgroep kan wel, met een code.",
        "login_as": "Ingelogd als {name}. Rol: {roles}.",
        "login_no_name": "(geen naam)",
        "login_role_medewerker": "medewerker",
        "login_role_begeleider": "begeleider",
        "login_role_beheerder": "beheerder",
        "login_role_none": "geen",
        "logout_button": "Uitloggen",
        "login_config_error": "Het inloggen is niet goed ingesteld. De instelling {variable} is '{found}'. Verwacht:"
                              " {expected}. Vraag de beheerder dit te herstellen. Tot dan is de app dicht.",
        "login_no_provider": "Het inloggen staat aan (LADDER_AUTH=oidc), maar er is geen inlogdienst ingesteld: het"
                             " deel [auth] ontbreekt in secrets.toml. Vraag de beheerder dit te herstellen. Tot dan is"
                             " de app dicht.",
    },
    "en": {
        "app_title": "Participatieladder 3.0",
        "nav_start": "Start",
        "nav_advies": "Advice",
        "nav_ladder": "The ladder",
        "nav_regels": "Rules",
        "nav_werkgroep": "Working group",
        "nav_register": "Register",
        "nav_vergelijken": "Compare",
        "nav_portfolio": "Portfolio",
        "language": "Taal / Language",
        "municipality": "Rules of municipality",
        "municipality_help": "Each municipality has its own rules that build on a shared base.",
        "illustration_note": "Note: {disclaimer}",
        "rule_set_error": "The rules of {name} cannot be loaded. What is wrong:",
        "unknown_municipality": "The link names the municipality '{wanted}'. This tool does not have it. You now see the rules of {shown}. Choose another municipality on the left if you wish.",
        "chart_text": "The chart as text",
        "nav_login": "Log in",
        "nav_account": "Your account",
        "login_title": "Log in",
        "login_intro": "Do you work for the municipality? Then log in with your municipal account. You will then"
                       " see the advice, the register and the other pages that go with your role.",
        "login_button": "Log in",
        "login_group_title": "Are you taking part in a working group?",
        "login_group_intro": "Then you do not need an account. Go to the Working group page and enter the code you"
                             " got from the facilitator.",
        "login_group_link": "To the working group",
        "login_no_role_title": "Your account has no role yet",
        "login_no_role": "You are logged in, but your account has no role in the Participatieladder yet. Ask your"
                         " municipality's administrator to give you a role: medewerker (staff), begeleider"
                         " (facilitator) or beheerder (administrator). You can take part in a working group with a"
                         " code.",
        "login_as": "Logged in as {name}. Role: {roles}.",
        "login_no_name": "(no name)",
        "login_role_medewerker": "medewerker (staff)",
        "login_role_begeleider": "begeleider (facilitator)",
        "login_role_beheerder": "beheerder (administrator)",
        "login_role_none": "none",
        "logout_button": "Log out",
        "login_config_error": "Login is not set up correctly. The setting {variable} is '{found}'. Expected:"
                              " {expected}. Ask the administrator to fix this. Until then the app is closed.",
        "login_no_provider": "Login is switched on (LADDER_AUTH=oidc), but no login provider is set up: the [auth]"
                             " section is missing from secrets.toml. Ask the administrator to fix this. Until then"
                             " the app is closed.",
    },
}

"""UI texts of the regels page."""

TEXTS: dict[str, dict[str, str]] = {
    "nl": {},
    "en": {},
}

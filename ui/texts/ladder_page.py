"""UI texts of the ladder_page page."""

TEXTS: dict[str, dict[str, str]] = {
    "nl": {},
    "en": {},
}

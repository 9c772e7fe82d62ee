"""UI texts of the start page."""

TEXTS: dict[str, dict[str, str]] = {
    "nl": {},
    "en": {},
}

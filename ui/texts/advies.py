"""UI texts of the advies page."""

TEXTS: dict[str, dict[str, str]] = {
    "nl": {},
    "en": {},
}

"""What can go wrong when storing, as a kind the user can act on, with its message in Dutch and English.

A StorageError never carries the database driver's text: that may hold SQL parameters, and so personal data.
"""

from __future__ import annotations

from typing import Literal

Kind = Literal["unreachable", "failed", "not_found", "forbidden", "closed", "invalid"]

MESSAGES: dict[str, dict[str, str]] = {
    "unreachable": {
        "nl": "De database is niet bereikbaar. Er is niets opgeslagen. Probeer het over een paar minuten opnieuw,"
              " of vraag de beheerder om hulp.",
        "en": "The database cannot be reached. Nothing was saved. Try again in a few minutes, or ask the"
              " administrator for help.",
    },
    "failed": {
        "nl": "Opslaan is niet gelukt. Er is niets veranderd. Probeer het opnieuw.",
        "en": "Saving did not work. Nothing has changed. Please try again.",
    },
    "not_found": {
        "nl": "Dit is niet gevonden. Kijk of de code goed is overgenomen.",
        "en": "This was not found. Check that the code was copied correctly.",
    },
    "forbidden": {
        "nl": "Dit mag alleen met de juiste code. Er is niets veranderd.",
        "en": "This needs the right code. Nothing has changed.",
    },
    "closed": {
        "nl": "Deze sessie is gesloten. Antwoorden kunnen niet meer veranderen.",
        "en": "This session is closed. Answers can no longer change.",
    },
    "invalid": {
        "nl": "Deze invoer kan niet worden opgeslagen: {detail}",
        "en": "This input cannot be saved: {detail}",
    },
}


class StorageError(Exception):
    """A storage problem a user can understand; `detail` only for 'invalid' (our own words, never user data)."""

    def __init__(self, kind: Kind, detail: str = "") -> None:
        super().__init__(kind if not detail else f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail

    def message(self, lang: str) -> str:
        return MESSAGES[self.kind]["en" if lang == "en" else "nl"].format(detail=self.detail)

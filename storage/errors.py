"""What can go wrong when storing, as a kind the user can act on, with its message in Dutch and English.

A StorageError never carries the database driver's text: that may hold SQL parameters, and so personal data.
"""

from __future__ import annotations

from typing import Literal

from ladder.text import Catalogue

Kind = Literal["unreachable", "busy", "disk_full", "read_only", "failed", "not_found", "forbidden", "closed", "expired",
               "full", "flooded", "invalid", "other_organisation"]

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "unreachable": "De database is niet bereikbaar. Er is niets opgeslagen. Probeer het over een paar minuten"
                       " opnieuw, of vraag de beheerder om hulp.",
        "busy": "De database is bezet en antwoordde niet op tijd. Er is niets veranderd. Probeer het over een"
                " ogenblik opnieuw.",
        "disk_full": "De schijf van de database is vol. Er is niets opgeslagen. Vraag de beheerder om ruimte te"
                     " maken en probeer het daarna opnieuw.",
        "read_only": "De database kan nu alleen gelezen worden, niet beschreven. Er is niets opgeslagen. Vraag de"
                     " beheerder om hulp en probeer het daarna opnieuw.",
        "failed": "Opslaan is niet gelukt. Er is niets veranderd. Probeer het opnieuw.",
        "not_found": "Dit is niet gevonden. Kijk of de code goed is overgenomen.",
        "forbidden": "Dit mag alleen met de juiste code. Er is niets veranderd.",
        "closed": "Deze sessie is gesloten. Antwoorden kunnen niet meer veranderen.",
        "expired": "Deze code is verlopen. Vraag de begeleider om een nieuwe code.",
        "full": "Deze sessie is vol. Er kunnen geen deelnemers meer bij. Vraag de begeleider om hulp.",
        "flooded": "Er zijn net heel veel onjuiste codes ingevuld. Daarom werkt nu even geen enkele code. Probeer het"
                   " over twee minuten opnieuw.",
        "invalid": "Deze invoer kan niet worden opgeslagen: {detail}",
        "other_organisation": "Dit advies gebruikt de regels van een andere gemeente dan die van uw account. In het"
                              " register bewaart u alleen adviezen met de regels van uw eigen gemeente. Kies links"
                              " de regels van uw gemeente. Er is niets opgeslagen.",
    },
    "en": {
        "unreachable": "The database cannot be reached. Nothing was saved. Try again in a few minutes, or ask the"
                       " administrator for help.",
        "busy": "The database is busy and did not answer in time. Nothing has changed. Try again in a moment.",
        "disk_full": "The database's disk is full. Nothing was saved. Ask the administrator to make room, then try"
                     " again.",
        "read_only": "The database can only be read now, not written. Nothing was saved. Ask the administrator for"
                     " help, then try again.",
        "failed": "Saving did not work. Nothing has changed. Please try again.",
        "not_found": "This was not found. Check that the code was copied correctly.",
        "forbidden": "This needs the right code. Nothing has changed.",
        "closed": "This session is closed. Answers can no longer change.",
        "expired": "This code has expired. Ask the facilitator for a new code.",
        "full": "This session is full. No more members can join. Ask the facilitator for help.",
        "flooded": "Very many wrong codes were entered just now. That is why no code works for a short while. Try"
                   " again in two minutes.",
        "invalid": "This input cannot be saved: {detail}",
        "other_organisation": "This advice uses the rules of another municipality than your account's. The register"
                              " keeps only advice under your own municipality's rules. Choose your municipality's"
                              " rules on the left. Nothing was saved.",
    },
}

STORAGE = Catalogue(("storage", TEXTS))


class StorageError(Exception):
    """A storage problem a user can understand; `detail` only for 'invalid' (our own words, never user data)."""

    def __init__(self, kind: Kind, detail: str = "") -> None:
        super().__init__(kind if not detail else f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail

    def message(self, lang: str) -> str:
        return STORAGE.t(lang, self.kind, detail=self.detail)

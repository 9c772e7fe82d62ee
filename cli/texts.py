"""What the command line says around the reports, Dutch first; the report texts it prints come from ladder.reports.texts."""

from __future__ import annotations

from ladder.reports.texts import REPORT
from ladder.text import Catalogue

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "file_to_terminal": "Een {name} kan niet in de terminal worden getoond. Geef een bestand op met -o BESTAND, of stuur de uitvoer door: > advies.{format}",
        "report_written": "Geschreven: {path}",
        "cannot_read": "{path}: kan dit bestand niet lezen ({reason})",
        "cannot_write": "{path}: kan dit bestand niet schrijven ({reason})",
        "bad_extension": "{path}: kies een bestandsnaam die eindigt op .csv of .xlsx",
        "batch_checking": "rijen controleren",
        "batch_scoring": "scoren: {name}",
        "batch_progress": "voortgang: {percent}% ({step})",
        "batch_notice": "let op: {message}",
        "batch_skipped": "regel {row}{project}: {reason}",
        "batch_nothing_scored": "Geen enkele regel kon worden gescoord.",
        "batch_summary": "{scored} projecten gescoord onder {frameworks}; {skipped} regels overgeslagen.",
        "batch_written": "Uitkomsten geschreven naar {path}",
        "register_empty": "Het register is leeg, of niets past bij deze keuzes.",
        "register_written": "{count} regels geschreven naar {path}",
        "document_extension": "{path}: kies een bestandsnaam die eindigt op {extensions}",
        "no_entry": "Nummer {number} staat niet in het register.",
        "no_plan": "Voor nummer {number} is nog geen participatieplan bewaard. Maak het in de app, op de pagina Plan en verslag.",
        "no_verslag": "Voor nummer {number} is nog geen verslag bewaard. Maak het in de app, op de pagina Plan en verslag.",
        "no_snapshot": "De regels van nummer {number} zijn niet meer bewaard; het document kan niet worden gemaakt.",
    },
    "en": {
        "file_to_terminal": "A {name} cannot be shown in the terminal. Name a file with -o FILE, or redirect the output: > advice.{format}",
        "report_written": "Written: {path}",
        "cannot_read": "{path}: cannot read this file ({reason})",
        "cannot_write": "{path}: cannot write this file ({reason})",
        "bad_extension": "{path}: choose a file name ending in .csv or .xlsx",
        "batch_checking": "checking rows",
        "batch_scoring": "scoring: {name}",
        "batch_progress": "progress: {percent}% ({step})",
        "batch_notice": "note: {message}",
        "batch_skipped": "row {row}{project}: {reason}",
        "batch_nothing_scored": "Not a single row could be scored.",
        "batch_summary": "{scored} projects scored under {frameworks}; {skipped} rows skipped.",
        "batch_written": "Results written to {path}",
        "register_empty": "The register is empty, or nothing matches these choices.",
        "register_written": "{count} rows written to {path}",
        "document_extension": "{path}: choose a file name ending in {extensions}",
        "no_entry": "Number {number} is not in the register.",
        "no_plan": "No participation plan has been saved for number {number} yet. Make it in the app, on the page Plan and report.",
        "no_verslag": "No report has been saved for number {number} yet. Make it in the app, on the page Plan and report.",
        "no_snapshot": "The rules of number {number} are no longer stored; the document cannot be made.",
    },
}

CLI: Catalogue = REPORT.extended(("cli", TEXTS))

t = CLI.t

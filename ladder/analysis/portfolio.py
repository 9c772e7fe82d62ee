"""Portfolios: many projects in one spreadsheet, scored under several frameworks at once and compared.

Pure (no Streamlit, no printing): the page and `python -m ladder batch` both use it.

1. `read_table` reads a CSV (`,` `;` or tab, UTF-8 with or without BOM) or an Excel file (the first sheet).
2. `check` validates every row against every chosen rule set. A row that does not fit one of them is
   listed with its reasons and skipped, so all frameworks score the same projects and can be compared.
3. `score` hands the good rows to the batch engine (ladder.engine.batch) under each rule set.
4. `results_frame`, `distribution`, `agreement`, `disagreements` compare the frameworks; ladder.reports.spreadsheet
   writes them as CSV or Excel.

Row numbers are those a spreadsheet shows: the header is row 1, the first project row 2. Messages a user
sees come in Dutch and English (`Message`), like everything else the tool says.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ladder.engine.batch import MULTI_SEPARATOR, BatchResult, advise_many_each
from ladder.reports.spreadsheet import column_letter, to_csv, to_xlsx
from ladder.rules.model import UNKNOWN, RuleSet, Trait
from ladder.text import Catalogue, Message, count_text

PROJECT_COLUMN = "project"
SEPARATORS = (";", ",", "\t")  # Dutch Excel writes `;`; the first line decides
# Cells that mean "don't know", after trimming and lower-casing; an empty cell means the same
UNKNOWN_WORDS = frozenset({"", UNKNOWN, "weet ik niet", "unknown", "don't know", "dont know"})
# Several answers to a multiple-answer question: `agenda+voorbereiding`; a comma is read the same way
MULTI_SPLIT = re.compile(r"\s*[+,]\s*")
TOP_DISAGREEMENTS = 20
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
_BOM = b"\xef\xbb\xbf"
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_SHOWN_MAX = 40  # a cell quoted in a message is cut here
# Bounds on what one upload may make the server read (issue 14: a visitor must not exhaust it). A row is
# about 1.8 KB in memory once read, so the row limit keeps one portfolio under a few hundred MB.
MAX_ROWS = 100_000  # projects, below the header row
MAX_COLUMNS = 100  # the bundled frameworks ask fewer than 40 questions
MAX_UNPACKED_MB = 200  # an .xlsx is a zip: the sum of its members' sizes once unpacked
MAX_PACK_RATIO = 200  # a member that unpacks to more than this many times its packed size is a zip bomb
_RATIO_FREE_BYTES = 1 << 20  # small members may pack tightly (an empty sheet's XML does)
_ROWS_LISTED = 10

# (fraction done from 0 to 1, what is being done: "check", or the id of the rule set being scored)
Progress = Callable[[float, str], None]
CHECK_STAGE = "check"
_CHECK_SHARE = 0.1  # of the progress bar; scoring takes the rest, shared equally by the rule sets

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "and": "en",
        "or": "of",
        "more": "en nog {count}",
        "not_utf8": "Het bestand is geen UTF-8-tekst (regel {line} bevat een teken dat UTF-8 niet kent). Sla het in "
                    "Excel op als 'CSV UTF-8 (door lijstscheidingsteken gescheiden)', of lever het .xlsx-bestand aan.",
        "not_text": "Het bestand is geen tekstbestand (CSV). Lever een .csv- of .xlsx-bestand aan.",
        "csv_broken": "Het CSV-bestand kan niet gelezen worden ({error}). Controleer de aanhalingstekens.",
        "not_excel": "Het Excel-bestand kan niet gelezen worden. Sla het opnieuw op als Excel-werkmap (.xlsx).",
        "file_kind": "Alleen .csv- en .xlsx-bestanden worden gelezen, dit is '{suffix}'. Sla het op als .xlsx of als "
                     "CSV UTF-8.",
        "empty": "Het bestand is leeg.",
        "no_rows": "Het bestand heeft een kopregel, maar geen projecten.",
        "duplicate_column": "De kolom '{column}' staat meer dan één keer in de kopregel. Houd er één over.",
        "no_known_columns": "Geen enkele kolom is een vraag van de gekozen regels. Gevonden kolommen: {found}. De "
                            "eerste regel moet de kolomnamen bevatten, zoals in het sjabloon.",
        "too_many_fields": "Deze regel heeft {count} velden, de kopregel {width}. Staat er een scheidingsteken ({sep}) "
                           "in een projectnaam? Zet die naam dan tussen dubbele aanhalingstekens.",
        "too_few_fields": "Deze regel heeft {count} velden, de kopregel {width}. Mist er een scheidingsteken ({sep})?",
        "beyond_header": "Deze regel heeft een waarde in kolom {column}, voorbij de laatste kolom met een naam.",
        "wrong_type": "Kolom '{column}': {kind} ({value}) waar een antwoord verwacht wordt. Kies uit: {expected}.",
        "kind_number": "een getal",
        "kind_date": "een datum",
        "kind_boolean": "WAAR of ONWAAR",
        "invalid": "Kolom '{column}': '{value}' is geen antwoord op deze vraag. Kies uit: {expected}.",
        "one_answer": "Kolom '{column}' krijgt één antwoord, maar hier staan er {count}: '{value}'.",
        "unknown_mixed": "Kolom '{column}': 'onbekend' kan niet samen met een ander antwoord ('{value}').",
        "several": "meer antwoorden met +, zoals {example}",
        "only_in": "{message} (in de regels van {frameworks})",
        "missing_columns": "Deze vragen hebben geen kolom en tellen voor elk project als onbekend: {columns}.",
        "unused_columns": "Deze kolommen horen niet bij de gekozen regels en zijn niet gebruikt: {columns}.",
        "partial_column": "De regels van {frameworks} stellen de vraag '{column}' niet; daar telt die kolom niet mee.",
        "unnamed_column": "Kolom {column} heeft geen naam in de kopregel en is niet gebruikt.",
        "blank_rows": "{count} lege regel(s) overgeslagen: {rows}.",
        "no_project_column": "Er is geen kolom 'project'. De projecten heten in de uitkomsten naar hun regelnummer.",
        "first_sheet": "Alleen het eerste werkblad ('{sheet}') is gelezen; het bestand heeft er {count}.",
        "too_many_rows": "Het bestand heeft meer dan {limit} regels onder de kopregel. Er mogen hoogstens {limit} "
                         "projecten in één bestand. Verdeel de projecten over meer bestanden, of haal lege regels "
                         "onder het laatste project weg.",
        "too_many_columns": "Het bestand heeft meer dan {limit} kolommen. Er mogen hoogstens {limit} kolommen in: een "
                            "kolom voor de projectnaam en een kolom per vraag.",
        "too_big_unpacked": "Het Excel-bestand is uitgepakt groter dan {limit} MB. Dat is te groot om te lezen. Sla "
                            "alleen het werkblad met de projecten op, of lever een CSV-bestand aan.",
        "col_row": "Regel",
        "col_project": "Project",
        "col_reason": "Reden",
        "col_advice": "Advies {framework}",
        "col_distinct": "Aantal verschillende adviezen",
        "col_spread": "Verschil in treden",
        "too_little": "Te weinig bekend",
        "col_rules": "Regels",
        "col_notice": "Melding",
        "sheet_results": "Resultaten",
        "sheet_distribution": "Verdeling",
        "sheet_agreement": "Overeenkomst",
        "sheet_bad_rows": "Overgeslagen regels",
        "sheet_notices": "Meldingen",
        "doc_head": "| kolom | vraag | toegestane waarden |",
        "doc_project": "De naam van het project. | Vrije tekst; mag leeg of weggelaten",
        "doc_several": "meer antwoorden met `+`, zoals `{example}`",
    },
    "en": {
        "and": "and",
        "or": "or",
        "more": "and {count} more",
        "not_utf8": "The file is not UTF-8 text (line {line} has a character UTF-8 does not know). In Excel, save it "
                    "as 'CSV UTF-8 (Comma delimited)', or provide the .xlsx file.",
        "not_text": "The file is not a text file (CSV). Provide a .csv or .xlsx file.",
        "csv_broken": "The CSV file cannot be read ({error}). Check the quotation marks.",
        "not_excel": "The Excel file cannot be read. Save it again as an Excel workbook (.xlsx).",
        "file_kind": "Only .csv and .xlsx files are read, this is '{suffix}'. Save it as .xlsx or as CSV UTF-8.",
        "empty": "The file is empty.",
        "no_rows": "The file has a header row, but no projects.",
        "duplicate_column": "The column '{column}' appears more than once in the header row. Keep one.",
        "no_known_columns": "None of the columns is a question of the chosen rules. Columns found: {found}. The first "
                            "row must hold the column names, as in the template.",
        "too_many_fields": "This row has {count} fields, the header row {width}. Is there a separator ({sep}) in a "
                           "project name? Then put that name between double quotes.",
        "too_few_fields": "This row has {count} fields, the header row {width}. Is a separator ({sep}) missing?",
        "beyond_header": "This row has a value in column {column}, beyond the last column with a name.",
        "wrong_type": "Column '{column}': {kind} ({value}) where an answer is expected. Choose from: {expected}.",
        "kind_number": "a number",
        "kind_date": "a date",
        "kind_boolean": "TRUE or FALSE",
        "invalid": "Column '{column}': '{value}' is not an answer to this question. Choose from: {expected}.",
        "one_answer": "Column '{column}' takes one answer, but this row has {count}: '{value}'.",
        "unknown_mixed": "Column '{column}': 'onbekend' cannot go together with another answer ('{value}').",
        "several": "several answers with +, like {example}",
        "only_in": "{message} (in the rules of {frameworks})",
        "missing_columns": "These questions have no column and count as unknown for every project: {columns}.",
        "unused_columns": "These columns do not belong to the chosen rules and were not used: {columns}.",
        "partial_column": "The rules of {frameworks} do not ask '{column}'; there that column does not count.",
        "unnamed_column": "Column {column} has no name in the header row and was not used.",
        "blank_rows": "{count} empty row(s) skipped: {rows}.",
        "no_project_column": "There is no 'project' column. In the results, projects are named by their row number.",
        "first_sheet": "Only the first sheet ('{sheet}') was read; the file has {count}.",
        "too_many_rows": "The file has more than {limit} rows below the header row. One file may hold at most {limit} "
                         "projects. Spread the projects over more files, or remove empty rows below the last project.",
        "too_many_columns": "The file has more than {limit} columns. It may have at most {limit}: one for the "
                            "project name and one per question.",
        "too_big_unpacked": "Unpacked, the Excel file is larger than {limit} MB. That is too large to read. Save only "
                            "the sheet with the projects, or provide a CSV file.",
        "col_row": "Row",
        "col_project": "Project",
        "col_reason": "Reason",
        "col_advice": "Advice {framework}",
        "col_distinct": "Number of different advices",
        "col_spread": "Difference in rungs",
        "too_little": "Too little known",
        "col_rules": "Rules",
        "col_notice": "Notice",
        "sheet_results": "Results",
        "sheet_distribution": "Distribution",
        "sheet_agreement": "Agreement",
        "sheet_bad_rows": "Skipped rows",
        "sheet_notices": "Notices",
        "doc_head": "| column | question | allowed values |",
        "doc_project": "The project's name. | Free text; may be empty or left out",
        "doc_several": "several answers with `+`, like `{example}`",
    },
}


PORTFOLIO = Catalogue(("portfolio", TEXTS))
text = PORTFOLIO.t
_message = PORTFOLIO.message


class PortfolioError(Exception):
    """The file cannot be used at all (not UTF-8, not a spreadsheet, no known columns, no rows)."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(message.get("en"))


@dataclass(frozen=True)
class BadRow:
    row: int  # as the spreadsheet shows it: the header is row 1
    project: str
    reasons: tuple[Message, ...]

    def reason(self, lang: str) -> str:
        return " ".join(r.get(lang) for r in self.reasons)


# --- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """A spreadsheet as read, before any checking."""

    header: tuple[str, ...]
    frame: pd.DataFrame  # the rows with as many fields as the header; columns 0..n-1, index: row number
    ragged: tuple[tuple[int, tuple[Any, ...], Message], ...]  # (row, its cells, why it does not fit)
    blank_rows: tuple[int, ...]  # empty rows between projects
    notices: tuple[Message, ...] = ()


def read_table(data: bytes, filename: str) -> Table:
    """A CSV or Excel file as a table; raises PortfolioError when it cannot be read at all."""
    suffix = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix in EXCEL_SUFFIXES:
        return _read_excel(data)
    if suffix in (".csv", ".txt", ""):
        return _read_csv(data)
    raise PortfolioError(_message("file_kind", suffix=suffix))


def _read_csv(data: bytes) -> Table:
    data = data.removeprefix(_BOM)
    try:
        content = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PortfolioError(_message("not_utf8", line=data[: error.start].count(b"\n") + 1)) from None
    if "\x00" in content:
        raise PortfolioError(_message("not_text"))
    first = next((line for line in content.splitlines() if line.strip()), None)
    if first is None:
        raise PortfolioError(_message("empty"))
    separator = max(SEPARATORS, key=first.count) if any(s in first for s in SEPARATORS) else ","
    columns = _read_csv_columns(data, content, separator)
    if columns is not None:
        return columns
    try:
        records = _bounded(csv.reader(io.StringIO(content, newline=""), delimiter=separator))
    except csv.Error as error:
        raise PortfolioError(_message("csv_broken", error=str(error))) from None
    shown = {"\t": "tab"}.get(separator, separator)

    def misfit(cells: list[str], width: int) -> tuple[list[str] | None, Message | None]:
        if len(cells) > width and not "".join(cells[width:]).strip():
            return cells[:width], None  # trailing separators, as Excel writes for formatted empty columns
        key = "too_many_fields" if len(cells) > width else "too_few_fields"
        return None, _message(key, count=len(cells), width=width, sep=shown)

    return _table(records, lambda cells: not "".join(cells).strip(), misfit)


def _read_csv_columns(data: bytes, content: str, separator: str) -> Table | None:
    """The Table the csv module reads (_read_csv), parsed by pyarrow's C++ reader: ten times as fast for a large file.

    Only for a file in the usual shape: every row as wide as the first, which is the header, with a name in its
    last cell. Any other file gives None and is read by the csv module, which reports its odd rows and bounds:
    rows of another width, a header below blank rows, too many rows or columns, a field past the csv module's
    size limit. pyarrow splits fields as the csv module does (quotes, doubled quotes, a line end inside quotes,
    \r as a line end; tests compare the two), and pads an empty line to the width, which is blank either way.
    Each column comes back as codes into its distinct values, so checking reads each distinct value once.
    """
    import pyarrow as pa  # only portfolio files need it
    import pyarrow.csv as pa_csv

    # A record ends at a line end: this bounds the rows before any is read, for the limit checked below.
    if max(content.count("\n"), content.count("\r")) > MAX_ROWS + 1:
        return None
    try:
        width = len(next(csv.reader(io.StringIO(content, newline=""), delimiter=separator), []))
    except csv.Error:
        return None
    if not 0 < width <= MAX_COLUMNS:
        return None
    names = [str(i) for i in range(width)]
    try:
        table = pa_csv.read_csv(
            io.BytesIO(data), read_options=pa_csv.ReadOptions(column_names=names),
            parse_options=pa_csv.ParseOptions(delimiter=separator, newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(column_types=dict.fromkeys(names, pa.string())))
    except pa.ArrowInvalid:  # a row of another width, or a quote left open
        return None
    if table.num_rows > MAX_ROWS + 1:
        return None
    encoded = [column.combine_chunks().dictionary_encode() for column in table.columns]
    codes = [column.indices.to_numpy() for column in encoded]
    uniques = [column.dictionary.to_pylist() for column in encoded]
    if any(len(value) > csv.field_size_limit() for values in uniques for value in values):
        return None
    blank = np.ones(table.num_rows, dtype=bool)
    for column_codes, values in zip(codes, uniques, strict=True):
        blank &= np.array([not value.strip() for value in values], dtype=bool)[column_codes]
    header = [values[column_codes[0]] for column_codes, values in zip(codes, uniques, strict=True)]
    if blank[0] or not header[-1].strip():
        return None
    end = int(np.flatnonzero(~blank)[-1]) + 1  # empty rows after the last project are not data
    kept = np.flatnonzero(~blank[1:end]) + 1  # positions in the file's records; the header is record 0
    if not len(kept):
        return None
    frame = pd.DataFrame({i: pd.Categorical.from_codes(column_codes[kept], values)
                          for i, (column_codes, values) in enumerate(zip(codes, uniques, strict=True))},
                         index=pd.Index(kept + 1, dtype=np.int64))
    blank_rows = tuple(int(i) + 1 for i in np.flatnonzero(blank[1:end]) + 1)
    return Table(tuple(name.strip() for name in header), frame, (), blank_rows)


def _read_excel(data: bytes) -> Table:
    from openpyxl import load_workbook  # only Excel files need it
    from openpyxl.utils.exceptions import InvalidFileException

    _check_unpacked_size(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, TypeError):
        raise PortfolioError(_message("not_excel")) from None
    try:
        sheet = book.worksheets[0]
        # The sheet's declared size is whatever the file says (A1:XFD1048576 costs gigabytes when believed):
        # read the cells that are there, never more than one column past the limit.
        sheet.reset_dimensions()
        # min_row=1: rows keep the numbers Excel shows, also when the sheet starts lower down
        records = _bounded([None if _empty(c) else c for c in row]
                           for row in sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS + 1, values_only=True))
        sheets = len(book.worksheets)
        title = sheet.title
    finally:
        book.close()

    def misfit(cells: list[Any], width: int) -> tuple[list[Any] | None, Message | None]:
        beyond = next((i for i in range(width, len(cells)) if cells[i] is not None), None)
        if beyond is None:
            return (cells + [None] * (width - len(cells)))[:width], None  # a spreadsheet has no field count
        return None, _message("beyond_header", column=column_letter(beyond))

    table = _table(records, lambda cells: all(c is None for c in cells), misfit)
    if sheets > 1:
        return Table(table.header, table.frame, table.ragged, table.blank_rows,
                     (*table.notices, _message("first_sheet", sheet=title, count=sheets)))
    return table


def _bounded(rows: Iterable[list[Any]]) -> list[list[Any]]:
    """The rows as records, refused as soon as they pass MAX_ROWS below a header or MAX_COLUMNS in width.

    Counted while reading, so a file that is too large is never read whole; blank rows count too, since the
    reader has to walk them (Excel's 'formatted but empty' rows included).
    """
    records: list[list[Any]] = []
    for cells in rows:
        if len(cells) > MAX_COLUMNS and any(not _empty(c) for c in cells[MAX_COLUMNS:]):
            raise PortfolioError(_message("too_many_columns", limit=lambda lang: count_text(MAX_COLUMNS, lang)))
        if len(records) > MAX_ROWS:  # the header row and MAX_ROWS projects are already in
            raise PortfolioError(_message("too_many_rows", limit=lambda lang: count_text(MAX_ROWS, lang)))
        # a blank row is kept as [] (both readers see it as blank): a sheet padded with blank rows stays small
        records.append(cells[:MAX_COLUMNS] if any(not _empty(c) for c in cells) else [])
    return records


def _check_unpacked_size(data: bytes) -> None:
    """Refuses a zip whose members unpack to more than MAX_UNPACKED_MB, or pack suspiciously tightly (a zip bomb).

    The declared sizes are trusted here because Python's zipfile never unpacks a member past its declared size.
    """
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise PortfolioError(_message("not_excel")) from None
    limit = MAX_UNPACKED_MB << 20
    total = sum(m.file_size for m in members)
    bomb = any(m.file_size > _RATIO_FREE_BYTES and m.file_size > MAX_PACK_RATIO * max(m.compress_size, 1)
               for m in members)
    if total > limit or bomb:
        raise PortfolioError(_message("too_big_unpacked", limit=lambda lang: count_text(MAX_UNPACKED_MB, lang)))


def _empty(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _table(records: list[list[Any]], is_blank: Callable[[list[Any]], bool],
           misfit: Callable[[list[Any], int], tuple[list[Any] | None, Message | None]]) -> Table:
    """Split records (row n is records[n - 1]) into the header, rows that fit it, rows that do not, and blanks."""
    start = next((i for i, cells in enumerate(records) if not is_blank(cells)), None)
    if start is None:
        raise PortfolioError(_message("empty"))
    header = list(records[start])
    while header and _empty(header[-1]):
        header.pop()
    width = len(header)
    end = len(records)
    while end > start + 1 and is_blank(records[end - 1]):
        end -= 1  # empty rows after the last project are not data
    fitting, numbers, ragged, blank = [], [], [], []
    for i in range(start + 1, end):
        cells, row = records[i], i + 1
        if is_blank(cells):
            blank.append(row)
            continue
        if len(cells) != width:
            fixed, why = misfit(cells, width)
            if fixed is None:
                assert why is not None  # misfit says why whenever it cannot fit the row
                ragged.append((row, tuple(cells), why))
                continue
            cells = fixed
        fitting.append(cells)
        numbers.append(row)
    if not fitting and not ragged:
        raise PortfolioError(_message("no_rows"))
    frame = pd.DataFrame(fitting, index=pd.Index(numbers, dtype=np.int64), columns=range(width), dtype=object)
    names = tuple("" if c is None else str(c).strip() for c in header)
    return Table(names, frame, tuple(ragged), tuple(blank))


# --- checking -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Portfolio:
    """The rows that can be scored, in batch form, and everything that was set aside, with the reasons."""

    rows: np.ndarray  # spreadsheet row numbers of the good rows
    projects: np.ndarray  # their project names ('' when the file has none)
    answers: pd.DataFrame  # the good rows: a column per trait of the chosen rule sets (see ladder.engine.batch)
    bad_rows: tuple[BadRow, ...]
    notices: tuple[Message, ...]


@dataclass(frozen=True)
class _Cell:
    """One distinct cell value, read with the tolerance the template documents."""

    shown: str  # as the user wrote it, for messages
    kind: str  # text, number, date, boolean
    parts: tuple[str, ...]  # option ids, lower case; (onbekend,) for don't know

    @property
    def value(self) -> str:
        return MULTI_SEPARATOR.join(self.parts)


def _read_cell(value: Any) -> _Cell:
    """Trimmed and lower-cased; 'weet ik niet' and friends are onbekend; a space may stand for _; + or , join answers."""
    if isinstance(value, bool):
        return _Cell(str(value), "boolean", ())
    if isinstance(value, (int, float)):
        shown = f"{value:g}" if isinstance(value, float) else str(value)
        return _Cell(shown, "number", ())
    if hasattr(value, "isoformat"):  # date, datetime or time from Excel
        return _Cell(value.isoformat(), "date", ())
    shown = str(value).strip()
    if _NUMBER.match(shown):
        return _Cell(shown, "number", ())
    if _DATE.match(shown):
        return _Cell(shown, "date", ())
    lowered = " ".join(shown.lower().split())
    if lowered in UNKNOWN_WORDS:
        return _Cell(shown, "text", (UNKNOWN,))
    parts = [p.replace(" ", "_") for p in MULTI_SPLIT.split(lowered) if p]
    parts = [UNKNOWN if p.replace("_", " ") in UNKNOWN_WORDS else p for p in parts]
    return _Cell(shown, "text", tuple(dict.fromkeys(parts)) or (UNKNOWN,))


def _expected(trait: Trait) -> Callable[[str], str]:
    """'laag, midden, hoog or onbekend', with how to give several answers where that is allowed."""
    def expected(lang: str) -> str:
        listed = f"{', '.join(trait.option_ids())} {text(lang, 'or')} {UNKNOWN}"
        if trait.multiple:
            example = MULTI_SEPARATOR.join(trait.option_ids()[:2])
            listed += f" ({text(lang, 'several', example=example)})"
        return listed

    return expected


def _cell_problem(cell: _Cell, trait: Trait, column: str) -> Message | None:
    expected = _expected(trait)
    shown = cell.shown if len(cell.shown) <= _SHOWN_MAX else cell.shown[: _SHOWN_MAX - 1] + "…"
    if cell.kind != "text":
        return _message("wrong_type", column=column, kind=lambda lang: text(lang, f"kind_{cell.kind}"), value=shown,
                        expected=expected)
    if cell.parts == (UNKNOWN,):
        return None
    if UNKNOWN in cell.parts:
        return _message("unknown_mixed", column=column, value=shown)
    if len(cell.parts) > 1 and not trait.multiple:
        return _message("one_answer", column=column, count=len(cell.parts), value=shown)
    if any(p not in trait.option_ids() for p in cell.parts):
        return _message("invalid", column=column, value=shown, expected=expected)
    return None


def framework_label(rule_set: RuleSet, lang: str) -> str:
    """A short name for tables and charts: the rule set's name up to a colon ('Leusden (illustratie)')."""
    return rule_set.name.get(lang).split(":", 1)[0].strip() or rule_set.id


def framework_labels(rule_sets: Sequence[RuleSet], lang: str) -> list[str]:
    labels = [framework_label(rs, lang) for rs in rule_sets]
    return [f"{label} [{rs.id}]" if labels.count(label) > 1 else label for label, rs in zip(labels, rule_sets, strict=True)]


def _listing(items: Sequence[object], lang: str) -> str:
    shown = [str(i) for i in items[:_ROWS_LISTED]]
    rest = len(items) - len(shown)
    return ", ".join(shown) + (f" {text(lang, 'more', count=rest)}" if rest > 0 else "")


def _frameworks(rule_sets: Sequence[RuleSet]) -> Callable[[str], str]:
    """'A, B en C' in the language asked for."""
    def listed(lang: str) -> str:
        labels = framework_labels(rule_sets, lang)
        return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} {text(lang, 'and')} {labels[-1]}"

    return listed


def check(table: Table, rule_sets: Sequence[RuleSet], progress: Progress | None = None) -> Portfolio:
    """Every row against every rule set. Raises PortfolioError when no column is a question of the rules."""
    keys = [name.lower() for name in table.header]
    for key in keys:
        if key and keys.count(key) > 1:
            raise PortfolioError(_message("duplicate_column", column=key))
    traits: dict[str, list[tuple[RuleSet, Trait]]] = {}  # trait id -> the rule sets that ask it
    for rule_set in rule_sets:
        for trait in rule_set.traits:
            traits.setdefault(trait.id, []).append((rule_set, trait))
    columns = {key: position for position, key in enumerate(keys) if key in traits}
    if not columns:
        raise PortfolioError(_message("no_known_columns", found=", ".join(n for n in table.header if n) or "-"))
    notices = list(_column_notices(table, keys, traits, columns, rule_sets))
    frame = table.frame
    project_at = keys.index(PROJECT_COLUMN) if PROJECT_COLUMN in keys else None
    projects = (_project_names(frame[project_at]) if project_at is not None
                else np.array([""] * len(frame), dtype=object))
    reasons: dict[int, list[Message]] = {}  # position in frame -> why that row is skipped
    answers: dict[str, pd.Categorical] = {}
    for done, (trait_id, position) in enumerate(columns.items(), start=1):
        answers[trait_id] = _check_column(frame[position], table.header[position], traits[trait_id], len(rule_sets),
                                          reasons)
        if progress is not None:
            progress(_CHECK_SHARE * done / len(columns), CHECK_STAGE)
    good = np.ones(len(frame), dtype=bool)
    good[list(reasons)] = False
    row_numbers = frame.index.to_numpy()
    bad = [BadRow(int(row_numbers[i]), str(projects[i]), tuple(why)) for i, why in reasons.items()]
    for row, cells, why in table.ragged:
        name = cells[project_at] if project_at is not None and project_at < len(cells) else None
        bad.append(BadRow(row, "" if _empty(name) else str(name).strip(), (why,)))
    # A question without a column: onbekend for every project. Categorical columns, as the batch engine reads
    # each column's distinct values: it finds them in the codes without comparing 100,000 texts again.
    unknown = pd.Categorical.from_codes(np.zeros(int(good.sum()), dtype=np.int8), [UNKNOWN])
    batch = pd.DataFrame({t: answers[t][good] if t in answers else unknown for t in traits})
    return Portfolio(rows=row_numbers[good], projects=projects[good], answers=batch,
                     bad_rows=tuple(sorted(bad, key=lambda b: b.row)), notices=tuple(notices))


def _project_names(column: pd.Series) -> np.ndarray:
    def name(cell: Any) -> str:
        if _empty(cell) or (isinstance(cell, float) and np.isnan(cell)):
            return ""
        return f"{cell:g}" if isinstance(cell, float) else str(cell).strip()

    if isinstance(column.dtype, pd.CategoricalDtype):  # as the CSV reader gives it: each distinct name once
        return np.array([name(c) for c in column.cat.categories], dtype=object)[column.cat.codes.to_numpy()]
    return np.array([name(c) for c in column], dtype=object)


def _check_column(column: pd.Series, name: str, askers: list[tuple[RuleSet, Trait]], chosen: int,
                  reasons: dict[int, list[Message]]) -> pd.Categorical:
    """The column's answers in batch form, as codes into the distinct answers; rows with a value that does not fit
    get a reason.

    Each distinct value is read and checked once, so a column of 100,000 rows costs a handful of checks.
    """
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    cells = [_read_cell(u) for u in uniques]
    # code -1 (an empty cell) picks the last entry: onbekend
    values = np.array([c.value if c.kind == "text" else "" for c in cells] + [UNKNOWN], dtype=object)
    # one category per answer: two spellings of one answer ("Hoog", "hoog ") are one answer
    answers, answer_codes = np.unique(values, return_inverse=True)
    wrong: dict[int, Message] = {}
    for code, cell in enumerate(cells):
        problems = [(rs, p) for rs, trait in askers if (p := _cell_problem(cell, trait, name)) is not None]
        if problems:
            first = problems[0][1]
            if len(problems) < chosen:  # not wrong under every chosen framework: say under which
                first = _message("only_in", message=first, frameworks=_frameworks([rs for rs, _ in problems]))
            wrong[code] = first
    if wrong:
        for i in np.flatnonzero(np.isin(codes, list(wrong))):
            reasons.setdefault(int(i), []).append(wrong[int(codes[i])])
    return pd.Categorical.from_codes(answer_codes[codes], answers)


def _column_notices(table: Table, keys: list[str], traits: Mapping[str, list[tuple[RuleSet, Trait]]],
                    columns: Mapping[str, int], rule_sets: Sequence[RuleSet]) -> Iterable[Message]:
    missing = [t for t in traits if t not in columns]
    if missing:
        yield _message("missing_columns", columns=", ".join(missing))
    unused = [name for name, key in zip(table.header, keys, strict=True)
              if key and key != PROJECT_COLUMN and key not in traits]
    if unused:
        yield _message("unused_columns", columns=", ".join(unused))
    for key in columns:
        users = {rs.id for rs, _ in traits[key]}
        others = [rs for rs in rule_sets if rs.id not in users]
        if others:
            yield _message("partial_column", column=key, frameworks=_frameworks(others))
    for position, key in enumerate(keys):
        if not key and any(not _empty(c) for c in pd.unique(table.frame[position])):  # each distinct value once
            yield _message("unnamed_column", column=column_letter(position))
    if PROJECT_COLUMN not in keys:
        yield _message("no_project_column")
    if table.blank_rows:
        rows = table.blank_rows
        yield _message("blank_rows", count=len(rows), rows=lambda lang: _listing(rows, lang))
    yield from table.notices


# --- scoring ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PortfolioResult:
    portfolio: Portfolio
    rule_sets: tuple[RuleSet, ...]
    batches: tuple[BatchResult, ...]  # per rule set, in the same order; row i is portfolio row i


def score(portfolio: Portfolio, rule_sets: Sequence[RuleSet], progress: Progress | None = None) -> PortfolioResult:
    # One advise_many_each reads each answer column once for all rule sets, where one advise_many per rule set
    # read it once each. It scores them all together, so each rule set's share of the bar is reported when
    # they are done, in their order, with the same stages and fractions as before.
    batches = advise_many_each(rule_sets, portfolio.answers)
    share = (1 - _CHECK_SHARE) / len(rule_sets)
    if progress is not None:
        for i, rule_set in enumerate(rule_sets, start=1):
            progress(_CHECK_SHARE + share * i, rule_set.id)
    return PortfolioResult(portfolio, tuple(rule_sets), batches)


def score_file(data: bytes, filename: str, rule_sets: Sequence[RuleSet], progress: Progress | None = None) -> PortfolioResult:
    """Read, check and score in one go: what the page and the CLI do with a file."""
    return score(check(read_table(data, filename), rule_sets, progress), rule_sets, progress)


# --- comparing ----------------------------------------------------------------------------------


def ladder_of(rule_sets: Sequence[RuleSet]) -> tuple[str, ...]:
    """Every rung of the chosen rule sets on one ladder: an added rung sits right above the one it follows."""
    order: list[str] = []
    for rule_set in rule_sets:
        previous: str | None = None
        for rung in rule_set.rung_ids():
            if rung not in order:
                order.insert(order.index(previous) + 1 if previous is not None else 0, rung)
            previous = rung
    return tuple(order)


def rung_names(rule_sets: Sequence[RuleSet], lang: str) -> dict[str, str]:
    """Per rung id its name, as the first chosen rule set that has it calls it."""
    names: dict[str, str] = {}
    for rule_set in rule_sets:
        for rung in rule_set.rungs:
            names.setdefault(rung.id, rung.name.get(lang))
    return names


TOO_LITTLE_STEP = -1  # below every rung: too little is known to name a form


def _steps(result: PortfolioResult) -> np.ndarray:
    """(projects x frameworks): the advised rung as a step on the common ladder, or TOO_LITTLE_STEP."""
    ladder = ladder_of(result.rule_sets)
    columns = [np.where(b.too_little, TOO_LITTLE_STEP,
                        np.array([ladder.index(r) for r in b.rung_ids], dtype=np.int64)[b.recommended])
               for b in result.batches]
    return np.column_stack(columns) if columns else np.zeros((0, 0), dtype=np.int64)


def results_frame(result: PortfolioResult, lang: str) -> pd.DataFrame:
    """One row per scored project: its row, name, the advice under each framework, and how far they differ."""
    portfolio = result.portfolio
    steps = _steps(result)
    ordered = np.sort(steps, axis=1)
    data: dict[str, Any] = {
        text(lang, "col_row"): portfolio.rows,
        text(lang, "col_project"): portfolio.projects,
    }
    for label, rule_set, batch in zip(framework_labels(result.rule_sets, lang), result.rule_sets, result.batches,
                                      strict=True):
        names = np.array([rule_set.rung(r).name.get(lang) for r in batch.rung_ids], dtype=object)
        data[text(lang, "col_advice", framework=label)] = np.where(batch.too_little, text(lang, "too_little"),
                                                                   names[batch.recommended])
    data[text(lang, "col_distinct")] = 1 + (np.diff(ordered, axis=1) != 0).sum(axis=1)
    # the rungs between the named forms only: "too little known" sits below every rung but is no rung
    high = ordered[:, -1]
    low = np.where(steps == TOO_LITTLE_STEP, high[:, None], steps).min(axis=1)
    data[text(lang, "col_spread")] = high - low
    return pd.DataFrame(data)


def disagreements(result: PortfolioResult, lang: str, top: int = TOP_DISAGREEMENTS) -> pd.DataFrame:
    """The projects the frameworks disagree on most: most different advices, then the widest spread in rungs.

    Projects on which all frameworks agree are left out; ties keep the file's order.
    """
    frame = results_frame(result, lang)
    distinct, spread = text(lang, "col_distinct"), text(lang, "col_spread")
    # here the measures lead: they are why a project is in this list
    first = [text(lang, "col_row"), text(lang, "col_project"), distinct, spread]
    frame = frame[first + [c for c in frame.columns if c not in first]]
    disagreeing = frame[frame[distinct] > 1]
    return disagreeing.sort_values([distinct, spread], ascending=False, kind="stable").head(top).reset_index(drop=True)


def distribution(result: PortfolioResult, lang: str) -> pd.DataFrame:
    """How many projects get each form, per framework (rows), on the common ladder (columns)."""
    ladder = ladder_of(result.rule_sets)
    names = rung_names(result.rule_sets, lang)
    steps = _steps(result)
    counts = [np.bincount(steps[:, i] - TOO_LITTLE_STEP, minlength=len(ladder) + 1) for i in range(len(result.rule_sets))]
    frame = pd.DataFrame(counts, index=pd.Index(framework_labels(result.rule_sets, lang), name=text(lang, "col_rules")),
                         columns=[text(lang, "too_little"), *(names[r] for r in ladder)])
    # the column for too little known only when a project has it, first: below the lowest rung
    return frame if frame.iloc[:, 0].any() else frame.iloc[:, 1:]


def agreement(result: PortfolioResult, lang: str) -> pd.DataFrame:
    """The share (0 to 1) of projects on which two frameworks give the same advice."""
    steps = _steps(result)
    labels = framework_labels(result.rule_sets, lang)
    k = len(labels)
    shares = np.ones((k, k))
    if len(steps):
        for i in range(k):
            for j in range(k):
                shares[i, j] = float(np.mean(steps[:, i] == steps[:, j]))
    return pd.DataFrame(shares, index=pd.Index(labels, name=text(lang, "col_rules")), columns=labels)


def bad_rows_frame(bad_rows: Sequence[BadRow], lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        text(lang, "col_row"): [b.row for b in bad_rows],
        text(lang, "col_project"): [b.project for b in bad_rows],
        text(lang, "col_reason"): [b.reason(lang) for b in bad_rows],
    })


# --- exporting ----------------------------------------------------------------------------------


def export_sheets(result: PortfolioResult, lang: str) -> dict[str, pd.DataFrame]:
    """What the Excel download holds: the results, the distribution, the agreement, skipped rows and notices."""
    portfolio = result.portfolio
    return {
        text(lang, "sheet_results"): results_frame(result, lang),
        text(lang, "sheet_distribution"): distribution(result, lang),
        text(lang, "sheet_agreement"): agreement(result, lang).round(4),
        text(lang, "sheet_bad_rows"): bad_rows_frame(portfolio.bad_rows, lang),
        text(lang, "sheet_notices"): pd.DataFrame({text(lang, "col_notice"): [n.get(lang) for n in portfolio.notices]}),
    }


def write_results(result: PortfolioResult, lang: str, xlsx: bool) -> bytes:
    """The download: every sheet as Excel, or the results as CSV."""
    return to_xlsx(export_sheets(result, lang)) if xlsx else to_csv(results_frame(result, lang))


# --- the template ---------------------------------------------------------------------------------


def template_columns(rule_set: RuleSet) -> list[str]:
    return [PROJECT_COLUMN, *(t.id for t in rule_set.traits)]


def template_csv(rule_set: RuleSet, example: Mapping[str, str]) -> bytes:
    """The template a user fills in: the header and one example row (to overwrite), as Dutch Excel reads it."""
    columns = template_columns(rule_set)
    return to_csv(pd.DataFrame([[example.get(c, "") for c in columns]], columns=columns))


def columns_markdown(rule_set: RuleSet, lang: str = "nl") -> str:
    """The documentation table of every column: the question and the answers allowed (generated, then checked)."""
    lines = [text(lang, "doc_head"), "|---|---|---|", f"| `{PROJECT_COLUMN}` | {text(lang, 'doc_project')} |"]
    for trait in rule_set.traits:
        options = ", ".join(f"`{o.id}` ({o.label.get(lang)})" for o in trait.options)
        combinable = [o.id for o in trait.options if not o.exclusive][:2]
        several = f" · {text(lang, 'doc_several', example='+'.join(combinable))}" if trait.multiple else ""
        lines.append(f"| `{trait.id}` | {trait.question.get(lang)} | {options}, `{UNKNOWN}`{several} |")
    return "\n".join(lines) + "\n"

"""Tables for spreadsheets: CSV as Dutch Excel opens it, and .xlsx workbooks; never a formula from a cell.

Used by every download and export (the register, portfolios), so they all follow one convention.
A text that starts with = + - @ (or a tab or return) would run as a formula in a spreadsheet: OWASP's advice
for CSV injection is a leading ', which both writers apply; the workbook also stores every text as text.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

import numpy as np
import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A text a spreadsheet would run as a formula gets a leading ' (OWASP's advice for CSV); other values stay."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _safe_column(column: pd.Series) -> pd.Series:
    """safe_cell on every cell of a column, as column.map(safe_cell) gives it, worked out once per distinct text.

    A column of 100,000 rows has a handful of distinct texts, and calling safe_cell per cell took half the time
    of a portfolio's download. A column of numbers, booleans or dates holds no text and stays as it is. Any other
    column but one of texts (mixed kinds, categories) is mapped as before, since map also infers its type anew.
    """
    kind = column.dtype
    if pd.api.types.is_numeric_dtype(kind) or pd.api.types.is_datetime64_any_dtype(kind):
        return column
    texts = pd.api.types.is_object_dtype(kind) or isinstance(kind, pd.StringDtype)
    if not texts or pd.api.types.infer_dtype(column, skipna=True) not in ("string", "empty"):
        return column.map(safe_cell)
    codes, uniques = pd.factorize(column)  # a missing cell has code -1 and stays as it is
    safe = np.array([safe_cell(u) for u in uniques], dtype=object)
    changed = np.flatnonzero(safe != np.asarray(uniques, dtype=object))
    if not len(changed):
        return column
    values = column.to_numpy(dtype=object, copy=True)
    rows = np.isin(codes, changed)
    values[rows] = safe[codes[rows]]
    return pd.Series(values, index=column.index, name=column.name, dtype=object)


def column_letter(index: int) -> str:
    """0 -> A, 27 -> AB: how a spreadsheet names a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def to_csv(frame: pd.DataFrame) -> bytes:
    """Semicolons and a UTF-8 BOM, as Dutch Excel expects, so it opens with a double click.

    A cell (or header) that starts with = + - @ would run as a formula in a spreadsheet: it gets a leading '.
    """
    safe = pd.DataFrame({position: _safe_column(column) for position, (_, column) in enumerate(frame.items())},
                        index=frame.index)
    safe.columns = [safe_cell(str(c)) for c in frame.columns]
    return safe.to_csv(sep=";", index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_xlsx(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """An Excel workbook (.xlsx) with one sheet per table: numbers as numbers, every text as text (never a formula).

    Written here as plain SpreadsheetML, column by column: openpyxl needs over a minute for 100,000 rows on a
    small server (it builds an XML element per cell), this takes seconds. The format is the minimal package
    Excel, LibreOffice and openpyxl read: a workbook, its sheets, and the relations between them.
    """
    buffer = io.BytesIO()
    names = [escape(title[:31], {'"': "&quot;"}) for title in sheets]  # 31: Excel's limit for a sheet name
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", _XLSX_TYPES.format(sheets="".join(
            _XLSX_SHEET_TYPE.format(n=n) for n in range(1, len(names) + 1))))
        package.writestr("_rels/.rels", _XLSX_ROOT_RELS)
        package.writestr("xl/workbook.xml", _XLSX_WORKBOOK.format(sheets="".join(
            f'<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>' for n, name in enumerate(names, start=1))))
        package.writestr("xl/_rels/workbook.xml.rels", _XLSX_WORKBOOK_RELS.format(sheets="".join(
            _XLSX_SHEET_REL.format(n=n) for n in range(1, len(names) + 1))))
        package.writestr("xl/styles.xml", _XLSX_STYLES)
        for n, frame in enumerate(sheets.values(), start=1):
            values = frame.reset_index() if frame.index.name is not None else frame
            header = pd.DataFrame([[str(c) for c in values.columns]], columns=values.columns, dtype=object)
            corner = f"{column_letter(max(len(values.columns), 1) - 1)}{len(values) + 1}"
            package.writestr(f"xl/worksheets/sheet{n}.xml", _XLSX_SHEET_START.format(corner=corner)
                             + "".join(_xlsx_rows(header, 1)) + "".join(_xlsx_rows(values, 2)) + _XLSX_SHEET_END)
    return buffer.getvalue()


def _xlsx_rows(frame: pd.DataFrame, first_row: int) -> pd.Series:
    """The XML of every row. Each column's distinct values are written once, then repeated with their reference."""
    numbers = pd.Series(np.arange(first_row, first_row + len(frame)).astype(str), dtype=object)
    rows = '<row r="' + numbers + '">'
    for position, (_, column) in enumerate(frame.items()):
        codes, uniques = pd.factorize(column, use_na_sentinel=True)
        tails = np.array([_xlsx_cell(u) for u in uniques] + ["/>"], dtype=object)  # code -1 (missing): empty
        rows = rows + f'<c r="{column_letter(position)}' + numbers + '"' + tails[codes]
    return rows + "</row>"


def _xlsx_cell(value: Any) -> str:
    """A cell's XML after its reference: a number as a number, a date as a date, anything else as inline text."""
    value = value.item() if isinstance(value, np.generic) else value  # numpy numbers as Python numbers
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f' s="{_DATE_STYLE}"><v>{(value - _EXCEL_EPOCH).days}</v></c>'  # days since Excel's day 0
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        clean = _XML_ILLEGAL.sub("", str(value))  # control characters cannot be stored in a workbook
        return f' t="inlineStr"><is><t xml:space="preserve">{escape(clean)}</t></is></c>'
    return f"><v>{value!r}</v></c>" if np.isfinite(value) else "/>"


_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_XLSX_TYPES = (_XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
               '<Default Extension="xml" ContentType="application/xml"/>'
               '<Override PartName="/xl/styles.xml" '
               'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
               '<Override PartName="/xl/workbook.xml" '
               'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{sheets}</Types>')
_XLSX_SHEET_TYPE = ('<Override PartName="/xl/worksheets/sheet{n}.xml" '
                    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
_XLSX_ROOT_RELS = (_XML_HEAD + f'<Relationships xmlns="{_PKG_REL_NS}"><Relationship Id="rId1" '
                   f'Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_XLSX_WORKBOOK = (_XML_HEAD + f'<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">'
                  '<bookViews><workbookView/></bookViews><sheets>{sheets}</sheets></workbook>')
_XLSX_WORKBOOK_RELS = (_XML_HEAD + f'<Relationships xmlns="{_PKG_REL_NS}">{{sheets}}<Relationship Id="rIdStyles" '
                       f'Type="{_REL_NS}/styles" Target="styles.xml"/></Relationships>')
# Two cell formats: 0 the default, 1 (_DATE_STYLE) a date shown as 2026-11-24
_XLSX_STYLES = (_XML_HEAD + f'<styleSheet xmlns="{_MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" '
                'formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
                '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2">'
                '<xf/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" '
                'xfId="0" builtinId="0"/></cellStyles></styleSheet>')
_DATE_STYLE = 1
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_XLSX_SHEET_REL = f'<Relationship Id="rId{{n}}" Type="{_REL_NS}/worksheet" Target="worksheets/sheet{{n}}.xml"/>'
# the size of the sheet, and the header row frozen so it stays in view while scrolling
_XLSX_SHEET_START = (_XML_HEAD + f'<worksheet xmlns="{_MAIN_NS}"><dimension ref="A1:{{corner}}"/>'
                     '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
                     'state="frozen"/></sheetView></sheetViews><sheetData>')
_XLSX_SHEET_END = "</sheetData></worksheet>"

"""An uploaded spreadsheet cannot make the server read more than the stated limits (issue 14's probes).

Every probe file is generated here, small on disk and huge if believed; none is committed.
"""

from __future__ import annotations

import io
import re
import tracemalloc
import zipfile

import pytest
from openpyxl import Workbook

from ladder.analysis import portfolio
from ladder.analysis.portfolio import MAX_COLUMNS, MAX_ROWS, PortfolioError, read_table

PEAK_MB = 150  # well below what believing any probe costs (gigabytes), well above reading a real portfolio


def small_xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_sheet(data: bytes, change) -> bytes:
    """The same workbook with its first sheet's XML changed."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = change(content.decode()).encode()
            target.writestr(item.filename, content)
    return out.getvalue()


def refusal(data: bytes, name: str) -> tuple[str, str, float]:
    tracemalloc.start()
    try:
        with pytest.raises(PortfolioError) as raised:
            read_table(data, name)
        peak = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
    return raised.value.message.get("nl"), raised.value.message.get("en"), peak


def test_a_sheet_that_claims_the_whole_grid_and_has_a_cell_in_the_last_row_is_refused_without_reading_it():
    def claim_everything(xml: str) -> str:
        xml = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', xml)
        return xml.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'
                                           "</row></sheetData>")

    rows = [["project", "initiatiefnemer"]] + [[f"p{i}", "gemeente"] for i in range(10)]
    data = with_sheet(small_xlsx(rows), claim_everything)
    assert len(data) < 10_000
    nl, en, peak = refusal(data, "grid.xlsx")
    assert "100.000" in nl and "100,000" in en and "projecten" in nl
    assert peak < PEAK_MB


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    data = with_sheet(small_xlsx([["project"], ["a"]]), lambda xml: xml.replace(
        "</worksheet>", "<!--" + " " * (60 << 20) + "--></worksheet>"))
    assert len(data) < 200_000
    nl, en, peak = refusal(data, "bomb.xlsx")
    assert "MB" in nl and "MB" in en
    assert peak < PEAK_MB


@pytest.mark.parametrize("name", ["wide.csv", "wide.xlsx"])
def test_more_columns_than_the_limit_are_refused_naming_the_limit(name):
    header = ["project"] + [f"vraag{i}" for i in range(MAX_COLUMNS + 5)]
    data = (";".join(header) + "\n" + ";".join(["a"] * len(header)) + "\n").encode() if name.endswith(".csv") \
        else small_xlsx([header, ["a"] * len(header)])
    nl, en, _ = refusal(data, name)
    assert str(MAX_COLUMNS) in nl and str(MAX_COLUMNS) in en and "kolommen" in nl


def test_a_hundred_thousand_column_csv_is_refused_cheaply():
    data = (";".join(f"k{i}" for i in range(100_000)) + "\n").encode()
    _, _, peak = refusal(data, "wide.csv")
    assert peak < PEAK_MB


def test_empty_columns_beyond_the_limit_are_no_reason_to_refuse():
    header = ["project", "initiatiefnemer"] + [""] * (MAX_COLUMNS + 5)
    table = read_table(small_xlsx([header, ["a", "gemeente"]]), "padded.xlsx")
    assert table.header == ("project", "initiatiefnemer")


@pytest.mark.parametrize("name", ["rows.csv", "rows.xlsx"])
def test_exactly_the_row_limit_is_read_and_one_more_is_refused(monkeypatch, name):
    monkeypatch.setattr(portfolio, "MAX_ROWS", 50)

    def file(projects: int) -> bytes:
        rows = [["project", "initiatiefnemer"]] + [[f"p{i}", "gemeente"] for i in range(projects)]
        return "\n".join(";".join(r) for r in rows).encode() if name.endswith(".csv") else small_xlsx(rows)

    assert len(read_table(file(50), name).frame) == 50
    with pytest.raises(PortfolioError, match="50"):
        read_table(file(51), name)


def test_a_csv_with_more_rows_than_the_limit_is_refused_naming_the_limit():
    data = ("project;initiatiefnemer\n" + "p;gemeente\n" * (MAX_ROWS + 1)).encode()
    nl, en, _ = refusal(data, "long.csv")
    assert "100.000" in nl and "100,000" in en

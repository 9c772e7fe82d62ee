"""The zip packages of ODT and DOCX with the document's own date on every entry.

odfdo and python-docx write each entry with the time of writing, so the same advice would give other bytes every
minute; rewriting the package with one fixed date (the Document's) makes the same advice give the same file.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile


def dated_zip(data: bytes, date: dt.date, stored: tuple[str, ...] = ()) -> bytes:
    """The same entries in the same order, each dated `date`; `stored` entries uncompressed (ODF's mimetype must be
    the first entry and stored, so that tools can recognise the file by its first bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=(date.year, date.month, date.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if entry.filename in stored else zipfile.ZIP_DEFLATED
            # the same permissions whatever the umask of the machine; 0x10 marks a folder for MS-DOS readers
            info.external_attr = (0o755 << 16 | 0x10) if entry.is_dir() else 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()

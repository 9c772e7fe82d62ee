"""What ODT and DOCX share as zip packages of XML: text XML can hold, and the document's own date on every entry.

odfdo and python-docx write each entry with the time of writing, so the same advice would give other bytes every
minute; rewriting the package with one fixed date (the Document's) makes the same advice give the same file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile
from typing import TypeVar

# Characters XML 1.0 cannot hold (control characters but tab and line breaks, lone surrogates, U+FFFE/U+FFFF):
# pasted into a title or description, lxml would refuse the whole document.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
T = TypeVar("T")


def xml_safe(value: T) -> T:
    """The value (a Document, or any part of one) with every text stripped of what XML cannot hold."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(xml_safe(v) for v in value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: xml_safe(getattr(value, f.name)) for f in dataclasses.fields(value)})
    return value


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

"""Bytes on disk → rows of cells with their line numbers (TSV, CSV; XLSX via openpyxl).

Encodings: a BOM decides first (UTF-8, UTF-16); then strict UTF-8; then strict CP932. The
``shift_jis`` codec is never used: it fails on ① and Ⅲ and maps the tilde differently.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import DocumentError, Location

MAX_BYTES = 64 * 1024 * 1024  # a status table is a few hundred kB; refuse what is clearly not one


@dataclass(frozen=True)
class Row:
    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class RawDocument:
    source: str
    data: bytes
    encoding: str
    rows: tuple[Row, ...]


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def decode(data: bytes, source: str, encoding: str | None = None) -> tuple[str, str]:
    """Text and the name of the encoding it was read with."""
    where = Location(source)
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise DocumentError(f"cannot decode as {encoding}: {exc}", where) from None
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "cp932"]
    for name in candidates:
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    raise DocumentError(
        "cannot decode: not UTF-8 and not CP932/Shift_JIS (use --encoding to name it)", where
    )


def read_rows(path: str | Path, encoding: str | None = None) -> RawDocument:
    path = Path(path)
    source = str(path)
    where = Location(source)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(
                f"file is {size:,} bytes; a status table is expected to be under {MAX_BYTES:,}",
                where,
            )
        data = path.read_bytes()
    except IsADirectoryError:
        raise DocumentError("is a directory, not a document", where) from None
    except OSError as exc:
        raise DocumentError(f"cannot read: {exc.strerror or exc}", where) from None
    if not data.strip():
        raise DocumentError("empty file", where)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from .xlsx import xlsx_rows

        return RawDocument(source, data, "xlsx", tuple(xlsx_rows(data, source)))
    if data.startswith(b"PK\x03\x04"):
        raise DocumentError("looks like a zip/xlsx file; name it .xlsx to read it as Excel", where)
    text, used = decode(data, source, encoding)
    if suffix == ".csv":
        rows = _csv_rows(text, source)
    else:
        rows = [
            Row(i, tuple(line.split("\t"))) for i, line in enumerate(_LINE_BREAK.split(text), 1)
        ]
    return RawDocument(source, data, used, tuple(rows))


def _csv_rows(text: str, source: str) -> list[Row]:
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = []
    line = 1
    try:
        for cells in reader:
            rows.append(Row(line, tuple(cells)))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise DocumentError(f"malformed CSV: {exc}", Location(source, reader.line_num)) from None
    return rows

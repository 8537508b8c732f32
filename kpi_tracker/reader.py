"""Bytes on disk → rows of cells with their line numbers (TSV, CSV; XLSX via openpyxl).

Rows are streamed: a table of any size is read one line at a time, so memory grows with the
measures kept, not with the file. A first pass over the bytes hashes them (SHA-256) and
decides the encoding: a BOM first (UTF-8, UTF-16), then strict UTF-8, then strict CP932. The
``shift_jis`` codec is never used: it fails on ① and Ⅲ and maps the tilde differently.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import DocumentError, Location

MAX_BYTES = 1024 * 1024 * 1024  # 1 GiB: far beyond any status table; refused before reading
MAX_LINE = 8 * 1024 * 1024  # characters in one line: a longer one is not a table row
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class RawDocument:
    """A document's rows (an iterator: read once) and what the first pass learned."""

    source: str
    sha256: str
    encoding: str
    rows: Iterator[Row]


def _first_pass(path: Path, source: str, encoding: str | None) -> tuple[str, str]:
    """SHA-256 of the bytes, and the encoding to read them with."""
    digest = hashlib.sha256()
    where = Location(source)
    utf8 = codecs.getincrementaldecoder("utf-8")()
    utf8_ok = True
    head = b""
    blank = True
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
            if len(head) < 4:
                head += chunk[:4]
            blank = blank and not chunk.strip()
            if utf8_ok and not encoding:
                try:
                    utf8.decode(chunk)
                except UnicodeDecodeError:
                    utf8_ok = False
    if utf8_ok and not encoding:
        try:
            utf8.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8_ok = False
    if blank:
        raise DocumentError("empty file", where)
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise DocumentError(f"cannot decode as {encoding}: unknown encoding", where) from None
        return digest.hexdigest(), encoding
    if head.startswith(b"\xef\xbb\xbf"):
        chosen = "utf-8-sig"
    elif head.startswith((b"\xff\xfe", b"\xfe\xff")):
        chosen = "utf-16"
    else:
        chosen = "utf-8" if utf8_ok else "cp932"
    return digest.hexdigest(), chosen


def read_rows(path: str | Path, encoding: str | None = None) -> RawDocument:
    path = Path(path)
    source = str(path)
    where = Location(source)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise DocumentError("is a directory, not a document", where)
        if size > MAX_BYTES:
            raise DocumentError(
                f"file is {size:,} bytes; a status table is expected to be under {MAX_BYTES:,}",
                where,
            )
        suffix = path.suffix.lower()
        if suffix in (".xlsx", ".xlsm"):
            data = path.read_bytes()
            if not data:
                raise DocumentError("empty file", where)
            from .xlsx import xlsx_rows

            sha = hashlib.sha256(data).hexdigest()
            return RawDocument(source, sha, "xlsx", xlsx_rows(data, source))
        sha, chosen = _first_pass(path, source, encoding)
        with path.open("rb") as f:
            if f.read(4).startswith(b"PK\x03\x04"):
                raise DocumentError(
                    "looks like a zip/xlsx file; name it .xlsx to read it as Excel", where
                )
    except OSError as exc:
        raise DocumentError(f"cannot read: {exc.strerror or exc}", where) from None
    rows = _csv_rows(path, source, chosen) if suffix == ".csv" else _tsv_rows(path, source, chosen)
    return RawDocument(source, sha, chosen, rows)


def _open_text(path: Path, source: str, encoding: str):  # type: ignore[no-untyped-def]
    try:
        return path.open(encoding=encoding, errors="strict", newline="")
    except OSError as exc:
        raise DocumentError(f"cannot read: {exc.strerror or exc}", Location(source)) from None


def _tsv_rows(path: Path, source: str, encoding: str) -> Iterator[Row]:
    number = 0
    with _open_text(path, source, encoding) as f:
        while True:
            try:
                line = f.readline(MAX_LINE + 1)
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    f"cannot decode as {encoding} ({exc.reason}); use --encoding to name it",
                    Location(source, number + 1),
                ) from None
            if not line:
                return
            number += 1
            if len(line) > MAX_LINE:
                raise DocumentError(
                    f"line longer than {MAX_LINE:,} characters: not a status table",
                    Location(source, number),
                )
            # NOTE: readline keeps "\r\n", "\n" or "\r" (newline=""): one row per line either way.
            yield Row(number, tuple(line.rstrip("\r\n").split("\t")))


def _csv_rows(path: Path, source: str, encoding: str) -> Iterator[Row]:
    import csv

    with _open_text(path, source, encoding) as f:
        csv.field_size_limit(MAX_LINE)
        reader = csv.reader(f)
        line = 1
        try:
            for cells in reader:
                yield Row(line, tuple(cells))
                line = reader.line_num + 1
        except csv.Error as exc:
            raise DocumentError(
                f"malformed CSV: {exc}", Location(source, reader.line_num)
            ) from None
        except UnicodeDecodeError as exc:
            raise DocumentError(
                f"cannot decode as {encoding} ({exc.reason}); use --encoding to name it",
                Location(source, line),
            ) from None

"""Reading: bytes → rows → ``Document`` (status tables, plan tables, structured KPI sheets).

Owns: encodings, TSV/CSV (``rows``), the binary formats named in the table below (Excel in
``xlsx``, PDF in ``pdf``: ruled tables, and a plan's prose through ``planprose``), the status
table's columns (``columns``) and rows (``document``), a plan's own table (``plantable``) and
structured sheets (``sheets/``). May import: ``model``, ``text``, ``errors``, ``data``,
``shape``. Never rules, extraction or judging.

A binary format is read by the reader the table names for it (``READERS``): found by the file's
suffix, else by its first bytes (a pipe has no name). A new format is one module whose
function takes the bytes and the source's name and yields ``Row``s, plus one line in the
table. The module is imported only when a file of its format is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from typing import NamedTuple

from ..errors import DocumentError, Location
from ..model import Row

__all__ = ["READERS", "Reader", "binary_reader", "binary_rows", "is_binary_suffix"]


class Reader(NamedTuple):
    """A binary input format: how to know it, and which function reads it."""

    name: str  # the format, as the read document's encoding names it
    label: str  # as messages name it
    magic: bytes  # the first bytes of every such file
    suffixes: tuple[str, ...]  # file names that are read with it, whatever their bytes
    module: str  # the module in this package
    function: str  # ``function(data: bytes, source: str) -> Iterator[Row]``
    # A named file with these first bytes but another suffix: read by content when empty,
    # else refused with this message (a zip is also a .docx, an .epub…).
    misnamed: str = ""


READERS: tuple[Reader, ...] = (
    Reader(
        "xlsx",
        "Excel (.xlsx)",
        b"PK\x03\x04",
        (".xlsx", ".xlsm"),
        "xlsx",
        "xlsx_rows",
        misnamed="looks like a zip/xlsx file; name it .xlsx to read it as Excel",
    ),
    Reader("pdf", "PDF", b"%PDF-", (".pdf",), "pdf", "pdf_rows"),
)


def is_binary_suffix(suffix: str) -> bool:
    """Whether a file named so is read by a binary reader (never decoded as text)."""
    return any(suffix in r.suffixes for r in READERS)


def binary_reader(head: bytes, suffix: str, named: bool, where: Location) -> Reader | None:
    """The reader for a file whose first bytes are ``head`` and whose name ends in ``suffix``
    (``named``: it has a name; stdin has none), or None for a text table."""
    for r in READERS:
        if suffix in r.suffixes:
            return r
    for r in READERS:
        if head.startswith(r.magic):
            if named and r.misnamed:
                raise DocumentError(r.misnamed, where)
            return r
    return None


def binary_rows(reader: Reader, data: bytes, source: str) -> Iterator[Row]:
    """The rows of ``data`` read by ``reader``; its module is imported here, on first use."""
    try:
        module = import_module(f".{reader.module}", __name__)
    except ModuleNotFoundError as exc:
        if exc.name == f"{__name__}.{reader.module}":
            what = f"a {reader.label} file, which this install of kpi-tracker cannot read"
        else:
            what = f"reading {reader.label} needs the {exc.name} package, which is not installed"
        raise DocumentError(what, Location(source)) from None
    rows: Iterator[Row] = getattr(module, reader.function)(data, source)
    return rows

"""Excel exports (.xlsx) → rows of cells, via openpyxl (imported only here).

Numbers Excel stored as numbers come back as the digits a person sees (``7390``, not
``7390.0``); empty and merged cells are empty strings; line breaks inside a cell are kept.
The row number in the sheet is the "line" every message names.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING

from ..errors import DocumentError, Location
from ..model import Row
from ..text.normalize import drop_forbidden
from .columns import is_header_row

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def xlsx_rows(data: bytes, source: str) -> Iterator[Row]:
    try:
        from openpyxl import load_workbook
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise DocumentError("reading .xlsx needs openpyxl", Location(source)) from None
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        raise DocumentError(
            f"not a readable .xlsx file ({type(exc).__name__})", Location(source)
        ) from None
    try:
        sheet = _sheet_with_table(book)
        for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
            yield Row(number, tuple(drop_forbidden(_text(v)) for v in values))
    finally:
        book.close()


_HEADER_WITHIN = 30  # rows of a sheet searched for the header row (titles stand above it)


def _sheet_with_table(book: Workbook) -> Worksheet:
    """The first sheet whose header row (as the document reader recognises it) is among its
    first rows, else the first sheet (whose reading then says what is missing)."""
    for sheet in book.worksheets:
        for values in sheet.iter_rows(max_row=_HEADER_WITHIN, values_only=True):
            if is_header_row(tuple(_text(v) for v in values)):
                return sheet
    return book.worksheets[0]

"""Excel exports (.xlsx) → rows of cells, via openpyxl (imported only here).

Numbers Excel stored as numbers come back as the digits a person sees (``7390``, not
``7390.0``); empty and merged cells are empty strings; line breaks inside a cell are kept.
The row number in the sheet is the "line" every message names.

Cells are read by their number format, as a person sees them: a ``0.0%`` cell holding 0.9 is
``90%``; a date cell is its ISO date (``2020-04-01``), and one whose format shows only the
year (``yyyy"年度"``, the era format ``ggge"年度"``) is that year as written (``2020年度``,
``令和2年度``).
"""

from __future__ import annotations

import io
import re
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


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def _codes(number_format: str) -> str:
    """A number format's codes, its quoted text, escapes and [locale] parts left out (only
    the first section: the one for positive numbers)."""
    return _QUOTED.sub("", number_format.split(";")[0])


def _formatted(value: object, number_format: str | None) -> str:
    """A cell as its number format shows it (percent, dates, era years), else ``_text``."""
    if number_format is None or number_format == "General" or isinstance(value, bool):
        return _text(value)
    codes = _codes(number_format)
    if isinstance(value, (int, float)) and "%" in codes:
        return f"{round(value * 100, 9):.12g}%"
    era = "g" in codes  # ggge: the Japanese era (openpyxl does not take it for a date)
    if isinstance(value, (int, float)) and era:
        from openpyxl.utils.datetime import from_excel

        try:
            value = from_excel(value)
        except (ValueError, OverflowError):
            return _text(value)
    if isinstance(value, (datetime, date)) and not any(c in codes.lower() for c in "md"):
        day = value.date() if isinstance(value, datetime) else value
        year_word = "年度" if "年度" in number_format else "年"
        if era:
            return _era_year(day, year_word)
        return f"{day.year}{year_word}"
    return _text(value)


def _era_year(day: date, year_word: str) -> str:
    """``令和2年度`` for a day shown in an era format (the fiscal year counts from April)."""
    from ..text.periods import eras

    year = day.year if year_word == "年" or day.month >= 4 else day.year - 1
    point = date(year, 4, 1) if year_word == "年度" else day
    for era in eras():
        if era.start <= point and (era.end is None or point <= era.end):
            return f"{era.name}{year - era.start.year + 1}{year_word}"
    return f"{year}{year_word}"


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
        for number, cells in enumerate(sheet.iter_rows(), 1):
            yield Row(
                number,
                tuple(
                    drop_forbidden(_formatted(c.value, getattr(c, "number_format", None)))
                    for c in cells
                ),
            )
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

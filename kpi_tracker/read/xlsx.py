"""Excel exports (.xlsx) → rows of cells, via openpyxl (imported only here).

Numbers Excel stored as numbers come back as the digits a person sees (``7390``, not
``7390.0``); empty and merged cells are empty strings; line breaks inside a cell are kept.
The row number in the sheet is the "line" every message names.

Cells are read by their number format, as a person sees them: a ``0.0%`` cell holding 0.9 is
``90%``; a date cell is its ISO date (``2020-04-01``), and one whose format shows only the
year (``yyyy"年度"``, the era format ``ggge"年度"``) is that year as written (``2020年度``,
``令和2年度``).

Before openpyxl sees the file, its parts are checked as a text input is: their decompressed
size is capped (``MAX_XML``), and a part with a DTD (``<!DOCTYPE``, ``<!ENTITY``: entity
expansion, the "billion laughs"), which no spreadsheet writes, is refused. The sheet read is
the visible one Excel opens on (hidden sheets are never scored), all its rows whatever its
``<dimension>`` says, and a formula whose value was never computed and saved (a file written
by a program, not by Excel) is an error naming the cell: it is not read as blank.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ..errors import DocumentError, Location
from ..model import Row
from ..text.normalize import drop_forbidden
from .columns import is_header_row
from .rows import MAX_LINE

if TYPE_CHECKING:
    from openpyxl import Workbook

# Decompressed bytes of all the parts of one workbook. NOTE: openpyxl keeps the shared strings
# and the parsed rows of a part in memory, several times their XML size; a 130,000-row sheet
# is ~60 MB of XML.
MAX_XML = 256 * 1024 * 1024
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
# A cell element and its content; a formula cell without a <v> has no value saved.
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
_FORMULA = re.compile(rb"<(?:\w+:)?f\b")
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]|<(?:\w+:)?is\b")  # a saved value (not <v/>)
_EMPTY_VALUE = re.compile(rb"<(?:\w+:)?v\b")
_TEXT_TYPE = re.compile(rb'\bt="str"')  # a formula's saved text, which may be empty
_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')


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


def _parts(data: bytes, source: str) -> dict[str, bytes]:
    """The sheets' XML, by part name; every part is checked as it is decompressed, chunk by
    chunk: within ``MAX_XML`` in all, no DTD, and no text run (a cell) of more than
    4 × ``MAX_LINE`` bytes — more characters than a cell may hold in any encoding — so that a
    small file that inflates to one huge cell is refused before it is parsed."""
    where = Location(source)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DocumentError(f"not a readable .xlsx file ({type(exc).__name__})", where) from None
    parts: dict[str, bytes] = {}
    total = 0
    with archive:
        for info in archive.infolist():
            if not info.filename.endswith((".xml", ".rels")):
                continue
            # NOTE: the declared size can lie; the bytes read are counted too.
            if total + info.file_size > MAX_XML:
                raise _too_large(where)
            keep = info.filename.startswith("xl/worksheets/")  # for the formula check
            try:
                kept, total = _read_part(archive, info, total, keep, where)
            except DocumentError:
                raise
            except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
                raise DocumentError(
                    f"not a readable .xlsx file ({info.filename}: {exc})", where
                ) from None
            if keep:
                parts[info.filename] = kept
    return parts


_CHUNK = 1 << 20


def _read_part(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, total: int, keep: bool, where: Location
) -> tuple[bytes, int]:
    """One part's bytes (when ``keep``) and the running total, checked chunk by chunk."""
    pieces: list[bytes] = []
    run = 0  # bytes since the last "<" or ">": the text of one cell, at most
    tail = b""  # the end of the previous chunk, so that a "<!DOCTYPE" across two is seen
    with archive.open(info) as f:
        while chunk := f.read(_CHUNK):
            total += len(chunk)
            if total > MAX_XML:
                raise _too_large(where)
            if _DTD.search(tail + chunk):
                raise DocumentError(
                    f"not a readable .xlsx file ({info.filename} declares a DTD, which no "
                    "spreadsheet writes: refused)",
                    where,
                )
            tail = chunk[-16:]
            first = min((i for i in (chunk.find(b"<"), chunk.find(b">")) if i >= 0), default=-1)
            last = max(chunk.rfind(b"<"), chunk.rfind(b">"))
            if run + (len(chunk) if first < 0 else first) > 4 * MAX_LINE:
                raise DocumentError(
                    f"a cell longer than {MAX_LINE:,} characters: not a status table", where
                )
            run = run + len(chunk) if last < 0 else len(chunk) - last - 1
            if keep:
                pieces.append(chunk)
    return b"".join(pieces), total


def _too_large(where: Location) -> DocumentError:
    return DocumentError(
        f"decompresses to more than {MAX_XML:,} bytes; a table is expected to be under {MAX_XML:,}",
        where,
    )


def _unsaved_formulas(part: bytes) -> list[str]:
    """The cells of a sheet's XML that hold a formula but no saved value."""
    if not _FORMULA.search(part):
        return []
    cells = []
    for match in _CELL.finditer(part):
        body = match.group(2) or b""
        if not _FORMULA.search(body) or _VALUE.search(body):
            continue
        if not (_TEXT_TYPE.search(match.group(1)) and _EMPTY_VALUE.search(body)):
            ref = _REF.search(match.group(1))
            cells.append(ref.group(1).decode("ascii") if ref else "?")
    return cells


def xlsx_rows(data: bytes, source: str) -> Iterator[Row]:
    try:
        from openpyxl import load_workbook
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise DocumentError("reading .xlsx needs openpyxl", Location(source)) from None
    parts = _parts(data, source)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        raise DocumentError(_broken(exc), Location(source)) from None
    number = 0
    try:
        sheet = _sheet_with_table(book)
        path = getattr(sheet, "_worksheet_path", "")
        unsaved = _unsaved_formulas(parts.get(path, b""))
        if unsaved:
            more = f" and {len(unsaved) - 1} more" if len(unsaved) > 1 else ""
            raise DocumentError(
                f"sheet {sheet.title!r}: cell {unsaved[0]}{more} holds a formula whose value "
                "was never computed and saved; open and save the file in Excel (or LibreOffice) "
                "so that its values are stored",
                Location(source),
            )
        for number, row in enumerate(sheet.iter_rows(), 1):
            # a cell as its number format shows it (0.0% → 90%, dates, era years)
            cells = tuple(
                drop_forbidden(_formatted(c.value, getattr(c, "number_format", None))) for c in row
            )
            if any(len(c) > MAX_LINE for c in cells):
                raise DocumentError(
                    f"a cell longer than {MAX_LINE:,} characters: not a status table",
                    Location(source, number),
                )
            yield Row(number, cells)
    except DocumentError:
        raise
    except Exception as exc:  # a part's XML is malformed: openpyxl's parser fails mid-sheet
        where = Location(source, number + 1 if number else None)
        raise DocumentError(_broken(exc), where) from None
    finally:
        book.close()


def _broken(exc: Exception) -> str:
    first = (str(exc).strip().splitlines() or [""])[0][:200]
    return f"not a readable .xlsx file ({type(exc).__name__}{': ' + first if first else ''})"


_HEADER_WITHIN = 30  # rows of a sheet searched for the header row (titles stand above it)


def _visible(book: Workbook) -> list[Any]:
    """The sheets a person sees, the one Excel opens on first; all of them when none is."""
    # NOTE: Any: openpyxl's stubs type a read-only sheet's methods as a Worksheet's.
    sheets: list[Any] = list(book.worksheets)
    shown = [s for s in sheets if getattr(s, "sheet_state", "visible") == "visible"] or sheets
    try:
        active = book.active
    except (IndexError, AttributeError):  # an activeTab past the last sheet
        active = None
    if active in shown:
        shown.remove(active)
        shown.insert(0, active)
    for sheet in shown:
        # NOTE: a <dimension> smaller than the data (written by some exporters) would cut the
        # rows past it: the sheet's own rows are read instead.
        sheet.reset_dimensions()
    return shown


def _sheet_with_table(book: Workbook) -> Any:
    """The first visible sheet (the active one first) whose header row (as the document reader
    recognises it) is among its first rows, else the first of them (whose reading then says
    what is missing)."""
    sheets = _visible(book)
    for sheet in sheets:
        for values in sheet.iter_rows(max_row=_HEADER_WITHIN, values_only=True):
            if is_header_row(tuple(_text(v) for v in values)):
                return sheet
    return sheets[0]

"""The status table → ``Document`` with one ``Measure`` per row, each with its source line.

Steps: find the header row by its column names → read title lines above it (plan, fiscal
year) → walk the rows: headings build the section path, separators and blank lines are
passed over, every numbered row becomes a measure. Anything else is an error naming its line:
no row is ever dropped without a word.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import DocumentError, Location
from ..model import Document, Measure, RawDocument, Row, no_cycle_collection
from ..text.cells import cell_text
from ..text.normalize import normalize, strip_html
from ..text.periods import find_periods
from .column_options import parse_column_options
from .columns import (
    _REQUIRED,
    _URL,
    _cut_ministry,
    _header_map,
    ministries_in,
    offices_in,
    urls_in,
)
from .mapping import column_map, mapped_columns
from .rows import read_rows

if TYPE_CHECKING:
    from .sheets.review import ReviewStream

__all__ = ["Document", "Measure", "OnTitle", "load_document", "parse_rows"]

# Called with a status table's title lines and plan once its header row is read.
OnTitle = Callable[[tuple[str, ...], str], None]


# --- columns -----------------------------------------------------------------------------------


# --- row kinds ---------------------------------------------------------------------------------

# 施策No.: digits, maybe "No." before and a short bracketed note after (12(再掲)).
_NUMBER_CELL = re.compile(r"^\s*(?:No\.?\s*)?([0-9]{1,6})\s*(?:\([^()]{0,10}\))?\s*$")
_SEPARATOR = re.compile(r"^[\s\-=_ー─━‐―]*$")
_HEADING_1 = re.compile(r"^\s*[\(（]\s*[0-9０-９一二三四五六七八九十]+\s*[\)）]")
_HEADING_2 = re.compile(r"^\s*[①-⑳㉑-㉟]")
_HEADING_0 = re.compile(r"^\s*[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|^\s*[IVX]+\s*[\.．]")
_NOTE = re.compile(r"^\s*(?:※|注|\*|出典|備考)")
_TRAILING_URLS = re.compile(rf"(?:\s*{_URL.pattern})+\s*$")


def _cell_text(cells: tuple[str, ...], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return strip_html(cells[index])


def _prose_cell(cells: tuple[str, ...], index: int | None) -> str:
    """A target or status cell: its tables as labelled lines, PDF artefacts repaired."""
    if index is None or index >= len(cells):
        return ""
    return cell_text(cells[index])


def _is_blank(cells: tuple[str, ...]) -> bool:
    return all(not c.strip() for c in cells)


def _is_separator(cells: tuple[str, ...]) -> bool:
    return any("-" in c or "ー" in c for c in cells) and all(_SEPARATOR.match(c) for c in cells)


def _heading_level(text: str) -> int | None:
    if _HEADING_2.match(text):
        return 2
    if _HEADING_1.match(text):
        return 1
    if _HEADING_0.match(text):
        return 0
    return None


# --- the walk ----------------------------------------------------------------------------------


def _title_lines(above: list[Row]) -> tuple[str, ...]:
    """The non-blank lines above the header, each as one text."""
    return tuple(
        strip_html(" ".join(c for c in row.cells if c.strip()))
        for row in above
        if not _is_blank(row.cells)
    )


def _enter_heading(section: list[str], levels: list[int], level: int, text: str) -> None:
    """A heading row: it closes the headings of its level and below, and opens its own."""
    while levels and levels[-1] >= level:
        levels.pop()
        section.pop()
    levels.append(level)
    section.append(text)


def _first_time(no: int, seen: dict[int, int], source: str, line: int) -> int:
    """``no``, the first time it is seen; a second 施策No. ``no`` is an error."""
    if no in seen:
        raise DocumentError(
            f"施策No. {no} appears twice (first on line {seen[no]})", Location(source, line)
        )
    seen[no] = line
    return no


# NOTE: converters to and from CP932 disagree on a few characters (iconv and Windows map 0x8160
# to 〜 or ～): the content hash treats each pair as one character. A full normalize() of every
# row would double the time to read a large table.
_CP932_PAIRS = (
    ("\u301c", "\uff5e"),  # 〜 wave dash / ～ fullwidth tilde
    ("\u2212", "\uff0d"),  # − minus sign / － fullwidth hyphen-minus
    ("\u2016", "\u2225"),  # ‖ / ∥
    ("\u2014", "\u2015"),  # — em dash / ― horizontal bar
    ("\u00a2", "\uffe0"),  # ¢ / ￠
    ("\u00a3", "\uffe1"),  # £ / ￡
    ("\u00ac", "\uffe2"),  # ¬ / ￢
)


def _hashed(rows: Iterator[Row], digest: Any) -> Iterator[Row]:
    """The rows, each also fed to ``digest`` as its cells (stripped; blank rows and trailing
    empty cells left out), so that encodings, line ends, BOMs and export formats hash alike.
    The digest is complete once the rows are exhausted."""
    # NOTE: fed in batches of rows (one encode and one update each), not row by row.
    batch: list[str] = []
    for row in rows:
        cells = list(map(str.strip, row.cells))
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            batch.append("\x1f".join(cells))
            if len(batch) >= _HASH_BATCH:
                _feed(digest, batch)
        yield row
    _feed(digest, batch)


_HASH_BATCH = 256


def _feed(digest: Any, lines: list[str]) -> None:
    """Each line and a line end to ``digest``; ``lines`` is emptied."""
    if lines:
        lines.append("")
        text = "\n".join(lines)
        for a, b in _CP932_PAIRS:
            if a in text:
                text = text.replace(a, b)
        digest.update(text.encode("utf-8", "surrogatepass"))
        lines.clear()


def _check_header(header: Row, columns: dict[str, int], source: str, warnings: list[str]) -> int:
    """The header's width; a name given twice is an error, a column we do not read a warning."""
    where = Location(source, header.line)
    names = [strip_html(c) for c in header.cells]
    while names and not names[-1]:
        names.pop()
    seen: dict[str, int] = {}
    read = {i for i in columns.values() if i >= 0}
    for i, name in enumerate(names):
        key = normalize(name).replace(" ", "")
        if not key:
            continue
        if key in seen:
            raise DocumentError(
                f"columns {seen[key] + 1} and {i + 1} are both named 「{name}」", where
            )
        seen[key] = i
        if i not in read:
            warnings.append(f"{where}: column {i + 1} 「{name}」 is not read")
    return max(len(names), max(read) + 1)


def check_mapped(header: Row, source: str) -> None:
    """Every header name given by ``--column`` is in the header row: a name that maps nothing
    is a typo, said rather than ignored."""
    mapped = mapped_columns()
    if not mapped:
        return
    from .sheets.vocab import header_key

    names = {header_key(strip_html(c)) for c in header.cells}
    for name, role in mapped:
        if name not in names:
            raise DocumentError(
                f"--column {role}={name}: no column 「{name}」 in the header row",
                Location(source, header.line),
            )


def parse_rows(raw: RawDocument, on_title: OnTitle | None = None) -> Document:
    """Build the document from rows; raise ``DocumentError`` naming the line on bad rows.

    ``on_title``: called with the title lines and the plan as soon as the header row is read,
    before the measure rows (a status table only; a KPI sheet never calls it)."""
    document = _parse_rows(raw, on_title, False)
    assert isinstance(document, Document)
    return document


def _parse_rows(
    raw: RawDocument, on_title: OnTitle | None, stream: bool
) -> Document | ReviewStream:
    source = raw.source
    content = hashlib.sha256()
    rows = _hashed(raw.rows, content)
    columns: dict[str, int] | None = None
    above: list[Row] = []
    from .sheets.vocab import sheet_layout

    header: Row | None = None
    for row in rows:
        # A structured KPI sheet (指標 | 目標値 | … columns) is read by its own module. Asked
        # first: a sheet may also have a No., a 達成状況 and a 担当課 column, which the status
        # table's header has too, while the status table has no indicator column.
        layout = sheet_layout(row.cells)
        if layout is not None:
            from .sheets.table import parse_sheet

            check_mapped(row, source)
            return parse_sheet(raw, layout, tuple(above), row, stream)
        columns = _header_map(row.cells)
        if columns is not None:
            header = row
            break
        above.append(row)
    if columns is None or header is None:
        raise DocumentError(
            "no header row with the columns 施策No., 目標及び達成の期間 and 目標の達成状況: "
            "not a status table (nor a KPI sheet with 指標 and 目標値); name the columns with "
            "--column ROLE=HEADER, e.g. --column status=令和7年度の取組状況",
            Location(source),
        )
    check_mapped(header, source)
    warnings: list[str] = []
    header_width = _check_header(header, columns, source, warnings)
    numbered = columns["no"] >= 0
    if not numbered:
        warnings.append(
            f"{Location(source, header.line)}: no 施策No. column: the rows are numbered in "
            "order (1, 2, …)"
        )
    section_index = columns.get("section")
    title_lines = _title_lines(above)
    if on_title is not None:
        on_title(title_lines, _title_facts(title_lines)[1])
    measures: list[Measure] = []
    seen: dict[int, int] = {}
    section: list[str] = []
    levels: list[int] = []
    no_index = columns["no"]
    path: tuple[str, ...] = ()  # the section of the rows that follow
    for row in rows:  # the rest of the stream, after the header
        cells = row.cells
        number_cell = cells[no_index] if 0 <= no_index < len(cells) else ""
        # NOTE: a measure row is known by its number first; a blank or separator row has none.
        number = _NUMBER_CELL.match(normalize(strip_html(number_cell)))
        if number is None and not numbered:
            filled = [c for c in cells if c.strip()]
            if len(filled) == 1 and not _NOTE.match(strip_html(filled[0])):
                text = strip_html(filled[0])  # a heading row (基本目標1 …) of a city's report
                _enter_heading(section, levels, _heading_level(text) or 0, text)
                path = tuple(section)
                continue
            if len(filled) > 1 and _header_map(cells) is None:
                no = len(measures) + 1
                measure = _measure(row, no, columns, header_width, path, source, warnings)
                measures.append(_with_section(measure, cells, section_index))
                continue
        if number is None:
            if _is_blank(cells) or _is_separator(cells):
                continue
            filled = [c for c in cells if c.strip()]
            text = " ".join(strip_html(c) for c in filled)
            rest_empty = len(filled) == 1
            level = _heading_level(text)
            if level is not None and rest_empty:
                _enter_heading(section, levels, level, text)
                path = tuple(section)
                continue
            if _NOTE.match(text) and rest_empty:
                continue
            if _header_map(cells) is not None:
                continue  # the header repeated (page breaks in exports)
            raise DocumentError(
                f"not a measure row, heading or separator: {text[:40]!r}",
                Location(source, row.line),
            )
        no = _first_time(int(number.group(1)), seen, source, row.line)
        measure = _measure(row, no, columns, header_width, path, source, warnings)
        measures.append(_with_section(measure, cells, section_index))
    if not measures:
        raise DocumentError("the table has a header but no measure rows", Location(source))
    title, plan, fiscal_year = _title_facts(title_lines)
    if fiscal_year is None:
        warnings.append(f"{source}: no report fiscal year (…の実施状況(令和7年度)) in the title")
    return Document(
        source=source,
        content_sha256=content.hexdigest(),
        sha256=raw.sha256,
        encoding=raw.encoding,
        title=title,
        plan=plan,
        title_lines=title_lines,
        fiscal_year=fiscal_year,
        measures=tuple(measures),
        warnings=tuple(warnings),
    )


def _with_section(measure: Measure, cells: tuple[str, ...], index: int | None) -> Measure:
    """A section column's cell (基本目標 1 …) heads the measure's section path."""
    text = _cell_text(cells, index)
    if not text:
        return measure
    from dataclasses import replace

    return replace(measure, section=(text, *measure.section))


def _measure(
    row: Row,
    no: int,
    columns: dict[str, int],
    header_width: int,
    section: tuple[str, ...],
    source: str,
    warnings: list[str],
) -> Measure:
    cells = row.cells
    # NOTE: the Location is made only for an error or a warning (most rows need none).
    # Trailing empty cells beyond the header are export noise; anything else there is an error.
    width = len(cells)
    while width > header_width and not cells[width - 1].strip():
        width -= 1
    if width > header_width:
        raise DocumentError(
            f"施策No. {no}: {width} cells, the header has {header_width}",
            Location(source, row.line),
        )
    url_index = columns.get("urls")
    ministry_index = columns.get("ministries")
    url_cell = _cell_text(cells, url_index)
    ministry_cell = _cell_text(cells, ministry_index)
    known = max(columns.values()) + 1  # the columns read; the header may have more
    if width == known - 1 and url_index is not None and ministry_index == known - 1:
        # NOTE: exports drop the empty URL cell of some rows, leaving 7 cells: the last one then
        # holds the URLs, the ministries, or both.
        url_cell, ministry_cell = "", _cell_text(cells, width - 1)
    elif width < known - 1:
        last = max(columns[c] for c in _REQUIRED)
        if width <= last:
            raise DocumentError(
                f"施策No. {no}: {width} cells, the header has {header_width} "
                "(a truncated or broken row)",
                Location(source, row.line),
            )
    if not row.ended and (
        len(cells) < known or (ministry_index == known - 1 and _cut_ministry(ministry_cell))
    ):
        # NOTE: a last line without a line break whose row is short of cells, or whose list of
        # ministries stops inside a name, is a file cut short (`head -c`), not a row.
        raise DocumentError(
            f"the file ends inside 施策No. {no}'s row ({width} cells, the header has "
            f"{header_width}): cut short? A complete file ends its last row with a line break",
            Location(source, row.line),
        )
    review = _cell_text(cells, columns.get("review"))
    urls = urls_in(url_cell) + urls_in(ministry_cell)
    trailing = _TRAILING_URLS.search(review) if "http" in review else None
    if trailing:
        # A URL at the end of the review text belongs to the links (exports run them together).
        urls = urls_in(trailing.group()) + urls
        review = review[: trailing.start()].rstrip()
    ministries = ministries_in(ministry_cell) or ministries_in(url_cell)
    if not ministries:
        ministries = offices_in(ministry_cell)  # a city's report: 担当課 is the owner
    if not ministries:
        warnings.append(f"{Location(source, row.line)}: 施策No. {no} names no ministry")
    return Measure(
        no=no,
        name=_cell_text(cells, columns.get("name")),
        section=section,
        overview=_cell_text(cells, columns.get("overview")),
        target_text=_prose_cell(cells, columns.get("target")),
        status_text=_prose_cell(cells, columns.get("status")),
        review_text=review,
        urls=tuple(dict.fromkeys(urls)),
        ministries=tuple(ministries),
        line=row.line,
    )


def _title_facts(lines: tuple[str, ...]) -> tuple[str, str, int | None]:
    """Title, plan name and report fiscal year from the lines above the header."""
    report_line = next((ln for ln in lines if "実施状況" in ln), lines[0] if lines else "")
    plan_line = next((ln for ln in lines if ln != report_line), report_line)
    quoted = re.match(r"^\s*[「『](.+?)[」』]", plan_line)
    plan = quoted.group(1) if quoted else plan_line.strip()
    fiscal_year = None
    for line in ([report_line] if report_line else []) + list(lines):
        periods = [p.period for p in find_periods(line) if "年度" in p.text]
        if periods:
            start = periods[-1].start
            fiscal_year = start.year if start.month >= 4 else start.year - 1
            break
    return report_line.strip(), plan, fiscal_year


def load_document(
    path: str | Path | IO[bytes],
    encoding: str | None = None,
    source: str | None = None,
    *,
    columns: tuple[str, ...] = (),
    as_of: date | None = None,
    on_title: OnTitle | None = None,
) -> Document:
    """Read a status table (TSV/CSV/XLSX, UTF-8/CP932) into a ``Document``; ``path`` may be a
    binary stream (stdin), named ``source`` in messages.

    ``on_title(title_lines, plan)``: see ``parse_rows``; the CLI finds the rules file there,
    before the measures are read (a large table read in a stream then never holds both the
    rules' loading and every measure's text at once).

    ``columns``: ``ROLE=HEADER`` mappings (``--column``) for headers the vocabulary does not
    know. ``as_of``: the date the report stands at (``--as-of``), which a document whose title
    names no fiscal year then needs no warning for."""
    mapping = parse_column_options(columns)
    with no_cycle_collection(), column_map(mapping):
        document = parse_rows(read_rows(path, encoding, source), on_title)
    if as_of is not None:
        document = with_as_of(document, as_of)
    return document


def open_document(
    path: str | Path | IO[bytes],
    encoding: str | None = None,
    source: str | None = None,
    *,
    columns: tuple[str, ...] = (),
    as_of: date | None = None,
    on_title: OnTitle | None = None,
) -> Document | ReviewStream:
    """``load_document``, except that a 行政事業レビュー sheet is given unread, as a
    ``ReviewStream`` (its header read): its rows are read as its ``events`` are, inside its
    ``reading()``, and its ``document()`` then stands at ``as_of`` as ``load_document``'s."""
    mapping = parse_column_options(columns)
    with no_cycle_collection(), column_map(mapping):
        document = _parse_rows(read_rows(path, encoding, source), on_title, True)
    if isinstance(document, Document):
        return with_as_of(document, as_of) if as_of is not None else document
    document.mapping = mapping
    if as_of is not None:
        document.adjust = lambda d: with_as_of(d, as_of)
    return document


def with_as_of(document: Document, as_of: date) -> Document:
    """The document standing at ``as_of`` (``--as-of``): its report date, and without the
    warning that it names no fiscal year."""
    from dataclasses import replace

    warnings = tuple(w for w in document.warnings if not _is_no_year_warning(w))
    return replace(document, as_of_date=as_of, warnings=warnings)


def _is_no_year_warning(text: str) -> bool:
    return "no report fiscal year" in text

"""PDF → rows, as the text export of the same table gives them (pypdfium2, imported only here).

Two layouts are read:

- **a ruled table** (the 実施状況 table): the cells are found from the ruling lines of each
  page, their text is taken from inside each cell; the header row that every page repeats is
  kept once; a row that a page break cut in two (its second part on the next page, its
  施策No. cell empty or repeated) is one row again. Text above the table on its first page is
  the title; running headers and page numbers stand outside the table and are left there.
- **prose** (a plan's 施策No. blocks, no table): the text of every page, repaired
  (``text.pdftext``), becomes the plan table that ``rules draft`` reads (``planprose``).

Every cell is repaired by ``text.pdftext``: lines wrapped by the layout are joined, figures
joined to their units. A row's line number is its place in the rows read (title lines and
every page's header included), counted from 1.

NOTE: pypdfium2 was chosen over pdfplumber (pdfminer.six) by measuring both on the same ruled
table (``benchmarks/pdf_readers.py``): about three times the pages per second, and every
character of the cells, where pdfplumber drops those outside the fonts' Japanese character set.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from ..errors import DocumentError, Location
from ..model import Row
from ..text.normalize import drop_forbidden, normalize
from ..text.pdftext import is_page_number, repair_cell_text, repair_pdf_text

if TYPE_CHECKING:
    import pypdfium2

__all__ = ["INSTALL_HINT", "is_pdf", "pdf_rows"]

INSTALL_HINT = "reading a PDF needs the pdf extra: pip install 'kpi-tracker[pdf]'"

_THIN = 3.0  # points: a path this thin (with its stroke) is a ruling line
_SAME = 2.5  # points: two lines this close are one
_INSET = 0.5  # points taken off each side of a cell before its text is read
_STRAIGHT = 0.5  # points: a segment whose ends differ this little across is straight


def is_pdf(head: bytes) -> bool:
    """Whether the first bytes of a file are a PDF's (``%PDF-``), whatever its name."""
    return head.startswith(b"%PDF-")


_Point = tuple[float, float]
_FAR = 1e6  # points: beyond any page


@dataclass(frozen=True, slots=True)
class _Table:
    above: str  # the text above the table: a title on the first page, furniture later
    rows: tuple[tuple[str, ...], ...]  # cells as extracted, not yet repaired


def _open(data: bytes, source: str) -> pypdfium2.PdfDocument:
    try:
        import pypdfium2
    except ImportError:
        raise DocumentError(INSTALL_HINT, Location(source)) from None
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        what = (
            "the PDF is password-protected; save a copy without the password"
            if "password" in str(exc).lower()
            else "not a readable PDF (damaged or cut short?)"
        )
        raise DocumentError(what, Location(source)) from None


def _clusters(values: list[float]) -> list[float]:
    """Values within ``_SAME`` of each other as one (their mean), sorted."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= _SAME:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(group) / len(group) for group in out]


def _rulings(
    page: pypdfium2.PdfPage, rotation: int
) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Horizontal (y, x0, x1) and vertical (x, y0, y1) lines as the page is shown: thin paths
    as a whole, and the straight segments of other paths (a rectangle per cell, or one path
    for a whole grid)."""
    import pypdfium2.raw as pdfium_c

    segments: list[tuple[_Point, _Point]] = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,)):
        left, bottom, right, top = obj.get_bounds()
        width, height = right - left, top - bottom
        if width <= _THIN and height > _THIN:
            middle = (left + right) / 2
            segments.append(((middle, bottom), (middle, top)))
        elif height <= _THIN and width > _THIN:
            middle = (bottom + top) / 2
            segments.append(((left, middle), (right, middle)))
        elif width > _THIN and height > _THIN:
            segments += _segments(obj)
    horizontal: list[tuple[float, float, float]] = []
    vertical: list[tuple[float, float, float]] = []
    for start, end in segments:
        x0, y0 = _shown(rotation, *start)
        x1, y1 = _shown(rotation, *end)
        if abs(y1 - y0) <= _STRAIGHT and abs(x1 - x0) > _THIN:
            horizontal.append(((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= _STRAIGHT and abs(y1 - y0) > _THIN:
            vertical.append(((x0 + x1) / 2, min(y0, y1), max(y0, y1)))
    return horizontal, vertical


# NOTE: a landscape page is often a portrait page shown turned (``/Rotate 90``) with its
# content drawn turned back: rows and columns are found as the page is shown, and each cell's
# rectangle is turned back to ask for its text. Only the direction matters, not the origin.
def _shown(rotation: int, x: float, y: float) -> _Point:
    """A point of the page's content as the page is shown (turned clockwise by ``rotation``)."""
    return {0: (x, y), 90: (y, -x), 180: (-x, -y), 270: (-y, x)}[rotation]


def _drawn(rotation: int, x: float, y: float) -> _Point:
    """The inverse of ``_shown``."""
    return {0: (x, y), 90: (-y, x), 180: (-x, -y), 270: (y, -x)}[rotation]


def _text_in(text: Any, rotation: int, left: float, bottom: float, right: float, top: float) -> str:
    """The text inside a rectangle given as the page is shown."""
    x0, y0 = _drawn(rotation, left, bottom)
    x1, y1 = _drawn(rotation, right, top)
    return str(text.get_text_bounded(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))


def _segments(obj: Any) -> list[tuple[_Point, _Point]]:
    """The straight segments of a path object, in page coordinates (curves are left out)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    matrix = obj.get_matrix()
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[tuple[_Point, _Point]] = []
    start: _Point | None = None
    last: _Point | None = None
    for index in range(pdfium_c.FPDFPath_CountSegments(obj.raw)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, index)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point: _Point = matrix.on_point(x.value, y.value)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and last is not None:
            out.append((last, point))
        elif kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        last = point
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            out.append((point, start))
            last = start
    return out


def _table(page: pypdfium2.PdfPage, text: Any) -> _Table | None:
    """The ruled table of a page: one row per band between two horizontal lines that vertical
    lines cross, one cell per pair of neighbouring vertical lines in it."""
    rotation = page.get_rotation() % 360
    horizontal, vertical = _rulings(page, rotation)
    if len(horizontal) < 2 or len(vertical) < 2:
        return None
    rows: list[tuple[str, ...]] = []
    ys = _clusters([y for y, _, _ in horizontal])[::-1]  # top to bottom
    top_of_table: float | None = None
    for upper, lower in pairwise(ys):
        middle = (upper + lower) / 2
        xs = _clusters([x for x, y0, y1 in vertical if y0 - _SAME <= middle <= y1 + _SAME])
        if len(xs) < 2:
            continue  # a gap between two tables, or a rule under a title
        if top_of_table is None:
            top_of_table = upper
        rows.append(
            tuple(
                _text_in(
                    text, rotation, left + _INSET, lower + _INSET, right - _INSET, upper - _INSET
                ).strip()
                for left, right in pairwise(xs)
            )
        )
    if top_of_table is None or not any(any(cells) for cells in rows):
        return None  # a frame or a box with no text in it is no table
    above = _text_in(text, rotation, -_FAR, top_of_table + _INSET, _FAR, _FAR)
    return _Table(above, tuple(rows))


def _prose_text(text: Any) -> str:
    """A page's text, one line per printed line, with an empty line after each line that
    stops short of the right margin: a paragraph (or a heading) ends there, whatever its
    last character. NOTE: ``repair_pdf_text`` joins the other lines by their words only."""
    lines: list[tuple[float, float, float, list[str]]] = []  # top, bottom, right, texts
    for index in range(text.count_rects()):
        left, bottom, right, top = text.get_rect(index)
        piece = text.get_text_bounded(left, bottom, right, top).strip()
        if not piece:
            continue
        middle = (top + bottom) / 2
        same = next((ln for ln in lines if ln[1] <= middle <= ln[0]), None)
        if same is None:
            lines.append((top, bottom, right, [piece]))
        else:
            lines[lines.index(same)] = (same[0], same[1], max(same[2], right), [*same[3], piece])
    if not lines:
        return ""
    margin = max(right for _, _, right, _ in lines)
    out: list[str] = []
    for top, bottom, right, pieces in lines:
        out.append("".join(pieces))
        if right < margin - 1.5 * (top - bottom):
            out.append("")
    return "\n".join(out)


def _key(cells: tuple[str, ...]) -> str:
    return "".join(normalize("".join(cells)).split())


def _page_lines(text: str) -> list[str]:
    return [ln for ln in text.replace("\r\n", "\n").split("\n") if ln.strip()]


def pdf_rows(data: bytes, source: str) -> Iterator[Row]:
    """The rows of a PDF: its ruled table's, or the plan table made of its prose."""
    pdf = _open(data, source)  # first: it says how to install pypdfium2 when it is missing
    import pypdfium2

    tables: list[_Table | None] = []
    texts: list[str] = []
    index = 0
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            text = page.get_textpage()
            _check_decodable(page, text, index, source)
            table = _table(page, text)
            tables.append(table)
            if table is None:
                texts.append(_prose_text(text))
            else:
                texts.append(table.above)
    except pypdfium2.PdfiumError as exc:
        # a page the file's own structure cannot give (a damaged or cut file): said, not guessed
        raise DocumentError(
            f"page {index + 1} of the PDF cannot be read ({exc})", Location(source)
        ) from None
    finally:
        pdf.close()
    if not any(t.strip() for t in texts) and not any(tables):
        raise DocumentError(
            "the PDF has no text (a scanned image?); kpi-tracker reads text, not images",
            Location(source),
        )
    from .planprose import is_prose_plan, prose_rows

    if any(t is not None for t in tables):
        if any(_is_header(t.rows[0]) for t in tables if t is not None):
            return _table_rows(tables, texts)
        # NOTE: a plan's prose may hold a ruled figure (a schedule, a chart's legend): its
        # tables are not the document's when none of them has a header and the text is a plan.
        prose = _all_text(data, source)
        if is_prose_plan(prose):
            return prose_rows(repair_pdf_text(prose), source)
        return _table_rows(tables, texts)
    return prose_rows(repair_pdf_text("\f".join(texts)), source)


def _check_decodable(page: pypdfium2.PdfPage, text: Any, index: int, source: str) -> None:
    """A ``DocumentError`` when a piece of the page's text cannot be decoded: its font is not
    embedded in the PDF and this machine has no font to read it with (pdfium then gives no
    character for it — a lost 発 or 7 would change a name or a figure, so it is said, not
    skipped)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT], max_depth=2):
        size = pdfium_c.FPDFTextObj_GetText(obj.raw, text.raw, None, 0)
        if size > 2:  # the terminator alone is 2 bytes (UTF-16)
            continue
        font = pdfium_c.FPDFTextObj_GetFont(obj.raw)
        if not font or pdfium_c.FPDFFont_GetIsEmbedded(font):
            continue
        length = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
        name = ctypes.create_string_buffer(max(length, 1))
        pdfium_c.FPDFFont_GetBaseFontName(font, name, length)
        raise DocumentError(
            f"page {index + 1}: text in the font {name.value.decode('latin-1') or '?'}, not "
            "embedded in the PDF, cannot be decoded on this machine: install a Japanese font "
            "(e.g. Debian's fonts-noto-cjk) and read it again",
            Location(source),
        )


def _is_header(cells: tuple[str, ...]) -> bool:
    """A status table's header, a plan table's, or a structured sheet's."""
    from .columns import _header_map
    from .sheets.vocab import sheet_layout

    flat = tuple(" ".join(c.split()) for c in cells)
    return _header_map(flat, ("no", "target")) is not None or sheet_layout(flat) is not None


def _all_text(data: bytes, source: str) -> str:
    """Every page's text as prose, tables and all; pages marked by form feeds."""
    pdf = _open(data, source)
    try:
        return "\f".join(_prose_text(pdf[i].get_textpage()) for i in range(len(pdf)))
    finally:
        pdf.close()


def _table_rows(tables: list[_Table | None], texts: list[str]) -> Iterator[Row]:
    number = 0
    first = next(i for i, t in enumerate(tables) if t is not None)
    for index in range(first + 1):
        for line in _page_lines(texts[index]):
            if not is_page_number(line):
                number += 1
                yield Row(number, (drop_forbidden(line.strip()),))
    header: str | None = None
    pending: tuple[str, ...] | None = None  # the last row read: the next page may continue it
    for table in tables:
        if table is None:
            continue
        rows = list(table.rows)
        if header is None:
            header = _key(rows[0])
        elif rows and _key(rows[0]) == header:
            rows = rows[1:]  # the header repeated on a new page
        if rows and pending is not None and _continues(pending, rows[0]):
            rows[0] = tuple(
                a + "\n" + b if b else a for a, b in zip(pending, ("", *rows[0][1:]), strict=True)
            )
            pending = None
        for cells in rows:
            if pending is not None:
                number += 1
                yield _row(number, pending)
            pending = cells
    if pending is not None:
        yield _row(number + 1, pending)


def _continues(before: tuple[str, ...], after: tuple[str, ...]) -> bool:
    """Whether the first row of a page is the rest of the last row of the page before: the
    same cells, its first cell empty or the same (a 施策No. repeated), the rest not empty."""
    if len(before) != len(after) or len(after) < 2 or not before[0].strip():
        return False
    first = after[0].strip()
    return (not first or first == before[0].strip()) and any(c.strip() for c in after[1:])


def _row(number: int, cells: tuple[str, ...]) -> Row:
    return Row(number, tuple(drop_forbidden(repair_cell_text(c)) for c in cells))

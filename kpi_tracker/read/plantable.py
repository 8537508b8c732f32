"""A plan's own table of measures (施策No., 目標及び達成の期間; no status column) → ``Document``.

Plans are published as PDF; a table exported from one keeps the page furniture: page numbers
(``- 12 -``) and the running title as rows of their own or run into cells, and a cell broken
by a page continues on a row without a 施策No. This reader drops the furniture (never reading
it as a target), joins the continued cells, and yields measures whose status text is empty,
so that ``rules draft`` can draft a plan's rules before any status report exists. A plan's
prose (施策No. blocks, from its PDF or pasted from it) is first made into such a table
(``planprose``).
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import IO

from ..errors import DocumentError, Location
from ..model import Document, Measure, RawDocument, Row, no_cycle_collection
from ..text.furniture import strip_furniture
from ..text.normalize import normalize, strip_html
from .columns import _header_map
from .document import (
    _NUMBER_CELL,
    _cell_text,
    _enter_heading,
    _first_time,
    _heading_level,
    _title_facts,
    _title_lines,
    load_document,
    parse_rows,
)
from .rows import MAX_BYTES, STDIN, read_rows

__all__ = ["load_plan_table", "load_targets_document"]

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-−‐―]\s*[0-9]{1,3}\s*[-−‐―]|[0-9]{1,3}\s*/\s*[0-9]{1,3}|p\.?\s*[0-9]{1,3})\s*$"
)
_NO_HEADER = "no header row"


def load_targets_document(path: str | Path | IO[bytes], encoding: str | None = None) -> Document:
    """A status report, or else a plan's own table of measures: whatever has a target column.

    ``path`` may be a binary stream (stdin): it is read once, and both readers see its bytes.
    """
    if not isinstance(path, str | Path):
        data = path.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise DocumentError(f"input larger than {MAX_BYTES:,} bytes", Location(STDIN))
        if data.startswith(b"%PDF-"):
            return _targets_of_pdf(read_rows(io.BytesIO(data), encoding, STDIN))
        try:
            return load_document(io.BytesIO(data), encoding, STDIN)
        except DocumentError as exc:
            if not exc.what.startswith(_NO_HEADER):
                raise
        return load_plan_table(io.BytesIO(data), encoding)
    if _starts_a_pdf(Path(path)):
        return _targets_of_pdf(read_rows(path, encoding))
    try:
        return load_document(path, encoding)
    except DocumentError as exc:
        if not exc.what.startswith(_NO_HEADER):
            raise
    return load_plan_table(path, encoding)


def _starts_a_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(5) == b"%PDF-"
    except OSError:
        return False  # the reader says why


def _targets_of_pdf(raw: RawDocument) -> Document:
    """A PDF's status table, or else its plan table, from one reading of its pages."""
    rows = list(raw.rows)
    try:
        with no_cycle_collection():
            return parse_rows(replace(raw, rows=iter(rows)))
    except DocumentError as exc:
        if not exc.what.startswith(_NO_HEADER):
            raise
    return _plan_table(replace(raw, rows=iter(rows)))


def load_plan_table(path: str | Path | IO[bytes], encoding: str | None = None) -> Document:
    return _plan_table(read_rows(path, encoding, None if isinstance(path, str | Path) else STDIN))


def _plan_table(raw: RawDocument) -> Document:
    source = raw.source
    rows = list(raw.rows)
    # NOTE: rows read from a PDF, or made of a plan's prose, are free of page furniture
    # already (text.pdftext): a heading that comes back (⑤関連施策 under two parents) stays.
    repaired = raw.encoding == "pdf"
    if not repaired and not any(_header_map(r.cells, ("no", "target")) for r in rows):
        rows, repaired = _prose_plan_rows(rows, source)
    columns = None
    header_at = 0
    for index, row in enumerate(rows):
        columns = _header_map(row.cells, required=("no", "target"))
        if columns is not None:
            header_at = index
            break
    if columns is None:
        raise DocumentError(
            "no header row with the columns 施策No. and 目標及び達成の期間", Location(source)
        )
    title_lines = _title_lines(rows[:header_at])
    body = rows[header_at + 1 :]
    # NOTE: a running title is a line the export repeats on every page: a one-cell row seen
    # twice or more, or one of the title lines above the header.
    singles = Counter(
        normalize(" ".join(c for c in row.cells if c.strip())).strip()
        for row in body
        if sum(1 for c in row.cells if c.strip()) == 1
    )
    running = (
        ()
        if repaired
        else tuple(
            sorted(
                {t for t, n in singles.items() if n >= 2} | {normalize(t) for t in title_lines},
                key=len,
                reverse=True,
            )
        )
    )
    measures: list[Measure] = []
    seen: dict[int, int] = {}
    section: list[str] = []
    levels: list[int] = []
    no_index = columns["no"]
    for row in body:
        cells = row.cells
        filled = [c for c in cells if c.strip()]
        if not filled:
            continue
        text = normalize(" ".join(strip_html(c) for c in filled)).strip()
        number_cell = normalize(strip_html(cells[no_index])) if no_index < len(cells) else ""
        number = _NUMBER_CELL.match(number_cell)
        if len(filled) == 1 and (_PAGE_NUMBER.match(text) or text in running or number):
            continue  # page furniture: a page number or the running title
        if number is None:
            level = _heading_level(text)
            if level is not None and len(filled) == 1:
                _enter_heading(section, levels, level, text)
                continue
            if _header_map(cells, required=("no", "target")) is not None:
                continue  # the header repeated on a new page
            if not number_cell.strip() and measures:
                measures[-1] = _continued(measures[-1], cells, columns, running)
                continue
            raise DocumentError(
                f"not a measure row, heading, page number or running title: {text[:40]!r}",
                Location(source, row.line),
            )
        no = _first_time(int(number.group(1)), seen, source, row.line)
        measures.append(
            Measure(
                no=no,
                name=_clean(cells, columns.get("name"), running),
                section=tuple(section),
                overview=_clean(cells, columns.get("overview"), running),
                target_text=_clean(cells, columns.get("target"), running),
                status_text="",
                review_text="",
                urls=(),
                ministries=(),
                line=row.line,
            )
        )
    if not measures:
        raise DocumentError("the table has a header but no measure rows", Location(source))
    title, plan, _ = _title_facts(title_lines)
    return Document(
        source=source,
        sha256=raw.sha256,
        encoding=raw.encoding,
        title=title,
        plan=plan,
        title_lines=title_lines,
        fiscal_year=None,
        measures=tuple(measures),
    )


def _prose_plan_rows(rows: list[Row], source: str) -> tuple[list[Row], bool]:
    """A plan's prose pasted from its PDF (施策No. blocks) as the rows of its plan table;
    other rows as they are; and whether they were made. NOTE: the line numbers become those
    of the repaired text."""
    from ..text.pdftext import repair_pdf_text
    from .planprose import is_prose_plan, prose_rows

    text = "\n".join("\t".join(r.cells) for r in rows)
    if not is_prose_plan(text):
        return rows, False
    return list(prose_rows(repair_pdf_text(text), source)), True


def _clean(cells: tuple[str, ...], index: int | None, running: tuple[str, ...]) -> str:
    return strip_furniture(_cell_text(cells, index), running)


def _continued(
    measure: Measure, cells: tuple[str, ...], columns: dict[str, int], running: tuple[str, ...]
) -> Measure:
    """A cell broken by a page break: its rest, on a row without a 施策No., joins it."""

    def joined(before: str, column: str) -> str:
        more = _clean(cells, columns.get(column), running)
        return before + more if more else before

    return replace(
        measure,
        name=joined(measure.name, "name"),
        overview=joined(measure.overview, "overview"),
        target_text=joined(measure.target_text, "target"),
    )

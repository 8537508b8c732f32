"""PDFs for the tests, written with reportlab's built-in Japanese CID fonts (no font files).

Two layouts, as offices publish them:

- ``ruled_table_pdf``: a ruled table on landscape A4 (the 実施状況 table): title lines above
  the table on the first page, the header row repeated on every page, a running header and a
  page number (``- 3 -``) outside the table, section rows as one merged cell, and rows taller
  than what is left of a page continued on the next one (their 施策No. cell left empty, or
  repeated with ``repeat_no``).
- ``prose_pdf``: a plan's prose on portrait A4, wrapped at the text width, with a running
  header and page numbers.

``spaced=True`` writes a space between a figure and its unit, as text extracted from many
published PDFs has it (``45 万件``, ``令和 8 年``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

GOTHIC = "HeiseiKakuGo-W5"
MINCHO = "HeiseiMin-W3"
for _font in (GOTHIC, MINCHO):
    pdfmetrics.registerFont(UnicodeCIDFont(_font))

_SPACED = re.compile(r"(?<=[0-9０-９])(?=[万人件名回以箇か団年月日%％])|(?<=令和)(?=[0-9０-９])")


def spaced(text: str) -> str:
    """A space between a figure and its unit, and after an era name."""
    return _SPACED.sub(" ", text)


def wrap(text: str, width: float, font: str, size: float) -> list[str]:
    """Lines of at most ``width`` points: Japanese breaks between any two characters, a Latin
    word (a run without spaces) only when it is longer than a line (a URL)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        tokens = re.findall(r"[\x21-\x7e]+|\s|.", paragraph)
        line = ""
        for token in tokens:
            if pdfmetrics.stringWidth(line + token, font, size) <= width:
                line += token
                continue
            if token.isspace():
                lines.append(line)
                line = ""
                continue
            if line.strip():
                lines.append(line.rstrip())
                line = ""
            for ch in token:  # a token longer than the line: broken anywhere
                if pdfmetrics.stringWidth(line + ch, font, size) > width and line:
                    lines.append(line)
                    line = ""
                line += ch
        lines.append(line.rstrip())
    return lines


def ruled_table_pdf(
    path: Path,
    title_lines: Sequence[str],
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    running: str = "",
    font: str = GOTHIC,
    size: float = 7.0,
    repeat_no: bool = False,
    spaced_figures: bool = False,
    grid: str = "lines",
    rotated: bool = False,
) -> int:
    """Write the table; a row of one cell is a section row across the table. Returns the
    number of pages. ``grid`` says how the rules are drawn, as PDF writers differ: ``lines``
    (one path per line), ``path`` (one path for all the lines of a row), ``rects`` (a
    rectangle per cell). ``rotated``: a portrait page shown turned by ``/Rotate 90``, its
    content drawn turned the other way, as some writers make landscape pages."""
    page_w, page_h = landscape(A4)
    margin = 28.0
    leading = size * 1.25
    pad = 2.0
    scale = (page_w - 2 * margin) / sum(widths)
    cols = [w * scale for w in widths]
    xs = [margin]
    for w in cols:
        xs.append(xs[-1] + w)
    c = canvas.Canvas(str(path), pagesize=(page_w, page_h))

    def turn() -> None:
        if rotated:
            c.setPageRotation(90)
            c.saveState()
            c.transform(0, 1, -1, 0, page_h, 0)  # landscape (X, Y) → portrait (h - Y, X)

    def show() -> None:
        if rotated:
            c.restoreState()
        c.showPage()

    turn()
    c.setTitle(title_lines[0] if title_lines else "table")
    pages = 1

    def cell_lines(cells: Sequence[str], spans: bool) -> list[list[str]]:
        if spans:
            return [wrap(cells[0], xs[-1] - xs[0] - 2 * pad, font, size)]
        out = []
        for i, w in enumerate(cols):
            text = cells[i] if i < len(cells) else ""
            if spaced_figures:
                text = spaced(text)
            out.append(wrap(text, w - 2 * pad, font, size) if text else [])
        return out

    def draw_row(top: float, lines: list[list[str]], spans: bool, shade: bool = False) -> float:
        height = max(1, max(len(ls) for ls in lines)) * leading + 2 * pad
        bottom = top - height
        if shade:
            c.setFillGray(0.85)
            c.rect(xs[0], bottom, xs[-1] - xs[0], height, stroke=1, fill=1)
            c.setFillGray(0)
        edges = [xs[0], xs[-1]] if spans else xs
        if grid == "rects":
            for left, right in pairwise(edges):
                c.rect(left, bottom, right - left, height)
        elif grid == "path":
            path = c.beginPath()
            for y in (top, bottom):
                path.moveTo(xs[0], y)
                path.lineTo(xs[-1], y)
            for x in edges:
                path.moveTo(x, top)
                path.lineTo(x, bottom)
            c.drawPath(path)
        else:
            c.line(xs[0], top, xs[-1], top)
            c.line(xs[0], bottom, xs[-1], bottom)
            for x in edges:
                c.line(x, top, x, bottom)
        c.setFont(font, size)
        for i, ls in enumerate(lines):
            x = xs[i] + pad
            for j, text in enumerate(ls):
                c.drawString(x, top - pad - size - j * leading, text)
        return bottom

    def new_page(first: bool) -> float:
        nonlocal pages
        if not first:
            c.drawCentredString(page_w / 2, 14, f"- {pages} -")
            show()
            turn()
            pages += 1
        c.setFont(font, size + 1)
        top = page_h - margin
        if first:
            for line in title_lines:
                c.drawString(margin, top - size - 1, line)
                top -= leading + 3
        elif running:
            c.drawRightString(page_w - margin, page_h - 18, running)
        return draw_row(top - 4, cell_lines(header, False), False, shade=True)

    y = new_page(True)
    bottom_limit = margin
    for cells in rows:
        spans = len([x for x in cells if x.strip()]) == 1 and len(cells) == 1
        lines = cell_lines(cells, spans)
        first_part = True
        while True:
            room = int((y - bottom_limit - 2 * pad) // leading)
            need = max(1, max(len(ls) for ls in lines))
            if need <= room:
                y = draw_row(y, lines, spans)
                break
            if room < 3 or spans:  # too little room to start the row here
                y = new_page(False)
                continue
            head = [ls[:room] for ls in lines]
            lines = [ls[room:] for ls in lines]
            y = draw_row(y, head, spans)
            y = new_page(False)
            if not repeat_no and first_part:
                lines[0] = []  # the 施策No. cell is empty on the continued part
            elif repeat_no and not lines[0]:
                lines[0] = head[0][:1]
            first_part = False
    c.drawCentredString(page_w / 2, 14, f"- {pages} -")
    show()
    c.save()
    return pages


def prose_pdf(
    path: Path,
    lines: Sequence[str],
    *,
    running: str = "",
    font: str = MINCHO,
    size: float = 10.5,
    spaced_figures: bool = False,
) -> int:
    """Write text lines as a portrait page flow (each wrapped); returns the number of pages."""
    page_w, page_h = A4
    margin = 56.0
    leading = size * 1.6
    c = canvas.Canvas(str(path), pagesize=A4)
    pages = 1
    y = page_h - margin

    def furniture() -> None:
        c.setFont(font, 9)
        if running:
            c.drawRightString(page_w - margin, page_h - 30, running)
        c.drawCentredString(page_w / 2, 28, f"- {pages} -")

    furniture()
    c.setFont(font, size)
    for text in lines:
        text = spaced(text) if spaced_figures else text
        for line in wrap(text, page_w - 2 * margin, font, size) if text else [""]:
            if y < margin + leading:
                c.showPage()
                pages += 1
                furniture()
                c.setFont(font, size)
                y = page_h - margin
            c.drawString(margin, y, line)
            y -= leading
    c.showPage()
    c.save()
    return pages


def _japanese_font_here() -> bool:
    """Whether pdfium on this machine decodes reportlab's Japanese CID fonts (they are not
    embedded: without a Japanese font installed, a piece of one character comes back empty,
    and the reader then refuses the PDF, as it should)."""
    import tempfile

    import pypdfium2

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "probe.pdf"
        c = canvas.Canvas(str(path))
        c.setFont(GOTHIC, 12)
        c.drawString(50, 700, "発")
        c.save()
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            return "発" in pdf[0].get_textpage().get_text_range()
        finally:
            pdf.close()


JAPANESE_FONT = _japanese_font_here()
NO_FONT_REASON = (
    "this machine has no Japanese font for the test PDFs' non-embedded CID fonts "
    "(install e.g. Debian's fonts-noto-cjk, as .ci/run does)"
)

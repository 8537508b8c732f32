"""The reference document rendered to a ruled-table PDF reads and scores as its text export.

The PDF is written here (tests/pdfmaker.py): landscape A4, the header on every page, rows
continued across pages with their 施策No. cell left empty, section rows as one merged cell,
the running header and page numbers outside the table. The HTML fragments of the export are
rendered as the paragraphs they stand for.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kpi_tracker.cli import cli
from kpi_tracker.read.columns import is_header_row
from kpi_tracker.read.document import load_document
from kpi_tracker.read.rows import read_rows
from kpi_tracker.text.normalize import strip_html

from .pdfmaker import JAPANESE_FONT, NO_FONT_REASON, ruled_table_pdf

# (the reader refuses text it cannot decode: see test_pdf_fonts.py)
pytestmark = pytest.mark.skipif(not JAPANESE_FONT, reason=NO_FONT_REASON)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kodoku_koritsu_jisshi_jokyo_r7.txt"
WIDTHS = (4, 10, 16, 16, 22, 16, 10, 6)  # 施策No. … 担当府省庁, relative


def seed_pdf(path: Path, *, repeat_no: bool = False) -> int:
    """The seed's table as a ruled-table PDF; returns its number of pages."""
    rows = list(read_rows(SEED).rows)
    at = next(i for i, r in enumerate(rows) if is_header_row(r.cells))
    titles = [" ".join(c for c in r.cells if c.strip()).strip() for r in rows[:at]]
    body: list[tuple[str, ...]] = []
    for row in rows[at + 1 :]:
        filled = [c for c in row.cells if c.strip()]
        if not filled or all(set(c.strip()) <= set("-ー=") for c in filled):
            continue  # blank and separator lines of the export
        if len(filled) == 1 and not row.cells[0].strip().isdigit():
            body.append((strip_html(filled[0]),))  # a section row
            continue
        body.append(tuple(strip_html(c) for c in row.cells))
    return ruled_table_pdf(
        path,
        [t for t in titles if t],
        rows[at].cells,
        body,
        WIDTHS,
        running="孤独・孤立対策 実施状況",
        repeat_no=repeat_no,
    )


@pytest.fixture(scope="module")
def seed_as_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "jisshi_jokyo.pdf"
    pages = seed_pdf(path)
    assert pages > 20  # many rows are continued on the next page
    return path


def _scorecard(path: Path) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(cli, ["scorecard", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_pdf_scores_as_the_text_export(seed_as_pdf: Path) -> None:
    text, pdf = _scorecard(SEED), _scorecard(seed_as_pdf)
    assert pdf["summary"] == text["summary"]
    got = {i["id"]: (i["status"], i["actual"], i["target"]) for i in pdf["indicators"]}
    want = {i["id"]: (i["status"], i["actual"], i["target"]) for i in text["indicators"]}
    assert got == want
    assert [m["status"] for m in pdf["measures"]] == [m["status"] for m in text["measures"]]


def _flat(value: object) -> str:
    return "".join(str(value).split())


def test_every_measure_reads_as_in_the_text_export(seed_as_pdf: Path) -> None:
    text, pdf = load_document(SEED), load_document(seed_as_pdf)
    assert pdf.title == text.title and pdf.plan == text.plan
    assert pdf.fiscal_year == text.fiscal_year == 2025
    assert [m.no for m in pdf.measures] == [m.no for m in text.measures]
    fields = ("name", "section", "overview", "target_text", "status_text", "review_text")
    differ = [
        (a.no, f)
        for a, b in zip(text.measures, pdf.measures, strict=True)
        for f in fields
        if _flat(getattr(a, f)) != _flat(getattr(b, f))
    ]
    assert differ == []
    assert [m.ministries for m in pdf.measures] == [m.ministries for m in text.measures]
    urls = sum(a.urls == b.urls for a, b in zip(text.measures, pdf.measures, strict=True))
    assert urls >= 140  # NOTE: a URL the export cut at a space is whole in the PDF


def test_a_repeated_number_on_the_continued_part_is_one_row(tmp_path: Path) -> None:
    path = tmp_path / "repeated.pdf"
    seed_pdf(path, repeat_no=True)
    pdf = load_document(path)
    assert len(pdf.measures) == 143

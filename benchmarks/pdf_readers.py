"""pypdfium2 against pdfplumber (pdfminer.six) on the seed rendered as a ruled-table PDF.

    python -m pip install -e '.[test]' pdfplumber
    python benchmarks/pdf_readers.py [--repeat N]

Both read the same PDF (landscape A4, the header on every page, rows continued across pages,
written by tests/pdfmaker.py); their cells go through the same joining and repair
(``kpi_tracker.read.pdf``). Printed per library: pages per second (best of N, the whole
extraction of every page) and how many of the 143 measures come out with every field equal to
the text export's (normalised, spaces and line breaks aside), and how many of the Japanese
characters of the target and status cells come out.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kpi_tracker.model import RawDocument  # noqa: E402
from kpi_tracker.read import pdf as reader  # noqa: E402
from kpi_tracker.read.document import load_document, parse_rows  # noqa: E402
from kpi_tracker.text.normalize import normalize  # noqa: E402
from tests.test_pdf_seed import SEED, seed_pdf  # noqa: E402

FIELDS = ("name", "section", "overview", "target_text", "status_text", "review_text", "urls")


def pdfium_tables(data: bytes) -> tuple[list[reader._Table | None], list[str]]:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    tables, texts = [], []
    for index in range(len(pdf)):
        page = pdf[index]
        text = page.get_textpage()
        table = reader._table(page, text)
        tables.append(table)
        texts.append(table.above if table else text.get_text_range())
    pdf.close()
    return tables, texts


def plumber_tables(data: bytes) -> tuple[list[reader._Table | None], list[str]]:
    import io

    import pdfplumber

    tables: list[reader._Table | None] = []
    texts: list[str] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            found = page.find_tables()
            if not found:
                tables.append(None)
                texts.append(page.extract_text() or "")
                continue
            table = found[0]
            rows = tuple(tuple(c or "" for c in row) for row in table.extract())
            top = table.bbox[1]
            above = page.crop((0, 0, page.width, top)).extract_text() or ""
            tables.append(reader._Table(above, rows))
            texts.append(above)
    return tables, texts


def _flat(value: object) -> str:
    """As the tool compares text: normalised (～ and 〜 are one), spaces and breaks aside."""
    return "".join(normalize(str(value)).split())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    expected = load_document(SEED)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "seed.pdf"
        pages = seed_pdf(path)
        data = path.read_bytes()
    print(f"seed as a ruled-table PDF: {pages} pages, {len(data):,} bytes")
    print("| library | pages/s | measures equal to the text export | CJK characters read |")
    print("|---|---|---|---|")
    for name, extract in (("pypdfium2", pdfium_tables), ("pdfplumber", plumber_tables)):
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            tables, texts = extract(data)
            best = min(best, time.perf_counter() - start)
        rows = reader._table_rows(tables, texts)
        document = parse_rows(RawDocument(name, "", "pdf", rows))
        same = sum(
            all(_flat(getattr(a, f)) == _flat(getattr(b, f)) for f in FIELDS)
            for a, b in zip(expected.measures, document.measures, strict=False)
        )
        cjk = sum(
            1
            for m in document.measures
            for ch in m.status_text + m.target_text
            if "\u3040" <= ch <= "\u9fff"
        )
        want = sum(
            1
            for m in expected.measures
            for ch in m.status_text + m.target_text
            if "\u3040" <= ch <= "\u9fff"
        )
        print(f"| {name} | {pages / best:.1f} | {same}/{len(expected.measures)} | {cjk}/{want} |")


if __name__ == "__main__":
    main()

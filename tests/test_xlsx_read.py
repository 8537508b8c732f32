"""Excel internals (issue 22: D15, D16, D18, D19, D28): what an exporter or an attacker puts in
an .xlsx is read as Excel shows it, or refused in one line. Each test failed before the fix."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from kpi_tracker.cli import cli
from kpi_tracker.errors import DocumentError
from kpi_tracker.read import xlsx
from kpi_tracker.read.document import load_document

from .helpers import SEED

TEXT = SEED.read_text(encoding="utf-8").replace("发", "発")


def _cells(line: str) -> list[object]:
    return [int(c) if c.strip().isdigit() else c for c in line.split("\t")]


def _book(lines: list[str] | None = None) -> object:
    from openpyxl import Workbook

    book = Workbook()
    for line in lines if lines is not None else TEXT.split("\n"):
        book.active.append(_cells(line))
    return book


def _save(book: object, path: Path) -> Path:
    book.save(path)  # type: ignore[attr-defined]
    return path


def _rewrite(path: Path, part: str, edit: object) -> None:
    """Rewrite one part of the zip with ``edit(bytes) -> bytes``."""
    old = zipfile.ZipFile(path)
    items = [(i, old.read(i.filename)) for i in old.infolist()]
    old.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info, data in items:
            new.writestr(info, edit(data) if info.filename == part else data)  # type: ignore[operator]


SHEET1 = "xl/worksheets/sheet1.xml"


# D18: a <dimension> smaller than the data: the rows past it are read all the same.
@pytest.mark.parametrize("ref", ["A1:B3", "A1", "A1:H20"])
def test_dimension_smaller_than_the_data(tmp_path: Path, ref: str) -> None:
    path = _save(_book(), tmp_path / "dim.xlsx")
    _rewrite(
        path,
        SHEET1,
        lambda d: re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), d),
    )
    assert f'<dimension ref="{ref}"'.encode() in zipfile.ZipFile(path).read(SHEET1)
    document = load_document(path)
    assert len(document.measures) == 143
    assert document.measures[-1].ministries  # the last column is read too


# D15: a hidden sheet is never scored; the visible, active one is.
def test_hidden_first_sheet_is_not_read(tmp_path: Path) -> None:
    book = _book()
    hidden = book.active  # type: ignore[attr-defined]
    hidden.title = "old"
    hidden.sheet_state = "hidden"
    lines = TEXT.split("\n")
    header = next(i for i, line in enumerate(lines) if line.startswith("施策No."))
    shown = book.create_sheet("最新")  # type: ignore[attr-defined]
    for line in lines[: header + 20]:  # a shorter table: which sheet was read is plain
        shown.append(_cells(line))
    book.active = 1  # type: ignore[attr-defined]
    path = _save(book, tmp_path / "hidden.xlsx")
    document = load_document(path)
    assert len(document.measures) < 143
    assert len(document.measures) > 0


def test_active_sheet_first_among_visible(tmp_path: Path) -> None:
    book = _book()
    lines = TEXT.split("\n")
    header = next(i for i, line in enumerate(lines) if line.startswith("施策No."))
    other = book.create_sheet("抜粋")  # type: ignore[attr-defined]
    for line in lines[: header + 20]:
        other.append(_cells(line))
    book.active = 1  # type: ignore[attr-defined]
    path = _save(book, tmp_path / "active.xlsx")
    assert len(load_document(path).measures) < 143  # the sheet Excel opens on


# D16: a formula whose value was never saved is said, not read as blank.
def test_formula_without_a_saved_value(tmp_path: Path) -> None:
    book = _book()
    sheet = book.active  # type: ignore[attr-defined]
    sheet["E20"] = "=SUM(1,2)"
    sheet["E21"] = "=E20*2"
    path = _save(book, tmp_path / "formula.xlsx")
    with pytest.raises(DocumentError) as info:
        list(load_document(path).measures)
    assert str(info.value) == (
        f"{path}: sheet 'Sheet': cell E20 and 1 more holds a formula whose value was never "
        "computed and saved; open and save the file in Excel (or LibreOffice) so that its "
        "values are stored"
    )


@pytest.mark.parametrize(
    "cell, expected",
    [
        (b'<c r="A1"><f>1+1</f><v>2</v></c>', []),  # Excel saved its value
        (b'<c r="A1" t="str"><f>""</f><v></v></c>', []),  # a saved empty text
        (b'<c r="A1"><f>1+1</f><v /></c>', ["A1"]),  # openpyxl's: no value
        (b'<c r="B7" s="1"><f>1+1</f></c>', ["B7"]),
        (b'<x:c r="C3"><x:f t="shared" si="0"/></x:c>', ["C3"]),  # a prefixed namespace
        (b'<c r="A1" t="inlineStr"><is><t>=1+1</t></is></c>', []),  # text, not a formula
    ],
)
def test_unsaved_formulas(cell: bytes, expected: list[str]) -> None:
    assert xlsx._unsaved_formulas(b"<sheetData><row>" + cell + b"</row></sheetData>") == expected


# D19: malformed sheet XML and a DTD (billion laughs) are one line, never a traceback.
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


def _no_declaration(xml: bytes) -> bytes:
    return re.sub(rb"^<\?xml[^>]*\?>", b"", xml)


@pytest.mark.parametrize(
    "part, edit, message",
    [
        (
            SHEET1,
            lambda d: d.replace(b"</sheetData>", b"<row><c></sheetData>"),
            "not a readable .xlsx file (ParseError: mismatched tag: line 1, column ",
        ),
        (
            SHEET1,
            lambda d: LAUGHS + _no_declaration(d).replace(b"<sheetData>", b"<sheetData>&lol3;"),
            "not a readable .xlsx file (xl/worksheets/sheet1.xml declares a DTD, which no "
            "spreadsheet writes: refused)",
        ),
        (
            "xl/workbook.xml",
            lambda d: LAUGHS + _no_declaration(d),
            "not a readable .xlsx file (xl/workbook.xml declares a DTD, which no spreadsheet "
            "writes: refused)",
        ),
        (
            "xl/workbook.xml",
            lambda d: d[: len(d) // 2],
            "not a readable .xlsx file (",
        ),
    ],
)
def test_broken_xml_is_one_line(tmp_path: Path, part: str, edit: object, message: str) -> None:
    path = _save(_book(TEXT.split("\n")[:30]), tmp_path / "broken.xlsx")
    _rewrite(path, part, edit)
    result = CliRunner().invoke(cli, ["scorecard", str(path), "--format", "json"])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"kpi-tracker: error: {path}"), lines[0]
    assert message in lines[0], lines[0]


# D28: the decompressed size and a cell's length are capped, as for text input.
def test_decompressed_size_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _save(_book(), tmp_path / "big.xlsx")
    monkeypatch.setattr(xlsx, "MAX_XML", 100_000)  # the seed's sheet XML is larger
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert str(info.value) == (
        f"{path}: decompresses to more than 100,000 bytes; a table is expected to be under 100,000"
    )


def test_a_bomb_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = _save(_book(TEXT.split("\n")[:30]), tmp_path / "bomb.xlsx")
    # 300 MB of spaces in one part: compresses to ~300 KB.
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z,
        z.open("xl/padding.xml", "w", force_zip64=True) as f,
    ):
        for _ in range(300):
            f.write(b" " * (1 << 20))
    assert path.stat().st_size < 2_000_000
    with pytest.raises(DocumentError, match="decompresses to more than 268,435,456 bytes"):
        load_document(path)


def test_cell_length_is_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = TEXT.split("\n")[:30]
    book = _book(lines)
    book.active["C25"] = "x" * 5000  # type: ignore[attr-defined]
    path = _save(book, tmp_path / "long.xlsx")
    monkeypatch.setattr(xlsx, "MAX_LINE", 4096)
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert str(info.value) == f"{path}:25: a cell longer than 4,096 characters: not a status table"


def test_xlsx_bytes_on_stdin(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    _book().save(buffer)  # type: ignore[attr-defined]
    result = CliRunner().invoke(cli, ["measures", "-", "--format", "json"], input=buffer.getvalue())
    assert result.exit_code == 0, result.stderr


def test_one_huge_cell_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    # 40 MB of one cell's text in a sheet: a file of ~40 KB; refused while it is decompressed.
    path = _save(_book(TEXT.split("\n")[:30]), tmp_path / "cell.xlsx")
    _rewrite(path, SHEET1, lambda d: d.replace(b"</t>", b"x" * 40_000_000 + b"</t>", 1))
    assert path.stat().st_size < 200_000
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert str(info.value) == f"{path}: a cell longer than 8,388,608 characters: not a status table"

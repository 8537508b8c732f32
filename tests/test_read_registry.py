"""The reader table (``kpi_tracker.read.READERS``): a binary format is found by its suffix, else
by its first bytes; its module is imported only when such a file is read, and a reader that is
not installed is one clear error line."""

from __future__ import annotations

import io
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import kpi_tracker.read as read
from kpi_tracker.cli import cli
from kpi_tracker.errors import DocumentError, Location
from kpi_tracker.model import Row
from kpi_tracker.read.rows import read_rows

from .helpers import ROOT, SEED

NOWHERE = Location("x")

SNIFF_CASES = [
    # (first bytes, suffix, named, reader or None)  # why
    (b"PK\x03\x04rest", ".xlsx", True, "xlsx"),  # an Excel file by its name
    (b"not a zip", ".xlsx", True, "xlsx"),  # the name wins: openpyxl then says it is unreadable
    (b"PK\x03\x04rest", ".xlsm", True, "xlsx"),  # a macro workbook is read the same way
    (b"PK\x03\x04rest", "", False, "xlsx"),  # stdin has no name: the zip magic decides
    (b"%PDF-1.7\n", ".pdf", True, "pdf"),  # a PDF by its name
    (b"%PDF-1.4\n", ".txt", True, "pdf"),  # a PDF saved as .txt is still a PDF
    (b"%PDF-1.4\n", "", False, "pdf"),  # a PDF on stdin
    (b"garbage", ".pdf", True, "pdf"),  # the name wins: the PDF reader says what is wrong
]

SNIFF_NOT_APPLICABLE = [
    # (first bytes, suffix, named)  # why it is a text table
    (b"\xe6\x96\xbd\xe7\xad\x96No.\t", ".txt", True),  # UTF-8 text
    (b"PDF-1.4", "", False),  # no % first
    (b"%PDF", ".tsv", True),  # too short for the magic (%PDF-)
    (b"PK\x03", ".csv", True),  # a cut-off zip magic is text
    (b"\xef\xbb\xbfPK\x03\x04", ".txt", True),  # the magic after a BOM is text that says PK
]


@pytest.mark.parametrize(("head", "suffix", "named", "expected"), SNIFF_CASES)
def test_binary_reader(head: bytes, suffix: str, named: bool, expected: str) -> None:
    found = read.binary_reader(head, suffix, named, NOWHERE)
    assert found is not None and found.name == expected


@pytest.mark.parametrize(("head", "suffix", "named"), SNIFF_NOT_APPLICABLE)
def test_binary_reader_not_applicable(head: bytes, suffix: str, named: bool) -> None:
    assert read.binary_reader(head, suffix, named, NOWHERE) is None


def test_a_zip_named_otherwise_is_refused() -> None:
    # A zip is also a .docx or an .epub: read as Excel only when named so (or on stdin).
    with pytest.raises(DocumentError) as caught:
        read.binary_reader(b"PK\x03\x04", ".txt", True, Location("a.txt"))
    assert (
        str(caught.value) == "a.txt: looks like a zip/xlsx file; name it .xlsx to read it as Excel"
    )


def test_every_reader_names_a_function_of_its_module() -> None:
    import importlib.util

    for r in read.READERS:
        assert r.magic and r.suffixes and all(s.startswith(".") for s in r.suffixes), r
        if importlib.util.find_spec(f"kpi_tracker.read.{r.module}") is None:
            continue  # not installed (pdf before its reader lands): see the error test below
        module = importlib.import_module(f"kpi_tracker.read.{r.module}")
        assert callable(getattr(module, r.function)), r


@pytest.mark.parametrize("name", ["table.pdf", "table.txt"])
def test_a_pdf_without_its_reader_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    # None in sys.modules makes the import fail as if read/pdf.py were not installed.
    monkeypatch.setitem(sys.modules, "kpi_tracker.read.pdf", None)  # type: ignore[arg-type]
    path = tmp_path / name
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    result = CliRunner().invoke(cli, ["measures", str(path)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"kpi-tracker: error: {path}: a PDF file, which this install of kpi-tracker cannot read\n"
    )
    assert result.stdout == ""


def _fake_reader(monkeypatch: pytest.MonkeyPatch, module: types.ModuleType) -> None:
    """A reader of ``FAKE`` files registered the way a new one is: a module, one line."""
    monkeypatch.setitem(sys.modules, "kpi_tracker.read.fake", module)
    entry = read.Reader("fake", "FAKE", b"FAKE", (".fake",), "fake", "fake_rows")
    monkeypatch.setattr(read, "READERS", (*read.READERS, entry))


def test_a_new_reader_is_a_module_and_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("kpi_tracker.read.fake")

    def fake_rows(data: bytes, source: str) -> Iterator[Row]:
        for number, line in enumerate(data.decode().splitlines()[1:], 1):
            yield Row(number, tuple(line.split(",")))

    module.fake_rows = fake_rows  # type: ignore[attr-defined]
    _fake_reader(monkeypatch, module)
    raw = read_rows(io.BytesIO(b"FAKE\na,b\nc,d\n"), source="<stdin>")
    assert raw.encoding == "fake"
    assert [r.cells for r in raw.rows] == [("a", "b"), ("c", "d")]


def test_a_missing_reader_or_its_missing_library_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("kpi_tracker.read.fake")

    def fake_rows(data: bytes, source: str) -> Iterator[Row]:
        raise AssertionError("not reached")

    module.fake_rows = fake_rows  # type: ignore[attr-defined]
    _fake_reader(monkeypatch, module)
    # The reader's module is not installed...
    monkeypatch.setitem(sys.modules, "kpi_tracker.read.fake", None)  # type: ignore[arg-type]
    with pytest.raises(DocumentError) as caught:
        read.binary_rows(read.READERS[-1], b"FAKE", "t.fake")
    assert str(caught.value) == "t.fake: a FAKE file, which this install of kpi-tracker cannot read"

    # ...or it is, and imports a library that is not.
    def failing_import(name: str, package: str | None = None) -> types.ModuleType:
        raise ModuleNotFoundError("No module named 'fakelib'", name="fakelib")

    monkeypatch.setattr(read, "import_module", failing_import)
    with pytest.raises(DocumentError) as caught:
        read.binary_rows(read.READERS[-1], b"FAKE", "t.fake")
    assert str(caught.value) == (
        "t.fake: reading FAKE needs the fakelib package, which is not installed"
    )


def test_reading_a_text_table_imports_no_binary_reader() -> None:
    # A fresh interpreter: this test process has imported everything already.
    code = (
        "import sys\n"
        "from kpi_tracker.read.document import load_document\n"
        f"load_document({str(SEED)!r})\n"
        "print(sorted(m for m in sys.modules if m.startswith(('kpi_tracker.read.xlsx',"
        " 'kpi_tracker.read.pdf', 'openpyxl', 'pdfplumber'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "[]\n"

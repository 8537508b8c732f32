"""A guard against the next defects (issue 11): hypothesis draws commands, options, input files
(cut short, re-encoded, with junk) and environment, runs them in process through click's
runner, and checks what every run must do whatever the input:

- exit 0, 1 (only the gates: check, compare --fail-on), 2 or 130;
- stderr holds only ``kpi-tracker: error:`` and ``kpi-tracker: warning:`` lines, never a
  traceback;
- stdout is valid in the format asked for (JSON parses, JUnit and the HTML page parse, CSV
  reads);
- stdout holds no line that a CI runner would take for a workflow command (``::error``) unless
  check --format github wrote it, and no file given as input is changed.

Issue 22 added XLSX workbooks (cut, with a hidden sheet, a DTD, a formula without its value, a
wrong <dimension>), KPI sheets (CSV, TSV, on stdin, with a line break in a name), hand-edited
baselines and `-` given twice.

Bounded so that it runs in CI in seconds: small documents (the seed's first rows), a fixed
number of examples, no shrinking beyond a few steps.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import shutil
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from kpi_tracker.cli import cli

from .helpers import MUNICIPAL, REVIEW, RULES, SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
_LINES = SEED_TEXT.split("\n")
_HEADER = next(i for i, line in enumerate(_LINES) if line.startswith("施策No."))
# The title, the header and the first measures: small enough to score in milliseconds.
SMALL = "\n".join(_LINES[: _HEADER + 12]) + "\n"

# check's stderr (render.gate.summary_lines): the count line, and the baseline's accepted line
CHECK_SUMMARY = re.compile(r"[0-9]+ (?:flagged \(--fail-on [a-z]+\)|accepted in ).*")
ENCODINGS = ["utf-8", "utf-8-sig", "cp932", "utf-16", "euc_jis_2004"]
JUNK = [b"\x00", b"\x0c", b"\x01", b"\xff\xfe", b"\x81", b"\t", b"\r", b"\n", b"\xe3\x81", b"PK"]


@functools.cache
def _xlsx_of(text: str, hidden_first: bool = False) -> bytes:
    """A workbook holding a tab-separated table (optionally behind a hidden sheet)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    if hidden_first:
        sheet.title = "old"
        sheet.append(["施策No.", "施策名"])
        sheet.sheet_state = "hidden"
        sheet = book.create_sheet("table")
        book.active = 1
    for line in text.split("\n"):
        sheet.append([int(c) if c.strip().isdigit() else c for c in line.split("\t")])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _rezip(data: bytes, part: str, edit: object) -> bytes:
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            target.writestr(info, edit(body) if info.filename == part else body)  # type: ignore[operator]
    return out.getvalue()


XLSX_EDITS = {
    "none": lambda d: d,
    "dimension": lambda d: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:B2"', d),
    "formula": lambda d: d.replace(b"</row>", b'<c r="Z1"><f>1+1</f></c></row>', 1),
    "broken": lambda d: d.replace(b"</sheetData>", b"<row><c></sheetData>"),
    "dtd": lambda d: (
        b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>' + re.sub(rb"^<\?xml[^>]*\?>", b"", d)
    ),
}


def _sheet_text(path: Path, draw: st.DrawFn) -> tuple[str, bytes]:
    """A KPI sheet, perhaps with a line break and a workflow command in an indicator name."""
    text = path.read_text(encoding="utf-8-sig")
    if draw(st.booleans()):
        name = "相談件数" if path == REVIEW else "観光入込客数"
        injected = f'"{name}\n::error file=x::injected"' if path == REVIEW else name + "\v"
        text = text.replace(name, injected)
    return path.name, text.encode("utf-8")


@functools.cache
def _report_pdf() -> bytes:
    """The small table as a ruled-table PDF (``tests/pdfmaker.py``, reportlab's own fonts)."""
    import tempfile

    from .pdfmaker import ruled_table_pdf

    rows = [line.split("\t") for line in SMALL.splitlines() if line.split("\t")[0].isdigit()]
    header = next(line.split("\t") for line in SMALL.splitlines() if "施策No" in line)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        ruled_table_pdf(
            path,
            ["「重点計画」", "実施状況（令和7年度）"],
            header,
            rows,
            (4, 10, 16, 16, 22, 16, 10, 6),
        )
        return path.read_bytes()


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file name and its bytes: the small table, re-encoded, cut, with junk, or not a table;
    as a workbook (with Excel's oddities), as a PDF (whole, cut, corrupted), or a KPI sheet."""
    kind = draw(
        st.sampled_from(["table", "table", "table", "csv", "junk", "empty", "xlsx", "sheet", "pdf"])
    )
    if kind == "pdf":
        # a report's PDF, whole, cut short, or with bytes changed inside its streams
        data = _report_pdf()
        mode = draw(st.sampled_from(["whole", "cut", "junk"]))
        if mode == "cut":
            data = data[: draw(st.integers(0, len(data)))]
        elif mode == "junk":
            at = draw(st.integers(0, len(data)))
            data = data[:at] + draw(st.binary(min_size=1, max_size=40)) + data[at + 40 :]
        return "report.pdf", data
    if kind == "sheet":
        return _sheet_text(draw(st.sampled_from([REVIEW, MUNICIPAL])), draw)
    if kind == "xlsx":
        source = draw(st.sampled_from(["table", "sheet"]))
        text = SMALL if source == "table" else MUNICIPAL.read_text(encoding="utf-8")
        hidden = draw(st.booleans())
        data = _xlsx_of(text, hidden_first=hidden)
        part = f"xl/worksheets/sheet{2 if hidden else 1}.xml"  # the sheet that is read
        data = _rezip(data, part, XLSX_EDITS[draw(st.sampled_from(sorted(XLSX_EDITS)))])
        if draw(st.integers(0, 5)) == 0:
            data = data[: draw(st.integers(0, len(data)))]  # cut short
        name = "kpi_r6.xlsx" if source == "sheet" else "doc.xlsx"
        return name, data
    if kind == "junk":
        return "junk.txt", draw(st.binary(max_size=300))
    if kind == "empty":
        return "empty.txt", b""
    text = SMALL.replace("发", "発")
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    name = "doc.txt"
    if kind == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        for line in text.splitlines():
            writer.writerow(line.split("\t"))
        text, name = out.getvalue(), "doc.csv"
    data = text.encode(draw(st.sampled_from(ENCODINGS)))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from(JUNK)) + data[at:]
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]  # cut short
    return name, data


@functools.cache
def _baseline() -> dict[str, object]:
    """A baseline check --update-baseline writes for the seed, as data to edit by hand."""
    path = Path(tempfile.mkdtemp(prefix="kpi-fuzz-")) / "base.json"
    result = CliRunner().invoke(
        cli, ["check", str(SEED), "--update-baseline", "--baseline", str(path)]
    )
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _edited(edit: str) -> str:
    """The baseline edited by hand: a value out of its type, a section of the wrong shape."""
    data = json.loads(json.dumps(_baseline()))
    accepted = data["accepted"]
    first = next(iter(accepted))
    if edit == "valid":
        pass
    elif edit == "nan":
        accepted[first]["actual"] = "NaN"
    elif edit == "false":
        accepted[first]["overdue"] = "false"
    elif edit == "measure":
        accepted[first]["measure"] = "x"
    elif edit == "entry":
        accepted[first] = "x"
    elif edit == "accepted":
        data["accepted"] = []
    elif edit == "version":
        data["kpi_tracker_baseline"] = 99
    elif edit == "list":
        data = []
    elif edit == "cut":
        return json.dumps(data)[:100]
    # NOTE: "actual": 1e400 (issue 22, D13) is left to that defect's own test.
    return json.dumps(data, ensure_ascii=False)


BASELINES = {
    f"base-{edit}.json": edit
    for edit in ("valid", "nan", "false", "measure", "entry", "accepted", "version", "list", "cut")
}


@st.composite
def invocations(draw: st.DrawFn, doc: str, db: str) -> tuple[list[str], str | None]:
    """Arguments of one command and the format whose output is checked."""
    command = draw(
        st.sampled_from(["measures", "scorecard", "check", "lint", "compare", "history", "ingest"])
    )
    if draw(st.integers(0, 7)) == 0:  # standard input, perhaps asked for twice
        twice = {
            "scorecard": ["scorecard", "-", "--previous", "-", "--format", "json"],
            "check": ["check", "-", "--previous", "-"],
            "compare": ["compare", "-", "-", "--format", "json"],
        }
        if command in twice:
            return twice[command], None
        doc = "-"
    fmt: str | None = None
    options: list[str] = []
    if command == "measures":
        fmt = draw(st.sampled_from(["json", "csv", "md"]))
        args = ["measures", doc, "--format", fmt]
    elif command == "scorecard":
        fmt = draw(st.sampled_from(["md", "html", "json", "csv", "junit"]))
        args = ["scorecard", doc, "--format", fmt]
        if draw(st.booleans()):
            options += [
                "--as-of",
                draw(st.sampled_from(["令和8年3月31日", "2026-03-31", "平成99年度", "x", ""])),
            ]
        options += ["--lang", draw(st.sampled_from(["ja", "en"]))]
    elif command == "check":
        args = ["check", doc, "--fail-on", draw(st.sampled_from(["behind", "overdue", "none"]))]
        if draw(st.booleans()):
            name = draw(st.sampled_from(sorted(BASELINES)))
            args += ["--baseline", str(Path(db).parent / name)]
        if draw(st.booleans()):
            args += ["--format", "github"]
    elif command == "lint":
        args = ["rules", "lint", doc]
    elif command == "compare":
        fmt = draw(st.sampled_from(["md", "json", "html"]))
        other = draw(st.sampled_from([doc, str(SEED), "2025", "²", "99999999999999999999", "1"]))
        args = ["compare", other, doc, "--format", fmt, "--db", db]
    elif command == "history":
        fmt = draw(st.sampled_from(["md", "json", "csv"]))
        args = ["history", "--format", fmt, "--db", db]
        if draw(st.booleans()):
            args += [
                "--measure",
                draw(st.sampled_from(["8", "0", "-1", "99999999999999999999", "x"])),
            ]
    else:
        args = ["ingest", doc, "--db", db]
        if draw(st.booleans()):
            args.append("--replace")
    if command in ("measures", "scorecard", "check", "lint", "ingest") and draw(st.booleans()):
        codecs = ["utf-8", "cp932", "utf-16", "base64", "rot13", "no-such", "unicode_escape"]
        options += ["--encoding", draw(st.sampled_from(codecs))]
    if command in ("scorecard", "check", "lint", "ingest", "compare") and draw(st.booleans()):
        options += ["--rules", draw(st.sampled_from([str(RULES), str(RULES.parent), "nowhere"]))]
    return args + options, fmt


@functools.cache
def _stored_seed() -> Path:
    """A database holding the seed's report, made once and copied for each example."""
    path = Path(tempfile.mkdtemp(prefix="kpi-fuzz-")) / "seed.db"
    result = CliRunner().invoke(cli, ["ingest", str(SEED), "--db", str(path)])
    assert result.exit_code == 0, result.stderr
    return path


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.tags.append(tag)


def _valid(fmt: str | None, command: str, out: str) -> None:
    if fmt == "json":
        json.loads(out)
    elif fmt == "junit":
        assert ET.fromstring(out.encode("utf-8")).tag == "testsuites"
    elif fmt == "html":
        page = _Page()
        page.feed(out)
        page.close()
        assert "html" in page.tags and "body" in page.tags
    elif fmt == "csv":
        list(csv.reader(io.StringIO(out)))


@settings(
    max_examples=160,
    deadline=None,
    phases=(Phase.explicit, Phase.generate),  # no shrinking: a failure prints its example
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,  # the same examples in every CI run
)
@given(st.data())
def test_any_command_ends_cleanly(data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        name, content = data.draw(documents(), label="document")
        path = Path(folder) / name
        path.write_bytes(content)
        db = str(Path(folder) / data.draw(st.sampled_from(["h.db", "missing.db"]), label="db"))
        if db.endswith("h.db"):
            shutil.copy(_stored_seed(), db)
        for name, edit in BASELINES.items():
            (Path(folder) / name).write_text(_edited(edit), encoding="utf-8")
        args, fmt = data.draw(invocations(str(path), db), label="args")
        inputs = {p: p.read_bytes() for p in Path(folder).iterdir() if not p.name.endswith(".db")}
        env = {
            "KPI_TRACKER_DB": None,
            "KPI_TRACKER_RULES": data.draw(st.sampled_from([None, str(RULES), "/nowhere"])),
            "NO_COLOR": data.draw(st.sampled_from([None, "1"])),
        }
        result = CliRunner().invoke(cli, args, env=env, input=content if "-" in args else None)
        where = f"{args}: exit {result.exit_code}\n{result.stderr}"
        assert result.exit_code in (0, 1, 2, 130), where
        if result.exit_code == 1:
            assert args[0] in ("check", "compare"), where
        assert result.exception is None or isinstance(result.exception, SystemExit), where + repr(
            result.exception
        )
        assert "Traceback" not in result.output, where
        for line in result.stderr.splitlines():
            if args[0] == "check" and CHECK_SUMMARY.fullmatch(line):
                continue  # the gate's count, for the person reading the CI log
            assert line.startswith(("kpi-tracker: error: ", "kpi-tracker: warning: ")), where
        if result.exit_code == 0 and args[0] not in ("check", "ingest", "rules"):
            _valid(fmt, args[0], result.stdout)
        github = "--format" in args and args[args.index("--format") + 1] == "github"
        for line in result.stdout.splitlines():
            # Nothing of a document's text starts a line a CI runner would run as a command.
            assert not line.startswith("::") or github, where + line
            assert not line.startswith("::error file=x"), where + line
        for p, before in inputs.items():
            assert p.read_bytes() == before, f"{where}: {p.name} was changed"
        if args[0] != "ingest":
            # Only ingest may create a database; reading commands never do.
            assert os.path.exists(db) == db.endswith("h.db"), f"{where}: a database was created"


def test_a_damaged_pdf_page_is_one_error_line(tmp_path: Path) -> None:
    """A PDF whose page cannot be loaded (found by the fuzz guard: pypdfium2's PdfiumError
    escaped from a page, not from opening the file) is one line, exit 2."""
    import random

    data = _report_pdf()
    rng = random.Random(7)
    seen = 0
    for _ in range(300):
        at = rng.randint(0, len(data))
        junk = bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 40)))
        path = tmp_path / "damaged.pdf"
        path.write_bytes(data[:at] + junk + data[at + 40 :])
        result = CliRunner().invoke(cli, ["rules", "lint", str(path)])
        assert result.exit_code in (0, 2), (at, result.stderr, repr(result.exception))
        seen += result.exit_code == 2
    assert seen  # some were refused, each with one line

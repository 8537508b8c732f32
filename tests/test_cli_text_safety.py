"""Text from a document, a rules file or a file name cannot break an output (issue 22: D1, D5,
D6, D30). Each test failed on the code before the fix."""

from __future__ import annotations

import csv
import io
import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kpi_tracker.cli import cli
from kpi_tracker.read.document import load_document
from kpi_tracker.render import terminal
from kpi_tracker.rules.compiled import load_rules
from kpi_tracker.text.normalize import one_line

from .helpers import REVIEW, RULES, SEED

INJECTED = "待機児童数\n::error file=x::pwned\u2028::warning::too"


def _injected_sheet(tmp_path: Path) -> Path:
    """The review sheet whose missed indicator's name carries a line break and a command."""
    rows = list(csv.reader(io.StringIO(REVIEW.read_text(encoding="utf-8-sig"))))
    for row in rows[1:]:
        row[:] = [cell.replace("待機児童数", INJECTED) for cell in row]
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path = tmp_path / "RS_2024_injected.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


# D6: one line per failing target whatever the indicator's name holds; no line of the name
# reaches stdout on its own (GitHub Actions would run `::error …` as a command).
@pytest.mark.parametrize("fmt", ["text", "github"])
def test_check_prints_one_line_per_failure(tmp_path: Path, fmt: str) -> None:
    sheet = _injected_sheet(tmp_path)
    result = CliRunner().invoke(cli, ["check", str(sheet), "--format", fmt])
    assert result.exit_code == 1, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    assert "\\n::error file=x::pwned\\u2028::warning::too" in lines[0] or (
        "%0A%3A%3Aerror file=x%3A%3Apwned\\u2028" in lines[0]
    ), lines[0]
    for line in result.stderr.splitlines():
        assert line.startswith("kpi-tracker: ") or line[0].isdigit(), result.stderr


# D5: a KPI sheet's annotation names the indicator's own row (as check's text line does), not
# its measure's first row.
def test_sheet_annotation_names_the_indicator_row() -> None:
    text = CliRunner().invoke(cli, ["check", str(REVIEW)]).stdout
    github = CliRunner().invoke(cli, ["check", str(REVIEW), "--format", "github"]).stdout
    rows = [line.split(":")[1] for line in text.splitlines()]
    lines = [line.split(",line=")[1].split(",")[0] for line in github.splitlines()]
    assert rows == lines == ["12"], (text, github)  # measure 102 starts on line 10


def _rules_with_label(tmp_path: Path, label: str) -> Path:
    text = RULES.read_text(encoding="utf-8")
    first = "      label: 支援情報検索サイトのアクセス数(年間)\n"  # a missed target
    assert first in text
    path = tmp_path / "rules.yaml"
    path.write_text(text.replace(first, f'      label: "{label}"\n', 1), encoding="utf-8")
    return path


# D1: a control character in a rules label or a file name does not crash --format xlsx.
def test_xlsx_takes_control_characters(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    rules = _rules_with_label(tmp_path, "\\e[31m赤\\a\\x01")
    doc = tmp_path / "doc\x1b\x07.txt"
    doc.write_bytes(SEED.read_bytes())
    out = tmp_path / "card.xlsx"
    result = CliRunner().invoke(
        cli, ["scorecard", str(doc), "--rules", str(rules), "--format", "xlsx", "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    book = load_workbook(out, read_only=True)
    cells = [str(c) for row in book["概要"].iter_rows(values_only=True) for c in row if c]
    assert any(c.endswith("doc\\x1b\\x07.txt") for c in cells), cells


# D1: the terminal view shows a label's ESC and BEL as text, never sends them.
def test_terminal_view_escapes_control_characters(tmp_path: Path) -> None:
    from kpi_tracker.pipeline import scorecard_for

    rules = _rules_with_label(tmp_path, "\\e[2J\\a")
    card = scorecard_for(load_document(SEED), load_rules(rules))
    for color in (False, True):
        view = terminal.render(card, "ja", color=color)
        assert "\x07" not in view and "\x1b[2J" not in view
        assert "\\x1b[2J\\x07" in view
        if not color:
            assert "\x1b" not in view


# D30: a file name in CP932 bytes (what unzip leaves from a Japanese Windows zip).
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")
@pytest.mark.parametrize(
    "args",
    [
        ["check", "{doc}"],
        ["check", "{doc}", "--format", "github"],
        ["ingest", "{doc}", "--db", "{db}"],
        ["rules", "lint", "{doc}"],
        ["measures", "{doc}", "--format", "md"],
    ],
)
def test_cp932_file_name(tmp_path: Path, args: list[str]) -> None:
    doc = os.fsdecode(os.fsencode(tmp_path) + b"/\x8e{\x8d\xf4_r7.txt")  # 施策 in CP932
    Path(doc).write_bytes(SEED.read_bytes())
    argv = [a.format(doc=doc, db=tmp_path / "h.db") for a in args]
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code in (0, 1), result.stderr + repr(result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    shown = one_line(doc)
    assert shown.endswith("/\\x8e{\\x8d\\xf4_r7.txt")
    if args[0] in ("check", "ingest", "rules"):
        assert shown in result.stdout
    result.stdout.encode("utf-8")  # no lone surrogate reached stdout


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")
def test_cp932_file_name_xlsx_opens(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    doc = os.fsdecode(os.fsencode(tmp_path) + b"/\x8e{\x8d\xf4.txt")
    Path(doc).write_bytes(SEED.read_bytes())
    out = tmp_path / "card.xlsx"
    result = CliRunner().invoke(cli, ["scorecard", doc, "--format", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    load_workbook(out).close()


# one_line: table of (text, expected)
@pytest.mark.parametrize(
    "text, expected",
    [
        ("plain 施策", "plain 施策"),  # nothing to escape
        ("a\nb", "a\\nb"),  # a line break would start a line of its own
        ("a\r\nb", "a\\r\\nb"),
        ("\x1b[2J\x07", "\\x1b[2J\\x07"),  # a terminal's commands, shown as text
        ("\x85\u2028\u2029", "\\x85\\u2028\\u2029"),  # Unicode line ends
        ("\udc8e{", "\\x8e{"),  # a CP932 byte of a file name, as Python hands it over
        ("\ud800", "\\ud800"),  # a lone surrogate that is no file-name byte
    ],
)
def test_one_line(text: str, expected: str) -> None:
    assert one_line(text) == expected


# D30: a baseline or rules path in CP932 bytes is echoed escaped (stderr once raised
# UnicodeEncodeError: "lost sys.stderr").
@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")
def test_cp932_baseline_name_is_echoed(tmp_path: Path) -> None:
    base = os.fsdecode(os.fsencode(tmp_path) + b"/\x8e{\x8d\xf4.json")
    result = CliRunner().invoke(cli, ["check", str(SEED), "--update-baseline", "--baseline", base])
    assert result.exit_code == 0, result.stderr + repr(result.exception)
    assert result.stderr == f"{one_line(base)}: 24 accepted misses (--fail-on behind)\n"


# D6: the CSV formats and the history table keep one line per item too.
@pytest.mark.parametrize(
    "args",
    [
        ["scorecard", "{sheet}", "--format", "csv"],
        ["scorecard", "{sheet}", "--format", "md"],
        ["scorecard", "{sheet}", "--format", "html"],
        ["compare", "{sheet}", "{sheet}", "--format", "html"],
        ["history", "--db", "{db}"],
        ["history", "--db", "{db}", "--format", "html"],
        ["history", "--db", "{db}", "--format", "csv"],
    ],
)
def test_no_line_of_a_name_starts_a_line(tmp_path: Path, args: list[str]) -> None:
    sheet = _injected_sheet(tmp_path)
    db = tmp_path / "h.db"
    stored = CliRunner().invoke(cli, ["ingest", str(sheet), "--db", str(db)])
    assert stored.exit_code == 0, stored.stderr
    result = CliRunner().invoke(cli, [a.format(sheet=sheet, db=db) for a in args])
    assert result.exit_code == 0, result.stderr
    assert "::error file=x::pwned" in result.stdout or "html" in args
    for line in result.stdout.splitlines():
        assert not line.startswith("::"), line

"""scorecard --format xlsx (and CSV labels): sheets, numbers as numbers, --lang, no formulas."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest
from openpyxl import load_workbook

from kpi_tracker.judge.scorecard import evaluate
from kpi_tracker.render import render_scorecard
from kpi_tracker.render.xlsx_ import render_bytes

from .helpers import ROOT, SEED, run, write_variant


@pytest.fixture(scope="module")
def card(seed_doc, seed_rules):
    return evaluate(seed_doc, seed_rules)


@pytest.fixture(scope="module")
def book(card):
    return load_workbook(io.BytesIO(render_bytes(card, "ja")))


def _rows(ws):
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_three_sheets_in_japanese(book) -> None:
    assert book.sheetnames == ["概要", "指標", "施策"]


def test_indicator_sheet_numbers_filters_frozen_header(book, seed_card) -> None:
    ws = book["指標"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:W{len(seed_card['indicators']) + 1}"
    rows = {r["指標ID"]: r for r in _rows(ws)}
    assert len(rows) == len(seed_card["indicators"])
    pv = rows["support-search-site-pv"]
    # 274,285 回 of 30万回: numbers, not text; the deadline a date; the status in Japanese
    assert (pv["実績"], pv["目標値"], pv["判定"], pv["期限超過"]) == (274285, 300000, "遅れ", False)
    assert pv["期限"] == datetime(2027, 3, 31) and pv["行"] == 20
    assert pv["根拠"].startswith("支援情報検索サイトPV数:274,285")
    assert pv["担当府省庁"] == "厚生労働省"


def test_number_formats_and_status_fills(book) -> None:
    ws = book["指標"]
    header = [c.value for c in ws[1]]
    col = {name: i for i, name in enumerate(header)}
    row = next(
        r for r in ws.iter_rows(min_row=2) if r[col["指標ID"]].value == "child-welfare-officers"
    )
    assert row[col["実績"]].number_format == "#,##0"  # 6,866
    assert row[col["達成率"]].number_format == "0%"
    fills = {r[col["判定"]].value: r[col["判定"]].fill.fgColor.rgb for r in ws.iter_rows(min_row=2)}
    assert fills["遅れ"].endswith("FFEBE9") and fills["達成"].endswith("DAFBE1")


def test_summary_lists_missed_targets_with_ministry(book, seed_card) -> None:
    values = [c for r in book["概要"].iter_rows(values_only=True) for c in r if c is not None]
    behind = [i for i in seed_card["indicators"] if i["status"] == "behind"]
    assert f"未達の目標 {len(behind)} 件" in " ".join(str(v) for v in values)
    assert "担当府省庁" in values and "こども家庭庁" in values


def test_measure_sheet_has_every_measure(book) -> None:
    rows = _rows(book["施策"])
    assert [r["施策No."] for r in rows] == list(range(1, 144))


def test_english_labels(card) -> None:
    book = load_workbook(io.BytesIO(render_bytes(card, "en")))
    assert book.sheetnames == ["Summary", "Indicators", "Measures"]
    rows = _rows(book["Indicators"])
    assert {"behind", "achieved"} <= {r["status"] for r in rows}


def test_document_text_is_never_a_formula(tmp_path, seed_rules) -> None:
    from kpi_tracker.read.document import load_document

    path = write_variant(
        tmp_path,
        {8: ("・支援情報検索サイトPV数", '=HYPERLINK("http://x")・支援情報検索サイトPV数')},
    )
    book = load_workbook(io.BytesIO(render_bytes(evaluate(load_document(path), seed_rules))))
    cells = [c for r in book["指標"].iter_rows() for c in r]
    assert not any(c.data_type == "f" for c in cells)
    assert any(str(c.value).startswith("=HYPERLINK") for c in cells)  # kept, as text


def test_csv_follows_lang(card) -> None:
    ja = list(csv.DictReader(io.StringIO(render_scorecard(card, "csv", "ja")[1:])))
    en = list(csv.DictReader(io.StringIO(render_scorecard(card, "csv", "en")[1:])))
    assert "判定" in ja[0] and "status" in en[0]
    assert {r["判定"] for r in ja} == {"達成", "順調", "遅れ", "測定不能"}
    assert {r["status"] for r in en} == {"achieved", "on track", "behind", "not measurable"}


def test_cli_xlsx_file_and_pipe(tmp_path) -> None:
    out = tmp_path / "card.xlsx"
    result = run("scorecard", str(SEED), "--format", "xlsx", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert load_workbook(out).sheetnames == ["概要", "指標", "施策"]
    from click.testing import CliRunner

    from kpi_tracker.cli import cli

    piped = CliRunner().invoke(cli, ["scorecard", str(SEED), "--format", "xlsx"])
    assert piped.exit_code == 0 and piped.stdout_bytes.startswith(b"PK")  # a zip on a pipe


def test_cli_xlsx_on_a_terminal_is_one_line() -> None:
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    result = subprocess.run(
        [sys.executable, "-m", "kpi_tracker", "scorecard", str(SEED), "--format", "xlsx"],
        cwd=ROOT,
        stdout=follower,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    os.close(follower)
    os.close(leader)
    assert result.returncode == 2
    assert result.stderr == (
        "kpi-tracker: error: <stdout>: xlsx is a binary file; name it with -o FILE\n"
    )

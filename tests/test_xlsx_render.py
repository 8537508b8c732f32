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
    assert ws.freeze_panes == "B2"  # the header and the measure no. stay in view
    assert ws.auto_filter.ref == f"A1:W{len(seed_card['indicators']) + 1}"
    rows = {r["指標ID"]: r for r in _rows(ws)}
    assert len(rows) == len(seed_card["indicators"])
    pv = rows["support-search-site-pv"]
    # 274,285 回 of 30万回: numbers, not text; the deadline a date; the status in Japanese
    assert (pv["実績"], pv["目標値"], pv["判定"], pv["期限超過"]) == (274285, 300000, "遅れ", None)
    assert (pv["比較"], pv["達成率"]) == ("以上", 0.914)
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
    assert row[col["進捗"]].value is None  # no baseline: no way from it to the target
    # 判定 is filled by conditional formatting over its column: the fill follows the value.
    (rng,) = [r for r in ws.conditional_formatting]
    assert str(rng.sqref) == f"D2:D{ws.max_row}"
    fills = {rule.formula[0]: rule.dxf.fill.fgColor.rgb for rule in rng.rules}
    assert fills['"遅れ"'].endswith("FFEBE9") and fills['"達成"'].endswith("DAFBE1")


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


# --- issue 24: a workbook staff hand round -----------------------------------------------------


@pytest.mark.parametrize("sheet", ["概要", "指標", "施策"])
def test_every_sheet_prints_a4_landscape_fitted_to_width(book, sheet) -> None:
    ws = book[sheet]
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)  # width only
    assert ws.print_title_rows  # the header row repeated on every page


@pytest.mark.parametrize("sheet", ["概要", "指標", "施策"])
def test_every_sheet_has_frozen_panes_and_a_filter(book, sheet) -> None:
    ws = book[sheet]
    assert ws.freeze_panes and ws.auto_filter.ref
    assert ws.conditional_formatting  # 判定 filled by value


def test_summary_repeats_the_missed_header_when_printed(book) -> None:
    ws = book["概要"]
    first = int(ws.print_title_rows.split(":")[0].lstrip("$"))
    assert ws.cell(row=first, column=1).value == "施策No."
    assert ws.auto_filter.ref.startswith(f"A{first}:H")
    header = [c.value for c in ws[first]]
    assert header == ["施策No.", "指標", "担当府省庁", "目標値", "実績", "達成率", "期限", "判定"]


# (column, values that may appear)  # why
WORDS_NOT_CODES = [
    ("期限超過", {"該当", None}),  # not TRUE/FALSE
    ("見込み・速報値", {"該当", None}),
    ("比較", {"以上", "以下", "未満", "超", "増加", "減少", "削減"}),  # not >= <= < >
]


@pytest.mark.parametrize(("column", "allowed"), WORDS_NOT_CODES)
def test_flags_and_comparators_read_as_words(book, column, allowed) -> None:
    values = {r[column] for r in _rows(book["指標"])}
    assert values <= allowed and values - {None}, values


def test_no_true_false_anywhere(book) -> None:
    cells = [c for ws in book.worksheets for r in ws.iter_rows() for c in r]
    assert not any(isinstance(c.value, bool) for c in cells)


def test_attainment_is_actual_over_target(book, seed_card) -> None:
    rows = {r["指標ID"]: r for r in _rows(book["指標"])}
    for ind in seed_card["indicators"]:
        got = rows[ind["id"]]["達成率"]
        if ind["actual"] is None or ind["target"] is None or ind["status"] == "not_measurable":
            assert got is None  # nothing judged: no 達成率
        elif ind["comparator"] in ("<=", "<", "reduce_by_ratio", "decrease"):
            assert got == pytest.approx(ind["target"] / ind["actual"], abs=1e-3)
        else:
            assert got == pytest.approx(ind["actual"] / ind["target"], abs=1e-3)


def test_reason_and_evidence_wrap(book) -> None:
    ws = book["指標"]
    header = [c.value for c in ws[1]]
    for name in ("理由", "根拠", "指標", "施策名"):
        col = header.index(name) + 1
        assert all(ws.cell(row=r, column=col).alignment.wrap_text for r in range(2, ws.max_row))


def test_english_flags_and_comparators(card) -> None:
    book = load_workbook(io.BytesIO(render_bytes(card, "en")))
    rows = _rows(book["Indicators"])
    assert {r["overdue"] for r in rows} == {"yes", None}
    assert {r["comparator"] for r in rows} <= {
        "at least",
        "more than",
        "at most",
        "less than",
        "increase",
        "decrease",
        "reduce by ratio",
    }

"""Robust input: every export of the same table gives the same scorecard; bad input fails
clearly with one line; arbitrary bytes never crash the reader."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi_tracker.errors import DocumentError
from kpi_tracker.judge.scorecard import evaluate
from kpi_tracker.read.document import load_document

from .helpers import SEED, card_dict, run

TEXT = SEED.read_text(encoding="utf-8").replace("发", "発")  # CP932 has no simplified 发


def _xlsx(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for line in TEXT.split("\n"):
        # Excel keeps the measure numbers as numbers and, unlike TSV, no trailing empty cells.
        sheet.append([int(c) if c.strip().isdigit() else c for c in line.split("\t")])
    book.save(path)


def _csv(path: Path, encoding: str = "utf-8-sig") -> None:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        for line in TEXT.split("\n"):
            writer.writerow(line.split("\t"))


VARIANTS = {
    "utf8-bom.txt": lambda p: p.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8")),
    "cp932.txt": lambda p: p.write_bytes(TEXT.encode("cp932")),
    "crlf.txt": lambda p: p.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8")),
    "export.csv": _csv,
    "export-cp932.csv": lambda p: _csv(p, "cp932"),
    "export.xlsx": _xlsx,
}


def _comparable(card: dict) -> dict:
    card = dict(card)
    card["report"] = {k: v for k, v in card["report"].items() if k not in ("source", "sha256")}
    card["warnings"] = []
    return card


@pytest.fixture(scope="module")
def reference_card(tmp_path_factory, seed_rules):
    path = tmp_path_factory.mktemp("ref") / "utf8.txt"
    path.write_text(TEXT, encoding="utf-8")
    return _comparable(card_dict(evaluate(load_document(path), seed_rules)))


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_export_gives_the_same_scorecard(tmp_path, seed_rules, reference_card, name) -> None:
    path = tmp_path / name
    VARIANTS[name](path)
    card = card_dict(evaluate(load_document(path), seed_rules))
    assert card["summary"]["measures"] == 143
    assert _comparable(card) == reference_card


def test_csv_cell_with_line_breaks_and_header_found_by_name(tmp_path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "表題の行,,\n"
        "担当府省庁,施策No.,目標の達成状況,目標及び達成の期間,施策名\n"
        '内閣府,1,"1行目\n2行目は100件",目標,名前\n'
        "厚生労働省,2,状況,目標,名前2\n",
        encoding="utf-8",
    )
    doc = load_document(path)
    assert [(m.no, m.ministries, m.line) for m in doc.measures] == [
        (1, ("内閣府",), 3),
        (2, ("厚生労働省",), 5),
    ]
    assert doc.measures[0].status_text == "1行目\n2行目は100件"


# --- malformed input: exact lines and exit codes ---------------------------------------------

HEADER = "施策No.\t施策名\t施策の概要\t目標及び達成の期間\t目標の達成状況\t達成状況を踏まえた施策の見直し方針\t関連URL\t担当府省庁"
ROW = "{no}\t名前\t概要\t目標\t状況\t見直し\thttps://example.go.jp/\t内閣府"

MALFORMED = [
    # (file content, expected message after "<file>")  # the case
    (
        "\n".join([HEADER, ROW.format(no=1), "2\t名前\t概要"]),
        ":3: 施策No. 2: 3 cells, the header has 8 (a truncated or broken row)",
    ),  # truncated last row
    ("\n".join([HEADER, ROW.format(no=1) + "\tx\ty"]), ":2: 施策No. 1: 10 cells, the header has 8"),
    (
        "\n".join([HEADER, ROW.format(no=1), ROW.format(no=1)]),
        ":3: 施策No. 1 appears twice (first on line 2)",
    ),
    (
        ROW.format(no=1),
        ": no header row with the columns 施策No., 目標及び達成の期間 and 目標の達成状況: "
        "not a status table",
    ),
    (
        "これは表ではありません。\nただの文章です。\n",
        ": no header row with the columns 施策No., "
        "目標及び達成の期間 and 目標の達成状況: not a status table",
    ),
    ("", ": empty file"),
    (HEADER + "\n", ": the table has a header but no measure rows"),
]


@pytest.mark.parametrize(("content", "message"), MALFORMED)
def test_malformed_tables(tmp_path, content, message) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    result = run("measures", str(path))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"kpi-tracker: error: {path}{message}\n"


def test_200_mb_file_without_rows(tmp_path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB of NUL bytes, no disk used
    result = run("measures", str(path))
    assert result.returncode == 2
    assert result.stderr == (
        f"kpi-tracker: error: {path}:1: line longer than 8,388,608 characters: not a status table\n"
    )
    os.remove(path)


def test_file_over_a_gigabyte_is_refused_before_reading(tmp_path) -> None:
    path = tmp_path / "huger.txt"
    with path.open("wb") as f:
        f.truncate(1100 * 1024 * 1024)
    result = run("measures", str(path))
    assert result.returncode == 2
    assert result.stderr == (
        f"kpi-tracker: error: {path}: file is 1,153,433,600 bytes; a status table is expected "
        "to be under 1,073,741,824\n"
    )
    os.remove(path)


def test_broken_xlsx(tmp_path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    result = run("measures", str(path))
    assert result.returncode == 2
    assert result.stderr == f"kpi-tracker: error: {path}: not a readable .xlsx file (BadZipFile)\n"


def test_xlsx_table_on_a_later_sheet(tmp_path) -> None:
    # A cover sheet that talks about 施策No. is not the table: the sheet is chosen by the same
    # header matcher that reads the table, so the second sheet is read.
    from openpyxl import Workbook

    book = Workbook()
    cover = book.active
    cover.title = "表紙"
    cover.append(["施策No.ごとの実施状況は次のシートのとおり"])
    table = book.create_sheet("実施状況")
    for line in TEXT.split("\n"):
        table.append([int(c) if c.strip().isdigit() else c for c in line.split("\t")])
    path = tmp_path / "two-sheets.xlsx"
    book.save(path)
    assert len(load_document(path).measures) == 143


def test_forced_encoding(tmp_path) -> None:
    path = tmp_path / "euc.txt"
    path.write_bytes(TEXT.encode("euc_jis_2004"))
    assert len(load_document(path, encoding="euc_jis_2004").measures) == 143
    with pytest.raises(DocumentError) as info:
        load_document(path, encoding="no-such-codec")
    assert "cannot decode as no-such-codec" in str(info.value)


# --- fuzzing ---------------------------------------------------------------------------------


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_give_a_document_or_our_error(tmp_path, data: bytes) -> None:
    path = tmp_path / "fuzz.txt"
    path.write_bytes(data)
    try:
        doc = load_document(path)
    except DocumentError as exc:
        assert str(exc).startswith(str(path))  # our error, naming the file
        return
    assert len({m.no for m in doc.measures}) == len(doc.measures) > 0


_cell = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),  # lone surrogates cannot be written as UTF-8
        blacklist_characters="\t\r\n",
    ),
    max_size=30,
)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.tuples(_cell, _cell, _cell, _cell), min_size=1, max_size=25),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
def test_measures_in_equal_measures_out(tmp_path, rows, newline, with_headings) -> None:
    """However the cells are filled, n numbered rows give n measures, in order."""
    lines = ["「テスト計画」", "実施状況(令和7年度)", HEADER]
    for i, (name, target, status, ministry) in enumerate(rows, 1):
        if with_headings and i % 5 == 1:
            lines.append(f"({i}){name}\t\t\t\t\t\t\t")
        lines.append(f"{i}\t{name}\t概要\t{target}\t{status}\t見直し\t\t{ministry}")
    path = tmp_path / "gen.txt"
    path.write_text(newline.join(lines), encoding="utf-8")
    doc = load_document(path)
    assert [m.no for m in doc.measures] == list(range(1, len(rows) + 1))


def test_table_without_title_uses_the_only_rules_file(tmp_path) -> None:
    """An export that kept only the table names neither plan nor year: the only rules file is
    used (with a warning) and the year must be given."""
    lines = TEXT.split("\n")
    header = next(i for i, line in enumerate(lines) if line.startswith("施策No."))
    path = tmp_path / "table-only.txt"
    path.write_text("\n".join(lines[header:]), encoding="utf-8")
    no_year = run("scorecard", str(path), "--format", "json")
    assert no_year.returncode == 2
    assert no_year.stderr.endswith(
        f"kpi-tracker: error: {path}: the title names no report fiscal year "
        "(…の実施状況(令和7年度)); give --as-of\n"
    )
    result = run("scorecard", str(path), "--format", "json", "--as-of", "令和7年度末")
    assert result.returncode == 0, result.stderr
    assert (
        "the document has no title naming its plan; using rules/kodoku_koritsu.yaml"
        in result.stderr
    )
    import json

    data = json.loads(result.stdout)
    assert data["summary"]["measures"] == 143
    assert (data["report"]["as_of"], data["report"]["fiscal_year"]) == ("2026-03-31", None)
    pv = next(i for i in data["indicators"] if i["id"] == "support-search-site-pv")
    assert (pv["status"], pv["actual"]) == ("behind", 274285)


def test_number_cell_with_a_note(tmp_path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(
        "\n".join([HEADER, ROW.format(no="1"), ROW.format(no="2(再掲)")]), encoding="utf-8"
    )
    assert [m.no for m in load_document(path).measures] == [1, 2]

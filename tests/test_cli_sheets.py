"""KPI sheets through the commands: scorecard, check, ingest, compare, history, XLSX, --rules."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from .helpers import HAKUSHO, MUNICIPAL, REVIEW, run


def review_2023(folder: Path) -> Path:
    """The same 行政事業レビュー file a year earlier: no 2024 actuals yet."""
    lines = REVIEW.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(",")
    y2024 = header.index("2024")
    out = [lines[0]]
    for cells in csv.reader(io.StringIO("\n".join(lines[1:]))):
        if cells[11] in ("3.実績値", "4.達成率"):
            cells[y2024] = ""
        buf = io.StringIO()
        csv.writer(buf, lineterminator="").writerow(cells)
        out.append(buf.getvalue())
    path = folder / "3-1_RS_2023_効果発現経路_目標・実績.csv"
    path.write_text("\n".join(out) + "\n", encoding="utf-8-sig")
    return path


def test_scorecard_json_without_rules(tmp_path: Path) -> None:
    # Run from a folder with no rules/: a sheet needs none.
    result = run("scorecard", str(REVIEW), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["report"]["fiscal_year"] == 2024
    assert data["summary"] == {
        "measures": 4,
        "indicators": 5,
        "achieved": 1,
        "on_track": 1,
        "behind": 1,
        "not_measurable": 2,
    }
    assert "published 達成率 differs" in result.stderr


def test_check_names_the_row(tmp_path: Path) -> None:
    result = run("check", str(MUNICIPAL), "--fail-on", "overdue", cwd=tmp_path)
    assert result.returncode == 1
    # 観光入込客数 is on line 6 and belongs to 商工観光課, the second measure.
    assert result.stdout.startswith(f"{MUNICIPAL}:6: ")
    assert "観光入込客数 期限超過" in result.stdout
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "junit"])
def test_every_format_renders_a_sheet(tmp_path: Path, fmt: str) -> None:
    result = run("scorecard", str(HAKUSHO), "--format", fmt, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "国家公務員の本省課室長相当職に占める女性の割合" in result.stdout


def test_check_names_the_indicators_row(tmp_path: Path) -> None:
    result = run("check", str(REVIEW), "--fail-on", "overdue", cwd=tmp_path)
    assert result.returncode == 1
    # 待機児童数: project 102 starts on line 10; its 3.実績値 row is line 12.
    assert result.stdout.startswith(f"{REVIEW}:12: 施策102 102/1/待機児童数 期限超過: ")


def test_html_groups_by_ministry(tmp_path: Path) -> None:
    result = run("scorecard", str(REVIEW), "--format", "html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for ministry in ("内閣府", "厚生労働省", "文部科学省"):
        assert f'<option value="{ministry}">' in result.stdout


def test_ingest_and_compare_by_identity(tmp_path: Path) -> None:
    old = review_2023(tmp_path)
    db = str(tmp_path / "h.db")
    result = run("ingest", str(REVIEW), str(old), "--db", db, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "(fiscal year 2023)" in result.stdout.splitlines()[0]  # oldest first
    result = run("compare", "2023", "2024", "--db", db, "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    changes = {c["indicator"]: c for c in json.loads(result.stdout)["changes"]}
    assert set(changes) == {
        "101/1/相談件数",
        "101/2/研修受講者数",
        "102/1/待機児童数",
        "102/2/利用者満足度",
        "103/2/利用者数",
    }
    # 2023: 1,300 (2023年度); 2024: 1,600 (2024年度), both matched by identity.
    trainees = changes["101/2/研修受講者数"]
    assert (trainees["old"]["actual"], trainees["new"]["actual"]) == (1300, 1600)
    # 2023: 950 < 1,000, target year 2024 not yet passed; 2024: 1,050 meets it.
    consults = changes["101/1/相談件数"]
    assert (consults["old"]["status"], consults["new"]["status"]) == ("on_track", "achieved")
    history = run("history", "--indicator", "101/2/研修受講者数", "--db", db, "--format", "json")
    assert [r["actual"] for r in json.loads(history.stdout)] == [1300, 1600]


def test_compare_two_sheet_files(tmp_path: Path) -> None:
    old = review_2023(tmp_path)
    result = run("compare", str(old), str(REVIEW), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    changes = {c["indicator"]: c for c in json.loads(result.stdout)["changes"]}
    assert changes["101/1/相談件数"]["change"] == "improved"


def test_rules_file_overrides_a_target(tmp_path: Path) -> None:
    rules = tmp_path / "midori.yaml"
    rules.write_text(
        "plan: みどり市まち・ひと・しごと創生総合戦略\n"
        "measures:\n"
        "  1:\n"
        "    - id: tennyu\n"
        "      label: 転入者数\n"
        "      find:\n"
        "        label: [転入者数]\n"
        '      comparator: ">="\n'
        "      target: 1600\n"
        "      unit: 人\n"
        "      deadline: 令和6年度\n",
        encoding="utf-8",
    )
    result = run("scorecard", str(MUNICIPAL), "--rules", str(rules), "--format", "json")
    assert result.returncode == 0, result.stderr
    got = {i["id"]: i for i in json.loads(result.stdout)["indicators"]}
    # The rule names the indicator by its label (rule ids are ASCII) and keeps its identity.
    # The rules' 1,600 replaces the sheet's 1,500: 1,520 now misses it, deadline passed.
    assert (got["転入者数"]["status"], got["転入者数"]["target"]) == ("behind", 1600)
    assert got["観光入込客数"]["target"] == 150  # the others keep the sheet's targets


def test_xlsx_sheet(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["目次"])  # the table is on the second sheet: found by its header
    sheet = book.create_sheet("成果目標")
    for line in HAKUSHO.read_text(encoding="utf-8").splitlines():
        sheet.append(next(csv.reader([line])))
    path = tmp_path / "hakusho.xlsx"
    book.save(path)
    result = run("scorecard", str(path), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    statuses = [i["status"] for i in json.loads(result.stdout)["indicators"]]
    assert statuses == ["behind", "achieved", "behind", "achieved", "achieved", "not_measurable"]


def test_malformed_sheet_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "kpi.tsv"
    path.write_text("KPI\t目標値\t方向\t最新値\n転入者数\t1500\t横ばい\t1400\n", encoding="utf-8")
    result = run("scorecard", str(path), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"kpi-tracker: error: {path}:2: direction '横ばい' is neither 上向き nor 下向き\n"
    )


def test_as_of_overrides_the_files_year(tmp_path: Path) -> None:
    result = run("scorecard", str(REVIEW), "--as-of", "2027-03-31", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["report"]["as_of"] == "2027-03-31"
    got = {i["id"]: i for i in data["indicators"]}
    # 1,600 (2024年度) against 2,000 by 2026年度: the deadline has now passed.
    assert (got["101/2/研修受講者数"]["status"], got["101/2/研修受講者数"]["overdue"]) == (
        "behind",
        True,
    )


def test_rules_lint_of_a_sheet(tmp_path: Path) -> None:
    result = run("rules", "lint", str(MUNICIPAL), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        f"{MUNICIPAL}: a KPI sheet of 5 indicators: its columns give the targets; "
        "no rules file applies\n"
    )
    rules = tmp_path / "r.yaml"
    rules.write_text(
        "plan: x\nmeasures:\n  1:\n    - id: nowhere\n      label: 存在しない指標\n"
        '      find:\n        label: [x]\n      comparator: ">="\n      target: 1\n'
        "      unit: 人\n",
        encoding="utf-8",
    )
    result = run("rules", "lint", str(MUNICIPAL), "--rules", str(rules), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"{rules}: rule nowhere names no indicator of the sheet",
        f"{rules}: 0 of the sheet's 5 indicators overridden; 1 rules that name none",
    ]

"""Defects of #22's hostile round owned by the judge: D3 (growth ratio overflow), D13 (a
hand-edited baseline), D12 (a unit change between years), the baseline gate's advice."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi_tracker.cli import cli
from kpi_tracker.judge.baseline import BaselineError, read_baseline
from kpi_tracker.judge.trend import RATIO_CAP, TrendPoint, growth_ratio

from .helpers import MUNICIPAL, SEED


def invoke(*args: object, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == code, (args, result.stdout, result.stderr)
    return result


# --- D3: growth ratio -------------------------------------------------------------------------

DAY = date(2025, 3, 31)
EXTREMES = [
    # (first, last, days apart, target, years to the deadline)  # why
    (1.0, 1e6, 1, 2e6, 5),  # a day apart: (1e6)^365 overflows a float
    (1.0, 1e170, 365, 2.0, 10),  # a 170-digit ratio of rates
    (1e-300, 1e300, 2, 1e301, 3),  # both rates overflow
    (1.0, 2.0, 1, 1e300, 2 / 365.25),  # the required rate overflows: the ratio is 0
    (-1e308, 1e308, 1, 1e308, 2),  # the straight line overflows to inf
]


@pytest.mark.parametrize(("first", "last", "days", "target", "years"), EXTREMES)
def test_growth_ratio_stays_a_bounded_number(
    first: float, last: float, days: int, target: float, years: float
) -> None:
    pts = [TrendPoint(DAY, first, "document"), TrendPoint(DAY + timedelta(days), last, "document")]
    deadline = DAY + timedelta(days=max(days + 1, round(years * 365.25)))
    ratio = growth_ratio(pts, target, deadline)
    assert ratio is None or -RATIO_CAP <= ratio <= RATIO_CAP
    if ratio is not None:
        assert len(f"{ratio:.2f}") <= 8  # what the reason writes


@settings(max_examples=300, deadline=None)
@given(
    values=st.lists(
        st.floats(allow_nan=False, allow_infinity=False, min_value=-1e308, max_value=1e308),
        min_size=3,
        max_size=3,
    ),
    days=st.lists(st.integers(min_value=1, max_value=20_000), min_size=2, max_size=2),
)
def test_growth_ratio_never_raises_and_stays_bounded(values: list[float], days: list[int]) -> None:
    first, last, target = values
    pts = [TrendPoint(DAY, first, "document"), TrendPoint(DAY + timedelta(days[0]), last, "doc")]
    ratio = growth_ratio(pts, target, DAY + timedelta(days[0] + days[1]))
    assert ratio is None or -RATIO_CAP <= ratio <= RATIO_CAP


# --- D13: hand-edited baselines ---------------------------------------------------------------

ENTRY = {"measure": 8, "status": "behind", "overdue": False, "actual": 10, "unit": "件"}
HAND_EDITS = [
    # (field, raw JSON value, error after "<path>: accepted.x.")  # why
    ("actual", "1e400", "actual: must be a finite number or null, not Infinity"),  # traceback
    ("actual", '"NaN"', 'actual: must be a finite number or null, not "NaN"'),  # gate off
    ("actual", "NaN", "actual: must be a finite number or null, not NaN"),
    ("actual", "true", "actual: must be a finite number or null, not true"),
    ("overdue", '"false"', 'overdue: must be true or false, not "false"'),  # read as true
    ("overdue", "0", "overdue: must be true or false, not 0"),
    ("measure", '"8"', 'measure: must be an integer (施策No.), not "8"'),
    ("measure", "8.5", "measure: must be an integer (施策No.), not 8.5"),
    (
        "status",
        '"late"',
        'status: must be one of achieved, behind, not_measurable, on_track, not "late"',
    ),
]


@pytest.mark.parametrize(("field", "raw", "error"), HAND_EDITS)
def test_a_hand_edited_baseline_is_validated(
    tmp_path: Path, field: str, raw: str, error: str
) -> None:
    entry = json.dumps(ENTRY).replace(f'"{field}": {json.dumps(ENTRY[field])}', f'"{field}": {raw}')
    path = tmp_path / "b.json"
    path.write_text(f'{{"kpi_tracker_baseline": 1, "accepted": {{"x": {entry}}}}}', "utf-8")
    with pytest.raises(BaselineError) as info:
        read_baseline(path)
    assert str(info.value) == f"{path}: accepted.x.{error}"
    result = invoke("check", SEED, "--baseline", path, code=2)
    assert result.stderr == f"kpi-tracker: error: {path}: accepted.x.{error}\n"


# --- the baseline gate's advice ---------------------------------------------------------------


def test_the_gate_never_advises_dropping_entries_still_missed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    invoke("check", SEED, "--update-baseline")  # every behind target accepted
    for fail_on in ("behind", "overdue", "none"):
        result = invoke("check", SEED, "--fail-on", fail_on)
        assert "no longer missed" not in result.stderr, fail_on


# --- D12: a unit change between years ---------------------------------------------------------


def _sheet_with_unit(tmp_path: Path, name: str, unit: str, values: list[str], year: str) -> Path:
    """The municipal sheet with its 観光入込客数 row in another unit, titled ``year``."""
    lines = MUNICIPAL.read_text(encoding="utf-8").splitlines()
    out = []
    for line in lines:
        if line.startswith("観光入込客数"):
            cells = line.split("\t")
            cells[1] = unit
            cells[2], cells[4] = values[0], values[1]
            cells[6:11] = values[2:]
            line = "\t".join(cells)
        out.append(line.replace("(令和6年度)", f"({year})"))
    path = tmp_path / name
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def test_a_unit_change_between_years_is_converted(tmp_path: Path) -> None:
    """140万人, then 1,300,000人: a fall of 100,000人, not 改善 +928471 %."""
    old = MUNICIPAL
    new = _sheet_with_unit(
        tmp_path,
        "kpi_midori_r7.tsv",
        "人",
        ["1,200,000", "1,500,000", "600,000", "800,000", "1,000,000", "1,300,000", "1,300,000"],
        "令和7年度",
    )
    data = json.loads(invoke("compare", old, new, "--format", "json").stdout)
    change = next(c for c in data["changes"] if c["old"]["unit"] == "万人")
    assert (change["delta"], change["delta_pct"], change["movement"]) == (
        -100000,
        -7.1,
        "worsened",
    )
    gate = invoke("compare", old, new, "--fail-on", "regressed", code=1)
    assert "+928471" not in gate.stdout


def test_a_unit_that_does_not_compare_is_said_and_not_compared(tmp_path: Path) -> None:
    new = _sheet_with_unit(
        tmp_path,
        "kpi_midori_r7.tsv",
        "件",
        ["1,200,000", "1,500,000", "600,000", "800,000", "1,000,000", "1,300,000", "1,300,000"],
        "令和7年度",
    )
    result = invoke("compare", MUNICIPAL, new, "--format", "json")
    change = next(c for c in json.loads(result.stdout)["changes"] if c["old"]["unit"] == "万人")
    assert (change["delta"], change["delta_pct"]) == (None, None)
    assert re.search(
        r"kpi-tracker: warning: 施策\d+ \S+: the unit changed from 万人 to 件, which do not "
        r"compare: its values are not compared",
        result.stderr,
    )


# --- D31: every command that may advise --as-of takes it --------------------------------------


@pytest.fixture
def no_year(tmp_path: Path) -> Path:
    """The reference table with no fiscal year in its title (nor its file name)."""
    path = tmp_path / "jisshi_jokyo.txt"
    text = SEED.read_text(encoding="utf-8").replace("の実施状況(令和7年度)", "の実施状況", 1)
    path.write_text(text, encoding="utf-8")
    return path


NO_YEAR = "the title names no report fiscal year (…の実施状況(令和7年度)); give "


@pytest.mark.parametrize("as_of", ["R7", "令和7年度", "2025年度", "2026-03-31", "令和8年3月31日"])
def test_check_ingest_and_compare_take_the_as_of_they_advise(
    tmp_path: Path, no_year: Path, as_of: str
) -> None:
    assert invoke("check", no_year, code=2).stderr.endswith(f"{NO_YEAR}--as-of\n")
    flagged = invoke("check", no_year, "--as-of", as_of, code=1)
    assert flagged.stderr.splitlines()[-1].startswith("24 flagged (--fail-on behind)")
    db = tmp_path / "h.db"
    assert invoke("ingest", no_year, "--db", db, code=2).stderr.endswith(f"{NO_YEAR}--as-of\n")
    stored = invoke("ingest", no_year, "--db", db, "--as-of", as_of).stdout
    assert stored == f"{no_year}: stored as report 1 (fiscal year None)\n"
    rows = json.loads(invoke("history", "--db", db, "--format", "json").stdout)
    assert {r["as_of"] for r in rows} == {"2026-03-31"}
    assert invoke("compare", SEED, no_year, code=2).stderr.endswith(f"{NO_YEAR}--as-of\n")
    assert invoke("compare", no_year, SEED, code=2).stderr.endswith(f"{NO_YEAR}--old-as-of\n")
    same = json.loads(invoke("compare", SEED, no_year, "--as-of", as_of, "--format", "json").stdout)
    assert same["summary"]["movement"]["unchanged"] == same["summary"]["indicators"]


def test_a_bad_as_of_is_one_line(no_year: Path) -> None:
    result = invoke("check", no_year, "--as-of", "R99x", code=2)
    assert result.stderr.startswith("kpi-tracker: error: --as-of: ")
    assert len(result.stderr.splitlines()) == 1


# --- D24: a ./rules file of a vaguer plan ------------------------------------------------------


def _vague_rules(folder: Path) -> Path:
    """A rules file whose plan, 重点計画, is only a word of the reference table's title."""
    folder.mkdir()
    path = folder / "vague.yaml"
    path.write_text("plan: 重点計画\nversion: 1\nmeasures: {}\n", encoding="utf-8")
    return path


def test_the_most_specific_plan_wins_over_a_vaguer_local_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _vague_rules(tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    result = invoke("check", SEED, code=1)
    assert "24 flagged (--fail-on behind)" in result.stderr
    assert re.search(r"warning: using \S+kodoku_koritsu.yaml \(「孤独・孤立対策", result.stderr)


def test_a_gate_that_evaluates_nothing_for_a_document_with_targets_is_an_error(
    tmp_path: Path,
) -> None:
    vague = _vague_rules(tmp_path / "rules")
    result = invoke("check", SEED, "--rules", vague, code=2)
    assert result.stderr == (
        f"kpi-tracker: error: {SEED}: 0 indicators evaluated, but 143 measures of the document "
        f"state targets: the rules {vague} cover none of them; give --rules PATH\n"
    )


# --- D22: a large sheet in GitHub Actions -----------------------------------------------------


def test_a_large_sheet_keeps_the_job_summary_and_annotations_within_githubs_limits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """20,000 missed rows: at most 50 ``::error`` lines and one saying how many more; a job
    summary under 1 MiB that still gives the verdict (11 MB and 15,792 lines before)."""
    head = (
        "KPI進捗管理表(令和6年度)\n\nKPI\t単位\t基準値\t基準年度\t目標値\t目標年度\t"
        "令和5年度\t令和6年度\t担当課\n"
    )
    rows = "".join(
        f"指標{i}の件数\t件\t100\t令和元年度\t200\t令和6年度\t140\t150\t企画課\n"
        for i in range(20_000)
    )
    sheet = tmp_path / "big_r6.tsv"
    sheet.write_text(head + rows, encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = invoke("check", sheet, "--format", "github", code=1)
    lines = result.stdout.splitlines()
    # GitHub shows 10 annotations of a level per step: the worst 10, then one notice
    assert len(lines) == 11 and all(line.startswith("::error ") for line in lines[:10])
    assert lines[-1].startswith("::notice::ほかエラー19990件はジョブの概要")
    text = summary.read_text(encoding="utf-8")
    assert len(text.encode()) <= 1024 * 1024
    assert "20000" in text.splitlines()[0]
    assert re.search(r"^…ほか [0-9,]+ 件$", text, re.M)
    assert "ジョブの概要の上限(約1メガバイト)を超えるため省略した" in text


def test_the_baseline_gate_converts_a_unit_changed_since(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Accepted at 140万人, reported now as 1,300,000人: it moved away, the gate fails."""
    monkeypatch.chdir(tmp_path)
    new = _sheet_with_unit(
        tmp_path,
        "kpi_midori_r7.tsv",
        "人",
        ["1,200,000", "1,500,000", "600,000", "800,000", "1,000,000", "1,300,000", "1,300,000"],
        "令和7年度",
    )
    invoke("check", new, "--update-baseline")
    path = tmp_path / ".kpi-baseline.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    key, entry = next((k, e) for k, e in data["accepted"].items() if e["unit"] == "人")
    assert entry["actual"] == 1300000
    entry.update(actual=140, unit="万人")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = invoke("check", new, code=1)
    (line,) = result.stdout.splitlines()
    assert f" {key} 期限超過 (受け入れ時の 1,400,000人 から 1,300,000人 へ、目標から遠ざかった): " in line
    assert "1 flagged (--fail-on behind)" in result.stderr


def test_an_earlier_report_in_another_unit_feeds_the_trend_converted(tmp_path: Path) -> None:
    """The 令和6年度 sheet counts 観光入込客数 in 万人 (140), the 令和7年度 one in 人: the
    stored 140万人 joins the trend as 1,400,000人, never as 140人."""
    db = tmp_path / "h.db"
    invoke("ingest", MUNICIPAL, "--db", db)
    new = tmp_path / "kpi_midori_r7.tsv"
    new.write_text(
        "第2期 みどり市まち・ひと・しごと創生総合戦略 KPI進捗管理表(令和7年度)\n\n"
        "KPI\t単位\t基準値\t基準年度\t目標値\t目標年度\t令和7年度\t担当課\n"
        "観光入込客数\t人\t1,200,000\t令和元年度\t1,500,000\t令和9年度\t1,450,000\t商工観光課\n",
        encoding="utf-8",
    )
    data = json.loads(invoke("scorecard", new, "--db", db, "--format", "json").stdout)
    (ind,) = data["indicators"]
    assert {"date": "2025-03-31", "value": 1400000, "source": "history"} in ind["trend"]

"""Dates as staff read them (``--dates wareki``): 令和8年3月31日, 令和7年度, 令和7年度末."""

from __future__ import annotations

import re
from datetime import date

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from kpi_tracker.cli import cli
from kpi_tracker.text.periods import fiscal_year_end, parse_period
from kpi_tracker.text.wareki import (
    XLSX_WAREKI_FORMAT,
    format_date,
    format_deadline,
    format_period,
    wareki_date,
    wareki_fiscal_year,
)

from .helpers import SEED

ISO_DATE = re.compile(r"\b(1[89]|20)\d\d-[01]\d-[0-3]\d\b")


@pytest.mark.parametrize(
    ("day", "said"),
    [
        # (day, 和暦)  # why
        (date(2026, 3, 31), "令和8年3月31日"),  # the reference report's 基準日
        (date(2019, 5, 1), "令和元年5月1日"),  # an era's first year is 元年
        (date(2019, 4, 30), "平成31年4月30日"),  # the day before the era changed
        (date(1989, 1, 7), "昭和64年1月7日"),  # the last day of 昭和
        (date(1989, 1, 8), "平成元年1月8日"),
    ],
)
def test_wareki_date(day: date, said: str) -> None:
    assert wareki_date(day) == said


@pytest.mark.parametrize(
    ("year", "said"),
    [
        (2025, "令和7年度"),
        (2019, "令和元年度"),  # April 2019 was still 平成, but the year is called by its end
        (2018, "平成30年度"),
        (1988, "昭和63年度"),  # its end (March 1989) is 平成: the era of its start
    ],
)
def test_wareki_fiscal_year(year: int, said: str) -> None:
    assert wareki_fiscal_year(year) == said


@pytest.mark.parametrize(
    ("start", "end", "said"),
    [
        ("2025-04-01", "2026-03-31", "令和7年度"),  # a whole fiscal year
        ("2024-04-01", "2027-03-31", "令和6～8年度"),  # several, in one era
        ("2017-04-01", "2020-03-31", "平成29年度～令和元年度"),  # across an era
        ("2026-03-31", "2026-03-31", "令和8年3月31日"),  # a point in time
        ("2025-04-01", "2025-09-30", "令和7年4月～令和7年9月"),  # whole months
        ("2025-04-15", "2025-05-14", "令和7年4月15日～令和7年5月14日"),  # two days
    ],
)
def test_wareki_period(start: str, end: str, said: str) -> None:
    assert format_period(start, end) == said
    assert not ISO_DATE.search(said)
    assert format_period(start, end, "iso") in (start, f"{start}..{end}")


@pytest.mark.parametrize(
    ("day", "said"),
    [
        ("2026-03-31", "令和7年度末"),  # the last day of a fiscal year, as plans write it
        ("2025-12-31", "令和7年12月31日"),
        (None, "—"),
    ],
)
def test_wareki_deadline(day: str | None, said: str) -> None:
    assert format_deadline(day) == said


def test_iso_stays_iso() -> None:
    assert format_date("2026-03-31", "iso") == "2026-03-31"
    assert format_deadline(date(2026, 3, 31), "iso") == "2026-03-31"


@given(st.dates(min_value=date(1873, 1, 1), max_value=date(2099, 12, 31)))
def test_a_wareki_date_reads_back_as_the_same_day(day: date) -> None:
    period = parse_period(wareki_date(day))
    assert (period.start, period.end) == (day, day)


@given(st.integers(min_value=1873, max_value=2099))  # the parser reads era years of two digits
def test_a_wareki_fiscal_year_reads_back_as_the_same_year(year: int) -> None:
    period = parse_period(wareki_fiscal_year(year))
    assert (period.start, period.end) == (date(year, 4, 1), fiscal_year_end(year))


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("fmt", ["md", "csv", "html"])
def test_wareki_reports_show_no_iso_date(fmt: str) -> None:
    out = _run("scorecard", str(SEED), "--format", fmt, "--dates", "wareki")
    assert not ISO_DATE.search(out), ISO_DATE.search(out)
    assert "令和" in out


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_wareki_is_the_default_in_japanese_and_iso_in_english(fmt: str) -> None:
    assert _run("scorecard", str(SEED), "--format", fmt) == _run(
        "scorecard", str(SEED), "--format", fmt, "--dates", "wareki"
    )
    english = _run("scorecard", str(SEED), "--format", fmt, "--lang", "en")
    assert ISO_DATE.search(english) and "令和8年3月31日" not in english


def test_iso_reports_keep_iso_dates() -> None:
    out = _run("scorecard", str(SEED), "--format", "md", "--dates", "iso")
    assert "基準日 2026-03-31" in out


def test_json_is_iso_whatever_the_dates() -> None:
    assert _run("scorecard", str(SEED), "--format", "json", "--dates", "wareki") == _run(
        "scorecard", str(SEED), "--format", "json", "--dates", "iso"
    )


def test_dates_from_the_configuration(tmp_path, monkeypatch) -> None:
    (tmp_path / "kpi-tracker.toml").write_text('dates = "iso"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = _run("scorecard", str(SEED), "--format", "md")
    assert "基準日 2026-03-31" in out
    assert "基準日 令和8年3月31日" in _run(
        "scorecard", str(SEED), "--format", "md", "--dates", "wareki"
    )


def test_wareki_workbook_keeps_real_dates_in_an_era_format(tmp_path) -> None:
    """xlsx with --dates wareki: no ISO date as text; the date cells stay dates, shown in
    the Japanese era (令和8年3月31日)."""
    import datetime

    from openpyxl import load_workbook

    out = tmp_path / "card.xlsx"
    _run("scorecard", str(SEED), "--format", "xlsx", "-o", str(out), "--dates", "wareki")
    book = load_workbook(out)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.value for c in cells if isinstance(c.value, str) and ISO_DATE.search(c.value)]
    formats = {c.number_format for c in cells if isinstance(c.value, datetime.date)}
    assert formats == {XLSX_WAREKI_FORMAT}

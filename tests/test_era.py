"""Japanese era dates and fiscal years: periods, the finder in running text, the era table."""

from __future__ import annotations

import re
import warnings
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi_tracker import parse_period
from kpi_tracker.errors import EraYearWarning, PeriodError
from kpi_tracker.text.numbers import find_quantities
from kpi_tracker.text.periods import (
    Period,
    _point_re,
    _search_point,
    eras,
    find_periods,
    fiscal_year_of,
    period_year_before,
    shift_years,
    use_era_table,
)

from .helpers import ROOT, seed_lines

D = date

PERIODS = [
    ("令和7年度", D(2025, 4, 1), D(2026, 3, 31)),  # fiscal year: April to March
    ("R7年度", D(2025, 4, 1), D(2026, 3, 31)),  # one-letter era abbreviation
    ("2025年度", D(2025, 4, 1), D(2026, 3, 31)),  # Gregorian fiscal year
    ("令和7年度中", D(2025, 4, 1), D(2026, 3, 31)),  # 中 = during the year
    ("令和8年度末", D(2027, 3, 31), D(2027, 3, 31)),  # end of the fiscal year: a point
    ("令和8年度末まで", D(2027, 3, 31), D(2027, 3, 31)),  # まで does not change the date
    ("令和8年3月末", D(2026, 3, 31), D(2026, 3, 31)),  # end of a month
    ("令和8年3月末時点", D(2026, 3, 31), D(2026, 3, 31)),  # 時点 = as at
    ("令和7年4月～令和8年3月", D(2025, 4, 1), D(2026, 3, 31)),  # range with full-width tilde
    ("令和7年4月〜令和8年3月", D(2025, 4, 1), D(2026, 3, 31)),  # range with wave dash
    ("令和7年", D(2025, 1, 1), D(2025, 12, 31)),  # calendar year
    ("令和7年(2025年)", D(2025, 1, 1), D(2025, 12, 31)),  # Gregorian year in brackets
    ("2025年", D(2025, 1, 1), D(2025, 12, 31)),
    ("令和6～8年度", D(2024, 4, 1), D(2027, 3, 31)),  # left side borrows 年度 from the right
    ("令和元年5月1日", D(2019, 5, 1), D(2019, 5, 1)),  # first day of 令和, 元年
    ("令和７年度", D(2025, 4, 1), D(2026, 3, 31)),  # full-width digit
    ("令和七年度", D(2025, 4, 1), D(2026, 3, 31)),  # kanji digit
    ("令和6(2024)年度", D(2024, 4, 1), D(2025, 3, 31)),  # Gregorian year inside
    ("R10.3.31", D(2028, 3, 31), D(2028, 3, 31)),  # dotted date with an era letter
    ("R9.3末", D(2027, 3, 31), D(2027, 3, 31)),  # a dotted month with an era letter
    ("R8.4~R9.1", D(2026, 4, 1), D(2027, 1, 31)),  # months of two years, terse
    ("2026/04～2027/03", D(2026, 4, 1), D(2027, 3, 31)),  # a form's or a workbook's months
    ("2027/02", D(2027, 2, 1), D(2027, 2, 28)),
    ("R8", D(2026, 4, 1), D(2027, 3, 31)),  # an era letter and a year alone: the fiscal year
    ("FY2031", D(2031, 4, 1), D(2032, 3, 31)),  # a fiscal year in English
    ("2027年(令和9年)2月末", D(2027, 2, 28), D(2027, 2, 28)),  # the era year in brackets after
    ("ＦＹ２０２６", D(2026, 4, 1), D(2027, 3, 31)),
    ("令和9.3.31時点", D(2027, 3, 31), D(2027, 3, 31)),  # dotted date with the era name
    ("2027/3/31", D(2027, 3, 31), D(2027, 3, 31)),  # slashed Gregorian date
    ("2027-03-31", D(2027, 3, 31), D(2027, 3, 31)),  # an ISO date, as a machine exports it
    ("H31.4.1", D(2019, 4, 1), D(2019, 4, 1)),  # the last 平成 fiscal year's first day
    ("令和7年9月10日～16日", D(2025, 9, 10), D(2025, 9, 16)),  # right side omits era and month
    ("令和7年11月～2月", D(2025, 11, 1), D(2026, 2, 28)),  # right month wraps into next year
    ("令和元年度", D(2019, 4, 1), D(2020, 3, 31)),  # FY2019 began under 平成 but is written so
    ("平成31年4月30日", D(2019, 4, 30), D(2019, 4, 30)),  # last day of 平成
    ("H31年4月30日", D(2019, 4, 30), D(2019, 4, 30)),
    ("平成元年1月8日", D(1989, 1, 8), D(1989, 1, 8)),  # first day of 平成
    ("昭和64年1月7日", D(1989, 1, 7), D(1989, 1, 7)),  # last day of 昭和
    ("大正元年7月30日", D(1912, 7, 30), D(1912, 7, 30)),  # first day of 大正
    ("昭和元年12月25日", D(1926, 12, 25), D(1926, 12, 25)),  # first day of 昭和
    ("S40年", D(1965, 1, 1), D(1965, 12, 31)),
    ("令和8年4月1日時点", D(2026, 4, 1), D(2026, 4, 1)),
    (" 令和7年度 ", D(2025, 4, 1), D(2026, 3, 31)),  # surrounding spaces
]


@pytest.mark.parametrize(("text", "start", "end"), PERIODS)
def test_contract_table(text: str, start: date, end: date) -> None:
    period = parse_period(text)
    assert (period.start, period.end) == (start, end)


INVALID = [
    "平成元年1月7日",  # before 平成 began
    "令和元年4月30日",  # before 令和 began
    "令和元年4月",  # the whole month is before 令和
    "令和0年",  # year 0 does not exist
    "令和7年13月",  # no month 13
    "令和7年2月30日",  # no 30 February
    "昭和2年2月29日",  # 1927 is no leap year
    "令和6(2023)年度",  # the bracketed year contradicts the era year
    "令和8年～令和7年",  # ends before it starts
    "2025",  # a bare number names no period
    "令和",  # an era with no year
    "こんにちは",
    "",
]


@pytest.mark.parametrize("text", INVALID)
def test_invalid_dates_raise(text: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_period(text)
    assert isinstance(info.value, PeriodError)
    if text:
        assert repr(text) in str(info.value) or text in str(info.value)


def test_era_year_past_end_is_read_forward_with_warning() -> None:
    with pytest.warns(EraYearWarning):
        period = parse_period("平成32年度")
    assert (period.start, period.end) == (D(2020, 4, 1), D(2021, 3, 31))
    assert period.warning and "平成" in period.warning


def test_boundaries_of_every_era() -> None:
    table = eras()
    assert [e.name for e in table] == ["明治", "大正", "昭和", "平成", "令和"]
    for previous, era in pairwise(table):
        assert previous.end is not None and (era.start - previous.end).days == 1
        day = era.start
        text = f"{era.name}元年{day.month}月{day.day}日"
        assert parse_period(text).start == day
        with pytest.raises(PeriodError):
            before = previous.end
            parse_period(f"{era.name}元年{before.month}月{before.day}日")


def _era_text(day: date) -> str:
    era = next(e for e in reversed(eras()) if e.start <= day)
    year = day.year - era.start.year + 1
    return f"{era.name}{'元' if year == 1 else year}年{day.month}月{day.day}日"


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=D(1912, 7, 30), max_value=D(2099, 12, 31)))
def test_round_trip_any_day(day: date) -> None:
    period = parse_period(_era_text(day))
    assert period.start == period.end == day


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=60))
def test_round_trip_fiscal_years(year: int) -> None:
    period = parse_period(f"令和{year}年度")
    assert period.start == D(2018 + year, 4, 1)
    assert fiscal_year_of(period.start) == fiscal_year_of(period.end) == 2018 + year


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_arbitrary_text_returns_or_raises_own_error(text: str) -> None:
    try:
        period = parse_period(text)
    except PeriodError:
        return
    assert period.start <= period.end
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for match in find_periods(text):
            assert text[match.start : match.end] == match.text


ERA_EXPR = re.compile(r"(?:令和|平成|昭和|R|H)[0-9０-９元]+(?:年度|年)[^、。()（）\s]{0,12}")


def _seed_period_texts() -> list[str]:
    texts = set()
    for line in seed_lines():
        cells = line.split("\t")
        if len(cells) >= 5 and cells[0].strip().isdigit():
            for cell in (cells[3], cells[4]):
                texts.update(m.text for m in find_periods(cell))
    return sorted(texts)


SEED_PERIODS = _seed_period_texts()


def test_seed_has_many_period_forms() -> None:
    assert len(SEED_PERIODS) > 60
    assert "令和7年4月～令和8年3月" in SEED_PERIODS
    assert "令和8年3月末" in SEED_PERIODS


@pytest.mark.parametrize("text", SEED_PERIODS)
def test_every_seed_period_parses_consistently(text: str) -> None:
    """Every period expression in the seed's target and status columns parses on its own, and
    a 年度 expression is a fiscal year (April–March) or a point at its end."""
    period = parse_period(text)
    assert period.start <= period.end
    if re.fullmatch(r"(?:令和|平成)[0-9元]+年度", text):
        assert (period.start.month, period.start.day, period.end.month) == (4, 1, 3)


def test_finder_spans_point_into_raw_text() -> None:
    text = "令和７年４月～令和８年３月の数値。H30年度は別。"
    found = find_periods(text)
    assert [m.text for m in found] == ["令和７年４月～令和８年３月", "H30年度"]
    for m in found:
        assert text[m.start : m.end] == m.text


# Years written without their era or century, as lists and memos write them: in running text
# the finder reads them as the era in effect (the last one named, else the current era).
ABBREVIATED = [
    ("令和4年度18.2%、5年度19.0%、6年度19.8%", ["2022-04-01", "2023-04-01", "2024-04-01"]),
    ("平成29年度、30年度と増加", ["2017-04-01", "2018-04-01"]),
    ("8年度90.3%(7年度88.4%)", ["2026-04-01", "2025-04-01"]),
    ("9年3月に実施した調査", ["2027-03-01"]),
    ("9.4.1時点で46都道府県", ["2027-04-01"]),
    ("約498万件(FY26)、FY25は約527万件", ["2026-04-01", "2025-04-01"]),
    ("'26年度調査で29.8%", ["2026-04-01"]),
    ("2026FY実績", ["2026-04-01"]),
    ("8年4月～9年3月の累計", ["2026-04-01"]),
    ("9.3末時点で64,000人(8.3末時点5万9,000人超)", ["2027-03-31", "2026-03-31"]),
]


@pytest.mark.parametrize(("text", "starts"), ABBREVIATED)
def test_finder_reads_years_without_their_era(text: str, starts: list[str]) -> None:
    assert [str(p.period.start) for p in find_periods(text)] == starts


# …and leaves alone what only looks like one: a count of years, a version, a share.
NOT_A_YEAR = ["3年度連続で増加", "2年以内再入率", "10年間で", "12.5%", "第3.1.2版", "5年ぶり"]


@pytest.mark.parametrize("text", NOT_A_YEAR)
def test_finder_leaves_counts_of_years_alone(text: str) -> None:
    assert find_periods(text) == []


FINDER_NOT_APPLICABLE = [
    "OTR7",  # an abbreviation inside a word
    "#9999",
    "3年ごと",
    "2年以内再入率",
    "値は1.5.6",  # a dotted date needs a year before it
    "274,285.3.1",  # digits of a number, not a date
]


@pytest.mark.parametrize("text", FINDER_NOT_APPLICABLE)
def test_finder_not_applicable(text: str) -> None:
    assert find_periods(text) == []


SHIFTS = [
    # (day, years, expected)  # why
    (date(2026, 3, 31), -1, date(2025, 3, 31)),  # a fiscal year's end, one year earlier
    (date(2024, 2, 29), -1, date(2023, 2, 28)),  # no 29 February in 2023: the 28th
    (date(2024, 2, 29), 4, date(2028, 2, 29)),  # a leap year again keeps the 29th
    (date(2025, 4, 1), 2, date(2027, 4, 1)),
]


@pytest.mark.parametrize(("day", "years", "expected"), SHIFTS)
def test_shift_years(day: date, years: int, expected: date) -> None:
    assert shift_years(day, years) == expected


def test_period_year_before() -> None:
    # 前年度の約73%: the year before 令和7年度 is 令和6年度.
    before = period_year_before(parse_period("令和7年度"))
    assert before == Period(date(2024, 4, 1), date(2025, 3, 31))
    assert before.text == "令和7年度の前年"


def test_a_new_era_is_a_data_edit(tmp_path: Path) -> None:
    # A made-up era from 2040-01-01, added to a copy of the table: names, letter and the end
    # of 令和 all follow from the data.
    table = tmp_path / "eras.tsv"
    shipped = (ROOT / "kpi_tracker" / "data" / "eras.tsv").read_text(encoding="utf-8")
    table.write_text(shipped.rstrip("\n") + "\n未来\tZ\t2040-01-01\n", encoding="utf-8")
    use_era_table(table)
    try:
        assert parse_period("未来2年度") == Period(date(2041, 4, 1), date(2042, 3, 31))
        assert parse_period("Z3.3.31") == Period(date(2042, 3, 31), date(2042, 3, 31))
        found = find_periods("未来元年度の件数は10件")
        assert [m.text for m in found] == ["未来元年度"]
        with pytest.warns(EraYearWarning, match="past the end of 令和"):
            parse_period("令和22年")  # 2040: 令和 now ends on 2039-12-31
        # the figure of an era year written without 年 (未来3の計画) is no value either
        assert [q.text for q in find_quantities("未来3の計画")] == []
    finally:
        use_era_table(None)
    assert [q.text for q in find_quantities("未来3の計画")] == ["3"]
    with pytest.raises(PeriodError):
        parse_period("未来2年度")  # not in the shipped table


# Text made of what period expressions are made of, so that near-misses are drawn often.
_PERIODISH = st.text(alphabet=st.sampled_from("令和平成R元H12034579年度月日末.~()/から、は件"))


@settings(max_examples=400)
@given(_PERIODISH, st.integers(min_value=0, max_value=5))
def test_point_search_tries_only_where_a_period_can_start(text: str, pos: int) -> None:
    found = _search_point(text, pos)
    expected = _point_re().search(text, pos)
    assert (found and found.span()) == (expected and expected.span())

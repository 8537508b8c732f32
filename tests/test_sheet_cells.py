"""Cells and headers of KPI sheets: numbers, dates in brackets, blanks, year columns."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpi_tracker.errors import PeriodError
from kpi_tracker.read.sheets.cells import read_cell, unit_scale, year_of_header
from kpi_tracker.read.sheets.vocab import sheet_layout

CELLS = [
    ("1,234", 1234, None),  # grouping comma
    ("１，２３４", 1234, None),  # full-width digits and comma
    ("26.0%(2024年)", 26.0, date(2024, 12, 31)),  # a date in brackets dates the value
    ("30%(2025年度末)", 30, date(2026, 3, 31)),  # the end of fiscal 2025
    ("13%(平成32年)", 13, date(2020, 12, 31)),  # an era year past its end, read forward
    ("5,000人(2025年度)", 5000, date(2026, 3, 31)),
    ("約527万件", 5_270_000, None),  # 万 multiplies
]


@pytest.mark.parametrize(("text", "value", "end"), CELLS)
def test_read_cell(text: str, value: float, end: date | None) -> None:
    cell = read_cell(text)
    assert cell.value == value
    assert (cell.period.end if cell.period else None) == end


# Cells that hold no value: blank, dashes, words.
NO_VALUE = ["", " ", "-", "－", "―", "…", "n.a.", "該当なし", "調査予定なし", "増加", "nan", "inf"]


@pytest.mark.parametrize("text", NO_VALUE)
def test_read_cell_not_applicable(text: str) -> None:
    assert read_cell(text).value is None


def test_pending_keeps_its_year() -> None:
    cell = read_cell("集計中(令和6年度)")
    assert cell.pending and cell.value is None
    assert cell.period is not None and cell.period.end == date(2025, 3, 31)


def test_unit_repeated_in_the_cell() -> None:
    # 倍 after a number reads as a ratio in prose; in a 倍 row it is the row's own unit.
    assert read_cell("1.5倍", "倍").value == 1.5


@pytest.mark.parametrize(
    ("unit", "scale", "counter"),
    [("万人", 10_000, "人"), ("千件", 1000, "件"), ("人", 1, "人"), ("", 1, ""), ("%", 1, "%")],
)
def test_unit_scale(unit: str, scale: float, counter: str) -> None:
    assert unit_scale(unit) == (scale, counter)


YEARS = [
    ("2019", date(2019, 4, 1), date(2020, 3, 31)),  # a bare year is a fiscal year
    ("令和元年度", date(2019, 4, 1), date(2020, 3, 31)),
    ("R1", date(2019, 4, 1), date(2020, 3, 31)),
    ("H31", date(2019, 4, 1), date(2020, 3, 31)),
    ("令和2年度実績", date(2020, 4, 1), date(2021, 3, 31)),
    ("2023年", date(2023, 1, 1), date(2023, 12, 31)),  # 年 is a calendar year
]


@pytest.mark.parametrize(("header", "start", "end"), YEARS)
def test_year_of_header(header: str, start: date, end: date) -> None:
    period = year_of_header(header)
    assert period is not None and (period.start, period.end) == (start, end)


@pytest.mark.parametrize("header", ["単位", "備考", "KPI", "目標値(期限)"])
def test_year_of_header_not_applicable(header: str) -> None:
    assert year_of_header(header) is None


def test_a_year_header_that_names_no_year() -> None:
    with pytest.raises(PeriodError):
        year_of_header("令和0年度")


@given(st.integers(min_value=0, max_value=10**12))
def test_numbers_with_commas_round_trip(n: int) -> None:
    assert read_cell(f"{n:,}").value == n


@given(st.integers(min_value=2007, max_value=2060))
def test_year_columns_are_fiscal_years(year: int) -> None:
    period = year_of_header(str(year))
    assert period is not None
    assert (period.start, period.end) == (date(year, 4, 1), date(year + 1, 3, 31))


LAYOUTS = [
    (("項目", "目標値(期限)", "計画策定時の数値", "最新値"), "table"),  # white paper
    (("KPI", "単位", "基準値", "目標値", "令和6年度"), "table"),  # municipal
    (("予算事業ID", "活動指標／成果指標", "目標年度／目標値／実績値／達成率", "2024"), "review"),
    (("施策No.", "施策名", "目標及び達成の期間", "目標の達成状況"), None),  # the status table
    (("第5次男女共同参画基本計画",), None),  # a title line
]


@pytest.mark.parametrize(("cells", "layout"), LAYOUTS)
def test_sheet_layout(cells: tuple[str, ...], layout: str | None) -> None:
    assert sheet_layout(cells) == layout


@given(
    st.text(
        alphabet=st.sampled_from("0123456789,.%-()年度令和平成元万人件約集計中－―　 R"), max_size=20
    )
)
def test_any_cell_reads_without_raising(text: str) -> None:
    cell = read_cell(text)  # a value, no value, or text that is no number: never an exception
    assert cell.value is None or isinstance(cell.value, float)

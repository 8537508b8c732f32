"""Dates as Japanese staff read them: 令和8年3月31日, 令和7年度, 令和7年度末 (``--dates wareki``).

The inverse of ``periods.parse_period`` for the shapes the reports print, read from the same
era table (``data/eras.tsv``). ``format_date`` is what every renderer calls: ISO for
``--dates iso`` (and always for JSON), 和暦 otherwise. ``years_named`` goes the other way for a
year told by the report's time (本年3月末 → 令和9年3月末(本年3月末)), from the same table.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from .lexicon import alternation, words
from .periods import Era, Period, eras, fiscal_year_end, fiscal_year_of

__all__ = [
    "DATE_STYLES",
    "XLSX_WAREKI_FORMAT",
    "format_date",
    "format_deadline",
    "format_period",
    "wareki_date",
    "wareki_fiscal_year",
    "years_named",
]

DATE_STYLES = ("wareki", "iso")
# An Excel number format that shows a real date cell as 令和8年3月31日 (元年 for the first year).
XLSX_WAREKI_FORMAT = "[$-ja-JP-x-gannen]ggge年m月d日"


def _era_of(day: date) -> Era:
    found = [e for e in eras() if e.start <= day]
    if not found:
        raise ValueError(f"{day.isoformat()} is before the first era of the table")
    return found[-1]


def _year(era: Era, year: int) -> str:
    n = year - era.start.year + 1
    return f"{era.name}{'元' if n == 1 else n}年"


def wareki_date(day: date) -> str:
    """令和8年3月31日; 令和元年5月1日 for an era's first year."""
    return f"{_year(_era_of(day), day.year)}{day.month}月{day.day}日"


def wareki_fiscal_year(year: int) -> str:
    """令和7年度 for 2025; the era in force at the year's end, as 令和元年度 for 2019 (the
    year's end before the era began — 昭和63年度 — keeps the era of its start)."""
    end = fiscal_year_end(year)
    era = _era_of(end)
    if year < era.start.year:
        era = _era_of(date(year, 4, 1))
    return _year(era, year) + "度"


def _is_fiscal_year(period: Period) -> int | None:
    year = fiscal_year_of(period.start)
    if period.start == date(year, 4, 1) and period.end == fiscal_year_end(year):
        return year
    return None


def format_date(day: date | str | None, style: str = "wareki") -> str:
    """A day as the report prints it: 令和8年3月31日, or ISO for ``style="iso"``; ``—`` for
    none. An ISO string (as the JSON shape holds dates) is read first."""
    if day is None or day == "":
        return "—"
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return wareki_date(day) if style == "wareki" else day.isoformat()


def format_deadline(day: date | str | None, style: str = "wareki") -> str:
    """A deadline: 令和7年度末 when it is the last day of a fiscal year, else as a date."""
    if day is None or day == "":
        return "—"
    if isinstance(day, str):
        day = date.fromisoformat(day)
    if style == "wareki" and day == fiscal_year_end(fiscal_year_of(day)):
        return wareki_fiscal_year(fiscal_year_of(day)) + "末"
    return format_date(day, style)


def format_period(start: date | str, end: date | str, style: str = "wareki") -> str:
    """A span: 令和7年度 (a whole fiscal year), 令和6～8年度, a day, whole months
    (令和7年4月～令和7年9月) or two days; ISO ``start..end`` (or one day) for ``style="iso"``."""
    if isinstance(start, str):
        start = date.fromisoformat(start)
    if isinstance(end, str):
        end = date.fromisoformat(end)
    if style != "wareki":
        return start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"
    if start == end:
        return wareki_date(start)
    first = fiscal_year_of(start)
    last = fiscal_year_of(end)
    if start == date(first, 4, 1) and end == fiscal_year_end(last):
        if first == last:
            return wareki_fiscal_year(first)
        a, b = wareki_fiscal_year(first), wareki_fiscal_year(last)
        era_a = a[: len(_era_of(fiscal_year_end(first)).name)]
        if b.startswith(era_a):
            return f"{a[:-2]}～{b[len(era_a) :]}"  # 令和6～8年度
        return f"{a}～{b}"
    if start.day == 1 and end == (end.replace(day=28) + timedelta(days=4)).replace(
        day=1
    ) - timedelta(days=1):
        # whole months: 令和7年4月～令和8年3月
        return (
            f"{_year(_era_of(start), start.year)}{start.month}月～"
            f"{_year(_era_of(end), end.year)}{end.month}月"
        )
    return f"{wareki_date(start)}～{wareki_date(end)}"


# --- a calendar year told by the report's time ---------------------------------------------

_YEARS_BACK = {"this_year": 0, "last_year": 1, "year_before_last": 2}


@cache
def _told_year_re() -> re.Pattern[str]:
    told = alternation(*_YEARS_BACK)
    return re.compile(
        rf"(?P<word>{told})(?P<day>\s*(?P<month>[0-9０-９]{{1,2}})\s*月"
        r"(?:\s*[0-9０-９]{1,2}\s*日)?(?:末|初め|初)?)"
    )


@cache
def _years_back(word: str) -> int:
    return next(n for cls, n in _YEARS_BACK.items() if word in words(cls))


def years_named(text: str, as_of: date) -> str:
    """``text`` with each month of a year told by the report's time (本年3月末, 今年4月1日,
    昨年3月末) named by its year, the words as written after it in brackets: 令和9年3月末
    (本年3月末) in a report as of 令和9年3月31日 (本年: the year of ``as_of``)."""
    if "年" not in text:
        return text

    def named(m: re.Match[str]) -> str:
        year = as_of.year - _years_back(m.group("word"))
        month = int(m.group("month"))  # (int reads full-width digits: ３月)
        day = m.group("day")
        return f"{_year(_era_of(date(year, month, 1)), year)}{day}({m.group('word')}{day})"

    return _told_year_re().sub(named, text)

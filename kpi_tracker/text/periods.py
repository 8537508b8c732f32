"""和暦 and 年度: Japanese era dates and fiscal years → ``Period(start, end)``.

Pipeline (after ja-timex): normalise → find candidates with one named regex → assemble the
range partner, if any → validate against the era table (package data) → ``Period``.
年度 is the Japanese fiscal year, April to March; 令和7年度 is 2025-04-01 … 2026-03-31.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from ..data import read_data
from ..errors import EraYearWarning, PeriodError
from .normalize import normalize

__all__ = [
    "Era",
    "Period",
    "PeriodMatch",
    "find_periods",
    "fiscal_year_end",
    "fiscal_year_of",
    "one_year_before",
    "parse_period",
    "period_year_before",
    "shift_years",
]


@dataclass(frozen=True)
class Era:
    name: str
    abbreviation: str
    start: date
    end: date | None  # last day; None for the current era


_era_table_text: str | None = None  # another table than the shipped one (use_era_table)


@cache
def eras() -> tuple[Era, ...]:
    """The era table (``data/eras.tsv``): a new era is a line there, not a code change."""
    text = read_data("eras.tsv") if _era_table_text is None else _era_table_text
    rows: list[tuple[str, str, date]] = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, abbr, first_day = line.split("\t")
            rows.append((name, abbr, date.fromisoformat(first_day)))
    out = []
    for i, (name, abbr, start) in enumerate(rows):
        end = rows[i + 1][2] - timedelta(days=1) if i + 1 < len(rows) else None
        out.append(Era(name, abbr, start, end))
    return tuple(out)


def use_era_table(path: str | Path | None) -> None:
    """Read eras from ``path`` (the format of ``data/eras.tsv``) from now on; ``None``: the
    shipped table again. For an era newer than this release, and for tests."""
    global _era_table_text
    _era_table_text = None if path is None else Path(path).read_text(encoding="utf-8")
    for cached in (eras, _eras_by_name, _point_re, _start_re):
        cached.cache_clear()


@cache
def _eras_by_name() -> dict[str, Era]:
    return {key: era for era in eras() for key in (era.name, era.abbreviation)}


def _era_named(token: str) -> Era:
    """The era a name (令和) or its letter (R) stands for; the point pattern admits only the
    names and letters of the table, so every token it matched is here."""
    return _eras_by_name()[token]


@dataclass(frozen=True, slots=True)
class Period:
    """An inclusive span of days. A point in time (年度末, 3月末時点) has ``start == end``."""

    start: date
    end: date
    text: str = field(default="", compare=False)
    warning: str | None = field(default=None, compare=False)

    @property
    def is_point(self) -> bool:
        return self.start == self.end

    def __str__(self) -> str:
        return self.text or f"{self.start.isoformat()}..{self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class PeriodMatch:
    """A period expression found in a text, with its span in that (raw) text."""

    start: int
    end: int
    text: str
    period: Period
    bracketed: bool = False  # written inside ( ) right after other words: 影響前(平成31年)


def fiscal_year_of(day: date) -> int:
    """The 年度 a day belongs to, named by the calendar year in which it starts."""
    return day.year if day.month >= 4 else day.year - 1


def fiscal_year_end(year: int) -> date:
    """The last day of 年度 ``year``: 31 March of the next calendar year."""
    return date(year + 1, 3, 31)


# NOTE: remembered: a document names the same few year ends again and again, and a
# relativedelta costs more than the rest of reading a previous value.
@lru_cache(maxsize=1024)
def shift_years(day: date, years: int) -> date:
    """The same day ``years`` later (earlier when negative); 29 February falls on the 28th."""
    # NOTE: imported here: dateutil is only needed once a trend or a 前年 is worked out.
    from dateutil.relativedelta import relativedelta

    return day + relativedelta(years=years)


def one_year_before(day: date) -> date:
    return shift_years(day, -1)


def period_year_before(period: Period) -> Period:
    """The same span one year earlier (前年度の…: the year before the one named)."""
    return Period(
        one_year_before(period.start), one_year_before(period.end), f"{period.text}の前年"
    )


# --- regex fragments -------------------------------------------------------------------------

_KANJI_DIGITS = "〇一二三四五六七八九"
_NUM = rf"[0-9]{{1,2}}|元|[{_KANJI_DIGITS}十]{{1,3}}"
_POINT = (
    r"(?:"
    # era year: 令和7 / R7 / 令和元 / 令和七 (an abbreviation only before a digit, never in a word);
    # ERA_NAMES and ERA_LETTERS are filled in from the era table (_point_re)
    rf"(?P<era>ERA_NAMES|(?<![A-Za-z])[ERA_LETTERS](?=[0-9元]))\s*(?P<ey>{_NUM})"
    # or a Gregorian year: 2025
    r"|(?<![0-9.,])(?P<gy>[12][0-9]{3})"
    # or a fiscal year written FY2025 (the 年度 that starts in April 2025), or FY25
    r"|(?<![A-Za-z])FY\s*(?P<fy>[12][0-9]{3}|[0-9]{2})(?![0-9])"
    # or a Gregorian year's last two digits after an apostrophe: '26年度
    r"|'(?P<ay>[0-9]{2})(?=年)"
    # or a year of the current era with the era left out, as a list goes on after naming it
    # once (令和4年度18.2%、5年度19.0%) or a memo writes it (8年度, 9年3月, 9.4.1時点): only
    # as a fiscal year, a year with its month, or a dotted date at a point
    r"|(?<![0-9A-Za-z.,'/~\-])(?P<ny>[0-9]{1,2})"
    r"(?=年度(?!連続|ぶり)|年\s*[0-9]{1,2}\s*月|\.[0-9]{1,2}\.[0-9]{1,2}\s*(?:時点|現在)"
    r"|\.[0-9]{1,2}\s*末)"
    r")"
    r"(?:\((?P<p1>[0-9]{4})\))?"  # 令和6(2024)年度
    # or a dotted date: R10.3.31, 令和9.3.31, 2027.3.31, 2027/3/31, 2027-03-31 (ISO)
    r"(?:(?P<ds>[./]|(?<=[0-9]{4})-(?=[0-9]{2}-))(?P<dm>[0-9]{1,2})(?P=ds)(?P<dd>[0-9]{1,2})(?![0-9.])"
    # or, after an era letter, a dotted month: R9.3末, R8.4~R9.1
    r"|(?<=[A-Z][0-9])\.(?P<em>[0-9]{1,2})(?![0-9.%])|(?<=[A-Z][0-9]{2})\.(?P<em2>[0-9]{1,2})(?![0-9.%])"
    # or, after a year of the era in effect, a dotted month's end: 9.3末
    r"|\.(?P<em3>[0-9]{1,2})(?=\s*末)"
    # or, after a Gregorian year of these centuries, its month after a slash: 2026/04 (a form's
    # or a workbook's month)
    r"|(?<=(?:19|20)[0-9]{2})/(?P<gm>0?[1-9]|1[0-2])(?![0-9/.,%]))?"
    r"(?P<yu>年度|年|FY)?"
    r"(?:\((?P<p2>[0-9]{4})年?度?\))?"  # 令和7年(2025年)
    # 2027年(令和9年)2月: the era year in brackets after a Gregorian one
    r"(?:\((?:ERA_NAMES2|[ERA_LETTERS2])\s*(?:[0-9]{1,2}|元|[〇一二三四五六七八九十]{1,3})年?度?\))?"
    rf"(?:(?P<m>[0-9]{{1,2}}|[{_KANJI_DIGITS}十]{{1,2}})月"
    rf"(?:(?P<d>[0-9]{{1,2}}|[{_KANJI_DIGITS}十]{{1,3}})日)?)?"
    r"(?P<suf>末|中|初)?"
)


@cache
def _point_re() -> re.Pattern[str]:
    """The point pattern with the era names and letters of the table."""
    names = sorted((e.name for e in eras()), key=len, reverse=True)
    letters = "".join(re.escape(e.abbreviation) for e in eras())
    pattern = _POINT.replace("ERA_NAMES2", "|".join(map(re.escape, names)), 1)
    pattern = pattern.replace("ERA_LETTERS2", letters, 1)
    pattern = pattern.replace("ERA_NAMES", "|".join(map(re.escape, names)), 1)
    return re.compile(pattern.replace("ERA_LETTERS", letters, 1))


# NOTE: the point pattern starts with an alternation behind lookbehinds, so ``search`` tries
# the whole pattern at every character (about 10 µs for a status text). Every match starts
# with the first character of an era name, an era letter or the 1 or 2 of a Gregorian year:
# only there is the pattern tried (a quarter of the time, the same matches).
@cache
def _start_re() -> re.Pattern[str]:
    first = {e.name[0] for e in eras()} | {e.abbreviation for e in eras()} | set("F'")
    return re.compile(
        "[" + "".join(map(re.escape, sorted(first))) + "]"
        # a Gregorian year, or a year of the era in effect (8年度, 9年3月, 9.4.1)
        r"|[12](?=[0-9]{3})|[0-9](?=[0-9]?(?:年|\.[0-9]{1,2}\.[0-9]|\.[0-9]{1,2}\s*末))"
    )


def _search_point(norm: str, pos: int) -> re.Match[str] | None:
    """``_point_re().search(norm, pos)``, tried only where a match can start."""
    point_re = _point_re()
    start_re = _start_re()
    while True:
        start = start_re.search(norm, pos)
        if start is None:
            return None
        m = point_re.match(norm, start.start())
        if m is not None:
            return m
        pos = start.start() + 1


# The right side of a range may leave out what the left side said: 令和7年9月10日~16日.
# (a dash or a long vowel mark as text copied out of a PDF writes it: 令和8年4月ー令和9年3月)
_RANGE_SEP = re.compile(r"\s*(?:~|から|[-‐―ー])\s*")


# NOTE: compiled on first use (1.5 ms): only a range needs it, and start-up counts.
@cache
def _partial_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<y>{_NUM}|[12][0-9]{{3}})(?P<yu>年度|年)"
        rf"(?:(?P<m>[0-9]{{1,2}}|[{_KANJI_DIGITS}十]{{1,2}})月"
        rf"(?:(?P<d>[0-9]{{1,2}}|[{_KANJI_DIGITS}十]{{1,3}})日)?)?(?P<suf>末|中|初)?"
        rf"|(?P<m2>[0-9]{{1,2}}|[{_KANJI_DIGITS}十]{{1,2}})月"
        rf"(?:(?P<d2>[0-9]{{1,2}}|[{_KANJI_DIGITS}十]{{1,3}})日)?(?P<suf2>末|中|初)?"
        rf"|(?P<d3>[0-9]{{1,2}}|[{_KANJI_DIGITS}十]{{1,3}})日"
    )


# Words that may follow a period without changing it.
_TRAILER_RE = re.compile(r"(?:\s*(?:時点|現在|までに|まで|実績|見込み|頃|ごろ|以降|当初|中))*\s*$")


def _small_int(token: str) -> int:
    """``7``, ``元``, ``七``, ``三十一`` → int."""
    if token.isdigit() and token.isascii():
        return int(token)
    if token == "元":
        return 1
    if "十" in token:
        tens, _, ones = token.partition("十")
        return (_KANJI_DIGITS.index(tens) if tens else 1) * 10 + (
            _KANJI_DIGITS.index(ones) if ones else 0
        )
    value = 0
    for ch in token:
        value = value * 10 + _KANJI_DIGITS.index(ch)
    return value


# NOTE: a named tuple, not a frozen dataclass: one is made for every date in a text and
# dropped at once, and a tuple is made in a fifth of the time.
class _Parts(NamedTuple):
    """One side of a period expression before it becomes dates."""

    era: Era | None
    year: int  # era year when era is set, else Gregorian year
    unit: str | None  # 年度 / 年 / None (bare era year on the left of a range)
    month: int | None
    day: int | None
    suffix: str | None

    def gregorian_year(self) -> int:
        if self.era is None:
            return self.year
        return self.era.start.year + self.year - 1


def _bounds(parts: _Parts, text: str) -> tuple[date, date, str | None]:
    """First and last day named by one side, checked against its era."""
    if parts.era is not None and parts.year == 0:
        raise PeriodError(f"era year 0 does not exist: {text!r}")
    year = parts.gregorian_year()
    if parts.month is not None and not 1 <= parts.month <= 12:
        raise PeriodError(f"no month {parts.month}: {text!r}")
    try:
        if parts.unit == "年度" and parts.month is None:
            first, last = date(year, 4, 1), fiscal_year_end(year)
        elif parts.month is None:
            first, last = date(year, 1, 1), date(year, 12, 31)
        elif parts.day is None:
            # In a 年度 context a month in January–March belongs to the next calendar year.
            if parts.unit == "年度" and parts.month < 4:
                year += 1
            first = date(year, parts.month, 1)
            last = _last_day_of_month(year, parts.month)
        else:
            first = last = date(year, parts.month, parts.day)
    except ValueError as exc:
        raise PeriodError(f"no such date ({exc}): {text!r}") from None
    if parts.suffix == "末":
        first = last
    elif parts.suffix == "初":
        last = first
    warning = None
    era = parts.era
    if era is not None:
        if last < era.start:
            raise PeriodError(
                f"{era.name}{parts.year}年 is before {era.name} began ({era.start}): {text!r}"
            )
        if era.end is not None and first > era.end:
            warning = (
                f"{era.name}{parts.year}年 is past the end of {era.name} ({era.end}); "
                f"read forward as {year}年"
            )
    return first, last, warning


# The months of a fiscal year written in brackets after it: 令和8年度(4月~9月分).
_FY_MONTHS = re.compile(
    r"\(\s*(?P<m1>[0-9]{1,2})月\s*~\s*(?P<m2>[0-9]{1,2})月\s*(?:分|末|まで)?\s*\)"
)


def _fiscal_months(fiscal_year: int, first: int, last: int, text: str) -> tuple[date, date]:
    """The first day of month ``first`` to the last day of month ``last`` of a fiscal year
    (April to March: January to March fall in the next calendar year)."""
    if not (1 <= first <= 12 and 1 <= last <= 12):
        raise PeriodError(f"no such month: {text!r}")

    def year_of(month: int) -> int:
        return fiscal_year if month >= 4 else fiscal_year + 1

    start, end = date(year_of(first), first, 1), _last_day_of_month(year_of(last), last)
    if end < start:
        raise PeriodError(f"range ends before it starts: {text!r}")
    return start, end


def _last_day_of_month(year: int, month: int) -> date:
    # NOTE: not calendar.monthrange: importing calendar costs ~4 ms at every start.
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - timedelta(days=1)


def _parts_from_point(m: re.Match[str], era_in_effect: Era | None = None) -> _Parts:
    """One side of a period; ``era_in_effect``: the era a year written without one is of (the
    last one the text named; else the current era)."""
    if m["fy"]:  # FY2025, FY25: the fiscal year
        fy = int(m["fy"])
        return _Parts(None, fy if fy > 99 else _CENTURY + fy, "年度", None, None, m["suf"])
    era = _era_named(m["era"]) if m["era"] else None
    if m["ny"]:
        era = era_in_effect or eras()[-1]
    if m["ey"] or m["ny"]:
        year = _small_int(m["ey"] or m["ny"])
    else:
        year = int(m["gy"]) if m["gy"] else _CENTURY + int(m["ay"])
    if m["dm"]:  # a dotted date names its day: the calendar year is meant
        return _Parts(era, year, "年", int(m["dm"]), int(m["dd"]), None)
    dotted_month = m["em"] or m["em2"] or m["em3"] or m["gm"]
    if dotted_month:  # R9.3末: a month of the calendar year
        return _Parts(era, year, "年", int(dotted_month), None, m["suf"])
    month = _small_int(m["m"]) if m["m"] else None
    day = _small_int(m["d"]) if m["d"] else None
    unit = "年度" if m["yu"] == "FY" else m["yu"]
    if unit is None and month is None and era is not None and m["era"] == era.abbreviation:
        # R8 alone, as terse tables write it: the fiscal year (令和8年度)
        unit = _BARE_LETTER_YEAR
    return _Parts(era, year, unit, month, day, m["suf"])


# the century of a year written with two digits (FY26, '26年度)
_CENTURY = 2000

# What an era letter with a year alone (R8) stands for in a report: its fiscal year.
_BARE_LETTER_YEAR = "年度"


def _check_parenthesised(m: re.Match[str], parts: _Parts, text: str) -> None:
    paren = m["p1"] or m["p2"]
    if paren and parts.era is not None and int(paren) != parts.gregorian_year():
        raise PeriodError(
            f"{parts.era.name}{parts.year}年 is {parts.gregorian_year()}, not {paren}: {text!r}"
        )


def _parts_from_partial(m: re.Match[str], left: _Parts) -> _Parts:
    if m["y"]:
        year = _small_int(m["y"]) if len(m["y"]) < 4 else int(m["y"])
        era = None if len(m["y"]) == 4 else left.era
        return _Parts(
            era,
            year,
            m["yu"],
            _small_int(m["m"]) if m["m"] else None,
            _small_int(m["d"]) if m["d"] else None,
            m["suf"],
        )
    if m["m2"]:
        month = _small_int(m["m2"])
        year = left.year
        # 令和7年11月~2月: the right month is in the next year when it comes before the left one.
        if left.month is not None and month < left.month:
            year += 1
        return _Parts(
            left.era, year, left.unit, month, _small_int(m["d2"]) if m["d2"] else None, m["suf2"]
        )
    return _Parts(left.era, left.year, left.unit, left.month, _small_int(m["d3"]), None)


def _warn(warning: str | None) -> None:
    if warning:
        warnings.warn(warning, EraYearWarning, stacklevel=3)


def _match_at(
    norm: str, raw: str, m: re.Match[str], era_in_effect: Era | None = None
) -> PeriodMatch | None:
    """Assemble one expression starting at a point match; None when it names no period."""
    left = _parts_from_point(m, era_in_effect)
    end = m.end()
    sep = _RANGE_SEP.match(norm, end)
    right_match = _partial_re().match(norm, sep.end()) if sep else None
    full_right = _point_re().match(norm, sep.end()) if sep else None
    if full_right and (
        full_right["yu"]
        or full_right["m"]
        or full_right["em"]
        or full_right["em2"]
        or full_right["gm"]
    ):
        right = _parts_from_point(full_right, left.era or era_in_effect)
        right_end = full_right.end()
    elif right_match:
        right = _parts_from_partial(right_match, left)
        right_end = right_match.end()
    else:
        right = None
        right_end = end
    if left.unit is None:
        if right is None or right.unit is None:
            return None  # "2025" or "令和7" alone names no period
        # 令和6~8年度: the left side borrows the unit of the right side.
        left = _Parts(left.era, left.year, right.unit, left.month, left.day, left.suffix)
    months = (
        _FY_MONTHS.match(norm, right_end)
        if right is None and left.unit == "年度" and left.month is None
        else None
    )
    if months:
        right_end = months.end()
    text = raw[m.start() : right_end]
    _check_parenthesised(m, left, text)
    first, last, warning = _bounds(left, text)
    if months:
        # 令和8年度(4月~9月分): those months of the fiscal year, not the whole year.
        first, last = _fiscal_months(first.year, int(months["m1"]), int(months["m2"]), text)
    if right is not None:
        _, r_last, r_warning = _bounds(right, text)
        if r_last < first:
            raise PeriodError(f"range ends before it starts: {text!r}")
        last = r_last
        warning = warning or r_warning
    return PeriodMatch(m.start(), right_end, text, Period(first, last, text, warning))


def find_periods(text: str, *, strict: bool = False, norm: str | None = None) -> list[PeriodMatch]:
    """Every period expression in ``text``, left to right, with spans into ``text``.

    Invalid dates are skipped unless ``strict`` (then they raise ``PeriodError``): in running
    prose a malformed date must not stop the whole extraction. ``norm``: ``normalize(text)``
    when the caller has it already.
    """
    if norm is None:
        norm = normalize(text)
    found: list[PeriodMatch] = []
    pos = 0
    era_in_effect = None  # (平成30年度、元年度… / 令和4年度18.2%、5年度19.0%)
    while True:
        m = _search_point(norm, pos)
        if m is None:
            return found
        if m["era"]:
            era_in_effect = _era_named(m["era"])
        try:
            match = _match_at(norm, text, m, era_in_effect)
        except PeriodError:
            if strict:
                raise
            match = None
        if match is None:
            pos = m.start() + 1
            continue
        if match.start > 0 and norm[match.start - 1] == "(" and norm.startswith(")", match.end):
            match = PeriodMatch(match.start, match.end, match.text, match.period, bracketed=True)
        found.append(match)
        pos = match.end


def parse_period(text: str) -> Period:
    """Parse text that is exactly one period expression.

    ``parse_period("令和8年度末")`` is the point 2027-03-31; ``parse_period("令和7年度")`` is
    2025-04-01 … 2026-03-31.

    Raises ``PeriodError`` (a ``ValueError``) for text that names no valid date. An era year
    past the era's end is read forward, with ``Period.warning`` set and an ``EraYearWarning``.
    """
    if not isinstance(text, str):
        raise PeriodError(f"not text: {text!r}")
    norm = normalize(text).strip()
    m = _point_re().match(norm)
    if m is None:
        raise PeriodError(f"no date in {text!r}")
    match = _match_at(norm, text.strip(), m)
    if match is None or not _TRAILER_RE.fullmatch(norm, match.end):
        raise PeriodError(f"not a single date or period: {text!r}")
    _warn(match.period.warning)
    return match.period


# 6月末, 12月末時点, 第3四半期末, Q3末: a day named without its year
_YEARLESS_POINT = re.compile(
    r"(?<![0-9年./])(?:(?P<month>[0-9]{1,2})\s*月末|(?:第\s*(?P<quarter>[1-4])\s*四半期|Q(?P<q>[1-4]))末)"
)
_QUARTER_END = {1: (0, 6, 30), 2: (0, 9, 30), 3: (0, 12, 31), 4: (1, 3, 31)}


def yearless_points(
    norm: str, start: int, end: int, dated: tuple[PeriodMatch, ...]
) -> list[PeriodMatch]:
    """The days named without a year between ``start`` and ``end`` (6月末, 第3四半期末), each
    read in the year of the dated period of the same stretch: the latest such day up to the
    one written after it (6月末/9月末/令和9年3月末 → 令和8年6月末, 令和8年9月末), else the first
    from the one written before it; a quarter's end in that one's fiscal year. None without
    a dated period."""
    if not dated or "末" not in norm[start:end]:
        return []
    out = []
    for m in _YEARLESS_POINT.finditer(norm, start, end):
        if any(p.start <= m.start() < p.end for p in dated):
            continue
        after = next((p for p in dated if p.start >= m.end()), None)
        anchor = after or dated[-1]
        day = _yearless_day(m, anchor.period, before=after is not None)
        if day is not None:
            out.append(PeriodMatch(m.start(), m.end(), m.group(), Period(day, day, m.group())))
    return out


def _yearless_day(m: re.Match[str], anchor: Period, before: bool) -> date | None:
    quarter = m.group("quarter") or m.group("q")
    try:
        if quarter:
            fy = fiscal_year_of(anchor.end)
            extra, month, day = _QUARTER_END[int(quarter)]
            return date(fy + extra, month, day)
        month = int(m.group("month"))
        if not 1 <= month <= 12:
            return None
        ref = anchor.end if before else anchor.start
        if before:
            year = ref.year if month <= ref.month else ref.year - 1
        else:
            year = ref.year if month >= ref.month else ref.year + 1
        following = date(year + (month == 12), month % 12 + 1, 1)
        return following - timedelta(days=1)
    except ValueError:
        return None

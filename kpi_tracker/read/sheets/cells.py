"""Structured KPI sheets: the reading of one cell and of a year header.

Numbers go through
``quantity.parse_number`` / ``find_quantities`` and dates through ``era``; nothing is read
twice in two ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ...errors import PeriodError
from ...text.lexicon import alternation, words
from ...text.normalize import normalize
from ...text.periods import Period, find_periods, parse_period
from ...text.spans import tokenize
from ...text.units import unit_scale, unit_words
from .vocab import squash, vocabulary

__all__ = [
    "Cell",
    "date_cell",
    "fiscal_year_period",
    "period_in",
    "read_cell",
    "unit_scale",
    "year_column",
    "year_of_header",
]


# --- years in headers ------------------------------------------------------------------------

_BARE_YEAR = re.compile(
    r"^(?:[12][0-9]{3}|[MTSHR][0-9]{1,2}|(?:明治|大正|昭和|平成|令和)(?:[0-9]{1,2}|元))$"
)
_YEARISH = re.compile(r"^(?:[12][0-9]{3}|[MTSHR][0-9]{1,2}|明治|大正|昭和|平成|令和)")


def year_of_header(header: str) -> Period | None:
    """The period a year column stands for, None when the header names no year.

    Raises ``PeriodError`` for a header that starts like a year but names none (令和0年度).
    NOTE: a bare number or era year (2019, R1, H31) is a fiscal year (年度): sheets of
    government count by fiscal year, and a calendar year is written with 年.
    """
    text = squash(header)
    if not _YEARISH.match(text):
        return None
    if _BARE_YEAR.match(text):
        text += "年度"
    return parse_period(text)


def year_column(header: str) -> tuple[Period, str | None] | None:
    """The period a year header names and the role its words give (``平成31(目標値)`` →
    平成31年度, ``target``); None when it names no year. Raises ``PeriodError`` as
    ``year_of_header`` does."""
    from .vocab import year_header

    found = year_header(header)
    if found is None:
        return None
    year, rest, role = found
    if role is None and rest:
        try:
            period = year_of_header(header)  # 令和2年度実績, 2024年度見込: the whole header
        except PeriodError:
            period = year_of_header(year)  # 令和6年度の数値: the year it starts with
        return (period, None) if period is not None else None
    period = year_of_header(year)
    return (period, role) if period is not None else None


_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]00:00(?::00)?)?$")


def date_cell(text: str) -> Period | None:
    """A date cell as Excel exports it (``2020-04-01``): that day; None for other text."""
    m = _ISO_DATE.match(text.strip())
    if m is None:
        return None
    try:
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return Period(day, day, day.isoformat())


def fiscal_year_period(year: int) -> Period:
    return Period(date(year, 4, 1), date(year + 1, 3, 31), f"{year}年度")


# --- cells -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cell:
    """What one value cell says."""

    value: float | None  # None: blank, pending, or not a number
    unit_word: str | None = None  # the unit written in the cell (%), if any
    unit: str | None = None  # its pint name
    period: Period | None = None  # a period in brackets or beside the number
    pending: bool = False
    text: str = ""  # not a number: the text, for the message
    bound: str | None = None  # 以上 / 以下 / 未満 / 超 written after the number
    provisional: bool = False  # 【参考】, 速報値, 見込み: a value, not the indicator's own yet
    every_year: bool = False  # (毎年度)
    several: bool = False  # more than one number (10-20, 3/5, 1.2.3): not one value


_EMPTY = Cell(None)

# A number as sheets write it: digits with grouping commas, a decimal part.
_PLAIN = re.compile(r"^[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$")
_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
# 【参考】7.2%, 7.2%(速報値): a value, not yet the indicator's own
_PROVISIONAL = re.compile(
    r"^\s*(?:【参考】|\[参考\]|\(参考\)|参考[:：])\s*"
    rf"|(?:\(|（)?(?:(?:{alternation('provisional')})値?)(?:\)|）)?"
)
_EVERY_YEAR = re.compile(r"[(〔【\[]?\s*(?:毎年度?|各年度)\s*[)〕】\]]?")
_EMPTY_BRACKETS = re.compile(r"[(〔【\[]\s*(?:時点|現在|末)?\s*[)〕】\]]")
# 2時間30分, 8分30秒: a duration in two units, read in minutes.
_DURATION = re.compile(rf"^({_NUMBER})(時間|分)({_NUMBER})(分|秒)(?P<bound>以上|以下|以内|未満)?$")
# the lexicon's words (text.lexicon): a bound after the number, approximate before and after
_BOUND_WORDS = words("bound") + words("bound_sheet")
_APPROX_WORDS = words("approx_before")
_TAIL_WORDS = words("approx_after")
# A counter the unit table does not know (冊, 校, 路線): a short word that says no more.
_WORD = re.compile(
    r"^(?!.*(?:以上|以下|未満|超|比|倍|増|減|延伸|短縮|上昇|低下|向上|程度))"
    r"[^\s0-9()〔〕【】\[\],.:;/+=*~-]{1,6}$"
)


def read_cell(text: str, unit_text: str = "") -> Cell:
    """One value cell: ``1,234``, ``26.0%(2024年)``, ``30万人``, ``530万時間``, ``2時間30分``,
    ``40%以上(毎年度)``, ``【参考】7.2%``, ``-``, ``集計中``.

    ``unit_text``: the row's unit as its column writes it, which the cell may repeat. A cell
    that holds text but no number returns ``value=None`` with ``text`` set, and one that holds
    more than one number (``10-20``, ``3/5``, ``1.2.3``, ``1e400``, ``0x10``) also
    ``several``: it is never read as its first number. The caller decides what each means.
    """
    stripped = text.strip()
    if not stripped:
        return _EMPTY
    if _PLAIN.match(stripped):  # the common case, kept fast
        return Cell(float(stripped.replace(",", "")))
    if unit_text and stripped.endswith(unit_text):
        own = stripped[: -len(unit_text)].strip()
        if _PLAIN.match(normalize(own)):  # the row's own unit repeated (1.5倍)
            return Cell(float(normalize(own).replace(",", "")), unit_text)
    vocab = vocabulary()
    word = squash(stripped)
    if word in vocab.blanks:
        return _EMPTY
    spans = tokenize(stripped)
    periods = spans.periods
    period = periods[-1].period if periods else None
    if any(p in word for p in vocab.pending):  # 集計中(令和6年度): pending for that year
        return Cell(None, period=period, pending=True)
    # What is left once the dates are taken out must be one number, its unit and its words.
    norm = spans.norm
    rest = list(norm)
    for p in periods:
        rest[p.start : p.end] = " " * (p.end - p.start)
    body = "".join(rest)
    provisional = bool(_PROVISIONAL.search(body))
    body = _PROVISIONAL.sub(" ", body)
    every_year = bool(_EVERY_YEAR.search(body))
    body = _EVERY_YEAR.sub(" ", body)
    body = _EMPTY_BRACKETS.sub(" ", body)
    body = re.sub(r"\s+", "", body)
    duration = _DURATION.match(body)
    if duration and (duration.group(2), duration.group(4)) in (("時間", "分"), ("分", "秒")):
        big, small = (float(duration.group(i).replace(",", "")) for i in (1, 3))
        minutes = big * 60 + small if duration.group(2) == "時間" else big + small / 60
        return Cell(
            round(minutes, 9),
            "分",
            "minute",
            period,
            bound=duration.group("bound"),
            provisional=provisional,
        )
    parsed = _one_number(body)
    if parsed is None:
        if any(c.isdigit() for c in body):
            return Cell(None, text=stripped, several=True)
        from ...text.numbers import parse_number  # 一万: kanji numerals, rare in sheets

        try:
            number = parse_number(body)
        except ValueError:
            number = None
        if number is None or number - number != 0:
            return Cell(None, text=stripped)
        return Cell(number, period=period, provisional=provisional)
    value, unit_word, bound = parsed
    unit = unit_words().get(unit_word) if unit_word else None
    return Cell(
        value,
        unit_word,
        unit,
        period,
        bound=bound,
        provisional=provisional,
        every_year=every_year,
    )


_ONE = re.compile(rf"^(?P<sign>[+-])?(?P<num>{_NUMBER})(?P<mult>[億万千百]*)(?P<rest>.*)$")


def _one_number(body: str) -> tuple[float, str | None, str | None] | None:
    """``body`` as one number with its multiplier, unit and bound; None when it is not."""
    for w in _APPROX_WORDS:
        if body.startswith(w):
            body = body[len(w) :]
            break
    m = _ONE.match(body)
    if m is None:
        return None
    from ...text.numbers import parse_number

    number = parse_number(m.group("num") + m.group("mult"))
    if number is None:
        return None
    if m.group("sign") == "-":
        number = -number
    rest = m.group("rest")
    bound = None
    for w in _TAIL_WORDS:
        if rest.endswith(w):
            rest = rest[: -len(w)]
    for w in _BOUND_WORDS:
        if rest.endswith(w):
            bound, rest = w, rest[: -len(w)]
            break
    for w in _TAIL_WORDS:
        if rest.endswith(w):
            rest = rest[: -len(w)]
    if not rest:
        return number, None, bound
    if rest in unit_words() or _WORD.match(rest):
        return number, rest, bound
    return None


def period_in(text: str) -> Period | None:
    """The last period named in a text (``30%(令和8年度末)`` → 2027-03-31), None if none.

    Raises ``PeriodError`` for a malformed date (令和8年13月): a deadline is never guessed.
    """
    found = find_periods(text, strict=True)
    return found[-1].period if found else None

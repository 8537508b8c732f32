"""Structured KPI sheets: the reading of one cell and of a year header.

Numbers go through
``quantity.parse_number`` / ``find_quantities`` and dates through ``era``; nothing is read
twice in two ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ...text.normalize import normalize
from ...text.periods import Period, find_periods, parse_period
from ...text.units import unit_words
from .vocab import squash, vocabulary

__all__ = [
    "Cell",
    "fiscal_year_period",
    "period_in",
    "read_cell",
    "unit_scale",
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


_EMPTY = Cell(None)


def read_cell(text: str, unit_text: str = "") -> Cell:
    """One value cell: ``1,234``, ``26.0%(2024年)``, ``30万人``, ``1.5倍``, ``-``, ``集計中``.

    ``unit_text``: the row's unit as its column writes it, which the cell may repeat. A cell
    that holds text but no number returns ``value=None`` with ``text`` set: the caller decides
    whether that is an error.
    """
    stripped = text.strip()
    if not stripped:
        return _EMPTY
    # NOTE: the common case, kept fast: ASCII digits with grouping commas are what
    # quantity.parse_number would read too; everything else goes through it below.
    try:
        value = float(stripped.replace(",", ""))
        if value - value == 0:  # float() also reads nan and inf, which are no values
            return Cell(value)
    except ValueError:
        pass
    if unit_text and stripped.endswith(unit_text):
        try:  # the row's own unit repeated (1.5倍, which prose reading takes for a ratio)
            own = float(normalize(stripped[: -len(unit_text)]).replace(",", ""))
            if own - own == 0:
                return Cell(own, unit_text)
        except ValueError:
            pass
    from ...text.numbers import find_quantities, parse_number  # only for cells that need it

    vocab = vocabulary()
    word = squash(stripped)
    if word in vocab.blanks:
        return _EMPTY
    periods = find_periods(stripped)
    if any(p in word for p in vocab.pending):  # 集計中(令和6年度): pending for that year
        return Cell(None, period=periods[-1].period if periods else None, pending=True)
    try:
        quantities = find_quantities(stripped, periods)
    except ValueError:  # quantity.parse_number raises on some runs (0万万): no number here
        return Cell(None, text=stripped)
    if not quantities:
        try:
            number = parse_number(word)  # 一万 etc. that find_quantities keeps for prose
        except ValueError:  # parse_number raises on words that are no number at all
            number = None
        if number is None or number - number != 0:  # parse_number("inf") is inf
            return Cell(None, text=stripped)
        return Cell(number)
    q = quantities[0]
    if len(quantities) > 1:
        return Cell(None, text=stripped)  # two numbers in one cell: not one value
    period = periods[-1].period if periods else None
    return Cell(q.value, q.unit_word, q.unit, period)


_MULTIPLIER = re.compile(r"^([万千億百]+)(.*)$")


def unit_scale(unit_text: str) -> tuple[float, str]:
    """The multiplier and the counter of a unit column: ``万人`` → (10000, ``人``)."""
    from ...text.numbers import parse_number

    text = squash(unit_text)
    m = _MULTIPLIER.match(text)
    if m and m.group(2) in unit_words():
        scale = parse_number(m.group(1))
        if scale:
            return scale, m.group(2)
    return 1.0, text


def period_in(text: str) -> Period | None:
    """The last period named in a text (``30%(令和8年度末)`` → 2027-03-31), None if none.

    Raises ``PeriodError`` for a malformed date (令和8年13月): a deadline is never guessed.
    """
    found = find_periods(text, strict=True)
    return found[-1].period if found else None

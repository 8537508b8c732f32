"""Japanese quantities in text: ``3万2,000人``, ``約418万件``, ``６，２５０人``, ``3人に2人``.

Pipeline: normalise (one-to-one, so spans stay valid) → mask what is never a value (dates,
URLs, ordinals, phone numbers) → find number runs → parse 億/万/千 by multiplication (not
concatenation, as ja-timex does) → attach the unit word and the qualifiers around it.
Units are read from the alias table only; pint is not imported here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from .lexicon import alternation, words
from .normalize import normalize
from .periods import Era, PeriodMatch, eras, find_periods
from .units import unit_words

__all__ = ["Quantity", "find_quantities", "parse_number"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in a text, with its unit and the words around it that qualify it."""

    value: float
    unit: str | None  # pint name (``person``), None for a bare number or an unknown counter
    start: int  # span in the raw text, qualifiers included
    end: int
    text: str
    unit_word: str | None = None  # the unit as written (``名``)
    approx: bool = False  # 約, 概ね, 程度 …
    bound: str | None = None  # 以上 / 以下 / 超 / 未満 as written
    signed: bool = False  # written with an explicit + or - (a change, not a level)
    bare: bool = False  # no word follows the number at all (``閲覧数:120,345(``)
    per: float | None = None  # a rate: the base it is per (1センター当たり平均11回: 1)
    step: float | None = None  # the rounding a figure is written to, coarser than its digits
    # (4人に3人: a quarter, 25 points)


_KANJI_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_KANJI_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "億": 100_000_000}

# A run of digits, grouping commas, a decimal part, and kanji numerals/multipliers.
# NOTE: written as one character class, then the rest of a figure (digits) or of a kanji run
# behind a look-behind: a search then skips to the next digit in C, where an alternation
# would be tried at every character of the text. The matches are those of
#   (?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?(?:[億万千百](?:NUMBER)?)*
#   |[〇一二三四五六七八九十百千万億]+
_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
_KANJI_NUMERAL = "〇一二三四五六七八九十百千万億"
_RUN = re.compile(
    rf"[0-9{_KANJI_NUMERAL}](?:"
    rf"(?<=[0-9])(?:[0-9]{{0,2}}(?:,[0-9]{{3}})+(?![0-9])|[0-9]*)(?:\.[0-9]+)?"
    rf"(?:[億万千百](?:{_NUMBER})?)*"
    rf"|(?<=[{_KANJI_NUMERAL}])[{_KANJI_NUMERAL}]*)"
)
_PREFIX_APPROX = re.compile(rf"(?:{alternation('approx_before')})\s*$")
_APPROX_REACH = 8  # (approx. 4.98)
# a note's number: ※1, 注1, (注1), [1] before a word or a break; 1) right after a word
_NOTE_MARKER_BEFORE = re.compile(r"(?:※|注|\[)\s*$")
_NOTE_MARKER_AFTER = re.compile(
    r"\s*(?:\]|\)|\s|、|。|$|[^0-9,.万千億%％件人回か所団体市町村都道府県])"
)
_NOTE_MARKER_CLOSE = re.compile(r"\)\s*(?:、|。|$|\s|<|\n)")
_UNIT_BRACKET = re.compile(r"\s?\(\s*")
_UNIT_BRACKET_CLOSE = re.compile(r"\s*\)")
_BOUNDS = words("bound")
_SUFFIX_APPROX = words("approx_after")
# the first word of each list that follows the number, in the lists' order
_BOUNDS_RE = re.compile(alternation("bound"))
_SUFFIX_APPROX_RE = re.compile(alternation("approx_after"))
# Words after a number that make it a date, a duration, an ordinal or a rank, never a value.
_NOT_A_VALUE_AFTER = re.compile(
    r"(?:年|月|日|時|分|秒|歳|才|次|期|号|条|項|章|節|週|か年|カ年|ヵ年|か月|カ月|ヶ月|ヵ月|箇月"
    r"|回目|番|位|代|台|倍|段階|階|局|色|種類|部|巻|版"
    # the first month or day of a range: (4~6月), 10~12月期
    r"|\s*[~〜\-]\s*[0-9]{1,2}\s*(?:月|日))"
)


def _not_a_value_before() -> re.Pattern[str]:
    """What makes the figure after it an ordinal, a code or an era year (the era names from
    the era table in use: a new era is a line there)."""
    global _last_before
    # NOTE: ``eras()`` returns the same tuple until the table changes: asked by identity,
    # not by hashing the table (2 µs a text).
    table = eras()
    if _last_before is None or _last_before[0] is not table:
        _last_before = (table, _not_a_value_before_for(table))
    return _last_before[1]


_last_before: tuple[tuple[Era, ...], re.Pattern[str]] | None = None


@lru_cache(maxsize=4)
def _not_a_value_before_for(table: tuple[Era, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(e.name) for e in table)
    # NOTE: a slash after a letter or a digit makes a path or a fraction (3/5); after a
    # bracket or a unit it separates two figures: 34.2%(R8)/32.9%(R7).
    return re.compile(
        # (\Z, not $: a letter at the end of the line before is no code's — PV over 1,234,567)
        rf"(?:第|#|No\.?|図表\s*|別表\s*|別紙\s*|資料\s*|{names}|[A-Za-z_.?&]|[A-Za-z0-9_/]/|[A-Za-z0-9]-)\Z"
    )


_URL = re.compile(r"https?://[\x21-\x7e]+")
# (1), (2) opening a line: the number of an item of a list
_ITEM_OPENS = re.compile(r"(?:^|\n)[ \t\u3000]*\($")
_ITEM_NUMBER = re.compile(r"\)[ \t\u3000]")
# 3人に1人, 4分の3: a share of a whole (the whole first)
# (3人に1人, 10件に3件, 4校に1校, 3分の2: one share)
_FRACTION = re.compile(
    rf"(?<![0-9,.])([0-9]+)(?:(?P<of>{alternation('fraction_counter')})に([0-9]+)(?P=of)"
    r"|分の([0-9]+)(?![0-9,.]))"
)
_PER = re.compile(rf"(?:{alternation('per_base')})|[0-9]+台")


@cache
def _unit_pattern() -> re.Pattern[str]:
    words = sorted(unit_words(), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def _plain(token: str) -> float:
    return float(token.replace(",", ""))


def _kanji_number(run: str) -> float | None:
    """Kanji numerals: 三万, 千二百, 一億五千万."""
    total = 0
    section = 0  # below 万
    digit: int | None = None
    for ch in run:
        if ch in _KANJI_DIGIT:
            # 二〇二五: positional digits
            digit = _KANJI_DIGIT[ch] if digit is None else digit * 10 + _KANJI_DIGIT[ch]
        elif ch in _KANJI_SMALL:
            section += (1 if digit is None else digit) * _KANJI_SMALL[ch]
            digit = None
        elif ch in _BIG:
            section += digit or 0
            total += (section or 1) * _BIG[ch]
            section, digit = 0, None
        else:
            return None
    return float(total + section + (digit or 0))


def parse_number(run: str) -> float | None:
    """A number as Japanese documents write it; None when ``run`` is not one.

    ``120,345`` → 120345, ``3万2,000`` → 32000, ``2億4,710万`` → 247100000, ``6千`` → 6000,
    ``三万`` → 30000. A kanji-only run needs a multiplier (万/千/億/百): ``一`` alone is the
    ``一`` of 一人一人 or 誰一人, never a count.
    """
    return _parse_normalized(normalize(run))


def _parse_normalized(run: str) -> float | None:
    """``parse_number`` of a run that is normalised already."""
    if not run:
        return None
    if run.isascii():  # digits, grouping commas, a decimal point: most figures
        try:
            return _plain(run)
        except ValueError:
            return None
    if run[0] in _KANJI_DIGIT or run[0] in _KANJI_SMALL or run[0] in _BIG:
        if not any(c in "万千億百" for c in run) or all(c in "万千億百" for c in run):
            return None  # 一 alone is no count; (万件) alone declares a unit
        return _kanji_number(run)
    # NOTE: a run that is not a number as written (5億万, 3千千, 0万億: a typo or two figures
    # run together) is none: reading it as one would be a guess.
    try:
        total = 0.0
        rest = run
        for big in ("億", "万"):
            head, sep, tail = rest.partition(big)
            if sep:
                total += _small_part(head, whole=True) * _BIG[big]
                rest = tail
        if rest:
            total += _small_part(rest)
    except ValueError:
        return None
    return total


def _small_part(token: str, whole: bool = False) -> float:
    """A number below 万 (1,234, 3千5百, 2千): ``whole`` when a multiplier follows it, which
    then needs a figure before it (億万 is no number)."""
    if whole and not token:
        raise ValueError("a multiplier with no figure before it")
    total = 0.0
    rest = token
    for word, unit in (("千", 1000), ("百", 100)):
        head, sep, tail = rest.partition(word)
        if sep:
            total += (_plain(head) if head else 1.0) * unit
            rest = tail
    return total + _plain(rest) if rest else total


_DAY_AFTER = re.compile(r"/([0-9]{1,2})(?![0-9,.])")


def _is_month_day(run: str, norm: str, end: int) -> bool:
    """Whether a number is the month of a date written 9/10 (a month, a slash, a day)."""
    if len(run) > 2 or not run.isdigit() or not 1 <= int(run) <= 12:
        return False
    day = _DAY_AFTER.match(norm, end)
    return day is not None and 1 <= int(day.group(1)) <= 31


def find_quantities(
    text: str, periods: Sequence[PeriodMatch] | None = None, norm: str | None = None
) -> list[Quantity]:
    """Every quantity in ``text``, left to right, spans pointing into ``text``.

    ``periods`` and ``norm``: the period expressions of ``text`` and ``normalize(text)`` when
    the caller has them already.
    """
    if norm is None:
        norm = normalize(text)
    if periods is None:
        periods = find_periods(text, norm=norm)
    # Dates and URLs hold digits that are never values.
    masked = [(m.start(), m.end()) for m in _URL.finditer(norm)] if "http" in norm else []
    masked += [(p.start, p.end) for p in periods]
    masked.sort()
    units = _unit_pattern()
    not_a_value_before = _not_a_value_before()  # NOTE: once a text (it hashes the era table)
    found: list[Quantity] = []
    at = 0  # masked spans before ``at`` end before the run: runs come left to right
    for m in _RUN.finditer(norm):
        start, end = m.start(), m.end()
        while at < len(masked) and masked[at][1] <= start:
            at += 1
        if at < len(masked) and masked[at][0] <= start:
            continue
        run = m.group()
        # A grouping comma at the end belongs to the sentence: "120,345、".
        while run.endswith(","):
            run, end = run[:-1], end - 1
        if not_a_value_before.search(norm[max(0, start - 3) : start]) and not (
            "," in run and norm[start - 1].isalpha()
        ):
            continue  # (R7, No.3, FY2026; but SNS11,830件: a code has no grouping comma)
        if _NOT_A_VALUE_AFTER.match(norm, end) or norm.startswith("】", end):
            continue  # (【指標1】: a label's number)
        if _is_month_day(run, norm, end):
            continue  # 9/10~16: a month and its day
        if _ITEM_NUMBER.match(norm, end) and _ITEM_OPENS.search(norm, max(0, start - 4), start):
            continue  # (1) 令和8年9月…: an item's number, at the start of its line
        if start > 0 and norm[start - 1] == "数" and run[0] in "千万億":
            continue  # 数千人, 数万件: not a number
        value = _parse_normalized(run)
        if value is None:
            continue
        q = _qualify(text, norm, start, end, value, units)
        if q is not None:
            found.append(q)
    return _with_rates(norm, _with_fractions(text, norm, found))


def _with_rates(norm: str, found: list[Quantity]) -> list[Quantity]:
    """A figure per a base (人口10万人当たり1.3人, 1センター当たり平均約11回) is a rate, not
    a count: it carries its base; per 100 of its own kind it is a share (高齢者100人当たり
    7.1人 = 7.1%; 1,000人当たり68人 = 6.8%)."""
    if _PER_WORD.search(norm) is None:
        return found
    out = []
    for q in found:
        m = _RATE_BEFORE.search(norm, max(0, q.start - 24), q.start)
        if m is None or q.unit is None:
            out.append(q)
            continue
        base = _parse_normalized(m.group("base"))
        base_unit = unit_words().get(m.group("unit") or "")
        if base is not None and base >= 100 and base_unit == q.unit and _power_of_ten(base):
            # per 100 (or 1,000) of its own kind: a share
            share = q.value if base == 100 else round(q.value * 100 / base, 9)
            out.append(replace(q, value=share, unit="percent", unit_word="%"))
        else:
            out.append(replace(q, per=base))
    return out


def _power_of_ten(value: float) -> bool:
    return bool(value == 10.0 ** round(math.log10(value)))


_PER_WORD = re.compile(alternation("per_base"))
# the base a figure is per, right before it: 10万人当たり, 1センター当たり平均約
_RATE_BEFORE = re.compile(
    r"(?P<base>[0-9][0-9,.]*(?:万|千)?)\s*(?P<unit>[^\s0-9、。()]{0,6}?)\s*"
    rf"(?:{alternation('per_base')})\s*(?:の)?\s*(?:平均)?\s*(?:{alternation('approx_before')})?\s*$"
)


# + and -, the triangles Japanese tables write a decrease with (△5.4 = -5.4), and a digest's
# arrows (↑35人 = +35, ↓0.5pt = -0.5)
# (p: preliminary, r: revised — one letter right after a figure, no word after it)
_STATISTIC_MARK = re.compile(rf"(?:{alternation('statistic_mark')})(?![A-Za-z0-9])")
_SIGNS = "+-△▲↑↓▼▽"  # (▼3件 vs 前年: a dashboard's decrease)
_PLUS = "+↑"


def _qualify(
    text: str, norm: str, start: int, end: int, value: float, units: re.Pattern[str]
) -> Quantity | None:
    signed = False
    if start > 0 and norm[start - 1] in _SIGNS and (start < 2 or not norm[start - 2].isalnum()):
        start -= 1
        signed = True
        if norm[start] not in _PLUS:
            value = -value
    approx = False
    before = norm[max(0, start - _APPROX_REACH) : start]
    pm = _PREFIX_APPROX.search(before)
    if pm:
        approx = True
        start -= len(before) - pm.start()
    if signed is False and start > 0 and norm[start - 1] in _SIGNS:
        start -= 1
        signed = True
        if norm[start] not in _PLUS:
            value = -value
    if _is_note_number(norm, start, end):
        return None  # ※1, (注2), [3], …は増加した1)、: a note's number, not a value
    um = units.match(norm, end)
    unit = unit_word = None
    closed = None
    if um is None and (opened := _UNIT_BRACKET.match(norm, end)) is not None:
        # 31.9 (%), 312,640(回): the unit alone in a bracket after the figure
        um = units.match(norm, opened.end())
        closed = _UNIT_BRACKET_CLOSE.match(norm, um.end()) if um else None
        um = um if closed else None
    if um:
        end = closed.end() if closed else um.end()
        unit_word = text[um.start() : um.end()]
        unit = unit_words()[um.group()]
        # 1人1台, 1人当たり: a rate's denominator, not a count.
        if _PER.match(norm, end, end + 4):
            return None
    bound = None
    suffix = _SUFFIX_APPROX_RE.match(norm, end)
    if suffix:
        approx, end = True, suffix.end()
    bound_match = _BOUNDS_RE.match(norm, end)
    if bound_match:
        bound, end = bound_match.group(), bound_match.end()
    if unit is None and bound is None and _STATISTIC_MARK.match(norm, end):
        # 301.5p, 64.3r: a statistical table's mark after a figure (preliminary, revised)
        end += 1
    bare = unit is None and (end >= len(norm) or not _is_word_char(norm[end]))
    return Quantity(
        value=value,
        unit=unit,
        start=start,
        end=end,
        text=text[start:end],
        unit_word=unit_word,
        approx=approx,
        bound=bound,
        signed=signed,
        bare=bare,
    )


def _is_note_number(norm: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` marks a note: ※1, 注1, (注1), [1], or 1) right
    after a word (…は増加した1)、)."""
    if _NOTE_MARKER_BEFORE.search(norm, max(0, start - 2), start):
        return _NOTE_MARKER_AFTER.match(norm, end) is not None
    return (
        end - start <= 2
        and start > 0
        and not norm[start - 1].isdigit()
        and norm[start - 1] not in "(（ "
        and _NOTE_MARKER_CLOSE.match(norm, end) is not None
        # (not the last figure of a bracket: (うち新規12)、)
        and norm.rfind("(", 0, start) <= norm.rfind(")", 0, start)
    )


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff"


def _with_fractions(text: str, norm: str, found: list[Quantity]) -> list[Quantity]:
    """``3人に2人`` and ``3分の2`` are one share (66.7%), not two counts of people."""
    if "に" not in norm and "分の" not in norm:
        return found
    fractions = list(_FRACTION.finditer(norm))
    if not fractions:
        return found
    # (約11人に1人: the fraction is approximate as its first figure was read)
    overlapping = {
        f.start(): [q for q in found if q.start < f.end() and q.end > f.start()] for f in fractions
    }
    taken = {id(q) for qs in overlapping.values() for q in qs}
    out = [q for q in found if id(q) not in taken]
    for f in fractions:
        whole, part = int(f.group(1)), int(f.group(3) or f.group(4))
        if whole == 0:
            continue
        end = f.end()
        suffix = _SUFFIX_APPROX_RE.match(norm, end)  # (4分の3強: approximate)
        if suffix:
            end = suffix.end()
        bound = next((w for w in _BOUNDS if norm.startswith(w, end)), None)
        if bound:
            end += len(bound)
        out.append(
            Quantity(
                value=round(100 * part / whole, 4),
                unit="percent",
                start=f.start(),
                end=end,
                text=text[f.start() : end],
                unit_word=f.group(0),
                bound=bound,
                approx=suffix is not None or any(q.approx for q in overlapping[f.start()]),
                step=100 / whole,
            )
        )
    return sorted(out, key=lambda q: q.start)

"""Rule + measure → observations, each quoting its evidence: candidates, then a choice.

Steps (as ja-timex reads dates: normalise → candidates → filter → choose):

1. ``analyse`` reads a cell once: sentences and bullet items (with the lead-in of their
   list), periods and quantities, filed by sentence.
2. ``extract`` makes every quantity whose unit fits the indicator a *candidate* and scores it
   by what it measures (``features.py``): how close the words near it, its sentence and its
   context (list lead-in, previous sentence) are to the indicator's label, its rule hints and
   the measure's own target clause; the entity it is attached to (都道府県 / 市区町村…); its
   role (restated target: dropped; previous value: dated one period back; sub-total:
   weaker). ``find.exclude`` is a hard veto; ``find.label``/``topic`` are hints.
3. The candidates that score close to the best become the observations (``decide.accept``);
   ``decide.decide`` takes the latest of them and calls two different values that score
   alike ambiguous.

Change statements beside a level (前年度比18.6%減, +約10ポイント) are kept as relative
observations of that level; they give its previous value.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache, partial
from itertools import pairwise
from typing import Any, TypeVar

from ..model import Comparator, Indicator, Observation
from ..text.lexicon import alternation, item_marks, words
from ..text.normalize import normalize
from ..text.numbers import Quantity, parse_number
from ..text.periods import (
    Period,
    PeriodMatch,
    find_periods,
    period_year_before,
    shift_years,
    yearless_points,
)
from ..text.spans import Spans, tokenize
from ..text.units import convert, same_dimension, unit_alternation, unit_words
from ..text.wareki import years_named
from .decide import (
    ACCEPT_RATIO,
    Candidate,
    Extraction,
    accept,
    resolve_siblings,
    same_end,
    stated_first,
)
from .features import (
    IndicatorProfile,
    Scored,
    SentenceScope,
    alternatives,
    counted_in,
    declared_unit,
    indicator_profile,
    is_field_of_before,
    is_rate,
    label_free,
    last_match,
    names_running_total,
    role_only_head,
    score_candidate,
    shares_in,
    unit_of_row,
    whole_of,
    wholes_in,
    with_unit_before,
)

__all__ = [
    "Analysis",
    "Candidate",
    "Extraction",
    "Observation",
    "Sentence",
    "analyse",
    "extract",
    "resolve_siblings",
    "sentences_of",
]

_Spanned = TypeVar("_Spanned", Quantity, PeriodMatch)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    lead_in: str  # the sentence a bullet list hangs from, or ""
    norm: str = ""  # ``text`` normalised (same length)
    lead_norm: str = ""
    note: bool = False  # a ※ note: qualifies the sentence before it; its numbers are asides
    lead_start: int = -1  # where the lead-in starts, -1 when there is none


@dataclass(frozen=True)
class Analysis:
    """A cell read once — sentences, periods, quantities — and shared by every indicator of
    the measure, so that a text is normalised and scanned once, not once per rule."""

    text: str
    norm: str
    sentences: tuple[Sentence, ...]
    periods: tuple[tuple[PeriodMatch, ...], ...]  # per sentence, spans into ``text``
    lead_periods: tuple[tuple[PeriodMatch, ...], ...]
    # per sentence, spans into ``text``: the figures that may be values (not a target restated,
    # not the approximate twin of a precise figure)
    quantities: tuple[tuple[Quantity, ...], ...]
    # per sentence: the figures dropped for every indicator, with the filter that dropped them
    dropped: tuple[tuple[tuple[Quantity, str], ...], ...] = ()
    spans: Spans | None = None  # the cell's typed spans (bracket depth)
    # the figures in a bracket that add up to the figure before it (520市町村(専任 390市町村・
    # 兼任のみ 130市町村)): their start → the word that names each part
    parts: dict[int, str] = field(default_factory=dict)


# a bullet that opens an item of a list, and one that opens a note (※)
_NOTE_MARKS = words("note")
_ITEM_MARKS = frozenset(item_marks())
_PROVISIONAL = re.compile(alternation("provisional"))
_PENDING = re.compile(alternation("pending"))
# the words before an approximate figure: 約, およそ
_APPROX = f"(?:{alternation('approx_before')})"
# The earlier time a change is stated against: 前年度(末)比, 前回調査より, 1年前の同時期から.
_EARLIER = f"(?:{alternation('earlier')})"
# the words that set a figure against an earlier one: より, から, に比べて, と比べ
_AGAINST = f"(?:{alternation('against')})"
# a sentence that states a change against an earlier time (前年度比1.7%増)
_STATES_CHANGE = re.compile(rf"{_EARLIER}(?:比|{_AGAINST})")
# (対前年度比 holds 前年度比: a search needs no 対?, which would make it try every character)
_CHANGE_BEFORE = re.compile(
    rf"{_EARLIER}(?:比|{_AGAINST}|{alternation('compared_with')})\s*(?:で|は)?\s*$"
)
# 前年度(1,240か所)からの増加は58か所, 増加数は58か所: the change named before its figure
_CHANGE_NAMED = re.compile(
    rf"(?:(?:から|より)の?(?:{alternation('change_up', 'change_down')})"
    rf"|(?:{alternation('change_up', 'change_down')})(?:数|幅|分|量))"
    rf"\s*(?:は|が|:)\s*{_APPROX}?\s*$"
)
# この1年間で15件増: the year a change took — a change only with its verb after the figure
# (令和8年4月から令和9年3月までの1年間で31万2,460回: the count of that year)
_WITHIN_YEAR = re.compile(rf"(?:{alternation('within_year')})\s*(?:で|は)?\s*$")
# 前年度(7,950名)から6.1%増加: the earlier value in brackets between the word and the change
_CHANGE_BEFORE_BRACKET = re.compile(
    rf"{_EARLIER}\s*\([^()]{{0,30}}\)\s*(?:比|{_AGAINST})\s*(?:で|は)?\s*{_APPROX}?\s*$"
)
_CHANGE_AFTER = re.compile(
    rf"^\s*(?:{alternation('change_lead')})?"
    f"({alternation('change_up', 'change_down')})"
)
_STARTS_A_CHANGE = re.compile(rf"\s*\)?\s*(?:{_AGAINST})")
# 1,240件(約15%)増えた: the verb after a bracket
_CHANGE_AFTER_BRACKETED = re.compile(r"\s*\([^()]*\)" + _CHANGE_AFTER.pattern[1:])
# 836人(11%)下回った: a figure in the bracket of a change, closed before its verb
_CHANGE_AFTER_CLOSED = re.compile(r"\s*\)" + _CHANGE_AFTER.pattern[1:])
_ON_FIGURE_OPEN = re.compile(rf"^[^0-9()、。]{{0,4}}\(\s*{_APPROX}?\s*$")
_DOWN = set(words("change_down"))
_BRACKETS_PREVIOUS = re.compile(
    rf"(?:{alternation('bracket_word')})内は(?:{alternation('previous')})"
)
_BRACKETS_TARGET = re.compile(
    rf"(?:{alternation('bracket_word')})内は(?:{alternation('target_word')})"
)
_ALONE_BEFORE = re.compile(r"\(\s*(?:約)?\s*$")
_ALONE_AFTER = re.compile(rf"\s*(?:{alternation('bound')})?\s*\)")


def _alone_in_bracket(norm: str, q: Quantity) -> bool:
    """Whether a figure stands alone in its bracket: (208件以上), (約83.2%)."""
    return (
        _ALONE_BEFORE.search(norm, max(0, q.start - 4), q.start) is not None
        and _ALONE_AFTER.match(norm, q.end) is not None
    )


_SAME_AS_BEFORE = re.compile(rf"\(\s*同\s*{_APPROX}?\s*$")
# (対前年度比95件減(前年度3,590件): the previous value in the bracket after a change)
_PREVIOUS_BRACKET_AFTER = re.compile(
    rf"\s*(?:{alternation('change_then')})?\s*\(\s*(?:{alternation('previous')})?\s*(?:は|:)?\s*$"
)


def _name_start(st: _InSentence, i: int, before: str, seg_start: int) -> int:
    """Where the words that name the i-th figure start: 40都道府県(約85%), 都道府県47/47
    (100%): a figure in brackets after another (or after a fraction) is named by its words."""
    if i and _BRACKET_ON_FIGURE.fullmatch(before) is not None:
        return st.segments[i - 1][1]
    return seg_start


_BRACKET_ON_FIGURE = re.compile(r"\s*(?:/\s*[0-9][0-9,]*\s*)?\(\s*")
_KEYED_BRACKET_ON = re.compile(
    rf"(?P<unit>{unit_alternation()})\s*(?:\([^()]*\)\s*)*\(\s*"
    # (its key: a period and a colon, R8.3末:1,240; or a total's mark, 計93)
    rf"(?:[^()、。:0-9]{{0,4}}[0-9][^()、。:]{{0,10}}:|(?:{alternation('total_mark')}))\s*$"
)
_WENT_FROM = re.compile(r"[^\s0-9、。()]{0,4}?\s*(?:から|より)")
# (…の261,400人から、同年度末には374,600人: from one figure to the next, only a time between)
_FROM_THEN_LEVEL = re.compile(
    rf"\s*(?:{unit_alternation()}|%)?\s*(?:から|より)\s*[、,]?\s*"
    r"(?:[^、。0-9()]{0,16}?(?:には|に|では|で|は)\s*[、,]?)?\s*(?:約)?\s*$"
)
_CHANGE_THEN_LEVEL = re.compile(
    rf"\s*(?:{alternation('change_then')})?\s*(?:となり|の|で|、|と)?\s*$"
)
# 合計で…, 相談件数:計…, 重複を除いて…: a stated total (its parts need not be added).
_TOTAL = re.compile(
    rf"{alternation('total')}|(?:^|[のでは、:(】\s])(?:{alternation('total_mark')})"
    # (相談件数(計): 55,655件: the total named in brackets)
    rf"(?:(?<=\(計)\)\s*:?)?\s*{_APPROX}?$"
)
# The words after a figure are its own up to a break: a bracket, a comma, a full stop.
# (66.3; 同就職率=96.1%, 33.5% / 団体等 35.0%: the next item's words)
_OWN_AFTER = re.compile(r"[、。(:;|/\n]")
# a series whose name is a total: 相談件数計(件)は、令和7年度51,200件、令和8年度54,900件
_TOTAL_HEAD = re.compile(
    # (計, not the 計 of 累計 or 集計: R7末 累計: 250,000人 is a running total, no sum)
    rf"(?:{alternation('total')}|(?<![累集設統会小])(?:{alternation('total_mark')}))"
    r"\s*(?:\([^()]*\))?\s*(?:は|:)?\s*[、,]?\s*$"
)


def sentences_of(text: str) -> list[Sentence]:
    """Sentences and bullet items of a cell, each with the lead-in of its bullet list."""
    return _sentences(text, tokenize(text))


_INLINE_ITEM = re.compile(rf"\s(?=[{''.join(map(re.escape, item_marks()))}])")


def _sentences(text: str, spans: Spans) -> list[Sentence]:
    """The sentences of a cell, cut where its spans say (``Spans.cuts``)."""
    norm = spans.norm
    out: list[Sentence] = []
    lead = (-1, -1)
    heading = (-1, -1)  # ■養成数(単位:人): an item that only names what follows
    starts = [q.start for q in spans.quantities]
    note_ends = -1  # where the line of the last note's sentence ends: 備考:…。…。 is one note
    for start, end in pairwise(spans.cuts):
        chunk_norm = norm[start:end]
        stripped = chunk_norm.lstrip()
        if not stripped:
            continue
        note = _is_note(stripped) or start < note_ends
        if note:
            line_end = norm.find("\n", start + (len(chunk_norm) - len(stripped)))
            note_ends = line_end if line_end >= 0 else len(norm)
            # (※…には届かず ・閲覧数:…: an item opened on the same line ends the note)
            item = _INLINE_ITEM.search(norm, end - 1, note_ends)
            note_ends = item.start() if item else note_ends
        is_item = stripped[0] in _ITEM_MARKS
        under = not is_item and heading[0] >= 0
        if is_item:
            heading = (start, end) if _is_heading(chunk_norm, start, end, starts) else (-1, -1)
        elif not under:
            lead = (start, end)
        if under:
            is_item, lead = True, heading
        lead_start, lead_end = lead if is_item else (-1, -1)
        out.append(
            Sentence(
                start,
                end,
                text[start:end],
                text[lead_start:lead_end] if is_item else "",
                chunk_norm,
                norm[lead_start:lead_end] if is_item else "",
                note,
                lead_start,
            )
        )
    return out


def _note_references(sentences: tuple[Sentence, ...]) -> dict[int, str]:
    """The notes that open with a note's number (※1, (注1), [1], 1)) and the sentence before
    them that refers to it, by the note's index."""
    out: dict[int, str] = {}
    for i, sentence in enumerate(sentences):
        if not i:
            continue
        opened = _NOTE_OPENS.match(sentence.norm)
        if opened is None:
            continue
        number = next(g for g in opened.groups() if g)
        refers = re.compile(rf"(?:※\s*|注\s*|\[){number}(?![0-9])|(?<![0-9(]){number}\)")
        for j in range(i - 1, -1, -1):
            earlier = sentences[j].norm
            found = refers.search(earlier)
            if found is not None and found.start() > len(earlier) - len(earlier.lstrip()):
                # (Aは目標を上回り(注1)、Bも上回った(注2): note 2 goes on from B's clause, the
                # words since a reference that ends the clause before it — not one on a noun:
                # 設置市町村(注2)は増加したが…(注1))
                before = list(_CLAUSE_NOTE_MARK.finditer(earlier, 0, found.start()))
                out[i] = earlier[before[-1].end() if before else 0 : found.end()]
                break
    return out


# a sentence wholly in brackets after others of its line: (後日メールで確定値:318,904回)
_AFTERTHOUGHT = re.compile(r"^\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\s*$")
# a ※ note's mark right after a figure (12,345件※1)
_NOTE_MARK_AFTER = re.compile(r"※\s*([0-9]{1,2})(?![0-9])")
_CLAUSE_NOTE_MARK = re.compile(r"(?:※\s*|注\s*)[0-9]{1,2}(?![0-9])\)?\s*[、,]")


# a sentence that names nothing, what follows going on from the one before it: a word of
# assent (A. いいえ。), the kind of a chart (図：棒グラフ。)
_NAMES_NOTHING = re.compile(
    rf"\s*(?:A\s*[.:]|答\s*[.:]|(?:{alternation('chart_kind')})\s*[0-9]{{0,2}}\s*[:：])?\s*"
    rf"(?:{alternation('assent', 'chart_kind')})\s*[、。.!]?\s*$"
)
# a question (Q. …ましたか?): its figures are asked about, the answer's are reported
_QUESTION = re.compile(r"^\s*(?:Q\s*[.:]|問\s*[.:]|質問\s*[.:])|[?]\s*$")
_NOTE_OPENS = re.compile(
    r"\s*(?:※\s*([0-9]{1,2})|\(?\s*注\s*([0-9]{1,2})\s*\)?|\[([0-9]{1,2})\]|([0-9]{1,2})\))"
)


def _with_yearless_points(
    norm: str, sentences: tuple[Sentence, ...], periods: list[PeriodMatch]
) -> list[PeriodMatch]:
    """The periods and, in each sentence, the days it names without a year (6月末 72.1%/…/
    令和9年3月末 80.5%), read in the year of its dated periods."""
    extra: list[PeriodMatch] = []
    for sentence, found in zip(sentences, _file_under(sentences, periods), strict=True):
        extra += yearless_points(norm, sentence.start, sentence.end, found)
    return sorted(periods + extra, key=lambda p: p.start) if extra else periods


def _counted_before(quantities: tuple[Quantity, ...], context: str) -> str | None:
    """The counter a sentence of bare figures takes from the sentence before it, where that
    one names what is counted (…事業の実施自治体数は増加した。/ 令和6年度700、
    令和7年度720、令和8年度740 → 自治体)."""
    if not quantities or not context or any(not q.bare for q in quantities):
        return None
    return counted_in(context)


def _whole_year(period: Period) -> bool:
    """Whether a period spans a year (令和8年度, 2026年)."""
    return (period.end - period.start).days >= _YEAR_DAYS


_YEAR_DAYS = 364


def _is_note(stripped: str) -> bool:
    """A ※ note or a (参考) line, or a list item that opens with one (・参考:他の主体では…)."""
    if stripped[0] in _ITEM_MARKS and not stripped.startswith(_NOTE_MARKS):
        stripped = stripped[1:].lstrip()
    return stripped.startswith(_NOTE_MARKS)


def _is_heading(chunk: str, start: int, end: int, starts: list[int]) -> bool:
    """Whether an item names what the lines under it count and states nothing itself: no
    figure, no full stop (■アクセス数(単位:回), ◆養成数)."""
    if "。" in chunk or len(chunk.strip()) > _HEADING_CHARS:
        return False
    i = bisect_left(starts, start)
    return i == len(starts) or starts[i] >= end


_HEADING_CHARS = 40


def _same_period_before(
    norm: str,
    sentences: tuple[Sentence, ...],
    periods: Sequence[tuple[PeriodMatch, ...]],
    leads: list[tuple[PeriodMatch, ...]],
) -> tuple[tuple[PeriodMatch, ...], ...]:
    """The periods each sentence is led by: its lead-in's, but for a sentence that names none
    of its own and dates its figure by the one stated before (同期間において…), those of the
    nearest sentence before it that names one."""
    if _SAME_PERIOD.search(norm) is None:  # (most cells name none)
        return tuple(leads)
    for i, sentence in enumerate(sentences):
        if periods[i] or not _SAME_PERIOD.search(norm, sentence.start, sentence.end):
            continue
        earlier = next((p for p in reversed(periods[:i]) if p), None)
        if earlier is not None:
            leads[i] = earlier
    return tuple(leads)


_SAME_PERIOD = re.compile(alternation("same_period"))


def analyse(text: str, as_of: date | None = None) -> Analysis:
    """Sentences with their periods and quantities, for ``extract``: the text is normalised
    and scanned once, then each period and quantity is filed under its sentence. ``as_of``:
    the report's date, by which a year told by its time (本年3月末) is named."""
    if as_of is not None:
        text = years_named(text, as_of)
    spans = tokenize(text)
    norm = spans.norm
    sentences = tuple(_sentences(text, spans))
    # (会議(令和9年2月1日開催), 目標(令和9年度末までに400市町村): a meeting's day and a
    # target's deadline date none of the figures)
    periods = list(spans.periods)
    if _EVENT_OR_TARGET.search(norm):  # (most cells name neither)
        periods = [
            p
            for p in periods
            if not _EVENT_AFTER.match(norm, p.end)
            and not _TARGET_DATED.match(norm, p.end)
            and not _TARGET_BRACKET.search(norm, max(0, p.start - _TARGET_REACH), p.start)
        ]
    if "末" in norm:
        periods = _with_yearless_points(norm, sentences, periods)
    quantities = list(spans.quantities)
    by_sentence_periods = _file_under(sentences, periods)
    by_start = {s.start: p for s, p in zip(sentences, by_sentence_periods, strict=True)}
    lead_periods = _same_period_before(
        norm, sentences, by_sentence_periods, [by_start.get(s.lead_start, ()) for s in sentences]
    )
    kept: list[tuple[Quantity, ...]] = []
    dropped: list[tuple[tuple[Quantity, str], ...]] = []
    for sentence, found in zip(sentences, _file_under(sentences, quantities), strict=True):
        no_targets = _without_targets(found, sentence, norm)
        distinct = _distinct(no_targets, norm)
        kept.append(distinct)
        if len(distinct) == len(found):
            dropped.append(())
            continue
        dropped.append(
            (
                *((q, "restated_target") for q in found if q not in no_targets),
                *((q, "approximate_twin") for q in no_targets if q not in distinct),
            )
        )
    return Analysis(
        text,
        norm,
        sentences,
        by_sentence_periods,
        lead_periods,
        tuple(kept),
        tuple(dropped),
        spans,
        _bracket_parts(norm, spans.quantities) if "(" in norm else {},
    )


def _bracket_parts(norm: str, quantities: tuple[Quantity, ...]) -> dict[int, str]:
    """The figures in a bracket right after a figure that add up to it, each with the word
    before it: 520市町村(専任 390市町村・兼任のみ 130市町村), 200団体(都道府県 10・市区町村 190)."""
    out: dict[int, str] = {}
    for i, whole in enumerate(quantities):
        if not _OPENS_AFTER.match(norm, whole.end):
            continue
        close = norm.find(")", whole.end)
        inside = [
            q
            for q in quantities[i + 1 :]
            if q.end <= close and q.unit in (None, whole.unit) and not q.signed
        ]
        bracket = norm[norm.find("(", whole.end) + 1 : close]
        if len(inside) < 2 or "(" in bracket or _NOT_PARTS.search(bracket):
            continue  # (前年度末の1,100法人から150法人増): an earlier value and a change
        if abs(sum(q.value for q in inside) - whole.value) > 1e-9 * max(1.0, whole.value):
            continue
        for q in inside:
            words = _PART_WORD.search(norm, whole.end, q.start)
            out[q.start] = words.group(1) if words else ""
    return out


_OPENS_AFTER = re.compile(r"\s*\(")
_BASIS_WORD = re.compile(alternation("basis"))
_ON_BASIS = re.compile(rf"\s*\([^()]{{0,24}}(?:{alternation('basis')})\s*\)")
_NOT_PARTS = re.compile(
    rf"{_EARLIER}|{alternation('previous', 'two_years_before', 'change_up', 'change_down')}"
)
# the word that names a part: 専任 392, 兼任のみ 136 (after the bracket, a ・ or a 、)
_PART_WORD = re.compile(r"([^\s()・、,:0-9]*)\s*:?\s*$")


# 会議(令和9年2月1日開催)において: the day a meeting was held dates none of its figures
_EVENT_AFTER = re.compile(
    rf"\s*(?:{alternation('event')})(?!値|中|予定)"
)  # (確定値: a value's; 集計中)
_EVENT_OR_TARGET = re.compile(alternation("event", "target_word"))
# (いずれもR7末目標超, 令和9年度目標): the period a target is set for dates no figure
_TARGET_DATED = re.compile(rf"(?:{alternation('target_word')})")


def _file_under(
    sentences: tuple[Sentence, ...], items: list[_Spanned]
) -> tuple[tuple[_Spanned, ...], ...]:
    """Items (sorted by start) grouped by the sentence each starts in."""
    out = []
    i = 0
    for sentence in sentences:
        while i < len(items) and items[i].start < sentence.start:
            i += 1
        group = []
        while i < len(items) and items[i].start < sentence.end:
            group.append(items[i])
            i += 1
        out.append(tuple(group))
    return tuple(out)


def _has_any(norm: str, words: tuple[str, ...]) -> bool:
    return any(a in norm for w in words for a in alternatives(w))


def extract(
    indicator: Indicator,
    text: str | Analysis,
    target_text: str = "",
    siblings: tuple[Indicator, ...] = (),
) -> Extraction:
    """Observations for ``indicator`` in a cell (the one its ``find.column`` names).

    ``target_text``: the measure's 目標 cell; the words it puts before the target value tell
    what the value measures, whatever words this year's status text uses. ``siblings``: the
    measure's other indicators, whose words do not tell this one's value from theirs.

    Steps, in ``_Reading``: every sentence is filtered (a ※ note, no figure whose unit could
    fit, nothing of the indicator named), then every figure of it (regex, exclude, unit);
    each that remains gets its period and role (a level, a previous value, a change) and,
    as a level, its score; ``decide.accept`` then keeps the candidates close to the best.
    """
    analysis = text if isinstance(text, Analysis) else analyse(text)
    profile: IndicatorProfile = indicator_profile(indicator, _normalized(target_text), siblings)
    return _Reading(indicator, analysis, profile, siblings).read()


@dataclass
class _InSentence:
    """What the figures of one sentence share while it is read."""

    index: int
    sentence: Sentence
    context: str  # the sentence before
    quantities: tuple[Quantity, ...]
    scope: SentenceScope
    last_level: Candidate | None  # the level a change or a previous value goes with
    inherited: Period | None  # the period of the sentence this one goes on from
    declared: str | None  # (単位:件): the unit the sentence's list declares
    respective: tuple[tuple[str, ...], tuple[int, ...]] | None
    segments: list[tuple[Quantity, int, int]]
    here: list[Candidate] = field(default_factory=list)
    seen_previous: bool = False
    waiting: tuple[Quantity, float, str, Period | None, bool] | None = None
    unit_from: Quantity | None = None  # the figure before, when it has a unit
    note: bool = False  # a ※ note: only its earlier values of the level before are read
    question: bool = False  # Q. …から増えましたか?: only its earlier values are read
    change_end: int = -1  # where the last change figure of the sentence ends


class _Reading:
    """One indicator read over one cell: the candidates, changes and drops its sentences add."""

    def __init__(
        self,
        indicator: Indicator,
        analysis: Analysis,
        profile: IndicatorProfile,
        siblings: tuple[Indicator, ...] = (),
    ):
        self.analysis, self.profile, self.find = analysis, profile, indicator.find
        self.indicator_units = indicator.find_units
        self.is_rate = is_rate(indicator.label)  # (…1人当たりの開始件数: itself a rate)
        self.label = indicator.label
        # (an indicator that is itself a share of its target reads 達成率 as its own name)
        self.attainment = _ATTAINMENT_WORD.search(normalize(indicator.label)) is not None
        # ※括弧内は前年度: said once in the cell, before or after the figures it explains
        self.brackets_previous = _BRACKETS_PREVIOUS.search(analysis.norm) is not None
        # the target's restatement names this indicator only (two indicators of a measure
        # with one target, 30万回 each: it names neither)
        self.own_target_named = not any(
            s.id != indicator.id and s.target == indicator.target and s.unit == indicator.unit
            for s in siblings
        )
        self.flow = indicator.kind == "flow"  # a year's count, not a running total
        # the target a distance from it is measured from (a threshold's, in the rule's unit)
        self.target = (
            (indicator.target, indicator.pint_unit)
            if indicator.target is not None
            and indicator.comparator in _THRESHOLDS
            and indicator.share_of is None
            else None
        )
        self.deadline = indicator.deadline_end
        # (an indicator that is itself an average per day or month reads those figures)
        self.per_time = (
            None
            if _PER_TIME.search(indicator.label) or not _PER_TIME.search(analysis.norm)
            else _PER_TIME
        )
        self.raw, self.norm = analysis.text, analysis.norm
        # (目標 2,500程度 over 2,612: a writer who states the target without its unit writes
        # the cell's figures so; a bare one may be the value)
        self.units_omitted = _bare_target(analysis, self.target)
        self.regex_spans = (
            [m.span("value") for m in re.finditer(self.find.regex, self.norm)]
            if self.find.regex
            else None
        )
        self.candidates: list[Candidate] = []
        self.changes: list[tuple[Candidate, Observation]] = []
        self.pending: Period | None = None
        self.pending_evidence: str | None = None
        self.covered: dict[str, float] = {}  # the profile's coverage of each sentence read
        self.dropped: list[tuple[Quantity, str]] = []  # the named filters' drops (--explain)
        self.carried: Candidate | None = None  # the last value of the sentence before
        self.worked_out: dict[int, str] = {}  # a share's start → how (1389 ÷ 1741)
        self.shares: set[int] = set()  # where the shares worked out of a part and whole start
        self._series_head = ""  # the words that name the sentence's figures (相談件数計は)
        self.referenced: frozenset[int] = frozenset()  # the notes a sentence refers to (※1)
        self.went_on = False  # the last sentence read named nothing: it went on from the one before
        self.role_dropped: list[tuple[float, str | None, str]] = []  # (other_role, --explain)

    def cover(self, text: str) -> float:
        share = self.covered.get(text)
        if share is None:
            share = self.covered[text] = self.profile.profile.coverage(text)
        return share

    def read(self) -> Extraction:
        previous_text = named_text = ""
        referring = _note_references(self.analysis.sentences)
        self.referenced = frozenset(referring)
        for index, sentence in enumerate(self.analysis.sentences):
            # (…は前年度を上回った※1。/ ※1 令和8年度 27.2%: a note goes on from the sentence
            # that refers to it; …閲覧数は、…21万回ほど。昨年は…。(後日確定値:212,345回): an
            # afterthought in brackets, from the last sentence that named something)
            context = named_text if _AFTERTHOUGHT.match(sentence.norm) else previous_text
            self.went_on = False
            self._sentence(index, sentence, referring.get(index, context))
            if not self.went_on:
                named_text = sentence.norm
            if self.flow and names_running_total(sentence.norm):
                self._year_from_running_totals(sentence)
            # (a sheet's field lines, 【目標値】… 【実績値】…, go on from the 【指標】 line; a
            # table's rows named by their role alone, 本年度新規(件)は…/累計(件)は…, from the
            # sentence before the table)
            if is_field_of_before(sentence.norm) and not _field_only(sentence.norm):
                # (【実績値】計55,431件(電話…) then 【前年度】計52,638件: the fields of one 【指標】
                # go on from it together)
                previous_text += sentence.norm
            elif not (
                _field_only(sentence.norm)
                or role_only_head(sentence.norm)
                # (相談窓口の設置数 / 1. 令和5年度末: 512か所 / 2. 令和6年度末: …: the
                # items of a dated list go on from its heading, not from each other)
                or self._dated_figure_only(index)
                or self._figure_only(index)
                # (Q. …届きましたか? / A. いいえ。/ 最新の調査では88.3%でした。: a word of
                # assent names nothing; what follows goes on from the question; 【図1】…の
                # 相談件数 / 図：棒グラフ。/ 令和8年度 1万2,345件: from the chart's title)
                or (not self.analysis.quantities[index] and _NAMES_NOTHING.match(sentence.norm))
            ):
                previous_text = sentence.norm
        candidates = stated_first(self._named_role_first(self._without_rounded()))
        candidates.sort(key=lambda c: -c.score)
        all_changes = tuple((level.observation, rel) for level, rel in self.changes)
        found_label = True
        if not candidates:
            # Only to say why there is no value: are the indicator's words there at all?
            found_label = any(
                self.profile.named_in(s.norm, s.lead_norm, self.cover)
                for s in self.analysis.sentences
            )
        chosen = accept(
            tuple(candidates),
            all_changes,
            self.pending,
            self.pending_evidence,
            found_label,
            totals_apart=self.find.aggregate == "sum",
        )
        if not self.dropped and not self.role_dropped:
            return chosen
        dropped = tuple((q.value, q.unit, n) for q, n in self.dropped)
        return replace(chosen, dropped=dropped + tuple(self.role_dropped))

    def _year_from_running_totals(self, sentence: Sentence) -> None:
        """A yearly flow given as the change of a running total over the year (累計:令和8年
        3月末の288,921件から令和9年3月末の441,305件に増加 → 152,384件): the difference is a
        candidate, with its derivation, in place of the two totals."""
        here = [
            c
            for c in self.candidates
            if sentence.start <= c.observation.start < sentence.end
            and not c.observation.derivation
            and c.observation.period is not None
            and not c.observation.change
        ]
        for a, b in pairwise(here):
            first, last = a.observation, b.observation
            assert first.period is not None and last.period is not None
            days = (last.period.end - first.period.end).days
            if (
                not _FROM_WORD_AT.match(self.norm, first.end, last.start)
                or not _TO_WORD_AT.match(self.norm, last.end)
                or first.unit != last.unit
                or not _A_YEAR_DAYS[0] <= days <= _A_YEAR_DAYS[1]
                or last.value <= first.value
            ):
                continue
            year = Period(
                first.period.end + timedelta(days=1),
                last.period.end,
                f"{first.period.text}～{last.period.text}",
            )
            worked = replace(
                last,
                value=round(last.value - first.value, 6),
                period=year,
                derivation=f"{last.value:g} − {first.value:g}",
            )
            self._drop_where(partial(_is_one_of, (first, last)), "running_total")
            self.candidates.append(replace(b, observation=worked))
            return

    def _figure_only(self, index: int) -> bool:
        """Whether a sentence is figures alone, no words nor period (a dashboard's tile:
        人権相談窓口 認知度 / 31.4% / ▲0.7pt vs 前年(30.7%)): what follows goes on from the
        words before it."""
        sentence, a = self.analysis.sentences[index], self.analysis
        if not a.quantities[index] or a.periods[index]:
            return False
        rest, last = [], sentence.start
        for q in a.quantities[index]:
            rest.append(self.norm[last : q.start])
            last = max(last, q.end)
        rest.append(self.norm[last : sentence.end])
        return not _NOT_A_WORD_CHAR.sub("", "".join(rest))

    def _dated_figure_only(self, index: int) -> bool:
        """Whether a sentence is a period and a figure with nothing else of words (・令和6年度末:
        8,190件, 2. R7 760自治体(83%))."""
        sentence, a = self.analysis.sentences[index], self.analysis
        # (前年度末 402千人 / 今年度末 561千人: a year told by the report's time dates it too)
        keyed = not a.periods[index] and _YEAR_KEY.search(self.norm, sentence.start, sentence.end)
        if not a.quantities[index] or not (a.periods[index] or keyed):
            return False
        spans = sorted(
            [(p.start, p.end) for p in a.periods[index]]
            + [(q.start, q.end) for q in a.quantities[index]]
        )
        rest, last = [], sentence.start
        for start, end in spans:
            rest.append(self.norm[last:start])
            last = max(last, end)
        rest.append(self.norm[last : sentence.end])
        words = _YEAR_KEY.sub("", "".join(rest)) if keyed else "".join(rest)
        return len(_NOT_A_WORD_CHAR.sub("", _FIELD_FIGURES.sub("", words))) <= 2

    def _per_base(self, st: _InSentence, q: Quantity) -> str | None:
        """The filter a figure's base drops it by: a rate where the indicator counts (人口1万人
        当たりでみると、全国平均5.2人: ``per_base``), a count where it is a rate beside one
        (開始件数は152,361件(1人当たり209件): ``not_per_base``); None otherwise."""
        norm = self.norm
        if not self.is_rate and _PER_BASE_LENS.search(norm, st.sentence.start, q.start):
            return "per_base"
        if (
            self.is_rate
            and q.per is None
            and any(o.per is not None for o in st.quantities)
            and not _PER_WORD.search(norm, st.sentence.start, q.start)
        ):
            return "not_per_base"
        return None

    def _aside_note(self, index: int, sentence: Sentence) -> bool:
        """Whether a sentence is a ※ note on nothing read (no level before it, no reference
        to it) — not one stating exactly a figure the text rounded (…7%近くまで向上した。
        また、…。※令和6年度実績:6.9%)."""
        return (
            sentence.note
            and self.carried is None
            and index not in self.referenced
            and not any(self._states_rounded(q) for q in self.analysis.quantities[index])
        )

    def _states_rounded(self, q: Quantity) -> bool:
        """Whether a figure states exactly one the text gave rounded before it (3割強, 約33万人,
        12万人を超え)."""
        return any(
            c.observation.start < q.start
            and (c.observation.approx or c.observation.bound)
            and not c.observation.previous
            and _rounds_to(c.observation, q.value, q.unit)
            for c in self.candidates
        )

    def _without_rounded(self) -> list[Candidate]:
        """The candidates without the approximate figures a precise one states anywhere in the
        cell (…3割強まで上昇した。正確には…32.4%であった; 約33万人 … (…327,804名)): one fact
        written twice, and the precise figure is the value."""
        kept = self._without_wrong()
        precise = [c for c in kept if not (c.observation.approx or c.observation.bound)]
        if len(precise) == len(kept):
            return kept
        out = []
        for c in kept:
            o = c.observation
            # (apart from it, within the rounding its digits say: not 47都道府県(100%) of
            # another programme beside 46都道府県(約98%))
            if any(_rounded_twin(o, p.observation, written=True) for p in precise):
                self.role_dropped.append((o.value, o.unit, "rounded"))
            else:
                out.append(c)
        return out

    def _without_wrong(self) -> list[Candidate]:
        """The candidates without the figures the text says are wrong, wherever they stand
        (…を6,452人とする報告があったが、当初報告の6,452人は誤りで、正しくは64,520人)."""
        keyed = [q for q, name in self.dropped if name == "wrong_figure"]
        if not keyed:
            return self.candidates
        wrong = {(q.value, q.unit) for q in keyed}
        kept, removed = [], []
        for c in self.candidates:
            o = c.observation
            if (o.value, o.unit) in wrong and not o.derivation:
                self.role_dropped.append((o.value, o.unit, "wrong_figure"))
                removed.append(c)
            else:
                kept.append(c)
        return self._corrected(kept, keyed, removed)

    def _corrected(
        self, kept: list[Candidate], keyed: list[Quantity], removed: list[Candidate]
    ) -> list[Candidate]:
        """The figure that corrects a wrong one on its line ((誤)12,354人 → (正)12,345人) read
        as the wrong one was where that was stated elsewhere, named better (a reply above the
        mail it corrects)."""
        best = max(removed, key=lambda c: c.score, default=None)
        if best is None:
            return kept
        out = []
        for c in kept:
            o = c.observation
            if c.score < best.score and any(
                q.end <= o.start and "\n" not in self.norm[q.end : o.start] for q in keyed
            ):
                again = replace(best.observation, value=o.value, start=o.start, end=o.end)
                c = replace(best, observation=replace(again, evidence=o.evidence))
            out.append(c)
        return out

    def _named_role_first(self, candidates: list[Candidate]) -> list[Candidate]:
        """Where the label names a count's role (累計, 新たに) and the text names figures so,
        the figures it names as nothing are of the other role (養成数107,400人 beside 累計養成
        数312,800人; 活用した団体97団体 beside うち新たに実施した団体19団体): dropped
        (``other_role``); earlier values stay, as trend points."""
        if self.profile.role is None:
            return candidates
        named = [c for c in candidates if c.scored is not None and c.scored.role_named]
        if not any(not c.observation.previous for c in named):
            return candidates
        kept = []
        for c in candidates:
            o = c.observation
            if o.previous or o.derivation or (c.scored is not None and c.scored.role_named):
                kept.append(c)
            else:
                self.role_dropped.append((o.value, o.unit, "other_role"))
        return kept

    # --- a sentence ----------------------------------------------------------------------

    def _sentence(self, index: int, sentence: Sentence, context: str) -> None:
        analysis, profile, norm = self.analysis, self.profile, self.norm
        if analysis.dropped and analysis.dropped[index]:
            self.dropped.extend(analysis.dropped[index])
        if self._aside_note(index, sentence):
            self._drop_all(analysis.quantities[index], "note")
            return  # a ※ note on nothing read: its figures are asides
        marker = _PENDING.search(sentence.norm)
        quantities = self._with_shares(self._with_wholes(analysis.quantities[index], sentence))
        # (a figure without a unit may take one from the words before it: 団体が212に上り;
        # ・前年度比1.7%増 on a line of its own is a change of the value before it)
        if (
            not marker
            and not any(
                profile.unit_fits(q) or (q.unit is None and _may_take_unit(q, norm))
                for q in quantities
            )
            and not (self.carried is not None and _STATES_CHANGE.search(sentence.norm))
            and not (self.target is not None and _TARGET_WORD.search(sentence.norm))
        ):
            self.carried = None
            self._drop_all(quantities, "unit")
            return  # nothing here could be the value: the sentence is not scored
        # NOTE: the topic before its first figure names every one (…の割合は、A等が34%、B等が31%)
        head = _head_of(sentence.norm[: quantities[0].start - sentence.start]) if quantities else ""
        self._series_head = head
        scope = profile.sentence_scope(sentence.norm, sentence.lead_norm, context, self.cover, head)
        self.went_on = scope.continues
        if scope.unrelated and self._restates_own_target(index):
            scope = replace(scope, own_target=True)  # (named by the target only)
        if not marker and scope.unrelated and not scope.own_target:
            self._unrelated(index, sentence, quantities)
            return  # names nothing the indicator measures: its figures cannot score
        if marker and scope.goes_on_about and not self._aside(sentence, marker.start(), quantities):
            self._note_pending(analysis.periods[index], sentence, marker.start())
        # 前年度の1,520件を2.3%下回った。: a sentence that names nothing of its own goes on
        # from the value of the sentence before; その数は令和7年度末で…, このうち…: it is about
        # the same time unless it names its own.
        last_level = self.carried if scope.continues else None
        st = _InSentence(
            index,
            sentence,
            context,
            quantities,
            scope,
            last_level,
            last_level.observation.period if last_level is not None else None,
            declared_unit(sentence.norm)
            or declared_unit(sentence.lead_norm)
            or _counted_before(quantities, context),
            _respective(sentence, quantities),
            list(_segments(quantities, sentence)),
            note=sentence.note and index not in self.referenced,
            question=_QUESTION.search(sentence.norm) is not None,
        )
        for i, (q, seg_start, seg_end) in enumerate(st.segments):
            self._figure(st, i, q, seg_start, seg_end)
        self._on_two_bases(st)
        self.carried = st.last_level

    def _on_two_bases(self, st: _InSentence) -> None:
        """Figures of one sentence each counted on a basis of its own (20団体(交付決定
        ベース)/21団体(実施ベース)) score alike: the text does not say which one is the value."""
        if not _BASIS_WORD.search(st.sentence.norm):
            return
        based = [c for c in st.here if _ON_BASIS.match(self.norm, c.observation.end)]
        if len(based) < 2:
            return
        top = max(c.score for c in based)
        alike = {id(c) for c in based}
        self.candidates = [
            replace(c, score=top, observation=replace(c.observation, score=top))
            if id(c) in alike
            else c
            for c in self.candidates
        ]

    def _drop_all(self, quantities: tuple[Quantity, ...], name: str) -> None:
        self.dropped.extend((q, name) for q in quantities)

    def _with_wholes(
        self, quantities: tuple[Quantity, ...], sentence: Sentence
    ) -> tuple[Quantity, ...]:
        if _TARGET_FIELD.match(sentence.norm):
            return quantities  # 【目標値】全都道府県(47都道府県): the target, not a whole reached
        wholes = wholes_in(self.profile, self.norm, sentence.start, sentence.end)
        if not wholes:
            return quantities
        # (13/47都道府県 目全都道府県: the target restated, not a whole reached)
        aimed = tuple(
            w
            for w in wholes
            if _TARGET_BEFORE.search(self.norm, max(sentence.start, w.start - _TAIL), w.start)
        )
        self._drop_all(aimed, "restated_target")
        wholes = [w for w in wholes if w not in aimed]
        # 全47都道府県 is the whole: the count 47都道府県 inside it is not read again.
        inside = [q for q in quantities if not any(w.start <= q.start < w.end for w in wholes)]
        return tuple(sorted((*inside, *wholes), key=lambda q: q.start))

    def _with_shares(self, quantities: tuple[Quantity, ...]) -> tuple[Quantity, ...]:
        """A part of a stated whole read as its share, where the indicator is a share."""
        shares = shares_in(self.profile, self.norm, quantities)
        if not shares:
            return quantities
        self.worked_out.update((start, how) for start, (_, how) in shares.items())
        self.shares.update(shares)
        return tuple(shares[q.start][0] if q.start in shares else q for q in quantities)

    def _aside(self, sentence: Sentence, at: int, quantities: tuple[Quantity, ...]) -> bool:
        """Whether a word at ``at`` in the sentence stands in a bracket that annotates the
        figure before it, with a figure this indicator could take after the bracket
        (…2万PV(…。2月・3月分は集計中) また、…の割合は70.2%): then it is not about that
        figure."""
        spans, where = self.analysis.spans, sentence.start + at
        if spans is None or spans.depth_at(where) == 0:
            return False
        close = spans.close_after(where)
        return any(q.start > close and self.profile.unit_fits(q) for q in quantities)

    def _note_pending(
        self, periods: tuple[PeriodMatch, ...], sentence: Sentence, marker_at: int
    ) -> None:
        at = sentence.start + marker_at
        before_marker = [p for p in periods if p.end <= at]
        if before_marker:
            # the first period of the marker's clause: what is counted, not when it will be
            # published (令和8年度調査の結果は令和9年秋頃公表予定)
            clause = max(
                self.norm.rfind("、", sentence.start, at), self.norm.rfind("。", sentence.start, at)
            )
            in_clause = [p for p in before_marker if p.start > clause]
            self.pending = (in_clause or before_marker)[0 if in_clause else -1].period
            self.pending_evidence = sentence.text.strip()

    # --- a figure ------------------------------------------------------------------------

    def _figure(self, st: _InSentence, i: int, q: Quantity, seg_start: int, seg_end: int) -> None:
        norm, find = self.norm, self.find
        before, after = norm[seg_start : q.start], norm[q.end : seg_end]
        name_start = _name_start(st, i, before, seg_start)
        dropped = self._filtered(st, i, q, before, after, name_start)
        if dropped is not None:
            self.dropped.append((q, dropped))
            # (47都道府県中46: a part after its whole counts what the whole does)
            st.unit_from = q if dropped == "stated_whole" else st.unit_from
            return
        q = self._with_unit(st, q, before, after)
        st.unit_from = q if q.unit is not None else None
        change = _change_kind(q, before, after, norm, st.sentence.end)
        fits = self._fits(st, q)
        short = bool(
            change is None
            and self.target is not None
            and (
                _SHORT_OF_TARGET.search(before[-_SHORT_REACH:]) is not None
                or (_SHORT_AFTER.match(after) is not None and _AGAINST_TARGET.search(before))
            )
        )
        if short or (
            (change is not None or q.signed or q.unit == "percentage_point")
            and _AGAINST_TARGET.search(before)
        ):
            # 目標(200件)を9件上回った, 目標まで残り2,500件, 目標(70%)比△1.5ポイント: how far
            # from the target — the value is the target and that distance, where it is known
            reached = self._from_target(st, q, after, short)
            if reached is None:
                self.dropped.append((q, "against_target"))
                return
            q, change, fits = reached, None, True
        if change is None and (not fits or find.value == "change"):
            self.dropped.append((q, "unit" if not fits else "not_a_change"))
            return
        period, assumed, previous = self._period(st, q, before, after)
        # (…8割弱から… ※令和8年度の割合は76.4%: a note stating exactly what was rounded)
        if st.note and not (change is None and not previous and self._states_rounded(q)):
            if change is not None or not _earlier_than_level(
                st.last_level, period, assumed, previous
            ):
                self.dropped.append((q, "note"))
                return  # ※うち新規34団体: an aside, not the value
            previous = True  # ※R7 92.8%, ※前年14.0%: an earlier value of the level
        if not previous and self._earlier_aside(st, q, period, assumed):
            previous = True  # 200団体(…)(令和6年10月調査 180団体): an earlier value, aside
        if st.question and not previous:
            self.dropped.append((q, "question"))
            return  # Q. 目標の20万回は達成できましたか?: asked about, not reported
        st.seen_previous = st.seen_previous or previous
        if change is not None and find.value != "change":
            # 令和元年度(29.9%)から4.6ポイント: the level right before is where the change starts
            starts_from = _from_bracket(before) and _bracket_on_figure(before)
            self._change(st, q, after, change, period, assumed, starts_from)
            st.change_end = q.end
            return
        if not fits or (change is None and find.value == "change"):
            return
        self._level(st, q, before, after, name_start, change, (period, assumed, previous))

    def _excluded(self, st: _InSentence, i: int, before: str, own: str) -> bool:
        """Whether a figure's words (``own``) or what it goes on from hold a word the rule
        excludes."""
        exclude = self.find.exclude
        return bool(
            _has_any(own, exclude)
            # (B型は、令和元年度27.4%、令和6年度33.0%: a series under an excluded head)
            or (i and label_free(before) and _has_any(self._series_head, exclude))
            # (系列名：…を受けていない…児童生徒数 / 値は、2025年度12,345人: a sentence that
            # names nothing goes on from an excluded one)
            or (
                st.scope.continues
                and not self.cover(st.sentence.norm)
                and _has_any(st.context, exclude)
            )
        )

    def _fits(self, st: _InSentence, q: Quantity) -> bool:
        """Whether a figure's unit can be the indicator's; a bare figure alone on its line
        where the writer states the target bare too (目標 2,500程度 over 2,612)."""
        return self.profile.unit_fits(q) is not None or (
            q.unit is None and q.bare and self.units_omitted and self._figure_only(st.index)
        )

    def _with_unit(self, st: _InSentence, q: Quantity, before: str, after: str) -> Quantity:
        """A figure written without a unit, with the one its words give it."""
        q = with_unit_before(q, before, after, st.declared)
        if q.unit is None and q.bare:
            # 実施自治体数: R6:612(71%) | R7:640(74%): the row's label says what it counts
            row_unit = unit_of_row(self.norm[st.sentence.start : q.start])
            q = with_unit_before(q, before, after, row_unit) if row_unit else q
        if q.unit is None and q.bare:
            # 1,310法人(R9.3末)(R8.3末:1,240): a dated bracket's figure counts what the figure
            # the brackets are on does
            on = _KEYED_BRACKET_ON.search(self.norm, max(st.sentence.start, q.start - 60), q.start)
            if on is not None:
                word = on.group("unit")
                q = replace(q, unit=unit_words()[word], unit_word=word)
        if q.unit is None and st.unit_from is not None and before.strip() in _CONNECTORS:
            # 前年の44から47へと増え: the figure a change goes to counts what the first does
            q = replace(q, unit=st.unit_from.unit, unit_word=st.unit_from.unit_word)
        if (
            q.unit is None
            and "percent" in self.indicator_units
            and _DECIMAL_RATIO.fullmatch(q.text)
        ):
            # 認知度は0.318であり: a share written as a ratio of one
            q = replace(q, value=round(q.value * 100, 6), unit="percent")
        return q

    def _filtered(
        self, st: _InSentence, i: int, q: Quantity, before: str, after: str, name_start: int
    ) -> str | None:
        """The named filter that drops a figure before its unit and role are read, or None."""
        norm, find = self.norm, self.find
        if self.regex_spans is not None and not any(s <= q.start < e for s, e in self.regex_spans):
            return "regex"
        said = _said_after(norm, q)
        if said is not None:
            return said
        if _MONTH_BEFORE.search(before[-_MONTH_REACH:]):
            return "one_month"  # 4月23,410回、5月24,105回…: a month's figure, not the year's
        if _RANGE_AFTER.match(norm, q.end) or _RANGE_BEFORE.search(
            norm, max(0, q.start - 12), q.start
        ):
            return "range"  # 15万~16万件程度の見込み: a range, no value
        if _AIMED.match(norm, q.end, st.sentence.end) or (
            (q.bound is not None or _BY_DEADLINE.search(before[-_BY_DEADLINE_REACH:]))
            and _aimed_in_list(norm, q.end, st.sentence.end)
        ):
            # 年間50万件以上の利用を目指す; 310件以上、定着率72.5%以上を毎年度の目標として
            # おりますところ: aimed at, not reached
            return "restated_target"
        if self.per_time is not None and self.per_time.search(before[-_PER_TIME_REACH:]):
            return "per_time"  # 月平均 約45万回: an average over a month, not the count
        parts = self._of_parts(st, q)
        if parts is not None:
            return parts
        per_base = self._per_base(st, q)
        if per_base is not None:
            return per_base
        if q.unit in _SHARE_UNITS and (
            _RATE_OF_TARGET.search(before[-_TARGET_REACH:])
            or (_ATTAINMENT.search(before[-_ATTAINMENT_REACH:]) and not self.attainment)
        ):
            return "rate_of_target"  # 目標(60,000人)の102.8%, 目標比104%: how far, not a level
        if before.rstrip().endswith("/") and self._is_target(q):
            return "restated_target"  # 210件/200件, 集計中/60,000人: the value, then the target
        part_word = self.analysis.parts.get(q.start)
        if part_word is not None and part_word not in self.label:
            return "part_of_figure"  # 520市町村(専任 390市町村・兼任のみ 130市町村)
        own_after = _OWN_AFTER.split(after[:_TAIL], maxsplit=1)[0]
        if i and _CHANGE_AFTER.match(before):
            # …受けていない者のうち…は、前年度から2,300人増えて120,000人: a level a
            # change reaches is named by the words before the change
            name_start = st.segments[i - 1][1]
        if find.exclude and self._excluded(st, i, before, norm[name_start : q.start] + own_after):
            return "exclude"  # its own words are about something else
        if (
            i + 1 < len(st.segments)
            and "percent" not in self.indicator_units
            and whole_of(norm, q, st.segments[i + 1][0])
        ):
            return "stated_whole"  # 全1,741市町村のうち812市町村: the whole a count is of
        return None

    def _of_parts(self, st: _InSentence, q: Quantity) -> str | None:
        """The filter that drops a figure of the parts, or None."""
        norm = self.norm
        if _OF_PARTS_AFTER.match(norm, q.end) or _OF_PARTS.search(_own_clause(norm, q.start)):
            return "of_parts"  # 最多は北海道の512件, 中央値は2か所: a statistic of the parts
        if self._in_breakdown(st, q):
            return "breakdown"  # 内訳をみると、…は51.2%; 学校種別では、小学校91.2%: a part
        return None

    def _in_breakdown(self, st: _InSentence, q: Quantity) -> bool:
        """Whether a figure follows a breakdown's lead in its clause group (内訳をみると,
        学校種別では, 男女別では) and names a part the indicator is not (小学校, not 男性 for
        男性の…): the parts of the whole stated before them."""
        norm = self.norm
        if _BREAKDOWN.search(st.sentence.norm) is None:
            return False  # (most sentences have no breakdown: one search in C)
        lead = last_match(_BREAKDOWN, norm, st.sentence.start, q.start)
        if lead is None or _CLAUSE_GROUP_END.search(norm, lead.end(), q.start):
            return False
        if not any(o.end <= lead.start() for o in st.quantities) and not (
            # (…全体29.8%(…)。年齢階級別では18~29歳24.1%…: a sentence that opens the
            # breakdown of a whole read before)
            self.candidates and lead.start() - st.sentence.start <= _BREAKDOWN_OPENS
        ):
            return False  # (the whole comes first: 割合は62.4%であり…;内訳をみると…)
        own = _own_clause(norm, q.start)
        if any(
            p.start >= q.start - len(own) and p.end <= q.start
            for p in self.analysis.periods[st.index]
        ):
            return False  # (年度別では、令和6年度…、令和7年度…: a series, not parts)
        name = _NOT_A_NAME.sub("", own)
        return not (len(name) >= 2 and name in self.label)

    def _paired_period(self, st: _InSentence, q: Quantity) -> Period | None:
        """The period in brackets after the target a value is paired with (5,100,000回/
        200,000回(R8.4~R9.3)): the value's, unless it is the rule's deadline (370,000人/
        900,000人(令和12年度末))."""
        after = next((o for o in st.quantities if o.start >= q.end), None)
        if after is None or self.norm[q.end : after.start].strip() != "/":
            return None
        if not self._is_target(after):
            return None
        opening = _OPENS_AFTER.match(self.norm, after.end)
        if opening is None:
            return None
        inside = next(
            (p for p in self.analysis.periods[st.index] if p.start == opening.end()), None
        )
        if inside is None or (self.deadline is not None and inside.period.end == self.deadline):
            return None
        return inside.period

    def _restates_own_target(self, index: int) -> bool:
        """Whether the sentence restates this indicator's target, value and unit (実績値:187団体
        (…計画値165団体、達成率113.3%)): it is about the indicator, whatever words it uses."""
        if not self.own_target_named:
            return False
        dropped = self.analysis.dropped[index] if self.analysis.dropped else ()
        return any(name == "restated_target" and self._is_target(q) for q, name in dropped)

    def _is_target(self, q: Quantity) -> bool:
        """Whether a figure is the rule's target, in its unit (or with none: 214団体(目175))."""
        if self.target is None:
            return False
        if q.unit is None:
            return q.value == self.target[0]
        try:
            value = convert(q.value, q.unit, self.target[1])
        except ValueError:
            return False
        return abs(value - self.target[0]) <= 1e-6 * max(1.0, abs(self.target[0]))

    def _earlier_aside(
        self, st: _InSentence, q: Quantity, period: Period | None, assumed: bool
    ) -> bool:
        """Whether a figure in brackets is dated before the level it follows: an earlier
        value given as an aside (200団体(…)(令和6年10月調査 180団体))."""
        spans = self.analysis.spans
        if st.last_level is None or spans is None or spans.depth_at(q.start) == 0:
            return False
        if _earlier_than_level(st.last_level, period, assumed, False):
            return True
        # 13.9%(R7:14.1%): a bracket on an undated level that dates a figure of its own
        level = st.last_level.observation
        return (
            level.period is None
            and period is not None
            and not assumed
            and _DATED_BRACKET_ON.fullmatch(self.norm, level.end, q.start) is not None
        )

    def _from_target(
        self, st: _InSentence, q: Quantity, after: str, short: bool
    ) -> Quantity | None:
        """The value a distance from the target gives (目標(200件)を9件上回った → 209件;
        目標(75.0%)比△0.6ポイント → 74.4%; 目標まで残り2,500件 → 目標 − 2,500), with how it was
        worked out; None when the target is not known in the figure's unit. The target is the
        one the sentence restates before the figure, else the rule's."""
        target = self.target
        if target is None:
            return None
        restated = [
            r
            for r, name in self.analysis.dropped[st.index]
            if name == "restated_target" and r.start < q.start and r.unit == target[1]
        ]
        value = restated[-1].value if restated else target[0]
        distance = abs(q.value)
        if q.unit != target[1] and not (
            q.unit in (None, "percentage_point") and target[1] == "percent"
        ):
            return None
        down = short or _is_down(q, after) or _SHORT_AFTER.match(after) is not None
        reached = value - distance if down else value + distance
        how = f"目標 {value:g} {'-' if down else '+'} {distance:g}"
        self.worked_out[q.start] = how
        return replace(q, value=round(reached, 6), unit=target[1], signed=False, bound=None)

    def _period(
        self, st: _InSentence, q: Quantity, before: str, after: str
    ) -> tuple[Period | None, bool, bool]:
        """The figure's period, whether it was assumed, and whether it is a previous value."""
        fixed = self._fixed_period(st, q, before)
        if fixed is not None:
            return fixed
        last = st.last_level
        period, assumed, previous = _period_for(
            q,
            before,
            after,
            self.analysis.periods[st.index],
            self.analysis.lead_periods[st.index],
            self.norm,
            last.observation.period if last else None,
            st.quantities,
            st.sentence.end,
        )
        sentence = st.sentence
        if (
            not previous
            and not self.analysis.periods[st.index]
            and _YEARLESS_PART.search(self.norm, sentence.start, q.start)
        ):
            # Q1 1,300,000/…/Q4 1,500,000、通期実績 5,600,000: parts of a year and their whole,
            # none dated by a lead-in's period (…令和9年3月の月間において…)
            period, assumed = None, True
        if (
            not previous
            and last is not None
            and (
                (
                    before.strip() == "("
                    and self.brackets_previous  # (括弧内は前年度, anywhere in the cell)
                )
                or (st.seen_previous and _SAME_AS_BEFORE.search(before))
            )
        ):
            # A figure in brackets after another is its previous value where the text says
            # so: (括弧内は前年度) 62自治体(58自治体); (前年度末3,200名)、…(同1,100名).
            base = last.observation.period
            period, assumed, previous = (period_year_before(base) if base else None), False, True
        if not previous and assumed and _PREVIOUS_LINE.match(sentence.norm):
            # (前年度)研修実施率86.9%、…; 前年度:39%、1,050法人: a line of previous values
            base = last.observation.period if last is not None else st.inherited
            return (period_year_before(base) if base else None), base is None, True
        if period is None and assumed and not previous:
            annotated = self._annotated(st, q)
            if annotated is not None:
                # 78.1%(うち町村部では62.3%): a figure in a bracket on another stands when it does
                period, assumed = annotated, False
            elif st.inherited is not None:
                period, assumed = st.inherited, False
        previous = previous or (not assumed and _keyed_earlier(self.norm, st.sentence.start, q))
        if not previous and _LEADS_TO.match(self.norm, q.end, st.sentence.end):
            return self._went_from(st, q, period, assumed)
        return period, assumed, previous

    def _went_from(
        self, st: _InSentence, q: Quantity, period: Period | None, assumed: bool
    ) -> tuple[Period | None, bool, bool]:
        """The period of a figure the value went from (1,204法人から1,377法人に増加, 39.0→
        42.6%): the year before the one read, unless a period is written right before it
        (令和7年度末の1,240法人から…: its own)."""
        if period is not None and any(
            _OWN_PERIOD.fullmatch(self.norm, p.end, q.start) is not None
            if p.end <= q.start
            # (14.8%(令和4年出所者)→13.5%: its own, in the bracket on it)
            else _OWN_PERIOD_AFTER.fullmatch(self.norm, q.end, p.start) is not None
            for p in self.analysis.periods[st.index]
        ):
            return period, False, True
        return (period_year_before(period) if period and not assumed else None), True, True

    def _fixed_period(
        self, st: _InSentence, q: Quantity, before: str
    ) -> tuple[Period | None, bool, bool] | None:
        """The period and role a figure takes from another: the one it revises, or its pair's."""
        revised = self._revision_of(st, q, before)
        if revised is not None:
            return revised.period, revised.period_assumed, revised.previous
        paired = self._paired_period(st, q) or self._noted_period(q)
        return (paired, False, False) if paired is not None else None

    def _noted_period(self, q: Quantity) -> Period | None:
        """The year the ※ note a figure is marked with states (12,345件※1 … ※1 令和8年4月～
        令和9年3月の累計), or None (a survey's month in a note dates no figure)."""
        mark = _NOTE_MARK_AFTER.match(self.norm, q.end)
        if mark is None:
            return None
        for index, sentence in enumerate(self.analysis.sentences):
            opened = _NOTE_OPENS.match(sentence.norm)
            if (
                opened is not None
                and opened.group(1) == mark.group(1)
                and sentence.start > q.end
                and self.analysis.periods[index]
                and _whole_year(self.analysis.periods[index][0].period)
            ):
                return self.analysis.periods[index][0].period
        return None

    def _revision_of(self, st: _InSentence, q: Quantity, before: str) -> Observation | None:
        """The figure ``q`` revises (前年度値は27.4万回から27.9万回に遡及改定): of its date and
        role, which it replaces (the one revised is dropped as ``superseded``); None when
        ``q`` revises none."""
        last = st.last_level
        if (
            last is None
            or last.observation.change
            or not _FROM_WORD.fullmatch(before)
            or not _REVISED_TO.match(self.norm, q.end, st.sentence.end)
        ):
            return None
        revised = last.observation
        self._drop_where(lambda o: o.start == revised.start, "superseded")
        st.here = [c for c in st.here if c is not last]
        return revised

    def _annotated(self, st: _InSentence, q: Quantity) -> Period | None:
        """The period of the figure whose bracket ``q`` stands in, if it has one."""
        spans = self.analysis.spans
        if spans is None or spans.depth_at(q.start) == 0:
            return None
        opening = self.norm.rfind("(", st.sentence.start, q.start)
        if opening < 0 or ")" in self.norm[opening : q.start]:
            return None
        on = next((c for c in st.here if not self.norm[c.observation.end : opening].strip()), None)
        return on.observation.period if on is not None else None

    def _change(
        self,
        st: _InSentence,
        q: Quantity,
        after: str,
        change: str,
        period: Period | None,
        assumed: bool,
        starts_from: bool = False,
    ) -> None:
        """A figure that states a change: of the level before it, or of the one that follows
        (``starts_from``: the level right before it is the one it starts from)."""
        signed = _signed(q, after)
        if st.last_level is None:
            # 前年度比15自治体増の640自治体: the change of the figure that follows.
            st.waiting = (q, signed, change, period, assumed)
            return
        base = st.last_level.score
        level = st.last_level.observation
        year_after = _year_after(level, period, assumed)
        # (令和4年の14.4%から、令和5年については0.5ポイント低下: the level goes on from it)
        went_on = year_after and _WENT_FROM.match(self.norm, level.end, q.start) is not None
        if (year_after and _ARROW_TO.match(self.norm[level.end : q.start]) is not None) or not any(
            not c.observation.previous
            and not c.observation.derivation
            and c.score >= base * ACCEPT_RATIO
            and not ((starts_from or went_on) and c is st.last_level)
            for c in st.here
        ):
            derived = _derived_level(
                st.last_level, q, self.raw, st.sentence, change, signed, starts_from, period
            )
            if derived is not None:
                # 前年度(51.3%)から2.4ポイント増: the level this year is worked out from the
                # previous value the text states and the change it reports.
                self.candidates.append(derived)
                st.here.append(derived)
                st.last_level = derived
        rel = _observation(
            q,
            self.raw,
            st.sentence,
            period,
            assumed,
            st.last_level.score,
            change=change,
            value=signed,
        )
        self.changes.append((st.last_level, rel))

    def _level(
        self,
        st: _InSentence,
        q: Quantity,
        before: str,
        after: str,
        name_start: int,
        change: str | None,
        when: tuple[Period | None, bool, bool],
    ) -> None:
        """A figure that may be the value: scored, and recorded as a candidate."""
        norm, sentence = self.norm, st.sentence
        period, assumed, previous = when
        in_part = _PART_IN_BRACKETS.search(
            norm, sentence.start, q.start
        ) is not None or _a_listed_part(norm, q)
        scored = self._scored(st, q, after, name_start, previous, in_part)
        if st.respective and not previous:
            scored = _respectively(scored, st.respective, q, self.cover)
        obs = _observation(
            q,
            self.raw,
            sentence,
            period,
            assumed,
            scored.score,
            change=change,
            value=_signed(q, after) if change else q.value,
            previous=previous,
            total=self._is_total(q, before, scored),
        )
        if q.start in self.worked_out:
            obs = replace(obs, derivation=self.worked_out[q.start])
        if previous and period is None and _TWO_YEARS_BEFORE.search(before[-_TAIL:]):
            obs = replace(obs, years_back=2)  # (一昨年度 741自治体、昨年度 760自治体)
        # (令和8年度上半期(4月~9月)…40自治体: a part of the year its period names)
        if (period is None or _whole_year(period)) and self._yearless_part(st, q):
            obs = replace(obs, part_of_year=True)
        scored, obs = self._named_as_before(st, scored, obs, previous)
        candidate = Candidate(obs, scored.score, scored)
        restating = None if q.approx or q.bound else _restating(norm, sentence.start, q.start)
        if restating is not None:
            self._drop_rounded(obs, sentence.start, restating)
        taken_back = self._drop_replaced(obs, sentence.start, q)
        if taken_back > candidate.score:
            # (…検索サイトは312,460回でした after …支援情報検索サイトの実績は312,640回: the
            # figure it takes back was named as well as it is)
            candidate = replace(candidate, score=taken_back)
        self.candidates.append(candidate)
        st.here.append(candidate)
        # 計7,310件(うち電話5,100件)、前年度計6,980件: a part in brackets does not start
        # a series; what follows goes on from the whole.
        if st.last_level is None or not in_part:
            st.last_level = candidate
        if st.waiting is not None:
            self._waiting_change(st, candidate)
        st.waiting = None

    def _waiting_change(self, st: _InSentence, candidate: Candidate) -> None:
        """A change told before a level: the change that reaches it (前年度比15自治体増の640
        自治体), or one from the previous value in the bracket after it, which gives the level
        reached (対前年度比95件減(前年度3,590件) → 3,495件)."""
        assert st.waiting is not None
        wq, value, kind, wperiod, wassumed = st.waiting
        obs = candidate.observation
        level = candidate
        if _CHANGE_THEN_LEVEL.match(self.norm, wq.end, obs.start) is None:
            if not obs.previous or not _PREVIOUS_BRACKET_AFTER.match(self.norm, wq.end, obs.start):
                return
            derived = _derived_level(candidate, wq, self.raw, st.sentence, kind, value, False)
            if derived is None:
                return
            self.candidates.append(derived)
            st.here.append(derived)
            st.last_level = level = derived
        rel = _observation(
            wq, self.raw, st.sentence, wperiod, wassumed, obs.score, change=kind, value=value
        )
        self.changes.append((level, rel))

    def _drop_rounded(self, precise: Observation, start: int, end: int) -> None:
        """The approximate figures read between ``start`` and ``end`` that ``precise`` states
        exactly (3割強 …(正確には31.4%), 4割を超え…(令和8年度42.9%、…)): one fact written
        twice, and the precise figure is the value."""
        self._drop_where(
            lambda o: start <= o.start and o.end <= end and _rounded_twin(o, precise), "rounded"
        )

    def _drop_replaced(self, obs: Observation, start: int, q: Quantity) -> float:
        """The figures read before ``obs`` (its sentence from ``start``) that it replaces: the
        ones a word right before it supersedes (確定値 312,640回), with the estimates of its line,
        or those before a correction in its sentence (…訂正すると…); the best score of those a
        line taking back a figure replaced (0 when none)."""
        norm = self.norm
        if _SUPERSEDING.search(_own_clause(norm, q.start)[-_SUPERSEDING_REACH:]):
            self._drop_superseded(obs, start)
            # (…二十一万回ほど…。(後日メールで確定値:212,345回): the confirmed figure replaces
            # the estimates its line gave before it)
            line = norm.rfind("\n", 0, start) + 1
            self._drop_where(
                lambda o: line <= o.start < start and _estimate_of(o, obs), "superseded"
            )
        elif self._retracts(q):
            # ([4/19] …7,214人(見込み)です / [4/19] すみません、7,412人の誤りでした: a line that
            # takes back a figure said before replaces it, wherever it stood)
            taken = [
                c
                for c in self.candidates
                if c.observation.start < start and _replaced_by(c.observation, obs)
            ]
            self._drop_where(partial(_is_one_of, tuple(c.observation for c in taken)), "superseded")
            return max((c.score for c in taken), default=0.0)
        else:
            # …73.1%としているが、…訂正すると、…71.4%: the figures after the correction
            # replace those before it
            correcting = last_match(_CORRECTING, norm, start, q.start)
            if correcting is not None:
                self._drop_superseded(obs, start, correcting.start())
        return 0.0

    def _unrelated(self, index: int, sentence: Sentence, quantities: tuple[Quantity, ...]) -> None:
        """A sentence that names nothing the indicator measures: its figures dropped, but for
        one that takes back a figure read before (…7,412人の誤りでした), a later dated item of a
        log (2026.12.31 累計46万8,900人) and the exact figure of a rounded one (A：13.9%です。)."""
        if (
            not self._retaken(sentence, quantities)
            and not self._logged(index, sentence)
            and not self._refined(sentence, quantities)
        ):
            self.carried = None
            self._drop_all(quantities, "unrelated_sentence")

    def _logged(self, index: int, sentence: Sentence) -> bool:
        """Whether a sentence is a date and a figure alone, later than the last figure of its
        unit read (2026.6.30 …養成数 累計41万2,300人 / 2026.12.31 累計46万8,900人): an item of a
        log of that figure, named as it was."""
        quantities, periods = self.analysis.quantities[index], self.analysis.periods[index]
        if len(quantities) != 1 or len(periods) != 1 or not self._dated_figure_only(index):
            return False
        q, when = quantities[0], periods[0].period
        named = next((c for c in reversed(self.candidates) if _logged_before(c, q)), None)
        if named is None or named.observation.period is None:
            return False
        if named.observation.period.end >= when.end:
            return False
        fields = {"period": when, "period_assumed": False, "approx": q.approx, "bound": q.bound}
        self._restate(sentence, q, named, None, **fields)
        return True

    def _refined(self, sentence: Sentence, quantities: tuple[Quantity, ...]) -> bool:
        """Whether a sentence naming nothing states exactly a figure read before as a rounded
        one (A：…で14%弱 … A：13.9%です。; …22万人強 … 221,873人): one fact, the precise figure
        its value, named as the rounded one was."""
        for q in quantities:
            if q.approx or q.bound:
                continue
            rounded = next((c for c in self.candidates if _refines(q, c.observation)), None)
            if rounded is None:
                continue
            self._restate(sentence, q, rounded, "rounded", approx=False, bound=None)
            return True
        return False

    def _restate(
        self, sentence: Sentence, q: Quantity, named: Candidate, drop: str | None, **fields: Any
    ) -> None:
        """``q`` read as the candidate ``named`` was (its name, score and role), ``fields``
        changed; ``named`` dropped by the filter ``drop`` where one is given."""
        again = replace(
            named.observation,
            value=q.value,
            start=q.start,
            end=q.end,
            evidence=_clause(self.analysis.text, sentence, q),
            **fields,
        )
        if drop is not None:
            self._drop_where(partial(_is_one_of, (named.observation,)), drop)
        self.candidates.append(replace(named, observation=again))

    def _retaken(self, sentence: Sentence, quantities: tuple[Quantity, ...]) -> bool:
        """Whether a sentence naming nothing takes back a figure read before (a thread's
        すみません訂正です、14.1%でした after …再入率は15.1%です): its figure replaces that
        one, named as it was."""
        for q in (q for q in quantities if self._retracts(q)):
            taken = next((c for c in self.candidates if _takes_back(q, c.observation)), None)
            if taken is None:
                continue
            self._restate(sentence, q, taken, "superseded", provisional=False, approx=q.approx)
            return True
        return False

    def _retracts(self, q: Quantity) -> bool:
        """Whether the line of a figure takes back one said before (すみません訂正です、14.1%
        でした; 7,412人の誤りでした)."""
        norm = self.norm
        line = norm.rfind("\n", 0, q.start) + 1
        return bool(_RETRACTING.search(norm, line, q.start) or _CORRECT_AFTER.match(norm, q.end))

    def _drop_superseded(self, final: Observation, start: int, before: int = -1) -> None:
        """The figures of the sentence before ``final`` (before ``before``, where given) that
        it replaces (速報値 309,800回 → 確定値 312,640回): of its date and role, close to it."""
        end = final.start if before < 0 else before
        self._drop_where(lambda o: start <= o.start < end and _replaced_by(o, final), "superseded")

    def _drop_where(self, drops: Callable[[Observation], bool], name: str) -> None:
        """The candidates read so far without those ``drops`` names, recorded as dropped."""
        kept = []
        for c in self.candidates:
            o = c.observation
            if drops(o):
                self.dropped.append((Quantity(o.value, o.unit, o.start, o.end, ""), name))
            else:
                kept.append(c)
        self.candidates = kept

    def _scored(
        self,
        st: _InSentence,
        q: Quantity,
        after: str,
        name_start: int,
        previous: bool,
        in_part: bool,
    ) -> Scored:
        """The score of a level named by the words from ``name_start``; a level a change
        reaches (登録者は前年度末から5,142名増の122,103名) may be named by the words
        before the change."""
        norm, sentence = self.norm, st.sentence

        def scored_from(start: int, end: int = q.start) -> Scored:
            return score_candidate(
                self.profile,
                q,
                norm[start:end],
                after,
                st.scope,
                st.last_level.scored if st.last_level else None,
                norm[max(sentence.start, q.start - 16) : q.start],
                norm[q.end : min(sentence.end, q.end + 20)],
                previous,
                in_part=in_part,
            )

        scored = scored_from(name_start)
        reached = self._reached_by_change(st, q)
        if reached is not None:
            scored = max(scored, scored_from(reached), key=lambda s: s.score)
        went_from = self._reached_from(st, q)
        if went_from is not None:
            # (named by the words before the figure it went from)
            scored = max(scored, scored_from(*went_from), key=lambda s: s.score)
        return scored

    def _yearless_part(self, st: _InSentence, q: Quantity) -> bool:
        """Whether the figure's line counts part of a year without naming the year: 上半期
        (4~9月) 76,215, 4月~12月分 3,987,112回, 第3四半期累計(4~12月) 113,540."""
        head = self.norm[st.sentence.start : q.start]
        last = None
        for match in _YEARLESS_PART.finditer(head):
            if not _twelve_months(match.group()):  # (令和8年度(4月~3月): the whole year)
                last = match
        # (Q1 50/Q2 52/Q3 53/Q4 55、年度計 210: the year's total after its parts is whole;
        # so is 88.4%(年度計) with the quarters' figures around it)
        return (
            last is not None
            and _WHOLE_YEAR.search(head, last.end()) is None
            and _WHOLE_YEAR_AFTER.match(self.norm, q.end) is None
        )

    def _reached_by_change(self, st: _InSentence, q: Quantity) -> int | None:
        """Where the words before the change that ``q`` is the level of start (15件増の640件),
        or None when no change stands right before it."""
        i = next((k for k, seg in enumerate(st.segments) if seg[0] is q), 0)
        if not i or st.change_end != st.segments[i - 1][0].end:
            return None
        if not _CHANGE_THEN_LEVEL.match(self.norm, st.change_end, q.start):
            return None
        return st.segments[i - 1][1]

    def _reached_from(self, st: _InSentence, q: Quantity) -> tuple[int, int] | None:
        """Where the words of the figure ``q`` was reached from start and end (累計は、前年度末の
        261,400人から、同年度末には374,600人: the running total's words name both), or None
        when no figure it goes on from stands right before it."""
        i = next((k for k, seg in enumerate(st.segments) if seg[0] is q), 0)
        if not i:
            return None
        went_from, start, _ = st.segments[i - 1]
        if not _FROM_THEN_LEVEL.match(self.norm, went_from.end, q.start):
            return None
        return start, went_from.start

    def _is_total(self, q: Quantity, before: str, scored: Scored) -> bool:
        """計5,300件, or a figure its parts follow in brackets: 9,236件(うち…3,402件、…) — not
        where the label names a count of its own: 計176団体(うち新規34団体) is not the count
        of the new ones, which its part names."""
        clause = before[max(before.rfind("、"), before.rfind("。")) + 1 :][-_TOTAL_REACH:]
        return (
            bool(
                _TOTAL.search(before[-12:])
                or _TOTAL_IN_CLAUSE.search(clause)
                or _PARTS_FOLLOW.match(self.norm, q.end)
                # (a rule that adds parts: the whole they are listed after is their sum)
                or (self.find.aggregate == "sum" and _lists_parts(self.norm, q.end, q.value))
                or (self._series_head and _TOTAL_HEAD.search(self._series_head))
            )
            and (self.profile.role is None or scored.role_named)
            and not _a_listed_part(self.norm, q)
        )

    def _named_as_before(
        self, st: _InSentence, scored: Scored, obs: Observation, previous: bool
    ) -> tuple[Scored, Observation]:
        """A total, or a level stated after a change, named as well as the figure it goes on
        from; a level worked out for the same period gives way to the one stated."""
        if obs.total and st.here:
            # 電話4,100件、SNS1,200件の計5,300件: the total is what its
            # parts are, and scores as the best of them.
            best = max(st.here, key=lambda c: c.score)
            if best.score > scored.score and best.scored is not None:
                scored = best.scored.led_by("内訳の合計")
                obs = replace(obs, score=scored.score)
        worked_out = [
            c
            for c in st.here
            if c.observation.derivation
            # (都道府県46/47；市区町村13.4%: a share worked out of its part and whole is a
            # figure of its own, not a level a change reached)
            and c.observation.start not in self.shares
            and (
                obs.period is None
                or obs.period_assumed
                # worked out for the report's own period: a level the change reaches
                # (…から2増の43都道府県(令和8年度)), not one of another date later on
                # (…から1.5ポイント上昇し、基準とした令和5年度の値(40.2%)を…)
                or (
                    c.observation.period_assumed
                    and _CHANGE_THEN_LEVEL.match(self.norm, st.change_end, obs.start) is not None
                )
                or same_end(c.observation.period, obs.period)
            )
        ]
        # (…企業団体等が令和元年度(31.6%)から2.1ポイント: a level a next change starts from is
        # not the level the change before it reached)
        # (a level worked out itself, 260 ÷ 1741 after 46 ÷ 47, replaces no other)
        if (
            not previous
            and worked_out
            and obs.derivation is None
            and not _STARTS_A_CHANGE.match(self.norm, obs.end)
            # (…から0.8ポイント上昇し(うち薬物事犯者では…38.4%): a part is not the whole)
            and _PART_IN_BRACKETS.search(self.norm, st.sentence.start, obs.start) is None
            # (…から4団体減少した(…累計で86団体) for a new count: another count's level)
            and not scored.other_role
        ):
            # 前年(41都道府県)から2増の43都道府県: the level stated wins over the one worked
            # out, and is named as well as the previous value it goes on from.
            self.candidates = [c for c in self.candidates if c not in worked_out]
            st.here = [c for c in st.here if c not in worked_out]
            named = worked_out[-1].scored
            if named is not None and named.score > scored.score:
                scored = named.led_by("変化の後の値")
                obs = replace(obs, score=scored.score)
        return scored, obs


@lru_cache(maxsize=1024)
def _normalized(text: str) -> str:
    return normalize(text) if text else ""


def _observation(
    q: Quantity,
    raw: str,
    sentence: Sentence,
    period: Period | None,
    assumed: bool,
    score: float,
    *,
    change: str | None,
    value: float,
    previous: bool = False,
    total: bool = False,
) -> Observation:
    return Observation(
        value,
        q.unit,
        period,
        _clause(raw, sentence, q),
        q.start,
        q.end,
        score,
        provisional=bool(_PROVISIONAL.search(_around(sentence, q))),
        approx=q.approx,
        bound=q.bound,
        change=change,
        period_assumed=assumed,
        previous=previous,
        total=total,
        step=q.step,
    )


def _around(sentence: Sentence, q: Quantity) -> str:
    """The words that may mark a figure provisional: its clause before it (令和7年(概数)に
    おける…は1,200人) and a few words after it (5,400人(見込み)), normalised."""
    start, end = q.start - sentence.start, q.end - sentence.start
    head = sentence.norm[max(0, start - 40) : start]
    cut = max(head.rfind("、"), head.rfind("。"))
    return head[cut + 1 :] + sentence.norm[end : end + 12]


# R7 28.4%→R8 +1.6pt: an arrow to the next period's change
_ARROW_TO = re.compile(r"^\s*(?:→|⇒|➡|->)\s*[^\s、。]{1,12}\s*$")


def _year_after(level: Observation, period: Period | None, assumed: bool) -> bool:
    """Whether a change is dated the year after the level before it (R7 28.4%→R8 +1.6pt):
    the level it starts from, however that level is named."""
    return (
        period is not None
        and not assumed
        and level.period is not None
        and not level.period_assumed
        and period_year_before(period).end == level.period.end
    )


def _derived_level(
    level: Candidate,
    q: Quantity,
    raw: str,
    sentence: Sentence,
    change: str,
    signed: float,
    starts_from: bool = False,
    period_of_change: Period | None = None,
) -> Candidate | None:
    """The level a change reaches from a stated previous value, as a candidate with its
    derivation; None unless ``level`` is a previous value the change starts from, or a dated
    level it is said to start from (``starts_from``: 令和元年度(29.9%)から4.6ポイント増; the
    level reached is then the report's, its period not stated), or the level of the year
    before the change's own (・令和7年度 700自治体 ・令和8年度 前年度比17自治体増)."""
    prev = level.observation
    year_on = _year_after(prev, period_of_change, False)
    if not (prev.previous or starts_from or year_on) or prev.change is not None:
        return None
    reached = _reached(prev, q, change, signed)
    if reached is None:
        return None
    value, how = reached
    period = (
        period_of_change
        if year_on
        else None
        if prev.period is None or not prev.previous
        else Period(
            shift_years(prev.period.start, 1),
            shift_years(prev.period.end, 1),
            prev.period.text.removesuffix("の前年"),
        )
    )
    obs = replace(
        _observation(
            q,
            raw,
            sentence,
            period,
            False if year_on else prev.period_assumed if prev.previous else True,
            level.score,
            change=None,
            value=round(value, 6),
        ),
        unit=prev.unit,
        derivation=how,
    )
    return Candidate(obs, level.score, level.scored)


def _reached(
    prev: Observation, q: Quantity, change: str, signed: float
) -> tuple[float, str] | None:
    """The level a change of ``signed`` (points, a delta, a percent) reaches from ``prev``,
    and how; None where the change does not apply to that level."""
    percent_level = prev.unit == "percent"
    if (change == "points" and percent_level) or (
        change == "delta" and q.unit in (None, prev.unit) and not percent_level
    ):
        sign = "+" if signed >= 0 else "-"
        return prev.value + signed, f"{prev.value:g} {sign} {abs(signed):g}"
    if change == "percent" and not percent_level:
        sign = "+" if signed >= 0 else "-"
        return prev.value * (1 + signed / 100), f"{prev.value:g} × (1 {sign} {abs(signed):g}%)"
    return None


# (the level's unit, the bracket, its period and a colon or a space: %(R7:, 件(令和7年度 )
_DATED_BRACKET_ON = re.compile(r"[^\s()0-9、。]{0,4}\s*\(\s*[^()、。:]{1,16}?(?::|\s)\s*")


def _earlier_than_level(
    level: Candidate | None, period: Period | None, assumed: bool, previous: bool
) -> bool:
    """Whether a figure of a ※ note is an earlier value of the level the note is on: stated
    as the previous one, or dated before it."""
    if level is None or period is None:
        return False
    if previous:
        return True
    stands = level.observation.period
    return not assumed and stands is not None and period.end < stands.end


def _signed(q: Quantity, after: str) -> float:
    return -abs(q.value) if _is_down(q, after) else abs(q.value)


def _segments(
    quantities: tuple[Quantity, ...], sentence: Sentence
) -> Iterator[tuple[Quantity, int, int]]:
    """Each quantity with the span of its own words: from the end of the number before it (or
    the sentence start) to the start of the number after it (or the sentence end)."""
    for i, q in enumerate(quantities):
        start = quantities[i - 1].end if i else sentence.start
        end = quantities[i + 1].start if i + 1 < len(quantities) else sentence.end
        yield q, start, end


def _without_targets(
    quantities: tuple[Quantity, ...], sentence: Sentence, norm: str
) -> tuple[Quantity, ...]:
    """The quantities that are not the target restated (目標10万回に対し…); the words around a
    dropped one then belong to its neighbours."""
    if not quantities:
        return quantities
    field = _TARGET_FIELD.match(sentence.norm)
    # 【目標値】令和8年度までに年間20万回以上: the target restated, every figure of its field
    # (up to a field of another role on the same line: 【目標】…の向上【前年度】28.3%)
    field_end = sentence.start
    if field:
        opened = sentence.norm.find("【", field.end())
        field_end += len(sentence.norm) if opened < 0 else opened
    kept = []
    target_end = -1
    # (令和8年度実績(括弧内は目標) …1人当たり211件(208件以上): a bracket of a figure alone)
    declared = "内は" in norm and _BRACKETS_TARGET.search(norm) is not None
    for q, seg_start, seg_end in _segments(quantities, sentence):
        if declared and _alone_in_bracket(norm, q):
            target_end = q.end
            continue
        if _is_target(q, seg_start, seg_end, sentence, norm, field_end) or (
            # 計画値66.7%(国民の3人に2人): the target again, in the bracket on it
            target_end >= 0 and _BRACKET_ON.fullmatch(norm, target_end, q.start)
        ):
            target_end = q.end
            continue
        kept.append(q)
    return tuple(kept) if len(kept) < len(quantities) else quantities


def _is_target(
    q: Quantity, seg_start: int, seg_end: int, sentence: Sentence, norm: str, field_end: int
) -> bool:
    """Whether a figure restates the target (see ``_without_targets``)."""
    if q.start < field_end or _in_target_field(norm, sentence.start, q.start):
        return True  # (［目標］令和9年度末までに420市町村, <次年度目標>…: in a target's field)
    if _TARGET_KEY.match(_own_item(norm, sentence.start, q.start)):
        return True  # (…; 目標=正規雇用者+20万人: an item keyed as the target)
    if _TARGET_BEFORE.search(norm, _own_field_start(norm, seg_start, q.start), q.start):
        return True
    if _TARGET_BRACKET.search(norm, max(sentence.start, q.start - 30), q.start):
        return True  # 本施策の目標(令和6年度末までに160団体)は: the target, in its bracket
    if _TARGET_LIST_BRACKET.search(
        norm, max(sentence.start, q.start - _LIST_REACH), q.start
    ) and _in_bracket_closed(norm, q.end):
        return True  # 目標(A 3,150名、B 1,120名)以上: each item of the target's bracket
    if any(
        _TARGET_OPENS.search(norm, max(sentence.start, o - 8), o)
        for o in _opens(norm, sentence.start, q.start)
    ):
        return True  # 目標(令和6年度実績(A 302,140名、…)以上): at any depth of its bracket
    if _TARGET_QUOTE.search(norm, max(sentence.start, q.start - _TARGET_REACH), q.start):
        return True  # 目標とする「国民の半数以上」: the target, in its quotation marks
    if q.bound and norm[max(seg_start, q.start - 2) : q.start].rstrip().endswith("〔"):
        return True  # 88.0%〔90%以上〕: the target beside the value, in its own brackets
    return bool(
        _TARGET_AFTER.match(norm[q.end : seg_end])
        and not (
            # 前年度(2,410件)には及ばなかった: the previous value, not the target
            _PREVIOUS_YEAR.search(norm, max(seg_start, q.start - _TAIL), q.start)
            or _in_previous_bracket(norm, q.start)
        )
    )


# (the figure's unit, then the bracket it stands in: 66.7%(国民の3人に2人)
_BRACKET_ON = re.compile(r"[^\s()、。0-9]{0,4}\s*\([^()]*")


_BREAK_BETWEEN = re.compile(r"[、。,()]")


def _in_target_field(norm: str, start: int, at: int) -> bool:
    """Whether the figure at ``at`` stands in a sheet's target field on its line: ［目標］
    令和9年度末までに420市町村［前年度末］433市町村, 〔次年度目標〕450市町村."""
    return _in_field(norm, start, at, _TARGET_FIELD_ANY)


def _in_field(norm: str, start: int, at: int, field: re.Pattern[str]) -> bool:
    """Whether the last field opened before ``at`` (【…】, […], 〔…〕, <…>, back to ``start``
    or _FIELD_REACH) is one ``field`` matches."""
    opened = max(norm.rfind(mark, max(start, at - _FIELD_REACH), at) for mark in _FIELD_OPENS)
    return opened >= 0 and field.match(norm, opened) is not None


def _own_item(norm: str, start: int, at: int) -> str:
    """The words of the item before the figure at ``at``: back to a separator of items
    (;, |, /) or the sentence's start."""
    cut = last_match(_ITEM_SEPARATOR, norm, start, at)
    return norm[cut.end() if cut else start : at]


_ITEM_SEPARATOR = re.compile(r"[;|/\n]")
_BASELINE_KEY = re.compile(rf"\s*(?:{alternation('baseline_key')})\s*(?:[=:]|\s|(?=[0-9]))")
# (目標=…, 目標: …, ／目標値 50(2025年)・85(2030年)／: the item's key, then its figures)
_TARGET_KEY = re.compile(rf"\s*(?:{alternation('target_word')})\s*(?:[=:]|\s|(?=[0-9]))")


def _own_field_start(norm: str, start: int, at: int) -> int:
    """Where the words before the figure at ``at`` that may make it the target begin: not
    before a field of another role that opens between (【目標】…の向上【前年度】28.3%)."""
    start = max(start, at - _TAIL)
    opened = norm.rfind("【", start, at)
    if opened >= 0 and not _TARGET_FIELD.match(norm, opened):
        return opened
    return start


_EXACTLY = re.compile(rf"\(\s*(?:{alternation('exactly')})\s*[、,]?")


def _field_only(norm: str) -> bool:
    """Whether a line is an evaluation sheet's field that names nothing else: 【目標値】206件
    以上, 【実績値】(R6)231,540 — not 【実績】養成数(累計、単位:人)."""
    m = _FIELD_LINE.match(norm)
    if m is None:
        return False
    rest = _FIELD_FIGURES.sub("", norm[m.end() :])
    return len(_NOT_A_WORD_CHAR.sub("", rest)) <= 8


_NOT_A_WORD_CHAR = re.compile(r"[^ぁ-んァ-ヶ一-龥A-Za-z]")
_FIELD_FIGURES = re.compile(rf"[0-9][0-9,.]*|{alternation('field_filler')}|[年月日末]")


# a field of an evaluation sheet, named by its role, not by what it measures
# (【目標値】…, or 目標値 8程度, 実績 R6:6.9% as a sheet's row split into lines writes them)
_FIELD_LINE = re.compile(
    rf"\s*(?:【\s*(?:{alternation('target_word')}|{alternation('field_word')})[^】]{{0,4}}】"
    rf"|(?:{alternation('target_word')}|{alternation('field_word')})値?(?:\s*:|\s))"
)
# a line that is a sheet's target field: 【目標値】…, 目標値:…
_TARGET_FIELD = re.compile(
    # (【次年度目標】: next year's)
    rf"\s*(?:【[^】]{{0,6}}?(?:{alternation('target_word')})\s*】|(?:{alternation('target_word')})\s*:)"
)
# a bracket right after a target word that the figure stands in: 目標(令和6年度末までに
_TARGET_BRACKET = re.compile(rf"(?:{alternation('target_word')})\s*\([^()、。]*$")
# 1,204法人から1,377法人に, 39.0→42.6%: a figure the next one is reached from (not a range:
# 100人から200人まで)
_LEADS_TO = re.compile(
    rf"\s*(?:{unit_alternation()}|%)?\s*(?:から\s*(?:約)?[0-9][0-9,.]*\s*(?:万|千|億)?\s*"
    rf"(?:{unit_alternation()}|%)?\s*"
    # (…に増加; 前年出所者の14.1%から0.5ポイント低下: where the change starts)
    rf"(?:(?:に|へ)(?!かけ)|(?:{alternation('change_up', 'change_down')}))"
    # (14.8%(令和4年出所者)→13.5%: its period in a bracket before the arrow)
    rf"|(?:\([^()、,]{{0,12}}\)\s*)?(?:→|⇒|➡|->)\s*(?:約)?[0-9])"
)
# (the items of a bracket after 目標: 目標(令和6年度実績:A 3,150名、B 1,120名))
_TARGET_OPENS = re.compile(rf"(?:{alternation('target_word')})\s*$")


def _opens(norm: str, start: int, at: int) -> list[int]:
    """Where the brackets that ``at`` stands in open, innermost first (from ``start``)."""
    opens, depth, k = [], 0, at
    while (o := norm.rfind("(", start, k)) >= 0:
        c = norm.rfind(")", o, k)
        if c > o:  # a bracket closed before ``at``: its open is no enclosing one
            depth, k = depth + 1, c
        elif depth:
            depth, k = depth - 1, o
        else:
            opens.append(o)
            k = o
    return opens


_TARGET_LIST_BRACKET = re.compile(rf"(?:{alternation('target_word')})\s*\([^()。]*$")
_LIST_REACH = 80


def _in_bracket_closed(norm: str, at: int) -> bool:
    """Whether the bracket a figure stands in closes before the sentence ends."""
    close = norm.find(")", at)
    return close >= 0 and "(" not in norm[at:close] and "。" not in norm[at:close]


_TARGET_REACH = 30
_TARGET_QUOTE = re.compile(
    rf"(?:{alternation('target_word')})(?:とする|としている|である|の|は)?\s*「[^「」]*$"
)


def _distinct(quantities: tuple[Quantity, ...], norm: str) -> tuple[Quantity, ...]:
    """One figure written twice, an approximate word and the precise figure in brackets
    (6割弱(57.9%), 約3割(31.4%), 57.9%(約6割)): the precise one is the value."""
    if len(quantities) < 2:
        return quantities
    drop: set[int] = set()
    for a, b in pairwise(quantities):
        between = norm[a.end : b.start].strip()
        if _rounded_bound_of(a, b, between):
            drop.add(id(a))  # 五百万回を超え、令和8年度は5,100,000回: the figure it rounds
            continue
        if a.unit is None or b.unit is None:
            continue
        if _EXACTLY.fullmatch(between):
            between = "("  # およそ31万回(正確には31万2,640回): the precise one in brackets
        if between != "(":
            if (
                a.approx
                and not (b.approx or b.bound)
                and len(between) <= 8
                and not _BREAK_BETWEEN.search(between)
                and "/" not in between  # (約4,800か所/5,000か所: a value and its target)
                and same_dimension(a.unit, b.unit)
                and _close(a, b)
            ):
                drop.add(id(a))  # 約11人に1人に当たる8.9%: the precise figure it rounds
                continue
            # 52.4%と初めて5割を超えた: a round figure that only restates the one before it
            if (
                len(between) <= 8
                and not _BREAK_BETWEEN.search(between)
                and (b.bound or b.approx or b.unit == "wari")
                and not (a.bound or a.approx)
                and same_dimension(a.unit, b.unit)
                and _close(a, b)
            ):
                drop.add(id(b))
            continue
        if not same_dimension(a.unit, b.unit):
            continue
        if a.approx and not b.approx:
            drop.add(id(a))
        elif b.approx and not a.approx:
            drop.add(id(b))
        elif not (a.approx or a.bound or b.approx or b.bound) and _rounds(a, b):
            drop.add(id(a))  # 22.4万人(224,503人、…): the figure and its exact digits
    if not drop:
        return quantities
    return tuple(q for q in quantities if id(q) not in drop)


_EXACTLY_WORD = re.compile(alternation("exactly"))


def _restating(norm: str, start: int, at: int) -> int | None:
    """Where the words that may restate figures before them precisely begin, for the figure at
    ``at`` in the sentence from ``start``: a word that gives figures precisely (正確には) before
    it, or the bracket it stands in (約4割(令和8年度42.9%、…)); None when neither."""
    last = last_match(_EXACTLY_WORD, norm, start, at)
    if last is not None and ")" not in norm[last.end() : at]:
        return last.start()
    opened = norm.rfind("(", start, at)
    return opened if opened >= 0 and ")" not in norm[opened:at] else None


def _rounded_twin(rounded: Observation, precise: Observation, written: bool = False) -> bool:
    """Whether ``rounded`` is an approximate figure (約, 強, 近く, 割) of the same date and role
    that ``precise`` states exactly: within a tenth of it, or half a 割 for a figure in 割;
    ``written``: within one step of its last written digit (約33万人: 1万; 3割強: 1割)."""
    if not (rounded.approx or rounded.bound) or rounded.previous != precise.previous:
        return False
    if rounded.change != precise.change:
        return False
    if written and (precise.period is None or precise.period_assumed):
        # (a precise figure without a date of its own: 【数値】…就職率:83.9%)
        return _rounds_to(rounded, precise.value, precise.unit)
    # (an undated rounded figure takes the precise one's date: …4割強となった(令和8年度末時点、
    # 正確には43%))
    if not rounded.period_assumed and (
        rounded.period is None or precise.period is None or rounded.period.end != precise.period.end
    ):
        return False
    value = rounded.value
    if rounded.unit is not None and precise.unit is not None:
        try:
            value = convert(rounded.value, rounded.unit, precise.unit)
        except ValueError:
            return False
    if written:
        return _rounds_to(rounded, precise.value, precise.unit)
    if rounded.unit == "wari":
        reach = max(_HALF_WARI, _TENTH * max(abs(value), abs(precise.value)))
        return abs(value - precise.value) <= reach
    return _within_a_tenth(value, precise.value)


def _rounds_to(rounded: Observation, value: float, unit: str | None) -> bool:
    """Whether an approximate figure is ``value`` rounded as its digits are written: within
    half a step of its last written digit either side (約33万人: 5千; 3割強: 5ポイント), a
    bound (12万人を超え) within one step on its side."""
    if rounded.value == 0 or rounded.unit is None or unit is None:
        return False
    try:
        written = convert(rounded.value, rounded.unit, unit)
    except ValueError:
        return False
    step = written / rounded.value * (rounded.step or _digit_step(rounded.value))
    if rounded.bound is not None:
        return 0 <= abs(value - written) < step
    return abs(written - value) <= step / 2


def _digit_step(value: float) -> float:
    """The place of a figure's last significant digit (330,000 → 10,000; 98 → 1; 3.5 → 0.1)."""
    if value == 0:
        return 1.0
    digits = f"{abs(value):.6f}".rstrip("0").rstrip(".")
    whole, _, fraction = digits.partition(".")
    if fraction:
        return 10.0 ** -len(fraction)
    return 10.0 ** (len(whole) - len(whole.rstrip("0")))


_HALF_WARI = 5.0  # percentage points: 3割強 is 30~35%


def _said_after(norm: str, q: Quantity) -> str | None:
    """What the words right after a figure (or, for a margin, right before it) say of it, as a
    filter's name: a round figure the value passed (30万回を突破, 7%台に到達: ``threshold``),
    or a wrong one (当初報告の6,452人は誤りで、正しくは64,520人: ``wrong_figure``)."""
    if _THRESHOLD.match(norm, q.end):
        return "threshold"
    if _WRONG_FIGURE.match(norm, q.end) or _WRONG_KEY.search(
        norm, max(0, q.start - _TAIL), q.start
    ):
        return "wrong_figure"  # (…は誤りで; 誤）321,470 → 正）312,740: keyed as the wrong one)
    if _PACE.match(norm, q.end):
        return "pace"  # 年間約11万人のペースで推移: how fast it grows, not how much there is
    if _ROUNDING_NOTE.match(norm, q.end):
        return "rounding_note"  # (百人未満四捨五入): how figures were rounded, no figure
    if _CONFIDENCE.match(norm, q.end):
        return "confidence_level"  # 32.4%(95%CI: 30.6~34.2%): the interval's level, no value
    if _MARGIN_BEFORE.search(norm, max(0, q.start - _MARGIN_REACH), q.start):
        return "margin"  # 40.3%(±2.1ポイント), 標準誤差0.7ポイント: a survey's margin, no change
    if _WIDER_SCOPE.search(norm, max(0, q.start - _WIDER_REACH), q.start):
        # …が独自に実施したものを含めると約7,800か所: a wider count than the indicator's
        return "wider_scope"
    if _NOT_THIS_INDICATOR.match(norm, q.end):
        # 国家公務員の取得率は83.9%であったが、本指標は民間事業所を対象とする…: said not to be
        # the indicator
        return "not_this_indicator"
    return None


_SUPERSEDING = re.compile(alternation("superseding"))
_CONFIDENCE = re.compile(rf"\s*(?:{alternation('confidence')})")
_MARGIN_BEFORE = re.compile(rf"(?:±|\+/-|(?:{alternation('margin')})\s*[:=]?)\s*(?:約)?\s*$")
_MARGIN_REACH = 12
_WIDER_SCOPE = re.compile(rf"(?:{alternation('wider_scope')})、?[^。、]{{0,24}}$")
_WIDER_REACH = 40
_NOT_THIS_INDICATOR = re.compile(
    rf"\s*\)?\s*(?:\([^()]*\))?[^、。0-9()]{{0,8}}が、\s*(?:{alternation('not_this_indicator')})"
)
_CORRECTING = re.compile(alternation("correcting"))
_WRONG_KEY = re.compile(rf"(?:{alternation('wrong_key')})\s*[)）:：]\s*$")
_RETRACTING = re.compile(alternation("retracting"))
_CORRECT_AFTER = re.compile(rf"\s*(?:{alternation('correct_after')})")


def _is_one_of(observations: tuple[Observation, ...], o: Observation) -> bool:
    return any(o is x for x in observations)


_PER_WORD = re.compile(alternation("per_base"))
_SHARE_UNITS = ("percent", "wari")  # (目標(50%)の9割弱: how far, as a share of the target)
_FROM_WORD_AT = re.compile(r"\s*から")
_TO_WORD_AT = re.compile(r"\s*(?:に|へ)")
_A_YEAR_DAYS = (360, 370)  # two year-ends a year apart (a leap year's 366 days)
_FROM_WORD = re.compile(r"\s*(?:から|より)\s*(?:約)?\s*")
_REVISED_TO = re.compile(rf"\s*(?:\([^()]*\))?\s*(?:に|へ)\s*(?:{alternation('revised')})")
_WRONG_FIGURE = re.compile(
    rf"\s*(?:\([^()]*\))?\s*(?:は|が|を)\s*(?:{alternation('wrong_figure')})"
)
_SUPERSEDING_REACH = 8


def _refines(q: Quantity, rounded: Observation) -> bool:
    """Whether ``q`` states exactly what ``rounded`` (約, 程度, 弱, 強, 超) gave as its digits
    round it: a level of its unit."""
    return (
        (rounded.approx or rounded.bound is not None)
        and not rounded.previous
        and not rounded.change
        and rounded.unit == q.unit
        and _rounds_to(rounded, q.value, q.unit)
    )


def _logged_before(c: Candidate, q: Quantity) -> bool:
    o = c.observation
    return o.unit == q.unit and not o.previous and not o.change and not o.derivation


def _takes_back(q: Quantity, earlier: Observation) -> bool:
    """Whether a figure may take back ``earlier``: a level of its unit (or a bare figure:
    誤）321,470 → 正）312,740), within a tenth."""
    return (
        not earlier.previous
        and not earlier.change
        and (earlier.unit == q.unit or q.unit is None)
        and _within_a_tenth(earlier.value, q.value)
    )


def _replaced_by(earlier: Observation, final: Observation) -> bool:
    """Whether ``final`` replaces ``earlier``: the same date and role, within a tenth."""
    if earlier.previous != final.previous or earlier.change != final.change:
        return False
    ends = {p.end for p in (earlier.period, final.period) if p is not None}
    if len(ends) > 1 or earlier.unit != final.unit:  # (an undated one takes the other's date)
        return False
    return _within_a_tenth(earlier.value, final.value)


_TENTH = 0.1


def _estimate_of(earlier: Observation, final: Observation) -> bool:
    """Whether ``earlier`` is an estimate of the figure ``final`` confirms (約29万回, 五百万回強,
    30万人を超え… → 確定値 318,904回): approximate, provisional or a bound, of its role and
    unit, within a tenth."""
    ends = {p.end for p in (earlier.period, final.period) if p is not None}
    return (
        (earlier.approx or earlier.provisional or earlier.bound is not None)
        and len(ends) < 2  # (令和8年度末7,128人(見込み)、令和7年度末は確定値で6,901人: two years)
        and not earlier.previous
        and earlier.change == final.change
        and earlier.unit == final.unit
        and _within_a_tenth(earlier.value, final.value)
    )


def _within_a_tenth(a: float, b: float) -> bool:
    """Whether two values are within a tenth of the larger."""
    return abs(a - b) <= _TENTH * max(abs(a), abs(b))


def _rounds(a: Quantity, b: Quantity) -> bool:
    """Whether ``a`` is ``b`` written with fewer digits (22.4万人 of 224,503人, 5.8千か所 of
    5,812か所): within one unit of ``a``'s last written digit, and ``b`` more precise."""
    other = _in_unit_of(a, b)
    if other is None:
        return False
    place = _last_place(a.value)
    return a.value > 0 and _last_place(other) < place and abs(other - a.value) <= place


def _last_place(value: float) -> float:
    """The place of a value's last written digit: 224000 → 1000, 5812 → 1, 29.8 → 0.1."""
    whole, _, fraction = f"{abs(value):.6f}".rstrip("0").rstrip(".").partition(".")
    if fraction:
        return 10.0 ** -len(fraction)
    return 10.0 ** (len(whole) - len(whole.rstrip("0")))


def _rounded_bound_of(a: Quantity, b: Quantity, between: str) -> bool:
    """Whether ``a`` is a round bound (30万回を超え) that the precise ``b`` after it in the
    same clause states exactly (、302,000回となった)."""
    # (二百を超え、206団体: a bare round figure takes the unit of the one it rounds)
    if not a.bound or b.bound or b.approx or b.unit is None:
        return False
    if len(between) > _ROUNDED_GAP or "。" in between:
        return False
    if a.unit is not None and not same_dimension(a.unit, b.unit):
        return False
    digits = f"{a.value:.0f}".rstrip("0")
    if len(digits) > 2 or not _close(a, b):
        return False
    above = not any(w in a.bound for w in ("以下", "未満"))
    return b.value >= a.value if above else b.value <= a.value


_ROUNDED_GAP = 24


def _close(a: Quantity, b: Quantity) -> bool:
    """Whether two figures of one dimension are within a tenth of each other."""
    other = _in_unit_of(a, b)
    if other is None:
        return False
    return abs(other - a.value) <= 0.1 * max(abs(a.value), abs(other))


def _in_unit_of(a: Quantity, b: Quantity) -> float | None:
    """``b``'s value in ``a``'s unit (as it is where either has none); None when they do not
    convert."""
    try:
        return convert(b.value, b.unit, a.unit) if a.unit and b.unit else b.value
    except ValueError:
        return None


def _change_kind(q: Quantity, before: str, after: str, norm: str, end: int) -> str | None:
    """``percent``, ``points`` or ``delta`` when the number states a change, else None.
    ``norm`` up to ``end``: the sentence the number stands in (前年同期(…)から約7千人、約5千人
    増加した)."""
    if q.unit == "percentage_point":
        return "points"
    tail = before[-_TAIL:]
    within_year = bool(
        _WITHIN_YEAR.search(tail)
        and (_CHANGE_AFTER.match(after) or _CHANGE_AFTER_BRACKETED.match(norm, q.end, end))
    )
    # 836人(11%)下回った: the change's figure again, in the bracket on it
    closed = bool(_ON_FIGURE_OPEN.match(before) and _CHANGE_AFTER_CLOSED.match(after))
    if (
        q.signed
        or within_year
        or closed
        or _CHANGE_BEFORE.search(tail)
        or _CHANGE_AFTER.match(after)
        or (_from_bracket(before) and _CHANGE_AFTER_LIST.match(norm, q.end, end))
        or _CHANGE_NAMED.search(tail)
    ):
        if q.unit == "percent":
            # "71.3%となり、前年度より" is a level; "前年度比18.6%減" is a change.
            if (
                q.signed
                or _CHANGE_BEFORE.search(tail)
                or _CHANGE_BEFORE_BRACKET.search(tail)
                or within_year
                or (_from_bracket(before) and _CHANGE_AFTER.match(after))
                or closed
            ):
                return "percent"
            return None
        return "delta"
    return None


# (41,200人、18,300人)から約2千人、約1千人増加: after an earlier value in brackets,
# から and the figures of a list that ends in a verb of change are the changes.
# (the words before the figure, back to the figure before it)
# 目標(206件)を3件上回った, 目標値より0.6ポイント低い: a change measured from the target
# (目標の10,000人(令和8年度)には858名届かなかった: the target restated between)
_AGAINST_TARGET = re.compile(
    rf"(?:{alternation('target_word')})\s*(?:の\s*[0-9][0-9,.]*\s*[^\s()0-9、。]{{0,4}})?"
    rf"\s*(?:\([^()]*\))?\s*(?:{_AGAINST}|を|比|に対して|に対し|に)"
    rf"\s*(?:は|、)?\s*{_APPROX}?\s*$"
)
_BRACKETS = re.compile(r"\([^()]*\)")
# 50万件以上の利用を目指す, 8万人を目標とする: a figure aimed at
_AIMED = re.compile(rf"[^、。0-9]{{0,12}}?(?:{alternation('aimed')})")
# a statement of targets a list of figures ends in (…を毎年度の目標としておりますところ, …
# 2031年までに70%とする目標を掲げ), with no word of a report between the figure and it
_AIMED_LATER = re.compile(
    rf"(?:を|は)[^、。0-9]{{0,12}}?(?:{alternation('target_word')})(?:と|に)"
    rf"(?:{alternation('sets_target')})|{alternation('aimed')}"
)
_REPORTS = re.compile(
    alternation("copula", "reached", "not_reached", "change_up", "change_down", "reports")
)
_AIMED_REACH = 60
# 2031年までに70%: a figure set for a deadline
_BY_DEADLINE = re.compile(r"までに[^、。0-9]{0,6}$")
_BY_DEADLINE_REACH = 12


def _aimed_in_list(norm: str, end: int, sentence_end: int) -> bool:
    """Whether a figure is one of the targets a statement of targets later in its sentence
    lists (nothing reported between them)."""
    m = _AIMED_LATER.search(norm, end, min(sentence_end, end + _AIMED_REACH))
    return m is not None and _REPORTS.search(norm, end, m.start()) is None


# 達成率103.6%, 【達成度】98.0%: the share of the target reached, said right before it
_ATTAINMENT = re.compile(rf"(?:{alternation('attainment')})[^0-9、。]{{0,3}}$")
_ATTAINMENT_REACH = 10
_ATTAINMENT_WORD = re.compile(alternation("attainment"))
_RATE_OF_TARGET = re.compile(
    rf"(?:{alternation('target_word')})\s*(?:\([^()]*\))?\s*(?:の|比)\s*{_APPROX}?\s*$"
)
# 目標(75.0%)に0.3ポイント届かなかった, 目標(10,000か所)に対し2,000か所不足: the distance short of
# the target, said after the figure
_SHORT_AFTER = re.compile(rf"\s*(?:{alternation('short_after', 'not_reached')})")
# (前年度実績(1,150法人)に166法人を上乗せ: the level a change is added to)
_FROM_BRACKET = re.compile(rf"(?:\)|^)\s*(?:{_AGAINST}|を|比|に)\s*(?:は)?\s*{_APPROX}?\s*$")
# NOTE: no word after the bracket holds a ")": a match can start only at the last one.
_NO_BRACKET_AFTER = not any(")" in w for w in (*words("against"), *words("approx_before")))


def _from_bracket(before: str) -> bool:
    """Whether ``_FROM_BRACKET`` is found in ``before``: tried where it can start only (the
    last ")", or the start), not at every character."""
    if not _NO_BRACKET_AFTER:
        return _FROM_BRACKET.search(before) is not None
    return _FROM_BRACKET.match(before, max(0, before.rfind(")"))) is not None


def _bracket_on_figure(before: str) -> bool:
    """Whether the bracket that closes before a change is the one its level stands in or
    annotates (28.7%)から, 51.3%(令和6年度)から — not a bracket on a later word: 13.6%(令和5年
    出所受刑者)となり、前年(令和4年出所受刑者)から (from the year before, whose figure it
    does not state)."""
    close = before.rfind(")")
    opening = before.rfind("(", 0, close) if close >= 0 else -1
    return opening < 0 or len(before[:opening].strip()) <= _UNIT_REACH


_UNIT_REACH = 4  # the unit between a figure and its bracket (件, か所, 市区町村)
# …から11,584人、…17,716人増加した / を2,634件上回った: a verb of change later in the sentence,
# the figure not being where the change goes to (…から152,014件に増加).
_CHANGE_AFTER_LIST = re.compile(
    r"(?!\s*(?:\([^()]*\))?\s*(?:に|へ|と))[^。]*?"
    rf"(?:{alternation('change_verb')})"
)


def _is_down(q: Quantity, after: str) -> bool:
    if q.signed:
        return q.value < 0
    m = _CHANGE_AFTER.match(after)
    return bool(m and m.group(1) in _DOWN)


# (前年の44から47へ; 47都道府県中46: the figure after one of these counts what the first does)
_CONNECTORS = {"から", "より", "→", "~", "中", "のうち", "うち"}
_THRESHOLDS = frozenset(
    (Comparator.AT_LEAST, Comparator.MORE_THAN, Comparator.AT_MOST, Comparator.LESS_THAN)
)
# What may follow a figure with no unit that takes one from the words before it.
_TAKES_UNIT_AFTER = frozenset("にとでをまへかよ、。)(")


def _bare_target(analysis: Analysis, target: tuple[float, str] | None) -> bool:
    """Whether a cell states the target without a unit (目標 2,500程度)."""
    if target is None:
        return False
    stated = [q for qs in analysis.quantities for q in qs]
    stated += [q for drops in analysis.dropped for q, _ in drops]
    return any(q.unit is None and q.bare and q.value == target[0] for q in stated)


def _may_take_unit(q: Quantity, norm: str) -> bool:
    """Whether a figure written without a unit may take one (``with_unit_before``)."""
    return q.bare or norm[q.end : q.end + 1] in _TAKES_UNIT_AFTER


# A and B …は、それぞれX、Y: the figures after それぞれ go to the items named before, in order.
_RESPECTIVELY = words("respectively")[0]
_ITEM_SPLIT = re.compile(alternation("list_join"))
_LIST_GAP = re.compile(rf"\s*(?:{alternation('list_gap')})\s*")
RESPECTIVE_MATCH = 0.15
RESPECTIVE_OTHER = -0.3


def _respective(
    sentence: Sentence, quantities: tuple[Quantity, ...]
) -> tuple[tuple[str, ...], tuple[int, ...]] | None:
    """The items a sentence names before それぞれ and the starts of the figures after it, when
    there are as many of each (保育士及び看護師の登録者数は、それぞれ41,200人、
    121,935人: two items, two figures); else None."""
    at = sentence.norm.find(_RESPECTIVELY)
    if at < 0:
        return None
    at += sentence.start
    figures = [q for q in quantities if q.start > at]
    listed = figures[:1]
    for a, b in pairwise(figures):
        if not _LIST_GAP.fullmatch(sentence.norm, a.end - sentence.start, b.start - sentence.start):
            break
        listed.append(b)
    subject = sentence.norm[: at - sentence.start]
    cut = subject.find("は")
    subject = subject[:cut] if cut > 0 else subject
    head = subject.rsplit("の", 1)[0] if "の" in subject else subject
    items = tuple(w for w in (i.strip() for i in _ITEM_SPLIT.split(head)) if w)
    if len(listed) < 2 or len(items) != len(listed):
        return None
    return items, tuple(q.start for q in listed)


def _respectively(
    scored: Scored,
    respective: tuple[tuple[str, ...], tuple[int, ...]],
    q: Quantity,
    cover: Callable[[str], float],
) -> Scored:
    """The score of a figure of a それぞれ list: raised when it is the one of the item the
    indicator names best, lowered when it is another item's."""
    items, starts = respective
    if q.start not in starts:
        return scored
    shares = [cover(item) for item in items]
    best = max(shares)
    if best <= 0 or shares.count(best) > 1:
        return scored
    mine = starts.index(q.start) == shares.index(best)
    return scored.adjusted(
        RESPECTIVE_MATCH if mine else RESPECTIVE_OTHER,
        "「それぞれ」の対応する項目" if mine else "「それぞれ」の別の項目",
    )


_PARTS_FOLLOW = re.compile(rf"\s*\(\s*(?:{alternation('part')})")
# 96自治体(A事業58自治体、B事業44自治体(…)): a bracket of named figures in one counter
_LISTED_PARTS = re.compile(
    r"\s*\(\s*(?P<first>[^()、。0-9]{2,24}?)(?P<a>[0-9][0-9,.]*)\s*(?P<u>[^\s()、。0-9]{1,4}?)"
    r"(?:\([^()]*\))?\s*、\s*(?P<second>[^()、。0-9]{2,24}?)(?P<b>[0-9][0-9,.]*)\s*(?P=u)"
)


def _lists_parts(norm: str, at: int, whole: float | None) -> bool:
    """Whether the bracket after a figure lists its parts by name (96自治体(A事業58自治体、
    B事業44自治体)), not other times (55,526件(前年度52,638件、前々年度…)) nor figures larger
    than the ``whole`` (0.684(標準誤差0.011、標本数1,842))."""
    m = _LISTED_PARTS.match(norm, at)
    if m is None or any(_is_time_label(m.group(k)) for k in ("first", "second")):
        return False
    parts = (parse_number(m.group("a")), parse_number(m.group("b")))
    return whole is not None and all(p is not None and p < whole for p in parts)


def _a_listed_part(norm: str, q: Quantity) -> bool:
    """Whether a figure is a part a bracket lists after its whole (96自治体(A事業58自治体、
    B事業44自治体(うち…6自治体))): a part, though its own parts may follow it."""
    opens = _opens(norm, max(0, q.start - _LIST_REACH), q.start)
    whole = _FIGURE_BEFORE.search(norm, max(0, opens[0] - 12), opens[0]) if opens else None
    if whole is None:
        return False
    return _lists_parts(norm, opens[0], parse_number(whole.group(1)))


_FIGURE_BEFORE = re.compile(r"([0-9][0-9,.]*)[^\s()、。0-9]{0,4}\s*$")


def _is_time_label(label: str) -> bool:
    return bool(_OPENS_PREVIOUS.search(label) or _TIME_WORDS.search(label) or find_periods(label))


_PART_IN_BRACKETS = re.compile(rf"\(\s*(?:{alternation('part')})[^()]*$")
# What may stand between a period and the figure it dates: (令和7年度末時点:1,204か所).
_DATES_NEXT = re.compile(
    rf"\s*(?:{alternation('as_at')})?\s*(?:[:はので]|において)?\s*(?:{alternation('respectively')})?\s*"
)
# A bracket right after a figure, to its end or to 40 characters (a long aside may run on:
# 24万8,316PV(令和8年4月~令和9年1月。同年2月・3月分は…集計中)).
_PAREN = re.compile(r"\s*\(([^()]{0,40})")
_OWN_CLAUSE_OF_BRACKET = re.compile(r"[^()();。]{0,40}(?=[);])")
_HEADS_NEXT = re.compile(r"\)\s*[0-9]")


_ARROW_IN = re.compile(r"→|⇒|->")


def _period_in_bracket_after(
    q: Quantity, periods: tuple[PeriodMatch, ...], norm: str, others: tuple[Quantity, ...]
) -> Period | None:
    """A period in the bracket right after the figure, which dates it: 1,200か所(令和6年度)."""
    # NOTE: read past the next figure: 約382万件(令和8年4月~12月、前年同期比3.1%増).
    paren = _PAREN.match(norm, q.end, q.end + 44)
    if not paren:
        # 41.2万件(411,805件、窓口の相談件数、FY2026;前年 38.0万): a figure that opens a bracket
        # is dated by a period of the bracket's own clause after it
        if q.start < 1 or norm[q.start - 1] != "(":
            return None
        rest = _OWN_CLAUSE_OF_BRACKET.match(norm, q.end, q.end + 44)
        if rest is None:
            return None
        first, last = rest.start(), rest.end()
        inside = next((p for p in periods if first <= p.start < last), None)
        if inside is None or any(first <= o.start < last for o in others):
            return None
        return inside.period
    first, last = paren.start(1), paren.end(1)
    if _TARGET_OPENS.match(norm, first):
        return None  # 523市町村(目標486、R9末): the target's deadline, not the figure's date
    if _ARROW_IN.search(norm, first, last):
        return None  # R7 14.1%、R8 13.6%(令和4年出所者→令和5年出所者): the chain's, not its
    if _HEADS_NEXT.match(norm, last):
        return None  # (R6)231,540回 (R7)268,000回: the bracket heads the next figure
    inside = next((p for p in periods if first <= p.start < last), None)
    # (令和7年度 531回), (2023年出所者 14.3%): a period written before another figure of the
    # bracket, in the same clause, dates that one; (…新規開設74か所、…、令和7年度の8,112か所
    # から…): one after other figures of the bracket is theirs, not the figure's.
    if (
        inside is None
        or any(first <= o.start < inside.start for o in others)
        or any(
            inside.end <= o.start < last
            and (
                _DATES_NEXT.fullmatch(norm, inside.end, o.start)
                or not _CLAUSE_BREAK.search(norm, inside.end, o.start)
            )
            for o in others
        )
    ):
        return None
    return inside.period


_CLAUSE_BREAK = re.compile(r"[、,;。]")
# part of a year, its year not named: 上半期, 第3四半期, 4~9月, 4月~12月分
_YEARLESS_PART = re.compile(
    rf"(?:{alternation('part_of_year')})"
    r"|(?<![0-9年.])[0-9]{1,2}\s*月?\s*[~～〜\-]\s*[0-9]{1,2}\s*月(?!\s*[0-9]+\s*日)"
)
_WHOLE_YEAR = re.compile(alternation("whole_year"))
_WHOLE_YEAR_AFTER = re.compile(rf"\s*\(\s*(?:{alternation('whole_year')})")
_MONTHS = re.compile(r"[0-9]{1,2}")


def _twelve_months(span: str) -> bool:
    """Whether a range of months spans a whole year (4月~3月, 1~12月)."""
    months = [int(m) for m in _MONTHS.findall(span)]
    return len(months) == 2 and (months[1] - months[0]) % 12 == 11


# いずれかの事業を活用した自治体数は100自治体: a total's word anywhere in the figure's clause
_TOTAL_IN_CLAUSE = re.compile(alternation("total"))
_TOTAL_REACH = 30
# (目標(70%)比△1.5ポイント: a sentence that measures from the target may give the value)
_TARGET_WORD = re.compile(alternation("target_word"))
_SHORT_OF_TARGET = re.compile(rf"(?:{alternation('short_of_target')})\s*{_APPROX}?\s*$")
_SHORT_REACH = 10
_PER_TIME = re.compile(alternation("per_time"))
# how far before a figure its average's word may stand (月平均 約45万)
_PER_TIME_REACH = 8
# a ratio of one with its decimals (0.318): the share a percentage writes as 31.8%
_DECIMAL_RATIO = re.compile(r"0\.[0-9]{2,4}")
# a sentence that looks at its figures per a base (人口1万人当たりでみると、…)
_PER_BASE_LENS = re.compile(
    rf"(?:{alternation('per_base')})\s*(?:でみると|で見ると|でみれば|で見れば|でみた|で見た)"
)
# (not a record of the whole over the years: 過去最高であった前年度の38.2%)
_OF_PARTS = re.compile(rf"(?<!過去)(?:{alternation('of_parts')})")
_OF_PARTS_AFTER = re.compile(rf"\s*(?:{alternation('of_parts_after')})")
_CLAUSE_START = re.compile(r"[、。,]")
_CLAUSE_REACH = 30


_BREAKDOWN = re.compile(alternation("breakdown"))
_BREAKDOWN_OPENS = 12  # how far into a sentence a breakdown's lead opens it (年齢階級別では)
_CLAUSE_GROUP_END = re.compile(r"[;。]")
_NOT_A_NAME = re.compile(r"[\s、,:()「」0-9.%]|では|は|が|の|で")


def _own_clause(norm: str, at: int) -> str:
    """The words of the clause before the figure at ``at`` (back to a comma or a full stop)."""
    start = max(0, at - _CLAUSE_REACH)
    cut = last_match(_CLAUSE_START, norm, start, at)
    return norm[cut.end() if cut else start : at]


# a month named alone right before a figure (4月23,410回、5月…; not 令和9年3月, 3月末)
_MONTH_BEFORE = re.compile(r"(?:^|[、,:;/\s(])(?:1[0-2]|[1-9])月\s*(?:は|:)?\s*$")
_MONTH_REACH = 8
# a figure that opens or closes a range of figures (500~550回程度)
# (a range is written on one line: 23.2万 over ▲6.3% on the next is a figure and its change)
_RANGE_AFTER = re.compile(r"[ \t]*[~〜\-][ \t]*[0-9]")
_RANGE_BEFORE = re.compile(r"[0-9][ \t]*[^\s0-9~〜()、。]{0,3}[ \t]*[~〜][ \t]*$")
_THRESHOLD = re.compile(rf"\s*(?:{alternation('threshold')})")
_PACE = re.compile(rf"\s*(?:{alternation('pace')})")
# (百人未満四捨五入), 千人未満は四捨五入: how figures were rounded
_ROUNDING_NOTE = re.compile(
    rf"\s*(?:(?:{alternation('bound')})\s*)?(?:は|を)?\s*(?:{alternation('rounding')})"
)
_TARGET_OPENS = re.compile(rf"\s*(?:{alternation('target_word')})")


def _period_of_figure_before(
    q: Quantity, periods: tuple[PeriodMatch, ...], norm: str, others: tuple[Quantity, ...]
) -> Period | None:
    """R8 1,395(80.1%): a figure in brackets right after another restates it, and is dated by
    the period written right before that one; None otherwise."""
    before = next((o for o in reversed(others) if o.end <= q.start), None)
    if before is None or norm[before.end : q.start].strip() != "(":
        return None
    own = next(
        (
            p
            for p in reversed(periods)
            if p.end <= before.start and _DATES_NEXT.fullmatch(norm, p.end, before.start)
        ),
        None,
    )
    return own.period if own is not None else None


def _period_later_in_bracket(
    q: Quantity, periods: tuple[PeriodMatch, ...], norm: str, others: tuple[Quantity, ...]
) -> Period | None:
    """約30.8万回(308,115回、令和8年4月～令和9年3月): a period after the figure in the bracket
    it stands in, with no other figure between, dates it."""
    opening = norm.rfind("(", max(0, q.start - 4), q.start)
    if opening < 0 or norm[opening + 1 : q.start].strip(" 約"):
        return None
    close = norm.find(")", q.end)
    if close < 0:
        return None
    p = next((p for p in periods if q.end <= p.start < close), None)
    if p is None or p.end > close or any(q.end <= o.start < p.start for o in others):
        return None
    return p.period if _CLAUSE_BREAK.fullmatch(norm[q.end : p.start].strip()) else None


def _period_for(
    q: Quantity,
    before: str,
    after: str,
    periods: tuple[PeriodMatch, ...],
    lead_periods: tuple[PeriodMatch, ...],
    norm: str,
    level_period: Period | None = None,
    others: tuple[Quantity, ...] = (),
    sentence_end: int = -1,
) -> tuple[Period | None, bool, bool]:
    """The period a number belongs to, whether it was assumed rather than read, and whether
    it is stated as the previous value (前年(18.2%), 前年度末:52%). ``periods``: the
    sentence's; ``level_period``: that of the value just before it, which a previous value
    (前年(35.2%)) is one year before; ``others``: the sentence's figures."""
    inside = _period_in_bracket_after(q, periods, norm, others)
    if inside is not None:
        return inside, False, False
    beside = _period_of_figure_before(q, periods, norm, others) or _period_later_in_bracket(
        q, periods, norm, others
    )
    if beside is not None:
        return beside, False, False
    earlier = _dating_before(q, periods, norm, others)
    base = (
        earlier[-1].period
        if earlier
        else _closing_period(periods, q, norm, sentence_end)
        or _sentence_period(periods, norm)  # the sentence's own period before its lead-in's
        or (lead_periods[-1].period if lead_periods else None)
    )
    if _stated_previous(before, norm, q):
        # 前年度の約73%, 前年(18.2%): the year before the one the sentence is about (with no
        # period named, the year before the report's: see ``decide.effective_end``); 前回調査
        # (令和5年度)では5.6%: the one its brackets name.
        named = _previous_named(q, periods, norm)
        if named is not None:
            return named, False, True
        if level_period is not None:
            base = level_period
        elif not earlier and periods and periods[0].start < q.start:
            base = periods[0].period
        return _year_before_named(base, before), base is None, True
    if level_period is not None and _COMPARED.match(norm, q.end):
        # …は9.6%で、前回調査(令和4年度)の11.2%から低下した: the figure a change started from
        # is an earlier value, of the period written right before it or else the year before.
        own = next(
            (
                p
                for p in reversed(periods)
                if p.end <= q.start and _OWN_PERIOD.fullmatch(norm, p.end, q.start)
            ),
            None,
        )
        if own is not None:
            return own.period, False, True
        return period_year_before(level_period), False, True
    if base is not None:
        return base, False, False
    return None, True, False


def _year_before_named(base: Period | None, before: str) -> Period | None:
    """The year before ``base`` (前年度の1,520件), or the one before that where the words
    before the figure say so (一昨年度 741自治体)."""
    if base is None:
        return None
    if _TWO_YEARS_BEFORE.search(before[-_TAIL:]):
        base = period_year_before(base)
    return period_year_before(base)


def _stated_previous(before: str, norm: str, q: Quantity) -> bool:
    """Whether the words before a figure state it as the year before's (前年度の1,520件, 前年
    (18.2%); 前年度(令和7年4月~令和8年3月)の274,000回: the word of time before its period)."""
    return bool(
        _PREVIOUS_YEAR.search(_BRACKETS.sub("", before)[-_TAIL:])
        or _in_previous_bracket(norm, q.start)
        or _in_previous_field(norm, q.start)
        or _under_previous_topic(norm, q.start)
    )


def _under_previous_topic(norm: str, start: int) -> bool:
    """Whether the figure's sentence opens with the year before as its topic (昨年度は支援サイト
    120,450件、ほっとらいん51,300件でした: every figure of it is that year's)."""
    opens = max(norm.rfind(c, 0, start) for c in _SENTENCE_OPENERS) + 1
    topic = _PREVIOUS_TOPIC.match(norm, opens)
    if topic is None or _THIS_YEAR_WORD.search(norm, topic.end(), start):
        return False
    # (…14.5%。前年度は180団体(10%))であり、…40団体(85%): a sentence in a bracket
    # ends with it)
    depth = 0
    for c in norm[opens:start]:
        depth += (c == "(") - (c == ")")
        if depth < 0:
            return False
    return True


def _keyed_earlier(norm: str, start: int, q: Quantity) -> bool:
    """Whether a figure stands in a field or an item keyed as an earlier point, however it is
    dated: 【前年度】1,262市町村(72.5%、令和8年4月1日時点), ／基準値 30.1(R5)／."""
    return (
        _in_previous_field(norm, q.start)
        or _BASELINE_KEY.match(_own_item(norm, start, q.start)) is not None
    )


def _in_previous_field(norm: str, at: int) -> bool:
    """Whether the figure at ``at`` stands in a sheet's field of the year before: 【前年度】
    1,262市町村(72.5%、…), ［前年度］640自治体, 〔前年度〕…."""
    return _in_field(norm, 0, at, _PREVIOUS_FIELD)


_FIELD_REACH = 40


def _sentence_period(periods: tuple[PeriodMatch, ...], norm: str) -> Period | None:
    """The period a sentence gives for what it reports, where one stands in a bracket of its
    own that spans a year or more and closes a clause (・件数:前年度(…)から3,800件増加(令和8年
    4月~令和9年3月)、目標(…)の104%: the sentence's, not its lead-in's …令和9年3月の月間に
    おいて…); None otherwise."""
    for p in periods:
        if (
            p.bracketed
            and not _TIME_WORD.search(norm, max(0, p.start - 1 - _TAIL), p.start - 1)
            and (p.period.end - p.period.start).days >= _YEAR_DAYS
            and _CLOSES_CLAUSE.match(norm, p.end)
        ):
            return p.period
    return None


_NAMED_BRACKET_END = re.compile(r"[^()、。0-9]{0,10}\)\s*(?:の|は|では|:)?\s*(?:約)?\s*")


def _previous_named(q: Quantity, periods: tuple[PeriodMatch, ...], norm: str) -> Period | None:
    """The period in brackets right after the previous word before the figure: 前回調査
    (令和5年度)では5.6%, 前年(令和7年:18.4%)."""
    named = next(
        (
            p
            for p in reversed(periods)
            if q.start - _TAIL <= p.end <= q.start
            and (
                p.bracketed
                or (
                    norm[p.start - 1 : p.start] == "("
                    and (
                        _COLON.fullmatch(norm, p.end, q.start)
                        # 前年(令和5年出所受刑者)の14.3%: the bracket's words, then the figure
                        or _NAMED_BRACKET_END.fullmatch(norm, p.end, q.start)
                    )
                )
            )
        ),
        None,
    )
    if named is not None and _OPENS_PREVIOUS.search(norm, max(0, named.start - 9), named.start):
        return named.period
    return None


def _dating_before(
    q: Quantity, periods: tuple[PeriodMatch, ...], norm: str, others: tuple[Quantity, ...]
) -> list[PeriodMatch]:
    """The periods before the figure that may date it.

    NOTE: a period in brackets after a noun annotates that noun (影響前(平成31年)), so only
    periods standing in the running text date the number — or in brackets after a word of
    time, which they spell out: 前年度(令和6年度)は…. A period written right before another
    figure a change starts from (令和7年度末の812団体から…934団体) dates that figure, not
    the ones after it (令和7年度実績 47都道府県、1,626市町村(93.4%) dates them all); and
    a period in a bracket that closes before the figure annotates what the bracket is on:
    58.2%(前回(R5年度)調査差+2.6ポイント)、…49.6%."""
    return [
        p
        for p in periods
        if p.end <= q.start
        and (
            not p.bracketed
            or _TIME_WORD.search(norm, max(0, p.start - 1 - _TAIL), p.start - 1)
            or not norm[p.end + 1 : q.start].strip()  # (R7)268,000: it heads the figure
            # 年間アクセス数(令和8年4月~令和9年3月)は…: the period of the sentence's subject
            or _TOPIC_AFTER.match(norm, p.end) is not None
        )
        and not _closed_before(norm, p, q.start, others)
        and not _of_an_item_before(norm, p, q.start, others)
        # (令和6年度からの累計で352,900人: where a running total starts, not its date)
        and not _SINCE.match(norm, p.end)
        and not _BASE_OF_RATIO.match(norm, p.end)
        and (
            _heads_bracket(norm, p, q.start)
            or not any(
                p.end <= o.start <= p.end + 3
                and o.end <= q.start
                and _CHANGE_STARTS.match(norm, o.end)
                for o in others
            )
        )
    ]


_TOPIC_AFTER = re.compile(r"\s*\)\s*(?:は|では|が|:)")
_SINCE = re.compile(rf"\s*(?:から|以降)(?:の|で)(?:{alternation('cumulative', 'total')})")
# 平成31年比で約95%: the time a figure is measured against, not the figure's own
# (平成31年=100とすると96: the base of an index)
_BASE_OF_RATIO = re.compile(r"\)?\s*(?:比(?!率|較的)|対比|=\s*100(?![0-9]))")
_COLON = re.compile(r"\s*:\s*")
# A period in brackets that closes a sentence or a clause dates what it reports:
# …から34,560回増加し、年間の目標を上回った(令和8年4月~令和9年3月)。 / …比8.3%減
# (令和8年4月~令和9年3月)となったものの、…
_CLOSES_CLAUSE = re.compile(
    rf"\)\s*(?:{alternation('copula')})?\s*(?:{alternation('concession')}|[。.、,]|$)"
)


def _closing_period(
    periods: tuple[PeriodMatch, ...], q: Quantity, norm: str, sentence_end: int
) -> Period | None:
    """The first period in brackets after the figure that closes its clause (not one that
    spells out a word of time: 前年度(令和7年度)); None if none."""
    if sentence_end < 0:
        return None
    for p in periods:
        if (
            p.bracketed
            and p.start > q.end
            and not _TIME_WORD.search(norm, max(0, p.start - 1 - _TAIL), p.start - 1)
            and _CLOSES_CLAUSE.match(norm[:sentence_end], p.end)
        ):
            return p.period
    return None


# The figure a change is measured from: …の11.2%から低下, 令和5年度利用者の8.1%を0.3ポイント
# 上回った, 前年の利用者(8.1%)より0.3ポイント上昇 (read from the end of the figure, past
# the change's own figure).
_COMPARED = re.compile(
    rf"\s*\)?\s*(?:{_AGAINST}|を)\s*(?:{alternation('degree')})?\s*"
    rf"(?:{_APPROX}?[0-9][0-9.,]*\s*(?:{unit_alternation()})?)?\s*"
    rf"(?:{alternation('change_verb')})"
)
# What stands between a period and the figure it dates: (令和4年度)の11.2%, 令和4年度は11.2%.
_OWN_PERIOD_AFTER = re.compile(rf"\s*(?:{unit_alternation()}|%)?\s*\(\s*")
_OWN_PERIOD = re.compile(rf"\s*\)?\s*(?:の|は|:|時点の|時点で)?\s*\(?\s*{_APPROX}?\s*")


# what follows a figure a change starts from: 812団体から, 812団体を上回る, 812団体に比べ
_CHANGE_STARTS = re.compile(rf"\s*\)?\s*(?:{_AGAINST}|を)")


def _closed_before(norm: str, p: PeriodMatch, at: int, others: tuple[Quantity, ...] = ()) -> bool:
    """Whether the period stands in a bracket on a figure (58.2%(前回(R5年度)調査差…)) that
    closes before ``at``; not in one on words (累計(…2027年2月末現在)241.2千人), nor in the
    one the period opens (前年度(令和6年度)は…)."""
    between = norm[p.end : at]
    if ")" not in between:
        return False
    opens = p.start > 0 and norm[p.start - 1] == "("
    if opens and _keys_own_figure(norm, p, at, others):
        return True  # …(R7年:2,430)；…13.9%: it dates the figure of its own bracket only
    if between.count("(") - between.count(")") + opens >= 0:
        return False
    # the bracket around the period's own: where it opens, and what stands before it
    depth, i = 0, p.start - 1 - opens
    while i >= max(0, p.start - _TAIL * 3):
        ch = norm[i]
        if ch == ")":
            depth += 1
        elif ch == "(":
            if depth == 0:
                return any(o.end <= i and not norm[o.end : i].strip() for o in others)
            depth -= 1
        i -= 1
    return False


_HEADS_ITEMS = re.compile(r"[^()、。:]{0,6}?\)?\s*:")
# (a slash between digits is a fraction's: 2,468/16,359人)
_ITEMS_APART = re.compile(r"[;|\n]|/(?![0-9])|(?<![0-9])/")


def _of_an_item_before(norm: str, p: PeriodMatch, at: int, others: tuple[Quantity, ...]) -> bool:
    """Whether the period belongs to an item before the one ``at`` stands in (items apart by
    ; / |): written right before a figure of its own (目R12 50%／居住支援法人 1,298), or in a
    bracket that closes in its item (集計中(R9.7頃確定)／…23.7%). A period that heads the
    items (R8: A 100件／B 200件) dates them all."""
    cut = last_match(_ITEMS_APART, norm, p.end, at)
    opens = p.start > 0 and norm[p.start - 1] == "("
    if (
        cut is None
        or (opens and not _closes_before(norm, p.end, at))
        or _HEADS_ITEMS.match(norm, p.end)
    ):
        # (R8.3末 305,200名／98,700名; 登録者数(R9.3末):A 312,800人／B 103,400人): it
        # heads the items of its bracket, or those after its colon
        return False
    if any(p.end <= o.start <= p.end + 3 and o.end <= cut.start() for o in others):
        return True
    return opens and _closes_before(norm, p.end, cut.start())


def _keys_own_figure(norm: str, p: PeriodMatch, at: int, others: tuple[Quantity, ...]) -> bool:
    """Whether the period opens a bracket that closes before ``at`` and keys the figure right
    after it: (R7年:2,430), (令和7年度 14.1%) — not (令和9年2月実施、回答者3,000人), where it
    dates the survey the sentence reports."""
    keyed = next((o for o in others if _KEYED.fullmatch(norm, p.end, o.start)), None)
    return keyed is not None and _closes_before(norm, keyed.end, at)


_KEYED = re.compile(r"\s*[:=]?\s*")


def _closes_before(norm: str, start: int, at: int) -> bool:
    """Whether the bracket ``start`` stands in closes before ``at``."""
    depth = 0
    for ch in norm[start:at]:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return True
            depth -= 1
    return False


def _heads_bracket(norm: str, p: PeriodMatch, at: int) -> bool:
    """Whether a period opens a bracket that ``at`` still stands in: (令和6年度:1,412市町村、
    81.1%) dates every figure of the bracket."""
    return p.start > 0 and norm[p.start - 1] == "(" and ")" not in norm[p.end : at]


def _head_of(text: str) -> str:
    """The words up to the last topic marker (は、 or :) before a sentence's first figure."""
    cut = max(text.rfind("は、"), text.rfind(":"))
    return text[: cut + 1].strip() if cut > 0 else ""


def _in_previous_bracket(norm: str, at: int) -> bool:
    """Whether ``at`` stands in a bracket of previous values: 前年(1,318市町村、75.7%),
    (前年度:1,412市町村、81.1%), (前年度:1,599市町村(91.8%))."""
    window = norm[max(0, at - 40) : at]
    cut = max(window.rfind("。"), window.rfind("\n"))
    window = window[cut + 1 :]
    if "(" not in window:
        return False
    # every bracket ``at`` stands in, the innermost first: (前年度:1,599市町村(91.8%)
    return any(
        _OPENS_PREVIOUS.match(window, open_at + 1)
        or _PREVIOUS_YEAR.search(window[max(0, open_at - _TAIL) : open_at])
        or _PREVIOUS_NOUN.search(window[max(0, open_at - _TAIL) : open_at])
        # (前年同期は1,270市町村(72.9%): the share of the year before's figure)
        or _PREVIOUS_FIGURE.search(window[max(0, open_at - 2 * _TAIL) : open_at])
        for open_at in _opens(window, 0, len(window))
    )


# The patterns anchored at the end of the words before a number look at this many characters
# only: a regex search anchored with $ still tries every start position of what it is given.
_TAIL = 16
_TIME_WORD = re.compile(rf"(?:{alternation('time_word')})$")
_TARGET_BEFORE = re.compile(
    rf"(?:{alternation('target_word')})(?:は|である|としていた|としている|とした|とする|として|の|:|=|\(|】|\])?"
    # (計画値:令和8年度年間30万回: the target's year between)
    r"\s*(?:[^\s、。()0-9]{0,2}\s*[0-9元]{1,4}\s*年度?末?(?:まで(?:に)?)?)?"
    rf"\s*(?:{alternation('yearly')})?\s*{_APPROX}?\s*$"
    # (…46/47 目100%, (目240): the target's word shortened, as the item's key)
    rf"|(?<=[\s(/;|:、])(?:{alternation('target_short')})\s*$"
)
# 目標の1万人, 1万人という目標, 1万人には届かなかった, 30万人増の目標 (a change aimed at): the
# target restated, not a value.
_TARGET_AFTER = re.compile(
    rf"^\s*\)?\s*(?:(?:{alternation('change_up', 'change_down')})?(?:の|という|との|とする|を)?目標"
    r"|が目標(?:と|で|だ)"
    rf"|(?:に|には)(?:{alternation('still')})?(?:{alternation('not_reached')}))"
)
_PREVIOUS_WORD = (
    rf"(?:(?:{alternation('two_years_before', 'previous')})(?:{alternation('previous_tail')})?"
    rf"(?:{alternation('previous_tail')})?)"
)
_TIME_WORDS = re.compile(alternation("this_year", "time_word", "as_at"))
_YEAR_KEY = re.compile(alternation("year_key", "this_fiscal_year"))
_TWO_YEARS_BEFORE = re.compile(alternation("two_years_before"))
_PREVIOUS_FIGURE = re.compile(
    rf"{_PREVIOUS_WORD}\s*(?:は|では|:|が)?\s*(?:約)?[0-9][0-9,.]*\s*[^\s()、。0-9]{{0,6}}$"
)
_OPENS_PREVIOUS = re.compile(rf"\s*{_PREVIOUS_WORD}")
# 前年の利用者(8.1%): the bracket after a noun of the year before holds its value.
_VALUE_WORD = f"(?:{alternation('value_word')})"
_AS_AT = f"(?:{alternation('as_at')})"
_TOTAL_WORD = f"(?:{alternation('total', 'total_mark')})"
_PREVIOUS_LINE = re.compile(
    rf"\s*(?:[・●○◆■]\s*)?(?:\(\s*{_PREVIOUS_WORD}\s*\)|【\s*{_PREVIOUS_WORD}\s*】"
    # (前年度は速報値では23.8%としていたが、確報値は24.1%: a sentence about the year before)
    rf"|{_PREVIOUS_WORD}\s*(?::|は|では))"
)
_PREVIOUS_NOUN = re.compile(rf"{_PREVIOUS_WORD}の[^、。()0-9]{{1,8}}$")
_FIELD_OPENS = "【[〔<"
_TARGET_FIELD_ANY = re.compile(
    rf"[【\[〔<][^】\]〕>【]{{0,6}}?(?:{alternation('target_word')})\s*[】\]〕>]"
)
_PREVIOUS_FIELD = re.compile(rf"[【\[〔<]\s*{_PREVIOUS_WORD}[^】\]〕>【]{{0,6}}[】\]〕>]")
_SENTENCE_OPENERS = ("。", "!", "?", "\n")
_PREVIOUS_TOPIC = re.compile(rf"\s*(?:{_PREVIOUS_WORD})(?:は|では)")
_THIS_YEAR_WORD = re.compile(alternation("this_fiscal_year"))

_PREVIOUS_YEAR = re.compile(
    _PREVIOUS_WORD
    # (前回調査(令和5年度)では5.6%: the previous one's date in brackets)
    + r"(?:\s?\([^()]{1,16}\))?"
    # (前年度実績:231件: a table's column of the year before)
    + rf"\s?(?:の(?:{_VALUE_WORD})?|は|では|:|=|{_VALUE_WORD}(?:は|:)?"
    + rf"|{_AS_AT}(?:で|の)?|{_TOTAL_WORD})?"
    # (昨年度末は累計約15万人, 前年度末の累計は: the running total of the year before)
    + rf"(?:(?:{alternation('cumulative')}|{_TOTAL_WORD})(?:は|が|:|で)?)?"
    # (前年度の「満足した」は約74%: the answer quoted, then its value the year before)
    + r"(?:「[^「」]{1,16}」(?:は|が|:)?)?"
    + rf"\s*\(?\s*{_APPROX}?\s*$"
)


def _clause(text: str, sentence: Sentence, q: Quantity) -> str:
    """The evidence: the sentence around the number, trimmed to a readable length (a bullet
    mark that opens it is left out: it is layout, not text)."""
    s = sentence.text.strip().lstrip("・●○◆■").strip()
    if len(s) <= 120:
        return s
    start = max(sentence.start, q.start - 60)
    end = min(sentence.end, q.end + 40)
    return (
        ("…" if start > sentence.start else "")
        + text[start:end].strip()
        + ("…" if end < sentence.end else "")
    )

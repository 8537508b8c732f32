"""Rule + measure → observations, each quoting its evidence.

Steps: split the status text into sentences (。, line breaks, bullets ・, notes ※) → find the
quantities of each sentence → keep those whose unit fits and whose own words (the text
between the previous number and this one, or just after it) name what the indicator
measures → give each its period (a period in brackets right after it, else the last one
named before it in the sentence or its list's lead-in) → read the change statements beside
it (前年度比22.4%減, +約10ポイント) as relative observations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import TypeVar

from .era import Period, PeriodMatch, find_periods
from .normalize import normalize
from .quantity import Quantity, find_quantities
from .rules import Indicator

__all__ = [
    "Analysis",
    "Extraction",
    "Observation",
    "Sentence",
    "analyse",
    "extract",
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
    quantities: tuple[tuple[Quantity, ...], ...]  # per sentence, spans into ``text``


@dataclass(frozen=True, slots=True)
class Observation:
    value: float
    unit: str | None
    period: Period | None
    evidence: str  # the sentence clause the value stands in, as written
    start: int  # span of the number in the searched text
    end: int
    strength: int  # 2: label before the number, 1: label beside it, 0: continues a series
    provisional: bool = False  # 見込み, 速報値, 概数
    approx: bool = False
    bound: str | None = None
    change: str | None = None  # None for a level; "delta", "percent" or "points" for a change
    period_assumed: bool = False  # no period named: the report's own year was assumed


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the text says about one indicator."""

    observations: tuple[Observation, ...]
    changes: tuple[tuple[Observation, Observation], ...] = ()  # (level, its change statement)
    pending: Period | None = None  # 集計中: the period whose value is not yet counted
    pending_evidence: str | None = None
    found_label: bool = field(default=False)  # the indicator's words occur in the text at all


_SENTENCE_END = re.compile(r"。|\n")
_BULLET = re.compile(r"(?:(?<=^)|(?<=[\s。]))[・●○◆■※]")
_PROVISIONAL = re.compile(r"見込み|見込|速報|概数|暫定|推計|予定")
_PENDING = re.compile(r"集計中|集計予定|未集計|調査中|精査中|公表予定")
_CHANGE_BEFORE = re.compile(
    r"(?:対?前年度?比|前回調査比|前年度より|前年より|前回調査より|前回より|前年度から)\s*$"
)
_CHANGE_AFTER = re.compile(r"^\s*(?:の)?(増加|増|上昇|改善|減少|減|低下|悪化)")
_DOWN = {"減少", "減", "低下", "悪化"}
_LABEL_FREE = re.compile(
    r"であり|であった|となり|となった|から|及び|および|また|では|には|時点|実績|現在|年度|[のはがとでにへ末、,()\s~]"
)


def sentences_of(text: str, norm: str | None = None) -> list[Sentence]:
    """Sentences and bullet items of a cell, each with the lead-in of its bullet list."""
    if norm is None:
        norm = normalize(text)
    cuts = {0, len(text)}
    for m in _SENTENCE_END.finditer(norm):
        cuts.add(m.end())
    for m in _BULLET.finditer(norm):
        cuts.add(m.start())
    out: list[Sentence] = []
    lead = (-1, -1)
    for start, end in pairwise(sorted(cuts)):
        chunk_norm = norm[start:end]
        stripped = chunk_norm.lstrip()
        if not stripped:
            continue
        is_item = stripped[0] in "・●○◆■"
        if not is_item:
            lead = (start, end)
        lead_start, lead_end = lead if is_item else (-1, -1)
        out.append(
            Sentence(
                start,
                end,
                text[start:end],
                text[lead_start:lead_end] if is_item else "",
                chunk_norm,
                norm[lead_start:lead_end] if is_item else "",
                stripped.startswith("※"),
                lead_start,
            )
        )
    return out


def analyse(text: str) -> Analysis:
    """Sentences with their periods and quantities, for ``extract``: the text is normalised
    and scanned once, then each period and quantity is filed under its sentence."""
    norm = normalize(text)
    sentences = tuple(sentences_of(text, norm))
    periods = find_periods(text, norm=norm)
    quantities = find_quantities(text, periods, norm)
    by_sentence_periods = _file_under(sentences, periods)
    by_start = {s.start: p for s, p in zip(sentences, by_sentence_periods, strict=True)}
    lead_periods = tuple(by_start.get(s.lead_start, ()) for s in sentences)
    return Analysis(
        text,
        norm,
        sentences,
        by_sentence_periods,
        lead_periods,
        _file_under(sentences, quantities),
    )


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


@cache
def _alternatives(entry: str) -> tuple[str, ...]:
    return tuple(normalize(a.strip()) for a in entry.split("|") if a.strip())


def _has_all(norm: str, groups: tuple[str, ...]) -> bool:
    """Every group has one of its words in ``norm`` (normalised text)."""
    return all(any(a in norm for a in _alternatives(g)) for g in groups)


def _has_any(norm: str, words: tuple[str, ...]) -> bool:
    return any(a in norm for w in words for a in _alternatives(w))


def extract(indicator: Indicator, text: str | Analysis) -> Extraction:
    """Observations for ``indicator`` in a cell (the one its ``find.column`` names)."""
    analysis = text if isinstance(text, Analysis) else analyse(text)
    raw, norm = analysis.text, analysis.norm
    find = indicator.find
    units = set(indicator.find_units)
    regex_spans = [m.span("value") for m in re.finditer(find.regex, norm)] if find.regex else None
    observations: list[Observation] = []
    changes: list[tuple[Observation, Observation]] = []
    pending: Period | None = None
    pending_evidence = None
    found_label = False
    for index, sentence in enumerate(analysis.sentences):
        if sentence.note:
            continue
        if find.topic and not _has_all(sentence.norm + "\n" + sentence.lead_norm, find.topic):
            continue
        if find.exclude and _has_any(sentence.norm, find.exclude):
            continue
        if find.label and not _has_all(sentence.norm, find.label):
            continue
        found_label = True
        periods = analysis.periods[index]
        marker = _PENDING.search(sentence.norm)
        if marker:
            before_marker = [p for p in periods if p.end <= sentence.start + marker.start()]
            if before_marker:
                pending = before_marker[-1].period
                pending_evidence = sentence.text.strip()
        quantities = _without_targets(analysis.quantities[index], sentence, norm)
        previous_level: Observation | None = None
        for q, seg_start, seg_end in _segments(quantities, sentence):
            before, after = norm[seg_start : q.start], norm[q.end : seg_end]
            if regex_spans is not None and not any(s <= q.start < e for s, e in regex_spans):
                continue
            change = _change_kind(q, before, after)
            obs_period, assumed = _period_for(
                q, before, after, raw[q.end : seg_end], periods, analysis.lead_periods[index], norm
            )
            base = dict(
                period=obs_period,
                evidence=_clause(raw, sentence, q),
                start=q.start,
                end=q.end,
                provisional=bool(_PROVISIONAL.search(before[-12:] + after[:12])),
                approx=q.approx,
                bound=q.bound,
                period_assumed=assumed,
            )
            if change is not None:
                signed = -abs(q.value) if _is_down(q, after) else abs(q.value)
                if find.value == "change" and _unit_fits(q, units, find.bare):
                    strength = _label_strength(find.label, before, after)
                    if strength:
                        observations.append(
                            Observation(signed, q.unit, strength=strength, change=change, **base)
                        )
                elif previous_level is not None:
                    rel = Observation(signed, q.unit, strength=2, change=change, **base)
                    changes.append((previous_level, rel))
                continue
            if find.value == "change" or not _unit_fits(q, units, find.bare):
                continue
            strength = _label_strength(find.label, before, after)
            if strength == 0 and not (previous_level and _label_free(before, periods)):
                # Strength 0 is kept only where the number continues a series of the value
                # just matched: "8,277件であり、令和5年度末時点の7,179件".
                previous_level = None
                continue
            obs = Observation(q.value, q.unit, strength=strength, **base)
            observations.append(obs)
            previous_level = obs
    return Extraction(tuple(observations), tuple(changes), pending, pending_evidence, found_label)


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
    """The quantities that are not the target restated (目標30万回に対し…); the words around a
    dropped one then belong to its neighbours."""
    kept = []
    for q, seg_start, seg_end in _segments(quantities, sentence):
        if not (
            _TARGET_BEFORE.search(norm, max(seg_start, q.start - _TAIL), q.start)
            or _TARGET_AFTER.match(norm[q.end : seg_end])
        ):
            kept.append(q)
    return tuple(kept) if len(kept) < len(quantities) else quantities


def _unit_fits(q: Quantity, units: set[str], bare: bool) -> bool:
    if q.unit is None:
        return bare and q.bare
    if q.unit in units:
        return True
    from .errors import UnitError
    from .units import convert

    for unit in units:
        try:
            convert(1.0, q.unit, unit)
            return True
        except UnitError:
            continue
    return False


def _label_strength(label: tuple[str, ...], before: str, after: str) -> int:
    """2 when the label words stand before the number, 1 when they stand beside it."""
    if not label:
        return 1
    if _has_all(before, label):
        return 2
    if _has_all(before + after, label):
        return 1
    return 0


def _label_free(before: str, periods: tuple[PeriodMatch, ...]) -> bool:
    text = before
    for p in periods:
        text = text.replace(normalize(p.text), "")
    return len(_LABEL_FREE.sub("", text)) <= 2


def _change_kind(q: Quantity, before: str, after: str) -> str | None:
    """``percent``, ``points`` or ``delta`` when the number states a change, else None."""
    if q.unit == "percentage_point":
        return "points"
    tail = before[-_TAIL:]
    if q.signed or _CHANGE_BEFORE.search(tail) or _CHANGE_AFTER.match(after):
        if q.unit == "percent":
            # "86.9%となり、前年度より" is a level; "前年度比22.4%減" is a change.
            if q.signed or _CHANGE_BEFORE.search(tail):
                return "percent"
            return None
        return "delta"
    return None


def _is_down(q: Quantity, after: str) -> bool:
    if q.signed:
        return q.value < 0
    m = _CHANGE_AFTER.match(after)
    return bool(m and m.group(1) in _DOWN)


_PAREN = re.compile(r"^\s*\(([^()]{0,40})\)")


def _period_for(
    q: Quantity,
    before: str,
    after: str,
    raw_after: str,
    periods: tuple[PeriodMatch, ...],
    lead_periods: tuple[PeriodMatch, ...],
    norm: str,
) -> tuple[Period | None, bool]:
    """The period a number belongs to and whether it was assumed rather than read.

    ``before`` and ``after`` are normalised; ``raw_after`` is ``after`` as written, so a
    period's text quotes the source.
    """
    paren = _PAREN.match(after)
    if paren:
        inside = find_periods(
            raw_after[paren.start(1) : paren.end(1)], norm=after[paren.start(1) : paren.end(1)]
        )
        if inside:
            return inside[0].period, False
    # NOTE: a period in brackets after a noun annotates that noun (影響前(平成31年)), so only
    # periods standing in the running text date the number — or in brackets after a word of
    # time, which they spell out: 前年度(令和6年度)は….
    earlier = [
        p
        for p in periods
        if p.end <= q.start
        and (not p.bracketed or _TIME_WORD.search(norm, max(0, p.start - 1 - _TAIL), p.start - 1))
    ]
    base = earlier[-1].period if earlier else lead_periods[-1].period if lead_periods else None
    if _PREVIOUS_YEAR.search(before[-_TAIL:]):
        # 前年度の約73%: the year before the one the sentence is about.
        return (_year_before(base) if base else None), base is None
    if base is not None:
        return base, False
    return None, True


# The patterns anchored at the end of the words before a number look at this many characters
# only: a regex search anchored with $ still tries every start position of what it is given.
_TAIL = 16
_TIME_WORD = re.compile(r"(?:年度|前年|昨年|前回|調査時|時点|当時|実績)$")
_TARGET_BEFORE = re.compile(r"目標(?:値|数値)?(?:は|である|として|の|:|\()?\s*(?:約|およそ)?\s*$")
_TARGET_AFTER = re.compile(r"^\s*\)?\s*(?:の|という|とする|を)?目標")
_PREVIOUS_YEAR = re.compile(r"(?:前年度|昨年度|前年|昨年)(?:の|は|:|実績は?)?\s*$")


def _year_before(period: Period) -> Period:
    from dateutil.relativedelta import relativedelta

    year = relativedelta(years=1)
    return Period(period.start - year, period.end - year, f"{period.text}の前年")


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

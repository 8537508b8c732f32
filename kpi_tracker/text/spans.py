"""One tokenizer of typed spans: a cell read once, the same way for every reader.

``tokenize(text)`` normalises the text once and finds in it, left to right:

- ``NUMBER``: every figure, as ``numbers.find_quantities`` reads it (digits, full-width and
  kanji numerals, multipliers, units, approximate and bound words), dates and URLs excepted;
- ``PERIOD``: every date and period (``periods.find_periods``: eras, 年度, FY, ranges, 末);
- brackets: the depth of every character (``depth_at``) and where a bracket closes
  (``close_after``);
- ``END``: the end of a sentence (。 or a line break);
- ``BULLET``: a mark of the lexicon's ``bullet`` class that opens an item (at the start, or
  after a space, a full stop or a colon) — ``NOTE`` when it opens a ※ note;
- ``LEX``: the words of a lexicon class (``Spans.lex``), found when first asked for.

The extraction (``extract.candidates.analyse``), the target reader (``rules.targets``,
``rules.target_text``) and the sheet cell reader (``read.sheets.cells``) take their figures,
periods, sentence ends, bullets and brackets from here, so a writer's form is read one way.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from .lexicon import alternation, time_key, word_set, words
from .normalize import normalize
from .numbers import Quantity, find_quantities
from .periods import PeriodMatch, find_periods

__all__ = ["Span", "Spans", "tokenize"]

NUMBER, PERIOD, END, BULLET, NOTE, LEX = (
    "number",
    "period",
    "end",
    "bullet",
    "note",
    "lex",
)

_OPENS = "(「『【〔["
_CLOSES = ")」』】〕]"
_ITEM_BEFORE = frozenset(" \t\n\u3000。:")


# NOTE: a named tuple, not a frozen dataclass: a cell makes a few of them and a frozen
# dataclass takes five times as long to make.
class Span(NamedTuple):
    kind: str
    start: int
    end: int
    depth: int = 0  # NUMBER, PERIOD: the bracket depth at ``start`` (marks: ``depth_at``)
    quantity: Quantity | None = None  # NUMBER
    period: PeriodMatch | None = None  # PERIOD
    cls: str | None = None  # LEX: the lexicon class; BULLET/NOTE: the mark


@dataclass(slots=True)
class Spans:
    """A cell's typed spans; ``norm`` is the text normalised (same length as ``text``)."""

    text: str
    norm: str
    quantities: tuple[Quantity, ...]
    periods: tuple[PeriodMatch, ...]
    marks: tuple[Span, ...]  # END, BULLET, NOTE, in order
    # where a sentence or an item starts (and the text's end): after a full stop or a line
    # break — not a full stop inside a bracket that closes soon after, 38.2%(令和8年度。
    # 令和7年度は36.5%) — and before a bullet or note that opens an item (not after a colon)
    cuts: tuple[int, ...] = ()
    _lex: dict[str, tuple[Span, ...]] | None = None
    _depth: _Depths | None = None

    def of(self, *kinds: str) -> tuple[Span, ...]:
        """The spans of ``kinds``, left to right (NUMBER and PERIOD spans included)."""
        out = [s for s in self.marks if s.kind in kinds]
        if NUMBER in kinds:
            out += [
                Span(NUMBER, q.start, q.end, self.depth_at(q.start), quantity=q)
                for q in self.quantities
            ]
        if PERIOD in kinds:
            out += [
                Span(PERIOD, p.start, p.end, self.depth_at(p.start), period=p) for p in self.periods
            ]
        return tuple(sorted(out, key=lambda s: s.start)) if len(kinds) > 1 else tuple(out)

    def depth_at(self, at: int) -> int:
        """The bracket depth of the character at ``at`` (an opening bracket is inside)."""
        if self._depth is None:
            self._depth = _Depths(self.norm)
        return self._depth.at(at)

    def close_after(self, at: int) -> int:
        """Where the bracket open at ``at`` closes (the first closing bracket after it), or
        the end of the text."""
        found = [i for i in (self.norm.find(c, at) for c in _CLOSES) if i >= 0]
        return min(found) if found else len(self.norm)

    def lex(self, cls: str) -> tuple[Span, ...]:
        """The words of a lexicon class in the text (found once, when first asked for)."""
        if self._lex is None:
            self._lex = {}
        found = self._lex.get(cls)
        if found is None:
            found = self._lex[cls] = tuple(
                Span(LEX, m.start(), m.end(), cls=cls)
                for m in _class_pattern(cls).finditer(self.norm)
            )
        return found

    def has(self, cls: str, start: int = 0, end: int | None = None) -> bool:
        """Whether a word of ``cls`` stands in ``norm[start:end]``."""
        stop = len(self.norm) if end is None else end
        return any(start <= s.start and s.end <= stop for s in self.lex(cls))


@cache
def _class_pattern(cls: str) -> re.Pattern[str]:
    return re.compile(alternation(cls))


def depths(text: str) -> list[int]:
    """The bracket depth of every character (an opening bracket counts as inside)."""
    depth, out = 0, []
    for ch in text:
        if ch in _OPENS:
            depth += 1
        out.append(depth)
        if ch in _CLOSES:
            depth = max(0, depth - 1)
    return out


_END = re.compile(r"[。\n]")


_BRACKET = re.compile("[" + re.escape(_OPENS + _CLOSES) + "]")


class _Depths:
    """The bracket depth at a position, from the cell's brackets found once (a cell has a
    few): the depth after each bracket, looked up by bisection."""

    __slots__ = ("_at", "_depth")

    def __init__(self, norm: str) -> None:
        self._at: list[int] = []
        self._depth: list[int] = []
        depth = 0
        for m in _BRACKET.finditer(norm):
            opening = m.group() in _OPENS
            depth = depth + 1 if opening else max(0, depth - 1)
            # an opening bracket is inside from itself on; a closing one up to itself
            self._at.append(m.start() if opening else m.start() + 1)
            self._depth.append(depth)

    def at(self, pos: int) -> int:
        i = bisect_right(self._at, pos)
        return self._depth[i - 1] if i else 0


def _marks(norm: str) -> tuple[Span, ...]:
    """The sentence ends and item marks, in order (their depth: ``Spans.depth_at``)."""
    out = [Span(END, m.start(), m.end()) for m in _END.finditer(norm)]
    # NOTE: a mark is looked for first (a pattern that starts with a lookbehind is tried at
    # every character); whether it opens an item is the character before it, looked behind
    # from the mark (・ stands inside most words: 孤独・孤立).
    notes = word_set("note")
    bullets = [
        Span(NOTE if m.group() in notes else BULLET, m.start(), m.end(), cls=m.group())
        for m in _bullet_pattern().finditer(norm)
    ]
    if bullets:
        out = sorted(out + bullets, key=lambda s: s.start)
    return tuple(out)


@cache
def _bullet_pattern() -> re.Pattern[str]:
    """A mark that opens an item: at the start, after a space, a full stop, a line break or a
    colon (``_ITEM_BEFORE``) — or a note after a bracket: 1,298法人(2027年2月末現在)※R8.3末."""
    marks = "".join(re.escape(w) for w in words("bullet"))
    before = re.escape("".join(sorted(_ITEM_BEFORE)))
    notes = "".join(re.escape(w) for w in sorted(word_set("note")))
    return re.compile(
        rf"[{marks}](?:(?<=^.)|(?<=[{before}].)" + (rf"|(?<=\)[{notes}]))" if notes else ")"),
        re.DOTALL,
    )


# A full stop inside brackets that close within this many characters ends no sentence.
_BRACKET_SPAN = 80


# 新規相談受付件数:…312,244件 プラン作成件数:…93,340件: after a figure and its unit, a space
# and a label with a colon open an item of their own.
# (\s\s* rather than \s+: a pattern that opens with a class is searched for in C)
_LABEL_AFTER_SPACE = re.compile(r"\s\s*(?=[^\s、。:0-9()]{2,20}:)")
_FIGURE_BEFORE = re.compile(r"[0-9](?![万億千百年月日度末期])[^0-9、。\s]{1,4}$")


# …46/47 目100%×；市区町村 13.4%／結婚支援:都道府県 47/47(100%): after a figure or a mark, a
# separator and a label with a colon open an item of their own (not a key of time: …28.4%／
# 本年度:32.1%, nor a slash inside a label: 実施校／学校の割合:93.0%)
_LABEL_AFTER_SEPARATOR = re.compile(
    r"(?<![ぁ-んァ-ヶ一-龥A-Za-z])[;/|]\s*(?=(?P<key>[^\s、。:0-9()/;|]{2,20}):)"
)


def keyed_items(text: str) -> Iterator[tuple[int, str]]:
    """Where the items that open with a key of their own start, and the key: after a figure or
    a mark, a separator, then a label with a colon that is not a time (…目8割×／結婚支援:)."""
    for m in _LABEL_AFTER_SEPARATOR.finditer(text):
        if not time_key().fullmatch(m.group("key")):
            yield m.end(), m.group("key")


_NOTE_REFERENCE = re.compile(r"[0-9]{1,2}\s*(?::|、|。|\)|$)", re.MULTILINE)


def _cuts(norm: str, marks: tuple[Span, ...]) -> tuple[int, ...]:
    cuts = {0, len(norm)}
    if ":" in norm:
        for m in _LABEL_AFTER_SPACE.finditer(norm):
            if _FIGURE_BEFORE.search(norm, max(0, m.start() - 6), m.start()):
                cuts.add(m.end())
        cuts.update(at for at, _ in keyed_items(norm) if _depth_zero(norm, at))
    for sp in marks:
        at = sp.start
        if sp.kind == END:
            # NOTE: most full stops have no open bracket before them: two searches say so
            if norm[at] == "。" and norm.rfind("(", 0, at) > norm.rfind(")", 0, at):
                close = norm.find(")", at)
                if 0 <= close - at <= _BRACKET_SPAN:
                    continue
            cuts.add(sp.end)
        elif sp.kind == NOTE and _NOTE_REFERENCE.match(norm, sp.end):
            continue  # …の割合 ※1 :令和7年 89.9%: a reference to a note, not its opening
        elif at == 0 or norm[at - 1] != ":":
            cuts.add(at)
    return tuple(sorted(cuts))


def _depth_zero(norm: str, at: int) -> bool:
    """Whether ``at`` stands outside every bracket."""
    return norm.count("(", 0, at) <= norm.count(")", 0, at)


def tokenize(text: str, norm: str | None = None, *, strict: bool = False) -> Spans:
    """The typed spans of ``text`` (``norm``: ``normalize(text)`` when the caller has it;
    ``strict``: a malformed date raises ``PeriodError`` instead of being skipped)."""
    if norm is None:
        norm = normalize(text)
    periods = find_periods(text, norm=norm, strict=strict)
    quantities = find_quantities(text, periods, norm)
    marks = _marks(norm)
    return Spans(text, norm, tuple(quantities), tuple(periods), marks, _cuts(norm, marks))

"""The words of a target cell around a goal: statements, the label, the deadline, the baseline.

``targets.read_targets`` finds where a cell sets a goal (a number, 全○○, 増加 …); the helpers
here read what stands around that anchor. Text is normalised first (``normalize``: one
character for one), and every period is found by ``era.find_periods``, every number by
``quantity.find_quantities``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from ..text.furniture import strip_furniture
from ..text.lexicon import item_marks, words
from ..text.numbers import Quantity, find_quantities
from ..text.periods import PeriodMatch, eras, find_periods
from ..text.spans import BULLET, END, NOTE, depths, tokenize
from ..text.units import unit_words

__all__ = [
    "DraftBaseline",
    "Statement",
    "baseline_from_notes",
    "baseline_in",
    "clean_label",
    "content_words",
    "deadline_before",
    "depths",
    "label_for",
    "noun_phrase",
    "period_text",
    "span_end",
    "split_statements",
    "strip_furniture",
    "strip_periods",
    "unit_for_label",
]


@dataclass(frozen=True, slots=True)
class DraftBaseline:
    value: float
    period: str | None = None
    unit: str | None = None


_RATE = re.compile(r"(?:率|割合|度)(?:等)?$")
_PERIOD_TAIL = re.compile(
    r"^(?:まで(?:に)?|に|は|において(?:も)?|中に|中|末まで(?:に)?|の間|と比べて|と比較して|比で?)?"
    r"[、,]?"
)
_LEAD_WORDS = re.compile(
    r"^(?:また|さらに|これにより|このため|加えて|併せて|なお|具体的な目標として|"
    r"短期的?目標[①-⑳0-9]*|長期的?目標|中長期的には|長期的には|短期的には)[、,:]?\s*"
)
_CLAUSE_BREAK = re.compile(
    r"(?:は、|では、|には、|ほか、|ため、|として、|により、|ことで、|通じ(?:て)?、|ところ、|"
    r"し、|て、|つつ、|ともに、|うち、|について、|に関して、|おいて、|おいても、|目標に、|づき、|踏まえ、|"
    r"おり、|あり、|:)"
)
_LABEL_TAIL = re.compile(
    r"(?:[、,\s]|を|が|は|につき|について|の|より(?:も)?|から(?:の)?|毎年度|毎年|年間|全国|"
    r"次回調査時において|前回調査時の値|前回調査時|現状\(※\)|現状|前年度から|前年度|対前年度比で?|"
    r"\([^()]*\)|[0-9]+(?:年間|か年)で|(?:令和|平成)[0-9元]+年度?の[0-9.,]+(?:%|人|件|か所)?)$"
)
_CONTENT_WORD = re.compile(r"[一-龥ァ-ヴー々A-Za-z0-9]{2,}")


# --- statements ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    text: str  # normalised
    lead: str  # the lead-in of a bullet list it belongs to, or ""
    note: bool = False  # a ※ note
    bracketed: bool = False  # the whole statement stands in brackets


# a mark that opens an item (not a ※ note)
_ITEM_MARKS = frozenset(item_marks())


def split_statements(text: str) -> list[Statement]:
    """The statements of a target cell: cut after a full stop outside brackets or a line
    break, and before a bullet or a ※ note outside brackets (``text.spans``)."""
    spans = tokenize(text)
    norm = spans.norm
    cuts = {0, len(norm)}
    for sp in spans.marks:
        if sp.kind == END and (norm[sp.start] == "\n" or spans.depth_at(sp.start) == 0):
            cuts.add(sp.end)
        elif sp.kind in (BULLET, NOTE) and spans.depth_at(sp.start) == 0:
            cuts.add(sp.start)
    for mark in words("note"):  # a ※ note opens anywhere outside brackets
        at = norm.find(mark)
        while at >= 0:
            if spans.depth_at(at) == 0:
                cuts.add(at)
            at = norm.find(mark, at + 1)
    out: list[Statement] = []
    lead = ""
    ordered = sorted(cuts)
    for start, end in pairwise(ordered):
        chunk = norm[start:end].strip()
        if not chunk:
            continue
        if chunk[0] in _ITEM_MARKS:
            out.append(Statement(chunk[1:].strip(), lead))
            continue
        lead = chunk if not chunk.endswith("。") else ""
        note = chunk.startswith(words("note"))
        bracketed = chunk.startswith("(") and chunk.rstrip("。").endswith(")")
        body = chunk.rstrip("。")
        if bracketed:
            body = body[1:-1]
        out.append(Statement(body, "", note, bracketed))
    return out


# --- the words around an anchor --------------------------------------------------------------


def label_for(
    st: Statement,
    text: str,
    start: int,
    end: int,
    after: str,
    quantities: list[Quantity],
    inside: bool = False,
    allow_share: bool = False,
) -> tuple[str, bool]:
    """The noun phrase a goal is about, and whether it was cut cleanly."""
    left = text[:start]
    # 2025年までに50%、2030年までに85%: the second value shares the first one's label.
    for q in reversed(quantities):
        if q.end <= start and re.fullmatch(r"[、,\s]*", strip_periods(text[q.end : start])):
            return label_for(st, text, q.start, q.end, text[q.end :], quantities)
    if inside:
        # (保育士41,200名、看護師18,300名): the word just before the number.
        named = re.search(r"[(、]([^(、:()]{2,20})$", left)
        if named:
            return named.group(1), True
    left = strip_periods(left)
    previous = None
    while previous != left:
        previous = left
        left = re.sub(
            r"(?:[、,\s]|毎年度|毎年|(?<![0-9])年間|全国|[0-9]+(?:年間|か年)で)$", "", left
        )
        left = strip_periods(left)
    share = re.search(r"を([^、を]{2,30})の$", left) if allow_share else None
    if share:
        phrase = noun_phrase(left[: share.start()])
        return f"{phrase}({share.group(1)}に占める割合)", bool(phrase)
    # 国民の3人に2人以上が聞いたことがある: the share of a group that does something.
    doing = re.match(r"^が([^。]{1,40}?)(?:ようにする|ように|よう)", after)
    if doing and left.endswith("の"):
        return f"{doing.group(1)}{noun_phrase(left[:-1])}の割合", True
    # その80%以上から「満足した」との回答を得る
    answer = re.match(r"^から([^。]{1,40}?)(?:との|旨の)回答", after)
    if answer:
        return f"{answer.group(1)}と回答した割合", True
    if re.search(r"(?:を|が|は|につき|について|の|より|よりも|\))$", left):
        phrase = noun_phrase(left)
        if len(phrase) >= 2 and not re.search(r"[0-9]$", phrase):
            return phrase, True
    # 120以上の自治体が…を活用する / 5万人の見守り協力員を養成する: the noun after the number.
    noun = re.match(r"^の([^、。がを]{1,20}?)(?:が|を)([^。]{0,80}?(?:する|される))", after)
    if noun:
        return f"{noun.group(2)}{noun.group(1)}の数", True
    held = re.match(r"^で(?:の)?([^。をの]{1,20}?)の実施", after)
    if held:
        return f"{held.group(1)}の実施箇所数", True
    phrase = noun_phrase(left)
    if len(phrase) >= 2 and not re.search(r"[0-9]$", phrase):
        return phrase, False
    clause = text[max(0, start - 30) : end + 30]
    return clause.strip("、, "), False


def noun_phrase(left: str) -> str:
    """The noun phrase ``left`` ends with, without its particle and what leads to it."""
    previous = None
    while previous != left:
        previous = left
        left = _LABEL_TAIL.sub("", left)
        left = strip_periods(left)
    cut = None
    for m in _CLAUSE_BREAK.finditer(left):
        cut = m.end()
    phrase = left[cut:] if cut else left
    phrase = _LEAD_WORDS.sub("", _strip_leading_period(phrase.strip("、, ")))
    return phrase.strip("、, ")


def _strip_leading_period(phrase: str) -> str:
    """令和12年度末までに、地域の見守り活動…: the phrase without the period it starts with."""
    found = find_periods(phrase, norm=phrase)
    if found and found[0].start == 0:
        tail = _PERIOD_TAIL.match(phrase[found[0].end :])
        rest = phrase[found[0].end + (tail.end() if tail else 0) :]
        if rest != phrase[found[0].end :] or not rest:
            return rest.lstrip("、, ")
    return phrase


def strip_periods(left: str) -> str:
    """``left`` without the period expression (and its particles) it ends with."""
    for p in reversed(find_periods(left, norm=left)):
        rest = left[p.end :]
        tail = _PERIOD_TAIL.match(rest)
        if tail and tail.end() == len(rest):
            return left[: p.start].rstrip("、, ")
        break
    return left


def clean_label(label: str) -> str:
    label = _LEAD_WORDS.sub("", _strip_leading_period(label)).strip("、, ")
    return re.sub(r"(?:を|が|は|の)$", "", label)


def content_words(label: str) -> tuple[str, ...]:
    words = [w for w in _CONTENT_WORD.findall(label) if not re.fullmatch(r"[0-9]+", w)]
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


def unit_for_label(label: str) -> str | None:
    label = re.sub(r"等$", "", label)
    if _RATE.search(label):
        return "%"
    if re.search(r"(?:人数|者数|員数|生徒数|児童数|人)$", label):
        return "人"
    if re.search(r"件数$", label):
        return "件"
    if re.search(r"回数$", label):
        return "回"
    words = sorted(unit_words(), key=len, reverse=True)
    found = [
        (label.rfind(w) + len(w), len(w), w) for w in words if w in label and w not in ("%", "割")
    ]
    if found:
        return max(found)[2]
    return None


def deadline_before(st: Statement, text: str, periods: list[PeriodMatch], start: int) -> str | None:
    """The period a goal is due by: the last one before it in its statement (not a baseline's
    period, nor the start of a span), else the last one of its lead-in."""
    candidate: str | None = None
    for p in periods:
        if p.end > start:
            break
        rest = text[p.end : p.end + 12]
        inside = text[: p.start].count("(") > text[: p.start].count(")")
        if inside:
            # 中期的な目標(2030年): the year the goal is set for.
            if re.search(r"目標\($", text[: p.start]):
                candidate = period_text(p)
            continue
        if re.match(r"^(?:の[0-9]|:|から(?!の)|実績|比|と比|より)", rest):
            continue
        candidate = period_text(p)
    span = re.search(
        r"(?P<from>(?:令和|平成)[0-9元]+年度)から[^。]{0,30}?(?P<n>[0-9]+)(?:年間|か年)で",
        text[:start],
    )
    if span:
        candidate = span_end(span.group("from"), int(span.group("n"))) or candidate
    if candidate is None and st.lead:
        lead_periods = find_periods(st.lead, norm=st.lead)
        if lead_periods:
            candidate = period_text(lead_periods[-1])
    return candidate


def period_text(p: PeriodMatch) -> str:
    return re.sub(r"\s+", "", p.text)


def span_end(first_year: str, years: int) -> str | None:
    """令和6年度から10年間 → 令和15年度末; None when the first year names no valid year."""
    found = find_periods(first_year)
    if not found or years < 1:
        return None
    last = found[0].period.start.year + years - 1
    era = next(e for e in reversed(eras()) if e.start.year <= last)
    return f"{era.name}{last - era.start.year + 1}年度末"


def baseline_in(text: str, start: int) -> DraftBaseline | None:
    """``(令和5年度:63.2%)`` or ``令和2年度の58.4%から`` in a statement."""
    for pattern in (
        r"\((?P<period>[^():]{3,20}?)[:](?P<value>[0-9.,万]+)(?P<unit>[^()、]{0,4})\)",
        r"(?P<period>(?:令和|平成|昭和)[0-9元]+年度?)の(?P<value>[0-9.,万]+)(?P<unit>%|人|件|か所)から",
    ):
        for m in re.finditer(pattern, text):
            q = find_quantities(m.group("value") + m.group("unit"))
            if not q or not find_periods(m.group("period")):
                continue
            unit = "%" if q[0].unit == "percent" else q[0].unit_word
            return DraftBaseline(q[0].value, m.group("period"), unit)
    return None


def baseline_from_notes(notes: list[str]) -> DraftBaseline | None:
    """現状(※) … ※令和5年(概数)における5年移動平均は2,140人: the last value of the note."""
    for note in notes:
        quantities = [q for q in find_quantities(note) if q.unit]
        periods = find_periods(note)
        if quantities and periods:
            q = quantities[-1]
            before = [p for p in periods if p.end <= q.start]
            period = period_text(before[-1]) if before else None
            return DraftBaseline(q.value, period, "%" if q.unit == "percent" else q.unit_word)
    return None

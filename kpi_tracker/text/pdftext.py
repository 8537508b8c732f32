"""Text as PDF extraction leaves it → text as the document wrote it (``str`` → ``str``).

A PDF holds positioned glyphs, not sentences. Extracted text therefore carries:

- a space between a figure and its unit or multiplier (``45 万件``, ``2,180 人``, ``令和 8 年``,
  ``22 万 4,517 人``), where the figure and the word were set as separate runs;
- a line break wherever the layout wrapped a line, inside sentences and inside words;
- page numbers (``- 12 -``) and running headers or footers between the lines of the text.

This module repairs all three in one place, for the PDF reader and for PDF text a person
pasted (pages marked by form feeds, ``\\f``, as ``pdftotext`` writes them, or unmarked). It
knows no PDF library. Full-width digits are left as they are: ``normalize`` handles them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from .units import unit_alternation, unit_words

__all__ = [
    "is_page_number",
    "join_figures",
    "join_lines",
    "join_units",
    "repair_cell_text",
    "repair_pdf_text",
]

_DIGIT = "0-9０-９"
_SPACE = "[ \u3000\u00a0]+"

# Words a figure is written against: multipliers, bounds, dates, counters. The counters of
# data/units.txt join them (a new unit there is a new unit here).
_AFTER_FIGURE = (
    "万",
    "億",
    "兆",
    "千",
    "百",
    "以上",
    "以下",
    "未満",
    "超",
    "を超え",
    "年度",
    "年",
    "か月",
    "ヶ月",
    "カ月",
    "ケ月",
    "月",
    "日",
    "時点",
    "時間",
    "分",
    "秒",
    "歳",
    "倍",
    "割",
    "％",
    "‰",
    "人",
    "件",
    "回",
    "校",
    "施設",
    "機関",
    "事業所",
    "円",
    "点",
    "位",
    "程度",
    "前後",
    "余",
    "期",
    "次",
)
# Words a figure is written after: eras (令和 8 年), ordinals, approximations.
_BEFORE_FIGURE = ("令和", "平成", "昭和", "大正", "明治", "第", "約", "計", "延べ", "R", "H")


@cache
def _figure_unit() -> re.Pattern[str]:
    words = sorted(set(_AFTER_FIGURE) | set(unit_words()), key=len, reverse=True)
    units = "|".join(re.escape(w) for w in words)
    # NOTE: a figure after 図/表 is a caption's number, not a quantity.
    return re.compile(
        rf"(?<![{_DIGIT}.,])(?<!図)(?<!表)(?<!図 )(?<!表 )"
        rf"(?P<figure>[{_DIGIT}](?:[{_DIGIT},.，．]*[{_DIGIT}])?){_SPACE}(?=(?:{units}))",
        re.MULTILINE,
    )


_BEFORE = re.compile(
    rf"(?P<word>{'|'.join(_BEFORE_FIGURE)}){_SPACE}(?=[{_DIGIT}]|元年)",
)
# までに 200 事業所: a space between a Japanese word and the figure after it.
_WORD_THEN_FIGURE = re.compile(
    rf"(?<=[\u3040-\u30ff\u4e00-\u9fff、。「（])(?<![図表]){_SPACE}(?=[{_DIGIT}])"
)
# 22 万 4,517 人: a multiplier after a figure, then the rest of the figure.
_MULTIPLIER_THEN_FIGURE = re.compile(rf"(?<=[{_DIGIT}][万億兆]){_SPACE}(?=[{_DIGIT}])")


def _joined_figure(m: re.Match[str]) -> str:
    figure = m.group("figure")
    # NOTE: one digit at the start of a line, then a space, is a list item's number
    # (``1 件数の推移``), not a quantity; a longer figure there is one (``2,180 人``).
    at_start = m.start() == 0 or m.string[m.start() - 1] == "\n"
    return m.group() if at_start and len(figure) == 1 else figure


def join_units(text: str) -> str:
    """Figures joined to the units and multipliers after them only (``3,120 人`` →
    ``3,120人``): a flattened table's row keeps the spaces between its label and its cells."""
    if " " not in text and "\u3000" not in text and "\u00a0" not in text:
        return text
    return _MULTIPLIER_THEN_FIGURE.sub("", _figure_unit().sub(_joined_figure, text))


def join_figures(text: str) -> str:
    """Figures joined to their units, multipliers and eras across spaces (``45 万件`` →
    ``45万件``, ``令和 8 年`` → ``令和8年``); a list item's number and ``2 つ`` stay apart."""
    if " " not in text and "\u3000" not in text and "\u00a0" not in text:
        return text
    text = _BEFORE.sub(lambda m: m.group("word"), text)
    # (231, 406人; 5 42回: a figure broken by a space inside its digits)
    text = _split_digits().sub("", _COMMA_SPACE.sub("", text))
    return join_units(_WORD_THEN_FIGURE.sub("", text))


_COMMA_SPACE = re.compile(r"(?<=[0-9０-９][,，])[ \u3000]+(?=[0-9０-９]{3}(?![0-9０-９]))")


@cache
def _split_digits() -> re.Pattern[str]:
    """A space between a figure's first digit and its last two, then a unit (5 42回)."""
    return re.compile(
        r"(?<=[^\s0-9０-９,，.．][0-9０-９])[ \u3000]"
        rf"(?=[0-9０-９]{{2}}\s*(?:{unit_alternation()}|[%％]))"
    )


# --- lines -------------------------------------------------------------------------------------

# A line that starts with one of these begins a new item: a heading, a marked block.
_OPENS = re.compile(
    r"^\s*(?:[●○◆◇■□※＊\*＜<【〔\[〈《◎▼▽▶►➢]"
    r"|第[0-9０-９一二三四五六七八九十]+[章節部]"
    r"|施策\s*No)"
)
# A line that starts with one of these begins a list item, unless the line before it was cut
# short by the layout: ``孤独`` / ``・孤立`` is one word wrapped before its ・.
_ITEM = re.compile(
    r"^\s*(?:[・･]"
    r"|[(（][0-9０-９一二三四五六七八九十]{1,3}[)）]"
    r"|[①-⑳㉑-㉟ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]"
    r"|[アイウエオカキクケコ][)）．.]"
    r"|[0-9０-９]{1,2}[)）．.](?![0-9０-９]))"
)
_URL_START = re.compile(r"^\s*https?://")
# NOTE: an item follows a line that is an item itself (a list goes on), or a line that ends
# as items and dates do (``…（令和8年度）``); after other text, a ・ or ① is a wrapped word.
_ITEM_MAY_FOLLOW = re.compile(r"[)）」』]\s*$")
# A line that ends with one of these ends a sentence (or a marked heading): the next line is
# a new one. NOTE: 」 and ） are not here: a wrapped sentence often breaks after them.
_CLOSES = re.compile(r"[。．！？!?：:]\s*$")
# Lines that are headings as a whole: ＜現状＞, 【目標及び達成の期間】, ● 名前【府省】.
_WHOLE_HEADING = re.compile(
    r"^\s*(?:[＜<〈][^＞>〉]{1,30}[＞>〉]|【[^】]{1,30}】|[●◆■].*[】)）)]"
    r"|施策\s*No\.?\s*[0-9０-９]+"
    r"|[アイウエオ][)）]\s*\S{1,12})\s*$"
)
_URL_TAIL = re.compile(r"https?://\S+$")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def _joiner(before: str, after: str) -> str:
    """What goes between a wrapped line and its continuation: nothing between Japanese
    characters (and inside a URL), a space between two Latin words."""
    if not before or not after:
        return ""
    if _URL_TAIL.search(before):
        return ""
    if _ASCII_WORD.match(before[-1]) and _ASCII_WORD.match(after[0]):
        return " "
    return ""


# 新規相談受付件数：31万2,540件 / プラン作成件数：9万3,118件: a labelled figure after a line
# that ends with a figure and its unit is an item of its own, not the line wrapped.
_LABEL_COLON = re.compile(r"^\s*[^\s、。:：0-9０-９]{2,20}[:：]")
_ENDS_WITH_FIGURE = re.compile(rf"[{_DIGIT}](?![万億千百])[^{_DIGIT}、。]{{1,4}}\s*$")


def _opens_item(before: str, line: str) -> bool:
    if _OPENS.match(line) or _URL_START.match(line):
        return True
    if _LABEL_COLON.match(line) and _ENDS_WITH_FIGURE.search(before):
        return True
    if not _ITEM.match(line) or _URL_TAIL.search(before):
        return False  # NOTE: a URL broken by the layout goes on with ``11.html``
    return bool(_ITEM.match(before) or _OPENS.match(before) or _ITEM_MAY_FOLLOW.search(before))


def join_lines(lines: list[str]) -> list[str]:
    """Wrapped lines joined into the lines the document wrote: a line is continued by the
    next one unless it ends a sentence or is a heading, or the next one opens an item."""
    out: list[str] = []
    open_line = False  # whether the last line of ``out`` may be continued
    for raw in lines:
        line = raw.strip()
        if not line:
            open_line = False
            continue
        if open_line and out and not _opens_item(out[-1], line):
            out[-1] = out[-1] + _joiner(out[-1], line) + line
        else:
            out.append(line)
        last = out[-1]
        open_line = not (_CLOSES.search(last) or _WHOLE_HEADING.match(last))
    return out


# --- page furniture ---------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(
    rf"^\s*(?:[-－−‐―–]\s*[{_DIGIT}]{{1,4}}\s*[-－−‐―–]"
    rf"|[{_DIGIT}]{{1,4}}"
    rf"|[{_DIGIT}]{{1,4}}\s*/\s*[{_DIGIT}]{{1,4}}"
    rf"|[pP]\.?\s*[{_DIGIT}]{{1,4}}"
    rf"|[{_DIGIT}]{{1,4}}\s*(?:ページ|頁))\s*$"
)


def is_page_number(line: str) -> bool:
    """``- 12 -``, ``－１２－``, ``12``, ``3/20``, ``p.12``: a line that is a page number."""
    return _PAGE_NUMBER.match(line) is not None


_EDGE = 2  # lines at the top and at the bottom of a page where running text stands
_FIGURES = re.compile(rf"[{_DIGIT}]+")


def _furniture_key(line: str) -> str:
    # NOTE: a running footer may carry the page number (``重点計画 - 3 -``): figures do not
    # tell two pages' furniture apart.
    return _FIGURES.sub("#", line.strip())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Keys of the lines that stand at the top or the bottom of two pages or more."""
    seen: Counter[str] = Counter()
    for lines in pages:
        filled = [ln for ln in lines if ln.strip() and not is_page_number(ln)]
        edges = {_furniture_key(ln) for ln in filled[:_EDGE] + filled[-_EDGE:]}
        seen.update(edges)
    return {key for key, n in seen.items() if n >= 2 and not _OPENS.match(key)}


def _repeated_lines(lines: list[str]) -> set[str]:
    """Without page marks: short lines that are not sentences nor items and come back three
    times or more (a running title pasted with the text)."""
    counts = Counter(
        ln.strip()
        for ln in lines
        if 0 < len(ln.strip()) <= 60
        and not _CLOSES.search(ln)
        and not _OPENS.match(ln)
        and not _ITEM.match(ln)
        and not _WHOLE_HEADING.match(ln)
    )
    return {line for line, n in counts.items() if n >= 3}


def repair_pdf_text(text: str) -> str:
    """The text of a PDF as the document wrote it: furniture dropped, wrapped lines joined,
    figures joined to their units. Pages may be marked by form feeds (``\\f``)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages = [page.split("\n") for page in text.split("\f")]
    kept: list[str] = []
    if len(pages) > 1:
        running = _running_lines(pages)
        for lines in pages:
            filled = [i for i, ln in enumerate(lines) if ln.strip()]
            edges = set(filled[:_EDGE] + filled[-_EDGE:])
            page: list[str] = []
            for i, line in enumerate(lines):
                if is_page_number(line):
                    continue
                if i in edges and _furniture_key(line) in running:
                    continue
                if line.strip() or page:  # NOTE: a page starts no paragraph of its own
                    page.append(line)
            kept += page
    else:
        lines = pages[0]
        repeated = _repeated_lines(lines)
        kept = [ln for ln in lines if not is_page_number(ln) and ln.strip() not in repeated]
    return "\n".join(join_figures(line) for line in join_lines(kept))


def repair_cell_text(text: str) -> str:
    """A table cell's text as a PDF gives it (wrapped lines, figures apart from their units)
    → the cell as written; its paragraphs stay on lines of their own."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(join_figures(line) for line in join_lines(lines))

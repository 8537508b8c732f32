"""A plan's prose (施策No. blocks) → the rows of a plan table (施策No. | 施策名 | … | 目標).

Plans set out each measure as a block, not as a table row:

    施策No.１
    ● 相談窓口の周知【内閣府、厚生労働省】
    ＜施策の概要＞ …  ＜現状＞ …  ＜課題＞ …  ＜今後の取組方針＞ …
    【目標及び達成の期間】 …

and older plans as ``ア)現状 イ)課題 ウ)目標``. This module reads the repaired text of such a
plan (``text.pdftext.repair_pdf_text``: one line per sentence, item or heading) into the
rows ``plantable`` reads: the lines before the first block as the title, a header row, the
section headings (``(1)…``, ``①…``) between blocks as rows of one cell, and one row per block.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import DocumentError, Location
from ..model import Row
from ..text.normalize import normalize

__all__ = ["HEADER", "is_prose_plan", "prose_rows"]

HEADER = ("施策No.", "施策名", "施策の概要", "目標及び達成の期間", "担当府省庁")

_MEASURE = re.compile(r"^\s*施策\s*No\s*\.?\s*([0-9]{1,6})\s*(.*)$")
_NAME = re.compile(r"^\s*[●◆■○]\s*(?P<name>.+?)\s*(?:【(?P<ministries>[^】]*)】)?\s*$")
# A block's heading: ＜施策の概要＞, 【目標及び達成の期間】, ア)現状 (the rest of the line is
# the block's first text).
_BLOCK = re.compile(
    r"^\s*(?:<(?P<angle>[^>]{1,20})>|【(?P<square>[^】]{1,20})】"
    r"|(?P<kana>[アイウエオカキ])\)\s*(?P<word>現状|課題|目標[^\s]{0,10}|今後[^\s]{0,10}|概要|施策の概要))"
    r"\s*(?P<rest>.*)$"
)
_HEADING_1 = re.compile(r"^\s*\(\s*[0-9一二三四五六七八九十]{1,3}\s*\)")
_HEADING_2 = re.compile(r"^\s*[①-⑳㉑-㉟]")
_ENUMERATORS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def is_prose_plan(text: str) -> bool:
    """Whether a text has 施策No. blocks with a target block (the prose layout)."""
    norm = normalize(text)
    return (
        re.search(r"^\s*施策\s*No", norm, re.MULTILINE) is not None
        and re.search(r"【目標|^\s*[ウエ]\)\s*目標", norm, re.MULTILINE) is not None
    )


def _kind(match: re.Match[str]) -> str:
    word = match.group("angle") or match.group("square") or match.group("word") or ""
    if word.startswith("目標"):
        return "target"
    if "概要" in word:
        return "overview"
    return "other"


def _is_heading(line: str) -> bool:
    line = normalize(line)
    return bool(_HEADING_1.match(line) or _HEADING_2.match(line)) and not line.endswith("。")


def _trailing_headings(lines: list[str]) -> int:
    """How many of the last lines of a block are section headings of what follows.

    NOTE: a target block may list items ①②… itself; a trailing ② after a ① of the same
    block continues that list. Only a run at the end that does not continue it is headings.
    """
    marks = [i for i, ln in enumerate(lines) if _BLOCK.match(normalize(ln))]
    last_block = marks[-1] if marks else 0  # the list, if any, is in the last block
    count = 0
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not _is_heading(line):
            break
        mark = line.lstrip()[:1]
        if mark in _ENUMERATORS:
            index = _ENUMERATORS.index(mark)
            if index > 0 and any(
                ln.lstrip().startswith(_ENUMERATORS[index - 1]) for ln in lines[last_block:i]
            ):
                break
        count = len(lines) - i
    return count


def prose_rows(text: str, source: str) -> Iterator[Row]:
    """Rows of a plan table from a plan's repaired prose; no block is an error."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    starts = [i for i, ln in enumerate(lines) if _MEASURE.match(normalize(ln))]
    if not starts:
        raise DocumentError(
            "no table and no 施策No. blocks in the PDF's text: not a status table or a plan",
            Location(source),
        )
    rows: list[tuple[str, ...]] = []
    before = lines[: starts[0]]
    headings = _trailing_headings(before)
    rows += [(ln,) for ln in before[: len(before) - headings]]
    rows.append(HEADER)
    rows += [(ln,) for ln in before[len(before) - headings :]]
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        block = lines[start:end]
        headings = _trailing_headings(block) if n + 1 < len(starts) else 0
        rows.append(_measure_cells(block[: len(block) - headings]))
        rows += [(ln,) for ln in block[len(block) - headings :]]
    for number, cells in enumerate(rows, start=1):
        yield Row(number, cells)


def _measure_cells(block: list[str]) -> tuple[str, ...]:
    first = _MEASURE.match(normalize(block[0]))
    assert first is not None
    number = first.group(1)
    name = ""
    ministries = ""
    parts: dict[str, list[str]] = {"overview": [], "target": [], "other": []}
    current = "other"
    rest = [block[0][first.start(2) :].strip()] if first.group(2).strip() else []
    for line in rest + block[1:]:
        norm = normalize(line)
        named = _NAME.match(line)
        if named and not name and current == "other" and not any(parts.values()):
            name = named.group("name")
            ministries = named.group("ministries") or ""
            continue
        block_head = _BLOCK.match(norm)
        if block_head:
            current = _kind(block_head)
            tail = line[block_head.start("rest") :].strip()
            if tail:
                parts[current].append(tail)
            continue
        if not name and current == "other" and not any(parts.values()):
            name = line  # a name line without its ●
            continue
        parts[current].append(line)
    return (
        number,
        name,
        "\n".join(parts["overview"]),
        "\n".join(parts["target"]),
        ministries,
    )

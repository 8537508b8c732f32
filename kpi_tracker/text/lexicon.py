"""The lexicon: the words figures are read by, as data (``data/lexicon.tsv``), by class.

Every word list the readers use comes from that one table, so a writer's new word is a line
of data, and every reader agrees on it: approximate, bound, per-base, provisional, pending;
the earlier time of a change, the verbs of a change and what leads to them, the words that
set a figure against another (より, に比べて), the year before and its tails, totals and parts,
a restated target and a target not reached, the words of time a period may spell out, the
words that name nothing (label-free), anaphora, bullets and notes, list joins and それぞれ,
a table's target column, the counters of a kanji count, the bodies a whole is counted of.
Particles stay in the patterns: they are grammar (tests/test_architecture.py checks that
``extract/`` holds no word list).
"""

from __future__ import annotations

import re
from functools import cache

from ..data import read_rows

__all__ = ["alternation", "item_marks", "words"]


@cache
def _table() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for row in read_rows("lexicon.tsv"):
        if len(row) != 2:  # a broken package, not bad input
            raise RuntimeError(f"data/lexicon.tsv: not 'class<TAB>word': {row!r}")
        table.setdefault(row[0], []).append(row[1])
    return {cls: tuple(ws) for cls, ws in table.items()}


def words(cls: str) -> tuple[str, ...]:
    """The words of a class, in the order the table writes them."""
    try:
        return _table()[cls]
    except KeyError:
        raise RuntimeError(f"data/lexicon.tsv has no class {cls!r}") from None


@cache
def word_set(cls: str) -> frozenset[str]:
    """The words of a class, as a set (a membership test: is this cell a word of it)."""
    return frozenset(words(cls))


@cache
def alternation(*classes: str) -> str:
    """A regex alternation of the words of ``classes`` (escaped, in the table's order)."""
    return "|".join(re.escape(w) for cls in classes for w in words(cls))


@cache
def item_marks() -> tuple[str, ...]:
    """The marks that open an item of a list: the bullets that do not open a ※ note."""
    notes = set(words("note"))
    return tuple(w for w in words("bullet") if w not in notes)


@cache
def time_key() -> re.Pattern[str]:
    """A key that is only a time (本年度:, 前年度末:, 当年度実績:), for ``fullmatch``."""
    times = alternation("this_year", "last_year", "previous", "two_years_before", "current_column")
    return re.compile(rf"(?:{times})度?末?(?:実績|値)?")

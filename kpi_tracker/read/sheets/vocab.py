"""Structured KPI sheets: the header vocabulary, and telling a sheet's header row.

Which header means what, which cell words mean "no value", "not counted yet", "more is
better": data, in ``data/sheet_headers.tsv``. Every document load asks ``sheet_layout`` of
the rows above its header, so this module stays small and cheap to import.
"""

from __future__ import annotations

import re
from functools import cache

from ...data import read_data
from ...text.normalize import normalize

__all__ = ["Vocabulary", "header_roles", "sheet_layout", "squash", "vocabulary"]


class Vocabulary:
    """The words of ``data/sheet_headers.tsv``, normalised. (A plain class: this module is
    imported by every document load, and a dataclass costs a millisecond to define.)"""

    __slots__ = ("blanks", "directions", "headers", "pending", "qualitative", "rows")

    def __init__(
        self,
        headers: tuple[tuple[str, str], ...],  # (normalised header, role), in file order
        directions: dict[str, str],  # normalised word → comparator
        rows: dict[str, str],  # normalised row-kind word → row kind
        blanks: frozenset[str],
        pending: tuple[str, ...],
        qualitative: tuple[str, ...],
    ) -> None:
        self.headers = headers
        self.directions = directions
        self.rows = rows
        self.blanks = blanks
        self.pending = pending
        self.qualitative = qualitative

    def role_of(self, header: str) -> str | None:
        """The role of a header cell, or None. ``目標値(期限)`` is ``target``."""
        text = squash(header)
        if not text:
            return None
        base = _BRACKET_NOTE.sub("", text)
        for name, role in self.headers:
            if text == name or base == name:
                return role
        return None

    def comparator_of(self, word: str) -> str | None:
        return self.directions.get(squash(word))


_BRACKET_NOTE = re.compile(r"\([^()]*\)$")
_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """A header or a cell word as compared: normalised, without spaces."""
    return _SPACE.sub("", normalize(text))


@cache
def vocabulary() -> Vocabulary:
    headers: list[tuple[str, str]] = []
    directions: dict[str, str] = {}
    rows: dict[str, str] = {}
    blanks: set[str] = set()
    pending: list[str] = []
    qualitative: list[str] = []
    for raw in read_data("sheet_headers.tsv").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, key, text = raw.split("\t")
        word = squash(text)
        if kind == "header":
            headers.append((word, key))
        elif kind == "direction":
            directions[word] = key
        elif kind == "row":
            rows[word] = key
        elif kind == "blank":
            blanks.add(word)
        elif kind == "pending":
            pending.append(word)
        elif kind == "qualitative":
            qualitative.append(word)
        else:  # pragma: no cover - the shipped file is tested
            raise ValueError(f"sheet_headers.tsv: unknown kind {kind!r}")
    return Vocabulary(
        tuple(headers), directions, rows, frozenset(blanks), tuple(pending), tuple(qualitative)
    )


def header_roles(cells: tuple[str, ...]) -> dict[str, int]:
    """Role → column index of a header row (the first column of each role)."""
    vocab = vocabulary()
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        role = vocab.role_of(cell)
        if role is not None and role not in found:
            found[role] = i
    return found


def sheet_layout(cells: tuple[str, ...]) -> str | None:
    """``review`` or ``table`` when ``cells`` is the header row of a KPI sheet, else None."""
    if len(cells) < 2:
        return None
    roles = header_roles(cells)
    if "indicator" not in roles:
        return None
    if "row_kind" in roles:
        return "review"
    if "target" in roles:
        return "table"
    return None

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
from ..mapping import mapped_columns

__all__ = [
    "Vocabulary",
    "header_key",
    "header_roles",
    "sheet_layout",
    "squash",
    "vocabulary",
]


class Vocabulary:
    """The words of ``data/sheet_headers.tsv``, normalised. (A plain class: this module is
    imported by every document load, and a dataclass costs a millisecond to define.)"""

    __slots__ = (
        "blanks",
        "directions",
        "headers",
        "pending",
        "published",
        "qualitative",
        "references",
        "rows",
        "yearroles",
    )

    def __init__(
        self,
        headers: tuple[tuple[str, str], ...],  # (normalised header, role), in file order
        directions: dict[str, str],  # normalised word → comparator
        rows: dict[str, str],  # normalised row-kind word → row kind
        blanks: frozenset[str],
        pending: tuple[str, ...],
        qualitative: tuple[str, ...],
        published: dict[str, str] | None = None,  # normalised category word → status
        references: tuple[str, ...] = (),  # words that mark a reference indicator
        yearroles: tuple[tuple[str, str], ...] = (),  # word after a year header → role
    ) -> None:
        self.headers = headers
        self.directions = directions
        self.rows = rows
        self.blanks = blanks
        self.pending = pending
        self.qualitative = qualitative
        self.published = published or {}
        self.references = references
        self.yearroles = yearroles

    def role_of(self, header: str) -> str | None:
        """The role of a header cell, or None. ``目標値(期限)`` and ``数値目標〔期限〕`` are
        ``target``. A name given by ``--column`` (or the configuration's ``column``) wins."""
        text = header_key(header)
        if not text:
            return None
        mapped = mapped_columns()
        if mapped:
            for name, role in mapped:
                if text == name:
                    return role
        base = _BRACKET_NOTE.sub("", text)
        for name, role in self.headers:
            if text == name or base == name:
                return role
        return None

    def year_role(self, rest: str) -> str | None:
        """The role a year header's words give it: ``(目標値)`` → ``target``; None for none."""
        word = _BRACKETS.sub("", header_key(rest))
        if not word:
            return None
        for name, role in self.yearroles:
            if word == name:
                return role
        return None

    def comparator_of(self, word: str) -> str | None:
        return self.directions.get(squash(word))


_BRACKET_NOTE = re.compile(r"[(〔【\[][^()〔〕【】\[\]]*[)〕】\]]$")
_BRACKETS = re.compile(r"[()〔〕【】\[\]]")
_SPACE = re.compile(r"\s+")
# NOTE: exports mix the long-vowel mark ー (U+30FC) with dashes (－ U+FF0D, ‐, ―) in the same
# header names (デ－タ名): header names compare with all of them folded into ー.
_DASHES = re.compile(r"(?<=[\u30a0-\u30ff])[-\u2015\u2014\u30fc\uff70]")


def squash(text: str) -> str:
    """A header or a cell word as compared: normalised, without spaces."""
    return _SPACE.sub("", normalize(text))


def header_key(text: str) -> str:
    """A header name as compared: ``squash``ed, a dash after katakana read as ー."""
    squashed = squash(text)
    return _DASHES.sub("ー", squashed) if "-" in squashed or "―" in squashed else squashed


@cache
def vocabulary() -> Vocabulary:
    headers: list[tuple[str, str]] = []
    directions: dict[str, str] = {}
    rows: dict[str, str] = {}
    blanks: set[str] = set()
    pending: list[str] = []
    qualitative: list[str] = []
    published: dict[str, str] = {}
    references: list[str] = []
    yearroles: list[tuple[str, str]] = []
    for raw in read_data("sheet_headers.tsv").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, key, text = raw.split("\t")
        word = squash(text)
        if kind == "header":
            headers.append((header_key(text), key))
        elif kind == "yearrole":
            yearroles.append((header_key(text), key))
        elif kind == "published":
            published[word] = key
        elif kind == "reference":
            references.append(word)
        elif kind == "whole":
            continue  # read by goal.wholes()
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
        tuple(headers),
        directions,
        rows,
        frozenset(blanks),
        tuple(pending),
        tuple(qualitative),
        published,
        tuple(references),
        tuple(yearroles),
    )


def header_roles(cells: tuple[str, ...]) -> dict[str, int]:
    """Role → column index of a header row (the first column of each role)."""
    vocab = vocabulary()
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        role = vocab.role_of(cell)
        if role is not None and role not in found:
            found[role] = i
    current = found.pop("current", None)
    if current is not None:
        # 現状値 beside a baseline column (基準値 | 現状値 | 目標値) is the latest actual; alone
        # with the target (現状値(直近の値) | 目標値, a plan's table) it is the baseline.
        if "baseline" in found and "actual" not in found:
            found["actual"] = current
        elif "baseline" not in found:
            found["baseline"] = current
    return found


# A header that starts with a year: 2019, R1, H31, 令和2年度, 平成25(基準値), 2025年度目標.
_YEAR_HEADER = re.compile(
    r"^(?P<year>(?:[12][0-9]{3}|[MTSHR][0-9]{1,2}|(?:明治|大正|昭和|平成|令和)(?:[0-9]{1,2}|元))"
    r"(?:年度末|年度|年)?)(?P<rest>.*)$"
)


def year_header(header: str) -> tuple[str, str, str | None] | None:
    """A year header split: (the year as written, the words after it, the role they give:
    ``target``, ``baseline``, ``actual`` or None); None when the header starts with no year."""
    m = _YEAR_HEADER.match(squash(header))
    if m is None:
        return None
    rest = m.group("rest")
    return m.group("year"), rest, vocabulary().year_role(rest) if rest else None


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
    for cell in cells:  # 平成31(目標値): a year column that is the target
        found = year_header(cell) if cell.strip() else None
        if found is not None and found[2] == "target":
            return "table"
    return None

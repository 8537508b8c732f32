"""The columns of a status table: its header row, and the ministries and URLs of its cells."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..data import read_data
from ..text.normalize import normalize, strip_html

__all__ = ["is_header_row", "ministries_in", "urls_in"]

# Column → words its header cell contains (after normalisation), tried in order.
_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("no", ("施策No", "施策番号", "No", "番号")),
    ("name", ("施策名",)),
    ("overview", ("概要",)),
    ("review", ("見直し",)),
    ("status", ("達成状況", "実施状況")),
    ("target", ("目標",)),
    ("urls", ("URL", "url", "関連")),
    ("ministries", ("府省", "担当", "省庁")),
)


_REQUIRED = ("no", "target", "status")


def _header_map(
    cells: tuple[str, ...], required: tuple[str, ...] = _REQUIRED
) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        text = normalize(strip_html(cell)).replace(" ", "")
        if not text:
            continue
        for column, words in _COLUMNS:
            if column not in found and any(w in text for w in words):
                found[column] = i
                break
    if all(c in found for c in required) and len(found) >= min(4, len(required) + 1):
        return found
    return None


def is_header_row(cells: tuple[str, ...]) -> bool:
    """Whether a row names the columns of a status table (施策No., 目標…, …達成状況, …) or of a
    structured KPI sheet (指標, 目標値, …)."""
    from .sheets.vocab import sheet_layout

    return sheet_layout(cells) is not None or _header_map(cells) is not None


_URL = re.compile(r"https?://[^\s<>\"'()（）「」、，]+")


_MINISTRY = re.compile(r"^(?:内閣官房|内閣府|[^\sA-Za-z0-9]{1,12}?(?:省|庁|院|委員会|本部))$")


_SPLIT_MINISTRIES = re.compile(r"[\s、，,・/／]+")


@cache
def _ministry_aliases() -> dict[str, str]:
    text = read_data("ministries.tsv")
    pairs = (ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    return {a: b for a, b in pairs}


def _words(text: str) -> list[str]:
    """The words of a ministries cell, URLs and list marks left out."""
    words = _SPLIT_MINISTRIES.split(_URL.sub(" ", strip_html(text)))
    return [w for w in (w.strip("○◯●◎・()（）[]「」<>") for w in words) if w]


# NOTE: remembered by cell text: a table names the same few ministries row after row.
@lru_cache(maxsize=1024)
def ministries_in(text: str) -> tuple[str, ...]:
    """Ministry names in a cell, in order, normalised (子ども家庭庁 → こども家庭庁)."""
    aliases = _ministry_aliases()
    out: list[str] = []
    for word in _words(text):
        for token in _joined_names(word):
            if _MINISTRY.match(token):
                name = aliases.get(token, token)
                if name not in out:
                    out.append(name)
    return tuple(out)


_NAME_END = re.compile(r"内閣官房|内閣府|[^\sA-Za-z0-9]{1,12}?(?:省|庁|院|委員会|本部)")


def _joined_names(word: str) -> list[str]:
    """A word that is two ministry names run together, as a PDF cell's lines join
    (厚生労働省こども家庭庁), as its names; any other word as it is."""
    parts = _NAME_END.findall(word)
    return parts if len(parts) > 1 and "".join(parts) == word else [word]


def _cut_ministry(cell: str) -> bool:
    """Whether a ministries cell names ministries but its last word is none (cut short)."""
    return bool(ministries_in(cell)) and _MINISTRY.match(_words(cell)[-1]) is None


def urls_in(text: str) -> list[str]:
    if "http" not in text:
        return []
    return [u.rstrip(".。") for u in _URL.findall(text)]

"""The columns of a status table: its header row, and the ministries and URLs of its cells."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..data import read_data
from ..text.normalize import normalize, strip_html
from .mapping import column_map, mapped_columns

__all__ = [
    "STATUS_ROLES",
    "column_map",
    "is_header_row",
    "mapped_columns",
    "ministries_in",
    "urls_in",
]

# Column → words its header cell contains (after normalisation), tried in order.
_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("no", ("施策No", "施策番号", "No", "番号")),
    ("name", ("施策名",)),
    ("overview", ("概要",)),
    ("review", ("見直し",)),
    ("status", ("達成状況", "実施状況", "取組状況", "進捗状況", "取組実績", "実績")),
    ("section", ("基本目標", "分類", "分野")),
    ("target", ("目標",)),
    ("urls", ("URL", "url", "関連")),
    ("ministries", ("府省", "担当", "省庁", "所管")),
)

# The roles a status table's columns play (``--column status=令和7年度の取組状況``).
STATUS_ROLES = ("no", "name", "overview", "target", "status", "review", "urls", "ministries")
_STATUS_ALIASES = {"owner": "ministries", "ministry": "ministries", "url": "urls"}

_REQUIRED = ("no", "target", "status")
_NAME_WORDS = frozenset(("施策", "事業", "取組", "事業名", "取組名", "項目"))


def _mapped_status_role(text: str) -> str | None:
    mapped = mapped_columns()
    if not mapped:
        return None
    from .sheets.vocab import header_key

    key = header_key(text)
    for name, role in mapped:
        if key == name:
            return _STATUS_ALIASES.get(role, role)
    return None


def _header_map(
    cells: tuple[str, ...], required: tuple[str, ...] = _REQUIRED
) -> dict[str, int] | None:
    found: dict[str, int] = {}
    mapped = bool(mapped_columns())
    for i, cell in enumerate(cells):
        text = normalize(strip_html(cell)).replace(" ", "")
        if not text:
            continue
        own = _mapped_status_role(text) if mapped else None
        if own is None and text in _NAME_WORDS and "name" not in found:
            own = "name"  # 施策 | 目標 | 取組状況: a city's report names its measures so
        if own is not None:
            found[own] = i
            continue
        for column, words in _COLUMNS:
            if column not in found and any(w in text for w in words):
                found[column] = i
                break
    # NOTE: a city's own report often has no 施策No. column (目標 | 取組状況 | 担当課): its rows
    # are numbered in order, said by a warning. It needs a third known column.
    unnumbered = "no" not in found and required == _REQUIRED and len(found) >= 3
    if unnumbered and "target" in found and "status" in found:
        found["no"] = -1
        return found
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


_OFFICE = re.compile(r"^[^\sA-Za-z0-9]{1,16}?(?:課|室|部|局|係|班|センター|事務所)$")


def offices_in(text: str) -> tuple[str, ...]:
    """The offices named in an owner cell of a city's report (企画課, 子育て支援課・保育課)."""
    out: list[str] = []
    for token in _words(text):
        if _OFFICE.match(token) and token not in out:
            out.append(token)
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

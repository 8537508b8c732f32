"""Page furniture a PDF export leaves in table cells: page numbers (``- 12 -``) and the
running title of each page.

Here in ``text`` because both the plan-table reader (``read.plantable``) and the target reader
(``rules.target_text``) clean cells with it, and reading never imports rules.
"""

from __future__ import annotations

import re

from .normalize import normalize

__all__ = ["strip_furniture"]

_FURNITURE_PAGE = re.compile(r"(?<![0-9A-Za-z])[-−‐―]\s*[0-9]{1,3}\s*[-−‐―](?![0-9A-Za-z])")


def strip_furniture(text: str, running_titles: tuple[str, ...] = ()) -> str:
    """A cell without the page numbers (``- 12 -``) and running titles a PDF export left in.

    A running title inside 「」 or 『』 is a citation of the plan, and stays.
    """
    norm = normalize(text)
    out = _FURNITURE_PAGE.sub(" ", norm)
    for title in running_titles:
        title = normalize(title).strip()
        if not title:
            continue
        out = re.sub(rf"(?<![「『]){re.escape(title)}(?![」』])", " ", out)
    return re.sub(r"\s{2,}", " ", out).strip()

"""Room for text in the inline SVG charts: an estimate of a label's width, so that no label is
drawn past its chart's box and long names are shortened with … instead of being clipped.

The estimate is deliberately generous: a wide (CJK, full-width) character counts 1 em, any
other 0.62 em (digits and Latin letters of the sans-serif fonts we name are narrower).
"""

from __future__ import annotations

import unicodedata

NARROW_EM = 0.62


def text_width(text: str, size: float) -> float:
    """The width of ``text`` at font size ``size``, estimated from its characters."""
    return size * sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else NARROW_EM for ch in text)


def shorten(text: str, size: float, room: float) -> str:
    """``text``, cut with … so that it fits in ``room``."""
    if text_width(text, size) <= room:
        return text
    while text and text_width(text + "…", size) > room:
        text = text[:-1]
    return text + "…"


def fit_x(x: float, text: str, size: float, anchor: str, box: float, pad: float = 2) -> float:
    """``x`` moved, where needed, so that ``text`` drawn there with ``anchor`` stays within
    ``[pad, box - pad]``."""
    w = text_width(text, size)
    start = x - (w if anchor == "end" else w / 2 if anchor == "middle" else 0)
    if start < pad:
        x += pad - start
    elif start + w > box - pad:
        x -= start + w - (box - pad)
    return x


def spread(wanted: list[float], gap: float, low: float, high: float) -> list[float]:
    """Label positions near ``wanted`` (in order) at least ``gap`` apart, within
    ``[low, high]``: pushed down past their neighbours, then back up from the bottom."""
    placed: list[float] = []
    for y in wanted:
        placed.append(max(y, low, placed[-1] + gap if placed else low))
    for n in range(len(placed) - 1, -1, -1):
        limit = high if n == len(placed) - 1 else placed[n + 1] - gap
        placed[n] = min(placed[n], limit)
    return placed

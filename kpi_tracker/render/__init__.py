"""One module per output format; each exposes ``render(card, lang) -> str``.

Every text rendering leaves out the characters XML 1.0 forbids (``normalize.drop_forbidden``):
the reader drops them from documents, and this catches any other way in (a rules label, a
file name), so JUnit and HTML always parse and UTF-8 can always encode the output.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..text.normalize import drop_forbidden

if TYPE_CHECKING:
    from ..judge.scorecard import Scorecard


# The formats whose renderer takes ``dates`` (``--dates wareki|iso``); JSON and JUnit keep ISO.
DATED = frozenset({"md", "csv"})


def render_scorecard(card: Scorecard, fmt: str, lang: str = "ja", dates: str | None = None) -> str:
    module = {"md": "markdown", "json": "json_", "csv": "csv_", "junit": "junit", "html": "html"}[
        fmt
    ]
    renderer = import_module(f".{module}", __name__)
    if fmt in DATED:
        return drop_forbidden(renderer.render(card, lang, dates=dates))
    return drop_forbidden(renderer.render(card, lang))


def render_measures(document: Any, fmt: str) -> str:
    from . import measures

    return drop_forbidden(measures.render(document, fmt))

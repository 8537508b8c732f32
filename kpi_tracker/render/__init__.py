"""One module per output format; each exposes ``render(card, lang) -> str``, and those that
can write a piece at a time ``stream(card, lang)``, an iterator of text pieces.

Every text rendering leaves out the characters XML 1.0 forbids (``normalize.drop_forbidden``):
the reader drops them from documents, and this catches any other way in (a rules label, a
file name), so JUnit and HTML always parse and UTF-8 can always encode the output.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..text.normalize import drop_forbidden

if TYPE_CHECKING:
    from ..judge.scorecard import Scorecard


_MODULES = {"md": "markdown", "json": "json_", "csv": "csv_", "junit": "junit", "html": "html"}


def render_scorecard(card: Scorecard, fmt: str, lang: str = "ja") -> str:
    renderer = import_module(f".{_MODULES[fmt]}", __name__)
    return drop_forbidden(renderer.render(card, lang))


def stream_scorecard(card: Scorecard, fmt: str, lang: str = "ja") -> Iterator[str]:
    """The rendering in pieces (the whole text at once for a format that has no ``stream``),
    as rendered: the writer drops what XML forbids (``drop_forbidden``) from each piece, as
    the CLI's does."""
    renderer = import_module(f".{_MODULES[fmt]}", __name__)
    if hasattr(renderer, "stream"):
        return iter(renderer.stream(card, lang))
    return iter((renderer.render(card, lang),))


def render_measures(document: Any, fmt: str) -> str:
    from . import measures

    return drop_forbidden(measures.render(document, fmt))


def stream_measures(document: Any, fmt: str) -> Iterator[str]:
    """``render_measures`` in pieces, as rendered (see ``stream_scorecard``)."""
    from . import measures

    return measures.stream(document, fmt)

"""One module per output format; each exposes ``render(card, lang) -> str``."""

from __future__ import annotations

from importlib import import_module
from typing import Any


def render_scorecard(card: Any, fmt: str, lang: str = "ja") -> str:
    module = {"md": "markdown", "json": "json_", "csv": "csv_", "junit": "junit", "html": "html"}[
        fmt
    ]
    renderer = import_module(f".{module}", __name__)
    text: str = renderer.render(card, lang)
    return text


def render_measures(document: Any, fmt: str) -> str:
    from . import measures

    return measures.render(document, fmt)

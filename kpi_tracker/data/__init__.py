"""Package data: the era table, the unit registry, the ministry aliases."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent


def read_data(name: str) -> str:
    """The text of a data file shipped in this folder.

    NOTE: a plain path rather than importlib.resources, which costs ~7 ms at every start; the
    package is always installed as files (pip, editable or not).
    """
    return (DATA / name).read_text(encoding="utf-8")

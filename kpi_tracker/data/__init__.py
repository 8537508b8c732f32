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


def read_rows(name: str) -> list[list[str]]:
    """The rows of a tab-separated data file: one list of cells a line, blank lines and
    ``#`` comments left out."""
    return [
        [cell for cell in line.split("\t") if cell]
        for line in read_data(name).splitlines()
        if line.strip() and not line.startswith("#")
    ]

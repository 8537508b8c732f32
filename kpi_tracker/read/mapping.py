"""The header names a user maps to roles (``--column ROLE=HEADER``), for the time one document
is read: shared by the status table's columns and the sheets' vocabulary, importing neither."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["column_map", "mapped_columns"]

# Header name (as ``header_key`` compares it) → role, given by ``--column ROLE=HEADER`` or the
# configuration's ``column``; set for the time one document is read (``column_map``).
_MAPPED: ContextVar[tuple[tuple[str, str], ...]] = ContextVar("kpi_columns", default=())


def mapped_columns() -> tuple[tuple[str, str], ...]:
    return _MAPPED.get()


@contextmanager
def column_map(mapping: tuple[tuple[str, str], ...]) -> Iterator[None]:
    """Read a document with these header names mapped to roles (``parse_column_options``)."""
    token = _MAPPED.set(mapping)
    try:
        yield
    finally:
        _MAPPED.reset(token)

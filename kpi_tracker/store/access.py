"""A command that stores leaves no empty database behind when it fails.

Readers (``history``, ``compare`` of stored reports, trends) never create a database
(``store.open_store(create=False)``). ``ingest`` does, on first use; when it then fails before
storing anything (a rules file that does not validate, a document it cannot evaluate), the
SQLite file it created is removed again.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import db as store

__all__ = ["removed_unless_stored"]


def _missing(db: str | None) -> Path | None:
    """The SQLite file of ``db`` when it does not exist yet."""
    path = store.sqlite_file(db)
    return path if path is not None and not path.exists() else None


@contextmanager
def removed_unless_stored(db: str | None) -> Iterator[list[bool]]:
    """Around a command that stores: a SQLite file it creates is removed again when it fails
    before storing anything. The caller appends to the yielded list when it stores."""
    created = _missing(db)
    stored: list[bool] = []
    try:
        yield stored
    except BaseException:
        if created is not None and not stored:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(f"{created}{suffix}").unlink(missing_ok=True)
        raise

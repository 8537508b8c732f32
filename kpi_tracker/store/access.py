"""A command that stores leaves no empty database behind when it fails, and never removes one
that holds data.

Readers (``history``, ``compare`` of stored reports, trends) never create a database
(``store.open_store(create=False)``). ``ingest`` does, on first use; when it then fails before
storing anything (a rules file that does not validate, a document it cannot evaluate), the
SQLite file it created is removed again.

Two ``ingest`` runs may start on the same new file at once. Which of them created it is decided
by the file system, atomically (``O_CREAT | O_EXCL``): only that run may remove it, and only
after it has taken SQLite's write lock itself and found no table holding a row — the other run
may have stored its report meanwhile.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import db as store

__all__ = ["removed_unless_stored"]


def _create(db: str | None) -> Path | None:
    """The SQLite file of ``db`` when this run creates it (empty: SQLite takes an empty file as
    a new database); None when it exists already, or is no SQLite file."""
    path = store.sqlite_file(db)
    if path is None:
        return None
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError:  # it exists (another run's, or an earlier one's), or cannot be made here
        return None
    os.close(fd)
    return path


def _holds_data(connection: sqlite3.Connection) -> bool:
    """Whether a table holds a row (our schema version, written on creation, is no data)."""
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        if name != store.MetaRow.__tablename__
    ]
    for name in tables:
        quoted = '"' + name.replace('"', '""') + '"'
        if connection.execute(f"SELECT 1 FROM {quoted} LIMIT 1").fetchone() is not None:
            return True
    return False


def _remove_if_empty(path: Path) -> None:
    """Remove the database file unless a table in it holds a row; decided under the write lock
    (waiting for a run that is storing into it)."""
    try:
        connection = sqlite3.connect(path, timeout=60, isolation_level=None)
    except sqlite3.Error:
        return
    try:
        connection.execute("BEGIN IMMEDIATE")
        if _holds_data(connection):
            return
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    except sqlite3.Error:
        return  # not a database we can read: not ours to remove
    finally:
        connection.close()


@contextmanager
def removed_unless_stored(db: str | None) -> Iterator[list[bool]]:
    """Around a command that stores: a SQLite file it creates is removed again when it fails
    before storing anything and no other run stored into it. The caller appends to the yielded
    list when it stores."""
    created = _create(db)
    stored: list[bool] = []
    try:
        yield stored
    except BaseException:
        if created is not None and not stored:
            _remove_if_empty(created)
        raise

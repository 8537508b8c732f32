"""Writing output files: atomically, and never over an input.

Every file kpi-tracker writes (``-o FILE``, the baseline) goes through ``write_atomic``: the
bytes go to a temporary file in the same folder, are flushed to disk (fsync) and then renamed
over the target (``os.replace``). A full disk, a crash or a concurrent writer leaves the old
file whole or the new one whole, never a truncated mix. A target that is not a regular file
(``/dev/null``, a FIFO, a terminal) is written in place: renaming over it would replace the
device. A symbolic link is followed: the file it points to is replaced, the link stays.

``Inputs`` remembers the files a command read (device and inode, so a symbolic link or a hard
link to an input is the input) and refuses an output that is one of them.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from ..errors import KpiTrackerError, Location

__all__ = ["Inputs", "write_atomic"]


def _identity(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


class Inputs:
    """The files one command read, by identity (device, inode)."""

    def __init__(self) -> None:
        self._seen: dict[tuple[int, int], str] = {}

    def add(self, path: str | os.PathLike[str]) -> None:
        identity = _identity(path)
        if identity is not None:
            self._seen.setdefault(identity, os.fspath(path))

    def refuse(self, output: str, option: str = "-o") -> None:
        """A ``KpiTrackerError`` when ``output`` resolves to a file this command read."""
        identity = _identity(output)
        if identity is not None and identity in self._seen:
            read = self._seen[identity]
            same = "" if read == output else f" ({read})"
            raise KpiTrackerError(
                f"is an input of this command{same}; writing {option} there would destroy it: "
                "name another file",
                Location(output),
            )


def _mode_for(target: Path) -> int:
    """The permissions a plain ``open(…, "w")`` would give: the old file's, else the umask's."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_all(f: BinaryIO, data: bytes | Iterable[bytes]) -> None:
    if isinstance(data, bytes):
        f.write(data)
    else:
        f.writelines(data)


def write_atomic(path: str | os.PathLike[str], data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` (bytes, or pieces of bytes written as they come: a stream) to ``path``
    whole or not at all (see the module docstring).

    Raises ``OSError`` as ``open`` would; the temporary file is removed on any failure.
    """
    target = Path(os.path.realpath(path))
    try:
        mode = os.stat(target).st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with open(target, "wb") as f:  # a device or a FIFO: nothing to replace
            _write_all(f, data)
        return
    if mode is not None and not os.access(target, os.W_OK):
        # NOTE: a rename would replace a file its owner made read-only; open() would refuse.
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    folder = target.parent
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            _write_all(f, data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    try:  # the rename itself is made durable with the folder's entry
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(dir_fd)
    finally:
        os.close(dir_fd)

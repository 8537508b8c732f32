"""A large KPI sheet judged in shares, one process each, where the machine has the cores.

Each share reads every row of the file (reading is the cheap part: numbering the measures in
file order needs every row) and judges only the measures whose number is k modulo n; the
parent takes share 0, a forked child each other share, writing what it judged to files the
parent opened before the fork and sending its counts back through a pipe. What the whole
sheet says is then put together by the parent (``StreamedSheet.merge``): the same counts, the
same first warnings, the same bytes as one process judging it all.

A share that fails (an error in its rows, a sheet that turns out not to stream) makes the
whole fail with ``ShareFailed``: the caller then reads the sheet whole, which reports the
first error in the file, as one process would. POSIX only (``os.fork``); elsewhere, one share.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import KpiTrackerError, Location

if TYPE_CHECKING:
    from .sheet_stream import StreamedSheet

__all__ = ["ShareFailed", "in_shares", "jobs_for"]


class ShareFailed(Exception):
    """A share of the sheet failed: the caller reads the sheet whole, which says why (the
    first error in the file). Not a ``KpiTrackerError``: it is never shown."""


# A sheet smaller than this is judged in one process: a share's start (a fork, its own read
# of the header) is not worth it under about 30,000 rows (measured: docs/performance.md).
SHARED_FROM_BYTES = 8 * 1024 * 1024
MAX_SHARES = 4  # every share reads all rows: more shares add less than they cost


def jobs_for(path: str | None) -> int:
    """How many shares to judge the sheet at ``path`` in: ``KPI_TRACKER_JOBS`` when set (1:
    one process; anything but a whole number ≥ 1 is an error), else one per usable core (up
    to MAX_SHARES) for a large file."""
    if path is None or not hasattr(os, "fork"):
        return 1
    setting = os.environ.get("KPI_TRACKER_JOBS", "").strip()
    if setting:
        if not (setting.isdigit() and int(setting) >= 1):
            raise KpiTrackerError(
                f"{setting!r} is not a number of processes (1, 2, …)",
                Location("KPI_TRACKER_JOBS"),  # (the environment variable, as a place)
            )
        return min(int(setting), MAX_SHARES)
    try:
        if Path(path).stat().st_size < SHARED_FROM_BYTES:
            return 1
    except OSError:
        return 1
    usable = (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )  # (the cores this process may run on, where the system says: Linux)
    return max(1, min(usable, MAX_SHARES))


def in_shares(
    sheet: StreamedSheet,
    reopen: Callable[[], StreamedSheet],
    n: int,
    judge: Callable[[StreamedSheet, int], Any],
) -> list[Any]:
    """Run ``judge(share_sheet, k)`` for k = 1 … n-1 in forked children (each on ``reopen()``,
    a new reading of the same file) and for k = 0 here on ``sheet``; then merge the children's
    counts into ``sheet``. Returns what each share's ``judge`` returned (a child's, pickled),
    in order of k. Raises ``ShareFailed`` when any share failed (the reading's own
    ``NotStreamable`` where this process's share turned out not to stream)."""
    children: list[tuple[int, int]] = []  # (pid, read end of its pipe)
    try:
        for k in range(1, n):
            children.append(_fork(reopen, n, k, judge))
        sheet.in_share(0, n)
        own = judge(sheet, 0)
    except KpiTrackerError as exc:
        # NOTE: another share may hold an earlier error: the whole read says the first.
        _stop(children)
        raise ShareFailed("a share of the sheet failed: read whole") from exc
    except BaseException:
        _stop(children)
        raise
    results = [_collect(pid, fd) for pid, fd in children]
    done = [r for r in results if r is not None]
    if len(done) < len(results):
        raise ShareFailed("a share of the sheet failed: read whole")
    sheet.merge(part for part, _ in done)
    return [own, *(made for _, made in done)]


def _fork(
    reopen: Callable[[], StreamedSheet], n: int, k: int, judge: Callable[[StreamedSheet, int], Any]
) -> tuple[int, int]:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return pid, read_end
    # The child: never returns, never runs the parent's handlers or flushes its buffers.
    status = 1
    try:
        os.close(read_end)
        share = reopen()
        share.in_share(k, n)
        made = judge(share, k)
        payload = pickle.dumps((share.part(), made), pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
        status = 0
    except BaseException:  # said by the exit status: the parent then reads the sheet whole
        status = 1
    finally:
        os._exit(status)


def _collect(pid: int, fd: int) -> tuple[Any, Any] | None:
    """A child's (part, result), or None when it failed."""
    with os.fdopen(fd, "rb") as f:
        payload = f.read()  # read before waiting: a payload larger than the pipe blocks it
    _, status = os.waitpid(pid, 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0 or not payload:
        return None
    result: tuple[Any, Any] = pickle.loads(payload)  # (our own child's bytes)
    return result


def _stop(children: list[tuple[int, int]]) -> None:
    for pid, fd in children:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        os.close(fd)
        os.waitpid(pid, 0)

"""Bytes → rows of cells with their line numbers (TSV, CSV; a binary format by its reader).

The input is opened once: a regular file is read twice through the same handle (a first pass
over the bytes, then the rows); a pipe, FIFO or stdin (``-``) is copied to a spooled temporary
file during the first pass. The first pass hashes the bytes (SHA-256), counts them against the
size cap and decides the encoding: a BOM first (UTF-8, UTF-16), then strict UTF-8, then strict
CP932. The ``shift_jis`` codec is never used: it fails on ① and Ⅲ and maps the tilde
differently. Rows are streamed: memory grows with the measures kept, not with the file.
Characters XML 1.0 forbids (NUL, form feeds, lone surrogates) are dropped from every cell.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import DocumentError, Location
from ..model import RawDocument, Row
from ..text.normalize import drop_forbidden, drop_forbidden_cells, has_forbidden
from . import binary_reader, binary_rows, is_binary_suffix

MAX_BYTES = 1024 * 1024 * 1024  # 1 GiB: far beyond any status table
MAX_LINE = 8 * 1024 * 1024  # characters in one line: a longer one is not a table row
_CHUNK = 1 << 20
_DECODE_ONCE = 32 * 1024 * 1024  # bytes: a table up to this size is decoded once
_SPOOL_IN_MEMORY = 64 * 1024 * 1024  # a piped input larger than this spills to a temporary file
STDIN = "<stdin>"


class _Decodable:
    """Whether the bytes decode with one codec, and on which line they first do not."""

    def __init__(self, codec: str, keep: bool = False) -> None:
        self.codec = codec
        self.decoder = codecs.getincrementaldecoder(codec)()
        self.ok = True
        self.failed_line = 0
        self.reason = ""
        self.cut = False  # the bytes end inside a character
        self.pieces: list[str] | None = [] if keep else None  # the text, when it is kept

    def feed(self, chunk: bytes, lines_before: int) -> None:
        if not self.ok:
            return
        try:
            text = self.decoder.decode(chunk)
            if self.pieces is not None:
                self.pieces.append(text)
        except UnicodeDecodeError as exc:
            self.pieces = None
            self.ok = False
            self.failed_line = lines_before + chunk.count(b"\n", 0, max(exc.start, 0)) + 1
            self.reason = exc.reason

    def finish(self, lines: int) -> None:
        if not self.ok:
            return
        try:
            text = self.decoder.decode(b"", final=True)
            if self.pieces is not None:
                self.pieces.append(text)
        except UnicodeDecodeError as exc:
            self.ok, self.cut, self.failed_line, self.reason = False, True, lines, exc.reason
            self.pieces = None


def _text_codec(encoding: str, where: Location) -> str:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise DocumentError(f"cannot decode as {encoding}: unknown encoding", where) from None
    # NOTE: base64, rot13, zlib… are codecs too, from bytes to bytes or str to str.
    if not getattr(info, "_is_text_encoding", True):
        raise DocumentError(f"{encoding} is not a text encoding", where)
    return encoding


def _first_pass(  # type: ignore[no-untyped-def]
    f: IO[bytes], copy: IO[bytes] | None, source: str, encoding: str | None, keep: bool = False
):
    """SHA-256 of the bytes, their first bytes, and the encoding to read them with; ``keep``:
    also the decoded text (a 5th value, None where it was not kept)."""
    where = Location(source)
    if encoding:
        _text_codec(encoding, where)
    digest = hashlib.sha256()
    candidates = [] if encoding else [_Decodable("utf-8", keep), _Decodable("cp932", keep)]
    head = b""
    blank = True
    size = 0
    lines = 0
    run = 0  # bytes since the last line end
    while chunk := f.read(_CHUNK):
        size += len(chunk)
        if size > MAX_BYTES:
            raise DocumentError(
                f"more than {MAX_BYTES:,} bytes; a status table is expected to be under "
                f"{MAX_BYTES:,}",
                where,
            )
        digest.update(chunk)
        if copy is not None:
            copy.write(chunk)
        if len(head) < 8:
            head += chunk[: 8 - len(head)]
        blank = blank and not chunk.strip()
        for c in candidates:
            c.feed(chunk, lines)
        last_end = max(chunk.rfind(b"\n"), chunk.rfind(b"\r"))
        run = run + len(chunk) if last_end < 0 else len(chunk) - last_end - 1
        # NOTE: no codec takes more than 4 bytes a character: 4 × MAX_LINE bytes without a line
        # end is a line too long in any of them (and /dev/zero stops here).
        if run > 4 * MAX_LINE:
            raise DocumentError(
                f"line longer than {MAX_LINE:,} characters: not a status table",
                Location(source, lines + 1),
            )
        lines += chunk.count(b"\n")
    if blank:
        raise DocumentError("empty file", where)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise DocumentError("the old Excel format (.xls) is not read; save it as .xlsx", where)
    if encoding:
        return digest.hexdigest(), head, encoding, None
    if binary_reader(head, "", False, where) is not None:
        return digest.hexdigest(), head, "binary", None  # read by its reader, never decoded
    if head.startswith(b"\xef\xbb\xbf"):
        return digest.hexdigest(), head, "utf-8-sig", None
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return digest.hexdigest(), head, "utf-16", None
    for c in candidates:
        c.finish(lines + 1)
    chosen = next((c for c in candidates if c.ok), None)
    if chosen is not None:
        text = "".join(chosen.pieces) if chosen.pieces is not None else None
        return digest.hexdigest(), head, chosen.codec, text
    # Neither decodes: name the line of the codec that got further (the likelier one).
    best = max(candidates, key=lambda c: c.failed_line)
    if best.cut:
        raise DocumentError(
            "the file ends inside a character (cut short?)", Location(source, best.failed_line)
        )
    raise DocumentError(
        f"cannot decode as {best.codec} ({best.reason}); use --encoding to name it",
        Location(source, best.failed_line),
    )


def _open(path: Path, source: str) -> IO[bytes]:
    where = Location(source)
    try:
        if path.is_dir():
            raise DocumentError("is a directory, not a document", where)
        return path.open("rb")
    except OSError as exc:
        raise DocumentError(f"cannot read: {exc.strerror or exc}", where) from None


def _is_regular(f: IO[bytes]) -> bool:
    try:
        return stat.S_ISREG(os.fstat(f.fileno()).st_mode)
    except (AttributeError, OSError, ValueError):  # a BytesIO, a test runner's stdin
        return False


def read_rows(
    path: str | Path | IO[bytes], encoding: str | None = None, source: str | None = None
) -> RawDocument:
    """Rows of a file, or of a binary stream (stdin) named ``source``; the input is read once."""
    if isinstance(path, (str, Path)):
        path = Path(path)
        source = source or str(path)
        suffix = path.suffix.lower()
        where = Location(source)
        if suffix == ".xls":
            raise DocumentError("the old Excel format (.xls) is not read; save it as .xlsx", where)
        f = _open(path, source)
    else:
        f, source, suffix = path, source or STDIN, ""
        where = Location(source)
    data: IO[bytes] = f
    try:
        if _is_regular(f):
            size = os.fstat(f.fileno()).st_size
            if size > MAX_BYTES:
                raise DocumentError(
                    f"file is {size:,} bytes; a status table is expected to be under {MAX_BYTES:,}",
                    where,
                )
            # NOTE: a table of ordinary size is decoded once, in the first pass, and its
            # rows read from that text; a larger one is read again as a stream.
            keep = size <= _DECODE_ONCE and suffix != ".csv" and not is_binary_suffix(suffix)
            sha, head, chosen, text = _first_pass(f, None, source, encoding, keep)
        else:
            import tempfile  # only for pipes: ~4 ms of imports

            data = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY)  # noqa: SIM115
            sha, head, chosen, text = _first_pass(f, data, source, encoding)
            f.close()
        data.seek(0)
    except (OSError, DocumentError) as exc:
        f.close()
        data.close()
        if isinstance(exc, DocumentError):
            raise
        raise DocumentError(f"cannot read: {exc.strerror or exc}", where) from None
    try:
        reader = binary_reader(head, suffix, source != STDIN, where)
    except DocumentError:
        data.close()
        raise
    if reader is not None:
        with data:
            content = data.read()
        return RawDocument(source, sha, reader.name, binary_rows(reader, content, source))
    if text is not None:
        data.close()
        return RawDocument(source, sha, chosen, _text_rows(text, source))
    read = _csv_rows if suffix == ".csv" else _tsv_rows
    rows = read(data, source, chosen, bool(encoding))
    return RawDocument(source, sha, chosen, rows)


def _text(data: IO[bytes], encoding: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(data, encoding=encoding, errors="strict", newline="")


def _decode_error(
    encoding: str, exc: ValueError, source: str, line: int, forced: bool
) -> DocumentError:
    reason = getattr(exc, "reason", None) or str(exc)
    hint = "is it the file's encoding?" if forced else "use --encoding to name it"
    return DocumentError(f"cannot decode as {encoding} ({reason}); {hint}", Location(source, line))


def _tsv_rows(data: IO[bytes], source: str, encoding: str, forced: bool) -> Iterator[Row]:
    number = 0
    with _text(data, encoding) as f:
        while True:
            try:
                line = f.readline(MAX_LINE + 1)
            except ValueError as exc:  # UnicodeError, or what an odd text codec raises
                raise _decode_error(encoding, exc, source, number + 1, forced) from None
            if not line:
                return
            number += 1
            if len(line) > MAX_LINE:
                raise DocumentError(
                    f"line longer than {MAX_LINE:,} characters: not a status table",
                    Location(source, number),
                )
            # NOTE: readline keeps "\r\n", "\n" or "\r" (newline=""): one row per line either way.
            body = drop_forbidden(line.rstrip("\r\n"))
            yield Row(number, tuple(body.split("\t")), ended=line.endswith(("\n", "\r")))


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _text_rows(text: str, source: str) -> Iterator[Row]:
    """The rows of a decoded table, as ``_tsv_rows`` reads them from a stream: one row per
    line ("\r\n", "\n" or "\r"), the last one ``ended`` only with a line break after it."""
    lines = _LINE_BREAK.split(text) if "\r" in text else text.split("\n")
    clean = not has_forbidden(text)  # one search, not one per row
    last = len(lines) - 1
    for number, body in enumerate(lines, start=1):
        ended = number <= last
        if not ended and not body:
            return  # the text ends with a line break
        if len(body) + ended > MAX_LINE:
            raise DocumentError(
                f"line longer than {MAX_LINE:,} characters: not a status table",
                Location(source, number),
            )
        if not clean:
            body = drop_forbidden(body)
        yield Row(number, tuple(body.split("\t")), ended=ended)


def _csv_rows(data: IO[bytes], source: str, encoding: str, forced: bool) -> Iterator[Row]:
    import csv

    with _text(data, encoding) as f:
        csv.field_size_limit(MAX_LINE)
        reader = csv.reader(f, strict=True)
        line = 1
        try:
            for cells in reader:
                yield Row(line, drop_forbidden_cells(cells))
                line = reader.line_num + 1
        except csv.Error as exc:
            raise DocumentError(
                f"malformed CSV: {exc}", Location(source, reader.line_num)
            ) from None
        except ValueError as exc:
            raise _decode_error(encoding, exc, source, line, forced) from None

"""``--format json``: the scorecard as ``scorecard_dict`` shapes it, keys in English, written
as a stream.

The document is written a piece at a time with the C encoder (``json.dumps`` without
``indent`` uses it; ``indent`` forces the pure-Python one, several times slower): one top-level
key per line, and each item of a top-level list (a measure, an indicator) on a line of its own.
Nothing the size of the whole document is built, neither the dict nor the text: memory stays
that of one indicator however many there are.

A sheet judged as it is read (``judge.sheet_stream``) gives its measures in the order it closes
them and its counts at the end, while the JSON lists the counts first and the measures in the
scorecard's order: ``spool`` writes each measure's and its indicators' JSON text to temporary
files as they come, then the document is written from them, in order, with the same bytes.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:  # NOTE: `measures --format json` uses chunks alone: no judge imports
    from ..judge.scorecard import Scorecard
    from ..judge.sheet_stream import StreamedSheet
    from ..shape import IndicatorData

__all__ = ["Spooled", "chunks", "dumps", "render", "spool", "stream"]

# NOTE: a JSONEncoder without indent encodes with the C accelerator (c_make_encoder).
_encode = json.JSONEncoder(ensure_ascii=False).encode


class Encoded(str):
    """A value already encoded as JSON text (``chunks`` writes it as it is)."""

    __slots__ = ()


class Lazy:
    """A top-level value computed when the writer reaches it (after the values before it)."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def chunks(data: Mapping[str, Any] | list[Any] | Any) -> Iterator[str]:
    """``data`` as JSON text in pieces: a top-level object one key per line, a top-level list
    (or a list, or iterator, under a top-level key) one item per line; the rest compact.
    An iterator (e.g. a generator) is written as a list without being kept; a ``Lazy`` value
    is computed when its turn comes."""
    if isinstance(data, Mapping):
        if not data:
            yield "{}\n"
            return
        yield "{\n"
        last = len(data) - 1
        for i, (key, value) in enumerate(data.items()):
            yield f"  {_encode(key)}: "
            if isinstance(value, Lazy):
                value = value.make()
            if isinstance(value, list | Iterator):
                yield from _items(value, "  ")
            else:
                yield _encode(value)
            yield ",\n" if i < last else "\n"
        yield "}\n"
    elif isinstance(data, list | Iterator):
        yield from _items(data, "")
        yield "\n"
    else:
        yield _encode(data) + "\n"


def _items(values: Iterable[Any], indent: str) -> Iterator[str]:
    first = True
    for value in values:
        yield f"[\n{indent}  " if first else f",\n{indent}  "
        yield value if type(value) is Encoded else _encode(value)
        first = False
    yield "[]" if first else f"\n{indent}]"


def dumps(data: Any) -> str:
    return "".join(chunks(data))


def stream(card: Scorecard, lang: str = "ja") -> Iterator[str]:
    """The scorecard JSON, piece by piece: the same keys, values and order as
    ``json.dumps(scorecard_dict(card))``."""
    from ..judge.scorecard import indicator_dicts, measure_dict, report_dict
    from .wording import wording

    say = wording(lang, "iso").reason
    indicators: Iterator[IndicatorData] = indicator_dicts(card, say)
    data: dict[str, Any] = {
        "report": report_dict(card),
        "summary": card.summary(),
        "measures": (measure_dict(m, say) for m in card.measures),
        "indicators": indicators,
        "warnings": list(card.warnings),
    }
    if card.previous is not None:
        from ..judge.compare import PreviousReport

        against = PreviousReport(card.previous)

        def attached(items: Iterator[IndicatorData]) -> Iterator[IndicatorData]:
            for ind in items:
                against.attach(ind)
                yield ind

        data["indicators"] = attached(indicators)
        data["year_over_year"] = Lazy(against.year_over_year)
    return chunks(data)


def render(card: Scorecard, lang: str = "ja") -> str:
    """The contract's shape: reasons said in ``lang``, every date ISO (``--dates`` does not
    apply: JSON is read by programs)."""
    return "".join(stream(card, lang))


# Per spooled measure: rank, line, the share whose files hold it, offset and size of its text,
# of its indicators', and their count.
_FIELDS = 8


class Spooled:
    """A streamed sheet's scorecard JSON, its measures and indicators spooled to temporary
    files (``spool``); ``pieces`` writes it, once, and removes them. With ``reopen`` and
    ``jobs`` > 1 the sheet is judged in shares (``judge.shares``), a pair of files each."""

    def __init__(
        self,
        sheet: StreamedSheet,
        lang: str,
        reopen: Callable[[], StreamedSheet] | None = None,
        jobs: int = 1,
    ) -> None:
        import tempfile

        from ..judge.scorecard import report_dict

        n = jobs if reopen is not None else 1
        self.files: list[tuple[IO[bytes], IO[bytes]]] = [
            (tempfile.TemporaryFile(), tempfile.TemporaryFile())  # noqa: SIM115
            for _ in range(n)
        ]
        self.index = array("q")  # _FIELDS a measure
        self.head: dict[str, Any] = {}
        try:
            if reopen is not None and n > 1:
                from ..judge.shares import in_shares

                for made in in_shares(sheet, reopen, n, lambda s, k: self._fill(s, lang, k)):
                    self.index.frombytes(made)
            else:
                self.index.frombytes(self._fill(sheet, lang, 0))
            self.card = card = sheet.scorecard()
            self.head = {"report": report_dict(card), "summary": sheet.summary()}
            self.warnings = list(card.warnings)
        except BaseException:
            self.close()
            raise

    def _fill(self, sheet: StreamedSheet, lang: str, share: int) -> bytes:
        """Judge ``sheet`` (its share) into the files of ``share``; its index entries, as bytes
        (what a share judged in another process sends back)."""
        from ..judge.scorecard import entry_with, measure_dict
        from ..judge.sheet_stream import in_batches
        from .wording import wording

        say = wording(lang, "iso").reason
        measures, indicators = self.files[share]
        at_measure = at_indicator = 0
        index = array("q")
        for batch in in_batches(sheet.measures(), 8):
            for judged in batch:
                m = judged.measure
                text = _encode(measure_dict(m, say)).encode("utf-8", "surrogatepass")
                items = "\n".join(
                    _encode(entry_with(m, o, say, extra))
                    for o, extra in zip(m.outcomes, judged.extras, strict=True)
                ).encode("utf-8", "surrogatepass")
                measures.write(text)
                indicators.write(items)
                count = len(m.outcomes)
                index.extend(
                    (*judged.order, share, at_measure, len(text), at_indicator, len(items), count)
                )
                at_measure += len(text)
                at_indicator += len(items)
        measures.flush()
        indicators.flush()
        return index.tobytes()

    def _order(self) -> list[int]:
        index = self.index
        return sorted(range(0, len(index), _FIELDS), key=lambda k: (index[k], index[k + 1]))

    def _measures(self, order: list[int]) -> Iterator[Encoded]:
        files, index = self.files, self.index
        for k in order:
            f = files[index[k + 2]][0]
            f.seek(index[k + 3])
            yield Encoded(f.read(index[k + 4]).decode("utf-8", "surrogatepass"))

    def _indicators(self, order: list[int]) -> Iterator[Encoded]:
        files, index = self.files, self.index
        for k in order:
            if not index[k + 7]:
                continue
            f = files[index[k + 2]][1]
            f.seek(index[k + 5])
            for text in f.read(index[k + 6]).decode("utf-8", "surrogatepass").split("\n"):
                yield Encoded(text)

    def pieces(self) -> Iterator[str]:
        """The JSON text, piece by piece: the bytes ``stream`` writes for the same sheet read
        whole."""
        try:
            order = self._order()
            data = {
                **self.head,
                "measures": self._measures(order),
                "indicators": self._indicators(order),
                "warnings": self.warnings,
            }
            from .parts import batched

            yield from batched(chunks(data))  # fewer, larger pieces for the writer
        finally:
            self.close()

    def close(self) -> None:
        for measures, indicators in self.files:
            measures.close()
            indicators.close()


def spool(
    sheet: StreamedSheet,
    lang: str = "ja",
    reopen: Callable[[], StreamedSheet] | None = None,
    jobs: int = 1,
) -> Spooled:
    """Judge and spool a streamed sheet's whole scorecard (see the module's note); nothing is
    written until ``Spooled.pieces`` is read. ``reopen`` (a new reading of the same file) and
    ``jobs`` > 1: judged in that many shares, one process each (``judge.shares``); raises
    ``judge.shares.ShareFailed`` when a share fails."""
    return Spooled(sheet, lang, reopen, jobs)

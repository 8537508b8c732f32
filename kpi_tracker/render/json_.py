"""``--format json``: the scorecard as ``scorecard_dict`` shapes it, keys in English, written
as a stream.

The document is written a piece at a time with the C encoder (``json.dumps`` without
``indent`` uses it; ``indent`` forces the pure-Python one, several times slower): one top-level
key per line, and each item of a top-level list (a measure, an indicator) on a line of its own.
Nothing the size of the whole document is built, neither the dict nor the text: memory stays
that of one indicator however many there are.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # NOTE: `measures --format json` uses chunks alone: no judge imports
    from ..judge.scorecard import Scorecard
    from ..shape import IndicatorData

__all__ = ["chunks", "dumps", "render", "stream"]

# NOTE: a JSONEncoder without indent encodes with the C accelerator (c_make_encoder).
_encode = json.JSONEncoder(ensure_ascii=False).encode


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
        yield _encode(value)
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

"""``--format csv``: one row per indicator, UTF-8 with BOM so Excel reads the Japanese right;
column names and statuses follow ``--lang``."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..judge.scorecard import Scorecard
from ..text.normalize import one_line
from .columns import INDICATOR_COLUMNS, YOY_COLUMNS, column_name, indicator_row
from .parts import parts
from .wording import wording

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Neutralise spreadsheet formulas (CSV injection): text starting =, +, -, @ gets a quote;
    and keep each record one line: a line break or control character in text is written as
    its escape (``\\n``), so no line of a cell reaches a log on its own."""
    if not isinstance(value, str):
        return value
    value = one_line(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


def render(card: Scorecard, lang: str = "ja", *, dates: str | None = None) -> str:
    """One row per indicator; column names, statuses and reasons in ``lang``, dates as
    ``dates`` (和暦 by default for Japanese)."""
    return "".join(stream(card, lang, dates=dates))


def stream(card: Scorecard, lang: str = "ja", *, dates: str | None = None) -> Iterator[str]:
    """``render`` a measure at a time (``parts``: nothing the size of the whole scorecard is
    built unless a previous report or ``--explain`` needs it)."""
    say = wording(lang, dates)
    made = parts(card, say.reason)
    columns = INDICATOR_COLUMNS + (YOY_COLUMNS if made.yoy else ())
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column_name(c, lang) for c in columns])
    yield "\ufeff" + buffer.getvalue()
    for m, inds in made.pairs:
        if not inds:
            continue
        buffer.seek(0)
        buffer.truncate()
        for ind in inds:
            row = indicator_row(ind, m, lang, say.dates)
            writer.writerow([safe_cell("" if row[c] is None else row[c]) for c in columns])
        yield buffer.getvalue()

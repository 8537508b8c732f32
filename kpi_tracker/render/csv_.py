"""``--format csv``: one row per indicator, UTF-8 with BOM so Excel reads the Japanese right;
column names and statuses follow ``--lang``."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..judge.scorecard import Scorecard, indicator_dicts, measure_dict, scorecard_dict
from .columns import (
    INDICATOR_COLUMNS,
    column_name,
    indicator_columns,
    indicator_row,
    indicator_rows,
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Neutralise spreadsheet formulas (CSV injection): text starting =, +, -, @ gets a quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def render(card: Scorecard, lang: str = "ja") -> str:
    """One row per indicator; column names and statuses in ``lang``."""
    data = scorecard_dict(card)
    columns = indicator_columns(data)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column_name(c, lang) for c in columns])
    for row in indicator_rows(data, lang):
        writer.writerow([safe_cell("" if row[c] is None else row[c]) for c in columns])
    return "\ufeff" + buffer.getvalue()


def stream(card: Scorecard, lang: str = "ja") -> Iterator[str]:
    """``render`` a measure at a time (the whole at once with a previous report, whose
    columns need every indicator first)."""
    if card.previous is not None:
        yield render(card, lang)
        return
    columns = INDICATOR_COLUMNS
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column_name(c, lang) for c in columns])
    yield "\ufeff" + buffer.getvalue()
    indicators = indicator_dicts(card)
    for m in card.measures:
        if not m.outcomes:
            continue
        buffer.seek(0)
        buffer.truncate()
        data = measure_dict(m)
        for _ in m.outcomes:
            row = indicator_row(next(indicators), data, lang)
            writer.writerow([safe_cell("" if row[c] is None else row[c]) for c in columns])
        yield buffer.getvalue()

"""``--format csv``: one row per indicator, UTF-8 with BOM so Excel reads the Japanese right;
column names and statuses follow ``--lang``."""

from __future__ import annotations

import csv
import io

from ..judge.scorecard import Scorecard, scorecard_dict
from .columns import column_name, indicator_columns, indicator_rows
from .wording import wording

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """Neutralise spreadsheet formulas (CSV injection): text starting =, +, -, @ gets a quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def render(card: Scorecard, lang: str = "ja", *, dates: str | None = None) -> str:
    """One row per indicator; column names, statuses and reasons in ``lang``, dates as
    ``dates`` (和暦 by default for Japanese)."""
    say = wording(lang, dates)
    data = scorecard_dict(card, say.reason)
    columns = indicator_columns(data)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column_name(c, lang) for c in columns])
    for row in indicator_rows(data, lang, say.dates):
        writer.writerow([safe_cell("" if row[c] is None else row[c]) for c in columns])
    return "\ufeff" + buffer.getvalue()

"""HTML pages from Jinja2 templates (``render/templates/``, package data), autoescaped.

Jinja2 is imported here, inside ``page()``, so that only a command that renders HTML pays for
it (about 25 ms); ``scorecard --format json`` and the other formats never load it. Every
value a template prints is escaped unless a renderer marks it as built markup
(``markupsafe.Markup``: the inline SVG charts, whose own text is escaped where it is built).

Plug points for other stages, filters available in every template:

- ``date``: an ISO date as the reader wants it; ``dates`` in the context (``iso`` by default)
  names the style, and ``DATE_STYLES`` maps a style to its formatter (``--dates wareki`` adds
  one there).
- ``percent``: a share as a whole percentage (``93%``), ``—`` for none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from .text import labels, progress_text

if TYPE_CHECKING:
    from jinja2 import Environment


def _wareki(text: str) -> str:
    from ..text.wareki import format_deadline

    return format_deadline(text, "wareki")


# NOTE: a date in a report is a deadline or an as-of day: 令和7年度末 when it is a fiscal
# year's last day, else 令和8年4月1日.
DATE_STYLES: dict[str, Callable[[str], str]] = {"iso": str, "wareki": _wareki}

# Words the templates use beyond ``text.labels`` (ja, en).
EXTRA_LABELS = {
    "ja": {
        "attainment": "達成率",
        "attainment_help": "達成率: 実績 ÷ 目標(減らす目標は 目標 ÷ 実績)",
        "progress_help": "進捗: 基準値から目標までの道のりのうち進んだ割合",
        "no_target_rows": "定量目標のない施策",
        "only_missed": "未達の目標のみを表示",
        "only_flagged": "CI で失敗とする目標のみを表示",
        "print_note": "印刷: A4 横。未達の目標を先頭に、定量目標のない施策は1行ずつ。",
        "table_fallback": "表で見る",
        "lines_shown": "状態が変わった指標、または目標の線を越えた指標だけを線で示します。",
        "nothing_moved": "状態が変わった指標、目標の線を越えた指標はありません。",
        "unit": "単位",
        "slope_attainment": "達成率: 前回 → 今回",
        "empty_cards": "数値のない指標 {n} 件は省略",
    },
    "en": {
        "attainment": "attainment",
        "attainment_help": "attainment: actual ÷ target (target ÷ actual for a decrease)",
        "progress_help": "progress: share of the way from the baseline to the target",
        "no_target_rows": "measures without a quantitative target",
        "only_missed": "Missed targets only",
        "only_flagged": "Targets that fail the CI gate only",
        "print_note": "Print: A4 landscape; missed targets first, one line per measure "
        "without a target.",
        "table_fallback": "as a table",
        "lines_shown": "Only the indicators whose status changed or that crossed the target "
        "line are drawn.",
        "nothing_moved": "No indicator changed status or crossed the target line.",
        "unit": "unit",
        "slope_attainment": "Attainment: previous → current",
        "empty_cards": "{n} indicators without values left out",
    },
}


def words(lang: str) -> dict[str, str]:
    """``text.labels`` and the templates' own words, in ``lang``."""
    return {**labels(lang), **EXTRA_LABELS.get(lang, EXTRA_LABELS["ja"])}


def _date(value: object, style: str = "iso") -> str:
    if value is None or value == "":
        return "—"
    return DATE_STYLES.get(style, str)(str(value))


@cache
def environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
    from markupsafe import Markup, escape

    from .text import HTML_BREAKS

    def one_line_escaped(value: Any) -> Any:
        # NOTE: a document's text may hold line breaks; escaped, each line end is a character
        # reference, so no line of the page starts with the document's words (``::error``).
        if isinstance(value, str) and not isinstance(value, Markup):
            return Markup(str(escape(value)).translate(HTML_BREAKS))
        return value

    env = Environment(
        loader=PackageLoader("kpi_tracker.render", "templates"),
        autoescape=True,
        finalize=one_line_escaped,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

    @pass_context
    def date_filter(ctx: Any, value: object) -> str:
        return _date(value, ctx.get("dates", "iso"))

    env.filters["date"] = date_filter
    env.filters["percent"] = progress_text
    return env


def page(name: str, **context: Any) -> str:
    """The template ``name`` rendered with ``context``."""
    return environment().get_template(name).render(**context)


def stream_page(name: str, **context: Any) -> Iterator[str]:
    """``page`` in pieces of about 64 KB, rendered as they are written (an iterable in the
    context is read as the template reaches it)."""
    from .parts import batched

    return batched(environment().get_template(name).generate(**context))


def markup(html: str) -> Any:
    """Markup built (and escaped) by a renderer, to be printed as is."""
    from markupsafe import Markup

    return Markup(html)

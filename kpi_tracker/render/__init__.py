"""Rendering: a computed value (a scorecard, a gate's verdict, a comparison, the stored
history, a document's measures) → the text or bytes of one output format.

Owns: one module per format, and the table below that names them (``RENDERERS``): what is
rendered, the format's name as ``--format`` spells it, and the module and function that do it.
A new format is one module plus one line in the table; the command line offers every format
the table lists for its command, in the table's order; importing this package loads no
renderer (the command line reads the table at start-up); ``files`` writes a rendering to a
file atomically, never over an input. May import: ``model``, ``text``, ``shape``, ``judge``
(the values it renders), ``errors``. Never ``read``, ``store``, ``pipeline`` or ``cli``;
nothing here prints.

Every text rendering leaves out the characters XML 1.0 forbids (``normalize.drop_forbidden``):
the reader drops them from documents, and this catches any other way in (a rules label, a
file name), so JUnit and HTML always parse and UTF-8 can always encode the output. Only the
terminal views keep their colour escapes.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from ..judge.scorecard import Scorecard

__all__ = ["RENDERERS", "Renderer", "formats", "render", "render_measures", "render_scorecard"]


class Renderer(NamedTuple):
    """One output format of one kind of value.

    The function is called as ``function(value, **options)`` with only the options it
    ``takes``: ``lang``, ``fmt`` (the format's name, for a module that renders several),
    ``verdict`` (the gate's), ``color`` and ``doc`` (the terminal views), ``dates``
    (``wareki`` or ``iso``, ``--dates``)."""

    kind: str  # what is rendered: scorecard, view, check, compare, history, measures
    name: str  # the format's name (``--format``)
    module: str  # the module in this package
    function: str = "render"
    takes: tuple[str, ...] = ("lang",)
    binary: bool = False  # bytes: written to a file or a pipe, never to a terminal
    escapes: bool = False  # keeps terminal escapes (colour)
    stream: str | None = None  # a function that writes it a piece at a time (same options)


RENDERERS: tuple[Renderer, ...] = (
    Renderer("scorecard", "md", "markdown", takes=("lang", "dates"), stream="stream"),
    Renderer("scorecard", "html", "html", takes=("lang", "dates"), stream="stream"),
    Renderer("scorecard", "json", "json_", stream="stream"),
    Renderer("scorecard", "csv", "csv_", takes=("lang", "dates"), stream="stream"),
    Renderer("scorecard", "junit", "junit", takes=("lang", "verdict"), stream="stream"),
    Renderer("scorecard", "xlsx", "xlsx_", "render_bytes", takes=("lang", "dates"), binary=True),
    Renderer("view", "terminal", "terminal", takes=("lang", "color", "doc", "dates"), escapes=True),
    Renderer("view", "headline", "terminal", "headline", takes=("lang", "color"), escapes=True),
    Renderer("check", "text", "gate", "check_text", takes=("verdict", "lang", "dates")),
    Renderer("check", "github", "github", "github_lines", takes=("verdict", "lang", "dates")),
    Renderer("check", "pr", "github", "pr_text", takes=("verdict", "lang", "dates")),
    Renderer("compare", "md", "compare", takes=("fmt", "lang")),
    Renderer("compare", "json", "compare", takes=("fmt", "lang")),
    Renderer("compare", "html", "compare", takes=("fmt", "lang")),
    Renderer("history", "md", "history", takes=("fmt",)),
    Renderer("history", "json", "history", takes=("fmt",)),
    Renderer("history", "csv", "history", takes=("fmt",)),
    Renderer("history", "html", "history", takes=("fmt",)),
    Renderer("measures", "json", "measures", takes=("fmt",), stream="stream"),
    Renderer("measures", "csv", "measures", takes=("fmt",)),
    Renderer("measures", "md", "measures", takes=("fmt",)),
)


def formats(kind: str) -> tuple[str, ...]:
    """The format names for ``kind``, in the table's order (the ``--format`` choices)."""
    return tuple(r.name for r in RENDERERS if r.kind == kind)


def renderer(kind: str, name: str) -> Renderer:
    for r in RENDERERS:
        if r.kind == kind and r.name == name:
            return r
    known = ", ".join(formats(kind)) or "none"
    raise ValueError(f"no {kind} format {name!r} (known: {known})")


def render(kind: str, name: str, value: Any, **options: Any) -> Any:
    """``value`` in format ``name``: ``str``, or ``bytes`` for a binary format.

    Only the module of the format asked for is imported."""
    from ..text.normalize import drop_forbidden

    r = renderer(kind, name)
    function = getattr(import_module(f".{r.module}", __name__), r.function)
    given = {"fmt": name, **options}
    out = function(value, **{k: given[k] for k in r.takes if k in given})
    return out if r.binary or r.escapes else drop_forbidden(out)


def render_stream(kind: str, name: str, value: Any, **options: Any) -> Iterator[Any]:
    """``render``'s output as pieces: a format with a ``stream`` function is written a piece
    at a time (nothing the size of the whole document is built); any other, whole. The writer
    drops what XML forbids from each piece (``text.normalize.drop_forbidden``)."""
    r = renderer(kind, name)
    if r.stream is None:
        return iter((render(kind, name, value, **options),))
    function = getattr(import_module(f".{r.module}", __name__), r.stream)
    given = {"fmt": name, **options}
    return iter(function(value, **{k: given[k] for k in r.takes if k in given}))


def render_scorecard(card: Scorecard, fmt: str, lang: str = "ja", dates: str | None = None) -> str:
    """A scorecard in a text format (``md``, ``html``, ``json``, ``csv``, ``junit``)."""
    out = render("scorecard", fmt, card, lang=lang, dates=dates)
    assert isinstance(out, str), fmt
    return out


def render_measures(document: Any, fmt: str) -> str:
    out = render("measures", fmt, document)
    assert isinstance(out, str), fmt
    return out

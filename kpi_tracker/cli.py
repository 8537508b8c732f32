"""The ``kpi-tracker`` command: a thin click layer over the library.

Each command parses its options, calls the library (``pipeline`` for what spans modules), renders
and writes; no judgement is made here.
Library errors become one line, ``kpi-tracker: error: <where>: <what>``, and exit code 2.
Heavy modules (pydantic, pint, sqlmodel) are imported inside the commands that need them.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Iterable
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .errors import KpiTrackerError, Location, redact
from .render import formats

if TYPE_CHECKING:
    from .shape import CardData

F = TypeVar("F", bound=Callable[..., Any])


class ExitCode(IntEnum):
    OK = 0
    FLAGGED = 1  # check: flagged targets found; compare --fail-on regressed: a regression
    BAD_INPUT = 2  # bad input or usage
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), as shells report it
    PIPE_CLOSED = 141  # the reader of stdout went away (128 + SIGPIPE), said by no one


STDOUT = "<stdout>"


def _warn(message: str) -> None:
    from .text.normalize import one_line

    click.echo(f"kpi-tracker: warning: {one_line(redact(message))}", err=True)


def _say(text: str, err: bool = False, tabs: bool = False) -> None:
    """One line of output: what it quotes (a file name, a document's words) cannot break it
    (control characters and non-UTF-8 file-name bytes escaped; ``tabs``: tabs separate)."""
    from .text.normalize import one_line

    line = "\t".join(one_line(part) for part in text.split("\t")) if tabs else one_line(text)
    click.echo(line, err=err)


def _cannot_write(where: str, exc: OSError) -> KpiTrackerError:
    return KpiTrackerError(f"cannot write: {exc.strerror or exc}", Location(where))


# The files the running command read: an output that is one of them is refused (-o DOC).
_inputs: Any = None


def _read_input(path: str | os.PathLike[str] | None) -> None:
    """Remember a file the command reads, so that no output is written over it."""
    global _inputs
    if path is None or os.fspath(path) == "-":
        return
    if _inputs is None:
        from .render.files import Inputs

        _inputs = Inputs()
    _inputs.add(path)


def _to_file(data: bytes | Iterable[bytes], output: str, option: str = "-o") -> None:
    """Write an output file atomically (never half-written), refusing one that is an input."""
    from .render.files import write_atomic

    if _inputs is not None:
        _inputs.refuse(output, option)
    try:
        write_atomic(output, data)
    except OSError as exc:
        raise _cannot_write(output, exc) from None


def _write(
    text: str | Iterable[str], output: str | None, terminal: bool = False, option: str = "-o"
) -> None:
    """Write a rendering, whole or as pieces (a stream); whatever it is, nothing XML or UTF-8
    refuses goes out (only the terminal view keeps its colour escapes)."""
    pieces = (text,) if isinstance(text, str) else text
    if not terminal:
        from .text.normalize import drop_forbidden

        pieces = map(drop_forbidden, pieces)
    if output:
        _to_file((piece.encode("utf-8") for piece in pieces), output, option)
        return
    if sys.stdout is None:  # started with stdout closed (`>&-`)
        raise KpiTrackerError("stdout is closed; name a file with -o", Location(STDOUT))
    sys.stdout.writelines(pieces)


def _write_bytes(data: bytes, output: str | None, what: str) -> None:
    """A binary rendering: to ``output``, or to a stdout that is not a terminal."""
    if output:
        _to_file(data, output)
        return
    if sys.stdout is None or sys.stdout.isatty():
        raise KpiTrackerError(f"{what} is a binary file; name it with -o FILE", Location(STDOUT))
    sys.stdout.flush()
    sys.stdout.buffer.write(data)


# The format an output file's extension names (-o card.xlsx).
_EXTENSION_FORMATS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".csv": "csv",
    ".xml": "junit",
    ".xlsx": "xlsx",
}


def _output_format(fmt: str, output: str | None, choices: tuple[str, ...]) -> str:
    """The format to write: --format when given; else the one ``-o FILE``'s extension names.
    An extension that names another format than the --format given is refused (Markdown in a
    file named .xlsx opens nowhere)."""
    from click.core import ParameterSource

    if not output:
        return fmt
    named = _EXTENSION_FORMATS.get(Path(output).suffix.lower())
    if named is None:
        return fmt
    source = click.get_current_context().get_parameter_source("fmt")
    given = source in (ParameterSource.COMMANDLINE, ParameterSource.ENVIRONMENT)
    if not given and named in choices:
        return named
    if named != fmt and (given or named == "xlsx" or fmt == "xlsx"):
        ext = Path(output).suffix
        raise click.UsageError(
            f"-o {output}: a {ext} file, but the format is {fmt}; give --format {named} or "
            "another file name"
            if named in choices
            else f"-o {output}: this command writes no {ext} file; give --format "
            f"{'|'.join(choices)} and a file name to match"
        )
    return fmt


# --- shared options --------------------------------------------------------------------------


def encoding_option(f: F) -> F:
    return click.option(
        "--encoding",
        metavar="CODEC",
        help="Force the document's encoding (default: BOM, then UTF-8, then CP932).",
    )(f)


def rules_option(f: F) -> F:
    return click.option(
        "--rules",
        "rules_path",
        envvar="KPI_TRACKER_RULES",
        type=click.Path(path_type=str),
        help="Rules file, or a folder whose file declaring the document's plan is used "
        "[default: env KPI_TRACKER_RULES, the configuration file, ./rules/, then the rules "
        "shipped with kpi-tracker].",
    )(f)


def output_option(f: F) -> F:
    return click.option(
        "-o", "--output", type=click.Path(dir_okay=False, path_type=str), help="Write to FILE."
    )(f)


def _db_option(help_text: str) -> Callable[[F], F]:
    return click.option("--db", envvar="KPI_TRACKER_DB", metavar="URL", help=help_text)


db_option = _db_option(
    "History database: a SQLAlchemy URL or a SQLite file path "
    "[default: sqlite:///kpi_tracker.db; env KPI_TRACKER_DB]."
)
trend_db_option = _db_option(
    "Read earlier stored reports of the plan from this database for the trends "
    "[env KPI_TRACKER_DB; none by default]."
)


def fail_on_option(help_text: str) -> Callable[[F], F]:
    return click.option(
        "--fail-on",
        type=click.Choice(["behind", "overdue", "none"]),
        default="behind",
        show_default=True,
        help=help_text,
    )


def baseline_option(f: F) -> F:
    return click.option(
        "--baseline",
        metavar="FILE",
        default=".kpi-baseline.json",
        show_default=True,
        type=click.Path(dir_okay=False, path_type=str),
        help="Accepted misses (written by check --update-baseline); used when it exists.",
    )(f)


def previous_option(f: F) -> F:
    return click.option(
        "--previous",
        metavar="OLD",
        help="An earlier report to show each indicator's previous value and movement against: "
        "a document, or a stored report (id, 2025, 令和7年度) in --db [default: with --db, the "
        "plan's latest stored report before DOC].",
    )(f)


def as_of_option(f: F) -> F:
    return click.option(
        "--as-of",
        "as_of",
        metavar="DATE",
        callback=lambda ctx, param, value: _remember(ctx, param, value),
        help="Evaluate as of this date or fiscal year (default: the last day of the report's "
        "fiscal year), e.g. 2026-03-31, 令和8年3月31日, R6, 令和6年度 or 2024年度 (a year: its "
        "last day).",
    )(f)


def lang_option(f: F) -> F:
    return click.option(
        "--lang",
        type=click.Choice(["ja", "en"]),
        default="ja",
        show_default=True,
        help="Language of labels in md/html/junit output.",
    )(f)


def dates_option(f: F) -> F:
    return click.option(
        "--dates",
        type=click.Choice(["wareki", "iso"]),
        default=None,
        help="How dates read in md/csv/terminal reports: 和暦 (令和8年3月31日, 令和7年度末) or "
        "ISO. Default: wareki with --lang ja, else iso. JSON is always ISO.",
    )(f)


def format_option(choices: tuple[str, ...], default: str) -> Callable[[F], F]:
    def decorate(f: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Output format.",
        )(f)

    return decorate


def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Keep an option's value in the command's context, for ``_load``."""
    ctx.meta[f"kpi_tracker.{param.name}"] = value
    return value


def column_option(f: F) -> F:
    """--column, for every command that reads a document: remembered for ``_load``."""
    return click.option(
        "--column",
        "columns",
        metavar="ROLE=HEADER",
        multiple=True,
        expose_value=False,
        callback=_remember,
        help="Read the column named HEADER as ROLE (repeatable), for headers kpi-tracker does "
        "not know: e.g. --column status=令和7年度の取組状況 --column actual=令和6年度実績 "
        "(roles: see docs/sheets.md).",
    )(f)


def read_options(f: F) -> F:
    """--column and --as-of, for a command that reads a document and takes no --as-of of its
    own (``as_of_option``): both remembered for ``_load``."""
    return column_option(
        click.option(
            "--as-of",
            "as_of",
            metavar="DATE",
            expose_value=False,
            callback=_remember,
            help="The date the report stands at (default: the end of the fiscal year its title "
            "or file name names, else its latest dated value), e.g. R6, 令和6年度, 2024年度 or "
            "2025-03-31.",
        )(f)
    )


def _read_settings() -> tuple[tuple[str, ...], Any]:
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return (), None
    columns = tuple(ctx.meta.get("kpi_tracker.columns") or ())
    return columns, _as_of(ctx.meta.get("kpi_tracker.as_of"))


def _one_stdin(*named: tuple[str, str | None]) -> None:
    """Standard input can be read once: ``-`` for two inputs (``compare - -``) is refused."""
    dashes = [name for name, value in named if value == "-"]
    if len(dashes) > 1:
        raise click.UsageError(
            f"{' and '.join(dashes)} are both '-': standard input can be read only once; "
            "name a file for all but one"
        )


_stdin_read = False  # a run reads standard input at most once


def _load(doc: str, encoding: str | None, on_title: Any = None, stream: bool = False) -> Any:
    """The document; with ``stream``, a 行政事業レビュー sheet comes unread (``ReviewStream``,
    its warnings said once it is read)."""
    global _stdin_read
    from .read.document import load_document, open_document

    if doc == "-":
        if _stdin_read:
            raise KpiTrackerError(
                "standard input is already read; '-' can stand for one input only", Location("-")
            )
        _stdin_read = True

    # NOTE: "-" is stdin, as for most Unix tools.
    _read_input(doc)
    source = sys.stdin.buffer if doc == "-" else doc
    columns, as_of = _read_settings()
    load = open_document if stream else load_document
    document: Any = load(source, encoding, columns=columns, as_of=as_of, on_title=on_title)
    if _unread(document):
        return document
    for w in document.warnings:
        _warn(w)
    return document


def _unread(document: Any) -> bool:
    """Whether ``_load(…, stream=True)`` gave a sheet to read as a stream."""
    from .read.document import Document

    return not isinstance(document, Document)


def _rules(rules_path: str | None, document: Any, found: Any = None) -> Any:
    from .pipeline import rules_for_document

    rules = found if found is not None else rules_for_document(document, rules_path)
    if rules is not None:
        _read_input(getattr(rules, "path", None))
    if rules is not None and rules.note:
        _warn(rules.note)
    return rules


def _trend_store(db: str | None) -> Any:
    """The database whose stored reports feed the trends, if ``db`` names one that exists: a
    command that only reads never creates a database (none there: no stored history)."""
    if db is None:
        return None
    from .store import db as store

    _read_input(store.sqlite_file(db))  # -o never overwrites the database read
    try:
        return store.open_store(db, create=False)
    except store.NoStore:
        return None


def _scorecard(
    doc: str,
    rules_path: str | None,
    encoding: str | None,
    as_of: Any = None,
    db: str | None = None,
    explain: bool = False,
    previous: CardData | None = None,
    previous_option: str | None = "--previous",
    as_of_option: str = "--as-of",
    loaded: tuple[Any, Any] | None = None,
) -> Any:
    """Evaluate a document; with ``db``, earlier stored reports of its plan feed the trends,
    and so does ``previous`` (an earlier report's card); ``explain`` keeps every indicator's
    candidates (``--explain``); ``loaded``: the document and its rules, read already."""
    from .pipeline import scorecard_for

    document, found = loaded or _load_with_rules(doc, encoding, rules_path)
    card = scorecard_for(
        document,
        _rules(rules_path, document, found),
        as_of=as_of,
        engine=_trend_store(db),
        explain=explain,
        previous=previous,
        previous_option=previous_option,
        as_of_option=as_of_option,
    )
    for w in card.warnings:
        if w not in document.warnings:
            _warn(w)
    return card


def _load_with_rules(
    doc: str, encoding: str | None, rules_path: str | None, stream: bool = False
) -> tuple[Any, Any]:
    """The document, and a status table's rules found as soon as its title is read (before
    its measures: the rules' loading then never adds to every measure's text in memory);
    ``None`` for a KPI sheet. An error finding the rules is raised after the document is read,
    as when they are found after it."""
    from .pipeline import rules_for_title

    early: list[Any] = []

    def on_title(title_lines: tuple[str, ...], plan: str) -> None:
        try:
            early.append(rules_for_title(title_lines, plan, rules_path))
        except KpiTrackerError as exc:
            early.append(exc)

    document = _load(doc, encoding, on_title, stream)
    found = early[0] if early else None
    if isinstance(found, KpiTrackerError):
        raise found
    return document, found


# --- commands --------------------------------------------------------------------------------


class _PipeClosed(Exception):
    """The reader of stdout went away (kept apart from click's own EPIPE handling)."""


class _Interrupted(Exception):
    """Ctrl-C in a command (kept apart from click's, which prints a blank line first)."""


class KpiTrackerGroup(click.Group):
    """The command group; its ``main`` maps every way a run can end to an exit code and at most
    one line on stderr, whether it is called by the console script or by click's test runner."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise _PipeClosed from None
        except KeyboardInterrupt:
            raise _Interrupted from None

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        with warnings.catch_warnings():
            warnings.showwarning = _show_warning
            code = _run(lambda: super(KpiTrackerGroup, self).main(*args, **kwargs))
        sys.exit(code)


def _show_warning(message: Any, *_: Any, **__: Any) -> None:
    """Python warnings (an era year past its end) as our one-line warnings."""
    _warn(str(message))


def _utf8_streams() -> None:
    """Write UTF-8 to files and pipes whatever the locale (a Windows ``> out.md``); on a
    terminal keep its encoding and replace what it cannot show."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            if stream.isatty():
                reconfigure(errors="replace")
            else:
                reconfigure(encoding="utf-8", errors="strict")
        except (OSError, ValueError):
            pass


def _error(message: str) -> None:
    from .text.normalize import one_line

    click.echo(f"kpi-tracker: error: {one_line(redact(message))}", err=True)


def _silence_stdout() -> None:
    """After the reader went away, point stdout at /dev/null so the flush at exit is quiet."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        pass


def _run(body: Callable[[], Any]) -> int:
    """Run the command; the exit code for each way it can end (one line said at most)."""
    global _inputs, _stdin_read
    _utf8_streams()
    _inputs, _stdin_read = None, False
    try:
        result = body()
        if sys.stdout is not None:
            sys.stdout.flush()
    except SystemExit as exc:  # check's exit 1
        return exc.code if isinstance(exc.code, int) else ExitCode.BAD_INPUT
    except KpiTrackerError as exc:
        _error(str(exc))
        return ExitCode.BAD_INPUT
    except (_PipeClosed, BrokenPipeError):
        _silence_stdout()
        return ExitCode.PIPE_CLOSED
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.ctx.get_help() if exc.ctx else str(exc), err=True)
        return ExitCode.BAD_INPUT
    except click.UsageError as exc:
        cmd = exc.ctx.command_path if exc.ctx else "kpi-tracker"
        _error(f"{cmd}: {exc.format_message()}")
        return ExitCode.BAD_INPUT
    except click.ClickException as exc:
        _error(exc.format_message())
        return ExitCode.BAD_INPUT
    except (_Interrupted, click.exceptions.Abort, KeyboardInterrupt):
        _error("interrupted")
        return ExitCode.INTERRUPTED
    except OSError as exc:  # writing stdout failed: /dev/full, a closed descriptor
        _error(str(_cannot_write(STDOUT, exc)))
        _silence_stdout()
        return ExitCode.BAD_INPUT
    return result if isinstance(result, int) else ExitCode.OK


@click.group(
    "kpi-tracker", cls=KpiTrackerGroup, context_settings={"help_option_names": ["-h", "--help"]}
)
@click.version_option(package_name="kpi-tracker", prog_name="kpi-tracker")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Turn Japanese policy-status tables (施策の実施状況) into achievement scorecards.

    Defaults for --rules, --db, --fail-on, --baseline and --lang may be set in
    [tool.kpi-tracker] of pyproject.toml or in kpi-tracker.toml (found upwards from the
    working directory); flags win.

    Example:

        kpi-tracker scorecard seeds/kodoku_koritsu_jisshi_jokyo_r7.txt
    """
    from .config import load_config

    assert isinstance(ctx.command, click.Group)
    ctx.default_map = _defaults_from(load_config().values, ctx.command)


# configuration key → the parameter it sets, in every command that has it
_CONFIG_PARAMS = {
    "rules": "rules_path",
    "db": "db",
    "fail_on": "fail_on",
    "baseline": "baseline",
    "lang": "lang",
    "dates": "dates",
    "column": "columns",
}


def _defaults_from(values: tuple[tuple[str, str], ...], group: click.Group) -> dict[str, Any]:
    """Click's ``default_map`` for the configuration values: flags and environment variables
    still win over it."""
    if not values:
        return {}
    by_param: dict[str, Any] = {_CONFIG_PARAMS[k]: v for k, v in values if k != "column"}
    columns = [v for k, v in values if k == "column"]
    if columns:
        by_param["columns"] = columns
    defaults: dict[str, Any] = {}
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            defaults[name] = _defaults_from(values, command)
            continue
        own = {p.name: by_param[p.name] for p in command.params if p.name in by_param}
        if own:
            defaults[name] = own
    return defaults


@cli.command()
@click.argument("doc", type=click.Path(path_type=str))
@format_option(formats("measures"), "json")
@encoding_option
@read_options
@output_option
def measures(doc: str, fmt: str, encoding: str | None, output: str | None) -> None:
    """List the measures parsed from DOC (section, target, status, URLs, ministries).

    Example:

        kpi-tracker measures seeds/kodoku_koritsu_jisshi_jokyo_r7.txt --format md
    """
    from .render import render_stream

    fmt = _output_format(fmt, output, ("json", "csv", "md"))
    _write(render_stream("measures", fmt, _load(doc, encoding)), output)


@cli.command()
@click.argument("doc", type=click.Path(path_type=str))
@rules_option
@format_option(formats("scorecard"), "md")
@lang_option
@dates_option
@encoding_option
@output_option
@as_of_option
@column_option
@previous_option
@fail_on_option("Which missed targets JUnit reports as failures (as check).")
@baseline_option
@click.option("-q", "--quiet", is_flag=True, help="On stdout, the headline (verdict) only.")
@click.option(
    "--explain",
    is_flag=True,
    help="Show how each value was chosen: the candidates with their scores and reasons (JSON: "
    "'candidates' under each indicator).",
)
@trend_db_option
@click.option(
    "--only",
    type=click.Choice(["missed", "flagged", "all"]),
    default="all",
    show_default=True,
    help="Show only the missed targets, or only those the CI gate fails (--fail-on, "
    "--baseline, as check); the counts and the verdict stay those of the whole report.",
)
def scorecard(
    doc: str,
    rules_path: str | None,
    fmt: str,
    lang: str,
    dates: str | None,
    encoding: str | None,
    output: str | None,
    previous: str | None,
    fail_on: str,
    baseline: str,
    quiet: bool,
    explain: bool,
    db: str | None,
    as_of: str | None,
    only: str,
) -> None:
    """Evaluate every indicator of DOC against its rules and render the scorecard.

    With --db (or KPI_TRACKER_DB), earlier stored reports of the plan feed the trends, and the
    latest of them is the previous report (unless --previous names one): each indicator shows
    its previous value and whether it improved, worsened, was met or is newly missed.

    On a terminal, without --format or -o, a compact view: the verdict, the counts and one
    line per missed target (colour unless NO_COLOR is set).

    Example:

        kpi-tracker scorecard seeds/kodoku_koritsu_jisshi_jokyo_r7.txt --format html -o card.html
    """
    from .render import render, render_stream, renderer

    _one_stdin(("DOC", doc), ("--previous", previous))
    fmt = _output_format(fmt, output, formats("scorecard"))
    loaded = None
    headline_only = quiet and output is None
    plain = doc != "-" and only == "all" and not (previous or db or explain)
    if plain and (headline_only or fmt == "json"):
        # A 行政事業レビュー sheet is judged and written as it is read (the same bytes).
        when = _as_of(as_of)  # a bad --as-of is said before the document is read, as below
        loaded = _load_with_rules(doc, encoding, rules_path, stream=True)
        if _unread(loaded[0]):
            if _streamed(loaded[0], doc, encoding, rules_path, when, lang, output, headline_only):
                return
            loaded = None  # not a stream after all: read it whole
    before = _previous_card(previous, rules_path, encoding, db)
    card = _scorecard(doc, rules_path, encoding, _as_of(as_of), db, explain, before, loaded=loaded)
    card = _with_previous(card, before, db)
    if only != "all":
        from .render.only import select

        failures = _gate(card, fail_on, baseline).failures if only == "flagged" else ()
        card = select(card, only, {f.outcome.indicator.id for f in failures})
    if (quiet and output is None) or (output is None and _compact_view("fmt")):
        color = _color()
        if quiet:
            view = render("view", "headline", card, lang=lang, color=color) + "\n"
        else:
            view = render("view", "terminal", card, lang=lang, color=color, doc=doc, dates=dates)
        _write(view, None, terminal=True)
        return
    # A format that shows failures shows the gate's: the same --fail-on and accepted misses
    # as check.
    gated = "verdict" in renderer("scorecard", fmt).takes
    verdict = _gate(card, fail_on, baseline) if gated else None
    if renderer("scorecard", fmt).binary:
        _write_bytes(render("scorecard", fmt, card, lang=lang, dates=dates), output, fmt)
    else:
        options = {"lang": lang, "verdict": verdict, "dates": dates}
        _write(render_stream("scorecard", fmt, card, **options), output)


def _streamed(
    stream: Any,
    doc: str,
    encoding: str | None,
    rules_path: str | None,
    as_of: Any,
    lang: str,
    output: str | None,
    quiet: bool,
) -> bool:
    """A 行政事業レビュー sheet's JSON scorecard (or ``-q``'s headline), judged and written as
    it is read: the bytes of the whole read, in memory that does not grow with the sheet; a
    large one in shares, a process each (``judge.shares``). False, having written nothing,
    when it must be read whole (a rules file adds to it, a project's rows come apart, no report
    date before the first indicator, a share failed)."""
    from .judge.shares import ShareFailed, jobs_for
    from .pipeline import streamed_sheet
    from .read.sheets.model import NotStreamable

    def reopen() -> Any:  # a new reading of the same file, for a share in another process
        again = streamed_sheet(
            _load_with_rules(doc, encoding, rules_path, stream=True)[0], rules_path, as_of
        )
        if again is None:
            raise NotStreamable("the sheet read again is not a stream")
        return again

    try:
        with stream.reading():
            sheet = streamed_sheet(stream, rules_path, as_of)
            if sheet is None:
                return False
            if quiet:
                sheet.run()
                spooled = None
                card = sheet.scorecard()
            else:
                from .render.json_ import spool

                spooled = spool(sheet, lang, reopen, jobs_for(doc))
                card = spooled.card
    except (NotStreamable, ShareFailed):
        return False
    finally:
        stream.close()
    document = card.document
    for w in document.warnings:
        _warn(w)
    for w in card.warnings:
        if w not in document.warnings:
            _warn(w)
    if spooled is None:
        from .render.terminal import headline_counted

        view = headline_counted(card, sheet.behind, sheet.overdue, lang, _color()) + "\n"
        _write(view, None, terminal=True)
    else:
        _write(spooled.pieces(), output)
    return True


def _compact_view(fmt_param: str) -> bool:
    """No --format given and stdout is a terminal: a person reads it, not a program."""
    from click.core import ParameterSource

    source = click.get_current_context().get_parameter_source(fmt_param)
    return source is ParameterSource.DEFAULT and sys.stdout is not None and sys.stdout.isatty()


def _color() -> bool:
    """ANSI colour on a terminal unless NO_COLOR (https://no-color.org) or TERM=dumb."""
    return (
        sys.stdout is not None
        and sys.stdout.isatty()
        and not os.environ.get("NO_COLOR")
        and os.environ.get("TERM") != "dumb"
    )


def _previous_card(
    previous: str | None, rules_path: str | None, encoding: str | None, db: str | None
) -> CardData | None:
    """The report named by --previous (a document, or a stored report in ``db``), if any."""
    if previous is None:
        return None
    return _card_for_compare(previous, rules_path, encoding, db)


def _with_previous(card: Any, previous: CardData | None, db: str | None) -> Any:
    """The scorecard with its previous report: the one named, else the plan's latest stored
    report before it in ``db``, else none."""
    from .judge.scorecard import with_previous
    from .pipeline import with_stored_previous

    if previous is not None:
        return with_previous(card, previous)
    engine = _trend_store(db)
    if engine is None:
        return card
    return with_stored_previous(card, engine)


def _as_of(text: str | None, option: str = "--as-of") -> Any:
    if text is None:
        return None
    from datetime import date

    from .read.sheets.cells import year_of_header
    from .text.periods import parse_period

    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        # R6, 2024, 令和6 as a year column writes them: a fiscal year.
        year = year_of_header(text)
        return (year or parse_period(text)).end
    except ValueError as exc:
        raise KpiTrackerError(str(exc), Location(option)) from None


@cli.command()
@click.argument("doc", type=click.Path(path_type=str))
@rules_option
@fail_on_option("Which targets fail the gate.")
@baseline_option
@click.option(
    "--update-baseline",
    is_flag=True,
    help="Accept today's flagged targets: write them to the baseline file and exit 0.",
)
@format_option(formats("check"), "text")
@lang_option
@dates_option
@encoding_option
@as_of_option
@column_option
@previous_option
@trend_db_option
def check(
    doc: str,
    rules_path: str | None,
    fail_on: str,
    baseline: str,
    update_baseline: bool,
    fmt: str,
    lang: str,
    dates: str | None,
    encoding: str | None,
    as_of: str | None,
    previous: str | None,
    db: str | None,
) -> None:
    """Print flagged targets of DOC and exit 1 when there are any (the CI gate).

    With a baseline (.kpi-baseline.json, written by --update-baseline), only new misses and
    accepted ones that got worse fail; the accepted ones are reported in one line. --format
    github prints GitHub Actions annotations and appends the Markdown scorecard to
    $GITHUB_STEP_SUMMARY when it is set; --format pr prints a Markdown comment for the pull
    request (the verdict, new misses, regressions). With --previous (or an earlier report in
    --db) the summary tells each indicator's movement since the previous report, and stderr
    the counts.

    Example:

        kpi-tracker check seeds/kodoku_koritsu_jisshi_jokyo_r7.txt --fail-on overdue
    """
    from .render import render
    from .render.gate import summary_lines
    from .render.wording import wording

    _one_stdin(("DOC", doc), ("--previous", previous))
    before = _previous_card(previous, rules_path, encoding, db)
    card = _scorecard(doc, rules_path, encoding, _as_of(as_of), db=db, previous=before)
    if update_baseline:
        from .judge.baseline import baseline_json

        _write(
            baseline_json(card, fail_on, wording(lang, "iso").reason), baseline, option="--baseline"
        )
        count = len(card.flagged(fail_on))
        _say(f"{baseline}: {count} accepted misses (--fail-on {fail_on})", err=True)
        return
    verdict = _gate(card, fail_on, baseline)
    card = _with_previous(card, before, db)
    text = render("check", fmt, card, verdict=verdict, lang=lang, dates=dates)
    if text:
        _write(text, None)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt == "github" and summary_file:
        from .render import github

        _append(github.step_summary(card, verdict, lang, dates), summary_file)
    for line in summary_lines(card, verdict):
        click.echo(line, err=True)
    if card.previous is not None:
        from .judge.scorecard import scorecard_dict
        from .render.text import yoy_headline

        _say(yoy_headline(scorecard_dict(card, wording(lang).reason), lang) or "", err=True)
    if verdict.failed():
        raise SystemExit(ExitCode.FLAGGED)


def _gate(card: Any, fail_on: str, baseline: str) -> Any:
    """The gate's verdict, with the baseline file when there is one (a --baseline named on the
    command line must exist; the default and the configuration's are used when present)."""
    from click.core import ParameterSource

    from .judge.baseline import gate, read_baseline

    named = click.get_current_context().get_parameter_source("baseline")
    accepted = None
    if named is ParameterSource.COMMANDLINE or Path(baseline).exists():
        accepted = read_baseline(baseline)
    verdict = gate(card, fail_on, accepted)
    for w in verdict.warnings:
        _warn(w)
    return verdict


def _append(text: str, path: str) -> None:
    if _inputs is not None:
        _inputs.refuse(path, "GITHUB_STEP_SUMMARY")
    try:
        with open(path, "a", encoding="utf-8", newline="") as f:
            f.write(text)
    except OSError as exc:
        raise _cannot_write(path, exc) from None


@cli.command()
@click.argument("old", type=click.Path(path_type=str))
@click.argument("new", type=click.Path(path_type=str))
@rules_option
@format_option(formats("compare"), "md")
@lang_option
@click.option(
    "--only-changed",
    is_flag=True,
    help="Leave out indicators whose status and value both stayed (the counts keep them).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["regressed", "none"]),
    default="none",
    show_default=True,
    help="regressed: exit 1 when any indicator worsened or is newly missed.",
)
@encoding_option
@column_option
@output_option
@as_of_option
@click.option(
    "--old-as-of",
    "old_as_of",
    metavar="DATE",
    help="As --as-of, for OLD (a document whose title names no fiscal year).",
)
@db_option
def compare(
    old: str,
    new: str,
    rules_path: str | None,
    fmt: str,
    lang: str,
    only_changed: bool,
    fail_on: str,
    encoding: str | None,
    output: str | None,
    as_of: str | None,
    old_as_of: str | None,
    db: str | None,
) -> None:
    """Compare two years: per indicator the old and new value, the change, and whether the
    value moved toward the target, away from it, or the deadline came.

    OLD and NEW are documents, or stored reports named by id or fiscal year (2025, 令和7年度).
    Two documents: OLD's values feed NEW's trends, as stored reports do. --as-of dates NEW,
    --old-as-of OLD (for a document whose title names no fiscal year).

    Example:

    \b
        kpi-tracker compare examples/kodoku_koritsu_example_r6.txt \\
            seeds/kodoku_koritsu_jisshi_jokyo_r7.txt --only-changed
    """
    from .judge.compare import compare_dict
    from .render import render

    _one_stdin(("OLD", old), ("NEW", new))
    fmt = _output_format(fmt, output, formats("compare"))
    old_card = _card_for_compare(
        old,
        rules_path,
        encoding,
        db,
        as_of=_as_of(old_as_of, "--old-as-of"),
        as_of_option="--old-as-of",
    )
    # The old report's values feed the new one's trend, as stored reports do.
    new_card = _card_for_compare(new, rules_path, encoding, db, old_card, _as_of(as_of))
    data = compare_dict(old_card, new_card, only_changed=only_changed)
    for w in data.get("warnings", []):
        _warn(w)
    _write(render("compare", fmt, data, lang=lang), output)
    if fail_on == "regressed" and data["summary"]["regressions"]:
        raise SystemExit(ExitCode.FLAGGED)


def _card_for_compare(
    key: str,
    rules_path: str | None,
    encoding: str | None,
    db: str | None,
    earlier: CardData | None = None,
    as_of: Any = None,
    as_of_option: str = "--as-of",
) -> CardData:
    """A document on disk, else a stored report (id, fiscal year or 令和7年度). A document is
    evaluated with the ``earlier`` report's values in its trends, when that one is an earlier
    report of its plan.

    NOTE: a key with a folder or a file extension (r6.txt) names a document even when it does
    not exist, so the error is about the file, not about stored reports.
    """
    if key == "-" or Path(key).exists() or Path(key).suffix or "/" in key or os.sep in key:
        from .judge.scorecard import scorecard_dict
        from .render.wording import wording

        card = _scorecard(
            key,
            rules_path,
            encoding,
            as_of,
            previous=earlier,
            previous_option=None,
            as_of_option=as_of_option,
        )
        return scorecard_dict(card, wording("ja", "iso").reason)
    from .pipeline import compared_report
    from .store import db as store

    store.report_key(key, db)  # a key that names no report is said before opening anything
    _read_input(store.sqlite_file(db))
    return compared_report(key, store.open_store(db, create=False))


@cli.command()
@click.argument("docs", nargs=-1, required=True, type=click.Path(path_type=str))
@rules_option
@encoding_option
@column_option
@db_option
@click.option(
    "--replace",
    is_flag=True,
    help="Store a document whose plan and fiscal year are stored with other content (a "
    "corrected re-publication) as the latest revision; the earlier one is kept, superseded. "
    "The same content stored again is evaluated again.",
)
@as_of_option
def ingest(
    docs: tuple[str, ...],
    rules_path: str | None,
    encoding: str | None,
    db: str | None,
    replace: bool,
    as_of: str | None,
) -> None:
    """Parse, evaluate and store documents; the same content twice is stored once.

    The same table in another encoding, with other line ends or a BOM is the same content.
    Earlier stored reports of the same plan feed the trend of each new one; a stored report
    is evaluated again when an earlier one arrives or its rules changed. --as-of dates the
    documents whose title names no fiscal year.

    Example:

    \b
        kpi-tracker ingest examples/kodoku_koritsu_example_r6.txt \\
            seeds/kodoku_koritsu_jisshi_jokyo_r7.txt --db history.db
    """
    from .pipeline import ingest_documents
    from .store import db as store
    from .store.access import removed_unless_stored

    # Every document is read before the database is opened: a missing one creates nothing,
    # and a database this command created is removed again if it stores nothing.
    documents = [_load(doc, encoding) for doc in docs]
    when = _as_of(as_of)
    # The documents are stored with their reports, so that a report can be evaluated again
    # when an earlier one arrives (stdin cannot be read twice: its report is not).
    sources = {
        d.sha256: (d.source, Path(doc).read_bytes(), encoding)
        for doc, d in zip(docs, documents, strict=True)
        if doc != "-" and Path(doc).is_file()
    }
    with removed_unless_stored(db) as done:
        engine = store.open_store(db)
        stored = ingest_documents(
            engine, documents, rules_path, replace=replace, sources=sources, as_of=when
        )
        many = len(docs) > 3 and sys.stderr is not None and sys.stderr.isatty()
        bar = (
            click.progressbar(stored, length=len(docs), label="ingest", file=sys.stderr)
            if many
            else None
        )
        items = bar if bar is not None else stored
        try:
            for document, rules, result in items:
                done.append(True)
                if rules is not None and rules.note:
                    _warn(rules.note)
                verb = "stored" if result.created else "already stored (same content)"
                superseding = (
                    f", superseding report {result.superseded}" if result.superseded else ""
                )
                if result.refreshed is not None:
                    superseding += f"; evaluated again ({result.refreshed} statuses changed)"
                _say(
                    f"{document.source}: {verb} as report {result.report_id} "
                    f"(fiscal year {result.fiscal_year}){superseding}"
                )
                for report_id, changed in result.reevaluated:
                    click.echo(
                        f"report {report_id}: evaluated again with {document.source} as an "
                        f"earlier report ({changed} statuses changed)"
                    )
                if result.stale:
                    _warn(
                        f"reports {list(result.stale)} come after {document.source} but were "
                        "stored without their document: ingest their documents again to "
                        "evaluate them with it"
                    )
        finally:
            if bar is not None:
                bar.render_finish()


@cli.command()
@click.option("--measure", type=click.IntRange(0, 999_999), help="Only this 施策No.")
@click.option("--indicator", help="Only this indicator id.")
@format_option(formats("history"), "md")
@output_option
@db_option
def history(
    measure: int | None, indicator: str | None, fmt: str, output: str | None, db: str | None
) -> None:
    """The values and statuses of indicators across stored reports, oldest first.

    --format html draws them: per indicator its values with the target and the deadline, per
    plan the status counts of each report.

    Example:

        kpi-tracker history --indicator child-welfare-officers --format json
    """
    from .render import render
    from .store import db as store

    fmt = _output_format(fmt, output, ("md", "json", "csv", "html"))
    _read_input(store.sqlite_file(db))
    engine = store.open_store(db, create=False)
    rows = store.history(engine, measure=measure, indicator=indicator)
    if not rows and (measure is not None or indicator is not None):
        from .errors import StoreError

        option, value = (
            ("--indicator", indicator) if indicator is not None else ("--measure", measure)
        )
        raise StoreError(f"no stored indicator matches {value!r}", Location(option))
    _write(render("history", fmt, rows), output)


@cli.group()
def rules() -> None:
    """Work with rules files.

    Example:

        kpi-tracker rules lint seeds/kodoku_koritsu_jisshi_jokyo_r7.txt
    """


@rules.command("lint")
@click.argument("doc", type=click.Path(path_type=str))
@rules_option
@encoding_option
@read_options
def rules_lint(doc: str, rules_path: str | None, encoding: str | None) -> None:
    """Report targets of DOC that no rule covers and rules that find nothing.

    DOC may also be a plan's own table of measures or its PDF: then only its targets are
    checked (a plan reports no values).

    Example:

        kpi-tracker rules lint seeds/kodoku_koritsu_jisshi_jokyo_r7.txt --rules rules/
    """
    from .read.plantable import load_targets_document
    from .rules.lint import lint

    document = load_targets_document(sys.stdin.buffer if doc == "-" else doc, encoding)
    for w in document.warnings:
        _warn(w)
    loaded = _rules(rules_path, document)
    if document.sheet is not None:  # a KPI sheet: only rules that override its targets
        from .judge.sheet_card import sheet_rules_lint

        for line in sheet_rules_lint(document, loaded):
            _say(line)
        return
    findings = lint(document, loaded)
    if not any(m.status_text for m in document.measures):  # a plan: no values to look for
        findings = [f for f in findings if f.kind != "value_not_found"]
    line_of = {m.no: m.line for m in document.measures}
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.kind] = counts.get(f.kind, 0) + 1
        where = f"{document.source}:{line_of.get(f.measure, '?')}"
        rule = f" {f.rule}" if f.rule else ""
        _say(f"{where}: 施策{f.measure}{rule}: {f.kind}: {f.detail}")
    indicators = len(loaded.indicators())
    _say(
        f"{loaded.path}: {indicators} indicators for {len(loaded.rules.measures)} measures; "
        + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "no findings"),
    )


@rules.command("list")
@rules_option
def rules_list(rules_path: str | None) -> None:
    """List the rules files found, in the order they are searched, and the plan each serves.

    Example:

        kpi-tracker rules list
    """
    from .rules.search import RulesFile, list_rules

    entries = list_rules(rules_path)
    for entry in entries:
        if isinstance(entry, RulesFile):
            rules_set = entry.loaded.rules
            count = sum(len(inds) for inds in rules_set.measures.values())
            line = f"{entry.origin}\t{entry.path}\t「{rules_set.plan}」\t{count} indicators"
            _say(line, tabs=True)
        else:
            _say(f"{entry.origin}\t{entry.path}\t(missing)", tabs=True)
    if not any(isinstance(entry, RulesFile) for entry in entries):
        raise KpiTrackerError("no rules files found", None)


@rules.command("draft")
@click.argument("doc", type=click.Path(path_type=str))
@click.option(
    "--merge",
    "merge_path",
    type=click.Path(dir_okay=False, path_type=str),
    help="Add to this hand-edited rules file only what it lacks; its entries stay as written.",
)
@encoding_option
@read_options
@output_option
def rules_draft(doc: str, merge_path: str | None, encoding: str | None, output: str | None) -> None:
    """Draft a rules file from the target column of DOC (a status report or a plan's own
    table of measures). Items marked `# review` need a person's eye.

    Example:

        kpi-tracker rules draft seeds/kodoku_koritsu_jisshi_jokyo_r7.txt -o rules/new.yaml
    """
    from .read.column_options import parse_column_options
    from .read.mapping import column_map
    from .read.plantable import load_targets_document
    from .rules.draft import draft_rules
    from .rules.draft_merge import merge, read_rules_text

    _read_input(doc)
    with column_map(parse_column_options(_read_settings()[0])):
        document = load_targets_document(sys.stdin.buffer if doc == "-" else doc, encoding)
    for w in document.warnings:
        _warn(w)
    drafted = draft_rules(document)
    if merge_path is None:
        _write(drafted.text(), output)
        return
    merged = merge(read_rules_text(merge_path), merge_path, drafted)
    _write(merged.text, output)
    for line in merged.added:
        _say(f"kpi-tracker: added: {line}", err=True)
    _say(f"kpi-tracker: {merge_path}: {len(merged.added)} added", err=True)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script and ``python -m kpi_tracker``."""
    cli.main(args=argv, prog_name="kpi-tracker")

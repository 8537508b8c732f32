"""The renderer table (``kpi_tracker.render.RENDERERS``): every format the command line offers
comes from it, each entry names a function that takes what the table says it takes, and only
the module of the format asked for is imported."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys
import types

import pytest
from click.testing import CliRunner

import kpi_tracker.render as render
from kpi_tracker.cli import cli

from .helpers import ROOT, SEED

# The --format choices of each command, in the order --help lists them: the table keeps them.
CHOICES = [
    # (command, kind, formats)
    (["measures"], "measures", ("json", "csv", "md")),
    (["scorecard"], "scorecard", ("md", "html", "json", "csv", "junit", "xlsx")),
    (["check"], "check", ("text", "github", "pr")),
    (["compare"], "compare", ("md", "json", "html")),
    (["history"], "history", ("md", "json", "csv", "html")),
]


@pytest.mark.parametrize(("command", "kind", "expected"), CHOICES)
def test_the_command_line_offers_the_table_s_formats(
    command: list[str], kind: str, expected: tuple[str, ...]
) -> None:
    assert render.formats(kind) == expected
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "[" + "|".join(expected) + "]" in " ".join(result.stdout.split())


@pytest.mark.parametrize("entry", render.RENDERERS, ids=lambda r: f"{r.kind}-{r.name}")
def test_every_entry_names_a_function_that_takes_its_options(entry: render.Renderer) -> None:
    function = getattr(
        importlib.import_module(f"kpi_tracker.render.{entry.module}"), entry.function
    )
    # The value first, then the options by keyword: binding fails on a name it lacks.
    inspect.signature(function).bind(object(), **{k: None for k in entry.takes})


def test_one_entry_a_kind_and_name() -> None:
    keys = [(r.kind, r.name) for r in render.RENDERERS]
    assert len(keys) == len(set(keys))


def test_an_unknown_format_names_the_known_ones() -> None:
    with pytest.raises(
        ValueError, match=r"^no scorecard format 'pdf' \(known: md, html, json, csv, junit, xlsx\)$"
    ):
        render.renderer("scorecard", "pdf")


def test_a_new_format_is_a_module_and_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("kpi_tracker.render.shout")
    module.render = lambda card, lang="ja": f"{card}!\x00 ({lang})"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kpi_tracker.render.shout", module)
    entry = render.Renderer("scorecard", "shout", "shout")
    monkeypatch.setattr(render, "RENDERERS", (*render.RENDERERS, entry))
    assert "shout" in render.formats("scorecard")
    # What XML forbids (NUL) is dropped from every text rendering.
    assert render.render("scorecard", "shout", "card", lang="en") == "card! (en)"


def test_terminal_escapes_are_kept_and_binary_output_is_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = types.ModuleType("kpi_tracker.render.paint")
    module.render = lambda card, lang="ja": "\x1b[31mred\x1b[0m"  # type: ignore[attr-defined]
    module.render_bytes = lambda card, lang="ja": b"\x00\x01"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kpi_tracker.render.paint", module)
    monkeypatch.setattr(
        render,
        "RENDERERS",
        (
            render.Renderer("view", "paint", "paint", escapes=True),
            render.Renderer("scorecard", "raw", "paint", "render_bytes", binary=True),
        ),
    )
    assert render.render("view", "paint", None) == "\x1b[31mred\x1b[0m"
    assert render.render("scorecard", "raw", None) == b"\x00\x01"


def test_only_the_asked_format_is_imported() -> None:
    # A fresh interpreter: this test process has imported every renderer already.
    code = (
        "import sys\n"
        "from kpi_tracker.read.document import load_document\n"
        "from kpi_tracker.pipeline import rules_for_document, scorecard_for\n"
        "from kpi_tracker.render import render\n"
        f"doc = load_document({str(SEED)!r})\n"
        "render('scorecard', 'json', scorecard_for(doc, rules_for_document(doc)), lang='ja')\n"
        "print(sorted(m.rpartition('.')[2] for m in sys.modules"
        " if m.startswith('kpi_tracker.render.')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    # the JSON renderer and the wording it shares with every format, no other format
    assert result.stdout == "['json_', 'wording']\n"

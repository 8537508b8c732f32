"""The Markdown, HTML, CSV and JUnit scorecards written as streams (issue 25): the same bytes as
the rendering made from the whole scorecard dict, and written while the dicts of the later
measures are not made yet (a writer that built everything first would fail here); ``-q``
counts without any indicator dict; the CLI finds the rules before the measures are read."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from kpi_tracker.judge import scorecard as judged
from kpi_tracker.judge.scorecard import Scorecard, scorecard_dict
from kpi_tracker.render import parts, render_stream
from kpi_tracker.render.only import select
from kpi_tracker.render.terminal import headline
from kpi_tracker.render.text import missed, verdict
from kpi_tracker.render.wording import wording

from .helpers import RULES, SEED, run, seed_lines

STREAMED = ("md", "html", "csv", "junit")
VARIANTS = [
    pytest.param({"lang": "ja"}, False, id="ja"),
    pytest.param({"lang": "en"}, False, id="en"),
    pytest.param({"lang": "ja", "dates": "iso"}, False, id="iso"),
    pytest.param({"lang": "en"}, True, id="only-missed"),
]


def _text(card: Scorecard, fmt: str, **options: object) -> str:
    return "".join(render_stream("scorecard", fmt, card, **options))


@pytest.mark.parametrize("fmt", STREAMED)
@pytest.mark.parametrize(("options", "only_missed"), VARIANTS)
def test_streamed_is_the_whole_rendering(
    seed_scorecard: Scorecard,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    options: dict[str, object],
    only_missed: bool,
) -> None:
    card = select(seed_scorecard, "missed") if only_missed else seed_scorecard
    streamed = _text(card, fmt, **options)
    assert streamed.count("\n") > 20
    if fmt == "junit":
        # One tree of every testcase, indented whole by ElementTree: the same document.
        head, _, body = streamed.partition("\n")
        assert head == '<?xml version="1.0" encoding="UTF-8"?>'
        root = ET.fromstring(body)
        ET.indent(root)
        assert body == ET.tostring(root, encoding="unicode") + "\n"
        assert len(root.findall(".//testcase")) == len(card.indicators)
        return
    # The pieces read from the whole scorecard dict (as with a previous report or --explain).
    monkeypatch.setattr(parts, "needs_whole", lambda card: True)
    assert _text(card, fmt, **options) == streamed


@pytest.mark.parametrize("fmt", STREAMED)
def test_written_before_the_last_indicator_is_made(
    seed_scorecard: Scorecard, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    # A scorecard of many measures: the seed's, ten times over.
    card = replace(seed_scorecard, measures=seed_scorecard.measures * 10)
    made = [0]
    indicator_dict = judged.indicator_dict

    def counted(*args: object) -> object:
        made[0] += 1
        return indicator_dict(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(judged, "indicator_dict", counted)
    written: list[tuple[int, int]] = []  # (characters written so far, dicts made by then)
    size = 0
    for piece in render_stream("scorecard", fmt, card, lang="ja"):
        size += len(piece)
        written.append((size, made[0]))
    total = made[0]
    assert total >= len(card.indicators)
    assert len(written) > 10
    # Half the output is out while most indicator dicts are still to be made.
    half = next(dicts for chars, dicts in written if chars >= size // 2)
    assert half < total * 0.75, (half, total)
    # No piece is a large part of the whole.
    assert max(b[0] - a[0] for a, b in zip([(0, 0), *written], written, strict=False)) < size / 4


def test_quiet_makes_no_indicator_dict(
    seed_scorecard: Scorecard, monkeypatch: pytest.MonkeyPatch
) -> None:
    behind = missed(scorecard_dict(seed_scorecard, wording("ja").reason))
    assert behind  # the seed misses targets: the verdict counts them
    expected = verdict(behind, "ja")

    def refused(*args: object) -> object:
        raise AssertionError("the headline made an indicator's dict")

    monkeypatch.setattr(judged, "indicator_dict", refused)
    assert headline(seed_scorecard, "ja") == expected
    colored = headline(seed_scorecard, "ja", color=True)
    assert expected in colored and colored.startswith("\x1b[")
    # A part of the report keeps the whole report's verdict.
    assert headline(select(seed_scorecard, "missed"), "ja") == expected


def test_the_rules_are_found_before_the_measures_are_read(tmp_path: Path) -> None:
    from kpi_tracker.read.document import load_document

    class Stop(Exception):
        pass

    seen: list[tuple[tuple[str, ...], str]] = []

    def on_title(title_lines: tuple[str, ...], plan: str) -> None:
        seen.append((title_lines, plan))
        raise Stop

    # A bad row after the header: the title is given before that row is read.
    lines = seed_lines()
    header = next(i for i, line in enumerate(lines) if line.startswith("施策No."))
    bad = tmp_path / "bad.txt"
    bad.write_text("\n".join([*lines[: header + 2], "ちがう\tものの\t行", *lines[header + 2 :]]))
    with pytest.raises(Stop):
        load_document(bad, on_title=on_title)
    document = load_document(SEED)
    assert seen == [(document.title_lines, document.plan)]


def test_a_document_error_still_comes_before_a_rules_error(tmp_path: Path) -> None:
    lines = seed_lines()
    header = next(i for i, line in enumerate(lines) if line.startswith("施策No."))
    bad = tmp_path / "bad.txt"
    bad.write_text("\n".join([*lines[: header + 2], "ちがう\tものの\t行", *lines[header + 2 :]]))
    result = run("scorecard", str(bad), "--rules", str(tmp_path / "none.yaml"), "-q")
    assert result.returncode == 2
    assert "not a measure row" in result.stderr, result.stderr
    # And the rules' error alone, for a readable document.
    result = run("scorecard", str(SEED), "--rules", str(tmp_path / "none.yaml"), "-q")
    assert result.returncode == 2
    assert result.stderr.strip().endswith("none.yaml: no such rules file or folder"), result.stderr
    assert run("scorecard", str(SEED), "--rules", str(RULES), "-q").returncode == 0

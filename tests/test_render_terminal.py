"""scorecard on a terminal: a compact view (≤ 40 lines), colour unless NO_COLOR, --quiet;
piped and -o output keep the full formats. The terminal is a real pseudo-terminal."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from .helpers import ROOT, SEED, run

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def on_terminal(*args: str, env: dict[str, str] | None = None) -> str:
    """stdout of ``kpi-tracker ARGS`` written to a pseudo-terminal."""
    master, slave = pty.openpty()
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    child = subprocess.Popen(
        [sys.executable, "-m", "kpi_tracker", *args],
        stdout=slave,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env={**base, "TERM": "xterm", **(env or {})},
    )
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    assert child.wait() == 0
    return out.decode("utf-8").replace("\r\n", "\n")


@pytest.fixture(scope="module")
def headline(seed_card) -> tuple[str, int, int]:
    """The Japanese verdict, and the behind and overdue counts (24 and 15 at the time of
    writing) of the reference report."""
    behind = [i for i in seed_card["indicators"] if i["status"] == "behind"]
    overdue = sum(i["overdue"] for i in behind)
    return f"未達の目標 {len(behind)} 件(うち期限超過 {overdue} 件)", len(behind), overdue


def columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def test_compact_view_of_the_reference_document(seed_card, headline) -> None:
    text = on_terminal("scorecard", str(SEED), env={"NO_COLOR": "1", "COLUMNS": "80"})
    lines = text.splitlines()
    assert len(lines) <= 40
    assert lines[0] == headline[0]  # the headline first
    n = seed_card["summary"]  # the counts of the JSON scorecard
    assert lines[3] == (
        f"施策 143 · 指標 {n['indicators']}: ✅ 達成 {n['achieved']} · 🔷 順調 {n['on_track']} · "
        f"❌ 遅れ {n['behind']} · ⬜ 測定不能 {n['not_measurable']}"
    )
    missed = [ln for ln in lines if ln.startswith("❌ 施策")]
    assert len(missed) == headline[1]  # one line per missed target, overdue first
    assert (
        missed[0]
        == "❌ 施策24 いじめの問題に関して校内研修…: 86.9% / 90%以上 期限超過 (達成率 97%)"
    )
    assert (
        missed[headline[2]]
        == "❌ 施策8 支援情報検索サイトのアク…: 274,285回 / 300,000回以上 遅れ (達成率 91%)"
    )
    assert lines[-2:] == [
        f"全体の表: kpi-tracker scorecard {SEED} --format md",
        "ファイルへ: -o card.md(HTML は --format html -o card.html)",
    ]
    assert "\x1b[" not in text  # NO_COLOR
    assert max(columns(ln) for ln in lines if ln.startswith("❌")) <= 80


def test_colour_on_a_terminal(headline) -> None:
    text = on_terminal("scorecard", str(SEED), "--lang", "en")
    first = text.splitlines()[0]
    # overdue: bold red
    assert first == f"\x1b[1;31m{headline[1]} missed targets ({headline[2]} overdue)\x1b[0m"
    assert ANSI.sub("", text).splitlines()[-2].startswith("Full report: ")


def test_an_explicit_format_on_a_terminal_is_that_format() -> None:
    assert on_terminal("scorecard", str(SEED), "--format", "md").startswith(
        "# 目標達成状況スコアカード"
    )


def test_quiet_prints_the_headline_only(headline) -> None:
    assert on_terminal("scorecard", str(SEED), "-q", env={"NO_COLOR": "1"}) == headline[0] + "\n"
    piped = run("scorecard", str(SEED), "--quiet")
    assert (piped.returncode, piped.stdout) == (0, headline[0] + "\n")


def test_piped_and_file_output_keep_the_full_report(tmp_path: Path) -> None:
    piped = run("scorecard", str(SEED))
    assert piped.stdout.startswith("# 目標達成状況スコアカード") and "<details>" in piped.stdout
    out = tmp_path / "card.md"
    text = on_terminal("scorecard", str(SEED), "-o", str(out))
    assert text == "" and out.read_text(encoding="utf-8") == piped.stdout


def _missed_labels(text: str) -> list[str]:
    """The measure and label part of each missed line (what a reader tells rows apart by)."""
    return [ln.split(": ")[0] for ln in text.splitlines() if ln.startswith("❌ ")]


@pytest.mark.parametrize("width", [40, 60, 80, 100, 160])
def test_labels_use_the_width_and_no_two_rows_read_the_same(seed_scorecard, width) -> None:
    from kpi_tracker.render.terminal import render, width_of

    text = render(seed_scorecard, "ja", columns=width)
    labels = _missed_labels(text)
    assert len(labels) == 24
    for a in labels:  # no label is another's, nor the beginning of another's
        for b in labels:
            if a is not b:
                assert not b.removesuffix("…").startswith(a.removesuffix("…")), (a, b)
    lines = [ln for ln in text.splitlines() if ln.startswith("❌ ")]
    if width >= 80:
        assert max(width_of(ln) for ln in lines) <= width
    if width >= 160:
        assert not any("…" in label for label in labels)  # a wide terminal shows them whole


def test_a_wider_terminal_shows_more_of_each_label(seed_scorecard) -> None:
    from kpi_tracker.render.terminal import render

    narrow = _missed_labels(render(seed_scorecard, "ja", columns=60))
    wide = _missed_labels(render(seed_scorecard, "ja", columns=120))
    assert sum(map(len, wide)) > sum(map(len, narrow))


def test_the_terminal_width_comes_from_the_terminal(seed_scorecard, monkeypatch) -> None:
    from kpi_tracker.render.terminal import render

    monkeypatch.setenv("COLUMNS", "60")
    assert render(seed_scorecard, "ja") == render(seed_scorecard, "ja", columns=60)


@pytest.mark.parametrize(
    ("labels", "width"),
    [
        # (labels of one measure, terminal width)  # why
        (
            ("長い指標名の前半が同じで末尾だけ違うA", "長い指標名の前半が同じで末尾だけ違うB"),
            50,
        ),  # end
        (("同じ名前", "同じ名前"), 80),  # identical labels: the ids tell them apart
        (("あ" * 40 + "い", "あ" * 40 + "う"), 40),  # differ at the very end, narrow
    ],
)
def test_rows_alike_after_cutting_are_told_apart(labels, width) -> None:
    from kpi_tracker.render.terminal import missed_lines
    from kpi_tracker.render.wording import wording

    inds = [
        {
            "id": f"ind-{n}",
            "measure": 7,
            "label": label,
            "actual": 1.0,
            "unit": "件",
            "target": 2.0,
            "comparator": ">=",
            "overdue": True,
            "attainment": 0.5,
            "progress": None,
            "provisional": False,
        }
        for n, label in enumerate(labels)
    ]
    a, b = (ln.split(": ")[0] for ln in missed_lines(inds, wording("ja"), width))  # type: ignore[arg-type]
    assert a != b
    assert not a.removesuffix("…").startswith(b.removesuffix("…"))
    assert not b.removesuffix("…").startswith(a.removesuffix("…"))

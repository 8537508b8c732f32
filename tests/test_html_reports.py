"""The HTML reports: built from autoescaped templates, printable (A4 landscape), and charts
whose labels read without hovering and stay inside their boxes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kpi_tracker.judge.compare import compare_dict
from kpi_tracker.judge.scorecard import evaluate, scorecard_dict
from kpi_tracker.pipeline import stored_wording
from kpi_tracker.read.document import load_document
from kpi_tracker.render import render_scorecard
from kpi_tracker.render.compare import REGRESSIONS, drawn
from kpi_tracker.render.compare import render as render_compare
from kpi_tracker.render.history_html import render as render_history

from .helpers import ROOT, SEED


class _Ran:
    def __init__(self, stdout: str, stderr: str, returncode: int) -> None:
        self.stdout, self.stderr, self.returncode = stdout, stderr, returncode


def run(*args: str) -> _Ran:
    """The command line, in process (click's runner)."""
    from click.testing import CliRunner

    from kpi_tracker.cli import cli

    result = CliRunner().invoke(cli, list(args))
    return _Ran(result.stdout, result.stderr, result.exit_code)


@pytest.fixture(scope="module")
def compare_data(seed_card, seed_rules, yoy_later_path):
    later = scorecard_dict(evaluate(load_document(yoy_later_path), seed_rules), stored_wording())
    return compare_dict(seed_card, later)


@pytest.fixture(scope="module")
def history_rows(tmp_path_factory, yoy_later_path):
    db = tmp_path_factory.mktemp("db") / "h.db"
    assert run("ingest", str(SEED), str(yoy_later_path), "--db", str(db)).returncode == 0
    result = run("history", "--db", str(db), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    return data if isinstance(data, list) else data["rows"]


# --- text in its SVG's box --------------------------------------------------------------------


def _em(ch: str) -> float:
    """The width of one character in em, as the issue asks: a wide (CJK) character is 1 em;
    any other is taken as 0.6 em."""
    return 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.6


class _SvgTexts(HTMLParser):
    """Every <text> of every <svg>: (svg width, svg height, x, y, anchor, font size, text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[float, float, float, float, str, float, str]] = []
        self._stack: list[dict[str, str]] = []
        self._box: tuple[float, float] | None = None
        self._text: dict[str, str] | None = None
        self._chars = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "svg":
            _, _, w, h = (float(v) for v in a["viewbox"].split())
            self._box = (w, h)
        if self._box is not None:
            self._stack.append(a)
        if tag == "text":
            self._text, self._chars = a, ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "text" and self._text is not None and self._box is not None:
            size = next(float(a["font-size"]) for a in reversed(self._stack) if "font-size" in a)
            t = self._text
            self.found.append(
                (
                    *self._box,
                    float(t["x"]),
                    float(t["y"]),
                    t.get("text-anchor", "start"),
                    size,
                    self._chars,
                )
            )
            self._text = None
        if self._box is not None and self._stack:
            self._stack.pop()
        if tag == "svg":
            self._box, self._stack = None, []

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._chars += data


def texts_outside(page: str) -> list[str]:
    parser = _SvgTexts()
    parser.feed(page)
    assert parser.found, "no SVG text found"
    out = []
    for w, h, x, y, anchor, size, text in parser.found:
        width = size * sum(_em(ch) for ch in text)
        start = x - (width if anchor == "end" else width / 2 if anchor == "middle" else 0)
        if start < 0 or start + width > w or y - 0.8 * size < 0 or y > h:
            out.append(f"{text!r} at x={x} y={y} ({anchor}, {width:.0f} wide) in {w}×{h}")
    return out


def test_compare_chart_text_stays_in_its_box(compare_data) -> None:
    assert texts_outside(render_compare(compare_data, "html")) == []
    assert texts_outside(render_compare(compare_data, "html", "en")) == []


def test_history_chart_text_stays_in_its_box(history_rows) -> None:
    page = render_history(history_rows)
    assert texts_outside(page) == []


def test_history_text_out_of_its_box_is_found() -> None:
    # The check itself: a label wider than its box is reported.
    page = '<svg viewBox="0 0 50 20" font-size="12"><text x="45" y="15">5,392,871</text></svg>'
    assert len(texts_outside(page)) == 1


@pytest.mark.parametrize(
    ("actual", "expected"),
    [
        (5392871, "5,392,871"),  # a wide axis label: the chart makes room for it
        (0.5, "0.5"),
    ],
)
def test_history_chart_fits_wide_numbers(actual, expected) -> None:
    from kpi_tracker.render.history_html import indicator_chart

    rows = [
        {
            "report": n,
            "fiscal_year": 2024 + n,
            "as_of": f"{2025 + n}-03-31",
            "period_end": f"{2025 + n}-03-31",
            "measure": 1,
            "indicator": "x",
            "label": "ある指標",
            "actual": actual * (1 + n / 10),
            "target": actual * 2,
            "unit": "回",
            "deadline": "2031-03-31",
            "status": "behind",
            "overdue": False,
        }
        for n in range(3)
    ]
    svg = indicator_chart(rows, "ja")
    assert expected in svg
    assert texts_outside(svg) == []


# --- compare: the lines that matter, labelled -------------------------------------------------


def test_compare_draws_only_changed_status_or_crossed_target(compare_data) -> None:
    lines = drawn(compare_data["changes"])
    assert 0 < len(lines) < len(compare_data["changes"]) / 3
    for c, before, after in lines:
        old, new = c["old"], c["new"]
        assert (
            old["status"] != new["status"]
            or (before >= 1) != (after >= 1)
            or old["overdue"] != new["overdue"]
            or c["movement"] in REGRESSIONS  # the one 悪化 line is always drawn
        )
    regressions = [c["movement"] in REGRESSIONS for c, _, _ in lines]
    assert regressions == sorted(regressions, reverse=True)  # regressions first
    assert any(regressions)


def test_compare_lines_are_labelled_at_both_ends(compare_data) -> None:
    page = render_compare(compare_data, "html")
    svg = page.split('<svg class="slope"', 1)[1].split("</svg>", 1)[0]
    groups = re.findall(r'<g data-movement="([a-z_]+)">(.*?)</g>', svg)
    assert len(groups) == len(drawn(compare_data["changes"]))
    for movement, body in groups:
        labels = re.findall(r"<text[^>]*>([^<]*)</text>", body)
        assert len(labels) == 2, body
        no = re.search(r"(\d+) ", labels[0])
        assert no and f" {no.group(1)} " in f" {labels[1]} "  # the same measure no. both ends
        colour = re.search(r'stroke="(#[0-9a-f]+)"', body)
        assert colour
        if movement in REGRESSIONS:
            assert colour.group(1) == "#cf222e"  # regressions in colour
        else:
            assert colour.group(1) == "#8c959f"
    # A table of the same lines for phones.
    table = page.split('<div class="slope-table">', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr") == len(groups) + 1


def test_history_leaves_out_cards_without_values_and_shows_units(history_rows) -> None:
    page = render_history(history_rows)
    assert "数値なし" not in page
    with_values = {r["indicator"] for r in history_rows if r["actual"] is not None}
    assert page.count('<section class="ind"') == len(with_values)
    left_out = len({r["indicator"] for r in history_rows}) - len(with_values)
    assert left_out and f"数値のない指標 {left_out} 件は省略" in page
    assert "(単位: %)" in page


# --- templates, escaping, printing ------------------------------------------------------------

INJECTIONS = [
    '<script>alert("x")</script>',  # a script
    "<img src=x onerror=alert(1)>",  # an event handler
    '"><svg onload=alert(1)>',  # out of an attribute
    "{{ 7*7 }}{% raw %}",  # template syntax is text, never evaluated
]


@pytest.mark.parametrize("text", INJECTIONS)
def test_document_text_stays_text_in_every_html_report(seed_doc, seed_rules, text) -> None:
    from dataclasses import replace

    measures = tuple(
        replace(m, name=text, status_text=m.status_text + text) if m.no in (8, 24) else m
        for m in seed_doc.measures
    )
    card = evaluate(replace(seed_doc, measures=measures), seed_rules)
    data = scorecard_dict(card, stored_wording())
    for i in data["indicators"]:
        i["label"] += text  # compare shows labels, not measure names
    for page in (render_scorecard(card, "html"), render_compare(compare_dict(data, data), "html")):
        if "<" in text:
            assert text not in page
            assert (
                text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace('"', "&#34;")
                in page
            )
        else:  # shown as written, not evaluated
            assert text in page


def test_the_seed_s_raw_html_is_escaped() -> None:
    # The seed's cells carry <p> and <ul …>; none reaches a report as markup.
    page = run("scorecard", str(SEED), "--format", "html").stdout
    body = page.split("<body>", 1)[1]
    assert "<p>" not in body.replace('<p class="', "") and "<ul class=" not in body.replace(
        '<ul class="definitions">', ""
    ).replace('<ul class="meta">', "")


@pytest.mark.parametrize("kind", ["scorecard", "compare", "history"])
def test_every_html_report_has_the_print_style(kind, compare_data, history_rows, seed_card) -> None:
    if kind == "scorecard":
        page = run("scorecard", str(SEED), "--format", "html").stdout
    elif kind == "compare":
        page = render_compare(compare_data, "html")
    else:
        page = render_history(history_rows)
    assert "@page{size:A4 landscape" in page
    assert "thead{display:table-header-group}" in page  # headers repeated on every page
    assert "tr{break-inside:avoid}" in page  # no row cut across pages


def test_measures_without_a_target_are_one_line(seed_card) -> None:
    page = run("scorecard", str(SEED), "--format", "html").stdout
    rows = re.findall(r'<tr class="nt"[^>]*>(.*?)</tr>', page)
    assert len(rows) == sum(1 for m in seed_card["measures"] if not m["indicators"]) == 94
    assert all(r.count("<td") == 2 and "nt-line" in r for r in rows)


def test_json_never_loads_jinja2() -> None:
    code = (
        "import sys\n"
        "from kpi_tracker.cli import main\n"
        f"sys.argv = ['kpi-tracker', 'scorecard', {str(SEED)!r}, '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('jinja2' in sys.modules, 'markupsafe' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.stderr.strip().splitlines()[-1] == "False False"


def test_templates_are_package_data() -> None:
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    assert '"render/templates/*"' in text
    names = {p.name for p in (ROOT / "kpi_tracker" / "render" / "templates").iterdir()}
    assert {"base.html", "scorecard.html", "compare.html", "history.html", "print.css"} <= names


def test_only_the_selected_rows_in_every_format(seed_card) -> None:
    missed = {i["id"] for i in seed_card["indicators"] if i["status"] == "behind"}
    out = run("scorecard", str(SEED), "--format", "json", "--only", "missed")
    data = json.loads(out.stdout)
    assert {i["id"] for i in data["indicators"]} == missed
    assert data["summary"] == seed_card["summary"]  # the counts stay the whole report's
    overdue = run(
        "scorecard",
        str(SEED),
        "--format",
        "json",
        "--only",
        "flagged",
        "--fail-on",
        "overdue",
        "--baseline",
        "/nonexistent-default.json",
    )
    assert overdue.returncode == 2  # a --baseline named must exist
    flagged = json.loads(
        run(
            "scorecard", str(SEED), "--format", "json", "--only", "flagged", "--fail-on", "overdue"
        ).stdout
    )
    over = {i["id"] for i in seed_card["indicators"] if i["status"] == "behind" and i["overdue"]}
    assert {i["id"] for i in flagged["indicators"]} == over and 0 < len(over) < len(missed)


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "junit"])
def test_only_missed_in_text_formats(fmt, seed_card) -> None:
    whole = run("scorecard", str(SEED), "--format", fmt).stdout
    part = run("scorecard", str(SEED), "--format", fmt, "--only", "missed").stdout
    assert len(part) < len(whole) * 0.7
    achieved = next(i for i in seed_card["indicators"] if i["status"] == "achieved")
    behind = next(i for i in seed_card["indicators"] if i["status"] == "behind")
    assert achieved["label"] in whole and achieved["label"] not in part
    assert behind["label"] in part


def test_only_missed_in_xlsx(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "m.xlsx"
    assert (
        run(
            "scorecard", str(SEED), "--format", "xlsx", "--only", "missed", "-o", str(out)
        ).returncode
        == 0
    )
    ws = load_workbook(out).worksheets[1]
    assert ws.max_row - 1 == 24


def test_only_in_the_terminal_view(seed_doc, seed_rules) -> None:
    from kpi_tracker.judge.baseline import gate
    from kpi_tracker.render import terminal
    from kpi_tracker.render.only import select

    card = evaluate(seed_doc, seed_rules)
    failures = gate(card, "overdue").failures
    part = select(card, "flagged", {f.outcome.indicator.id for f in failures})
    view = terminal.render(part, "ja")
    whole = terminal.render(card, "ja")
    assert view.splitlines()[0] == whole.splitlines()[0]  # the verdict of the whole report
    assert len(view.splitlines()) < len(whole.splitlines())

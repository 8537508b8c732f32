"""Renderers: document text shows literally everywhere; CSV for Excel; JUnit for CI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from kpi_tracker.judge.scorecard import evaluate
from kpi_tracker.read.document import load_document
from kpi_tracker.render import render_scorecard
from kpi_tracker.rules.compiled import load_rules

HEADER = "施策No.\t施策名\t施策の概要\t目標及び達成の期間\t目標の達成状況\t達成状況を踏まえた施策の見直し方針\t関連URL\t担当府省庁"
NASTY_NAME = "<script>alert(1)</script> & 支援|事業"
NASTY_STATUS = "<img src=x onerror=alert(1)> 令和7年度の件数は=SUM(A1)、80件 & more"
RULES = """\
plan: テスト計画
measures:
  1:
    - id: count
      label: "件数 <b>&</b> |x|"
      find: {label: [件数]}
      comparator: ">="
      target: 100
      unit: 件
      deadline: 令和7年度
"""


@pytest.fixture(scope="module")
def card(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nasty")
    doc = tmp / "doc.txt"
    doc.write_text(
        "\n".join(
            [
                "「テスト計画」",
                "「Ⅲ.具体的施策」の実施状況(令和7年度)",
                HEADER,
                "(1)見出し\t\t\t\t\t\t\t",
                f"1\t{NASTY_NAME}\t概要\t=件数を100件以上\t{NASTY_STATUS}\t-見直し\t\t内閣府",
                "2\t+定性的な施策\t概要\t@推進する\t実施した\t見直し\t\t内閣府",
            ]
        ),
        encoding="utf-8",
    )
    rules = tmp / "rules.yaml"
    rules.write_text(RULES, encoding="utf-8")
    return evaluate(load_document(doc), load_rules(rules))


def test_indicator_was_read(card) -> None:
    (o,) = card.indicators
    assert (o.status, o.actual, o.overdue) == ("behind", 80, True)


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_markup_is_escaped(card, fmt) -> None:
    out = render_scorecard(card, fmt)
    assert "<script>alert" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "&amp; 支援" in out


def test_markdown_table_cells_escape_pipes(card) -> None:
    out = render_scorecard(card, "md")
    row = next(ln for ln in out.splitlines() if ln.startswith("| 1 |") and "支援" in ln)
    assert "支援&#124;事業" in row
    assert row.count(" | ") == 9  # ten cells, no pipe from the document splits one


def test_json_keeps_text_as_written(card) -> None:
    data = json.loads(render_scorecard(card, "json"))
    assert data["measures"][0]["name"] == NASTY_NAME
    assert data["indicators"][0]["evidence"]["text"] == NASTY_STATUS


def test_csv_is_excel_ready_and_defuses_formulas(card) -> None:
    out = render_scorecard(card, "csv", "en")
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out[1:])))
    assert len(rows) == 1
    assert rows[0]["measure_name"] == NASTY_NAME
    assert rows[0]["status"] == "behind" and rows[0]["overdue"] == "True"
    # A cell starting with = + - @ would run as a formula in Excel.
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())


def test_measures_csv_defuses_formulas(tmp_path: Path, card) -> None:
    from kpi_tracker.render import render_measures

    out = render_measures(card.document, "csv")
    rows = list(csv.reader(io.StringIO(out[1:])))
    cells = [c for r in rows[1:] for c in r]
    assert "'=件数を100件以上" in cells and "'+定性的な施策" in cells and "'@推進する" in cells
    assert "'-見直し" in cells


def test_junit(card) -> None:
    text = render_scorecard(card, "junit")
    assert "<script>" not in text and "&lt;script&gt;" in text  # escaped by the XML writer
    root = ET.fromstring(text)
    assert NASTY_NAME in [c.get("classname").split(".", 1)[1] for c in root.iter("testcase")]
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "(1)見出し" and suite.get("failures") == "1"
    (case,) = suite.findall("testcase")
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "overdue"
    assert "遅れ(期限超過)" in failure.get("message")


def test_junit_of_seed(seed_doc, seed_rules) -> None:
    card = evaluate(seed_doc, seed_rules)
    root = ET.fromstring(render_scorecard(card, "junit"))
    suites = root.findall("testsuite")
    assert len(suites) == 4  # one per top-level section
    failures = {
        c.get("name").split(":")[0] for c in root.iter("testcase") if c.find("failure") is not None
    }
    behind = {o.indicator.id for o in card.indicators if o.status == "behind"}
    assert failures == behind
    skipped = [c for c in root.iter("testcase") if c.find("skipped") is not None]
    assert len(skipped) == sum(o.status == "not_measurable" for o in card.indicators)
    assert all(c.find("skipped").get("message") for c in skipped)


@pytest.mark.parametrize("fmt", ["md", "html", "junit"])
def test_english(seed_doc, seed_rules, fmt) -> None:
    card = evaluate(seed_doc, seed_rules)
    out = render_scorecard(card, fmt, "en")
    assert "behind (overdue)" in out
    assert "遅れ" not in out
    if fmt == "html":
        assert '<html lang="en">' in out


def test_html_is_self_contained(seed_doc, seed_rules) -> None:
    out = render_scorecard(evaluate(seed_doc, seed_rules), "html")
    assert '<html lang="ja">' in out
    assert "http://" not in out.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<link" not in out and "src=" not in out.replace("src=x", "")


# --- issue 11: characters XML forbids, link syntax in Markdown -------------------------------


def _card_with_name(seed_doc, seed_rules, name: str):
    """The seed's scorecard with 施策8's name replaced (as a document read another way might
    carry it: the reader drops these characters itself)."""
    from dataclasses import replace

    measures = tuple(replace(m, name=name) if m.no == 8 else m for m in seed_doc.measures)
    return evaluate(replace(seed_doc, measures=measures), seed_rules)


@pytest.mark.parametrize(
    "char",
    [
        "\x0c",  # form feed: common in text taken from PDFs
        "\x0b",  # vertical tab
        "\x01",
        "\x00",
        "\ud800",  # a lone surrogate (unicode_escape makes them)
    ],
)
@pytest.mark.parametrize("fmt", ["junit", "html", "md", "csv", "json"])
def test_every_format_drops_characters_xml_forbids(seed_doc, seed_rules, char, fmt) -> None:
    # D11: JUnit XML was invalid when a cell held a form feed, \x0b, \x01 or NUL.
    card = _card_with_name(seed_doc, seed_rules, f"支援{char}情報")
    out = render_scorecard(card, fmt)
    assert char not in out
    out.encode("utf-8")  # no lone surrogate left
    if fmt == "junit":
        ET.fromstring(out.encode("utf-8"))
    if fmt == "json":
        assert "支援情報" in json.dumps(json.loads(out), ensure_ascii=False)


@pytest.mark.parametrize(
    "text",
    [
        "![px](https://evil.example/t.png)",  # an image: a tracking pixel in a PR comment
        "[click](javascript:alert(1))",  # a link
        "[ref][1]",  # a reference link
    ],
)
def test_markdown_neutralises_link_and_image_syntax(seed_doc, seed_rules, text) -> None:
    # D18: link and image syntax from document text was passed through.
    out = render_scorecard(_card_with_name(seed_doc, seed_rules, text), "md")
    assert text not in out
    assert "](" not in out.replace("\\](", "")
    plain = text.replace("[", "\\[").replace("]", "\\]")
    assert plain in out  # the text itself is kept, shown literally

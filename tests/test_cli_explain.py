"""``scorecard --explain``: every indicator's candidates, scores and reasons."""

from __future__ import annotations

import json

import pytest

from .helpers import SEED, run


def test_json_lists_candidates_with_the_chosen_one() -> None:
    result = run("scorecard", str(SEED), "--explain", "--format", "json")
    assert result.returncode == 0, result.stderr
    inds = {i["id"]: i for i in json.loads(result.stdout)["indicators"]}
    pv = inds["support-search-site-pv"]
    chosen = [c for c in pv["candidates"] if c["chosen"]]
    assert [c["value"] for c in chosen] == [pv["actual"]] == [274285]
    others = [c for c in pv["candidates"] if not c["chosen"]]
    assert others and all(c["score"] < chosen[0]["score"] for c in others)
    assert all(isinstance(c["why"], list) for c in pv["candidates"])


def test_without_explain_no_candidates() -> None:
    result = run("scorecard", str(SEED), "--format", "json")
    assert all("candidates" not in i for i in json.loads(result.stdout)["indicators"])


def test_markdown_shows_the_runners_up() -> None:
    result = run("scorecard", str(SEED), "--explain", "--format", "md")
    assert result.returncode == 0, result.stderr
    section = result.stdout.split("## 値の選び方(候補と得点)", 1)[1]
    assert "✔ 採用 274,285" in section  # the PV count chosen…
    assert "5,392,871" in section  # …and the other site's count shown as the runner-up


def test_html_has_the_explanation() -> None:
    result = run("scorecard", str(SEED), "--explain", "--format", "html")
    assert '<details class="explain">' in result.stdout


def test_explanations_do_not_depend_on_the_hash_seed() -> None:
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "kpi_tracker",
                "scorecard",
                str(SEED),
                "--explain",
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_explain_shows_features_derivations_and_dropped_figures(tmp_path) -> None:
    """--explain: each candidate's non-zero features, how a value given through another was
    worked out, and the figures a named filter dropped (a target restated)."""
    from kpi_tracker.judge.scorecard import evaluate, scorecard_dict
    from kpi_tracker.read.document import load_document
    from kpi_tracker.rules.compiled import load_rules

    from .helpers import RULES, seed_lines

    lines = seed_lines()
    for i, line in enumerate(lines):
        cells = line.split("\t")
        if cells[0] == "76":
            cells[4] = (
                "令和7年度の地域おこし協力隊の隊員数は、前年度(7,910名)から3.6%増加したが、目標(10,000人)には達しなかった。"
            )
            lines[i] = "\t".join(cells)
    doc = tmp_path / "doc.txt"
    doc.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from kpi_tracker.pipeline import stored_wording

    card = scorecard_dict(
        evaluate(load_document(doc), load_rules(RULES), explain=True), stored_wording()
    )
    ind = next(i for i in card["indicators"] if i["id"] == "regional-revitalization-volunteers")
    chosen = next(c for c in ind["candidates"] if c["chosen"])
    assert chosen["derivation"] == "7910 × (1 + 3.6%)"
    assert chosen["value"] == pytest.approx(8194.76)
    assert chosen["features"]["near"] > 0.5
    assert {"value": 10000, "unit": "人", "filter": "restated_target"} in ind["dropped"]

"""The reworded documents (tests/fixtures/reworded): every indicator scored as expected.

The expected results were written by another engineer before the extractor read the texts;
a failure here is a value read by this year's words rather than by its meaning.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kpi_tracker.document import load_document
from kpi_tracker.scorecard import evaluate, scorecard_dict

from .helpers import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "reworded"
DOCS = sorted(p.stem for p in FIXTURES.glob("r8_*.txt"))


def _cases() -> list[tuple[str, dict[str, object]]]:
    cases = []
    for name in DOCS:
        expected = FIXTURES / f"{name}.expected.yaml"
        for entry in yaml.safe_load(expected.read_text(encoding="utf-8")):
            cases.append((name, entry))
    return cases


@pytest.fixture(scope="module")
def cards(seed_rules) -> dict[str, dict[str, object]]:
    return {
        name: scorecard_dict(evaluate(load_document(FIXTURES / f"{name}.txt"), seed_rules))
        for name in DOCS
    }


@pytest.mark.parametrize(("doc", "entry"), _cases(), ids=[f"{d}:{e['id']}" for d, e in _cases()])
def test_indicator_as_expected(cards, doc: str, entry: dict[str, object]) -> None:
    got = next(i for i in cards[doc]["indicators"] if i["id"] == entry["id"])
    assert got["status"] == entry["status"], (got["reason"], entry["why"])
    if entry["status"] == "behind":
        assert got["overdue"] is bool(entry.get("overdue")), got["reason"]
    if entry.get("actual") is not None:
        assert got["actual"] == pytest.approx(entry["actual"], rel=0.005), entry["why"]


def test_every_document_has_expectations() -> None:
    assert len(DOCS) >= 2
    for name in DOCS:
        assert Path(FIXTURES / f"{name}.expected.yaml").exists()

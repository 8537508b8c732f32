"""The reworded documents (tests/fixtures/reworded): every indicator scored as expected.

The expected results were written by another engineer before the extractor read the texts;
a failure here is a value read by this year's words rather than by its meaning.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kpi_tracker.judge.scorecard import evaluate
from kpi_tracker.read.document import load_document

from .helpers import ROOT, card_dict

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
        name: card_dict(evaluate(load_document(FIXTURES / f"{name}.txt"), seed_rules))
        for name in DOCS
    }


def _params() -> list[object]:
    """Each case; one the engine is known to read otherwise is expected to fail (strictly: a
    case that starts to pass fails the run, so that its mark is taken off)."""
    return [
        pytest.param(
            doc,
            entry,
            id=f"{doc}:{entry['id']}",
            marks=[pytest.mark.xfail(strict=True, reason=str(entry["known_miss"]))]
            if entry.get("known_miss")
            else [],
        )
        for doc, entry in _cases()
    ]


@pytest.mark.parametrize(("doc", "entry"), _params())
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

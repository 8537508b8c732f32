"""shape: the TypedDicts name exactly the keys the JSON has (every required key present, no key
the shape does not declare), for every producer: scorecard, sheet, previous, compare, store."""

from __future__ import annotations

import json

import pytest

from kpi_tracker import shape
from kpi_tracker.judge.compare import compare_dict
from kpi_tracker.judge.scorecard import evaluate, with_previous
from kpi_tracker.read.document import load_document
from kpi_tracker.render.json_ import render as render_json

from .helpers import REVIEW, SEED, card_dict


def fits(obj: object, typed: type) -> None:
    """``obj`` is a dict with the required keys of ``typed`` and no key it does not declare."""
    assert isinstance(obj, dict)
    required = typed.__required_keys__  # type: ignore[attr-defined]
    allowed = required | typed.__optional_keys__  # type: ignore[attr-defined]
    assert required <= obj.keys(), (typed.__name__, sorted(required - obj.keys()))
    assert obj.keys() <= allowed, (typed.__name__, sorted(obj.keys() - allowed))


def fits_card(data: dict) -> None:
    fits(data, shape.ScorecardData)
    fits(data["report"], shape.ReportData)
    fits(data["summary"], shape.SummaryData)
    for m in data["measures"]:
        fits(m, shape.MeasureData)
    for i in data["indicators"]:
        fits(i, shape.IndicatorData)
        for key, typed in (("period", shape.PeriodData), ("evidence", shape.EvidenceData)):
            if i[key] is not None:
                fits(i[key], typed)
        for p in i["trend"]:
            fits(p, shape.TrendPointData)
        for c in i.get("candidates", ()):
            fits(c, shape.CandidateData)
        if i.get("previous") is not None:
            fits(i["previous"], shape.PreviousData)
    if "year_over_year" in data:
        fits(data["year_over_year"], shape.YearOverYearData)


@pytest.fixture(scope="module")
def explained(seed_doc, seed_rules):
    """The seed scorecard with --explain and its later year shown against it."""
    return evaluate(seed_doc, seed_rules, explain=True)


@pytest.fixture(scope="module")
def later(seed_rules, yoy_later_path):
    return evaluate(load_document(yoy_later_path), seed_rules)


def test_seed_scorecard_with_candidates(explained):
    data = card_dict(explained)
    fits_card(data)
    # --explain adds candidates to every indicator that found a value
    assert any(i.get("candidates") for i in data["indicators"])


def test_scorecard_with_previous(later, seed_card):
    data = card_dict(with_previous(later, seed_card))
    fits_card(data)
    assert all("movement" in i for i in data["indicators"])


def test_sheet_extras_are_declared():
    # a structured sheet adds line, achievement_rate, published_rate, rate_disagrees
    data = card_dict(evaluate(load_document(REVIEW), None))
    fits_card(data)
    assert all("line" in i for i in data["indicators"])
    fits(
        {
            k: v
            for k, v in data["indicators"][0].items()
            if k in shape.SheetExtraData.__optional_keys__
        },
        shape.SheetExtraData,
    )


def test_compare(later, seed_card):
    data = compare_dict(seed_card, card_dict(later))
    fits(data, shape.CompareData)
    fits(data["summary"], shape.CompareSummaryData)
    assert data["changes"]
    for c in data["changes"]:
        fits(c, shape.ChangeData)
        for side in (c["old"], c["new"]):
            if side is not None:
                fits(side, shape.SideData)


def test_stored_card_is_what_compare_reads(tmp_path, seed_card):
    from kpi_tracker.pipeline import compared_report, ingest_documents
    from kpi_tracker.store import db as store

    from .helpers import RULES

    engine = store.open_store(f"sqlite:///{tmp_path / 'h.db'}")
    list(ingest_documents(engine, [load_document(SEED)], RULES))
    data = compared_report("2025", engine)
    fits(data, shape.StoredCardData)
    fits(data["report"], shape.ReportData)
    for i in data["indicators"]:
        fits(i, shape.JudgedData)
    # the stored report and the scorecard it came from agree on every judged field
    fresh = {i["id"]: i for i in seed_card["indicators"]}
    for i in data["indicators"]:
        assert {k: fresh[i["id"]][k] for k in i} == i


def test_json_is_the_shape(explained):
    """--format json is one serialisation of the dict: nothing added, nothing lost."""
    assert json.loads(render_json(explained)) == json.loads(json.dumps(card_dict(explained)))

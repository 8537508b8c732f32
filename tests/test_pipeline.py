"""The library does what the commands do: ingest oldest first, then score with stored history."""

from __future__ import annotations

from kpi_tracker.pipeline import (
    compared_report,
    ingest_documents,
    rules_for_document,
    scorecard_for,
    with_stored_previous,
)
from kpi_tracker.read.document import load_document
from kpi_tracker.store.db import open_store

from .helpers import REWRITES, RULES, SEED, write_variant


def test_ingest_then_score_with_history(tmp_path) -> None:
    later = load_document(write_variant(tmp_path, REWRITES, "r8.txt", title_year="令和8年度"))
    seed = load_document(SEED)
    engine = open_store(f"sqlite:///{tmp_path / 'history.db'}")
    # Given newest first, stored oldest first: the later report's trend sees the earlier one.
    stored = list(ingest_documents(engine, [later, seed], RULES))
    assert [(d.fiscal_year, r.created) for d, _, r in stored] == [(2025, True), (2026, True)]
    assert [r.fiscal_year for *_, r in ingest_documents(engine, [seed], RULES)] == [2025]

    rules = rules_for_document(later, RULES)
    card = scorecard_for(later, rules, engine=engine)
    pv = next(o for o in card.indicators if o.indicator.id == "support-search-site-pv")
    # 274,285 PV stored for 令和7年度, then this year's 312,000.
    assert [(p.source, p.value) for p in pv.trend] == [("history", 274285), ("document", 312000)]
    alone = next(
        o for o in scorecard_for(later, rules).indicators if o.indicator.id == pv.indicator.id
    )
    assert [p.source for p in alone.trend] == ["document"]  # without the store: no history

    previous = with_stored_previous(card, engine).previous
    assert previous is not None and previous["report"]["fiscal_year"] == 2025
    assert compared_report("令和7年度", engine)["report"]["fiscal_year"] == 2025

"""Stored history on SQLite, and on PostgreSQL when KPI_TRACKER_TEST_PG_URL is set (.ci/run
sets it). No mocks of the database."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kpi_tracker.compare import compare_dict
from kpi_tracker.document import load_document
from kpi_tracker.errors import StoreError
from kpi_tracker.scorecard import evaluate, scorecard_dict

from .helpers import REWRITES, ROOT, SEED, run, write_variant

PG_URL = os.environ.get("KPI_TRACKER_TEST_PG_URL")
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(
            not PG_URL,
            reason="KPI_TRACKER_TEST_PG_URL not set (.ci/run starts PostgreSQL and sets it)",
        ),
    ),
]


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path):
    from sqlmodel import SQLModel

    from kpi_tracker import store

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'history.db'}"
    else:
        url = PG_URL
        engine = store.open_store(url)
        SQLModel.metadata.drop_all(engine)  # a clean database for each test
        engine.dispose()
    yield url


@pytest.fixture(scope="module")
def later_doc(tmp_path_factory):
    path = write_variant(tmp_path_factory.mktemp("r8"), REWRITES, "r8.txt", title_year="令和8年度")
    return load_document(path)


def _count(url: str, table) -> int:
    from sqlalchemy import func, select
    from sqlmodel import Session

    from kpi_tracker import store

    engine = store.open_store(url)
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(table))


def test_ingest_twice_stores_once(db, seed_doc, seed_rules) -> None:
    from kpi_tracker import store

    engine = store.open_store(db)
    card = evaluate(seed_doc, seed_rules)
    first = store.ingest(engine, card)
    second = store.ingest(engine, card)
    assert first.created and not second.created
    assert first.report_id == second.report_id
    assert _count(db, store.ReportRow) == 1
    assert _count(db, store.MeasureRow) == 143
    assert _count(db, store.IndicatorRow) == len(card.indicators)
    assert _count(db, store.EvaluationRow) == len(card.indicators)
    assert _count(db, store.ObservationRow) > 0


def test_history_across_years(db, seed_doc, later_doc, seed_rules) -> None:
    from kpi_tracker import store

    engine = store.open_store(db)
    store.ingest(engine, evaluate(later_doc, seed_rules))  # out of order on purpose
    store.ingest(engine, evaluate(seed_doc, seed_rules))
    rows = store.history(engine, measure=109)
    assert [(r["fiscal_year"], r["actual"], r["status"]) for r in rows] == [
        (2025, 6866, "behind"),
        (2026, 7401, "achieved"),
    ]
    only = store.history(engine, indicator="child-welfare-officers")
    assert only == rows


def test_history_feeds_the_trend(db, seed_doc, seed_rules, tmp_path) -> None:
    from kpi_tracker import store

    engine = store.open_store(db)
    store.ingest(engine, evaluate(seed_doc, seed_rules))
    # 児童福祉司: 6,866 at 令和7年度末 (stored), 7,150 a year later: the stored value is the
    # first point of the new report's trend.
    rewrite = {
        109: (
            "令和7年度末児童福祉司の配置数：6,866人（見込み）",
            "令和8年度末児童福祉司の配置数：7,150人",
        )
    }
    path = write_variant(tmp_path, rewrite, "r8b.txt", title_year="令和8年度")
    later = load_document(path)
    past = store.history_points(engine, later.plan, later.as_of)
    assert past["child-welfare-officers"][0].value == 6866
    card = scorecard_dict(evaluate(later, seed_rules, history=past))
    ind = next(i for i in card["indicators"] if i["id"] == "child-welfare-officers")
    assert ind["trend"][0] == {"date": "2026-03-31", "value": 6866, "source": "history"}
    assert ind["actual"] == 7150


def test_compare_stored_reports(db, seed_doc, later_doc, seed_rules) -> None:
    from kpi_tracker import store

    engine = store.open_store(db)
    old = store.ingest(engine, evaluate(seed_doc, seed_rules))
    new = store.ingest(engine, evaluate(later_doc, seed_rules))
    stored = compare_dict(
        store.stored_card(engine, store.find_report(engine, "令和7年度")),
        store.stored_card(engine, store.find_report(engine, str(new.report_id))),
    )
    direct = compare_dict(
        scorecard_dict(evaluate(seed_doc, seed_rules)),
        scorecard_dict(evaluate(later_doc, seed_rules)),
    )
    assert [(c["indicator"], c["change"]) for c in stored["changes"]] == [
        (c["indicator"], c["change"]) for c in direct["changes"]
    ]
    assert store.find_report(engine, "2025") == old.report_id


def test_failed_ingest_leaves_nothing(db, seed_doc, seed_rules, monkeypatch) -> None:
    from kpi_tracker import store

    engine = store.open_store(db)
    card = evaluate(seed_doc, seed_rules)
    real = store._evaluation_values

    def exploding(*args):
        # Mid-document: the report, its measures, indicators and observations are written.
        raise RuntimeError("killed")

    monkeypatch.setattr(store, "_evaluation_values", exploding)
    with pytest.raises(RuntimeError):
        store.ingest(engine, card)
    monkeypatch.setattr(store, "_evaluation_values", real)
    assert _count(db, store.ReportRow) == 0
    assert _count(db, store.IndicatorRow) == 0
    assert store.ingest(engine, card).created  # and it can be stored afterwards


def test_unknown_report(db) -> None:
    from kpi_tracker import store

    engine = store.open_store(db)
    with pytest.raises(StoreError, match="no stored report for fiscal year 2030"):
        store.find_report(engine, "2030")
    with pytest.raises(StoreError, match="no stored report with id 7"):
        store.find_report(engine, "7")


def test_newer_schema_is_refused(tmp_path) -> None:
    from sqlmodel import Session

    from kpi_tracker import store

    url = f"sqlite:///{tmp_path / 'h.db'}"
    engine = store.open_store(url)
    with Session(engine) as session, session.begin():
        session.get(store.MetaRow, "schema_version").value = "99"
    with pytest.raises(StoreError, match="schema version 99 is newer"):
        store.open_store(url)


def test_cli_ingest_history_compare(tmp_path, later_doc) -> None:
    db = tmp_path / "cli.db"
    env = {**os.environ, "KPI_TRACKER_DB": str(db)}

    def cli(*args):
        return run(*args, env=env)

    first = cli("ingest", str(SEED), later_doc.source)
    assert first.returncode == 0, first.stderr
    assert "stored as report 1 (fiscal year 2025)" in first.stdout
    again = cli("ingest", str(SEED))
    assert "already stored (same content) as report 1" in again.stdout
    hist = cli("history", "--indicator", "child-welfare-officers", "--format", "json")
    import json

    assert [r["actual"] for r in json.loads(hist.stdout)] == [6866, 7401]
    cmp = cli("compare", "2025", "2026", "--format", "json")
    changes = {c["indicator"]: c["change"] for c in json.loads(cmp.stdout)["changes"]}
    assert changes["child-welfare-officers"] == "improved"
    missing = cli("compare", "2025", "nothing-here")
    assert missing.returncode == 2
    assert missing.stderr.startswith("kpi-tracker: error: sqlite:///")
    assert "'nothing-here' is neither a file, a report id nor a fiscal year" in missing.stderr


def test_cli_scorecard_reads_trends_from_db(tmp_path) -> None:
    """集落ネットワーク圏: 1,386 (令和7年度, stored) → 1,600 (令和8年度): on track for 1,800 by
    令和9年度末 only when the stored year is known."""
    import json

    later = write_variant(
        tmp_path,
        {
            78: (
                "令和7年度における集落ネットワーク圏(小さな拠点)の形成数は1,386か所",
                "令和8年度における集落ネットワーク圏(小さな拠点)の形成数は1,600か所",
            )
        },
        "r8c.txt",
        title_year="令和8年度",
    )
    db = f"sqlite:///{tmp_path / 'trend.db'}"

    def status(*extra: str) -> dict:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "kpi_tracker",
                "scorecard",
                str(later),
                "--format",
                "json",
                *extra,
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        return next(
            i for i in json.loads(result.stdout)["indicators"] if i["id"] == "village-networks"
        )

    assert status()["status"] == "behind"
    subprocess.run(
        [sys.executable, "-m", "kpi_tracker", "ingest", str(SEED), "--db", db],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    with_history = status("--db", db)
    assert with_history["status"] == "on_track", with_history["reason"]
    assert with_history["trend"][0] == {"date": "2026-03-31", "value": 1386, "source": "history"}


def test_history_formats(tmp_path, seed_doc, seed_rules) -> None:
    import csv
    import io

    from kpi_tracker import store
    from kpi_tracker.render.history import render

    engine = store.open_store(f"sqlite:///{tmp_path / 'h.db'}")
    store.ingest(engine, evaluate(seed_doc, seed_rules))
    rows = store.history(engine, measure=8)
    assert [r["indicator"] for r in rows] == [
        "suicide-week-awareness",
        "support-search-site-pv",
        "mamorouyo-kokoro-pv",
    ]
    md = render(rows, "md")
    assert (
        "| 2025 | 2026-03-31 | 8 | 支援情報検索サイトのアクセス数(年間) (support-search-site-pv) | 274,285回 |"
        in md
    )
    table = list(csv.DictReader(io.StringIO(render(rows, "csv")[1:])))
    assert table[1]["actual"] == "274285" and table[1]["status"] == "behind"
    assert render([], "md").count("保存された報告がない") == 1

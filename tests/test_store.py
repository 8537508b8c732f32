"""Stored history on SQLite, and on PostgreSQL when KPI_TRACKER_TEST_PG_URL is set (.ci/run
sets it). No mocks of the database."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kpi_tracker.errors import StoreError
from kpi_tracker.judge.compare import compare_dict
from kpi_tracker.judge.scorecard import evaluate
from kpi_tracker.pipeline import stored_wording
from kpi_tracker.read.document import load_document

from .helpers import REWRITES, ROOT, SEED, card_dict, run, write_variant

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

    from kpi_tracker.store import db as store

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

    from kpi_tracker.store import db as store

    engine = store.open_store(url)
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(table))


def test_ingest_twice_stores_once(db, seed_doc, seed_rules) -> None:
    from kpi_tracker.pipeline import stored_wording
    from kpi_tracker.store import db as store

    engine = store.open_store(db)
    card = evaluate(seed_doc, seed_rules)
    first = store.ingest(engine, card, stored_wording())
    second = store.ingest(engine, card, stored_wording())
    assert first.created and not second.created
    assert first.report_id == second.report_id
    assert _count(db, store.ReportRow) == 1
    assert _count(db, store.MeasureRow) == 143
    assert _count(db, store.IndicatorRow) == len(card.indicators)
    assert _count(db, store.EvaluationRow) == len(card.indicators)
    assert _count(db, store.ObservationRow) > 0


def test_history_across_years(db, seed_doc, later_doc, seed_rules) -> None:
    from kpi_tracker.pipeline import stored_wording
    from kpi_tracker.store import db as store

    engine = store.open_store(db)
    store.ingest(
        engine, evaluate(later_doc, seed_rules), stored_wording()
    )  # out of order on purpose
    store.ingest(engine, evaluate(seed_doc, seed_rules), stored_wording())
    rows = store.history(engine, measure=109)
    assert [(r["fiscal_year"], r["actual"], r["status"]) for r in rows] == [
        (2025, 6866, "behind"),
        (2026, 7401, "achieved"),
    ]
    only = store.history(engine, indicator="child-welfare-officers")
    assert only == rows


def test_history_feeds_the_trend(db, seed_doc, seed_rules, tmp_path) -> None:
    from kpi_tracker.pipeline import stored_wording
    from kpi_tracker.store import db as store

    engine = store.open_store(db)
    store.ingest(engine, evaluate(seed_doc, seed_rules), stored_wording())
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
    card = card_dict(evaluate(later, seed_rules, history=past))
    ind = next(i for i in card["indicators"] if i["id"] == "child-welfare-officers")
    assert ind["trend"][0] == {"date": "2026-03-31", "value": 6866, "source": "history"}
    assert ind["actual"] == 7150


def test_compare_stored_reports(db, seed_doc, later_doc, seed_rules) -> None:
    from kpi_tracker.pipeline import stored_wording
    from kpi_tracker.store import db as store

    engine = store.open_store(db)
    old = store.ingest(engine, evaluate(seed_doc, seed_rules), stored_wording())
    new = store.ingest(engine, evaluate(later_doc, seed_rules), stored_wording())
    stored = compare_dict(
        store.stored_card(engine, store.find_report(engine, "令和7年度")),
        store.stored_card(engine, store.find_report(engine, str(new.report_id))),
    )
    direct = compare_dict(
        card_dict(evaluate(seed_doc, seed_rules)),
        card_dict(evaluate(later_doc, seed_rules)),
    )
    assert [(c["indicator"], c["change"]) for c in stored["changes"]] == [
        (c["indicator"], c["change"]) for c in direct["changes"]
    ]
    assert store.find_report(engine, "2025") == old.report_id


def test_failed_ingest_leaves_nothing(db, seed_doc, seed_rules, monkeypatch) -> None:
    from kpi_tracker.pipeline import stored_wording
    from kpi_tracker.store import db as store

    engine = store.open_store(db)
    card = evaluate(seed_doc, seed_rules)
    real = store._evaluation_values

    def exploding(*args):
        # Mid-document: the report, its measures, indicators and observations are written.
        raise RuntimeError("killed")

    monkeypatch.setattr(store, "_evaluation_values", exploding)
    with pytest.raises(RuntimeError):
        store.ingest(engine, card, stored_wording())
    monkeypatch.setattr(store, "_evaluation_values", real)
    assert _count(db, store.ReportRow) == 0
    assert _count(db, store.IndicatorRow) == 0
    assert store.ingest(engine, card, stored_wording()).created  # and it can be stored afterwards


def test_unknown_report(db) -> None:
    from kpi_tracker.store import db as store

    engine = store.open_store(db)
    with pytest.raises(StoreError, match="no stored report for fiscal year 2030"):
        store.find_report(engine, "2030")
    with pytest.raises(StoreError, match="no stored report with id 7"):
        store.find_report(engine, "7")


def test_newer_schema_is_refused(tmp_path) -> None:
    from sqlmodel import Session

    from kpi_tracker.store import db as store

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
        result = run("scorecard", str(later), "--format", "json", *extra)
        assert result.returncode == 0, result.stderr
        return next(
            i for i in json.loads(result.stdout)["indicators"] if i["id"] == "village-networks"
        )

    assert status()["status"] == "behind"
    assert run("ingest", str(SEED), "--db", db).returncode == 0
    with_history = status("--db", db)
    assert with_history["status"] == "on_track", with_history["reason"]
    assert with_history["trend"][0] == {"date": "2026-03-31", "value": 1386, "source": "history"}


def test_history_formats(tmp_path, seed_doc, seed_rules) -> None:
    import csv
    import io

    from kpi_tracker.pipeline import stored_wording
    from kpi_tracker.render.history import render
    from kpi_tracker.store import db as store

    engine = store.open_store(f"sqlite:///{tmp_path / 'h.db'}")
    store.ingest(engine, evaluate(seed_doc, seed_rules), stored_wording())
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


# --- issue 11: identity, revisions, concurrency, foreign tables, one-line errors ------------


def _one_line_error(result, starts: str = "kpi-tracker: error: ") -> str:
    lines = result.stderr.splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith(starts), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_same_table_in_four_encodings_is_stored_once(tmp_path) -> None:
    # D2: UTF-8, CRLF, BOM and CP932 copies were four reports; history showed every value four
    # times and `compare 2025 S` found "several stored reports".
    text = SEED.read_text(encoding="utf-8").replace("发", "発")
    copies = {
        "utf8.txt": text.encode("utf-8"),
        "crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "cp932.txt": text.encode("cp932"),
    }
    for name, data in copies.items():
        (tmp_path / name).write_bytes(data)
    db = str(tmp_path / "h.db")
    result = run("ingest", *(str(tmp_path / n) for n in copies), "--db", db)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("already stored (same content) as report 1") == 3
    hist = run("history", "--indicator", "child-welfare-officers", "--format", "json", "--db", db)
    import json

    assert len(json.loads(hist.stdout)) == 1
    cmp = run("compare", "2025", str(tmp_path / "bom.txt"), "--db", db)
    assert cmp.returncode == 0, cmp.stderr


def test_republished_document_needs_replace(db, seed_doc, seed_rules, tmp_path) -> None:
    # D2: a different document for a plan and year already stored (a corrected re-publication)
    # is refused unless replace; the old one is kept, history and compare use the latest.
    from kpi_tracker.pipeline import stored_wording
    from kpi_tracker.store import db as store

    engine = store.open_store(db)
    first = store.ingest(engine, evaluate(seed_doc, seed_rules), stored_wording())
    corrected = load_document(
        write_variant(tmp_path, {109: ("6,866人", "6,900人")}, "corrected.txt")
    )
    with pytest.raises(StoreError) as info:
        store.ingest(engine, evaluate(corrected, seed_rules), stored_wording())
    assert f"report {first.report_id} is stored for fiscal year 2025 of" in str(info.value)
    assert str(info.value).endswith("give --replace to store this one as its correction")
    second = store.ingest(engine, evaluate(corrected, seed_rules), stored_wording(), replace=True)
    assert second.created and second.superseded == first.report_id
    assert _count(db, store.ReportRow) == 2  # the old one is kept
    series = store.history(engine, indicator="child-welfare-officers")
    assert [(r["report"], r["actual"]) for r in series] == [(second.report_id, 6900)]
    assert store.find_report(engine, "2025") == second.report_id
    assert store.find_report(engine, str(first.report_id)) == first.report_id  # still there


def _fresh_pg_schema(name: str) -> str:
    import psycopg

    plain = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        conn.execute(f"CREATE SCHEMA {name}")
    return f"{PG_URL}?options=-csearch_path%3D{name}"


@pytest.mark.parametrize("backend", BACKENDS)
def test_concurrent_first_use_stores_every_document(backend, tmp_path) -> None:
    # D5: four ingests started together on a new database lost one to three of them
    # (`table … already exists`, `UNIQUE constraint failed: kpi_meta.key`, pg_type_typname…).
    url = f"sqlite:///{tmp_path / 'new.db'}" if backend == "sqlite" else _fresh_pg_schema("kt_race")
    docs = [
        write_variant(tmp_path, {}, f"r{y}.txt", title_year=f"令和{y}年度") for y in (4, 5, 6, 7)
    ]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "kpi_tracker", "ingest", str(d), "--db", url],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for d in docs
    ]
    outcomes = [(p.wait(120), p.stderr.read()) for p in procs]
    assert [code for code, _ in outcomes] == [0, 0, 0, 0], outcomes
    from kpi_tracker.store import db as store

    assert _count(url, store.ReportRow) == 4


def test_foreign_table_is_refused(tmp_path) -> None:
    # D6: a table kpi_report of another shape crashed `history`.
    import sqlite3

    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE kpi_report (id INTEGER PRIMARY KEY, name TEXT)")
    line = _one_line_error(run("history", "--db", str(path)))
    assert line.endswith(
        "table kpi_report is not kpi-tracker's (it has no column sha256); "
        "use another database or schema"
    )


@pytest.mark.parametrize("value", ["v1", ""])  # crashed in int()
def test_schema_version_that_is_no_number(tmp_path, value: str) -> None:
    from sqlmodel import Session

    from kpi_tracker.store import db as store

    url = f"sqlite:///{tmp_path / 'h.db'}"
    engine = store.open_store(url)
    with Session(engine) as session, session.begin():
        session.get(store.MetaRow, "schema_version").value = value
    with pytest.raises(StoreError) as info:
        store.open_store(url)
    assert str(info.value).endswith(f"schema_version {value!r} is not a kpi-tracker schema version")


@pytest.mark.parametrize(
    "args",
    [
        ["compare", "²", "1"],  # '²'.isdigit() is true, int('²') fails
        ["compare", "99999999999999999999", "1"],  # too large for SQLite's integers
        ["history", "--measure", "99999999999999999999"],
    ],
)
def test_odd_numbers_are_one_line(tmp_path, seed_doc, seed_rules, args) -> None:
    # D7: tracebacks.
    from kpi_tracker.pipeline import stored_wording
    from kpi_tracker.store import db as store

    db = str(tmp_path / "d.db")
    store.ingest(store.open_store(db), evaluate(seed_doc, seed_rules), stored_wording())
    _one_line_error(run(*args, "--db", db))


def test_database_errors_are_one_line_without_document_text(tmp_path) -> None:
    # D13: database errors took 2–4 lines: the SQL, parameters with document text and a
    # "Background on this error" link.
    import sqlite3

    from kpi_tracker.store import db as store

    path = tmp_path / "h.db"
    store.open_store(str(path)).dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON kpi_measure "
            "BEGIN SELECT RAISE(ABORT, 'measures are refused here'); END"
        )
    line = _one_line_error(run("ingest", str(SEED), "--db", str(path)))
    assert line == (
        f"kpi-tracker: error: sqlite:///{path}: {SEED} was not stored: measures are refused here"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["history"],
        ["compare", "2024", "2025"],
    ],
)
def test_read_only_commands_never_create_a_database(tmp_path, args) -> None:
    # D17: `history --db typo.db` silently created an empty database.
    path = tmp_path / "typo.db"
    line = _one_line_error(run(*args, "--db", str(path)))
    assert line == f"kpi-tracker: error: sqlite:///{path}: no database here (nothing ingested yet?)"
    assert not path.exists()


def test_scorecard_trends_from_a_missing_database(tmp_path) -> None:
    # A missing database holds no stored history: the scorecard is made without, and the
    # database is not created.
    path = tmp_path / "typo.db"
    result = run("scorecard", str(SEED), "--db", str(path), "-o", os.devnull)
    assert result.returncode == 0, result.stderr
    assert not path.exists()


def test_interrupted_ingest_leaves_nothing(tmp_path, monkeypatch) -> None:
    # D15: Ctrl-C during an ingest exits 130 and the transaction is rolled back.
    from click.testing import CliRunner

    from kpi_tracker.cli import cli
    from kpi_tracker.store import db as store

    def interrupted(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "_evaluation_values", interrupted)
    db = f"sqlite:///{tmp_path / 'h.db'}"
    result = CliRunner().invoke(cli, ["ingest", str(SEED), "--db", db])
    assert result.exit_code == 130
    assert result.stderr.splitlines()[-1] == "kpi-tracker: error: interrupted"
    monkeypatch.undo()
    assert _count(db, store.ReportRow) == 0


def test_nul_in_a_cell_stores_everywhere(db, seed_rules, tmp_path) -> None:
    # D14: a NUL byte in a cell stored in SQLite and failed in PostgreSQL; the reader drops it.
    from kpi_tracker.pipeline import stored_wording
    from kpi_tracker.store import db as store

    path = tmp_path / "nul.txt"
    path.write_bytes(
        SEED.read_bytes().replace("支援情報検索サイト".encode(), "支援\0情報検索サイト".encode())
    )
    result = store.ingest(
        store.open_store(db), evaluate(load_document(path), seed_rules), stored_wording()
    )
    assert result.created


# --- issue 25: bulk ingest (driver executemany / COPY) stores the rows Core stored ----------


def _table_rows(engine) -> dict[str, list[tuple]]:
    """Every row of the reports' tables, ids replaced by what they stand for: a report by its
    sha256, an indicator by its report's sha256 and its rule id."""
    from sqlalchemy import select

    from kpi_tracker.store import db as store

    with engine.connect() as connection:
        sha_of = dict(connection.execute(select(store.ReportRow.id, store.ReportRow.sha256)).all())
        rule_of = {
            i: (sha_of[r], rule)
            for i, r, rule in connection.execute(
                select(
                    store.IndicatorRow.id, store.IndicatorRow.report_id, store.IndicatorRow.rule_id
                )
            ).all()
        }
        out = {}
        for table in (
            store.MeasureRow,
            store.IndicatorRow,
            store.ObservationRow,
            store.EvaluationRow,
        ):
            t = table.__table__
            columns = [c for c in t.columns if c.name != "id"]
            rows = connection.execute(select(*columns)).all()
            names = {"indicator_id": rule_of, "report_id": sha_of}
            out[t.name] = sorted(
                (
                    tuple(
                        names[c.name][v] if c.name in names else v
                        for c, v in zip(columns, row, strict=True)
                    )
                    for row in rows
                ),
                key=repr,
            )
    return out


def test_bulk_ingest_stores_the_rows_core_stores(
    db, seed_doc, seed_rules, tmp_path, monkeypatch
) -> None:
    from sqlmodel import SQLModel

    from kpi_tracker.pipeline import stored_wording
    from kpi_tracker.store import db as store

    card = evaluate(seed_doc, seed_rules)
    stored = []
    for bulk in (True, False):
        if not bulk:  # the SQLAlchemy Core path, as other databases take it
            monkeypatch.setattr(
                store,
                "_store_rows",
                lambda session, report_id, card, say: store._core_rows(
                    session, report_id, card, say
                ),
            )
        engine = store.open_store(db)
        store.ingest(engine, card, stored_wording())
        stored.append(_table_rows(engine))
        SQLModel.metadata.drop_all(engine)
        engine.dispose()
    assert stored[0] == stored[1]
    assert len(stored[0]["kpi_indicator"]) == len(card.indicators) > 0
    assert len(stored[0]["kpi_observation"]) == sum(len(o.observations) for o in card.indicators)


def test_bulk_ingest_error_is_one_store_error(tmp_path, seed_doc, seed_rules) -> None:
    """A refusal by the driver itself (the bulk path runs outside SQLAlchemy) is one
    StoreError naming the document, and nothing of the report stays."""
    import sqlite3

    from kpi_tracker.store import db as store

    path = tmp_path / "h.db"
    engine = store.open_store(f"sqlite:///{path}")
    with sqlite3.connect(path) as raw:
        raw.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON kpi_observation "
            "BEGIN SELECT RAISE(ABORT, 'observations are refused here'); END"
        )
    with pytest.raises(StoreError, match="was not stored: observations are refused here"):
        store.ingest(engine, evaluate(seed_doc, seed_rules), stored_wording())
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT count(*) FROM kpi_report").fetchone() == (0,)
        assert raw.execute("SELECT count(*) FROM kpi_indicator").fetchone() == (0,)


# --- issue 25: SQLite and PostgreSQL store the same rows ------------------------------------

needs_pg = pytest.mark.skipif(
    not PG_URL, reason="KPI_TRACKER_TEST_PG_URL not set (.ci/run starts PostgreSQL and sets it)"
)


def _clean_pg():
    from sqlmodel import SQLModel

    from kpi_tracker.store import db as store

    engine = store.open_store(PG_URL)
    SQLModel.metadata.drop_all(engine)
    engine.dispose()
    return store.open_store(PG_URL)


def _foreign_keys(engine) -> list[tuple]:
    with engine.connect() as connection:
        return sorted(
            connection.exec_driver_sql(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
                "FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text LIKE 'kpi_%%'"
            ).all()
        )


def _cards(seed_doc, seed_rules):
    from .helpers import HAKUSHO, MUNICIPAL, REVIEW

    return [
        evaluate(seed_doc, seed_rules),  # prose with rules: measures without indicators too
        evaluate(load_document(REVIEW), None),  # 行政事業レビュー: a row line per indicator
        evaluate(load_document(HAKUSHO), None),
        evaluate(load_document(MUNICIPAL), None),
    ]


@needs_pg
def test_sqlite_and_postgresql_store_the_same_rows(
    seed_doc, seed_rules, tmp_path, monkeypatch
) -> None:
    """Every measure, indicator, observation and evaluation, value for value, on both; the
    first report goes in with the foreign keys checked after the load (an empty database),
    a later one, into a history that outweighs it, row by row."""
    from kpi_tracker.store import db as store

    cards = _cards(seed_doc, seed_rules)
    outweighed: list[list[str]] = []
    find = store._outweighed
    monkeypatch.setattr(
        store, "_outweighed", lambda *a: outweighed.append(find(*a)) or outweighed[-1]
    )
    pg = _clean_pg()
    keys = _foreign_keys(pg)
    assert len(keys) == 5  # measure, indicator, observation, evaluation, source
    sqlite = store.open_store(f"sqlite:///{tmp_path / 'h.db'}")
    # The largest first (the keys dropped and added back), then smaller ones (kept).
    for card in sorted(cards, key=lambda c: -len(c.indicators)):
        for engine in (sqlite, pg):
            assert store.ingest(engine, card, stored_wording()).created
        assert _foreign_keys(pg) == keys
    on_sqlite, on_pg = _table_rows(sqlite), _table_rows(pg)
    assert on_sqlite == on_pg
    indicators = sum(len(c.indicators) for c in cards)
    observations = sum(len(o.observations) for c in cards for o in c.indicators)
    assert len(on_pg["kpi_indicator"]) == len(on_pg["kpi_evaluation"]) == indicators > 50
    assert len(on_pg["kpi_observation"]) == observations > indicators
    assert len(on_pg["kpi_measure"]) == sum(len(c.measures) for c in cards)
    # Both ways taken: every table's keys dropped for the first report, none for the last.
    assert outweighed[0] == ["kpi_measure", "kpi_indicator", "kpi_observation", "kpi_evaluation"]
    assert outweighed[-1] == []
    pg.dispose()


@needs_pg
@pytest.mark.parametrize("history", [False, True], ids=["keys-after-load", "keys-per-row"])
def test_a_row_without_its_indicator_stores_nothing(
    history, seed_doc, seed_rules, monkeypatch
) -> None:
    """The foreign keys still hold when they are checked after the load: an observation of
    no indicator refuses the whole report with the database's own line, both ways."""
    from kpi_tracker.store import db as store

    card = evaluate(seed_doc, seed_rules)
    pg = _clean_pg()
    keys = _foreign_keys(pg)
    if history:  # a stored report that outweighs the next one: every row checked as it comes
        store.ingest(pg, evaluate(load_document(_review()), None), stored_wording())
    before = _table_rows(pg)
    made = store._bulk_rows

    def with_a_stray_row(*args):
        tables = made(*args)
        stray = (10**9, *tables["kpi_observation"][0][1:])
        tables["kpi_observation"].append(stray)
        return tables

    monkeypatch.setattr(store, "_bulk_rows", with_a_stray_row)
    with pytest.raises(StoreError) as caught:
        store.ingest(pg, card, stored_wording())
    refusal = 'violates foreign key constraint "kpi_observation_indicator_id_fkey"'
    assert refusal in str(caught.value)
    assert _table_rows(pg) == before
    assert _foreign_keys(pg) == keys
    pg.dispose()


def _review():
    from .helpers import REVIEW

    return REVIEW


@needs_pg
def test_a_reader_holding_the_tables_keeps_the_row_checks(
    seed_doc, seed_rules, tmp_path, monkeypatch
) -> None:
    """A transaction that read the tables holds a lock ALTER TABLE waits for: after
    ``_LOCK_WAIT`` the report is stored with every row checked instead, the same rows."""
    import threading
    import time

    import psycopg
    from sqlalchemy.engine import make_url

    from kpi_tracker.store import db as store

    monkeypatch.setattr(store, "_LOCK_WAIT", "200ms")
    card = evaluate(seed_doc, seed_rules)
    pg = _clean_pg()
    keys = _foreign_keys(pg)
    url = make_url(PG_URL).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url) as reader:
        reader.execute("SELECT count(*) FROM kpi_observation")  # its transaction stays open
        # Had ALTER TABLE gone on waiting, the ingest would wait for this reader: let it go
        # after a while, and tell.
        release = threading.Timer(30, reader.rollback)
        release.start()
        start = time.monotonic()
        assert store.ingest(pg, card, stored_wording()).created
        assert time.monotonic() - start < 20
        release.cancel()
        reader.rollback()
    sqlite = store.open_store(f"sqlite:///{tmp_path / 'h.db'}")
    store.ingest(sqlite, card, stored_wording())
    assert _table_rows(pg) == _table_rows(sqlite)
    assert _foreign_keys(pg) == keys
    pg.dispose()


class _Conflict(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(("state", "calls"), [("40P01", 2), ("40001", 2), ("42P01", 1)])
def test_a_transaction_ended_by_a_conflict_runs_again(state, calls, monkeypatch) -> None:
    # D5: runs started together on a new PostgreSQL database met as one created the schema
    # ("deadlock detected"): the ended transaction runs again; any other error is raised
    from sqlalchemy.exc import OperationalError

    from kpi_tracker.store import db as store

    monkeypatch.setattr(store.time, "sleep", lambda _: None)
    seen = []

    def step() -> str:
        seen.append(1)
        if len(seen) == 1:
            raise OperationalError("SELECT 1", {}, _Conflict(state))
        return "done"

    if calls == 1:
        with pytest.raises(OperationalError):
            store._retried(step)
    else:
        assert store._retried(step) == "done"
    assert len(seen) == calls

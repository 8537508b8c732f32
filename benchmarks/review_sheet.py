"""The 行政事業レビュー 目標・実績 file at national scale, for ``benchmarks/run.py``.

``build_review_sheet`` writes a file in the published layout (28 columns of project and
indicator facts, then the year columns 2007 … 2060, UTF-8 with BOM, four rows per indicator:
1.目標年度 / 2.目標値 / 3.実績値 / 4.達成率), with a fixed seed: about 5,000 projects of 2–11
indicators across 20 ministries, 5% 定性的, 10% of actuals ``-``, numbers with commas. It is
generated into the benchmark's temporary folder and never committed.

Each measurement runs in a process of its own, so that none carries another's heap.
"""

from __future__ import annotations

import csv
import random
import subprocess
import sys
from pathlib import Path

MINISTRIES = (  # noqa: SIM905 - one line of names reads better than twenty
    "内閣府 総務省 法務省 外務省 財務省 文部科学省 厚生労働省 農林水産省 経済産業省 国土交通省 "
    "環境省 防衛省 デジタル庁 こども家庭庁 復興庁 警察庁 金融庁 消費者庁 個人情報保護委員会 "
    "カジノ管理委員会"
).split()
META = [
    "シート種別",
    "事業年度",
    "予算事業ID",
    "事業名",
    "府省庁の建制順",
    "政策所管府省庁",
    "府省庁",
    "局・庁",
    "部",
    "課",
    "室",
    "班",
    "係",
    "事業に関連するKPIが定められている閣議決定等の名称",
    "事業に関連するKPIが定められている閣議決定等の該当箇所",
    "事業に関連するKPIが定められている閣議決定等のURL",
    "アクティビティ・アウトプット・アウトカムの番号",
    "種別（アクティビティ・アウトプット・アウトカム）",
    "アウトカムの期間",
    "成果目標の種類",
    "アクティビティ／活動目標／成果目標",
    "活動指標／成果指標",
    "単位",
    "改善の上向き／下向き",
    "成果実績及び目標値の根拠として用いた統計・データ名（出典）",
    "定性的なアウトカム目標を設定している理由",
    "定性的なアウトカムに関する成果実績",
    "目標年度／目標値／実績値／達成率",
]
YEARS = range(2007, 2061)
KINDS = ("1.目標年度", "2.目標値", "3.実績値", "4.達成率")


def build_review_sheet(folder: Path, rows: int, year: int = 2024, seed: int = 16) -> Path:
    """A 行政事業レビュー file of ``rows`` rows (``rows // 4`` indicators) for fiscal ``year``."""
    rnd = random.Random(seed)
    path = folder / f"3-1_RS_{year}_効果発現経路_目標・実績.csv"
    first = YEARS[0]
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow([*META, *map(str, YEARS)])
        project = left = number = 0
        ministry = ""
        for n in range(rows // 4):
            if left == 0:
                project += 1
                left = rnd.randint(2, 11)
                ministry = MINISTRIES[project % len(MINISTRIES)]
                number = 0
            left -= 1
            number += 1
            qualitative = rnd.random() < 0.05
            up = rnd.random() < 0.8
            base = rnd.randint(50, 20000)
            target_year = rnd.choice([year - 1, year, year + 1, year + 2, year + 5])
            final = base * (1.3 if up else 0.7)
            meta = [
                "3-1", str(year), str(project), f"事業{project}", str(project % 20), ministry,
                ministry, "局", "部", "課", "", "", "", "", "", "", str(number),
                rnd.choice(["アウトプット", "アウトカム"]), "短期",
                "定性的" if qualitative else "定量的", f"目標{n}", f"指標{number}",
                rnd.choice(["件", "人", "%", "回", "団体", ""]), "上向き" if up else "下向き",
                "業務統計", "", "", "",
            ]  # fmt: skip
            cells = [[""] * len(YEARS) for _ in KINDS]
            if not qualitative:
                cells[0][target_year - first] = "1"
                cells[1][target_year - first] = f"{round(final):,}"
                middle = (base + final) / 2
                if target_year > year:  # an intermediate target for this year
                    cells[1][year - first] = f"{round(middle):,}"
                for y in range(year - 5, year + 1):
                    if rnd.random() < 0.1:
                        cells[2][y - first] = "-"
                        continue
                    actual = base * (1 + (0.06 if up else -0.06) * rnd.uniform(0, 1.5)) ** (
                        y - year + 5
                    )
                    cells[2][y - first] = f"{round(actual):,}"
                    goal = middle if y == year and target_year > year else final
                    rate = actual / goal if up else goal / actual
                    cells[3][y - first] = f"{100 * rate:.1f}"
            for kind, values in zip(KINDS, cells, strict=True):
                meta[-1] = kind
                out.writerow(meta + values)
    return path


_RSS_CHILD = """
import sys
from kpi_tracker.read.document import load_document
from kpi_tracker.judge.scorecard import evaluate
card = evaluate(load_document(sys.argv[1]), None)
status = open("/proc/self/status").read()
print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
"""

_INGEST_CHILD = """
import sys, time
from sqlalchemy import func, select
from sqlmodel import Session
from kpi_tracker.store import db as store
from kpi_tracker.pipeline import stored_wording
from kpi_tracker.read.document import load_document
from kpi_tracker.judge.scorecard import evaluate
path, url = sys.argv[1], sys.argv[2]
engine = store.open_store(url)
card = evaluate(load_document(path), None)
start = time.perf_counter()
result = store.ingest(engine, card, stored_wording())
elapsed = time.perf_counter() - start
with Session(engine) as session:
    stored = session.scalar(
        select(func.count()).select_from(store.IndicatorRow)
        .where(store.IndicatorRow.report_id == result.report_id)
    )
    observations = session.scalar(
        select(func.count()).select_from(store.ObservationRow)
        .join(store.IndicatorRow, store.ObservationRow.indicator_id == store.IndicatorRow.id)
        .where(store.IndicatorRow.report_id == result.report_id)
    )
# Leave the database as found: the report and everything under it (ON DELETE CASCADE).
with Session(engine) as session, session.begin():
    session.delete(session.get(store.ReportRow, result.report_id))
print(elapsed, stored, observations, len(card.indicators))
"""

# The peer: what a user would write with the standard library's sqlite3 to store the same
# rows in the same schema (created by kpi-tracker in an empty file first): tuples built from
# the scorecard, ids assigned by the script, one executemany per table, one transaction.
_PLAIN_SQLITE_CHILD = """
import json, sqlite3, sys, time
from datetime import datetime, UTC
from pathlib import Path
from kpi_tracker.store import db as store
from kpi_tracker.read.document import load_document
from kpi_tracker.judge.scorecard import evaluate
from kpi_tracker.pipeline import stored_wording
path, db = sys.argv[1], sys.argv[2]
Path(db).unlink(missing_ok=True)
store.open_store(f"sqlite:///{db}").dispose()  # the same schema, indexes included
card = evaluate(load_document(path), None)
iso = lambda d: d.isoformat() if d else None
say = stored_wording()  # the reasons worded as kpi-tracker stores them
start = time.perf_counter()
con = sqlite3.connect(db, isolation_level=None)
con.execute("PRAGMA foreign_keys=ON")
con.execute("BEGIN IMMEDIATE")
doc = card.document
report = con.execute(
    "INSERT INTO kpi_report (sha256, title, plan, fiscal_year, as_of, source, rules_path, "
    "rules_sha256, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    (doc.sha256, doc.title, doc.plan, doc.fiscal_year, iso(doc.as_of), doc.source, None, None,
     datetime.now(UTC).isoformat(" ")),
).lastrowid
con.executemany(
    "INSERT INTO kpi_measure (report_id, no, name, section, ministries, status, grade, reason, "
    "line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [(report, m.measure.no, m.measure.name, json.dumps(list(m.measure.section)),
      json.dumps(list(m.measure.ministries)), str(m.status), m.grade,
      say(m.reason) if m.reason is not None else None, m.measure.line)
     for m in card.measures],
)
first = (con.execute("SELECT max(id) FROM kpi_indicator").fetchone()[0] or 0) + 1
outcomes = [(m, o) for m in card.measures for o in m.outcomes]
con.executemany(
    "INSERT INTO kpi_indicator (id, report_id, measure_no, rule_id, rules_sha256, label, unit, "
    "comparator, target, deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [(first + n, report, m.measure.no, o.indicator.id, None, o.indicator.label,
      o.indicator.unit, str(o.indicator.comparator), o.target, iso(o.deadline))
     for n, (m, o) in enumerate(outcomes)],
)
con.executemany(
    "INSERT INTO kpi_observation (indicator_id, value, unit, period_start, period_end, "
    "period_text, provisional, approx, change, evidence, strength) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [(first + n, b.value, b.unit, iso(b.period and b.period.start),
      iso(b.period and b.period.end), b.period.text if b.period else None, b.provisional,
      b.approx, b.change, b.evidence, b.strength)
     for n, (m, o) in enumerate(outcomes) for b in o.observations],
)
con.executemany(
    "INSERT INTO kpi_evaluation (indicator_id, status, overdue, actual, progress, growth_ratio, "
    "reason, reason_code, provisional, period_start, period_end, period_text, evidence_text, "
    "evidence_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [(first + n, str(o.status), o.overdue, o.actual, o.progress, o.growth_ratio, say(o.why),
      o.reason_code, o.provisional, iso(o.period and o.period.start),
      iso(o.period and o.period.end), o.period.text if o.period else None,
      o.observation.evidence if o.observation else None,
      card.extras.get(o.indicator.id, {}).get("line") if o.observation else None)
     for n, (m, o) in enumerate(outcomes)],
)
con.execute("COMMIT")
elapsed = time.perf_counter() - start
count = "SELECT count(*) FROM kpi_indicator WHERE report_id = ?"
stored = con.execute(count, (report,)).fetchone()[0]
print(elapsed, stored, len(card.indicators))
"""


def _child(code: str, *args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True
    )
    return result.stdout.split()


def peak_rss_mb(path: Path) -> float:
    return int(_child(_RSS_CHILD, str(path))[0]) / 1024


def ingest_time(path: Path, url: str) -> tuple[float, int, int, int]:
    """Seconds to store the evaluated file; indicators and observations stored; indicators."""
    seconds, stored, observations, indicators = _child(_INGEST_CHILD, str(path), url)
    return float(seconds), int(stored), int(observations), int(indicators)


def plain_sqlite_time(path: Path, db: Path) -> tuple[float, int, int]:
    """Seconds for the plain sqlite3 executemany peer; indicators stored; indicators."""
    seconds, stored, indicators = _child(_PLAIN_SQLITE_CHILD, str(path), str(db))
    return float(seconds), int(stored), int(indicators)

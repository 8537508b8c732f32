"""Stored history: SQLModel tables and the few queries kpi-tracker needs.

SQLite by default (a file), any SQLAlchemy URL otherwise (PostgreSQL included). The schema is
created on first use and its version recorded in ``kpi_meta``; a database written by a newer
kpi-tracker is refused rather than misread. Only this module touches the database, and it is
imported only by the commands that need it (sqlmodel costs ~0.7 s to import).

NOTE: no ``from __future__ import annotations`` here: it breaks SQLModel's relationships and
column types (sqlmodel#196).
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Integer,
    UniqueConstraint,
    event,
    insert,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Field, Session, SQLModel, create_engine

from .era import parse_period
from .errors import Location, StoreError
from .numfmt import plain_number
from .scorecard import Scorecard
from .trend import TrendPoint

SCHEMA_VERSION = 1
DEFAULT_URL = "sqlite:///kpi_tracker.db"


class MetaRow(SQLModel, table=True):
    __tablename__ = "kpi_meta"
    key: str = Field(primary_key=True)
    value: str


class ReportRow(SQLModel, table=True):
    __tablename__ = "kpi_report"
    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(max_length=64, unique=True, index=True)
    title: str
    plan: str = Field(index=True)
    fiscal_year: int | None = Field(default=None, index=True)
    as_of: date | None = None
    source: str
    rules_path: str | None = None
    rules_sha256: str | None = None
    ingested_at: datetime


def _parent(table: str) -> Any:
    """A foreign key to ``table.id`` that goes with its parent row."""
    return Field(
        sa_column=Column(
            Integer, ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )


class MeasureRow(SQLModel, table=True):
    __tablename__ = "kpi_measure"
    __table_args__ = (UniqueConstraint("report_id", "no"),)
    id: int | None = Field(default=None, primary_key=True)
    report_id: int = _parent("kpi_report")
    no: int
    name: str
    section: list = Field(default_factory=list, sa_column=Column(JSON))
    ministries: list = Field(default_factory=list, sa_column=Column(JSON))
    status: str
    grade: str | None = None
    reason: str | None = None
    line: int


class IndicatorRow(SQLModel, table=True):
    __tablename__ = "kpi_indicator"
    __table_args__ = (UniqueConstraint("report_id", "rule_id"),)
    id: int | None = Field(default=None, primary_key=True)
    report_id: int = _parent("kpi_report")
    measure_no: int
    rule_id: str = Field(index=True)
    rules_sha256: str | None = None
    label: str
    unit: str
    comparator: str
    target: float | None = None
    deadline: date | None = None


class ObservationRow(SQLModel, table=True):
    __tablename__ = "kpi_observation"
    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = _parent("kpi_indicator")
    value: float
    unit: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    period_text: str | None = None
    provisional: bool = False
    approx: bool = False
    change: str | None = None
    evidence: str
    strength: int


class EvaluationRow(SQLModel, table=True):
    __tablename__ = "kpi_evaluation"
    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = _parent("kpi_indicator")
    status: str
    overdue: bool
    actual: float | None = None
    progress: float | None = None
    growth_ratio: float | None = None
    reason: str
    reason_code: str
    provisional: bool = False
    period_start: date | None = None
    period_end: date | None = None
    period_text: str | None = None
    evidence_text: str | None = None
    evidence_line: int | None = None


def _url(db: str | None) -> str:
    if not db:
        return DEFAULT_URL
    if "://" in db:
        return db
    return f"sqlite:///{Path(db)}"  # a plain path is a SQLite file


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _: Any) -> None:
    # SQLite enforces foreign keys only when asked, per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def open_store(db: str | None = None) -> Engine:
    """An engine with the schema in place (created on first use, version checked)."""
    url = _url(db)
    where = Location(url.split("@")[-1] if "@" in url else url)
    try:
        engine = create_engine(url)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot open the database: {exc}", where) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    try:
        SQLModel.metadata.create_all(engine)
        with Session(engine) as session, session.begin():
            row = session.get(MetaRow, "schema_version")
            if row is None:
                session.add(MetaRow(key="schema_version", value=str(SCHEMA_VERSION)))
            elif int(row.value) > SCHEMA_VERSION:
                raise StoreError(
                    f"schema version {row.value} is newer than this kpi-tracker's "
                    f"({SCHEMA_VERSION}); upgrade kpi-tracker",
                    where,
                )
    except SQLAlchemyError as exc:
        raise StoreError(
            f"cannot use the database: {exc.__class__.__name__}: {exc}", where
        ) from None
    return engine


def _insert_report(session: Session, values: dict[str, Any]) -> int | None:
    """Insert unless the same content is stored; the new id, or None when it was there."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:  # other databases: look first (no ON CONFLICT there)
        if session.scalar(select(ReportRow.id).where(ReportRow.sha256 == values["sha256"])):
            return None
        row = ReportRow(**values)
        session.add(row)
        session.flush()
        return row.id
    statement = (
        insert(ReportRow)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["sha256"])
        .returning(ReportRow.id)
    )
    return session.execute(statement).scalar_one_or_none()


@dataclass(frozen=True)
class Ingested:
    report_id: int
    created: bool
    fiscal_year: int | None


def ingest(engine: Engine, card: Scorecard) -> Ingested:
    """Store one evaluated document in one transaction; the same content twice is stored once."""
    doc = card.document
    values = {
        "sha256": doc.sha256,
        "title": doc.title,
        "plan": doc.plan,
        "fiscal_year": doc.fiscal_year,
        "as_of": doc.as_of,
        "source": Path(doc.source).name,
        "rules_path": card.rules_path,
        "rules_sha256": card.rules_sha256,
        "ingested_at": datetime.now(UTC),
    }
    try:
        with Session(engine) as session, session.begin():
            report_id = _insert_report(session, values)
            if report_id is None:
                existing = session.scalar(
                    select(ReportRow.id).where(ReportRow.sha256 == doc.sha256)
                )
                return Ingested(int(existing), False, doc.fiscal_year)
            _store_rows(session, report_id, card)
            return Ingested(report_id, True, doc.fiscal_year)
    except SQLAlchemyError as exc:
        raise StoreError(f"{doc.source} was not stored: {exc.__class__.__name__}: {exc}") from None


def _store_rows(session: Session, report_id: int, card: Scorecard) -> None:
    """Every measure, indicator, observation and evaluation of a report, in bulk: one
    multi-row INSERT per table (batched by SQLAlchemy's insertmanyvalues), with the new
    indicator ids returned in order, so a 30,000-indicator sheet is a handful of statements.
    NOTE: Core inserts on the tables, not ORM objects: the ORM's per-row bookkeeping cost
    several times the database's own work."""
    session.execute(
        insert(MeasureRow.__table__),  # type: ignore[attr-defined]
        [
            {
                "report_id": report_id,
                "no": m.measure.no,
                "name": m.measure.name,
                "section": list(m.measure.section),
                "ministries": list(m.measure.ministries),
                "status": str(m.status),
                "grade": m.grade,
                "reason": m.reason,
                "line": m.measure.line,
            }
            for m in card.measures
        ],
    )
    outcomes = [(m, o) for m in card.measures for o in m.outcomes]
    if not outcomes:
        return
    ids = list(
        session.scalars(
            insert(IndicatorRow.__table__).returning(  # type: ignore[attr-defined]
                IndicatorRow.__table__.c.id,  # type: ignore[attr-defined]
                sort_by_parameter_order=True,
            ),
            [
                {
                    "report_id": report_id,
                    "measure_no": m.measure.no,
                    "rule_id": o.indicator.id,
                    "rules_sha256": card.rules_sha256,
                    "label": o.indicator.label,
                    "unit": o.indicator.unit,
                    "comparator": str(o.indicator.comparator),
                    "target": o.target,
                    "deadline": o.deadline,
                }
                for m, o in outcomes
            ],
        )
    )
    observations = [
        {
            "indicator_id": indicator_id,
            "value": obs.value,
            "unit": obs.unit,
            "period_start": obs.period.start if obs.period else None,
            "period_end": obs.period.end if obs.period else None,
            "period_text": obs.period.text if obs.period else None,
            "provisional": obs.provisional,
            "approx": obs.approx,
            "change": obs.change,
            "evidence": obs.evidence,
            "strength": obs.strength,
        }
        for indicator_id, (_, o) in zip(ids, outcomes, strict=True)
        for obs in o.observations
    ]
    if observations:
        session.execute(insert(ObservationRow.__table__), observations)  # type: ignore[attr-defined]
    session.execute(
        insert(EvaluationRow.__table__),  # type: ignore[attr-defined]
        _evaluation_values(card, ids, outcomes),
    )


def _evaluation_values(
    card: Scorecard, ids: list[int], outcomes: list[tuple[Any, Any]]
) -> list[dict[str, Any]]:
    return [
        {
            "indicator_id": indicator_id,
            "status": str(o.status),
            "overdue": o.overdue,
            "actual": o.actual,
            "progress": o.progress,
            "growth_ratio": o.growth_ratio,
            "reason": o.reason,
            "reason_code": o.reason_code,
            "provisional": o.provisional,
            "period_start": o.period.start if o.period else None,
            "period_end": o.period.end if o.period else None,
            "period_text": o.period.text if o.period else None,
            "evidence_text": o.observation.evidence if o.observation else None,
            # A sheet names the row of each indicator; the prose table, the measure's.
            "evidence_line": card.extras.get(o.indicator.id, {}).get("line", m.measure.line)
            if o.observation
            else None,
        }
        for indicator_id, (m, o) in zip(ids, outcomes, strict=True)
    ]


def _rows(engine: Engine, *where: Any) -> list[Any]:
    statement = (
        select(ReportRow, IndicatorRow, EvaluationRow)
        .join(IndicatorRow, IndicatorRow.report_id == ReportRow.id)
        .join(EvaluationRow, EvaluationRow.indicator_id == IndicatorRow.id)
        .where(*where)
        .order_by(ReportRow.as_of, ReportRow.id, IndicatorRow.measure_no, IndicatorRow.id)
    )
    with Session(engine) as session:
        return list(session.execute(statement).all())


def history(
    engine: Engine, measure: int | None = None, indicator: str | None = None
) -> list[dict[str, Any]]:
    """The series of values and statuses across stored reports, oldest first."""
    where = []
    if measure is not None:
        where.append(IndicatorRow.measure_no == measure)
    if indicator is not None:
        where.append(IndicatorRow.rule_id == indicator)
    return [
        {
            "report": r.id,
            "fiscal_year": r.fiscal_year,
            "as_of": r.as_of.isoformat() if r.as_of else None,
            "source": r.source,
            "measure": i.measure_no,
            "indicator": i.rule_id,
            "label": i.label,
            "status": e.status,
            "overdue": e.overdue,
            "actual": plain_number(e.actual),
            "target": plain_number(i.target),
            "unit": i.unit,
            "period": e.period_text,
            "reason": e.reason,
        }
        for r, i, e in _rows(engine, *where)
    ]


def history_points(engine: Engine, plan: str, before: date) -> dict[str, tuple[TrendPoint, ...]]:
    """Earlier stored values of each indicator of a plan, for the trend of a newer report."""
    points: dict[str, list[TrendPoint]] = {}
    for r, i, e in _rows(engine, ReportRow.plan == plan, ReportRow.as_of < before):
        if e.actual is None:
            continue
        when = e.period_end or r.as_of
        points.setdefault(i.rule_id, []).append(TrendPoint(when, e.actual, "history"))
    return {k: tuple(sorted(v, key=lambda p: p.when)) for k, v in points.items()}


def previous_report(engine: Engine, plan: str, before: date) -> int | None:
    """The latest stored report of ``plan`` dated before ``before`` (the year before), if any."""
    statement = (
        select(ReportRow.id)
        .where(ReportRow.plan == plan, ReportRow.as_of < before)
        .order_by(ReportRow.as_of.desc(), ReportRow.id.desc())  # type: ignore[union-attr]
        .limit(1)
    )
    with Session(engine) as session:
        return session.scalars(statement).first()


def find_report(engine: Engine, key: str) -> int:
    """A stored report by id (``3``), fiscal year (``2025``) or era year (``令和7年度``)."""
    where = Location(str(engine.url))
    with Session(engine) as session:
        if key.isdigit() and int(key) < 1900:
            if session.get(ReportRow, int(key)) is None:
                raise StoreError(f"no stored report with id {key}", where)
            return int(key)
        try:
            year = int(key) if key.isdigit() else parse_period(key).start.year
        except ValueError:
            raise StoreError(
                f"{key!r} is neither a file, a report id nor a fiscal year", where
            ) from None
        ids = list(session.scalars(select(ReportRow.id).where(ReportRow.fiscal_year == year)))
    if not ids:
        raise StoreError(f"no stored report for fiscal year {year}", where)
    if len(ids) > 1:
        raise StoreError(
            f"several stored reports for fiscal year {year} (ids {ids}); give an id", where
        )
    return ids[0]


def stored_card(engine: Engine, report_id: int) -> dict[str, Any]:
    """A stored report in the scorecard shape that ``compare`` reads."""
    rows = _rows(engine, ReportRow.id == report_id)
    with Session(engine) as session:
        report = session.get(ReportRow, report_id)
    assert report is not None
    return {
        "report": {
            "title": report.title,
            "plan": report.plan,
            "fiscal_year": report.fiscal_year,
            "as_of": report.as_of.isoformat() if report.as_of else None,
            "source": report.source,
            "sha256": report.sha256,
            "stored_id": report.id,
        },
        "indicators": [
            {
                "id": i.rule_id,
                "measure": i.measure_no,
                "label": i.label,
                "status": e.status,
                "overdue": e.overdue,
                "actual": plain_number(e.actual),
                "target": plain_number(i.target),
                "unit": i.unit,
                "comparator": i.comparator,
                "deadline": i.deadline.isoformat() if i.deadline else None,
                "progress": e.progress,
                "period": {
                    "start": e.period_start.isoformat(),
                    "end": e.period_end.isoformat(),
                    "text": e.period_text,
                }
                if e.period_start and e.period_end
                else None,
            }
            for _, i, e in rows
        ],
    }

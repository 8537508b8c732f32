"""Stored history: SQLModel tables and the few queries kpi-tracker needs.

SQLite by default (a file), any SQLAlchemy URL otherwise (PostgreSQL included). The schema is
created on first use and its version recorded in ``kpi_meta``; a database written by a newer
kpi-tracker is refused rather than misread. Only this module touches the database, and it is
imported only by the commands that need it (sqlmodel costs ~0.7 s to import).

NOTE: no ``from __future__ import annotations`` here: it breaks SQLModel's relationships and
column types (sqlmodel#196).
"""

import functools
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from sqlalchemy import (
    JSON,
    Column,
    ForeignKey,
    Integer,
    LargeBinary,
    UniqueConstraint,
    delete,
    event,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Field, Session, SQLModel, col, create_engine

from ..errors import Location, StoreError, redact
from ..judge.scorecard import Say, Scorecard
from ..judge.trend import TrendPoint
from ..model import no_cycle_collection
from ..shape import JudgedData, JudgementData, StoredCardData
from ..text.numfmt import plain_number
from ..text.periods import parse_period

SCHEMA_VERSION = 1
F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")
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
    section: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    ministries: list[str] = Field(default_factory=list, sa_column=Column(JSON))
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


class SourceRow(SQLModel, table=True):
    """The document a report was read from, so that it can be evaluated again when an earlier
    report arrives (its trends and references change) or its rules change."""

    __tablename__ = "kpi_source"
    report_id: int = Field(
        sa_column=Column(Integer, ForeignKey("kpi_report.id", ondelete="CASCADE"), primary_key=True)
    )
    name: str
    encoding: str | None = None
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


def _url(db: str | None) -> str:
    if not db:
        return DEFAULT_URL
    if "://" in db:
        return _encoded_userinfo(db)
    return f"sqlite:///{Path(db)}"  # a plain path is a SQLite file


def _encoded_userinfo(url: str) -> str:
    """A URL whose password holds an unencoded "@" (``user:p@ss@host``), with that "@"
    encoded: the last "@" ends the credentials, as a person meant it (a driver would take
    ``ss@host`` for the host and say so, password and all)."""
    scheme, _, rest = url.partition("://")
    end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    authority = rest[:end]
    if authority.count("@") < 2:
        return url
    userinfo, host = authority.rsplit("@", 1)
    return f"{scheme}://{userinfo.replace('@', '%40')}@{host}{rest[end:]}"


def _where(url: Any) -> Location:
    """The database as messages name it: its URL without user or password (nor a password
    given as a parameter)."""
    text = str(url)
    return Location(redact(text.split("@")[-1] if "@" in text else text))


def sqlite_file(db: str | None) -> Path | None:
    """The file of a SQLite database (a path or a ``sqlite:///`` URL); None for any other
    database and for an in-memory one."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(_url(db))
    except (ArgumentError, ValueError) as exc:  # a port that is no number, a broken IPv6 host
        raise StoreError(f"not a database URL: {_cause(exc)}", _where(_url(db))) from None
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


class NoStore(StoreError):
    """A read-only command named a database that does not exist."""


def _cause(exc: BaseException) -> str:
    """One line saying why the database refused, without the SQL or its parameters (which
    carry document text): the driver's own first line."""
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    return redact((lines[0] if lines else type(orig).__name__)[:300])


def _guarded(f: F) -> F:
    """Database failures of a store function become one ``StoreError`` line."""

    @functools.wraps(f)
    def run(engine: Engine, *args: Any, **kwargs: Any) -> Any:
        try:
            # (a read of earlier reports met a run storing one, which alters its tables'
            # constraints for the bulk load: PostgreSQL ends one of them as a deadlock)
            return _retried(lambda: f(engine, *args, **kwargs))
        except (SQLAlchemyError, OverflowError) as exc:
            raise StoreError(
                f"cannot use the database: {_cause(exc)}", _where(engine.url)
            ) from None

    return run  # type: ignore[return-value]


def _sqlite_engine(url: str, create: bool) -> Engine:
    """SQLite: writers take the lock when their transaction begins (BEGIN IMMEDIATE), so
    concurrent first uses and ingests queue instead of failing; read-only opens never create."""
    import sqlite3

    from sqlalchemy.engine import make_url

    path = make_url(url).database or ""
    if not create:
        if path in ("", ":memory:") or not Path(path).is_file():
            raise NoStore("no database here (nothing ingested yet?)", _where(url))
        uri = f"file:{quote(str(Path(path).resolve()))}?mode=ro"
        engine = create_engine(
            url, creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
        )
    else:
        engine = create_engine(url, connect_args={"timeout": 60})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions begin where we say
        cursor = dbapi_connection.cursor()
        # SQLite enforces foreign keys only when asked, per connection.
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if create else "BEGIN")

    return engine


# Any constant: every kpi-tracker holds this PostgreSQL advisory lock while it creates the
# schema or stores a report, so that concurrent runs queue.
_PG_LOCK = 0x6B70_6974


def _serialised(connection: Any) -> None:
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK})")


# PostgreSQL's deadlock_detected and serialization_failure: the transaction it ended may simply
# run again (runs that start together on a new database met one creating the schema)
_RETRIED = frozenset({"40P01", "40001"})
_ATTEMPTS = 5


def _retried(step: Callable[[], T]) -> T:
    """``step``, run again (up to ``_ATTEMPTS`` times, a little later each time) where the
    database ended its transaction to resolve a conflict with another run."""
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            return step()
        except SQLAlchemyError as exc:
            orig = getattr(exc, "orig", None)
            state = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
            if attempt == _ATTEMPTS or state not in _RETRIED:
                raise
            time.sleep(0.05 * attempt)
    raise AssertionError("unreachable")


def open_store(db: str | None = None, create: bool = True) -> Engine:
    """An engine with the schema in place (created on first use, version checked).

    With ``create=False`` (history, compare, trends: commands that only read) nothing is
    created: a missing database is ``NoStore``, a database without our tables an error.
    """
    url = _url(db)
    where = _where(url)
    try:
        sqlite = url.startswith("sqlite")
        engine = _sqlite_engine(url, create) if sqlite else create_engine(url)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot open the database: {_cause(exc)}", where) from None

    def schema() -> None:
        with engine.begin() as connection:
            _serialised(connection)
            if create:
                SQLModel.metadata.create_all(connection)
            _check_schema(connection, where, create)

    try:
        _retried(schema)
    except (SQLAlchemyError, OSError) as exc:
        engine.dispose()
        raise StoreError(f"cannot use the database: {_cause(exc)}", where) from None
    except StoreError:
        engine.dispose()
        raise
    return engine


def _check_schema(connection: Any, where: Location, create: bool) -> None:
    """Our tables with our columns, and a schema version this kpi-tracker reads."""
    from sqlalchemy import inspect

    inspector = inspect(connection)
    existing = set(inspector.get_table_names())
    for table in SQLModel.metadata.sorted_tables:
        if table.name not in existing:
            continue
        have = {c["name"] for c in inspector.get_columns(table.name)}
        missing = [c.name for c in table.columns if c.name not in have]
        if missing:
            raise StoreError(
                f"table {table.name} is not kpi-tracker's (it has no column {missing[0]}); "
                "use another database or schema",
                where,
            )
    if not create and MetaRow.__tablename__ not in existing:
        raise NoStore("no kpi-tracker history in this database (nothing ingested yet?)", where)
    meta = MetaRow.__table__  # type: ignore[attr-defined]
    value = connection.execute(
        select(meta.c.value).where(meta.c.key == "schema_version")
    ).scalar_one_or_none()
    if value is None:
        if create:
            connection.execute(insert(meta).values(key="schema_version", value=str(SCHEMA_VERSION)))
        return
    if not (value.isascii() and value.isdigit()):
        raise StoreError(f"schema_version {value!r} is not a kpi-tracker schema version", where)
    if int(value) > SCHEMA_VERSION:
        raise StoreError(
            f"schema version {value} is newer than this kpi-tracker's "
            f"({SCHEMA_VERSION}); upgrade kpi-tracker",
            where,
        )


def _insert_report(session: Session, values: dict[str, Any]) -> int | None:
    """Insert unless the same content is stored; the new id, or None when it was there."""
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = session.get_bind().dialect.name
    unique = ["sha256"]
    statement: postgresql.Insert | sqlite.Insert
    if dialect == "postgresql":
        statement = postgresql.insert(ReportRow).values(**values)
        statement = statement.on_conflict_do_nothing(index_elements=unique)
    elif dialect == "sqlite":
        statement = sqlite.insert(ReportRow).values(**values)
        statement = statement.on_conflict_do_nothing(index_elements=unique)
    else:  # other databases: look first (no ON CONFLICT there)
        if session.scalar(
            select(col(ReportRow.id)).where(col(ReportRow.sha256) == values["sha256"])
        ):
            return None
        row = ReportRow(**values)
        session.add(row)
        session.flush()
        return row.id
    return session.execute(statement.returning(col(ReportRow.id))).scalar_one_or_none()


@dataclass(frozen=True)
class Ingested:
    report_id: int
    created: bool
    fiscal_year: int | None
    superseded: int | None = None  # the earlier revision this one replaces
    # The same content stored again: how many indicators' statuses its new evaluation changed
    # (None when the stored evaluation was kept as it was).
    refreshed: int | None = None
    # Later stored reports evaluated again because this earlier one arrived: (id, changed).
    reevaluated: tuple[tuple[int, int], ...] = ()
    # Later stored reports that should be evaluated again but were stored without their
    # document (by an older kpi-tracker): ingest them again.
    stale: tuple[int, ...] = ()


@dataclass(frozen=True)
class StoredSource:
    """A stored report's document, to evaluate it again."""

    report_id: int
    name: str
    encoding: str | None
    data: bytes
    as_of: date | None = None
    rules_path: str | None = None  # the rules it was evaluated with


def ingest(
    engine: Engine,
    card: Scorecard,
    say: Say,
    replace: bool = False,
    source: tuple[str, bytes, str | None] | None = None,
) -> Ingested:
    """Store one evaluated document in one transaction.

    A document is identified by its decoded, normalised content: the same table again (another
    encoding, CRLF, a BOM) is stored once; its evaluation is refreshed when it differs from
    the stored one (its rules changed, an earlier report arrived since) or with ``replace``. A
    different document for a plan and fiscal year already stored (a corrected
    re-publication) is refused unless ``replace``: then it is stored as the latest revision and
    the earlier one is kept, superseded. ``source`` (file name, bytes, forced encoding) is kept
    so that the report can be evaluated again when an earlier one arrives.
    """
    doc = card.document
    identity = doc.content_sha256 or doc.sha256
    values = {
        "sha256": identity,
        "title": doc.title,
        "plan": doc.plan,
        "fiscal_year": doc.fiscal_year,
        "as_of": doc.as_of or card.as_of,
        "source": Path(doc.source).name,
        "rules_path": card.rules_path,
        "rules_sha256": card.rules_sha256,
        "ingested_at": datetime.now(UTC),
    }
    try:
        with Session(engine) as session, session.begin():
            _serialised(session.connection())
            same = select(col(ReportRow.id)).where(
                col(ReportRow.sha256).in_({identity, doc.sha256})
            )
            existing = session.scalar(same)
            if existing is not None:
                changed = _refresh(session, int(existing), card, say, force=replace)
                _store_source(session, int(existing), source)
                return Ingested(int(existing), False, doc.fiscal_year, refreshed=changed)
            earlier = _stored_revision(session, doc.plan, doc.fiscal_year)
            if earlier is not None and not replace:
                raise StoreError(
                    f"{doc.source} was not stored: report {earlier} is stored for fiscal year "
                    f"{doc.fiscal_year} of 「{doc.plan}」 with other content; give --replace "
                    "to store this one as its correction",
                    _where(engine.url),
                )
            report_id = _insert_report(session, values)
            if report_id is None:  # another run stored it meanwhile (no lock on this database)
                return Ingested(int(session.scalar(same)), False, doc.fiscal_year)
            _store_rows(session, report_id, card, say)
            _store_source(session, report_id, source)
            return Ingested(report_id, True, doc.fiscal_year, earlier)
    # The bulk paths use the driver itself: its own errors are the database's refusals too.
    except (SQLAlchemyError, OverflowError, engine.dialect.loaded_dbapi.Error) as exc:
        raise StoreError(
            f"{doc.source} was not stored: {_cause(exc)}", _where(engine.url)
        ) from None


def _store_source(
    session: Session, report_id: int, source: tuple[str, bytes, str | None] | None
) -> None:
    if source is None or session.get(SourceRow, report_id) is not None:
        return
    name, data, encoding = source
    session.add(SourceRow(report_id=report_id, name=name, encoding=encoding, data=data))
    session.flush()


def _verdicts(session: Session, report_id: int) -> dict[str, tuple[Any, ...]]:
    """Each stored indicator's judgement of a report, to tell whether a new one differs."""
    rows = session.execute(
        select(
            col(IndicatorRow.rule_id),
            col(IndicatorRow.rules_sha256),
            col(EvaluationRow.status),
            col(EvaluationRow.overdue),
            col(EvaluationRow.reason),
        )
        .join(EvaluationRow, col(EvaluationRow.indicator_id) == col(IndicatorRow.id))
        .where(col(IndicatorRow.report_id) == report_id)
    )
    return {r[0]: tuple(r[1:]) for r in rows}


def _refresh(
    session: Session, report_id: int, card: Scorecard, say: Say, force: bool = False
) -> int | None:
    """Replace a stored report's evaluation with ``card``'s when it differs (or ``force``); the
    number of indicators whose status changed, or None when it was kept."""
    before = _verdicts(session, report_id)
    after = {
        o.indicator.id: (card.rules_sha256, str(o.status), o.overdue, say(o.why))
        for o in card.indicators
    }
    if before == after and not force:
        return None
    changed = sum(1 for k, v in after.items() if before.get(k, (None,) * 4)[1:3] != v[1:3])
    changed += len(set(before) - set(after))
    indicators = select(col(IndicatorRow.id)).where(col(IndicatorRow.report_id) == report_id)
    session.execute(delete(EvaluationRow).where(col(EvaluationRow.indicator_id).in_(indicators)))
    session.execute(delete(ObservationRow).where(col(ObservationRow.indicator_id).in_(indicators)))
    session.execute(delete(IndicatorRow).where(col(IndicatorRow.report_id) == report_id))
    session.execute(delete(MeasureRow).where(col(MeasureRow.report_id) == report_id))
    report = session.get(ReportRow, report_id)
    assert report is not None
    report.rules_path = card.rules_path
    report.rules_sha256 = card.rules_sha256
    session.add(report)
    session.flush()
    _store_rows(session, report_id, card, say)
    return changed


@_guarded
def refresh(engine: Engine, report_id: int, card: Scorecard, say: Say) -> int | None:
    """Evaluate a stored report again (``card``: its document evaluated now); see
    ``_refresh``."""
    with Session(engine) as session, session.begin():
        _serialised(session.connection())
        return _refresh(session, report_id, card, say)


@_guarded
def later_reports(engine: Engine, plan: str, after: date) -> tuple[list[StoredSource], list[int]]:
    """The latest revisions of a plan's reports dated after ``after``, oldest first: those
    whose document is stored, and the ids of those stored without it (by an older
    kpi-tracker)."""
    statement = (
        select(ReportRow, SourceRow)
        .join(SourceRow, col(SourceRow.report_id) == col(ReportRow.id), isouter=True)
        .where(_latest(), col(ReportRow.plan) == plan, col(ReportRow.as_of) > after)
        .order_by(col(ReportRow.as_of), col(ReportRow.id))
    )
    found: list[StoredSource] = []
    missing: list[int] = []
    with Session(engine) as session:
        for report, source in session.execute(statement).all():
            if source is None:
                missing.append(int(report.id))
            else:
                found.append(
                    StoredSource(
                        int(report.id),
                        source.name,
                        source.encoding,
                        source.data,
                        report.as_of,
                        report.rules_path,
                    )
                )
    return found, missing


def _stored_revision(session: Session, plan: str, fiscal_year: int | None) -> int | None:
    """The latest stored report of a plan's fiscal year, if any."""
    if fiscal_year is None:
        return None
    return session.scalar(
        select(func.max(col(ReportRow.id))).where(
            col(ReportRow.plan) == plan, col(ReportRow.fiscal_year) == fiscal_year
        )
    )


def _latest() -> Any:
    """Reports that are the latest revision of their plan's fiscal year (a report without a
    fiscal year is its own)."""
    newest = select(func.max(col(ReportRow.id))).group_by(
        col(ReportRow.plan), col(ReportRow.fiscal_year)
    )
    return or_(col(ReportRow.fiscal_year).is_(None), col(ReportRow.id).in_(newest))


# The columns each bulk path writes, in order (the id is the database's).
_MEASURE_COLUMNS = (
    "report_id", "no", "name", "section", "ministries", "status", "grade", "reason", "line",
)  # fmt: skip
_INDICATOR_COLUMNS = (
    "id", "report_id", "measure_no", "rule_id", "rules_sha256", "label", "unit", "comparator",
    "target", "deadline",
)  # fmt: skip
_OBSERVATION_COLUMNS = (
    "indicator_id", "value", "unit", "period_start", "period_end", "period_text",
    "provisional", "approx", "change", "evidence", "strength",
)  # fmt: skip
_EVALUATION_COLUMNS = (
    "indicator_id", "status", "overdue", "actual", "progress", "growth_ratio", "reason",
    "reason_code", "provisional", "period_start", "period_end", "period_text", "evidence_text",
    "evidence_line",
)  # fmt: skip


def _store_rows(session: Session, report_id: int, card: Scorecard, say: Say) -> None:
    """Every measure, indicator, observation and evaluation of a report, in bulk, in the
    session's transaction.

    NOTE: SQLAlchemy's per-parameter processing, and an indicator INSERT that returns each
    new id, cost more than the database's own work on a 30,000-indicator sheet. SQLite gets
    the driver's ``executemany`` and PostgreSQL (psycopg 3) ``COPY … FROM STDIN``; the
    indicator ids are taken in bulk first (``_new_ids``). The values are the ones SQLAlchemy
    would send (dates, JSON text as its ``json.dumps``), so the rows are the same as its own.
    Other databases go through SQLAlchemy Core. On PostgreSQL the foreign keys of a table
    the report outweighs are checked once, after its rows are in (``_foreign_keys_after``)."""
    connection = session.connection()
    dialect = connection.dialect.name
    driver = connection.connection.driver_connection
    bulk = (
        _sqlite_rows
        if dialect == "sqlite"
        else _copy_rows
        if dialect == "postgresql" and type(driver).__module__.startswith("psycopg")
        else None
    )
    if bulk is None:
        _core_rows(session, report_id, card, say)
        return
    outcomes = [(m, o) for m in card.measures for o in m.outcomes]
    ids = _new_ids(connection, dialect, len(outcomes)) if outcomes else []
    # NOTE: the rows are acyclic tuples; a cyclic collection while they are made would walk
    # the whole scorecard (0.6 s for a 30,000-indicator sheet), as in the reading stages.
    with no_cycle_collection():
        tables = _bulk_rows(dialect, report_id, card, say, ids, outcomes)
    with _foreign_keys_after(connection, dialect, {t: len(r) for t, r in tables.items()}):
        for table, rows in tables.items():
            bulk(driver, table, _COLUMNS[table], rows, dialect)


def _bulk_rows(
    dialect: str,
    report_id: int,
    card: Scorecard,
    say: Say,
    ids: list[int],
    outcomes: list[tuple[Any, Any]],
) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of each table as the bulk paths write them, in the order of ``_COLUMNS``
    (parents first)."""
    import json

    # NOTE: SQLAlchemy's SQLite dialect stores a date as ISO text; psycopg sends date objects.
    day = _iso_day if dialect == "sqlite" else _same_day
    sha = card.rules_sha256
    return {
        "kpi_measure": [
            (
                report_id,
                m.measure.no,
                m.measure.name,
                json.dumps(list(m.measure.section)),
                json.dumps(list(m.measure.ministries)),
                str(m.status),
                m.grade,
                say(m.reason) if m.reason is not None else None,
                m.measure.line,
            )
            for m in card.measures
        ],
        "kpi_indicator": [
            (
                indicator_id,
                report_id,
                m.measure.no,
                o.indicator.id,
                sha,
                o.indicator.label,
                o.indicator.unit,
                str(o.indicator.comparator),
                o.target,
                day(o.deadline),
            )
            for indicator_id, (m, o) in zip(ids, outcomes, strict=True)
        ],
        "kpi_observation": [
            (
                indicator_id,
                obs.value,
                obs.unit,
                day(obs.period.start) if obs.period else None,
                day(obs.period.end) if obs.period else None,
                obs.period.text if obs.period else None,
                obs.provisional,
                obs.approx,
                obs.change,
                obs.evidence,
                obs.strength,
            )
            for indicator_id, (_, o) in zip(ids, outcomes, strict=True)
            for obs in o.observations
        ],
        "kpi_evaluation": [
            tuple(day(e[c]) if c in _DATE_COLUMNS else e[c] for c in _EVALUATION_COLUMNS)
            for e in _evaluation_values(card, ids, outcomes, say)
        ],
    }


_COLUMNS = {
    "kpi_measure": _MEASURE_COLUMNS,
    "kpi_indicator": _INDICATOR_COLUMNS,
    "kpi_observation": _OBSERVATION_COLUMNS,
    "kpi_evaluation": _EVALUATION_COLUMNS,
}


# How long dropping the foreign keys waits for readers of the tables (a transaction that read
# them holds a lock ALTER TABLE waits for) before the rows are checked one by one instead.
_LOCK_WAIT = "2s"
_LOCK_TIMEOUT = "SELECT set_config('lock_timeout', %(wait)s, true)"


@contextmanager
def _foreign_keys_after(connection: Any, dialect: str, loading: dict[str, int]) -> Iterator[None]:
    """PostgreSQL: the foreign keys of each table that holds fewer rows than are loaded into
    it are dropped before the load and added back after it, in the same transaction; adding
    one checks every row of the table in one query, which fails (and the transaction with
    it) as a per-row check would.

    NOTE: PostgreSQL checks a foreign key by one query per inserted row, queued until the
    COPY ends: 0.6 s of the 1.5 s the server spent on a 30,000-indicator sheet (200,000
    rows). Adding the key back checks the whole table, so it is done only where the table
    holds fewer rows than the load (counted up to that number): a first report, or one that
    outweighs what is stored, never a small report into a large history. Switching the
    checks off (``session_replication_role``) needs a superuser; dropping needs only the
    tables' owner. Where the database refuses (another owner, a reader's lock held longer
    than ``_LOCK_WAIT``), the savepoint is rolled back and every row is checked as before.
    Once dropped, the tables (and ``kpi_report``) are locked against readers until the
    transaction ends (``ALTER TABLE``), as a first load can afford."""
    if dialect != "postgresql":
        yield
        return
    large = _outweighed(connection, loading)
    keys = (
        connection.exec_driver_sql(
            "SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY(%(tables)s::regclass[]) "
            "ORDER BY conrelid::regclass::text, conname",
            {"tables": large},
        ).all()
        if large
        else []
    )
    if keys:
        waited = connection.exec_driver_sql("SELECT current_setting('lock_timeout')").scalar()
        try:
            with connection.begin_nested():
                connection.exec_driver_sql(_LOCK_TIMEOUT, {"wait": _LOCK_WAIT})
                for table, name, _ in keys:
                    connection.exec_driver_sql(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
                connection.exec_driver_sql(_LOCK_TIMEOUT, {"wait": waited})
        except SQLAlchemyError:
            keys = []
    yield
    for table, name, definition in keys:
        connection.exec_driver_sql(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")


def _outweighed(connection: Any, loading: dict[str, int]) -> list[str]:
    """The tables that hold fewer rows than are loaded into them (counted up to that
    number, so that a large table is not read through)."""
    return [
        table
        for table, count in loading.items()
        if count
        and connection.exec_driver_sql(
            f"SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT {int(count)}) AS held"
        ).scalar()
        < count
    ]


def _new_ids(connection: Any, dialect: str, count: int) -> list[int]:
    """``count`` ids for new indicators, taken at once: PostgreSQL's sequence advanced in one
    query; in SQLite the ids after the largest (the transaction holds the write lock from
    its start, BEGIN IMMEDIATE, so no other writer takes them)."""
    if dialect == "postgresql":
        # The sequence named once: pg_get_serial_sequence for each row cost 5× the nextval.
        sequence = connection.exec_driver_sql(
            "SELECT pg_get_serial_sequence('kpi_indicator', 'id')"
        ).scalar()
        taken: Any = connection.exec_driver_sql(
            f"SELECT nextval(%(sequence)s::regclass) FROM generate_series(1, {int(count)})",
            {"sequence": sequence},
        )
        return sorted(taken.scalars())
    first = connection.exec_driver_sql("SELECT max(id) FROM kpi_indicator").scalar() or 0
    return list(range(first + 1, first + 1 + count))


def _sqlite_rows(
    driver: Any, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]], _: str
) -> None:
    """One prepared INSERT run over every row by the sqlite3 module (in C)."""
    if not rows:
        return
    marks = ", ".join("?" * len(columns))
    driver.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


_DATE_COLUMNS = frozenset({"deadline", "period_start", "period_end"})


def _iso_day(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _same_day(day: date | None) -> date | None:
    return day


# PostgreSQL types of the columns the bulk path writes, for binary COPY (varchar and text
# share their binary form; SQLModel's float is double precision).
_PG_TYPES = {
    "id": "int4", "report_id": "int4", "indicator_id": "int4", "no": "int4", "line": "int4",
    "measure_no": "int4", "strength": "int4", "evidence_line": "int4",
    "value": "float8", "target": "float8", "actual": "float8", "progress": "float8",
    "growth_ratio": "float8",
    "deadline": "date", "period_start": "date", "period_end": "date",
    "provisional": "bool", "approx": "bool", "overdue": "bool",
    "section": "json", "ministries": "json",
}  # fmt: skip


def _copy_rows(
    driver: Any, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]], _: str
) -> None:
    """PostgreSQL's COPY FROM STDIN through psycopg 3: the rows streamed in one command, in
    the binary format (no text to make and parse for each value); JSON columns, whose binary
    form psycopg does not write from text, in the text format."""
    if not rows:
        return
    binary = not any(_PG_TYPES.get(c) == "json" for c in columns)
    form = " (FORMAT BINARY)" if binary else ""
    with (
        driver.cursor() as cursor,
        cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN{form}") as copy,
    ):
        if binary:
            copy.set_types([_PG_TYPES.get(c, "text") for c in columns])
        for row in rows:
            copy.write_row(row)


def _core_rows(session: Session, report_id: int, card: Scorecard, say: Say) -> None:
    """Any other database: one multi-row INSERT per table through SQLAlchemy Core, the new
    indicator ids returned in order."""
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
                "reason": say(m.reason) if m.reason is not None else None,
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
        _evaluation_values(card, ids, outcomes, say),
    )


def _evaluation_values(
    card: Scorecard, ids: list[int], outcomes: list[tuple[Any, Any]], say: Say
) -> list[dict[str, Any]]:
    return [
        {
            "indicator_id": indicator_id,
            "status": str(o.status),
            "overdue": o.overdue,
            "actual": o.actual,
            "progress": o.progress,
            "growth_ratio": o.growth_ratio,
            "reason": say(o.why),
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
        .join(IndicatorRow, col(IndicatorRow.report_id) == col(ReportRow.id))
        .join(EvaluationRow, col(EvaluationRow.indicator_id) == col(IndicatorRow.id))
        .where(*where)
        .order_by(
            col(ReportRow.as_of),
            col(ReportRow.id),
            col(IndicatorRow.measure_no),
            col(IndicatorRow.id),
        )
    )
    with Session(engine) as session:
        return list(session.execute(statement).all())


@_guarded
def history(
    engine: Engine, measure: int | None = None, indicator: str | None = None
) -> list[dict[str, Any]]:
    """The series of values and statuses across stored reports, oldest first."""
    where = []
    if measure is not None:
        where.append(col(IndicatorRow.measure_no) == measure)
    if indicator is not None:
        where.append(col(IndicatorRow.rule_id) == indicator)
    return [
        {
            "report": r.id,
            "plan": r.plan,
            "fiscal_year": r.fiscal_year,
            "as_of": r.as_of.isoformat() if r.as_of else None,
            "source": r.source,
            "measure": i.measure_no,
            "indicator": i.rule_id,
            **_judged(i, e),
            "period": e.period_text,
            "period_end": e.period_end.isoformat() if e.period_end else None,
            "reason": e.reason,
        }
        for r, i, e in _rows(engine, _latest(), *where)
    ]


@_guarded
def history_points(engine: Engine, plan: str, before: date) -> dict[str, tuple[TrendPoint, ...]]:
    """Earlier stored values of each indicator of a plan, for the trend of a newer report."""
    points: dict[str, list[TrendPoint]] = {}
    for r, i, e in _rows(
        engine, _latest(), col(ReportRow.plan) == plan, col(ReportRow.as_of) < before
    ):
        if e.actual is None:
            continue
        when = e.period_end or r.as_of
        # As a report's JSON gives it (--previous, compare of files): the same trend either way.
        value = float(plain_number(e.actual) or 0)
        points.setdefault(i.rule_id, []).append(TrendPoint(when, value, "history", i.unit))
    return {k: tuple(sorted(v, key=lambda p: p.when)) for k, v in points.items()}


@_guarded
def previous_report(engine: Engine, plan: str, before: date) -> int | None:
    """The latest stored report of ``plan`` dated before ``before`` (the year before), if any."""
    statement = (
        select(col(ReportRow.id))
        .where(_latest(), col(ReportRow.plan) == plan, col(ReportRow.as_of) < before)
        .order_by(col(ReportRow.as_of).desc(), col(ReportRow.id).desc())
        .limit(1)
    )
    with Session(engine) as session:
        return session.scalars(statement).first()


_ID_OR_YEAR = re.compile(r"[0-9]{1,9}")


def report_key(key: str, db: str | None = None) -> tuple[str, int]:
    """``("id", 3)`` or ``("year", 2025)`` for a key naming a stored report (``3``, ``2025``,
    ``令和7年度``); a ``StoreError`` for anything else."""
    # NOTE: str.isdigit() is true for '²' and other digits int() refuses: ASCII digits only.
    if _ID_OR_YEAR.fullmatch(key):
        number = int(key)
        if number < 1900:
            return "id", number
        year: int | None = number
    else:
        try:
            year = parse_period(key).start.year
        except ValueError:
            year = None
    if year is None or not 1900 <= year <= 9999:
        raise StoreError(
            f"{key!r} is neither a file, a report id nor a fiscal year", _where(_url(db))
        )
    return "year", year


@_guarded
def find_report(engine: Engine, key: str) -> int:
    """A stored report by id (``3``), fiscal year (``2025``) or era year (``令和7年度``); a
    fiscal year names its latest revision."""
    where = _where(engine.url)
    kind, number = report_key(key, str(engine.url))
    with Session(engine) as session:
        if kind == "id":
            if session.get(ReportRow, number) is None:
                raise StoreError(f"no stored report with id {key}", where)
            return number
        found = session.scalars(
            select(col(ReportRow.id)).where(_latest(), col(ReportRow.fiscal_year) == number)
        )
        ids = [i for i in found if i is not None]
    if not ids:
        raise StoreError(f"no stored report for fiscal year {number}", where)
    if len(ids) > 1:
        raise StoreError(
            f"several stored reports for fiscal year {number} (ids {ids}); give an id", where
        )
    return ids[0]


def _judged(i: IndicatorRow, e: EvaluationRow) -> JudgementData:
    """A stored indicator's fields in the scorecard shape (``shape.JudgedData``)."""
    return {
        "label": i.label,
        "status": e.status,
        "overdue": e.overdue,
        "actual": plain_number(e.actual),
        "target": plain_number(i.target),
        "unit": i.unit,
        "comparator": i.comparator,
        "deadline": i.deadline.isoformat() if i.deadline else None,
    }


def stored_card(engine: Engine, report_id: int) -> StoredCardData:
    """A stored report in the scorecard shape that ``compare`` reads."""
    rows = _rows(engine, col(ReportRow.id) == report_id)
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
        "indicators": [_stored_indicator(i, e) for _, i, e in rows],
    }


def _stored_indicator(i: IndicatorRow, e: EvaluationRow) -> JudgedData:
    return {
        "id": i.rule_id,
        "measure": i.measure_no,
        **_judged(i, e),
        "progress": e.progress,
        "period": {
            "start": e.period_start.isoformat(),
            "end": e.period_end.isoformat(),
            "text": e.period_text,
        }
        if e.period_start and e.period_end
        else None,
    }

"""What the commands compute, as library calls: the CLI parses options, calls these and prints.

    from kpi_tracker.read.document import load_document
    from kpi_tracker.pipeline import rules_for_document, scorecard_for
    from kpi_tracker.store.db import open_store

    document = load_document("seeds/kodoku_koritsu_jisshi_jokyo_r7.txt")
    card = scorecard_for(document, rules_for_document(document), engine=open_store("h.db"))

Nothing here prints: a rules file chosen in a way that deserves a word says so in its
``note``; document and scorecard warnings are in their ``warnings``. The store (sqlmodel) is
imported only by the calls given an engine or a database.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DocumentError
from .judge.scorecard import (
    Say,
    Scorecard,
    check_previous,
    evaluate,
    history_from_card,
    merged_history,
    with_previous,
)
from .model import Document
from .rules.compiled import LoadedRules
from .shape import CardData, StoredCardData

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from .judge.sheet_stream import StreamedSheet
    from .read.sheets.review import ReviewStream
    from .store.db import Ingested, StoredSource

__all__ = [
    "compared_report",
    "ingest_documents",
    "rules_for_document",
    "rules_for_title",
    "scorecard_for",
    "streamed_sheet",
    "with_stored_previous",
]


def rules_for_document(
    document: Document, rules_path: str | Path | None = None
) -> LoadedRules | None:
    """The rules for a document: ``rules_path`` (a file or a folder), else the folders searched
    by default (``KPI_TRACKER_RULES``, the configuration's, ``./rules/``, the package's).

    A status table must have rules (``RulesError`` otherwise); a KPI sheet carries its own
    targets and may have none (``None``)."""
    if document.sheet is not None:
        from .judge.sheet_card import sheet_rules

        return sheet_rules(None if rules_path is None else str(rules_path), document)
    return rules_for_title(document.title_lines, document.plan, rules_path)


def rules_for_title(
    title_lines: tuple[str, ...], plan: str, rules_path: str | Path | None = None
) -> LoadedRules:
    """``rules_for_document`` of a status table, from its title alone (what
    ``load_document``'s ``on_title`` is given, before the measures are read)."""
    from .rules.search import find_rules

    return find_rules(title_lines, plan, rules_path)


def scorecard_for(
    document: Document,
    rules: LoadedRules | None,
    *,
    as_of: date | None = None,
    engine: Engine | None = None,
    explain: bool = False,
    previous: CardData | None = None,
    previous_option: str | None = "--previous",
    as_of_option: str = "--as-of",
) -> Scorecard:
    """The scorecard of a document; with a store ``engine``, the earlier stored reports of its
    plan (before the evaluation date) feed the trends, and so does an earlier report given as
    ``previous`` (a ``scorecard_dict`` or ``store.stored_card``; refused unless it is an
    earlier report of the same plan, named ``previous_option`` in the message; with
    ``previous_option=None`` it is then left out of the trends instead); ``explain``: see
    ``evaluate``.

    An earlier report adds a reference only where the document states none, and trend points
    (``outcome._judge``): with the same reports, every command gives the same verdict."""
    history = None
    when = as_of or document.as_of
    if engine is not None and when is not None:
        from .store import db as store

        history = store.history_points(engine, document.plan, when)
    if previous is not None and when is not None:
        try:
            check_previous(document, when, previous, previous_option or "")
        except DocumentError:
            if previous_option is not None:
                raise
            previous = None
    if previous is not None and when is not None:
        history = merged_history(history, history_from_card(previous, when))
    return evaluate(
        document, rules, as_of=as_of, history=history, explain=explain, as_of_option=as_of_option
    )


def streamed_sheet(
    stream: ReviewStream, rules_path: str | Path | None = None, as_of: date | None = None
) -> StreamedSheet | None:
    """A 行政事業レビュー sheet opened as a stream (``read.document.open_document``), to be
    judged as it is read: its outcomes are ``scorecard_for``'s without a store or an earlier
    report. None when a rules file adds to the sheet: then it is judged whole. Reading it
    raises ``read.sheets.model.NotStreamable`` where it turns out not to be one (a project's
    rows apart, no report date before the first indicator): then read it whole."""
    from .judge.sheet_card import sheet_rules
    from .judge.sheet_stream import StreamedSheet
    from .read.sheets.model import NotStreamable
    from .text.periods import fiscal_year_end

    head = stream.head()
    if sheet_rules(None if rules_path is None else str(rules_path), head) is not None:
        return None

    def when() -> date:
        # As the whole read dates it: --as-of, the title's or file name's year, else the
        # 事業年度 column's (read from the first row that gives one: known by now, or never).
        found = as_of or head.as_of
        if found is None and stream.fiscal_year is not None:
            found = fiscal_year_end(stream.fiscal_year)
        if found is None:
            raise NotStreamable("no report date before the first indicator")
        return found

    return StreamedSheet(stream.events(), when, stream.document, stream.source, stream)


def with_stored_previous(card: Scorecard, engine: Engine) -> Scorecard:
    """The scorecard with the plan's latest stored report before it as its previous report
    (each indicator's previous value and movement); unchanged when there is none."""
    from .store import db as store

    found = store.previous_report(engine, card.document.plan, card.as_of)
    return card if found is None else with_previous(card, store.stored_card(engine, found))


def compared_report(key: str, engine: Engine) -> StoredCardData:
    """A stored report named by id (``3``), fiscal year (``2025``) or era year (``令和7年度``),
    in the shape ``compare`` reads."""
    from .store import db as store

    return store.stored_card(engine, store.find_report(engine, key))


def ingest_documents(
    engine: Engine,
    documents: Iterable[Document],
    rules_path: str | Path | None = None,
    *,
    replace: bool = False,
    sources: Mapping[str, tuple[str, bytes, str | None]] | None = None,
    as_of: date | None = None,
) -> Iterator[tuple[Document, LoadedRules | None, Ingested]]:
    """Evaluate and store documents, oldest first so that each report's trend sees the ones
    before it; yields each document with the rules used and where it was stored. With
    ``replace``, a document whose plan and fiscal year are stored with other content is stored
    as their latest revision (see ``store.ingest``).

    ``sources`` (by the document's ``sha256``: file name, bytes, forced encoding) are stored
    with the reports. A stored report is evaluated again when an earlier one arrives: the
    answer does not depend on the order of ingestion (``Ingested.reevaluated``). ``as_of``
    dates the documents whose title names no fiscal year."""
    from dataclasses import replace as with_fields

    from .store import db as store

    def when(d: Document) -> date | None:
        return d.as_of or as_of

    ordered = sorted(documents, key=lambda d: (when(d) is None, when(d)))
    for document in ordered:
        rules = rules_for_document(document, rules_path)
        card = scorecard_for(document, rules, engine=engine, as_of=when(document))
        source = (sources or {}).get(document.sha256)
        result = store.ingest(engine, card, stored_wording(), replace=replace, source=source)
        redone, stale = _reevaluate_later(engine, card, rules_path)
        yield document, rules, with_fields(result, reevaluated=redone, stale=stale)


def _reevaluate_later(
    engine: Engine, card: Scorecard, rules_path: str | Path | None
) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...]]:
    """Evaluate again the plan's stored reports dated after ``card``'s, from their stored
    documents: (report id, indicators whose status changed) for each one refreshed, and the
    ids of those that cannot be (stored without their document by an older kpi-tracker)."""
    from .store import db as store

    found, missing = store.later_reports(engine, card.document.plan, card.as_of)
    redone = []
    for stored in found:
        document = _document_from(stored)
        # The rules named for this ingest, else those it was evaluated with (when still there),
        # else the ones found for it now.
        own = stored.rules_path if stored.rules_path and Path(stored.rules_path).is_file() else None
        rules = rules_for_document(document, rules_path or own)
        as_of = None if document.as_of is not None else stored.as_of
        later = scorecard_for(document, rules, engine=engine, as_of=as_of)
        changed = store.refresh(engine, stored.report_id, later, stored_wording())
        if changed is not None:
            redone.append((stored.report_id, changed))
    return tuple(redone), tuple(missing)


def _document_from(stored: StoredSource) -> Document:
    """A stored report's document, read again as it was read first."""
    import tempfile

    from .read.document import load_document

    with tempfile.TemporaryDirectory(prefix="kpi-tracker-") as folder:
        path = Path(folder) / Path(stored.name).name
        path.write_bytes(stored.data)
        return load_document(path, stored.encoding, source=stored.name)


def stored_wording() -> Say:
    """How the store words reasons: in Japanese with ISO dates, as the JSON of ``--lang ja``
    says them (``history`` prints them back)."""
    from .render.wording import Wording

    return Wording("ja", "iso").reason

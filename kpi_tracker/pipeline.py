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

from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .judge.scorecard import Say, Scorecard, evaluate, with_previous
from .model import Document
from .rules.compiled import LoadedRules
from .shape import StoredCardData

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from .store.db import Ingested

__all__ = [
    "compared_report",
    "ingest_documents",
    "rules_for_document",
    "scorecard_for",
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
    from .rules.search import find_rules

    return find_rules(document.title_lines, document.plan, rules_path)


def scorecard_for(
    document: Document,
    rules: LoadedRules | None,
    *,
    as_of: date | None = None,
    engine: Engine | None = None,
    explain: bool = False,
) -> Scorecard:
    """The scorecard of a document; with a store ``engine``, the earlier stored reports of its
    plan (before the evaluation date) feed the trends; ``explain``: see ``evaluate``."""
    history = None
    when = as_of or document.as_of
    if engine is not None and when is not None:
        from .store import db as store

        history = store.history_points(engine, document.plan, when)
    return evaluate(document, rules, as_of=as_of, history=history, explain=explain)


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
) -> Iterator[tuple[Document, LoadedRules | None, Ingested]]:
    """Evaluate and store documents, oldest first so that each report's trend sees the ones
    before it; yields each document with the rules used and where it was stored. With
    ``replace``, a document whose plan and fiscal year are stored with other content is stored
    as their latest revision (see ``store.ingest``)."""
    from .store import db as store

    ordered = sorted(documents, key=lambda d: (d.as_of is None, d.as_of))
    for document in ordered:
        rules = rules_for_document(document, rules_path)
        card = scorecard_for(document, rules, engine=engine)
        yield document, rules, store.ingest(engine, card, stored_wording(), replace=replace)


def stored_wording() -> Say:
    """How the store words reasons: in Japanese with ISO dates, as the JSON of ``--lang ja``
    says them (``history`` prints them back)."""
    from .render.wording import Wording

    return Wording("ja", "iso").reason

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import ROOT, RULES, SEED, seed_lines, write_variant

__all__ = ["ROOT", "RULES", "SEED", "seed_lines", "write_variant"]


def pytest_configure(config: pytest.Config) -> None:
    """Compiled rules are cached in a folder of this run, never in the user's home."""
    import os
    import tempfile

    os.environ["KPI_TRACKER_CACHE"] = tempfile.mkdtemp(prefix="kpi-tracker-cache-")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_doc():
    from kpi_tracker.read.document import load_document

    return load_document(SEED)


@pytest.fixture(scope="session")
def seed_rules():
    from kpi_tracker.rules.compiled import load_rules

    return load_rules(RULES)


@pytest.fixture(scope="session")
def seed_card(seed_doc, seed_rules):
    from kpi_tracker.judge.scorecard import evaluate

    from .helpers import card_dict

    return card_dict(evaluate(seed_doc, seed_rules))


@pytest.fixture(scope="session")
def seed_scorecard(seed_doc, seed_rules):
    """The seed's ``Scorecard`` (the value, before any rendering)."""
    from kpi_tracker.judge.scorecard import evaluate

    return evaluate(seed_doc, seed_rules)


@pytest.fixture(scope="session")
def seed_indicators(seed_card):
    return {i["id"]: i for i in seed_card["indicators"]}


@pytest.fixture(scope="session")
def yoy_later_path(tmp_path_factory) -> Path:
    """The seed a year later (``helpers.YOY_LATER``), titled 令和8年度."""
    from .helpers import YOY_LATER

    return write_variant(tmp_path_factory.mktemp("yoy"), YOY_LATER, "r8.txt", "令和8年度")

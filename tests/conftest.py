from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_configure(config: pytest.Config) -> None:
    """Compiled rules are cached in a folder of this run, never in the user's home."""
    import os
    import tempfile

    os.environ["KPI_TRACKER_CACHE"] = tempfile.mkdtemp(prefix="kpi-tracker-cache-")


SEED = ROOT / "seeds" / "kodoku_koritsu_jisshi_jokyo_r7.txt"
RULES = ROOT / "rules" / "kodoku_koritsu.yaml"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_doc():
    from kpi_tracker.document import load_document

    return load_document(SEED)


@pytest.fixture(scope="session")
def seed_rules():
    from kpi_tracker.rules import load_rules

    return load_rules(RULES)


@pytest.fixture(scope="session")
def seed_card(seed_doc, seed_rules):
    from kpi_tracker.scorecard import evaluate, scorecard_dict

    return scorecard_dict(evaluate(seed_doc, seed_rules))


@pytest.fixture(scope="session")
def seed_indicators(seed_card):
    return {i["id"]: i for i in seed_card["indicators"]}


def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").split("\n")


def write_variant(
    tmp_path: Path,
    replace: dict[int, tuple[str, str]],
    name: str = "variant.txt",
    title_year: str | None = None,
) -> Path:
    """The seed with status cells rewritten: {measure no: (old text, new text)}."""
    lines = seed_lines()
    out = []
    for line in lines:
        cells = line.split("\t")
        if cells and cells[0].strip().isdigit() and int(cells[0]) in replace:
            old, new = replace[int(cells[0])]
            assert old in cells[4], (cells[0], old)
            cells[4] = cells[4].replace(old, new)
            line = "\t".join(cells)
        if title_year and "の実施状況(" in line:
            line = line.replace("令和7年度", title_year)
        out.append(line)
    path = tmp_path / name
    path.write_text("\n".join(out), encoding="utf-8")
    return path

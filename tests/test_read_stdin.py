"""A document on stdin (or without a file extension) is read as what it is (issue 22, D7): a
CSV sheet was split at tabs. The CLI cases failed before the fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kpi_tracker.cli import cli
from kpi_tracker.read.rows import looks_like_csv

from .helpers import HAKUSHO, REVIEW, SEED


def _statuses(args: list[str], stdin: bytes | None = None) -> list[str]:
    result = CliRunner().invoke(cli, args, input=stdin)
    assert result.exit_code == 0, result.stderr
    return [i["status"] for i in json.loads(result.stdout)["indicators"]]


@pytest.mark.parametrize("sheet", [REVIEW, HAKUSHO])
def test_csv_sheet_on_stdin_reads_as_the_file(sheet: Path) -> None:
    options = ["--format", "json", "--as-of", "2025-03-31"]
    from_file = _statuses(["scorecard", str(sheet), *options])
    assert from_file and set(from_file) != {"not_measurable"}
    assert _statuses(["scorecard", "-", *options], sheet.read_bytes()) == from_file


def test_csv_sheet_without_an_extension(tmp_path: Path) -> None:
    bare = tmp_path / "review_2024"
    bare.write_bytes(REVIEW.read_bytes())
    options = ["--format", "json", "--as-of", "2025-03-31"]
    assert _statuses(["scorecard", str(bare), *options]) == _statuses(
        ["scorecard", str(REVIEW), *options]
    )


def test_tsv_table_on_stdin_stays_tsv() -> None:
    result = CliRunner().invoke(cli, ["measures", "-", "--format", "json"], input=SEED.read_bytes())
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["measures"]) == 143


# (sample, is CSV)  # why
@pytest.mark.parametrize(
    "sample, expected",
    [
        ("KPI,目標値,実績\n転入者数,1500,1400\n", True),  # a sheet as CSV
        ("title、令和7年度\n施策No.\t施策名\n1\tx,y\n", False),  # a tab anywhere: TSV
        ("ただの文章、読点のみ\n", False),  # no comma at all
        ("", False),
    ],
)
def test_looks_like_csv(sample: str, expected: bool) -> None:
    assert looks_like_csv(sample) is expected

"""A 行政事業レビュー sheet judged as it is read (issue #25): the JSON and ``-q`` of the stream
are the bytes of the whole read, and the stream holds one project at a time.

The sheets are drawn by hypothesis (projects of 0–4 indicators, activity rows, 定性的 rows,
values ``-``, ministries interleaved, ids that are not numbers or collide as numbers, a
project whose rows come back later) and by the benchmark's generator.
"""

from __future__ import annotations

import csv
import importlib.util
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpi_tracker.judge.scorecard import evaluate
from kpi_tracker.judge.shares import ShareFailed
from kpi_tracker.model import MeasureDone, RawDocument, Row, SheetIndicator
from kpi_tracker.pipeline import streamed_sheet
from kpi_tracker.read.document import load_document, open_document
from kpi_tracker.read.sheets.model import NotStreamable, StreamedBook, _Closed, _Numbers
from kpi_tracker.read.sheets.review import ReviewStream
from kpi_tracker.render import json_
from kpi_tracker.render.terminal import headline
from kpi_tracker.text.normalize import drop_forbidden

from .helpers import ROOT, SHEETS, run

_spec = importlib.util.spec_from_file_location(
    "review_sheet", ROOT / "benchmarks" / "review_sheet.py"
)
assert _spec is not None and _spec.loader is not None
review_sheet = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(review_sheet)

META: list[str] = review_sheet.META
YEARS = range(2018, 2029)
NAME = "3-1_RS_2024_効果発現経路_目標・実績.csv"
MINISTRIES = ("総務省", "法務省", "環境省")


def whole_json(path: Path) -> str:
    """The JSON scorecard of the sheet read whole (what the command wrote before #25)."""
    card = evaluate(load_document(path), None)
    return "".join(map(drop_forbidden, json_.stream(card)))


def _opened(path: Path) -> Any:
    opened = open_document(path)
    assert isinstance(opened, ReviewStream)
    sheet = streamed_sheet(opened, None, None)
    assert sheet is not None
    return opened, sheet


def streamed_json(path: Path, jobs: int = 1) -> str:
    """The JSON of the sheet judged as it is read; with ``jobs`` > 1, in that many shares,
    a forked process each (``judge.shares``)."""
    opened, sheet = _opened(path)
    with opened.reading():
        spooled = json_.spool(sheet, "ja", lambda: _opened(path)[1], jobs)
    return "".join(map(drop_forbidden, spooled.pieces()))


# --- drawn sheets ------------------------------------------------------------------------


def _rows(
    pid: str, ministry: str, number: int, kind: str, rnd: random.Random, year: int
) -> list[list[str]]:
    """The rows of one indicator: ``kind`` quantitative (four rows), qualitative (one row) or
    activity (one row without an indicator)."""
    meta = [""] * len(META)

    def put(header: str, value: str) -> None:
        meta[META.index(header)] = value

    put("シート種別", "3-1")
    put("事業年度", str(year) if year else "")
    put("予算事業ID", pid)
    put("事業名", f"事業{pid}")
    put("政策所管府省庁", ministry)
    put("府省庁", ministry)
    put("アクティビティ・アウトプット・アウトカムの番号", str(number))
    if kind == "activity":
        put("アクティビティ／活動目標／成果目標", "活動")
        return [meta + [""] * len(YEARS)]
    put("成果目標の種類", "定性的" if kind == "qualitative" else "定量的")
    put("活動指標／成果指標", f"指標{number}")
    put("単位", rnd.choice(["件", "%", ""]))
    put("改善の上向き／下向き", rnd.choice(["上向き", "下向き", ""]))
    if kind == "qualitative":
        put("定性的なアウトカムに関する成果実績", "進んだ")
        return [meta + [""] * len(YEARS)]
    out = []
    target_year = rnd.choice(list(YEARS)[3:])
    for label in review_sheet.KINDS:
        cells = [""] * len(YEARS)
        for i, y in enumerate(YEARS):
            if label.startswith("1") and y == target_year:
                cells[i] = "1"
            elif label.startswith("2") and y in (target_year, 2024) and rnd.random() < 0.8:
                cells[i] = f"{rnd.randint(1, 3000):,}"
            elif label.startswith(("3", "4")) and y <= 2024 and rnd.random() < 0.6:
                cells[i] = rnd.choice(["-", f"{rnd.randint(1, 3000):,}", "12.5", "未定"])
        out.append([*meta[:-1], label, *cells])
    return out


@st.composite
def sheets(draw: Any) -> tuple[list[list[str]], bool]:
    """A sheet's rows, and whether a project's rows come back after another's."""
    seed = draw(st.integers(0, 10_000))
    rnd = random.Random(seed)
    ids = draw(
        st.lists(
            st.sampled_from(["1", "2", "3", "01", "7", "10", "A-1", "B", "2024001", "5"]),
            min_size=1,
            max_size=7,
            unique=True,
        )
    )
    year = draw(st.sampled_from([2024, 0]))
    rows: list[list[str]] = []
    projects = []
    for pid in ids:
        kinds = draw(
            st.lists(st.sampled_from(["quantitative", "qualitative", "activity"]), max_size=4)
        )
        projects.append((pid, draw(st.sampled_from(MINISTRIES)), kinds))
    back = draw(st.booleans()) and len(projects) > 1
    if back:  # the first project's rows again, after the others (a new indicator of it)
        projects.append((projects[0][0], projects[0][1], ["quantitative"]))
    for n, (pid, ministry, kinds) in enumerate(projects):
        for k, kind in enumerate(kinds or ["activity"]):
            number = 10 * n + k + 1
            rows += _rows(pid, ministry, number, kind, rnd, year)
    return rows, back


def write(folder: Path, rows: list[list[str]], name: str = NAME) -> Path:
    path = folder / name
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow([*META, *map(str, YEARS)])
        out.writerows(rows)
    return path


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(drawn=sheets())
def test_the_stream_writes_the_bytes_of_the_whole_read(tmp_path: Path, drawn: Any) -> None:
    rows, back = drawn
    path = write(tmp_path, rows)
    expected = whole_json(path)
    if back:
        with pytest.raises(NotStreamable):
            streamed_json(path)
        with pytest.raises((NotStreamable, ShareFailed)):
            streamed_json(path, 3)
    else:
        assert streamed_json(path) == expected
        # In shares: the same bytes, warnings (and their first cases) included.
        assert streamed_json(path, 2) == streamed_json(path, 3) == expected
    # The command: the stream, or the whole read where the stream gives up; the same bytes.
    out = tmp_path / "card.json"
    got = run("scorecard", str(path), "--format", "json", "-o", str(out))
    assert got.returncode == 0, got.stderr
    assert out.read_text(encoding="utf-8") == expected
    assert run("scorecard", str(path), "--format", "json").stdout == expected
    quiet = run("scorecard", str(path), "-q")
    whole = run("scorecard", str(path), "--format", "md")
    assert quiet.stdout == headline(evaluate(load_document(path), None)) + "\n"
    assert quiet.stderr == got.stderr == whole.stderr


@pytest.mark.parametrize("rows", [4, 400, 2_000])
@pytest.mark.parametrize("seed", [16, 3])
def test_generated_national_sheets_stream_to_the_same_bytes(
    tmp_path: Path, rows: int, seed: int
) -> None:
    path = review_sheet.build_review_sheet(tmp_path, rows, seed=seed)
    expected = whole_json(path)
    assert streamed_json(path) == expected
    assert streamed_json(path, 2) == streamed_json(path, 4) == expected


@pytest.mark.parametrize("name", sorted(p.name for p in SHEETS.glob("3-1_RS_*")))
def test_the_review_fixtures_stream_to_the_same_bytes(name: str) -> None:
    assert streamed_json(SHEETS / name) == whole_json(SHEETS / name)


def test_a_sheet_without_a_year_before_its_first_indicator_is_read_whole(tmp_path: Path) -> None:
    rnd = random.Random(1)
    rows = _rows("1", "総務省", 1, "quantitative", rnd, 0) + _rows(
        "2", "法務省", 1, "activity", rnd, 0
    )
    path = write(tmp_path, rows, "効果発現経路.csv")
    with pytest.raises(NotStreamable):
        streamed_json(path)
    whole = run("scorecard", str(path), "--format", "md")
    got = run("scorecard", str(path), "--format", "json")
    assert (got.returncode, got.stderr) == (whole.returncode, whole.stderr)
    dated = run("scorecard", str(path), "--format", "json", "--as-of", "2025-03-31")
    assert dated.returncode == 0, dated.stderr


# --- the stream holds one project ----------------------------------------------------------


def _counted(rows: list[Row], read: list[int]) -> Iterator[Row]:
    for row in rows:
        read[0] += 1
        yield row


def test_the_reader_gives_each_indicator_and_project_as_its_rows_end(tmp_path: Path) -> None:
    path = review_sheet.build_review_sheet(tmp_path, 4_000)
    stream = open_document(path)
    assert isinstance(stream, ReviewStream)
    raw = stream.reader.raw
    read = [0]
    raw_rows = list(raw.rows)  # the rows after the header, counted as the reader takes them
    stream.reader.raw = RawDocument(raw.source, raw.sha256, raw.encoding, _counted(raw_rows, read))
    book = stream.reader.book
    assert isinstance(book, StreamedBook)
    pid, no, name = (META.index(h) for h in ("予算事業ID", META[16], "活動指標／成果指標"))
    keys = [(r.cells[pid], r.cells[no], r.cells[name]) for r in raw_rows]
    last_row = {r.cells[pid]: n for n, r in enumerate(raw_rows)}  # 0-based, per project
    events = stream.events()
    first = next(events)
    # The first indicator is given as soon as the first row of the next one is read.
    assert isinstance(first, SheetIndicator)
    assert read[0] == keys.count(keys[0]) + 1
    most_open = 0
    done = []
    for event in events:
        most_open = max(most_open, len(book.open_keys()))
        if isinstance(event, MeasureDone):
            done.append(event.measure.no)
            # A project is given as soon as the next project's first row is read.
            end = last_row[str(event.measure.no)] + 1
            assert read[0] == (end + 1 if end < len(raw_rows) else end)
    assert read[0] == len(raw_rows)
    assert most_open <= 2
    assert book.open_keys() == []
    assert sorted(done) == list(range(1, len(done) + 1))
    assert stream.reader.measure_of == {}


def test_a_project_coming_back_is_not_streamed() -> None:
    book = StreamedBook("x.csv")
    assert book.number_for("7", "事業7", "総務省", 2, 7) == 7
    closed = book.close("7")
    assert closed is not None and closed.measure.no == 7
    assert book.close("7") is None
    with pytest.raises(NotStreamable):
        book.number_for("7", "事業7", "総務省", 30, 7)
    # A number taken by a closed project is not given again.
    assert book.number_for("07", "事業07", "総務省", 40, 7) == 8


@given(st.lists(st.integers(-5, 60), max_size=60))
def test_numbers_are_a_set(values: list[int]) -> None:
    runs, plain = _Numbers(), set()
    for n in values:
        runs.add(n)
        plain.add(n)
        assert runs.top() == max(plain)
    for n in range(-7, 63):
        assert (n in runs) == (n in plain)
    assert all(a <= b for a, b in zip(runs.starts, runs.ends, strict=True))
    assert all(b + 1 < a for a, b in zip(runs.starts[1:], runs.ends[:-1], strict=True))


def test_numbers_in_runs_stay_few() -> None:
    runs = _Numbers()
    for n in range(1, 50_001):
        runs.add(n)
    assert (runs.starts, runs.ends) == ([1], [50_000])


def test_closed_keys_are_never_forgotten() -> None:
    closed = _Closed()
    keys = [f"{n}" for n in range(20_000)]
    for key in keys:
        closed.add(key)
    assert all(key in closed for key in keys)
    assert sum(f"x{n}" in closed for n in range(20_000)) == 0


def test_the_command_streams_json_and_quiet(tmp_path: Path, monkeypatch: Any) -> None:
    """``--format json`` and ``-q`` of a 行政事業レビュー sheet never read it whole; the other
    formats do."""
    from kpi_tracker.read import document

    path = review_sheet.build_review_sheet(tmp_path, 400)
    expected = whole_json(path)
    quiet = run("scorecard", str(path), "-q").stdout

    def whole(*_: Any, **__: Any) -> Any:
        raise AssertionError("read whole")

    monkeypatch.setattr(document, "load_document", whole)
    out = tmp_path / "card.json"
    assert run("scorecard", str(path), "--format", "json", "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8") == expected
    assert run("scorecard", str(path), "-q").stdout == quiet
    with pytest.raises(AssertionError, match="read whole"):
        run("scorecard", str(path), "--format", "md")


# --- in shares, a process each ---------------------------------------------------------------


def test_the_command_in_shares_says_what_one_process_says(tmp_path: Path) -> None:
    """KPI_TRACKER_JOBS: the same bytes, warnings and exit code in one process or in shares."""
    import os

    path = review_sheet.build_review_sheet(tmp_path, 2_000, seed=3)
    said = []
    for jobs in ("1", "2", "3"):
        got = run(
            "scorecard", str(path), "--format", "json", env={**os.environ, "KPI_TRACKER_JOBS": jobs}
        )
        said.append((got.returncode, got.stdout, got.stderr))
    assert said[0][0] in (0, 1)
    assert said[0] == said[1] == said[2]


def test_an_error_in_any_share_is_the_first_error_of_the_file(tmp_path: Path) -> None:
    """A share that fails makes the command read the sheet whole: the error it reports is the
    first in the file, whichever share met which error first."""
    import os

    rnd = random.Random(5)
    rows: list[list[str]] = []
    for pid in range(1, 7):
        indicator = _rows(str(pid), "総務省", 1, "quantitative", rnd, 2024)
        if pid in (2, 3):  # share 2 of 3 (a child) and share 0 (the parent): no 2.目標値 row
            indicator = [r for r in indicator if "2.目標値" not in r]
        rows += indicator
    path = write(tmp_path, rows)
    said = []
    for jobs in ("1", "3"):
        got = run(
            "scorecard", str(path), "--format", "json", env={**os.environ, "KPI_TRACKER_JOBS": jobs}
        )
        said.append((got.returncode, got.stdout, got.stderr))
    assert said[0][0] == 2
    assert "indicator 2/1/指標1 has no 2.目標値 row" in said[0][2]
    assert said[1] == said[0]


@pytest.mark.parametrize("setting", ["0", "two", "-1", "1.5"])
def test_a_number_of_processes_that_is_none_is_said(tmp_path: Path, setting: str) -> None:
    import os

    path = review_sheet.build_review_sheet(tmp_path, 40)
    got = run(
        "scorecard", str(path), "--format", "json", env={**os.environ, "KPI_TRACKER_JOBS": setting}
    )
    assert got.returncode == 2
    assert got.stderr.strip().splitlines() == [
        f"kpi-tracker: error: KPI_TRACKER_JOBS: {setting!r} is not a number of processes (1, 2, …)"
    ]

"""The reader: one read of the input (files, pipes, FIFOs, stdin), text encodings only, the size
cap counted on the bytes read, characters XML forbids dropped. Issue 11, D9, D11, D12, D14, D17:
each test failed before."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from kpi_tracker.cli import cli
from kpi_tracker.errors import DocumentError
from kpi_tracker.read import rows as reader
from kpi_tracker.read.document import load_document

from .helpers import ROOT, SEED

SEED_BYTES = SEED.read_bytes()


def _kt(*args: str, stdin: bytes | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kpi_tracker", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        timeout=timeout,
        check=False,
    )


# --- D12: read once; `-` is stdin; the cap counts bytes ----------------------------------------


def test_dash_reads_stdin() -> None:
    result = CliRunner().invoke(cli, ["measures", "-", "--format", "csv"], input=SEED_BYTES)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("\n") > 143


def test_dev_stdin_from_a_pipe() -> None:
    # `cat S | kpi-tracker measures /dev/stdin` said "no header row": the file was opened twice.
    result = _kt("measures", "/dev/stdin", "--format", "json", stdin=SEED_BYTES)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.count(b'"no":') == 143


def test_fifo_is_read_once(tmp_path: Path) -> None:
    # A FIFO hung: the second open waited for a writer that had gone.
    fifo = tmp_path / "table.txt"
    os.mkfifo(fifo)

    def feed() -> None:
        with fifo.open("wb") as f:
            f.write(SEED_BYTES)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    result = _kt("measures", str(fifo), "--format", "json", timeout=30)
    writer.join(5)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.count(b'"no":') == 143


def test_dev_zero_stops() -> None:
    # /dev/zero read forever: its st_size is 0, the cap trusted it.
    result = _kt("measures", "/dev/zero", timeout=60)
    assert result.returncode == 2
    assert result.stderr.decode().startswith("kpi-tracker: error: /dev/zero:1: line longer than")


def test_size_cap_counts_bytes_read(monkeypatch) -> None:
    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    result = CliRunner().invoke(cli, ["measures", "-"], input=SEED_BYTES)
    assert result.exit_code == 2
    assert result.stderr == (
        "kpi-tracker: error: <stdin>: more than 1,000 bytes; a status table is expected "
        "to be under 1,000\n"
    )


# --- D9: only text encodings -------------------------------------------------------------------


@pytest.mark.parametrize(
    "codec", ["base64", "rot13", "hex", "zlib", "bz2", "uu", "quopri"]
)  # bytes-to-bytes or str-to-str codecs: decoding with them crashed
def test_only_text_encodings(codec: str) -> None:
    with pytest.raises(DocumentError) as info:
        load_document(SEED, encoding=codec)
    assert str(info.value) == f"{SEED}: {codec} is not a text encoding"


def test_utf16_without_bom_is_one_line() -> None:
    result = CliRunner().invoke(cli, ["measures", str(SEED), "--encoding", "utf-16"])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kpi-tracker: error: {SEED}"), lines
    assert lines[0].endswith("is it the file's encoding?")  # not "use --encoding": it was


def test_lone_surrogates_are_dropped(tmp_path: Path) -> None:
    # unicode_escape turns `\ud800` into a lone surrogate, which no output can encode.
    path = tmp_path / "escaped.txt"
    text = SEED_BYTES.decode("utf-8").replace("孤立", "孤\ud800", 1)
    path.write_bytes(text.encode("unicode_escape"))
    doc = load_document(path, encoding="unicode_escape")
    text = "".join(m.name + m.overview + m.status_text for m in doc.measures)
    assert not any("\ud800" <= ch <= "\udfff" for ch in text)
    assert "".join(doc.title_lines).encode("utf-8")  # encodable


# --- D11, D14: characters XML 1.0 forbids, NUL included, are dropped when reading -------------


@pytest.mark.parametrize(
    "char",
    [
        "\x00",  # NUL: stored in SQLite, refused by PostgreSQL
        "\x0c",  # form feed: common in text taken from PDFs; invalid JUnit XML
        "\x0b",  # vertical tab
        "\x01",
    ],
)
def test_forbidden_characters_are_dropped(tmp_path: Path, char: str) -> None:
    path = tmp_path / "ctrl.txt"
    text = SEED_BYTES.decode("utf-8").replace("支援情報検索サイト", f"支援情報{char}検索サイト")
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    joined = "".join(m.name + m.overview + m.target_text + m.status_text for m in doc.measures)
    assert char not in joined
    assert "支援情報検索サイト" in joined


@pytest.mark.parametrize(
    ("char", "encoding", "suffix"),
    [
        ("\x0c", "utf-8", ".txt"),
        ("\x0c", "cp932", ".txt"),
        ("\x01", "cp932", ".csv"),
        ("\ufffe", "utf-8", ".txt"),  # a noncharacter, EF BF BE in UTF-8
        ("\uffff", "utf-8", ".csv"),
    ],
)
def test_forbidden_characters_are_dropped_in_every_format(
    tmp_path: Path, char: str, encoding: str, suffix: str
) -> None:
    head = (
        "「計画」の実施状況(令和7年度)\n施策No.\t目標及び達成の期間\t目標の達成状況\t担当府省庁\n"
    )
    rows = f"1\t目標{char}です\t相談{char}件数は12件\t内閣府\n"
    if suffix == ".csv":
        head, rows = head.replace("\t", ","), rows.replace("\t", ",")
    path = tmp_path / f"t{suffix}"
    path.write_bytes((head + rows).encode(encoding))
    doc = load_document(path)
    (measure,) = doc.measures
    assert (measure.target_text, measure.status_text) == ("目標です", "相談件数は12件")


# --- D17: messages that name the real problem --------------------------------------------------


def test_old_excel_format(tmp_path: Path) -> None:
    path = tmp_path / "table.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert str(info.value) == (f"{path}: the old Excel format (.xls) is not read; save it as .xlsx")


@pytest.mark.parametrize(
    "encoding",
    [
        "utf-8",  # cut inside a three-byte character
        "cp932",  # cut inside a two-byte character
    ],
)
def test_cut_inside_a_character_names_the_last_line(tmp_path: Path, encoding: str) -> None:
    text = SEED_BYTES.decode("utf-8").replace("发", "発")
    data = text.encode(encoding)
    cut = data.index("孤独".encode(encoding), len(data) // 2) + 1  # inside 孤
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:cut])
    line = data[:cut].count(b"\n") + 1
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert str(info.value) == f"{path}:{line}: the file ends inside a character (cut short?)"


# A table of ordinary size is decoded once and its rows read from the text; a larger one is
# read as a stream. Both must give the same rows: line ends of every kind, a last line with
# or without its break, characters XML forbids.
_TABLE_TEXT = st.text(alphabet=st.sampled_from("ab1\t\n\r\x0c\u3000相談"), max_size=60)


@settings(max_examples=300)
@given(_TABLE_TEXT)
def test_rows_from_text_are_the_rows_of_the_stream(text: str) -> None:
    import io

    streamed = list(reader._tsv_rows(io.BytesIO(text.encode("utf-8")), "t", "utf-8", False))
    assert list(reader._text_rows(text, "t")) == streamed


def test_a_small_table_is_decoded_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The seed is read from its decoded text, not streamed a second time.
    def no_stream(*args: object) -> None:
        raise AssertionError("streamed")

    monkeypatch.setattr(reader, "_tsv_rows", no_stream)
    assert len(load_document(SEED).measures) == 143

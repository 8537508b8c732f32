"""Outputs are written whole or not at all, never over an input, and `-` is read once (issue 22:
D4, D14, D2). Each test failed on the code before the fix."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kpi_tracker.cli import cli
from kpi_tracker.render.files import Inputs, write_atomic

from .helpers import ROOT, SEED


def _doc(tmp_path: Path) -> Path:
    doc = tmp_path / "doc.txt"
    doc.write_bytes(SEED.read_bytes())
    return doc


# D4: an output that resolves to an input (itself, a symbolic or a hard link) is refused.
@pytest.mark.parametrize(
    "args, output, option",
    [
        (["scorecard", "{doc}", "-o", "{out}"], "doc.txt", "-o"),  # the input itself
        (["scorecard", "{doc}", "-o", "{out}"], "link.txt", "-o"),  # a symbolic link to it
        (["scorecard", "{doc}", "--format", "xlsx", "-o", "{out}"], "hard.txt", "-o"),  # hard link
        (["measures", "{doc}", "-o", "{out}"], "link.txt", "-o"),
        (["rules", "draft", "{doc}", "-o", "{out}"], "doc.txt", "-o"),
        (["compare", "{doc}", "{doc}", "-o", "{out}"], "link.txt", "-o"),
        (
            ["check", "{doc}", "--update-baseline", "--baseline", "{out}"],
            "link.txt",
            "--baseline",
        ),
    ],
)
def test_output_over_an_input_is_refused(
    tmp_path: Path, args: list[str], output: str, option: str
) -> None:
    doc = _doc(tmp_path)
    (tmp_path / "link.txt").symlink_to(doc)
    os.link(doc, tmp_path / "hard.txt")
    out = tmp_path / output
    argv = [a.format(doc=doc, out=out) for a in args]
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code == 2, result.output
    same = "" if out == doc else f" ({doc})"
    assert result.stderr == (
        f"kpi-tracker: error: {out}: is an input of this command{same}; writing {option} "
        "there would destroy it: name another file\n"
    )
    assert doc.read_bytes() == SEED.read_bytes()


def test_output_beside_an_input_is_written(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    out = tmp_path / "card.md"
    result = CliRunner().invoke(cli, ["scorecard", str(doc), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("#")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["card.md", "doc.txt"]  # no temp file


# D14: a full disk (here a file size limit) leaves the old output whole, and no temporary file.
@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
@pytest.mark.parametrize(
    "args, name",
    [
        (["scorecard", str(SEED), "--format", "json", "-o", "{out}"], "card.json"),
        (["check", str(SEED), "--update-baseline", "--baseline", "{out}"], "base.json"),
    ],
)
def test_full_disk_keeps_the_old_output(tmp_path: Path, args: list[str], name: str) -> None:
    out = tmp_path / name
    old = b'{"old": "output, kept whole"}\n'
    out.write_bytes(old)
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "from kpi_tracker.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    argv = [a.format(out=out) for a in args]
    result = subprocess.run(
        [sys.executable, "-c", script, *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.endswith(f"kpi-tracker: error: {out}: cannot write: File too large\n")
    assert out.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_write_atomic_replaces_through_a_link_and_keeps_the_mode(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert real.stat().st_mode & 0o777 == 0o640


def test_write_atomic_writes_a_device_in_place() -> None:
    write_atomic(os.devnull, b"nothing")  # renaming over /dev/null would replace the device
    assert Path(os.devnull).is_char_device()


def test_inputs_knows_a_file_by_identity(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    inputs = Inputs()
    inputs.add(doc)
    inputs.refuse(str(tmp_path / "other.md"))  # a file that does not exist yet: fine
    with pytest.raises(Exception, match="is an input"):
        inputs.refuse(str(tmp_path / "." / "doc.txt"))


# D2: `-` twice is refused before anything is read (stdin can be read once).
@pytest.mark.parametrize(
    "args, names",
    [
        (["compare", "-", "-"], "OLD and NEW"),
        (["scorecard", "-", "--previous", "-"], "DOC and --previous"),
        (["check", "-", "--previous", "-"], "DOC and --previous"),
    ],
)
def test_stdin_twice_is_refused(args: list[str], names: str) -> None:
    result = CliRunner().invoke(cli, args, input=SEED.read_bytes())
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"kpi-tracker: error: kpi-tracker {args[0]}: {names} are both '-': standard input can "
        "be read only once; name a file for all but one\n"
    )


# D29: without --format, -o FILE's extension names the format; a contradiction is refused.
@pytest.mark.parametrize(
    "args, name, starts",
    [
        (["scorecard", str(SEED)], "card.xlsx", b"PK\x03\x04"),  # was Markdown in a .xlsx
        (["scorecard", str(SEED)], "card.json", b"{"),
        (["scorecard", str(SEED)], "card.html", b"<!DOCTYPE html>"),
        (["scorecard", str(SEED)], "report.xml", b"<?xml"),  # JUnit
        (["scorecard", str(SEED)], "card.txt", "# 目標達成状況".encode()),  # unknown: the default
        (["measures", str(SEED)], "measures.csv", b"no,section,"),
        (["measures", str(SEED)], "measures.md", b"# "),
    ],
)
def test_format_from_the_extension(
    tmp_path: Path, args: list[str], name: str, starts: bytes
) -> None:
    out = tmp_path / name
    result = CliRunner().invoke(cli, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().lstrip(b"\xef\xbb\xbf").startswith(starts), out.read_bytes()[:40]


@pytest.mark.parametrize(
    "args, name, message",
    [
        (
            ["scorecard", str(SEED), "--format", "md"],
            "card.xlsx",
            "a .xlsx file, but the format is md; give --format xlsx or another file name",
        ),
        (
            ["scorecard", str(SEED), "--format", "xlsx"],
            "card.md",
            "a .md file, but the format is xlsx; give --format md or another file name",
        ),
        (
            ["measures", str(SEED)],
            "measures.xlsx",
            "this command writes no .xlsx file; give --format json|csv|md and a file name to match",
        ),
    ],
)
def test_format_contradicting_the_extension(
    tmp_path: Path, args: list[str], name: str, message: str
) -> None:
    out = tmp_path / name
    result = CliRunner().invoke(cli, [*args, "-o", str(out)])
    assert result.exit_code == 2
    assert result.stderr == f"kpi-tracker: error: kpi-tracker {args[0]}: -o {out}: {message}\n"
    assert not out.exists()


# D4: the database a command reads is an input too.
@pytest.mark.parametrize(
    "args",
    [
        ["history", "--db", "{db}", "-o", "{db}"],
        ["scorecard", str(SEED), "--db", "{db}", "--format", "json", "-o", "{db}"],
    ],
)
def test_output_over_the_database_is_refused(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "h.db"
    stored = CliRunner().invoke(cli, ["ingest", str(SEED), "--db", str(db)])
    assert stored.exit_code == 0, stored.stderr
    before = db.read_bytes()
    result = CliRunner().invoke(cli, [a.format(db=db) for a in args])
    assert result.exit_code == 2, result.stderr
    assert "is an input of this command" in result.stderr
    assert db.read_bytes() == before


@pytest.mark.skipif(
    os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root writes anyway"
)
def test_write_atomic_keeps_a_read_only_file(tmp_path: Path) -> None:
    target = tmp_path / "kept.md"
    target.write_text("old")
    target.chmod(0o444)
    with pytest.raises(PermissionError):
        write_atomic(target, b"new")
    assert target.read_text() == "old"


# D14: concurrent --update-baseline runs leave one whole baseline, never a mix of two.
def test_concurrent_baseline_updates_leave_valid_json(tmp_path: Path) -> None:
    import json

    base = tmp_path / "base.json"
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kpi_tracker",
                "check",
                str(SEED),
                "--update-baseline",
                "--baseline",
                str(base),
                "--fail-on",
                fail_on,
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for fail_on in ("behind", "overdue", "behind", "overdue", "behind", "overdue")
    ]
    assert [r.wait() for r in runs] == [0] * len(runs)
    assert json.loads(base.read_text(encoding="utf-8"))["kpi_tracker_baseline"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["base.json"]

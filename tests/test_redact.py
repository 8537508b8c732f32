"""Database credentials never reach a message (issue 22, D10): a password given in the URL's
user part (with an unencoded "@" too) or as a parameter. Each CLI case failed before the fix."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kpi_tracker.cli import cli
from kpi_tracker.errors import redact
from kpi_tracker.store import db as store

from .helpers import SEED

URLS = [
    "postgresql://bob:s3cret@127.0.0.1:1/db",  # the usual form
    "postgresql://bob:s3@cret@127.0.0.1:1/db",  # an unencoded @ in the password
    "postgresql://bob@127.0.0.1:1/db?password=s3cret",  # libpq's parameter
    "postgresql://127.0.0.1:1/db?user=bob&password=s3cret&sslmode=disable",
    "postgresql://bob:s3cret@127.0.0.1:port/db",  # not a URL SQLAlchemy parses
    "postgresql://bob:s3@cret@[::1/db",
]


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize(
    "args",
    [["history"], ["ingest", str(SEED)], ["compare", "2024", "2025"], ["check", str(SEED)]],
)
def test_no_password_in_messages(url: str, args: list[str]) -> None:
    result = CliRunner().invoke(cli, [*args, "--db", url], env={"PGCONNECT_TIMEOUT": "2"})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "s3" not in result.output and "cret" not in result.output, result.output
    if args[0] != "check":  # check reads a database only when it exists
        assert result.exit_code == 2
        assert result.stderr.startswith("kpi-tracker: error: "), result.stderr
        assert len(result.stderr.splitlines()) == 1, result.stderr


# (text, expected)  # why
@pytest.mark.parametrize(
    "text, expected",
    [
        ("db?password=s3cret: refused", "db?password=***: refused"),  # the ":" after it stays
        ("x?user=u&password=a:b&y=1", "x?user=u&password=***&y=1"),
        ("host=h password='a b' user=u", "host=h password=*** user=u"),  # libpq's key=value
        ("postgresql://bob:p@ss@h/db: e", "postgresql://***@h/db: e"),  # up to the last @
        ("https://u:p@h/?token=abc", "https://***@h/?token=***"),
        ("施策8: 274,285 a=b@c", "施策8: 274,285 a=b@c"),  # no URL, no password: unchanged
    ],
)
def test_redact(text: str, expected: str) -> None:
    assert redact(text) == expected


def test_unencoded_at_reaches_the_right_host() -> None:
    # The last "@" ends the credentials: the host is the one after it.
    assert store._url("postgresql://bob:p@ss@h:5432/db?x=1") == (
        "postgresql://bob:p%40ss@h:5432/db?x=1"
    )
    assert (
        store._url("postgresql://bob:pass@h/db?mail=a@b") == "postgresql://bob:pass@h/db?mail=a@b"
    )

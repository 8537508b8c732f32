"""Library errors: each carries where (file, line, rule, field) and what.

Every error is also a builtin (``ValueError``, ``OSError``) so callers that know nothing of
kpi-tracker can still catch it. ``str(err)`` is deterministic: ``<where>: <what>``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """A place in an input file; every part is optional."""

    path: str | None = None
    line: int | None = None
    rule: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        extras = [
            f"rule {self.rule}" if self.rule else "",
            f"field {self.field}" if self.field else "",
        ]
        extra = ", ".join(e for e in extras if e)
        if extra:
            where = f"{where}: {extra}" if where else extra
        return where


class KpiTrackerError(Exception):
    """Base of every error the library raises on bad input."""

    def __init__(self, what: str, where: Location | None = None) -> None:
        self.what = what
        self.where = where or Location()
        where_text = str(self.where)
        super().__init__(f"{where_text}: {what}" if where_text else what)


class DocumentError(KpiTrackerError, ValueError):
    """The status table cannot be read."""


class RulesError(KpiTrackerError, ValueError):
    """A rules file does not validate."""


class NoRulesForPlan(RulesError):
    """No rules file in a place declares the document's plan (the search may go on)."""


class PeriodError(KpiTrackerError, ValueError):
    """Text that names no valid date or period."""


class UnitError(KpiTrackerError, ValueError):
    """Two quantities whose units do not compare."""


class StoreError(KpiTrackerError, RuntimeError):
    """The history database cannot be used."""


class EraYearWarning(UserWarning):
    """An era year written past the era's end (平成32年度), read forward."""


# Credentials that a database URL or a driver's message may carry: the user:password@ of a URL
# (a password with an unencoded "@" included: up to the last "@" of the word), and password
# parameters (?password=…, libpq's password=…).
_USERINFO = re.compile(r"(\b[A-Za-z][A-Za-z0-9+.\-]*://)\S*@")
_SECRET_PARAM = re.compile(
    r"(\b(?:password|passwd|pwd|pass|sslpassword|secret|token|api[_-]?key)\s*=\s*)"
    r"(?:'[^']*'|\"[^\"]*\"|[^\s&;'\"]+?(?=[\s&;'\"]|:\s|:?$))",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    """``text`` with the credentials of any URL or connection string in it replaced by ***."""
    if "@" not in text and "=" not in text:
        return text
    text = _USERINFO.sub(r"\1***@", text)
    return _SECRET_PARAM.sub(r"\1***", text)

"""``--column ROLE=HEADER``: the options that map a document's own header names to roles."""

from __future__ import annotations

from ..errors import KpiTrackerError, Location
from .columns import _STATUS_ALIASES, STATUS_ROLES
from .sheets.vocab import header_key, vocabulary

__all__ = ["parse_column_options"]


def parse_column_options(options: tuple[str, ...] | list[str]) -> tuple[tuple[str, str], ...]:
    """``ROLE=HEADER`` options → (header key, role) pairs; a malformed one or an unknown role
    is an error naming the option and the roles there are."""
    sheet_roles = {role for _, role in vocabulary().headers} - {"current"}
    known = sorted(sheet_roles | set(STATUS_ROLES) | set(_STATUS_ALIASES))
    out: list[tuple[str, str]] = []
    for option in options:
        role, sep, header = option.partition("=")
        role, header = role.strip(), header.strip()
        if not sep or not role or not header:
            raise KpiTrackerError(
                f"{option!r}: write ROLE=HEADER, e.g. actual=令和6年度実績", Location("--column")
            )
        if role not in known:
            raise KpiTrackerError(
                f"{option!r}: unknown role {role!r} (roles: {', '.join(known)})",
                Location("--column"),
            )
        out.append((header_key(header), role))
    return tuple(out)

"""Numbers as the tables write them, for reasons and renderings."""

from __future__ import annotations


def format_number(value: float | None) -> str:
    """A value as a Japanese table writes it: ``120,345``, ``86.5``; ``—`` for none."""
    if value is None:
        return "—"
    # NOTE: fractions of a count only arise from derived values (a previous year computed from
    # 前年度比18.6%減); past a thousand they are noise.
    if abs(value - round(value)) < 1e-9 or abs(value) >= 1000:
        return f"{round(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def plain_number(value: float | None) -> float | int | None:
    """A value for JSON or CSV: an int when it is whole (251830, not 251830.0)."""
    if value is None:
        return None
    if abs(value - round(value)) < 1e-9:
        return round(value)
    return round(value, 4)

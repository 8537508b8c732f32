"""kpi-tracker: Japanese policy-status tables → achievement scorecards.

Public API (loaded on first use, so that ``import kpi_tracker`` stays cheap)::

    from kpi_tracker import parse_period, load_document, load_rules, evaluate

    doc = load_document("seeds/kodoku_koritsu_jisshi_jokyo_r7.txt")
    card = evaluate(doc, load_rules("rules/kodoku_koritsu.yaml"))
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "parse_period": "text.periods",
    "find_periods": "text.periods",
    "fiscal_year_of": "text.periods",
    "Period": "text.periods",
    "find_quantities": "text.numbers",
    "parse_number": "text.numbers",
    "Quantity": "text.numbers",
    "load_document": "read.document",
    "Document": "model",
    "Measure": "model",
    "load_rules": "rules.compiled",
    "rules_for": "rules.compiled",
    "evaluate": "judge.scorecard",
    "Scorecard": "judge.scorecard",
    "KpiTrackerError": "errors",
    "DocumentError": "errors",
    "RulesError": "errors",
    "PeriodError": "errors",
    "UnitError": "errors",
    "Location": "errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kpi_tracker' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return [*globals(), *__all__]

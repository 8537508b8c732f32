"""The public API of ``import kpi_tracker``: every name resolves to what its name says."""

from __future__ import annotations

import importlib

import kpi_tracker


def test_every_export_resolves() -> None:
    for name in kpi_tracker.__all__:
        assert getattr(kpi_tracker, name) is not None, name


def test_evaluate_is_the_function_after_the_engine_is_loaded() -> None:
    # No submodule is named like a public function: importing the engine must not shadow
    # ``kpi_tracker.evaluate`` with a module.
    importlib.import_module("kpi_tracker.judge.scorecard")
    from kpi_tracker import evaluate

    assert callable(evaluate) and evaluate.__module__ == "kpi_tracker.judge.scorecard"

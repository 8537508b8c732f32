"""The cyclic-GC pause around bulk building restores whatever state it found."""

from __future__ import annotations

import gc

import pytest

from kpi_tracker.model import no_cycle_collection


def test_pause_and_restore() -> None:
    assert gc.isenabled()
    with no_cycle_collection():
        assert not gc.isenabled()
        with no_cycle_collection():  # nested: the inner one leaves it paused
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_after_an_error() -> None:
    with pytest.raises(ValueError), no_cycle_collection():
        raise ValueError("boom")
    assert gc.isenabled()


def test_a_caller_that_disabled_it_keeps_it_disabled() -> None:
    gc.disable()
    try:
        with no_cycle_collection():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_document_and_scorecard_leave_it_enabled(seed_path, seed_rules) -> None:
    from kpi_tracker.judge.scorecard import evaluate
    from kpi_tracker.read.document import load_document

    evaluate(load_document(seed_path), seed_rules)
    assert gc.isenabled()


def test_what_was_built_is_not_walked_again_on_exit() -> None:
    # Built objects go to the oldest generation on exit: the youngest holds none of them, so
    # the next allocation does not start a pass over everything just built.
    with no_cycle_collection():
        built = [[i] for i in range(50_000)]
    oldest = {id(o) for o in gc.get_objects(generation=2)}
    assert id(built[0]) in oldest and id(built[-1]) in oldest
    assert gc.is_tracked(built[0])  # still tracked: cycles among them would be collected

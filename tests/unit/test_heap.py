"""The collector sets the records aside only while the site is made (and is eased while MkDocs
builds), and undoes only its own."""

from __future__ import annotations

import gc

import pytest

from generator.site.heap import BUILD_THRESHOLDS, EasedCollector, long_lived_set_aside


@long_lived_set_aside
def _frozen_inside(fail: bool = False) -> int:
    if fail:
        raise ValueError("a page failed")
    return gc.get_freeze_count()


def test_set_aside_during_the_call_and_back_after() -> None:
    assert gc.get_freeze_count() == 0
    assert _frozen_inside() > 0
    assert gc.get_freeze_count() == 0


def test_back_after_a_failure() -> None:
    with pytest.raises(ValueError):
        _frozen_inside(fail=True)
    assert gc.get_freeze_count() == 0


def test_a_callers_own_freeze_is_left_as_it_was() -> None:
    gc.freeze()
    try:
        assert _frozen_inside() > 0
        # Still set aside after the call: undoing it would leave none. (The exact count is not
        # compared: frozen objects are still freed when nothing refers to them.)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_build_eases_the_collector_and_puts_it_back() -> None:
    before = gc.get_threshold()
    collector = EasedCollector()
    collector.start()
    try:
        assert gc.get_threshold() == BUILD_THRESHOLDS
        assert gc.get_freeze_count() > 0
        collector.start()  # a second start (no stop between) changes nothing
        assert gc.get_threshold() == BUILD_THRESHOLDS
    finally:
        collector.stop()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    collector.stop()  # stopping twice (on_build_error after a failed on_post_build) is harmless
    assert gc.get_threshold() == before


def test_a_build_leaves_a_callers_freeze_alone() -> None:
    gc.freeze()
    before = gc.get_threshold()
    try:
        collector = EasedCollector()
        collector.start()
        assert gc.get_threshold() == before
        collector.stop()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()

"""Intake's edges: an answer or an event file exactly at its limit is read and one character or
byte more is refused; a name that fits two councils is asked about; updates written in one day
are taken as newest first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.intake.event import MAX_EVENT_BYTES, EventError, read_event
from generator.intake.existing import _newest_first
from generator.intake.fields import FieldProblem, Named, clean_text, find_named


def test_an_answer_may_be_as_long_as_the_limit_and_no_longer() -> None:
    assert clean_text("x" * 100, limit=100) == "x" * 100
    with pytest.raises(FieldProblem, match=r"this is 101 characters long; the most is 100\."):
        clean_text("x" * 101, limit=100)


def test_an_event_file_may_be_as_large_as_the_limit_and_no_larger(tmp_path: Path) -> None:
    def event_of(size: int) -> Path:
        start = {"action": "opened", "issue": {"number": 1, "title": "T", "body": ""}}
        text = json.dumps(start)
        padded = text[:-1] + ', "padding": "' + "x" * (size - len(text) - 15) + '"}'
        path = tmp_path / "event.json"
        path.write_text(padded, encoding="utf-8")
        assert path.stat().st_size == size
        return path

    assert read_event(event_of(MAX_EVENT_BYTES)).number == 1
    with pytest.raises(EventError, match="too large to be a GitHub event"):
        read_event(event_of(MAX_EVENT_BYTES + 1))


def test_a_name_two_councils_share_is_asked_about() -> None:
    one = [Named("bath", ("Bath and North East Somerset Council", "Bath"))]
    two = [*one, Named("bath-abbey", ("Bath Abbey Parish", "Bath"))]
    assert find_named("Bath", one, "council") == "bath"
    with pytest.raises(FieldProblem, match="'Bath' could be bath or bath-abbey"):
        find_named("Bath", two, "council")


def test_updates_of_one_day_count_as_newest_first() -> None:
    # A new update goes at the top of a list that reads newest first, and at the end otherwise.
    day, later = {"date": "2026-11-01"}, {"date": "2026-11-02"}
    assert _newest_first([day, day])
    assert _newest_first([later, day])
    assert not _newest_first([day, later])

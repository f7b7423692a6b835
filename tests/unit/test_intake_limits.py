"""Intake's size limits at their edges: an answer or an event file exactly at the limit is read,
one character or byte more is refused with words saying so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.intake.event import MAX_EVENT_BYTES, EventError, read_event
from generator.intake.fields import FieldProblem, clean_text


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

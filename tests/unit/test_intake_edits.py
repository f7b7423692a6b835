"""Minimal edits to records: a review, an update and a join change only what they say, on
every example record and on records written in every style YAML allows."""

from __future__ import annotations

import copy
import difflib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.intake.edits import EditError, add_item, set_value
from tests.conftest import CATALOGUE, EXAMPLES, PROJECT_ROOT

ORDER = list(
    json.loads((PROJECT_ROOT / "schema" / "project.schema.json").read_text())["properties"]
)
TODAY = date(2026, 11, 30)
RECORDS = sorted(
    [*(CATALOGUE / "projects").glob("*.yml"), *(EXAMPLES / "valid").glob("*/projects/*.yml")]
)


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(removed, added) lines, as a diff shows them."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]


def load(text: str) -> dict[str, Any]:
    return yaml.load(text, Loader=yaml.BaseLoader)  # dates and numbers as text, as written


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.name)
def test_reviewed_changes_one_line(path: Path) -> None:
    before = path.read_text(encoding="utf-8")
    after = set_value(before, "last_reviewed", TODAY, ORDER)
    removed, added = changed_lines(before, after)
    assert added == ["last_reviewed: 2026-11-30"]
    assert len(removed) == (1 if "last_reviewed" in load(before) else 0)
    expected = {**load(before), "last_reviewed": "2026-11-30"}
    assert load(after) == expected
    assert set_value(after, "last_reviewed", TODAY, ORDER) == after


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.name)
def test_an_update_only_adds_its_lines(path: Path) -> None:
    before = path.read_text(encoding="utf-8")
    entry = {"date": TODAY, "text": "Passed the alpha assessment: on to beta.", "phase": "beta"}
    after = add_item(before, "updates", entry, ORDER, first=True)
    removed, added = changed_lines(before, after)
    assert removed == []
    written = {"date": "2026-11-30", "text": entry["text"], "phase": "beta"}
    expected = copy.deepcopy(load(before))
    expected["updates"] = [written, *expected.get("updates", [])]
    assert load(after) == expected
    assert len(added) == (3 if "updates" in load(before) else 4)


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.name)
def test_a_join_only_adds_its_lines(path: Path) -> None:
    before = path.read_text(encoding="utf-8")
    entry = {"council": "hackney", "role": "observer", "since": TODAY}
    after = add_item(before, "partners", entry, ORDER)
    removed, _added = changed_lines(before, after)
    assert removed == []
    expected = copy.deepcopy(load(before))
    expected["partners"] = [
        *expected.get("partners", []),
        {"council": "hackney", "role": "observer", "since": "2026-11-30"},
    ]
    assert load(after) == expected
    # Partners go after the key before them in the schema's order, never at the end.
    keys = list(load(after))
    assert keys == [k for k in ORDER if k in keys]


STYLES = {
    "comments and blank lines": (
        "# yaml-language-server: $schema=../schema/project.schema.json\n"
        "title: A  # the title\n\n"
        "# Who leads it\n"
        "lead_council: leeds\n\n"
        "updates:  # newest first\n"
        "  # the first one\n"
        "  - date: 2026-01-01\n"
        "    text: Started.\n\n"
        "# Review\n"
        "last_reviewed: 2026-01-02 # by Sam\n"
    ),
    "lists at the key's indentation": (
        "title: A\nlead_council: leeds\nupdates:\n- date: 2026-01-01\n  text: Started.\n"
        "partners:\n- council: devon\n  role: partner\n"
    ),
    "flow lists": "title: A\nlead_council: leeds\nupdates: []\npartners: [{council: devon}]\n",
    "an empty value": "title: A\nlead_council: leeds\nupdates:\nlast_reviewed:\n",
    "no newline at the end": "title: A\nlead_council: leeds\nlast_reviewed: 2026-01-02",
    "quoted values": 'title: "A"\nlead_council: \'leeds\'\nlast_reviewed: "2026-01-02"\n',
    "a block text last": "title: A\nlead_council: leeds\ndescription: |\n  One.\n\n  Two.\n",
}


@pytest.mark.parametrize("name", sorted(STYLES))
def test_every_style_survives_all_three_edits(name: str) -> None:
    before = STYLES[name]
    after = set_value(before, "last_reviewed", TODAY, ORDER)
    after = add_item(after, "updates", {"date": TODAY, "text": "Now."}, ORDER, first=True)
    after = add_item(after, "partners", {"council": "hackney", "role": "observer"}, ORDER)
    data = load(after)
    assert data["last_reviewed"] == "2026-11-30"
    assert data["updates"][0] == {"date": "2026-11-30", "text": "Now."}
    assert data["partners"][-1] == {"council": "hackney", "role": "observer"}
    old = load(before)
    for key in ("title", "lead_council", "description"):
        assert data.get(key) == old.get(key)
    if name == "comments and blank lines":
        removed, _added = changed_lines(before, after)
        assert removed == ["last_reviewed: 2026-01-02 # by Sam"]
        assert "last_reviewed: 2026-11-30 # by Sam" in after
        assert "# Who leads it\n" in after and "  # the first one\n" in after


def test_windows_line_ends_are_kept() -> None:
    before = (
        "title: A\r\nlead_council: leeds\r\nupdates:\r\n  - date: 2026-01-01\r\n    text: B\r\n"
    )
    after = add_item(before, "updates", {"date": TODAY, "text": "C"}, ORDER, first=True)
    after = set_value(after, "last_reviewed", TODAY, ORDER)
    assert "\n" not in after.replace("\r\n", "")
    assert load(after)["updates"][0]["text"] == "C"


def test_a_multi_line_text_becomes_a_literal_block() -> None:
    after = set_value("title: A\n", "challenge", {"problem": "How?\nWhy?"}, ORDER)
    assert "challenge:\n  problem: |-\n    How?\n    Why?\n" in after


def test_text_that_is_not_a_mapping_is_refused() -> None:
    with pytest.raises(EditError):
        set_value("- a\n- b\n", "last_reviewed", TODAY, ORDER)
    with pytest.raises(EditError):
        set_value("title: [unclosed\n", "last_reviewed", TODAY, ORDER)

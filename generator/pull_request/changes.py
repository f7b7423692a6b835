"""What a pull request does to the records: Git's list of changed files, read as records
added, changed, deleted or renamed, and a way to tell whether an id now names something else.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.git.history import record_id
from generator.git.runner import PathChange
from generator.vocabulary import RECORD_KINDS

# What makes a record the same thing after an edit. Two versions with none of these in common
# AND mostly different text are different things, whatever the file is called.
IDENTITY_KEYS = {
    "project": ("title", "lead_council"),
    "council": ("name", "gss_code"),
    "makerday": ("title", "start"),
}
SIMILAR_TEXT = 0.5  # the share of lines two versions have in common (Git's rename default)


@dataclass(frozen=True)
class RecordChange:
    """One record a pull request touches. `path` is where it is after the change (where it
    was, for a deletion); `old_path` is its name before a rename."""

    kind: str
    id: str
    status: str  # "added", "changed", "deleted" or "renamed"
    path: str
    old_path: str | None = None

    @property
    def base_path(self) -> str | None:
        """Where the record is on the base branch (None when it is new)."""
        if self.status == "added":
            return None
        return self.old_path if self.status == "renamed" else self.path

    @property
    def head_path(self) -> str | None:
        """Where the record is on the pull request's branch (None when deleted)."""
        return None if self.status == "deleted" else self.path

    @property
    def old_id(self) -> str | None:
        found = record_id(self.old_path) if self.old_path else None
        return found[1] if found else None

    @property
    def kind_word(self) -> str:
        return RECORD_KINDS[self.kind]


@dataclass(frozen=True)
class ChangeSet:
    records: tuple[RecordChange, ...]
    other: tuple[PathChange, ...]  # files that are not records (schemas, workflows, ...)


def _record(status: str, path: str, old_path: str | None = None) -> RecordChange | None:
    found = record_id(path)
    return RecordChange(found[0], found[1], status, path, old_path) if found else None


def classify(changes: Iterable[PathChange]) -> ChangeSet:
    """Sort Git's changes into record changes and other files.

    A rename within one record folder is a renamed record (a new id for the same record).
    A file moved into, out of or between record folders counts as a deletion and an addition,
    because the record's kind or existence changes.
    """
    records: list[RecordChange] = []
    other: list[PathChange] = []

    def add(status: str, change: PathChange) -> None:
        record = _record(status, change.path)
        if record:
            records.append(record)
        else:
            other.append(change)

    for change in changes:
        if change.status == "R" and change.old_path:
            old, new = record_id(change.old_path), record_id(change.path)
            if old and new and old[0] == new[0]:
                records.append(_renamed(change))
            else:
                add("deleted", PathChange("D", change.old_path))
                add("added", PathChange("A", change.path))
        else:
            add({"A": "added", "D": "deleted"}.get(change.status, "changed"), change)
    order = {"deleted": 0, "renamed": 1, "changed": 2, "added": 3}
    return ChangeSet(
        tuple(
            sorted(
                records, key=lambda r: (list(RECORD_KINDS).index(r.kind), order[r.status], r.path)
            )
        ),
        tuple(sorted(other, key=lambda c: c.path)),
    )


def _renamed(change: PathChange) -> RecordChange:
    kind, new_id = record_id(change.path) or ("", "")
    return RecordChange(kind, new_id, "renamed", change.path, change.old_path)


def _normal(value: Any) -> str:
    return " ".join(str(value).casefold().split()) if value not in (None, "") else ""


def similarity(old_text: str, new_text: str) -> float:
    """The share of lines two versions of a file have in common, from 0 to 1."""
    return difflib.SequenceMatcher(
        None, old_text.splitlines(), new_text.splitlines(), autojunk=False
    ).ratio()


def comparable(kind: str, data: Mapping[str, Any]) -> bool:
    """Whether a version is complete enough to judge (its title or name is text); a broken
    record is `pipeline validate`'s to report, not a different record."""
    value = data.get(IDENTITY_KEYS[kind][0])
    return isinstance(value, str) and bool(value.strip())


def same_record(
    kind: str, old: Mapping[str, Any], new: Mapping[str, Any], old_text: str, new_text: str
) -> bool:
    """Whether `new` is a version of the record `old` (edited, restored or renamed) rather
    than a different one: it keeps a title, lead council, name, code or date, or most of
    its text."""
    for key in IDENTITY_KEYS[kind]:
        before, after = _normal(old.get(key)), _normal(new.get(key))
        if before and before == after:
            return True
    return similarity(old_text, new_text) >= SIMILAR_TEXT

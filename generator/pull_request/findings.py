"""Both sides of a pull request, read once from Git, for everything that reports on it."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from generator.checking.repository import Report, check_repository, read_all
from generator.git import runner
from generator.git.history import Departure, departures, last_departures
from generator.handles import is_handle, normalise
from generator.loading.files import KIND_FOLDERS, LoadedRecord, discover
from generator.ownership.codeowners import Ownership, ownership_of
from generator.pull_request.changes import ChangeSet, RecordChange, classify
from generator.settings import SETTINGS_FILE, load_settings

# What is copied out of each side of the pull request to read records and settings from.
TREE_PATHS = (*KIND_FOLDERS.values(), "schema", SETTINGS_FILE)


@dataclass
class PullRequest:
    """Both sides of a pull request, read once; what every source of findings looks at."""

    root: Path
    base: str  # commit ids
    head: str
    changes: ChangeSet
    base_tree: Path
    head_tree: Path
    today: date
    author: str | None = None
    departed: dict[str, Departure] = field(default_factory=dict)  # path -> last departure
    shallow: bool = False

    @cached_property
    def base_records(self) -> dict[str, LoadedRecord]:
        return _records(self.base_tree)

    @cached_property
    def head_records(self) -> dict[str, LoadedRecord]:
        return _records(self.head_tree)

    @cached_property
    def base_ownership(self) -> Ownership:
        return _ownership(self.base_tree, self.base_records, self.head_tree)

    @cached_property
    def head_ownership(self) -> Ownership:
        return _ownership(self.head_tree, self.head_records, self.base_tree)

    @cached_property
    def head_check(self) -> Report:
        """`pipeline validate` on the changed records as the pull request leaves them."""
        paths = [self.head_tree / c.path for c in self.changes.records if c.head_path]
        return check_repository(self.head_tree, today=self.today, paths=paths)

    def text(self, side: str, path: str) -> str:
        tree = self.base_tree if side == "base" else self.head_tree
        file = tree / path
        return file.read_text(encoding="utf-8", errors="replace") if file.is_file() else ""

    def title(self, change: RecordChange) -> str:
        record = (
            self.head_records.get(change.head_path)
            if change.head_path
            else self.base_records.get(change.base_path or "")
        )
        return record_title(record.data) if record else change.id


def _records(tree: Path) -> dict[str, LoadedRecord]:
    records, _ = read_all(tree, discover(tree))
    return {r.path: r for r in records}


def _ownership(tree: Path, records: dict[str, LoadedRecord], other: Path) -> Ownership:
    # A side without core maintainers (say, before pipeline.yml had them) borrows the other's.
    core = load_settings(tree).core_maintainers or load_settings(other).core_maintainers
    return ownership_of(records.values(), core)


def record_title(data: object) -> str:
    if isinstance(data, dict):
        for key in ("title", "name"):
            if isinstance(data.get(key), str) and data[key].strip():
                return " ".join(data[key].split())
    return ""


@contextmanager
def pull_request(
    root: Path, base: str, head: str = "HEAD", *, today: date, author: str | None = None
) -> Iterator[PullRequest]:
    """Open both sides of the pull request from `head` into `base` (in temporary folders)."""
    base_commit = runner.resolve(root, base)
    head_commit = runner.resolve(root, head)
    changes = classify(runner.diff(root, base_commit, head_commit))
    with tempfile.TemporaryDirectory(prefix="pipeline-pr-") as folder:
        trees = Path(folder)
        yield PullRequest(
            root=root,
            base=base_commit,
            head=head_commit,
            changes=changes,
            base_tree=runner.export(root, base_commit, trees / "base", TREE_PATHS),
            head_tree=runner.export(root, head_commit, trees / "head", TREE_PATHS),
            today=today,
            author=normalise(author) if author and is_handle(author) else None,
            departed=last_departures(departures(root, base_commit)),
            shallow=runner.is_shallow(root),
        )

"""What Git remembers about records: ids deleted or renamed in the past, where old addresses
should now lead, and links to a record's history.

Decision: there is no ledger file of retired ids to keep in step. Git history is the ledger:
every commit that deleted or renamed a record file is found with
`git log --diff-filter=DR --find-renames`. A shallow clone (actions/checkout's default) has
too little history, so callers say so rather than pass silently; the workflows fetch the
full history (fetch-depth: 0).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.git import runner
from generator.loading.files import FOLDER_KINDS, RECORD_FOLDERS, is_valid_id


@dataclass(frozen=True)
class Departure:
    """A record file that left its path: deleted, or renamed to `new_path`."""

    path: str
    commit: str
    date: str  # ISO 8601 committer date
    new_path: str | None = None  # set for renames

    @property
    def renamed(self) -> bool:
        return self.new_path is not None


def record_id(path: str) -> tuple[str, str] | None:
    """('project', 'x') for 'projects/x.yml'; None for anything that is not a record path."""
    folder, _, name = path.partition("/")
    stem = name.removesuffix(".yml")
    if folder in FOLDER_KINDS and name.endswith(".yml") and "/" not in name and is_valid_id(stem):
        return FOLDER_KINDS[folder], stem
    return None


def departures(root: Path, revision: str = "HEAD") -> list[Departure]:
    """Every record file deleted or renamed in the history of `revision`, oldest first."""
    found: list[Departure] = []
    for commit in reversed(runner.log_changes(root, revision, RECORD_FOLDERS, "DR")):
        for change in commit.changes:
            if change.status == "D" and record_id(change.path):
                found.append(Departure(change.path, commit.commit, commit.date))
            elif change.status == "R" and change.old_path and record_id(change.old_path):
                found.append(Departure(change.old_path, commit.commit, commit.date, change.path))
    return found


def last_departures(events: Iterable[Departure]) -> dict[str, Departure]:
    """Path -> the latest time a record left it (oldest-first input)."""
    latest: dict[str, Departure] = {}
    for event in events:
        latest[event.path] = event
    return latest


def renamed_paths(events: Iterable[Departure], existing: Iterable[str]) -> dict[str, str]:
    """Old record path -> the path the record lives at now, following chains of renames
    (a -> b -> c gives a -> c and b -> c).

    An old path drops out when a record exists there again (the path was reused or the
    rename undone) or when the record was later deleted, so no redirect points nowhere.
    """
    now = set(existing)
    target: dict[str, str | None] = {}
    for event in events:  # oldest first
        destination = event.new_path
        for old, current in list(target.items()):
            if current == event.path:
                target[old] = destination
        target[event.path] = destination
        if destination is not None:
            target.pop(destination, None)
    return {
        old: new
        for old, new in sorted(target.items())
        if new is not None and new in now and old not in now and old != new
    }


def page_path(record_path: str) -> str:
    """'projects/x.yml' -> 'projects/x/': where the site publishes a record's page."""
    folder, _, name = record_path.partition("/")
    return f"{folder}/{name.removesuffix('.yml')}/"


def redirects(renamed: Mapping[str, str]) -> dict[str, str]:
    """Old page path -> new page path, e.g. 'projects/old-id/' -> 'projects/new-id/', for
    every renamed record; the site writes a small redirect page at each old address."""
    return {page_path(old): page_path(new) for old, new in sorted(renamed.items())}


def previous_paths(renamed: Mapping[str, str]) -> dict[str, list[str]]:
    """Current record path -> the paths it had before, so the history of each stays
    reachable from the record's page."""
    found: dict[str, list[str]] = {}
    for old, new in sorted(renamed.items()):
        found.setdefault(new, []).append(old)
    return found


@dataclass(frozen=True)
class RecordHistory:
    """Everything the site needs from Git about records, read once per build."""

    renamed: dict[str, str]  # old record path -> current record path
    shallow: bool = False  # True when Git holds too little history to be sure

    @property
    def redirects(self) -> dict[str, str]:
        return redirects(self.renamed)

    @property
    def previous_paths(self) -> dict[str, list[str]]:
        return previous_paths(self.renamed)


def record_history(root: Path, existing: Iterable[str], revision: str = "HEAD") -> RecordHistory:
    """Renames and redirects for the repository at `root`; empty outside a Git checkout."""
    if not runner.is_repository(root):
        return RecordHistory({}, shallow=True)
    events = departures(root, revision)
    return RecordHistory(renamed_paths(events, existing), runner.is_shallow(root))

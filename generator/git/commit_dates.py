"""When each project's record was last edited, from Git: one `git log` pass for the repository.

A commit that changes a record's content, alone or with a few other records, is a sign of life,
so the stale check counts it. The commit that added a record is not: adding a record says
nothing new about the project (an import of old facts would look fresh), so a new record counts
from the dates it holds until it is edited. A commit that changes many records at once (a
reformat, a migration, an import, a mass rename) says nothing about any one project, so it is
left out: the cut-off is `stale.bulk_commit_records` in pipeline.yml. A rename that changes
nothing inside the file is not an edit either, and the record's older edits are followed back
under its old name.

Without usable history (not a Git checkout, no `git`, or a shallow clone whose oldest commit
would look like the last change to every file) there is nothing trustworthy to say: callers get
None and fall back to the dates written in the records.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from generator.git import runner
from generator.loading.files import RECORD_FOLDERS

FALLBACK_NOTE = (
    "Git history is not available here (not a Git checkout, or a shallow clone), so only the "
    "dates in the records (last_reviewed and updates) were used."
)
_COMMIT = "\x01"


@dataclass(frozen=True)
class _Change:
    status: str  # Git's letter: A, M, D, R (renamed), T, C
    path: str
    old_path: str | None = None
    similarity: int = 100

    @property
    def edits_content(self) -> bool:
        """Not a deletion, and not a rename that left the file as it was."""
        return self.status != "D" and not (self.status == "R" and self.similarity == 100)


def last_edit_days(root: Path, bulk_records: int) -> dict[str, date] | None:
    """Map each record (path relative to `root`, e.g. 'projects/x.yml') to the day of the last
    commit that edited it, leaving out commits that changed more than `bulk_records` records.
    None when Git history cannot be trusted."""
    if shutil.which("git") is None or not _usable_repository(root):
        return None
    output = _git(
        root,
        "log",
        "--format=%x01%cs",
        "--name-status",
        "-z",
        "--find-renames",
        "--relative",
        "--",
        *RECORD_FOLDERS,
    )
    return None if output is None else parse_log(output, bulk_records)


def parse_log(output: str, bulk_records: int) -> dict[str, date]:
    """Read `git log --format=%x01%cs --name-status -z --find-renames` output, newest commit
    first: keep, per record under its current name, the day of the newest commit that edited it
    and was not a bulk change."""
    days: dict[str, date] = {}
    current: dict[str, str] = {}  # a name in older commits -> the record's name today
    for chunk in output.split(_COMMIT)[1:]:
        header, _, rest = chunk.partition("\0")
        day = date.fromisoformat(header.strip())
        changes = list(_changes(rest.split("\0")))
        bulk = len(changes) > bulk_records
        for change in changes:
            name = current.get(change.path, change.path)
            if change.old_path is not None:
                current[change.old_path] = name
            edited = change.status not in ("A", "D") and not (
                change.status == "R" and change.similarity == 100
            )
            if edited and not bulk and name not in days:
                days[name] = day
    return days


def _changes(tokens: list[str]) -> Iterator[_Change]:
    items = iter(t for t in (t.strip("\n") for t in tokens) if t)
    for status in items:
        letter = status[:1]
        if letter in ("R", "C"):
            old, new = next(items), next(items)
            yield _Change(letter, new, old, int(status[1:] or 100))
        else:
            yield _Change(letter, next(items))


def _usable_repository(root: Path) -> bool:
    inside = _git(root, "rev-parse", "--is-inside-work-tree")
    if inside is None or inside.strip() != "true":
        return False
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    return shallow is not None and shallow.strip() == "false"


def _git(root: Path, *args: str) -> str | None:
    """Git's output, or None when it fails (no repository, no commits yet, a broken checkout)."""
    try:
        return str(runner.run(root, *args))
    except runner.GitError:
        return None

"""When each record's file last changed, from Git: one `git log` pass for the whole repository.

A commit that touches a project's file is a sign of life, so the stale check counts it. Without
usable history (not a Git checkout, no `git`, or a shallow clone whose oldest commit would look
like the last change to every file) there is nothing trustworthy to say: callers get None and
fall back to the dates written in the records.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from generator.git import runner

FALLBACK_NOTE = (
    "Git history is not available here (not a Git checkout, or a shallow clone), so only the "
    "dates in the records (last_reviewed and updates) were used."
)
_SEPARATOR = "\x00"


def last_commit_days(root: Path, folders: Iterable[str] = ("projects",)) -> dict[str, date] | None:
    """Map each file under `folders` (path relative to `root`, e.g. 'projects/x.yml') to the
    day of the last commit that touched it, or None when Git history cannot be trusted.

    The site build calls this too:
    `find_stale(catalogue, today, last_commits=last_commit_days(root))`.
    """
    if shutil.which("git") is None or not _usable_repository(root):
        return None
    output = _git(
        root,
        "log",
        "--format=%x00%cs",
        "--name-only",
        "--relative",
        "--no-renames",
        "--",
        *folders,
    )
    return None if output is None else parse_log(output)


def parse_log(output: str) -> dict[str, date]:
    """Read `git log --format=%x00%cs --name-only` output: each commit is a NUL, its committer
    day, then the files it touched, one a line. Keep the newest day per file."""
    days: dict[str, date] = {}
    for chunk in output.split(_SEPARATOR)[1:]:
        lines = [line for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        day = date.fromisoformat(lines[0].strip())
        for name in lines[1:]:
            if name not in days or days[name] < day:
                days[name] = day
    return days


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

"""The few Git questions Pipeline asks, through the `git` command, with plain-English failures.

Everything here reads; nothing changes the repository.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


class GitError(Exception):
    """Git could not answer; the message says why and what to do."""


@dataclass(frozen=True)
class PathChange:
    """One entry of `git diff --name-status` or `git log --name-status`.

    `status` is Git's letter: A added, M modified, D deleted, R renamed (then `old_path` is
    the name before), T type changed, C copied.
    """

    status: str
    path: str
    old_path: str | None = None


@dataclass(frozen=True)
class CommitChanges:
    commit: str
    date: str  # committer date, ISO 8601
    changes: tuple[PathChange, ...]


# Long enough for `git log` over a large repository's whole history; short enough that a hung
# Git (a credential prompt, a lock) fails the command instead of the CI job's time limit.
TIMEOUT_SECONDS = 120


def run(root: Path, *args: str, binary: bool = False) -> str | bytes:
    """Git's output for `git -C root ARGS`, or a GitError saying why it could not answer.

    Paths come out unquoted (`core.quotePath=false`), so names with accents read as written.
    """
    command = ["git", "-c", "core.quotePath=false", "-C", str(root), *args]
    try:
        done = subprocess.run(command, capture_output=True, check=False, timeout=TIMEOUT_SECONDS)
    except FileNotFoundError:
        raise GitError("Git is not installed, or not on the PATH.") from None
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitError(f"`git {' '.join(args)}` could not run: {error}") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"`git {' '.join(args)}` failed: {detail[-1] if detail else 'no reason'}")
    return done.stdout if binary else done.stdout.decode("utf-8", "replace")


def is_repository(root: Path) -> bool:
    try:
        return run(root, "rev-parse", "--is-inside-work-tree").strip() == "true"
    except GitError:
        return False


def is_shallow(root: Path) -> bool:
    """True in a clone with only recent history (actions/checkout's default fetch-depth: 1)."""
    return run(root, "rev-parse", "--is-shallow-repository").strip() == "true"


def resolve(root: Path, revision: str) -> str:
    """The full commit id of `revision`, or a GitError saying how to fetch it."""
    if revision.startswith("-"):
        raise GitError(f"'{revision}' is not a revision.")
    try:
        return str(run(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")).strip()
    except GitError:
        raise GitError(
            f"There is no commit '{revision}' in this clone. Fetch it first (in GitHub Actions, "
            "use actions/checkout with fetch-depth: 0)."
        ) from None


def diff(root: Path, base: str, head: str) -> list[PathChange]:
    """What a pull request from `head` into `base` changes: the diff from their merge base,
    with renames found (GitHub shows the same)."""
    try:
        merge_base = str(run(root, "merge-base", base, head)).strip()
    except GitError:
        raise GitError(
            f"'{base}' and '{head}' have no common history in this clone, so the pull request's "
            "changes cannot be worked out. Fetch the full history (in GitHub Actions, use "
            "actions/checkout with fetch-depth: 0)."
        ) from None
    out = str(run(root, "diff", "--name-status", "-z", "--find-renames", merge_base, head, "--"))
    return list(_parse_name_status(out.split("\0")))


def log_changes(
    root: Path, revision: str, paths: Iterable[str], statuses: str = "DR"
) -> list[CommitChanges]:
    """Commits reachable from `revision` that deleted or renamed (by default) files under
    `paths`, newest first."""
    out = str(
        run(
            root,
            "log",
            "--find-renames",
            f"--diff-filter={statuses}",
            "--name-status",
            "-z",
            "--format=%x01%H%x02%cI",
            revision,
            "--",
            *paths,
        )
    )
    commits: list[CommitChanges] = []
    for chunk in out.split("\x01")[1:]:
        header, _, rest = chunk.partition("\0")
        commit, _, date = header.partition("\x02")
        tokens = rest.lstrip("\n").split("\0")
        commits.append(CommitChanges(commit, date.strip(), tuple(_parse_name_status(tokens))))
    return commits


def _parse_name_status(tokens: list[str]) -> Iterator[PathChange]:
    items = iter(t for t in tokens if t != "")
    for status in items:
        letter = status.strip()[:1]
        if letter in ("R", "C"):
            old, new = next(items), next(items)
            yield PathChange(letter, new, old)
        else:
            yield PathChange(letter, next(items))


def read_file(root: Path, revision: str, path: str) -> str | None:
    """The text of `path` at `revision`, or None when it is not there."""
    try:
        return str(run(root, "show", f"{revision}:{path}"))
    except GitError:
        return None


def export(root: Path, revision: str, destination: Path, paths: Iterable[str]) -> Path:
    """Write the files under `paths` as they are at `revision` into `destination`.

    Paths missing at that revision are skipped. Uses `git archive`, and extracts through the
    tarfile 'data' filter, so nothing can land outside `destination`.
    """
    destination.mkdir(parents=True, exist_ok=True)
    present = str(run(root, "ls-tree", "--name-only", "-z", revision)).split("\0")
    wanted = [p for p in paths if p.rstrip("/") in present]
    if not wanted:
        return destination
    data = run(root, "archive", "--format=tar", revision, "--", *wanted, binary=True)
    with tarfile.open(fileobj=io.BytesIO(bytes(data))) as archive:
        archive.extractall(destination, filter=_safe_member)
    return destination


def _safe_member(member: tarfile.TarInfo, destination: str) -> tarfile.TarInfo | None:
    # The 'data' filter refuses links out of the folder, device files and the like; such a
    # file is left out (the record checks report links) rather than stopping everything.
    try:
        return tarfile.data_filter(member, destination)
    except tarfile.FilterError:
        return None

"""Which GitHub repository a launch command is about: --repo, then GH_REPO, then `origin`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from generator.git.runner import GitError, run

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}")
# https://github.com/O/N(.git), git@github.com:O/N(.git), ssh://git@github.com/O/N(.git)
_REMOTE = re.compile(r"github\.com[:/]+([^/\s]+/[^/\s]+?)(?:\.git)?/?$")


class TargetError(Exception):
    """No repository could be worked out; the message says how to name one."""


def repository_name(given: str | None, environ: Mapping[str, str], root: Path) -> str:
    """OWNER/NAME from the option, else GH_REPO (as gh reads it), else the origin remote."""
    for source, value in (("--repo", given), ("GH_REPO", environ.get("GH_REPO"))):
        if value:
            return _checked(value.strip().removeprefix("github.com/"), source)
    try:
        remote = str(run(root, "remote", "get-url", "origin")).strip()
    except GitError:
        remote = ""
    found = _REMOTE.search(remote)
    if not found:
        raise TargetError(
            "Which repository? Give it as --repo OWNER/NAME (for example "
            "--repo localgovdigital/pipeline), set GH_REPO, or run this in a clone whose "
            "'origin' remote is on GitHub."
        )
    return _checked(found.group(1), "the origin remote")


def _checked(name: str, source: str) -> str:
    if not _NAME.fullmatch(name):
        raise TargetError(f"{source} says '{name}', which is not OWNER/NAME on GitHub.")
    return name

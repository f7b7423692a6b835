"""Writing a plan's files into the work tree: only record files and CODEOWNERS, checked before
anything is written, and never through a symbolic link (a link in a branch could otherwise point
a write anywhere the job can reach)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

ALLOWED = re.compile(
    r"(?:projects|councils|makerdays)/[a-z0-9]+(?:-[a-z0-9]+)*\.yml|\.github/CODEOWNERS"
)


class WriteError(Exception):
    """A plan asked to write somewhere intake never writes."""


def check_paths(root: Path, paths: list[str]) -> None:
    for path in paths:
        if not ALLOWED.fullmatch(path):
            raise WriteError(
                f"Refusing to write {path!r}: intake writes only records and CODEOWNERS."
            )
        here = root
        for part in Path(path).parts:
            here = here / part
            if here.is_symlink():
                raise WriteError(f"Refusing to write {path}: {here.relative_to(root)} is a link.")


def write_files(root: Path, files: Mapping[str, str]) -> None:
    """Every file checked first, then written (no link followed, even one made meanwhile)."""
    check_paths(root, list(files))
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(target, flags, 0o644), "w", encoding="utf-8", newline="") as out:
            out.write(text)

"""A small repository for intake's tests: the invented catalogue's sixteen councils and three of
its projects (two led by Leeds, one by Devon), with this repository's schemas, settings, issue
forms and scripts, and a CODEOWNERS made from those records."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

from tests.conftest import CATALOGUE, PROJECT_ROOT

PROJECTS = ("report-a-pothole", "find-my-bin-day", "register-a-death-tell-us-once")
SUPPORT = ("schema", "pipeline.yml", "mkdocs.yml")
GITHUB = (".github/ISSUE_TEMPLATE", ".github/scripts", ".github/workflows")


def make_repo(root: Path) -> Path:
    """`root` filled as a repository intake can run in; returns it."""
    from generator.checking.repository import read_all
    from generator.loading.files import discover
    from generator.ownership.codeowners import CODEOWNERS_PATH, ownership_of, render_codeowners
    from generator.settings import load_settings

    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(CATALOGUE / "councils", root / "councils")
    (root / "projects").mkdir()
    for project in PROJECTS:
        shutil.copy2(CATALOGUE / "projects" / f"{project}.yml", root / "projects")
    for name in (*SUPPORT, *GITHUB):
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / name)
    records, _problems = read_all(root, discover(root))
    core = load_settings(root).core_maintainers
    (root / CODEOWNERS_PATH).write_text(render_codeowners(ownership_of(records, core)))
    return root


def stamp(day: date | str, time: str = "10:00:00") -> str:
    """GitHub's created_at for `day` at `time` UTC."""
    return f"{day}T{time}Z"


def rest_issue(
    number: int,
    body: str,
    *,
    login: str = "an-officer",
    labels: tuple[str, ...] = (),
    created: str = "2026-11-20T10:00:00Z",
    state: str = "open",
    bot: bool = False,
) -> dict[str, Any]:
    """An issue as `gh api repos/O/N/issues/N` returns it (the fields intake reads)."""
    return {
        "number": number,
        "title": f"Issue {number}",
        "body": body,
        "labels": [{"name": label} for label in labels],
        "user": {"login": login, "type": "Bot" if bot else "User"},
        "author_association": "NONE",
        "created_at": created,
        "state": state,
    }


def rest_comment(
    number: int, body: str, login: str, created: str = "2026-11-21T10:00:00Z", bot: bool = False
) -> dict[str, Any]:
    """A comment as `gh api repos/O/N/issues/N/comments` returns it."""
    return {
        "id": number,
        "body": body,
        "user": {"login": login, "type": "Bot" if bot else "User"},
        "author_association": "MEMBER",
        "created_at": created,
    }

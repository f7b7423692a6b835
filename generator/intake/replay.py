"""An intake pull request as a pure function of the records, the issue and its comments.

`pipeline intake --issue ISSUE_JSON --comments COMMENTS_JSON` reads the issue and its comments
as GitHub's REST API returns them and replays them on the current records: the form first, then
every command in the order written, each on the records the steps before it left, each dated by
its own `created_at` (a UK date). The workflow replays an issue whenever it or main changes, so
a pull request is rebuilt on the newest main rather than left to conflict; replaying twice
gives the same files.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from generator.intake.event import Comment, Event, EventError, parse_event, read_comment
from generator.intake.plan import Plan, Step, command_steps, decide, form_step, make_plan
from generator.intake.workspace import Workspace
from generator.intake.writing import write_files
from generator.loading.files import KIND_FOLDERS
from generator.register.authorities import Authority

MAX_COMMENTS_BYTES = 64 * 1024 * 1024  # GitHub keeps at most 2,500 comments of 64 KB
MAX_COMMENTS = 2_500
# What intake reads besides the records, copied for the replay.
_SUPPORT = ("schema", "pipeline.yml", "mkdocs.yml", ".github/ISSUE_TEMPLATE", ".github/CODEOWNERS")


def read_json_file(path: Path, limit: int) -> Any:
    """A JSON file, or a stream of JSON values as `gh api --paginate` prints them (one array
    per page): the values, lists joined into one list."""
    try:
        if path.stat().st_size > limit:
            raise EventError(f"{path} is larger than {limit:,} bytes: too large to be from GitHub.")
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise EventError(f"{path} cannot be read: {exc.strerror}.") from None
    except UnicodeDecodeError as exc:
        raise EventError(f"{path} is not JSON text: {exc}.") from None
    decoder, values, at = json.JSONDecoder(), [], 0
    try:
        while at < len(text.rstrip()):
            while text[at].isspace():
                at += 1
            value, at = decoder.raw_decode(text, at)
            values.append(value)
    except json.JSONDecodeError as exc:
        raise EventError(f"{path} is not JSON as GitHub's API gives it: {exc}.") from None
    if len(values) == 1:
        return values[0]
    if all(isinstance(v, list) for v in values):
        return [item for value in values for item in value]
    raise EventError(f"{path} holds several JSON values that are not pages of one list.")


def read_issue(path: Path) -> Event:
    """The issue as `gh api repos/OWNER/NAME/issues/N` prints it."""
    return parse_event({"action": "opened", "issue": read_json_file(path, 5 * 1024 * 1024)})


def read_comments(path: Path) -> list[Comment]:
    """The comments as `gh api --paginate repos/OWNER/NAME/issues/N/comments` prints them, in
    the order they were written."""
    data = read_json_file(path, MAX_COMMENTS_BYTES)
    if not isinstance(data, list) or not all(isinstance(c, dict) for c in data):
        raise EventError(f"{path} is not a list of comments, as GitHub's API gives them.")
    return [read_comment(c) for c in data[:MAX_COMMENTS]]


def replay(
    ws: Workspace, issue: Event, comments: list[Comment], *, open_by_author: int = 0
) -> Plan:
    """The plan for the issue and every command in its comments, on the records in `ws`."""
    if issue.is_pull_request or issue.closed:
        return decide(ws, issue)
    with tempfile.TemporaryDirectory(prefix="pipeline-replay-") as folder:
        copy = Path(folder)
        _copy(ws.root, copy)
        work = _reopen(ws, copy)
        steps: list[Step] = []
        touched: set[str] = set()
        first = form_step(work, issue)
        if first is not None:
            steps.append(first)
            if not first.ok:
                return make_plan(ws, issue, steps, open_by_author=open_by_author)
            work = _advance(work, first, touched)
        for comment in comments:
            event = dataclasses.replace(issue, action="created", comment=comment)
            for step in command_steps(work, event):
                steps.append(step)
                work = _advance(work, step, touched)
        files = {}
        for path in sorted(touched):
            after = (copy / path).read_bytes().decode("utf-8")
            before = ws.text(path) if ws.exists(path) else None
            if after != before:
                files[path] = after
        return make_plan(ws, issue, steps, files=files, open_by_author=open_by_author)


def replay_folder(
    folder: Path, today: date, register: list[Authority] | None, bots: frozenset[str]
) -> Iterator[str]:
    """Replay each issue in `folder` (FOLDER/N/issue.json, comments.json, writers.txt,
    open-by-author, work/), writing FOLDER/N/plan.json and the plan's files into N/work/: the
    rebuild of every open intake pull request in one run. Yields a line per issue."""
    for issue_dir in sorted(p for p in folder.iterdir() if p.name.isdigit() and p.is_dir()):
        writers_file, count_file = issue_dir / "writers.txt", issue_dir / "open-by-author"
        writers = writers_file.read_text(encoding="utf-8").split() if writers_file.exists() else []
        count = count_file.read_text(encoding="utf-8").strip() if count_file.exists() else "0"
        root = issue_dir / "work"
        workspace = Workspace.open(root, today, register, writers=frozenset(writers), bots=bots)
        plan = replay(
            workspace,
            read_issue(issue_dir / "issue.json"),
            read_comments(issue_dir / "comments.json"),
            open_by_author=int(count) if count.isdigit() else 0,
        )
        if plan.ok:
            write_files(root, plan.files)
        text = json.dumps(plan.as_dict(), indent=2, ensure_ascii=False)
        (issue_dir / "plan.json").write_text(text + "\n", encoding="utf-8")
        yield f"Issue #{plan.issue}: {plan.kind}, ok={plan.ok}, files={len(plan.files)}"


def _copy(root: Path, copy: Path) -> None:
    for name in (*KIND_FOLDERS.values(), *_SUPPORT):
        source = root / name
        if source.is_dir() and not source.is_symlink():
            shutil.copytree(source, copy / name, symlinks=True)
        elif source.is_file() and not source.is_symlink():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)


def _reopen(ws: Workspace, root: Path) -> Workspace:
    opened = Workspace.open(root, ws.today, ws.register, writers=ws.writers, bots=ws.bots)
    return dataclasses.replace(opened, run_day=ws.run_day)


def _advance(work: Workspace, step: Step, touched: set[str]) -> Workspace:
    """The records after the step's change."""
    if step.change is None or not step.change.files:
        return work
    write_files(work.root, step.change.files)
    touched.update(step.change.files)
    return _reopen(work, work.root)

"""`pipeline intake`: an issue form or a comment command, as a plan for a pull request."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from generator.cli.options import root_option, today_option
from generator.intake.event import EventError, read_event
from generator.intake.forms import FormError
from generator.intake.plan import decide
from generator.intake.replay import read_comments, read_issue, replay, replay_folder
from generator.intake.workspace import Workspace
from generator.intake.writing import WriteError, write_files
from generator.register.authorities import RegisterError, read_register
from generator.settings import SettingsError, load_settings

_FILE = click.Path(dir_okay=False, exists=True, path_type=Path)


@click.command()
@click.argument("event_file", required=False, type=_FILE)
@click.option("--issue", "issue_file", type=_FILE, metavar="ISSUE_JSON",
              help="Replay this issue, as `gh api repos/OWNER/NAME/issues/N` prints it, "
              "instead of one event.")  # fmt: skip
@click.option("--comments", "comments_file", type=_FILE, metavar="COMMENTS_JSON",
              help="With --issue: its comments, as `gh api --paginate "
              "repos/OWNER/NAME/issues/N/comments` prints them.")  # fmt: skip
@click.option("--writer", "writers", multiple=True, metavar="LOGIN",
              help="Someone with write access to the repository (the workflow asks GitHub); "
              "may be given many times.")  # fmt: skip
@click.option("--writers-file", type=_FILE, metavar="FILE",
              help="More such people, one login a line.")  # fmt: skip
@click.option("--bot", "bots", multiple=True, metavar="LOGIN",
              help="The workflow's own bot, besides github-actions[bot]: only issues it opened "
              "are review issues.")  # fmt: skip
@click.option("--open-by-author", type=click.IntRange(min=0), default=0, metavar="N",
              help="How many other intake pull requests the issue's author has open; at five, "
              "nothing more is proposed for them.")  # fmt: skip
@click.option("--batch", type=click.Path(file_okay=False, exists=True, path_type=Path),
              metavar="FOLDER", help="Replay many issues in one run: each FOLDER/N/ holds "
              "issue.json, comments.json, writers.txt, open-by-author and the records to change "
              "in work/; the plan is written to FOLDER/N/plan.json and applied.")  # fmt: skip
@click.option("--apply", "write", is_flag=True, help="Also write the plan's files (when ok).")
@click.option("--register", type=_FILE, metavar="FILE",
              help="mySociety's local authority register (CSV), to fill a new council's "
              "official name and codes.")  # fmt: skip
@click.option("--register-url", "print_register_url", is_flag=True,
              help="Print the register's address from pipeline.yml (for the workflow to "
              "download it) and stop.")  # fmt: skip
@today_option
@root_option
def intake(
    event_file: Path | None,
    issue_file: Path | None,
    comments_file: Path | None,
    writers: tuple[str, ...],
    writers_file: Path | None,
    bots: tuple[str, ...],
    open_by_author: int,
    batch: Path | None,
    write: bool,
    register: Path | None,
    print_register_url: bool,
    today: date,
    root: Path,
) -> None:
    """Turn a GitHub issue form or comment command into a plan for a pull request.

    EVENT_FILE is the webhook payload of an `issues` or `issue_comment` event (in Actions,
    $GITHUB_EVENT_PATH). With --issue (and --comments) instead, the whole issue is replayed on
    the records: the form first, then every command in its comments in the order written, so
    the plan is the same whenever it is made. Dates come from the request (the issue's or
    comment's time, as a UK date), not from the day it runs.

    Prints one JSON object: kind, ok, comment (the reply for the issue), branch,
    commit_message, pull_request {title, body}, files [{path, content}], issue and close.
    Forms become new or changed records; the comments /reviewed, /update <text> and /retire
    act on the project the issue names, for its maintainers and people with write access
    (--writer: intake makes no network calls). Changes are checked by the same validator as a
    pull request before they are proposed: when they fail, ok is false, nothing is written and
    the comment names the form's field. Exits 0 whatever the plan says.

    \b
    Example:
        pipeline intake "$GITHUB_EVENT_PATH" --apply > plan.json
        pipeline intake --issue issue.json --comments comments.json --writer alice > plan.json
    """
    try:
        if print_register_url:
            click.echo(load_settings(root).register_url)
            return
        if [event_file, issue_file, batch].count(None) != 2:
            raise click.UsageError("Give the event file, or --issue (and --comments), or --batch.")
        authorities = read_register(register) if register else None
        if batch is not None:
            for line in replay_folder(batch, today, authorities, frozenset(bots)):
                click.echo(line)
            return
        comments = read_comments(comments_file) if comments_file else []
        everyone = [*writers]
        if writers_file:
            everyone += writers_file.read_text(encoding="utf-8").split()
        workspace = Workspace.open(
            root, today, authorities, writers=frozenset(everyone), bots=frozenset(bots)
        )
        if issue_file is not None:
            plan = replay(
                workspace, read_issue(issue_file), comments, open_by_author=open_by_author
            )
        else:
            assert event_file is not None
            plan = decide(workspace, read_event(event_file), open_by_author=open_by_author)
        if write and plan.ok:
            write_files(root, plan.files)
    except (EventError, RegisterError, FormError, SettingsError, WriteError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(json.dumps(plan.as_dict(), indent=2, ensure_ascii=False))

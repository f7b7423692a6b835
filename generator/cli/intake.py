"""`pipeline intake`: an issue form or a comment command, as a plan for a pull request."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from generator.cli.options import root_option, today_option
from generator.intake.event import EventError, read_event
from generator.intake.forms import FormError
from generator.intake.plan import apply as apply_plan
from generator.intake.plan import decide
from generator.intake.workspace import Workspace
from generator.register.authorities import RegisterError, read_register
from generator.settings import SettingsError, load_settings


@click.command()
@click.argument(
    "event_file",
    required=False,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
)
@click.option("--apply", "write", is_flag=True, help="Also write the plan's files (when ok).")
@click.option(
    "--register",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    metavar="FILE",
    help="mySociety's local authority register (CSV), to fill a new council's official name "
    "and codes.",
)
@click.option(
    "--register-url",
    "print_register_url",
    is_flag=True,
    help="Print the register's address from pipeline.yml (for the workflow to download it) "
    "and stop.",
)
@today_option
@root_option
def intake(
    event_file: Path | None,
    write: bool,
    register: Path | None,
    print_register_url: bool,
    today: date,
    root: Path,
) -> None:
    """Turn a GitHub issue form or comment command into a plan for a pull request.

    EVENT_FILE is the webhook payload of an `issues` or `issue_comment` event (in Actions,
    $GITHUB_EVENT_PATH). Prints one JSON object: kind, ok, comment (the reply for the issue),
    branch, commit_message, pull_request {title, body}, files [{path, content}], issue and
    close. Forms become new or changed records; the comments /reviewed, /update <text> and
    /retire act on the project the issue names. Changes are checked by the same validator as
    a pull request before they are proposed: when they fail, ok is false, nothing is written
    and the comment names the form's field. Exits 0 whatever the plan says.

    \b
    Example:
        pipeline intake "$GITHUB_EVENT_PATH" --apply > plan.json
    """
    try:
        if print_register_url:
            click.echo(load_settings(root).register_url)
            return
        if event_file is None:
            raise click.UsageError("Give the event file (in Actions, $GITHUB_EVENT_PATH).")
        authorities = read_register(register) if register else None
        event = read_event(event_file)
        workspace = Workspace.open(root, today, authorities)
    except (EventError, RegisterError, FormError, SettingsError) as exc:
        raise click.ClickException(str(exc)) from None
    plan = decide(workspace, event)
    if write:
        apply_plan(root, plan)
    click.echo(json.dumps(plan.as_dict(), indent=2, ensure_ascii=False))

"""`pipeline doctor`: is the repository on GitHub ready for launch? Only reads, through gh."""

from __future__ import annotations

import os
from pathlib import Path

import click

from generator.cli.options import format_option, root_option
from generator.launch.doctor import DoctorError, diagnose
from generator.launch.report import as_json, text
from generator.launch.target import TargetError, repository_name

repo_option = click.option(
    "--repo",
    metavar="OWNER/NAME",
    help="The repository on GitHub. Default: GH_REPO, then the 'origin' remote.",
)


class LaunchError(click.ClickException):
    """Nothing could be checked (no gh, not signed in, no such repository): exit 2."""

    exit_code = 2


@click.command()
@repo_option
@format_option("text", "json", default="text")
@root_option
def doctor(repo: str | None, output_format: str, root: Path) -> None:
    """Check that the repository on GitHub is ready for launch.

    Reads its settings with `gh api` (GET calls only; sign in with `gh auth login`): Pages
    built by GitHub Actions, the default branch protected (branch protection or a ruleset) with
    code-owner review, stale approvals dismissed and the Checks workflow required, a GitHub App
    or the Actions setting that lets Intake open pull requests, the labels, private
    vulnerability reporting and Dependabot. For each: passed, or what is missing and how to
    fix it. Also lists the placeholders still in the settings and records. Exits 0 when every
    required check passes, 1 when any needs fixing, 2 when nothing could be checked.

    \b
    Example:
        pipeline doctor
        pipeline doctor --repo localgovdigital/pipeline --format json
    """
    try:
        name = repository_name(repo, os.environ, root)
        diagnosis = diagnose(name, root)
    except (TargetError, DoctorError) as exc:
        raise LaunchError(str(exc)) from None
    click.echo(as_json(diagnosis) if output_format == "json" else text(diagnosis))
    click.get_current_context().exit(0 if diagnosis.ok else 1)

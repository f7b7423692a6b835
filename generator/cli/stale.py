"""`pipeline stale`: which projects need review, as a report or as a plan for GitHub issues."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import IO

import click

from generator.catalogue import build_catalogue
from generator.checking.repository import check_repository
from generator.cli.options import root_option, today_option
from generator.commit_dates import FALLBACK_NOTE, last_edit_days
from generator.loading.files import LoadedRecord
from generator.settings import SettingsError, load_settings
from generator.stale import StaleProject, find_stale
from generator.stale_issues import PlanError, parse_issues, plan, repository_url
from generator.stale_report import (
    FORMATS,
    github_report,
    json_report,
    markdown_report,
    text_report,
)


@click.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="text for people, github for workflow annotations, json for scripts, markdown for a "
    "job summary.",
)
@click.option("--fail", is_flag=True, help="Exit 1 when any project needs review.")
@click.option(
    "--plan",
    "make_plan",
    is_flag=True,
    help="Print, as JSON, the GitHub issues to open, update and close (needs --issues).",
)
@click.option(
    "--issues",
    type=click.File("r", encoding="utf-8"),
    metavar="FILE",
    help="With --plan: the JSON from `gh issue list --label stale --state all --json "
    "number,title,body,state`; '-' reads it from standard input.",
)
@click.option(
    "--repo-url",
    metavar="URL",
    help="The repository's web address, for links in issues and the summary. Default: the "
    "GitHub repository inside Actions, else repo_url in mkdocs.yml.",
)
@today_option
@root_option
def stale(
    output_format: str,
    fail: bool,
    make_plan: bool,
    issues: IO[str] | None,
    repo_url: str | None,
    today: date,
    root: Path,
) -> None:
    """List the projects that need review, most overdue first.

    A project needs review when its newest sign of life (last_reviewed, its latest update, the
    last commit to its file) is older than the limit for its phase in pipeline.yml, or when its
    next_assessment date has passed. Without Git history only the dates in the records count.

    \b
    Example:
        pipeline stale
        pipeline stale --format markdown >> "$GITHUB_STEP_SUMMARY"
        gh issue list --label stale --state all --json number,title,body,state \\
          | pipeline stale --plan --issues -
    """
    if make_plan != (issues is not None):
        raise click.UsageError("--plan and --issues go together: give both or neither.")
    try:
        settings = load_settings(root)
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from None
    report = check_repository(root, today=today)
    if not report.ok:
        files = len({p.path for p in report.errors})
        raise click.ClickException(
            f"{files} record {'files have' if files != 1 else 'file has'} errors, so which "
            "projects need review cannot be judged. Run `pipeline validate` to see them and "
            "fix them first."
        )
    catalogue = build_catalogue(report.records, root)
    edits = last_edit_days(root, settings.bulk_commit_records)
    found = find_stale(catalogue, today, last_edits=edits, settings=settings)
    note = FALLBACK_NOTE if edits is None else ""

    if make_plan:
        assert issues is not None
        try:
            existing = parse_issues(json.load(issues))
            url = repo_url or repository_url(root, os.environ)
        except json.JSONDecodeError as exc:
            raise click.ClickException(f"The issues file is not valid JSON: {exc}.") from None
        except PlanError as exc:
            raise click.ClickException(str(exc)) from None
        actions = plan(
            found,
            catalogue,
            existing,
            today=today,
            settings=settings,
            repo_url=url,
            last_edits=edits,
        )
        _note(note, err=True)
        click.echo(json.dumps([a.as_dict() for a in actions], indent=2))
    else:
        url = repo_url or _optional_url(root)
        checked = len(catalogue.projects)
        _print_report(output_format, found, report.records, checked, today, note, url)
    click.get_current_context().exit(1 if fail and found else 0)


def _print_report(
    output_format: str,
    found: list[StaleProject],
    records: list[LoadedRecord],
    checked: int,
    today: date,
    note: str,
    url: str,
) -> None:
    places = {
        r.path: r.document.position(("last_reviewed",))
        for r in records
        if r.kind == "project" and "last_reviewed" in r.data
    }
    if output_format == "json":
        _note(note, err=True)
        click.echo(json_report(found))
    elif output_format == "markdown":
        click.echo(markdown_report(found, checked, today, repo_url=url, note=note), nl=False)
    elif output_format == "github":
        if note:
            click.echo(f"::notice title=Pipeline stale check::{note}")
        for line in github_report(found, places, checked, today):
            click.echo(line)
    else:
        _note(note, err=True)
        for line in text_report(found, places, checked, today):
            click.echo(line)


def _note(note: str, *, err: bool) -> None:
    if note:
        click.echo(f"Note: {note}", err=err)


def _optional_url(root: Path) -> str:
    try:
        return repository_url(root, os.environ)
    except PlanError:
        return ""

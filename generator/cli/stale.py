"""`pipeline stale`: which projects need review, as a report or as a plan for GitHub issues.

The click command only parses its options into `StaleArguments` and prints the `Outcome` of
`execute()`, which uses no click, so everything the command decides is testable without it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

import click

from generator.catalogue.construction import build_catalogue
from generator.catalogue.model import Catalogue
from generator.checking.repository import check_repository
from generator.cli.options import format_option, root_option, today_option
from generator.git.commit_dates import FALLBACK_NOTE, last_edit_days
from generator.loading.files import LoadedRecord
from generator.settings import Settings, SettingsError, load_settings, repository_url
from generator.staleness.assessment import StaleProject, find_stale
from generator.staleness.council_issues import council_plan
from generator.staleness.issues import PlanError, parse_issues, plan
from generator.staleness.report import github_report, json_report, markdown_report, text_report


@click.command()
@format_option("text", "markdown", "github", "json", default="text")
@click.option("--fail", is_flag=True, help="Exit 1 when any project needs review.")
@click.option(
    "--plan",
    "make_plan",
    is_flag=True,
    help="Print, as JSON, the GitHub issues to open, update and close (needs --issues): one "
    "per stale project, and one per council with records waiting for it to confirm them.",
)
@click.option(
    "--issues",
    type=click.File("r", encoding="utf-8"),
    metavar="FILE",
    help="With --plan: the JSON from `gh issue list --label stale --state all --json "
    "number,title,body,state`, with the issues labelled waiting-for-council added to the "
    "list; '-' reads it from standard input.",
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

    A project needs review when its newest sign of life (last_reviewed, confirmed, its latest
    update or award, the last commit that edited its file) is older than the limit for its
    phase in pipeline.yml, or when its next_assessment date has passed. Without Git history
    only the dates in the records count.

    With --plan, records written from sources and not yet confirmed by their council get no
    issue each: each lead council gets one issue listing them all.

    \b
    Example:
        pipeline stale
        pipeline stale --format markdown >> "$GITHUB_STEP_SUMMARY"
        gh issue list --label stale --state all --json number,title,body,state \\
          | pipeline stale --plan --issues -
    """
    if make_plan != (issues is not None):
        raise click.UsageError("--plan and --issues go together: give both or neither.")
    arguments = StaleArguments(root, today, output_format, fail, issues, repo_url)
    try:
        outcome = execute(arguments)
    except StaleCommandError as exc:
        raise click.ClickException(str(exc)) from None
    for line in outcome.err:
        click.echo(line, err=True)
    for line in outcome.out:
        click.echo(line)
    click.echo(outcome.text, nl=False)
    click.get_current_context().exit(outcome.exit_code)


class StaleCommandError(Exception):
    """The command cannot go on; the message says what to do."""


@dataclass(frozen=True)
class StaleArguments:
    root: Path
    today: date
    output_format: str = "text"
    fail: bool = False
    issues: IO[str] | None = None  # with it, print the plan for GitHub issues
    repo_url: str | None = None


@dataclass
class Outcome:
    """What to print: `out` and `err` are lines; `text` is printed as it is, after them."""

    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)
    text: str = ""
    exit_code: int = 0


def execute(args: StaleArguments) -> Outcome:
    try:
        settings = load_settings(args.root)
    except SettingsError as exc:
        raise StaleCommandError(str(exc)) from None
    report = check_repository(args.root, today=args.today)
    if not report.ok:
        files = len({p.path for p in report.errors})
        raise StaleCommandError(
            f"{files} record {'files have' if files != 1 else 'file has'} errors, so which "
            "projects need review cannot be judged. Run `pipeline validate` to see them and "
            "fix them first."
        )
    catalogue = build_catalogue(report.records, args.root)
    edits = last_edit_days(args.root, settings.bulk_commit_records)
    found = find_stale(catalogue, args.today, last_edits=edits, settings=settings)
    note = FALLBACK_NOTE if edits is None else ""
    url = args.repo_url or repository_url(args.root, os.environ)
    if args.issues is not None:
        outcome = _plan(args, found, catalogue, settings, url, edits)
        _note(outcome, note, to_err=True)
    else:
        checked = len(catalogue.projects)
        outcome = _report(args, found, report.records, checked, note, url or "")
    outcome.exit_code = 1 if args.fail and found else 0
    return outcome


def _plan(
    args: StaleArguments,
    found: list[StaleProject],
    catalogue: Catalogue,
    settings: Settings,
    url: str | None,
    edits: Mapping[str, date] | None,
) -> Outcome:
    assert args.issues is not None
    if url is None:
        raise StaleCommandError(
            "Give the repository's address with --repo-url, or set repo_url in mkdocs.yml."
        )
    try:
        existing = parse_issues(json.load(args.issues))
    except json.JSONDecodeError as exc:
        raise StaleCommandError(f"The issues file is not valid JSON: {exc}.") from None
    except PlanError as exc:
        raise StaleCommandError(str(exc)) from None
    # Records waiting for their council are asked about in the council's issue instead.
    own = [s for s in found if not catalogue.projects[s.id].waiting_for_council]
    actions = plan(
        own,
        catalogue,
        existing,
        today=args.today,
        settings=settings,
        repo_url=url,
        last_edits=edits,
    )
    actions += council_plan(catalogue, existing, repo_url=url)
    return Outcome(out=[json.dumps([a.as_dict() for a in actions], indent=2)])


def _report(
    args: StaleArguments,
    found: list[StaleProject],
    records: list[LoadedRecord],
    checked: int,
    note: str,
    url: str,
) -> Outcome:
    output_format, today = args.output_format, args.today
    places = {
        r.path: r.document.position(("last_reviewed",))
        for r in records
        if r.kind == "project" and "last_reviewed" in r.data
    }
    outcome = Outcome()
    if output_format == "json":
        _note(outcome, note, to_err=True)
        outcome.out.append(json_report(found))
    elif output_format == "markdown":
        outcome.text = markdown_report(found, checked, today, repo_url=url, note=note)
    elif output_format == "github":
        if note:
            outcome.out.append(f"::notice title=Pipeline stale check::{note}")
        outcome.out.extend(github_report(found, places, checked, today))
    else:
        _note(outcome, note, to_err=True)
        outcome.out.extend(text_report(found, places, checked, today))
    return outcome


def _note(outcome: Outcome, note: str, *, to_err: bool) -> None:
    if note:
        (outcome.err if to_err else outcome.out).append(f"Note: {note}")

"""`pipeline digest`: what happened on Pipeline in a week, to post as it is."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import IO

import click

from generator.cli.checked import checked_catalogue
from generator.cli.options import parse_today, root_option, today_option
from generator.digest import formats, issues
from generator.digest.model import Digest, last_full_week
from generator.digest.week import weekly_digest
from generator.pages.news import digest_html
from generator.site.render import settings_from
from generator.staleness.issues import PlanError, parse_issues


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    return None if value is None else parse_today(ctx, param, value)


@click.command()
@click.option(
    "--since",
    metavar="YYYY-MM-DD",
    callback=_day,
    help="The first day of the week. Default: the Monday of the last whole week.",
)
@click.option(
    "--until",
    metavar="YYYY-MM-DD",
    callback=_day,
    help="The last day, included. Default: six days after --since.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(formats.FORMATS),
    default="markdown",
    show_default=True,
    help="markdown to post, json for scripts, html for an email or a web page.",
)
@click.option(
    "--plan",
    "make_plan",
    is_flag=True,
    help="Print, as JSON, the GitHub issue to open for the week: none when it has "
    "one already (needs --issues).",
)
@click.option(
    "--issues",
    "issues_file",
    type=click.File("r", encoding="utf-8"),
    metavar="FILE",
    help="With --plan: the JSON from `gh issue list --label digest --state all --json "
    "number,title,body,state`; '-' reads it from standard input.",
)
@today_option
@root_option
def digest(
    since: date | None,
    until: date | None,
    output_format: str,
    make_plan: bool,
    issues_file: IO[str] | None,
    today: date,
    root: Path,
) -> None:  # fmt: skip
    """Write the week's news: new projects, councils joining, pledges, progress, reviews,
    maker days coming up and similar projects started by different councils.

    Only the dates in the records count, so the same records and dates always give the same
    digest. Links point to site_url in mkdocs.yml.

    \b
    Example:
        pipeline digest
        pipeline digest --since 2026-11-09 --format html > week.html
        gh issue list --label digest --state all --json number,title,body,state \\
          | pipeline digest --plan --issues -
    """
    if make_plan != (issues_file is not None):
        raise click.UsageError("--plan and --issues go together: give both or neither.")
    week = _week(since, until, today)
    community, catalogue = checked_catalogue(
        root, today, "Some records have errors, so the week cannot be told."
    )
    found = weekly_digest(catalogue, *week, settings=community)
    site = settings_from(root / "mkdocs.yml")
    if make_plan:
        assert issues_file is not None
        _print_plan(found, issues_file, site.site_url, site.site_name)
    elif output_format == "json":
        click.echo(formats.as_json(found, site.site_url, site.site_name), nl=False)
    elif output_format == "html":
        click.echo(digest_html(found, site.site_url, site.site_name), nl=False)
    else:
        click.echo(formats.markdown(found, site.site_url, site.site_name), nl=False)


def _week(since: date | None, until: date | None, today: date) -> tuple[date, date]:
    if since is None and until is None:
        return last_full_week(today)
    if since is None:
        assert until is not None
        since = until - timedelta(days=6)
    if until is None:
        until = since + timedelta(days=6)
    if until < since:
        raise click.BadParameter(
            f"--until ({until.isoformat()}) is before --since ({since.isoformat()}).",
            param_hint="--until",
        )
    return since, until


def _print_plan(found: Digest, issues_file: IO[str], site_url: str, site_name: str) -> None:
    try:
        existing = parse_issues(json.load(issues_file), label=issues.LABEL)
    except json.JSONDecodeError as exc:
        raise click.ClickException(f"The issues file is not valid JSON: {exc}.") from None
    except PlanError as exc:
        raise click.ClickException(str(exc)) from None
    posts = issues.plan(found, existing, site_url, site_name)
    click.echo(json.dumps([p.as_dict() for p in posts], indent=2, ensure_ascii=False))

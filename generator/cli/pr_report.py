"""`pipeline pr-report`: what a pull request changes, who must approve it, what to watch."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import click

from generator.cli.options import format_option, root_option, today_option
from generator.git.runner import GitError
from generator.handles import is_handle
from generator.pull_request.findings import pull_request
from generator.pull_request.formats import annotations, as_json, markdown
from generator.pull_request.report import review
from generator.settings import SettingsError, repository_url


class SetupError(click.ClickException):
    exit_code = 2


def _author(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value and not is_handle(value):
        raise click.BadParameter(f"'{value}' is not a GitHub user name.")
    return value or None


def _default_repo_url() -> str:
    return repository_url(Path("."), os.environ) or ""


@click.command("pr-report")
@click.option("--base", required=True, metavar="REV", help="The branch or commit merged into.")
@click.option(
    "--head", default="HEAD", show_default=True, metavar="REV", help="The pull request's commit."
)
@click.option(
    "--author",
    metavar="LOGIN",
    envvar="PIPELINE_PR_AUTHOR",
    callback=_author,
    help="The pull request author's GitHub login (or set PIPELINE_PR_AUTHOR), to warn when "
    "someone else must approve.",
)
@format_option("markdown", "github", "json", default="markdown")
@click.option(
    "--summary-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also append the Markdown report to this file (in Actions: $GITHUB_STEP_SUMMARY).",
)
@click.option(
    "--repo-url",
    default=_default_repo_url,
    metavar="URL",
    help="Link files to this repository on GitHub. "
    "Default: $GITHUB_SERVER_URL/$GITHUB_REPOSITORY when set.",
)
@today_option
@root_option
def pr_report(
    base: str,
    head: str,
    author: str | None,
    output_format: str,
    summary_file: Path | None,
    repo_url: str,
    today: date,
    root: Path,
) -> None:
    """Report what a pull request changes and who must approve each change.

    Lists the records added, changed, renamed and deleted between the merge base of BASE and
    HEAD, who must approve each (from the ownership in .github/CODEOWNERS, as GitHub reads
    it from the base branch), and warnings: the author is not among the approvers, a record
    is deleted (projects are retired instead), and the record checks' warnings for the
    changed files. Exits 0 (warnings never fail a pull request) unless the pull request
    reuses the id of a deleted or renamed record for something different: then 1. Needs the
    history of both commits (in Actions, actions/checkout with fetch-depth: 0).

    \b
    Example:
        pipeline pr-report --base origin/main
        pipeline pr-report --base "$BASE_SHA" --head "$HEAD_SHA" --author "$PR_AUTHOR" \\
            --format github --summary-file "$GITHUB_STEP_SUMMARY"
    """
    try:
        with pull_request(root.resolve(), base, head, today=today, author=author) as pr:
            report = review(pr)
    except GitError as exc:
        raise SetupError(str(exc)) from None
    except (SettingsError, ValueError) as exc:
        raise SetupError(str(exc)) from None
    if summary_file:
        with summary_file.open("a", encoding="utf-8") as handle:
            handle.write(markdown(report, repo_url))
    if output_format == "json":
        click.echo(as_json(report))
    elif output_format == "github":
        for line in annotations(report):
            click.echo(line)
    else:
        click.echo(markdown(report, repo_url), nl=False)
    click.get_current_context().exit(1 if report.failed else 0)

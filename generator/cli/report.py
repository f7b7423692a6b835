"""`pipeline report council ID`: a council's portfolio, to take to a board or a team."""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path

import click

from generator.cli.checked import checked_catalogue, site_settings
from generator.cli.options import parse_today, root_option, today_option
from generator.git.commit_dates import last_edit_days
from generator.pages.portfolio import report_html
from generator.portfolio import formats
from generator.portfolio.model import DEFAULT_SINCE_DAYS, council_portfolio
from generator.savings.estimate import estimate
from generator.staleness.assessment import last_activity


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    return None if value is None else parse_today(ctx, param, value)


@click.group()
def report() -> None:
    """Reports made from the records."""


@report.command("council")
@click.argument("council_id", metavar="ID")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(formats.FORMATS),
    default="markdown",
    show_default=True,
    help="markdown for board papers, html to print or send as one file, csv for a "
    "spreadsheet (one row per project), json for scripts.",
)
@click.option(
    "--since",
    metavar="YYYY-MM-DD",
    callback=_day,
    help=f"Report what changed from this day on. Default: {DEFAULT_SINCE_DAYS} days before "
    "--today.",
)
@today_option
@root_option
def council(
    council_id: str, output_format: str, since: date | None, today: date, root: Path
) -> None:
    """Print the portfolio report of the council ID (its file name in councils/).

    The projects it leads, partners in and adopted, grouped by phase; for each, the latest
    update, what changed since --since, what is due (reviews and service assessments) and who
    it works with; then its totals by the savings method. The same report is on the site at
    /councils/ID/report/. The same records, commit and --today always give the same report.

    \b
    Example:
        pipeline report council hackney
        pipeline report council hackney --since 2026-09-01 --format csv > hackney.csv
    """
    settings, catalogue = checked_catalogue(
        root, today, "The records have errors, so the report cannot be made."
    )
    if council_id not in catalogue.councils:
        close = difflib.get_close_matches(council_id, list(catalogue.councils), n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise click.ClickException(
            f"There is no council with the id '{council_id}' in councils/.{hint}"
        )
    # Edits to a record's file count as signs of life, as on the site, up to --today only.
    edits = {
        path: day
        for path, day in (last_edit_days(root, settings.bulk_commit_records) or {}).items()
        if day <= today
    }
    portfolio = council_portfolio(
        catalogue, council_id, today, since, savings=estimate(catalogue, settings.band_points),
        settings=settings, activity_of=lambda p: last_activity(p, edits.get(p.path)),
    )  # fmt: skip
    site = site_settings(root)
    link = site.page_url
    if output_format == "json":
        click.echo(formats.json_bytes(portfolio, link), nl=False)
    elif output_format == "csv":
        click.echo(formats.csv_bytes(portfolio, link), nl=False)
    elif output_format == "html":
        click.echo(report_html(portfolio, site, standalone=True))
    else:
        click.echo(formats.markdown(portfolio, link), nl=False)

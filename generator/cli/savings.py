"""`pipeline savings`: what reuse and shared work saved, as the site, API and CSV show it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from generator.cli.checked import checked_catalogue, site_settings
from generator.cli.options import root_option, today_option
from generator.outputs.api import savings_urls
from generator.outputs.spreadsheet import savings_csv
from generator.savings.document import savings_document, to_json
from generator.savings.estimate import estimate
from generator.savings.report import text_report


@click.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
    help="text for a report, json as in /api/savings.json, csv as in /savings.csv.",
)
@today_option
@root_option
def savings(output_format: str, today: date, root: Path) -> None:
    """Print what reuse and shared work saved, estimated from the records.

    Spend avoided by councils that adopted a reusable service instead of building their own,
    building costs shared by partners, and time and money pledged, with the budget-band points
    from pipeline.yml that the estimates use. The figures depend only on the records and
    pipeline.yml, so the same commit always gives the same figures (--today sets the date the
    json says it was generated). Exits 1 when the records have errors.

    \b
    Example:
        pipeline savings
        pipeline savings --format csv > savings.csv
    """
    settings, catalogue = checked_catalogue(
        root, today, "The records have errors, so the savings cannot be worked out."
    )
    figures = estimate(catalogue, settings.band_points)
    urls = savings_urls(site_settings(root))
    if output_format == "json":
        click.echo(to_json(savings_document(figures, catalogue, urls, today)), nl=False)
    elif output_format == "csv":
        click.echo(savings_csv(figures, catalogue), nl=False)
    else:
        click.echo(text_report(figures, catalogue, urls.method))

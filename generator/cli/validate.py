"""`pipeline validate`: check records and report problems where officers will see them."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from generator.checking.repository import check_repository
from generator.cli.options import format_option, root_option, today_option
from generator.reporting import as_json, choose_format, github_annotation, summary, text_lines


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option("auto", "text", "github", "json", default="auto")
@today_option
@root_option
def validate(paths: tuple[Path, ...], output_format: str, today: date, root: Path) -> None:
    """Check records against the schemas and the rules between records.

    With no PATH, every record is checked. A PATH may be a record file or a folder. Exits 0
    when everything is valid (warnings allowed), 1 when any record has an error.

    \b
    Example:
        pipeline validate
        pipeline validate projects/report-a-missed-bin.yml
        pipeline validate --format github
    """
    missing = [p for p in paths if not p.exists() and not (root / p).exists()]
    if missing:
        raise click.BadParameter(f"there is no file or folder '{missing[0]}'.", param_hint="PATH")
    resolved = [p if p.exists() else root / p for p in paths]
    report = check_repository(root, today=today, paths=resolved or None)
    chosen = choose_format(output_format)
    if chosen == "json":
        click.echo(as_json(report.problems))
    elif chosen == "github":
        for problem in report.problems:
            click.echo(github_annotation(problem))
        click.echo(summary(len(report.checked_paths), report.problems))
    else:
        colour = sys.stdout.isatty()
        for line in text_lines(report.problems, colour):
            click.echo(line)
        click.echo(summary(len(report.checked_paths), report.problems))
    click.get_current_context().exit(0 if report.ok else 1)

"""Options and behaviour shared by every sub-command."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import click


class PipelineGroup(click.Group):
    """A group whose commands never show a traceback: internal errors get one line and exit 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            raise click.Abort() from None
        except Exception as exc:  # the promise to users: never a traceback
            click.echo(
                f"pipeline: internal error: {type(exc).__name__}: {exc}. "
                "Nothing was changed. Please report this with the command you ran.",
                err=True,
            )
            ctx.exit(2)


def parse_today(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date in the form YYYY-MM-DD.") from None


today_option = click.option(
    "--today",
    metavar="YYYY-MM-DD",
    callback=parse_today,
    help="Check dates as if today were this day (for reproducible reports and tests).",
)

root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The repository's top folder.",
)


# What each output format is for; every command that prints a report offers some of them.
FORMAT_PURPOSES = {
    "text": "text for people",
    "markdown": "markdown for a job summary",
    "github": "github for workflow annotations",
    "json": "json for scripts",
}


def format_option(*formats: str, default: str) -> Any:
    """The one `--format` switch. With "auto" first, GitHub annotations are chosen inside
    GitHub Actions and text elsewhere (`generator.reporting.choose_format`)."""
    named = [f for f in formats if f != "auto"]
    purposes = ", ".join(FORMAT_PURPOSES[f] for f in named)
    auto = " auto picks github inside GitHub Actions." if "auto" in formats else ""
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(list(formats)),
        default=default,
        show_default=True,
        help=f"{purposes[0].upper()}{purposes[1:]}.{auto}",
    )

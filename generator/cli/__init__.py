"""The `pipeline` command. Each sub-command lives in its own module and only parses options;
the work is done by functions in the rest of the package."""

from __future__ import annotations

import sys
from typing import Any

import click

from generator.cli import quick_exit
from generator.cli.build import build, render
from generator.cli.codeowners import codeowners
from generator.cli.councils import councils
from generator.cli.digest import digest
from generator.cli.doctor import doctor
from generator.cli.intake import intake
from generator.cli.labels import labels
from generator.cli.new import new
from generator.cli.options import PipelineGroup
from generator.cli.pr_report import pr_report
from generator.cli.report import report
from generator.cli.savings import savings
from generator.cli.similar import similar
from generator.cli.stale import stale
from generator.cli.validate import validate


@click.group(cls=PipelineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pipeline-catalogue", prog_name="pipeline")
def cli() -> None:
    """Pipeline: check the records and build the catalogue of council collaboration projects.

    Run from the repository's top folder (the one holding projects/, councils/ and makerdays/).
    """


COMMANDS = (
    validate,
    new,
    build,
    render,
    stale,
    digest,
    codeowners,
    pr_report,
    similar,
    councils,
    intake,
    savings,
    doctor,
    labels,
    report,
)
for command in COMMANDS:
    cli.add_command(command)


def main(argv: list[str] | None = None) -> Any:
    try:
        return cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="pipeline")
    except SystemExit as done:
        quick_exit.end_now_if_asked(done.code)
        raise

"""`pipeline labels`: the labels Pipeline uses, and creating the ones a repository lacks."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from generator.cli.doctor import LaunchError, repo_option
from generator.cli.options import format_option, root_option
from generator.labels import LABELS, labels_named
from generator.launch import label_sync
from generator.launch.github import GhError, GitHub
from generator.launch.target import TargetError, repository_name


@click.command()
@click.argument("names", nargs=-1)
@click.option(
    "--create",
    is_flag=True,
    help="Create those of the labels that the repository lacks (with gh); the rest stay as "
    "they are.",
)
@repo_option
@format_option("text", "json", default="text")
@root_option
def labels(
    names: tuple[str, ...], create: bool, repo: str | None, output_format: str, root: Path
) -> None:
    """List the labels the issue forms and workflows use, or create the missing ones.

    With NAMES, only those labels. --create reads the repository's labels and creates each
    one it lacks, with its colour and description, so running it again changes nothing. The
    Stale, Digest and Intake workflows run it before they use a label.

    \b
    Example:
        pipeline labels
        pipeline labels --create --repo localgovdigital/pipeline
        pipeline labels --create stale
    """
    try:
        chosen = labels_named(list(names)) if names else list(LABELS)
    except KeyError as exc:
        known = ", ".join(f"'{label.name}'" for label in LABELS)
        raise click.BadParameter(f"there is no label {exc}; the labels are {known}.") from None
    if not create:
        if output_format == "json":
            rows = [vars(label) for label in chosen]
            click.echo(json.dumps(rows, indent=2))
        else:
            for label in chosen:
                click.echo(
                    f"{label.name} (#{label.colour}): {label.description} (used by {label.used_by})"
                )
        return
    try:
        name = repository_name(repo, os.environ, root)
        github = GitHub()
        lacking = label_sync.missing(github, name, chosen)
        label_sync.create(github, name, lacking)
    except (TargetError, GhError) as exc:
        raise LaunchError(str(exc)) from None
    if output_format == "json":
        click.echo(json.dumps({"repository": name, "created": [lb.name for lb in lacking]}))
    elif lacking:
        for label in lacking:
            click.echo(f"Created the label '{label.name}' on {name}.")
    else:
        click.echo(f"{name} has all {len(chosen)} labels already.")

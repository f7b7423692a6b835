"""`pipeline codeowners`: write .github/CODEOWNERS from the records, or check it is current."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.options import root_option
from generator.ownership.codeowners import (
    CODEOWNERS_PATH,
    codeowners_diff,
    render_codeowners,
    repository_ownership,
)
from generator.problems import error
from generator.reporting import choose_format, github_annotation
from generator.settings import SettingsError


class ConfigError(click.ClickException):
    exit_code = 2


@click.command()
@click.option(
    "--check",
    is_flag=True,
    help="Change nothing; exit 1 (showing the difference) when the file is out of date.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path(CODEOWNERS_PATH),
    show_default=True,
    help="Where the file goes, relative to --root.",
)
@root_option
def codeowners(check: bool, output: Path, root: Path) -> None:
    """Write GitHub's CODEOWNERS file from the records' maintainers.

    Each project is owned by its maintainers and its lead council's; each council by its
    own; each maker day by its hosts'. schema/, generator/, .github/, mkdocs.yml and
    pipeline.yml, and records whose people name no maintainers, belong to the core
    maintainers named in pipeline.yml. With branch protection requiring code-owner
    review, GitHub then asks those people to approve every change to their records.

    \b
    Example:
        pipeline codeowners
        pipeline codeowners --check
    """
    try:
        ownership = repository_ownership(root)
    except (SettingsError, ValueError) as exc:
        raise ConfigError(str(exc)) from None
    expected = render_codeowners(ownership)
    target = output if output.is_absolute() else root / output
    shown = output.as_posix()
    if check:
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        difference = codeowners_diff(current, expected, shown)
        if not difference:
            click.echo(f"{shown} is up to date with the records.")
            return
        problem = error(
            shown,
            1,
            1,
            f"{shown} is missing." if current is None else f"{shown} is out of date.",
            "Run `pipeline codeowners` and commit the result, or (in GitHub's editor) make "
            "the changes shown in the check's log: lines starting with + are added, - removed.",
            "codeowners",
        )
        if choose_format("auto") == "github":
            click.echo(github_annotation(problem))
        click.echo(f"{problem.message} {problem.hint}")
        click.echo(difference, nl=False)
        click.get_current_context().exit(1)
    target.parent.mkdir(parents=True, exist_ok=True)
    unchanged = target.is_file() and target.read_text(encoding="utf-8") == expected
    if not unchanged:
        target.write_text(expected, encoding="utf-8")
    fallbacks = sum(bool(r.fallback) for r in ownership.rules)
    records = len(ownership.record_rules())
    click.echo(
        f"{'Kept' if unchanged else 'Wrote'} {shown}: {records} records, "
        f"{fallbacks} looked after by the core maintainers because nobody else is named."
    )

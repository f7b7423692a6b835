"""`pipeline councils`: council records from the UK local authority register."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from generator.cli.options import root_option, today_option
from generator.register.authorities import RegisterError, read_register, select
from generator.register.importing import CouncilImportError, apply_plan, plan_import


@click.group()
def councils() -> None:
    """Council records from the UK local authority register."""


@councils.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--codes",
    metavar="CODES",
    help="Only the authorities with these register codes, comma-separated, e.g. WBK,HCK. "
    "Without it, every current authority, and the abolished ones that already have a record. "
    "An abolished authority gets its end date and the ids of the councils that replaced it.",
)
@click.option("--dry-run", is_flag=True, help="Say what would change, and write nothing.")
@today_option
@root_option
def import_councils(file: Path, codes: str | None, dry_run: bool, today: date, root: Path) -> None:
    """Create or update council records from the register in FILE.

    FILE is mySociety's UK local authority register (uk_local_authorities_future.csv, from
    https://pages.mysociety.org/uk_local_authority_names_and_codes). Records are matched by
    register code, then GSS code, then file name. The register's name, codes, type, nation and
    region replace what a record has; a short name is added only when there is none; every
    other key, comment and line stays as it is. Running it twice changes nothing. Exits 1 when
    an authority had to be skipped.

    \b
    Example:
        pipeline councils import uk_local_authorities_future.csv --codes WBK,HCK
        pipeline councils import uk_local_authorities_future.csv --dry-run
    """
    try:
        authorities = read_register(file)
        chosen = select(authorities, today, codes.split(",") if codes is not None else None)
        if codes is not None and not chosen:
            raise RegisterError("--codes names no authority: give codes such as WBK,HCK.")
        plan = plan_import(root, chosen, authorities, abolished_on_file=codes is None)
    except (RegisterError, CouncilImportError) as exc:
        raise click.ClickException(str(exc)) from None
    if not dry_run:
        apply_plan(root, plan)

    would = "would be " if dry_run else ""
    for change in plan.to_write:
        detail = f" ({', '.join(change.keys)})" if change.action == "updated" else ""
        click.echo(f"{change.path}: {would}{change.action}{detail}")
    for reason in plan.skipped:
        click.echo(f"Skipped {reason}", err=True)
    click.echo(
        f"{'Dry run, nothing written: ' if dry_run else ''}"
        f"{plan.count('created')} {would}created, {plan.count('updated')} {would}updated, "
        f"{plan.count('unchanged')} unchanged, {len(plan.skipped)} skipped "
        f"(from {len(chosen)} authorities in {file.name})."
    )
    if plan.to_write and not dry_run:
        click.echo("Next: check them with `pipeline validate councils` and open a pull request.")
    click.get_current_context().exit(1 if plan.skipped else 0)
